import { UserError } from '../../model/errors.js';
import type { PlanOptions } from '../../core/plan.js';
import { BOUNDS, flagDuration } from '../../model/duration.js';
import { quote } from '../../model/printable.js';

/** The raw flag values of `run` that shape the plan. */
export interface TimingFlags {
  rounds?: string;
  ramp?: string;
  hold?: string;
  release?: string;
  rest?: string;
  side?: 'left' | 'right' | 'both';
  quick?: boolean;
  fit?: string;
}

/** Parse and bound the timing flags; every bad value is a usage error naming its flag. */
export function planOptionsFrom(f: TimingFlags): PlanOptions {
  const o: PlanOptions = {};
  if (f.rounds !== undefined) {
    if (!/^\d+$/.test(f.rounds.trim()) || Number(f.rounds) < 1 || Number(f.rounds) > 10) {
      throw new UserError(`--rounds: expected a whole number from 1 to 10, got ${quote(f.rounds)}`);
    }
    o.rounds = Number(f.rounds);
  }
  if (f.ramp !== undefined) o.ramp = flagDuration('--ramp', f.ramp);
  if (f.hold !== undefined) o.hold = flagDuration('--hold', f.hold, BOUNDS.minPhaseMs, BOUNDS.maxHoldMs);
  if (f.release !== undefined) o.release = flagDuration('--release', f.release);
  if (f.rest !== undefined) o.rest = flagDuration('--rest', f.rest);
  if (f.side !== undefined) o.side = f.side;
  if (f.quick) o.quick = true;
  if (f.fit !== undefined) o.fit = flagDuration('--fit', f.fit, BOUNDS.minPhaseMs, BOUNDS.maxTotalMs);
  if (o.quick && o.fit !== undefined) throw new UserError('--quick and --fit cannot be used together: --quick already fits two minutes');
  return o;
}
