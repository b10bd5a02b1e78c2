// plan(): a routine plus options → a timeline. Pure: no I/O, no clock, same input same output.
import { UserError } from '../model/errors.js';
import type { Point, PressStep, Routine } from '../model/types.js';
import { BOUNDS, formatDuration } from '../model/duration.js';
import { massageCue, pressCue, rampCue, restCue } from './cues.js';
import type { Phase, Side, Timeline } from '../model/timeline.js';
import type { PressureCap } from './step-cautions.js';

/** Timing defaults from the seeds: 30 s ramp, 60 s hold, 30 s release, 3 rounds. */
export const DEFAULTS = { locate: 10_000, ramp: 30_000, hold: 60_000, release: 30_000, switch: 5_000, rest: 15_000, rounds: 3 } as const;

/** What the user can change from the command line. Durations are milliseconds. */
export interface PlanOptions {
  rounds?: number;
  ramp?: number;
  hold?: number;
  release?: number;
  rest?: number;
  side?: 'left' | 'right' | 'both';
  quick?: boolean;
  fit?: number;
  /** Steps to leave out (by index), e.g. unsafe ones under --skip-unsafe. */
  skipSteps?: ReadonlySet<number>;
  /** The longest a whole routine may take; the 2 h bound unless a caller (the benchmark) lifts it. */
  limit?: number;
  /** false: leave every phase's text empty, when only the timing is wanted (validation, list). */
  texts?: boolean;
  /** The most pressure each step's cue may ask for, by step index (pressureCaps: the cautions and conditions in force). */
  pressureCaps?: ReadonlyMap<number, PressureCap>;
}

/** The --quick profile: one short round per point, fitted into a two-minute break. */
export const QUICK = { rounds: 1, locate: 5_000, ramp: 5_000, hold: 20_000, release: 5_000, switch: 3_000, budget: 2 * 60_000 } as const;

type Draft = Omit<Phase, 'index' | 'offset_ms'>;

/**
 * The shortest `--fit` makes a phase while a plan with more in it can still fit, in ms: time to
 * read where the point is (the --quick locate), to ease in and out, and a hold worth the name.
 * Below these, --fit first drops to one round a point; only when even that cannot fit does a
 * phase go down to the one-second bound. A phase drafted shorter keeps its own length.
 */
export const FIT_FLOORS: Readonly<Record<Phase['kind'], number>> = { locate: 5_000, ramp: 3_000, hold: 5_000, release: 3_000, switch: 2_000, rest: 3_000, massage: 10_000 };

/**
 * The shortest `--fit` makes a press phase while it keeps more than one round a point, in ms:
 * below these a second round is hurried (3 s ramps), and one round with fuller phases reads
 * better, so --fit drops to one round first. Other phases keep their FIT_FLOORS.
 */
export const ROUND_FLOORS: Readonly<Record<Phase['kind'], number>> = { ...FIT_FLOORS, ramp: 5_000, hold: 15_000, release: 5_000 };

/**
 * The longest `--fit` stretches a phase, in ms (a phase written longer keeps its own length): the
 * guides pace a hold at 30 s to 2 minutes (README's sources), easing in and out and finding a
 * point take seconds, not minutes. `--fit 2h` made desk-break's ramps 8 minutes long and its
 * holds 10; past these a routine stretches no further, and run says so.
 */
export const FIT_CEILINGS: Readonly<Record<Phase['kind'], number>> = { locate: 30_000, ramp: 30_000, hold: 120_000, release: 30_000, switch: 10_000, rest: 60_000, massage: 180_000 };

/** A draft's ceiling when stretched: FIT_CEILINGS, or its own length if longer, never over the bounds. */
const ceilingOf = (d: Draft) => Math.min(d.kind === 'hold' ? BOUNDS.maxHoldMs : BOUNDS.maxPhaseMs, Math.max(wholeSeconds(d), FIT_CEILINGS[d.kind]));
/** A draft's own length in whole seconds (at least the one-second bound): fitted phases are whole seconds. */
const wholeSeconds = (d: Draft) => Math.max(BOUNDS.minPhaseMs, Math.floor(d.duration_ms / 1000) * 1000);

