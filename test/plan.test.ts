import { describe, expect, it } from 'vitest';
import { DEFAULTS, FIT_CEILINGS, FIT_FLOORS, plan, type PlanOptions } from '../src/core/plan.js';
import { lookup, massage, press, rest, routine } from './fixtures-data.js';
import { loadBuiltin } from '../src/store/load-catalog.js';

const kinds = (steps: Parameters<typeof routine>[0], o: PlanOptions = {}, t = {}) => plan(routine(steps, t), lookup, o).phases.map((p) => `${p.kind}${p.side ? `:${p.side}` : ''}`).join(' ');
const total = (steps: Parameters<typeof routine>[0], o: PlanOptions = {}, t = {}) => plan(routine(steps, t), lookup, o).total_ms;

describe('plan', () => {
  it('defaults follow the seeds', () => expect(DEFAULTS).toMatchObject({ ramp: 30_000, hold: 60_000, release: 30_000, rounds: 3 }));
  it('midline point: locate then rounds', () => expect(kinds([press('M1')], { rounds: 1 })).toBe('locate:center ramp:center hold:center release:center'));
  it('bilateral: left, switch, right', () => expect(kinds([press('A1')], { rounds: 1 })).toBe('locate:left ramp:left hold:left release:left switch:right ramp:right hold:right release:right'));
  it('both sides at once', () => expect(kinds([press('A1', { sides: 'both' })], { rounds: 1 })).toBe('locate:both ramp:both hold:both release:both'));
  it('--side overrides the step', () => expect(kinds([press('A1', { sides: 'both' })], { rounds: 1, side: 'right' })).toBe('locate:right ramp:right hold:right release:right'));
  it('massage and rest steps', () => expect(kinds([massage('palm', 60_000), rest(20_000)])).toBe('massage rest'));
  it('default total for one bilateral point', () => expect(total([press('A1')])).toBe(10_000 + 2 * 3 * 120_000 + 5_000));
  it('routine timing applies', () => expect(total([press('M1')], {}, { ramp: 5_000, hold: 10_000, release: 5_000, rounds: 2, locate: 3_000 })).toBe(3_000 + 2 * 20_000));
  it('step overrides beat routine timing', () => expect(total([press('M1', { hold: 1_000, rounds: 1 })], {}, { ramp: 1_000, release: 1_000, locate: 1_000, hold: 9_000 })).toBe(4_000));
  it('flags beat step overrides', () => expect(total([press('M1', { hold: 50_000 })], { hold: 2_000, ramp: 1_000, release: 1_000, rounds: 1 }, { locate: 1_000 })).toBe(5_000));
  it('--rounds', () => expect(plan(routine([press('M1')]), lookup, { rounds: 5 }).phases.filter((p) => p.kind === 'hold')).toHaveLength(5));
  it('--rest changes rest steps', () => expect(total([rest(20_000)], { rest: 5_000 })).toBe(5_000));
  it('offsets are contiguous', () => {
    const t = plan(routine([press('A1'), massage('x', 7_000), press('M1')]), lookup);
    t.phases.forEach((p, i) => expect(p.offset_ms).toBe(i === 0 ? 0 : t.phases[i - 1]!.offset_ms + t.phases[i - 1]!.duration_ms));
    expect(t.total_ms).toBe(t.phases.reduce((s, p) => s + p.duration_ms, 0));
  });
  it('--fit shrinks to the budget, keeping bounds', () => {
    const t = plan(routine([press('A1'), press('M1')]), lookup, { fit: 180_000 });
    expect(t.total_ms).toBeLessThanOrEqual(180_000);
    expect(t.total_ms).toBeGreaterThan(150_000);
    for (const p of t.phases) expect(p.duration_ms).toBeGreaterThanOrEqual(1_000);
  });
  it('--fit keeps proportions (hold stays twice the ramp, to the whole second)', () => {
    const t = plan(routine([press('M1')]), lookup, { fit: 60_000 });
    const ramp = t.phases.find((p) => p.kind === 'ramp')!.duration_ms;
    const hold = t.phases.find((p) => p.kind === 'hold')!.duration_ms;
    // Each phase is floored to whole seconds, so the ratio may be off by under a second each.
    expect(Math.abs(hold - 2 * ramp)).toBeLessThan(2_000);
  });
  it('--fit drops to one round before giving up', () => expect(plan(routine([press('A1')]), lookup, { fit: 10_000 }).phases.filter((p) => p.kind === 'hold')).toHaveLength(2));
  it('--fit refuses an impossible budget', () => expect(() => plan(routine([press('A1')]), lookup, { fit: 3_000 })).toThrow(/needs at least 8s/));
  it('--fit can stretch a short routine, within bounds', () => {
    const t = plan(routine([press('M1', { rounds: 1 })], { ramp: 5_000, hold: 10_000, release: 5_000, locate: 5_000 }), lookup, { fit: 50_000 });
    expect(t.total_ms).toBeLessThanOrEqual(50_000);
    expect(t.total_ms).toBeGreaterThanOrEqual(45_000);
  });
  it('--quick fits two minutes', () => expect(total([press('A1'), press('B1'), press('M1')], { quick: true })).toBeLessThanOrEqual(120_000));
  it('--quick never lengthens a routine already under two minutes (desk-break was 1:58, and 2:00 with --quick)', () => {
    const short = routine([press('M1', { rounds: 1 })], { locate: 10_000, ramp: 5_000, hold: 20_000, release: 5_000 });
    const normal = plan(short, lookup).total_ms;
    expect(normal).toBeLessThan(120_000);
    expect(plan(short, lookup, { quick: true }).total_ms).toBeLessThanOrEqual(normal);
  });
  it('--quick is one round', () => expect(plan(routine([press('M1')]), lookup, { quick: true }).phases.filter((p) => p.kind === 'hold')).toHaveLength(1));
  it('skipSteps leaves steps out', () => expect(kinds([press('M1'), rest(5_000)], { skipSteps: new Set([0]) })).toBe('rest'));
  it('refuses a routine over two hours', () => expect(() => plan(routine([press('A1')]), lookup, { rounds: 10, hold: 600_000 })).toThrow(/more than the 2h limit/));
  it('locate text says how to find the point, in lower case after its colon', () => expect(plan(routine([press('A1')]), lookup).phases[0]!.text).toBe('Find A1 (PA1, Point A1) on your left hand: where A1 is.'));
  it('a find text that says "Find the spot…" itself is not preceded by another "Find"; ids and acronyms keep their case', () => {
    const text = (find: string) => plan(routine([press('A1', { find })]), lookup).phases[0]!.text;
    expect(text('Find the spot in the hollow.')).toBe('A1 (PA1, Point A1) on your left hand: find the spot in the hollow.');
    expect(text('GB20 is level with it.')).toBe('Find A1 (PA1, Point A1) on your left hand: GB20 is level with it.');
    expect(text('I find it by feel.')).toBe('Find A1 (PA1, Point A1) on your left hand: I find it by feel.');
  });
  it('is deterministic', () => expect(plan(routine([press('A1')]), lookup, { fit: 77_000 })).toEqual(plan(routine([press('A1')]), lookup, { fit: 77_000 })));
  it('a massage cue that opens with its motion\'s name says it once (techniques said "Back of the neck, kneading: Kneading. Grasp …")', () => {
    const text = (motion: string, cue?: string) => plan(routine([{ ...massage('the back of the neck', 60_000), motion, cue } as never]), lookup).phases[0]!.text;
    expect(text('kneading', 'Kneading. Grasp the back of your neck.')).toBe('The back of the neck: Kneading. Grasp the back of your neck.');
    expect(text('pressure', 'Finger pressure. Press gently.')).toBe('The back of the neck: Finger pressure. Press gently.');
    expect(text('stretching', 'gentle stretching: ear toward shoulder.')).toBe('The back of the neck: gentle stretching: ear toward shoulder.');
    // Another word that starts the same, or another motion's name, keeps the label.
    expect(text('kneading', 'Knead slowly.')).toBe('The back of the neck, kneading: Knead slowly.');
    expect(text('rolling', 'Rollingly, gently.')).toBe('The back of the neck, rolling: Rollingly, gently.');
    expect(text('tapping', 'Kneading first, then tap.')).toBe('The back of the neck, tapping: Kneading first, then tap.');
    expect(text('kneading')).toBe('Knead, squeezing and rolling the muscle, over the back of the neck.');
  });
  it('no massage phase of a built-in routine names its motion twice', async () => {
    const catalog = await loadBuiltin();
    for (const r of catalog.routines.values()) {
      for (const p of plan(r, (id) => catalog.points.get(id)).phases) {
        if (p.kind === 'massage') expect(p.text, r.id).not.toMatch(/^[^:]*, ([a-z ]+): \1\b/i);
      }
    }
  });
});

