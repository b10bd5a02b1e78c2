// The cautions a run shows at the step they are about, not only in the notes before the run:
// a person pressing KI3 with --pregnant reads "use only light pressure" while pressing it.
import type { Catalog, SaidWithin } from '../model/catalog.js';
import type { Condition, Point, Routine } from '../model/types.js';
import type { Finding } from './safety.js';
import { GENERAL, withReadAlso } from './safety.js';
import { PRESSURES, pressureAllowed, withinPressure, type Pressure } from './pressure-words.js';
import { sentences } from './safety-words.js';

/** One caution of a step, as the phase events of `run --json` carry it. */
export interface StepCaution {
  condition: string;
  point?: string;
  region?: string;
  technique?: string;
  reason: string;
}

/**
 * The cautions (not avoids: those steps are refused or skipped) for each step, by step index,
 * one per rule and place, in the findings' order.
 */
export function cautionsByStep(findings: readonly Finding[]): Map<number, StepCaution[]> {
  const out = new Map<number, StepCaution[]>();
  const seen = new Set<string>();
  for (const f of findings) {
    if (f.level !== 'caution' || f.step === undefined) continue;
    const key = `${f.step}\u0000${f.condition}\u0000${f.reason}\u0000${f.point ?? ''}\u0000${f.region ?? ''}\u0000${f.technique ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = out.get(f.step) ?? [];
    list.push({ condition: f.condition, ...(f.point ? { point: f.point } : {}), ...(f.region ? { region: f.region } : {}), ...(f.technique ? { technique: f.technique } : {}), reason: f.reason });
    out.set(f.step, list);
  }
  return out;
}

/**
 * What a caution asks of the person, short enough for a line beside the countdown: its reason's
 * last sentence, which in every rule says what to do ("Because the sources disagree, use only
 * light pressure on it, or ask your practitioner first."); the whole reason was in the notes
 * before the run, and is in `check`.
 */
export function cautionAsk(reason: string): string {
  return sentences(reason).at(-1)!.trim();
}

/**
 * The lines a step's cautions take on screen, one per condition and what it asks, each
 * `With pregnancy: …` (or `Caution: …` for a rule for everyone), without the warning glyph.
 */
export function cautionLines(cautions: readonly StepCaution[]): string[] {
  const lines: string[] = [];
  for (const x of cautions) {
    const line = `${x.condition === GENERAL ? 'Caution' : `With ${x.condition}`}: ${cautionAsk(x.reason)}`;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}

/** The most pressure a press step may ask for, and why. */
export interface PressureCap {
  pressure: Pressure;
  /** Whose caution sets it: a condition id, or `general`; undefined when it is the point's own `pressure`. */
  condition?: string;
  /** A step's cue said within the cap (withinPressure), for cues.ts, which keeps the pressure words out of the start of show and list. */
  say: (cue: string) => string;
}

/**
 * The most pressure each press step may ask for, by step index: the lightest of what a caution on
 * the point it presses names (KI3 with pregnancy: "use only light pressure on it"; LR12: "do not
 * press hard or deeply here", moderate), what a condition in force asks of every point (its
 * `pressure`, pregnancy's "Keep the pressure light", and what its practice advice names, bleeding:
 * "a gentle, short press"; and what a condition its advice says to read too asks: blood-clot reads
 * bleeding, so a clot, treated with blood thinners, presses gently), and the point's own `pressure` (LR12 is gentle: a cue saying "Press
 * firmly" there is said gently). A massage step takes the conditions' cap alone. Steps nothing
 * limits (a firm point without such a caution) are not in the map. The ramp cue then says the same
 * (cues.ts), rather than the point's own "steadily" beside a caution asking for light pressure.
 * run, show and the printable sheet all take their caps from here.
 */
export function pressureCaps(routine: Routine, points: (id: string) => Point | undefined, findings: readonly Finding[], conditions: readonly Condition[], catalog: Pick<Catalog, 'conditions' | 'said'>): Map<number, PressureCap> {
  const said = catalog.said;
  const everywhere = conditionsCap(withReadAlso(catalog, conditions), said);
  const out = new Map<number, PressureCap>();
  routine.steps.forEach((step, i) => {
    if (step.kind === 'massage' && everywhere) out.set(i, everywhere);
    if (step.kind !== 'press') return;
    const cap = capOn(step.point, points(step.point), findings.filter((f) => f.step === i), everywhere, said);
    if (cap) out.set(i, cap);
  });
  return out;
}

/**
 * The most pressure a point card's Press line may ask for under the conditions in force, as
 * pressureCaps would cap a step pressing the point (its `findings`: pointFindings); undefined when
 * nothing limits it. The conditions' read_also count, as for pressureCaps.
 */
export function pointCap(point: Point, findings: readonly Finding[], conditions: readonly Condition[], catalog: Pick<Catalog, 'conditions' | 'said'>): PressureCap | undefined {
  return capOn(point.id, point, findings, conditionsCap(withReadAlso(catalog, conditions), catalog.said), catalog.said);
}

/**
 * What the conditions in force and those they read too (not `general`'s rules, which every cue
 * already keeps) allow at every point; a cap is named for the condition whose advice sets it.
 */
function conditionsCap(conditions: readonly Condition[], said: SaidWithin | undefined): PressureCap | undefined {
  let cap: PressureCap | undefined;
  for (const c of conditions) {
    if (c.id === GENERAL) continue;
    if (c.pressure && (!cap || rank(c.pressure) < rank(cap.pressure))) cap = { pressure: c.pressure, condition: c.id, say: sayWithin(c.pressure, said) };
    for (const rule of c.rules) cap = lighter(cap, rule.practice && rule.level === 'caution' ? rule.reason : undefined, c.id, said);
  }
  return cap;
}

/** The cap on pressing `id`: `everywhere`, lowered by the cautions on the point itself (by a point or a region rule, not on a point its cue names) and by its own pressure. */
function capOn(id: string, point: Point | undefined, findings: readonly Finding[], everywhere: PressureCap | undefined, said: SaidWithin | undefined): PressureCap | undefined {
  let cap = everywhere;
  for (const f of findings) if (f.level === 'caution' && f.point === id) cap = lighter(cap, f.reason, f.condition, said);
  // An unknown point allows no more than moderate, as a point without `pressure` does.
  const own = point?.pressure ?? 'moderate';
  if (own !== 'firm' && (!cap || rank(own) < rank(cap.pressure))) cap = { pressure: own, say: sayWithin(own, said) };
  return cap;
}

const rank = (p: Pressure) => PRESSURES.indexOf(p);

/** The lighter of `cap` and what `reason` allows (the earlier one on a tie). */
function lighter(cap: PressureCap | undefined, reason: string | undefined, condition: string, said: SaidWithin | undefined): PressureCap | undefined {
  // Nothing is lighter than gentle: a reason need not be read (its patterns cost a start-up their compiling).
  if (cap?.pressure === PRESSURES[0]) return cap;
  const allowed = reason === undefined ? undefined : pressureAllowed(reason);
  if (!allowed || (cap && rank(cap.pressure) <= rank(allowed))) return cap;
  return { pressure: allowed, condition, say: sayWithin(allowed, said) };
}

/**
 * withinPressure at `allowed`, each cue worked out once: a plan says a step's cue at every ramp.
 * `said` (the catalog's: the build said every built-in text at each pressure, said-<n>.json)
 * answers the texts it knows, because the pressure words' patterns cost a start some 40 million
 * instructions to compile (`show LI4 --pregnant`, BENCHMARKS.md session 15).
 */
function sayWithin(allowed: Pressure, said: SaidWithin | undefined): (cue: string) => string {
  const memo = new Map<string, string>();
  return (cue) => {
    let out = memo.get(cue);
    if (out === undefined) memo.set(cue, (out = (allowed === 'firm' ? undefined : said?.(cue, allowed)) ?? withinPressure(cue, allowed)));
    return out;
  };
}
