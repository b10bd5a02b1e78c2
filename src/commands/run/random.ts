import type { Catalog } from '../../model/catalog.js';
import type { Condition, Routine } from '../../model/types.js';
import { EXIT, UserError } from '../../model/errors.js';
import { quote } from '../../model/printable.js';
import { filterRoutines } from '../../core/filters.js';
import { GENERAL, routineFindings, unsafeSteps } from '../../core/safety.js';
import { routineFilter } from '../filter-flags.js';
import { bareSecondsHint } from '../duration-hint.js';

/**
 * Pick a routine at random among those matching --max/--tag and safe for the conditions. With
 * `skipUnsafe`, routines with steps to avoid join the draw too (run leaves those steps out),
 * unless nothing would be left of them. When nothing matches the filters, that is a usage error
 * (exit 2); when routines match but all are refused for safety, the error (exit 1) says what the
 * conditions left out and how to let them in.
 */
export function pickRandom(catalog: Catalog, o: { max?: string; tag?: string; skipUnsafe?: boolean }, conditions: Condition[], random: () => number): Routine {
  const rows = filterRoutines(catalog, routineFilter({ max: o.max, tag: o.tag }), conditions, true);
  const whole = (id: string): Routine => catalog.routines.get(id)!;
  const runnable = (r: Routine) => unsafeSteps(routineFindings(catalog, r, conditions).filter((f) => f.level === 'avoid')).size < r.steps.length;
  const pool = rows.filter((row) => !row.avoid || (o.skipUnsafe && runnable(whole(row.routine.id))));
  if (pool.length === 0) {
    const asked = `${o.tag ? ` --tag ${quote(o.tag)}` : ''}${o.max ? ` --max ${quote(o.max)}` : ''}`;
    const avoided = rows.filter((row) => row.avoid).map((row) => row.routine.id);
    const named = conditions.filter((c) => c.id !== GENERAL).map((c) => c.id);
    const which = named.length ? ` with ${named.join(' and ')}` : '';
    const why = avoided.length
      ? `; ${avoided.join(', ')} ${avoided.length === 1 ? 'has' : 'have'} steps to avoid${which}${o.skipUnsafe ? '' : ' (add --skip-unsafe to leave those steps out)'}`
      : '';
    // Routines matched but safety left none: that is a refusal (exit 1, as run refuses an unsafe
    // routine), so a break loop or cron job can tell it from a typo in its flags (exit 2).
    if (rows.length > 0) throw new UserError(`run --random: no routine${asked ? ` matching${asked}` : ''} is safe to run${why}`, EXIT.safety);
    throw new UserError(`run --random: no routine matches${asked}${bareSecondsHint('--max', o.max)}`);
  }
  return whole(pool[Math.floor(random() * pool.length)]!.routine.id);
}