describe('--fit on every built-in routine', async () => {
  const { loadBuiltin } = await import('../src/store/load-catalog.js');
  const catalog = await loadBuiltin();
  const routines = [...catalog.routines.values()];
  const minutes = Array.from({ length: 30 }, (_, i) => i + 1);
  it.each(routines.map((r) => [r.id]))('%s fits every whole minute from 1 to 30, never over and at most 1 s under, unless every phase is at its ceiling', (id) => {
    const r = catalog.routines.get(id)!;
    const own = plan(r, (p) => catalog.points.get(p));
    // The longest phase of each kind the routine writes: a phase written longer than its ceiling keeps its length.
    const longest = (kind: keyof typeof FIT_CEILINGS) => Math.max(FIT_CEILINGS[kind], ...own.phases.filter((p) => p.kind === kind).map((p) => p.duration_ms));
    for (const m of minutes) {
      const budget = m * 60_000;
      const t = plan(r, (p) => catalog.points.get(p), { fit: budget });
      expect(t.total_ms, `${id} --fit ${m}m`).toBeLessThanOrEqual(budget);
      for (const p of t.phases) if (t.total_ms > own.total_ms) expect(p.duration_ms, `${id} --fit ${m}m ${p.kind}`).toBeLessThanOrEqual(longest(p.kind));
      if (t.total_ms >= budget - 1_000) continue;
      // Short of it only at the longest a routine stretches: every phase at its ceiling, ten rounds a point.
      for (const p of t.phases) expect(p.duration_ms, `${id} --fit ${m}m ${p.kind} short of its ceiling`).toBeGreaterThanOrEqual(FIT_CEILINGS[p.kind]);
      for (const p of t.phases) if (p.rounds !== undefined) expect(p.rounds, `${id} --fit ${m}m`).toBe(10);
    }
  });
  it('--fit 2h of desk-break: holds of 2 minutes at most and ramps of 30 s, more rounds instead of longer phases; with --rounds, no more rounds', () => {
    const r = catalog.routines.get('desk-break')!;
    const points = (p: string) => catalog.points.get(p);
    const t = plan(r, points, { fit: 30 * 60_000 });
    expect(t.total_ms).toBeGreaterThanOrEqual(30 * 60_000 - 1_000);
    expect(Math.max(...t.phases.filter((p) => p.kind === 'hold').map((p) => p.duration_ms))).toBeLessThanOrEqual(120_000);
    expect(Math.max(...t.phases.filter((p) => p.kind === 'ramp').map((p) => p.duration_ms))).toBeLessThanOrEqual(30_000);
    expect(Math.max(...t.phases.map((p) => p.rounds ?? 1))).toBeGreaterThan(1);
    const fixed = plan(r, points, { fit: 2 * 3_600_000, rounds: 1 });
    expect(fixed.total_ms).toBeLessThan(20 * 60_000);
    expect(Math.max(...fixed.phases.map((p) => p.rounds ?? 1))).toBe(1);
  });
  it.each(routines.map((r) => [r.id]))('%s: no phase under its comfortable floor while one round a point at the floors would fit', (id) => {
    const r = catalog.routines.get(id)!;
    const points = (p: string) => catalog.points.get(p);
    // What one round a point needs with every phase at its floor (or its own length, if shorter).
    const oneRound = plan(r, points, { rounds: 1 }).phases.reduce((s, p) => s + Math.min(p.duration_ms, FIT_FLOORS[p.kind]), 0);
    for (const m of minutes) {
      const t = plan(r, points, { fit: m * 60_000 });
      const squeezed = t.phases.filter((p) => p.duration_ms < FIT_FLOORS[p.kind]);
      if (squeezed.length) expect(oneRound, `${id} --fit ${m}m squeezes ${squeezed[0]!.kind} to ${squeezed[0]!.duration_ms} ms`).toBeGreaterThan(m * 60_000);
    }
  });
  it('headache --fit 2m: every locate long enough to read, fewer rounds rather than shorter holds', () => {
    const t = plan(catalog.routines.get('headache')!, (p) => catalog.points.get(p), { fit: 2 * 60_000 });
    for (const p of t.phases.filter((x) => x.kind === 'locate')) expect(p.duration_ms).toBeGreaterThanOrEqual(5_000);
    for (const p of t.phases.filter((x) => x.kind === 'hold')) expect(p.duration_ms).toBeGreaterThanOrEqual(5_000);
  });
  it('keeps the proportions within a press to the second', () => {
    const t = plan(catalog.routines.get('headache')!, (p) => catalog.points.get(p), { fit: 3 * 60_000 });
    const first = (kind: string) => t.phases.find((p) => p.kind === kind)!.duration_ms;
    // One factor for every phase: the hold-to-ramp ratio stays what it was, up to whole seconds.
    const unscaled = plan(catalog.routines.get('headache')!, (p) => catalog.points.get(p));
    const ratio = (tl: typeof t) => tl.phases.find((p) => p.kind === 'hold')!.duration_ms / tl.phases.find((p) => p.kind === 'ramp')!.duration_ms;
    expect(Math.abs(first('hold') / first('ramp') - ratio(unscaled))).toBeLessThan(0.5);
  });
});