/** A draft's floor from `floors`: never above its own whole seconds, never under the bound. */
const floorIn = (floors: Readonly<Record<Phase['kind'], number>>) => (d: Draft) => clamp(Math.floor(d.duration_ms / 1000) * 1000, BOUNDS.minPhaseMs, floors[d.kind]);
/** A draft's comfortable floor (FIT_FLOORS). */
const comfortable = floorIn(FIT_FLOORS);

/** Build the timeline for a routine. `points` looks up point data by id. */
export function plan(routine: Routine, points: (id: string) => Point | undefined, options: PlanOptions = {}): Timeline {
  return finish(routine, fittedDrafts(routine, points, options), options.limit ?? BOUNDS.maxTotalMs);
}

/**
 * How long plan() would make the routine, without building its phases or cue texts (for
 * validation and `list`, which plan every routine). Throws exactly when plan() would.
 */
export function plannedLength(routine: Routine, points: (id: string) => Point | undefined, options: PlanOptions = {}): number {
  const all = fittedDrafts(routine, points, { ...options, texts: false });
  if (all.length === 0) throw nothingLeft(routine);
  let total = 0;
  for (const d of all) total += d.duration_ms;
  checkLimit(routine, total, options.limit ?? BOUNDS.maxTotalMs);
  return total;
}

/** The phases before offsets: drafted, then fitted to the budget of `fit` or `quick`. */
function fittedDrafts(routine: Routine, points: (id: string) => Point | undefined, options: PlanOptions): Draft[] {
  const drafted = draft(routine, points, options, options.quick ? QUICK.rounds : undefined);
  // --quick is "at most two minutes": a routine already shorter (desk-break, 1:58) keeps its own
  // length rather than being stretched to the budget.
  const quickBudget = () => Math.min(QUICK.budget, draft(routine, points, { ...options, quick: false, texts: false }).reduce((n, d) => n + d.duration_ms, 0));
  const budget = options.fit ?? (options.quick ? quickBudget() : undefined);
  if (budget === undefined) return drafted;
  // Fewer rounds before phases too short to follow: every round with presses at ROUND_FLOORS,
  // then one round a point at the comfortable floors, then one round at the one-second bound
  // before giving up. Proportions within a press stay intact in each.
  const oneRound = () => draft(routine, points, options, 1);
  const rounds = drafted.some((d) => (d.rounds ?? 1) > 1);
  // Stretched, each phase stops at its ceiling (FIT_CEILINGS); shrunk, the ceilings are moot.
  if (budget > total(drafted)) return stretched(drafted, budget, options.rounds === undefined ? (r) => draft(routine, points, options, r) : undefined);
  const fitted = (rounds ? fit(drafted, budget, floorIn(ROUND_FLOORS)) : fit(drafted, budget, comfortable)) ?? fit(oneRound(), budget, comfortable) ?? fit(oneRound(), budget);
  if (!fitted) {
    const min = draft(routine, points, options, 1).length * BOUNDS.minPhaseMs;
    throw new UserError(`${formatDuration(budget)} is too short: "${routine.id}" needs at least ${formatDuration(min)} (one second a phase, one round a point)`);
  }
  return fitted;
}

const total = (drafts: Draft[]) => drafts.reduce((n, d) => n + d.duration_ms, 0);

/**
 * `drafts` stretched toward a longer budget: each phase grows by one factor up to its ceiling
 * (FIT_CEILINGS). Where the ceilings stop short, more rounds a point (`withRounds`, up to 10;
 * none when --rounds fixed them), each a little shorter if need be, but not under ROUND_FLOORS.
 * Short of the budget even so, the longest it can be: run says so.
 */
function stretched(drafts: Draft[], budget: number, withRounds?: (rounds: number) => Draft[]): Draft[] {
  const near = (d: Draft[]) => total(d) >= budget - 1_000;
  let best = fit(drafts, budget, wholeSeconds, ceilingOf)!;
  if (near(best) || !withRounds) return best;
  for (let r = Math.max(1, ...drafts.map((d) => d.rounds ?? 1)) + 1; r <= MAX_ROUNDS; r++) {
    const more = withRounds(r);
    const fitted = fit(more, budget, floorIn(ROUND_FLOORS), ceilingOf);
    if (!fitted) break;
    best = fitted;
    if (near(best)) break;
  }
  return best;
}