describe('one side of a step that presses both (--side left or right)', () => {
  const ramps = (o: PlanOptions) => plan(routine([press('A1', { sides: 'both', cue: 'Thumbs on both temples.', cueOneSide: 'Thumb on your temple.' })], { rounds: 1 }), lookup, o).phases.filter((p) => p.kind === 'ramp').map((p) => p.text);
  it('takes cue_one_side on one side, and cue on both', () => {
    expect(ramps({ side: 'left' })).toEqual([expect.stringMatching(/ Thumb on your temple\.$/)]);
    expect(ramps({ side: 'right' })).toEqual([expect.stringMatching(/ Thumb on your temple\.$/)]);
    expect(ramps({})).toEqual([expect.stringMatching(/ Thumbs on both temples\.$/)]);
    // Without cue_one_side the cue serves one side too.
    expect(plan(routine([press('A1', { sides: 'both', cue: 'Press.' })], { rounds: 1 }), lookup, { side: 'left' }).phases.find((p) => p.kind === 'ramp')!.text).toMatch(/ Press\.$/);
  });

  // Words that speak of two sides at once: both, each ear, temples, thumbs, hollows …
  const TWO = /\bboth\b|\beach (side|ear|eyebrow)\b|either side|\b(temples|thumbs|hollows|nostrils|eyebrows|fists|cheeks|pupils|cords|hands)\b/i;
  it('no built-in cue speaks of both sides when one side is chosen', async () => {
    const catalog = await loadBuiltin();
    const said: string[] = [];
    for (const r of catalog.routines.values()) {
      for (const side of ['left', 'right'] as const) {
        for (const p of plan(r, (id) => catalog.points.get(id), { side }).phases) {
          if (p.kind === 'ramp' && p.side === side && TWO.test(p.text)) said.push(`${r.id} ${p.point} ${side}: ${p.text}`);
        }
      }
    }
    expect(said).toEqual([]);
  });
});