/** The most rounds a point a routine or --rounds may ask for (the schema's bound). */
const MAX_ROUNDS = 10;

/**
 * The shortest budget at which `--fit` keeps every phase at a pace a person can follow (one round
 * a point, each phase at its FIT_FLOORS, or its own length if shorter), in ms; a shorter budget
 * still fits, down to a second a phase, but too fast to be of use. Pure, like plan().
 */
export function followableFit(routine: Routine, points: (id: string) => Point | undefined, options: PlanOptions = {}): number {
  return draft(routine, points, { ...options, texts: false }, 1).reduce((sum, d) => sum + comfortable(d), 0);
}

function draft(routine: Routine, points: (id: string) => Point | undefined, o: PlanOptions, forceRounds?: number): Draft[] {
  const t = routine.timing;
  const quick = o.quick ? QUICK : undefined;
  const out: Draft[] = [];
  // Cue texts are most of the work of a plan; a caller after the timing alone skips them.
  const texts = o.texts !== false;
  routine.steps.forEach((step, stepIndex) => {
    if (o.skipSteps?.has(stepIndex)) return;
    if (step.kind === 'rest') {
      out.push({ kind: 'rest', step: stepIndex, duration_ms: o.rest ?? step.duration, text: texts ? restCue(step.cue) : '' });
      return;
    }
    if (step.kind === 'massage') {
      // Its cue said within a condition's cap (pregnancy: light pressure), as a press step's is.
      const cap = texts && step.cue ? o.pressureCaps?.get(stepIndex) : undefined;
      out.push({ kind: 'massage', step: stepIndex, duration_ms: step.duration, text: texts ? massageCue(step.area, step.motion, cap ? cap.say(step.cue!) || undefined : step.cue) : '' });
      return;
    }
    const point = points(step.point);
    if (!point) throw new UserError(`${routine.id}: steps[${stepIndex}].press: unknown point "${step.point}"`);
    const rounds = forceRounds ?? o.rounds ?? step.rounds ?? t.rounds ?? DEFAULTS.rounds;
    const ramp = o.ramp ?? quick?.ramp ?? step.ramp ?? t.ramp ?? DEFAULTS.ramp;
    const hold = o.hold ?? quick?.hold ?? step.hold ?? t.hold ?? DEFAULTS.hold;
    const release = o.release ?? quick?.release ?? step.release ?? t.release ?? DEFAULTS.release;
    const locate = quick?.locate ?? step.locate ?? t.locate ?? DEFAULTS.locate;
    const swap = quick?.switch ?? t.switch ?? DEFAULTS.switch;
    const sides = sidesFor(point, step.sides, o.side);
    const id = point.id;
    // Plain literals rather than spreads: a plan is made for every routine `list` shows. The key
    // order is what the JSON events show (step, point, side, round, rounds, kind, …).
    out.push({ step: stepIndex, point: id, kind: 'locate', side: sides[0], duration_ms: locate, text: texts ? pressCue('locate', point, sides[0], { find: step.find }) : '' });
    sides.forEach((side, si) => {
      if (si > 0) out.push({ step: stepIndex, point: id, kind: 'switch', side, duration_ms: swap, text: texts ? pressCue('switch', point, side, { next: side }) : '' });
      for (let round = 1; round <= rounds; round++) {
        if (texts) {
          const { text, ...said } = rampCue(point, side, { cue: cueFor(step, side), cap: o.pressureCaps?.get(stepIndex) });
          out.push({ step: stepIndex, point: id, side, round, rounds, kind: 'ramp', duration_ms: ramp, text, said });
        } else out.push({ step: stepIndex, point: id, side, round, rounds, kind: 'ramp', duration_ms: ramp, text: '' });
        out.push({ step: stepIndex, point: id, side, round, rounds, kind: 'hold', duration_ms: hold, text: texts ? pressCue('hold', point, side, {}) : '' });
        out.push({ step: stepIndex, point: id, side, round, rounds, kind: 'release', duration_ms: release, text: texts ? pressCue('release', point, side, {}) : '' });
      }
    });
  });
  return out;
}

/** A step's cue on `side`: one side pressed alone takes `cue_one_side` when the step has one (its `cue` may speak of both). */
function cueFor(step: PressStep, side: Side): string | undefined {
  return (side === 'left' || side === 'right') && step.cueOneSide !== undefined ? step.cueOneSide : step.cue;
}

/** Which sides to press: midline points have one; bilateral points follow the step, then the flag. */
function sidesFor(point: Point, stepSides: string | undefined, flag: PlanOptions['side']): Side[] {
  if (point.laterality === 'midline') return ['center'];
  const choice = flag ?? stepSides ?? 'each';
  if (choice === 'each') return ['left', 'right'];
  return [choice as Side];
}

/**
 * Scale every phase by one factor so the total fits the budget: never over it, and within a
 * second of it unless every phase is already at its longest. Each phase stays within its bounds
 * and in whole seconds; the seconds lost to rounding down go back to the phases that lost the
 * most (largest remainder), so proportions hold to the second. `floorOf` gives each phase's
 * shortest length (whole seconds; default the one-second bound), `maxOf` its longest (default
 * the bounds). Undefined when the floors alone are over the budget.
 */
export function fit(drafts: Draft[], budget: number, floorOf: (d: Draft) => number = () => BOUNDS.minPhaseMs, maxOf: (d: Draft) => number = (d) => (d.kind === 'hold' ? BOUNDS.maxHoldMs : BOUNDS.maxPhaseMs)): Draft[] | undefined {
  const floors = drafts.map(floorOf);
  if (floors.reduce((s, x) => s + x, 0) > budget) return undefined;
  const scaled = (factor: number) => drafts.map((d, i) => clamp(d.duration_ms * factor, floors[i]!, maxOf(d)));
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  // The total grows with the factor (clamping only flattens it), so bisect for the factor whose
  // unrounded total meets the budget.
  let lo = 0;
  let hi = budget / Math.max(1, Math.min(...drafts.map((d) => d.duration_ms)));
  for (let i = 0; i < 64 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (sum(scaled(mid)) <= budget) lo = mid;
    else hi = mid;
  }
  const exact = scaled(lo);
  const whole = exact.map((x, i) => clamp(Math.floor(x / 1000) * 1000, floors[i]!, maxOf(drafts[i]!)));
  let spare = Math.floor((budget - sum(whole)) / 1000);
  const byRemainder = exact.map((_, i) => i).sort((i, j) => exact[j]! - whole[j]! - (exact[i]! - whole[i]!) || i - j);
  for (const i of byRemainder) {
    if (spare <= 0) break;
    if (whole[i]! + 1000 > maxOf(drafts[i]!)) continue;
    whole[i] = whole[i]! + 1000;
    spare--;
  }
  return drafts.map((d, i) => ({ ...d, duration_ms: whole[i]! }));
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function nothingLeft(routine: Routine): UserError {
  return new UserError(`"${routine.id}": nothing left to run`);
}

function checkLimit(routine: Routine, total: number, limit: number): void {
  if (total > limit) {
    throw new UserError(`"${routine.id}" would take ${formatDuration(total)}, more than the ${formatDuration(limit)} limit for a routine`);
  }
}

function finish(routine: Routine, drafts: Draft[], limit: number): Timeline {
  if (drafts.length === 0) throw nothingLeft(routine);
  let offset = 0;
  const phases: Phase[] = drafts.map((d, index) => {
    const p = { index, offset_ms: offset, ...d };
    offset += d.duration_ms;
    return p;
  });
  checkLimit(routine, offset, limit);
  const points = [...new Set(phases.flatMap((p) => (p.point ? [p.point] : [])))];
  return { routine: routine.id, title: routine.title, phases, total_ms: offset, points };
}
