// Property tests (fast-check): duration formatting round-trips, plan() invariants for random
// valid routines, --fit budgets, and a loader that never throws on hostile text or bytes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { pointFileSchema, routineSchema } from '../src/model/schema.js';
import type { Routine, Step } from '../src/model/types.js';
import { checkYamlFile, checkYamlText, formatProblem, type Checked } from '../src/store/yaml-load.js';
import { UserError } from '../src/model/errors.js';
import { plan, plannedLength, type PlanOptions } from '../src/core/plan.js';
import type { Timeline } from '../src/model/timeline.js';
import { BOUNDS, checkDuration, formatDuration, parseDuration } from '../src/model/duration.js';
import { lookup, massage, POINTS, press, rest, routine } from './fixtures-data.js';
import { tempDir } from './helpers.js';

// A fixed seed would hide new counterexamples; fast-check prints the seed and path of any failure to replay it.

describe('durations', () => {
  it('parseDuration(formatDuration(ms)) round-trips for whole seconds from 1 s to 2 h', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 7_200 }), (s) => {
      const ms = s * 1000;
      expect(parseDuration(formatDuration(ms))).toEqual({ ms });
    }), { numRuns: 2000 });
  });

  it('round-trips for any whole number of milliseconds up to 2 h (1s500ms and the like)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 7_200_000 }), (ms) => {
      expect(parseDuration(formatDuration(ms))).toEqual({ ms });
    }), { numRuns: 2000 });
  });

  it('round-trips for multiples of each unit (h, m, s, ms)', () => {
    const unit = fc.constantFrom(1, 1_000, 60_000, 3_600_000);
    fc.assert(fc.property(unit, fc.integer({ min: 1, max: 7_200 }), (u, n) => {
      const ms = u * n;
      fc.pre(ms <= 7_200_000);
      expect(parseDuration(formatDuration(ms))).toEqual({ ms });
    }), { numRuns: 1000 });
  });

  it('a formatted phase duration within the bounds passes checkDuration', () => {
    fc.assert(fc.property(fc.integer({ min: BOUNDS.minPhaseMs, max: BOUNDS.maxPhaseMs }), (ms) => {
      expect(checkDuration(formatDuration(ms))).toEqual({ ms });
    }), { numRuns: 1000 });
  });
});

// ---- random valid routines over the fixture points (A1 bilateral, M1 midline, B1 bilateral)

/** A phase duration the schema accepts; mostly short so most routines stay under the 2 h cap. */
const phaseMs = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 60 }).map((s) => s * 1000), weight: 4 },
  { arbitrary: fc.integer({ min: BOUNDS.minPhaseMs, max: BOUNDS.maxPhaseMs }), weight: 1 },
);
const holdMs = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 60 }).map((s) => s * 1000), weight: 4 },
  { arbitrary: fc.integer({ min: BOUNDS.minPhaseMs, max: BOUNDS.maxHoldMs }), weight: 1 },
);
const roundsArb = fc.integer({ min: 1, max: 10 });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });

const pressArb: fc.Arbitrary<Step> = fc.record({
  point: fc.constantFrom(...Object.keys(POINTS)),
  sides: opt(fc.constantFrom('each', 'both', 'left', 'right') as fc.Arbitrary<'each' | 'both' | 'left' | 'right'>),
  locate: opt(phaseMs), ramp: opt(phaseMs), hold: opt(holdMs), release: opt(phaseMs), rounds: opt(roundsArb),
}).map(({ point, ...over }) => press(point, over));
const massageArb: fc.Arbitrary<Step> = fc.tuple(fc.constantFrom('palm', 'neck', 'scalp'), phaseMs).map(([area, ms]) => massage(area, ms));
const restArb: fc.Arbitrary<Step> = phaseMs.map((ms) => rest(ms));
const stepArb = fc.oneof({ arbitrary: pressArb, weight: 3 }, { arbitrary: massageArb, weight: 1 }, { arbitrary: restArb, weight: 1 });

const timingArb: fc.Arbitrary<Routine['timing']> = fc.record({
  locate: phaseMs, ramp: phaseMs, hold: holdMs, release: phaseMs, switch: phaseMs, rest: phaseMs, rounds: roundsArb,
}, { requiredKeys: [] });

const routineArb: fc.Arbitrary<Routine> = fc.tuple(fc.array(stepArb, { minLength: 1, maxLength: 6 }), timingArb)
  .map(([steps, timing]) => routine(steps, timing));

/** Options a user can pass on the command line (without --fit, tested on its own). */
const optionsArb: fc.Arbitrary<PlanOptions> = fc.record({
  rounds: roundsArb, ramp: phaseMs, hold: holdMs, release: phaseMs, rest: phaseMs,
  side: fc.constantFrom('left', 'right', 'both') as fc.Arbitrary<'left' | 'right' | 'both'>,
  quick: fc.boolean(),
}, { requiredKeys: [] });

const TOO_LONG = /more than the 2h limit for a routine$/;

/** plan(), or the UserError it is allowed to throw for a routine over the 2 h cap. Anything else fails. */
function planOrCap(r: Routine, o: PlanOptions): Timeline | undefined {
  try {
    return plan(r, lookup, o);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toMatch(TOO_LONG);
    return undefined;
  }
}

/** The timeline invariants every plan must keep. */
function expectWellFormed(t: Timeline) {
  expect(t.phases.length).toBeGreaterThan(0);
  let offset = 0;
  t.phases.forEach((p, i) => {
    expect(p.index).toBe(i);
    expect(p.offset_ms).toBe(offset);
    expect(Number.isInteger(p.duration_ms)).toBe(true);
    expect(p.duration_ms).toBeGreaterThanOrEqual(BOUNDS.minPhaseMs);
    expect(p.duration_ms).toBeLessThanOrEqual(p.kind === 'hold' ? BOUNDS.maxHoldMs : BOUNDS.maxPhaseMs);
    offset += p.duration_ms;
  });
  expect(t.total_ms).toBe(offset);
  expect(t.total_ms).toBeLessThanOrEqual(BOUNDS.maxTotalMs);
}

describe('plan() on random valid routines', () => {
  it('is deterministic, leaves its input alone, and keeps phases contiguous and bounded', () => {
    let planned = 0;
    fc.assert(fc.property(routineArb, optionsArb, (r, o) => {
      const before = structuredClone(r);
      const t = planOrCap(r, o);
      expect(r).toEqual(before);
      if (!t) return;
      planned++;
      expect(plan(structuredClone(r), lookup, { ...o })).toEqual(t);
      expect(plannedLength(r, lookup, o)).toBe(t.total_ms);
      // Without cue texts (validation, list) the timing is the same, phase for phase.
      const bare = plan(r, lookup, { ...o, texts: false });
      expect(bare.phases.every((p) => p.text === '')).toBe(true);
      // A ramp's words as data (Phase.said) are texts too.
      expect(bare).toEqual({ ...t, phases: t.phases.map(({ said: _, ...p }) => ({ ...p, text: '' })) });
      expectWellFormed(t);
      // Every step that is not skipped shows up, in order.
      const steps = [...new Set(t.phases.map((p) => p.step))];
      expect(steps).toEqual(r.steps.map((_, i) => i));
    }), { numRuns: 1500 });
    // The generator is tuned so that most routines fit under 2 h; make sure it stays that way.
    expect(planned).toBeGreaterThan(750);
  });

  it('plannedLength refuses exactly what plan refuses, with the same message', () => {
    let refused = 0;
    fc.assert(fc.property(routineArb, optionsArb, fc.integer({ min: 60_000, max: 8 * 3_600_000 }), (r, o, limit) => {
      let viaPlan: string | number;
      let viaLength: string | number;
      try { viaPlan = plan(r, lookup, { ...o, limit }).total_ms; } catch (e) { viaPlan = (e as Error).message; refused++; }
      try { viaLength = plannedLength(r, lookup, { ...o, limit }); } catch (e) { viaLength = (e as Error).message; }
      expect(viaLength).toBe(viaPlan);
    }), { numRuns: 1000 });
    expect(refused).toBeGreaterThan(50);
  });

  it('with no options, the routine and step timings are used as written', () => {
    fc.assert(fc.property(routineArb, (r) => {
      const t = planOrCap(r, {});
      if (!t) return;
      for (const p of t.phases) {
        const step = r.steps[p.step]!;
        if (p.kind === 'massage' || p.kind === 'rest') expect(p.duration_ms).toBe((step as { duration: number }).duration);
        if (p.kind === 'hold' && step.kind === 'press' && step.hold !== undefined) expect(p.duration_ms).toBe(step.hold);
      }
    }), { numRuns: 500 });
  });
});

describe('--fit', () => {
  it('never exceeds its budget and never breaks the phase bounds (or refuses with a UserError)', () => {
    let fitted = 0;
    fc.assert(fc.property(routineArb, optionsArb, fc.integer({ min: 1_000, max: BOUNDS.maxTotalMs }), (r, o, budget) => {
      let t: Timeline;
      try {
        t = plan(r, lookup, { ...o, fit: budget });
      } catch (e) {
        // Only an impossible budget may be refused, and it says so.
        expect(e).toBeInstanceOf(UserError);
        expect((e as Error).message).toMatch(/^\S+ is too short: ".*" needs at least/);
        return;
      }
      fitted++;
      expectWellFormed(t);
      expect(t.total_ms).toBeLessThanOrEqual(budget);
      // Fitted phases are whole seconds.
      for (const p of t.phases) expect(p.duration_ms % 1000).toBe(0);
    }), { numRuns: 1500 });
    expect(fitted).toBeGreaterThan(500);
  });

  it('refuses only budgets below one second a phase at one round a point', () => {
    fc.assert(fc.property(routineArb, fc.integer({ min: 1_000, max: 600_000 }), (r, budget) => {
      const oneRound = planOrCap(r, { rounds: 1 });
      fc.pre(oneRound !== undefined);
      const minimum = oneRound!.phases.length * BOUNDS.minPhaseMs;
      if (budget >= minimum) expect(plan(r, lookup, { fit: budget }).total_ms).toBeLessThanOrEqual(budget);
      else expect(() => plan(r, lookup, { fit: budget })).toThrow(UserError);
    }), { numRuns: 500 });
  });
});

// ---- the loader on hostile input

/** Fragments that exercise the YAML grammar and our schemas far more than uniform random text. */
const yamlTokens = fc.constantFrom(
  'id: ', 'title: ', 'summary: ', 'sources: ', 'steps:', 'timing:', 'points:', 'tags: ', 'aliases: ',
  '- ', '  ', '    ', ' ', '\n', '\r\n', '\t', '\ufeff', '\u00a0', '\u200b', '\0', '\x1b[31m',
  'press: ', 'massage: ', 'rest: ', 'hold: ', 'ramp: ', 'rounds: ', 'sides: ', 'motion: ', 'duration: ', 'region: ',
  'LI4', 'GB20', 'my-neck', 'both', 'kneading', 'hand', '30s', '1m30s', '0', '-5', '1e9', '.nan', '.inf', '~', 'null', 'true',
  '[', ']', '{', '}', ',', ':', '"', "'", '#', '&a ', '*a', '&b ', '*b', '!!str ', '!!binary ', '!tag ', '? ', '|', '>',
  '---', '...', '%YAML 1.1', '%TAG ! tag:x,2000:', '<<: ', '__proto__: ', 'constructor: ', '@', '`', '\\', '%',
);
const yamlish = fc.array(yamlTokens, { maxLength: 60 }).map((ts) => ts.join(''));
/** Any text: full Unicode including lone surrogates, or the YAML-flavoured fragments above. */
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 }), yamlish);

/** Arbitrary YAML-able values, kept small so thousands of runs stay fast. */
const anything = () => fc.anything({ maxDepth: 2, maxKeys: 4, withNullPrototype: true, withMap: true, withSet: true, withDate: true, withBigInt: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true });

/** A valid routine with random parts replaced by arbitrary values, written out as YAML. */
const mutatedRoutine = fc.record({
  id: fc.oneof(fc.constant('my-neck'), anything()),
  title: fc.oneof(fc.constant('T'), anything()),
  summary: fc.oneof(fc.constant('S.'), anything()),
  sources: fc.oneof(fc.constant(['x']), anything()),
  timing: fc.oneof(fc.constant({ hold: '30s' }), fc.dictionary(fc.constantFrom('hold', 'ramp', 'rounds', 'hodl', 'x'), anything())),
  steps: fc.oneof(
    fc.constant([{ press: 'LI4' }]),
    fc.array(fc.dictionary(fc.constantFrom('press', 'massage', 'rest', 'hold', 'sides', 'duration', 'motion', 'cue', 'round'), anything()), { maxLength: 4 }),
    anything(),
  ),
  extra: anything(),
}, { requiredKeys: [] }).map((o) => {
  try {
    return stringify(o);
  } catch {
    return ''; // Some values (e.g. symbols) cannot be written as YAML; an empty file is a fine input too.
  }
});

/** Problems are well-formed: our file name, a real position, a message. (Plain checks, then one expect: it runs 12,000 times.) */
function expectSaneResult(r: Checked<unknown>, file: string, text?: string) {
  expect(typeof r.ok).toBe('boolean');
  if (r.ok) return;
  expect(r.problems.length).toBeGreaterThan(0);
  const lineCount = text === undefined ? Infinity : text.split(/\r\n|\r|\n/).length;
  const bad = r.problems.filter((p) => !(
    p.file === file
    && Number.isInteger(p.line) && p.line >= 1 && p.line <= lineCount + 1
    && Number.isInteger(p.col) && p.col >= 1
    && typeof p.message === 'string' && p.message.length > 0
    && formatProblem(p).startsWith(`${file}:${p.line}:${p.col}`)
  ));
  expect(bad).toEqual([]);
}

describe('the loader never throws', () => {
  // Known bug (fixtures/bad/yaml-complex-key.yaml): complex keys make the yaml package emit a Node
  // process warning. Silence it here so the test output stays readable; the corpus tracks the bug.
  beforeAll(() => { vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined); });
  afterAll(() => { vi.restoreAllMocks(); });

  // 3 × 3000 + 1000 + 1000 = 11,000 runs over the loader in total.
  it('checkYamlText(text, routineSchema) on arbitrary and YAML-flavoured text', () => {
    fc.assert(fc.property(anyText, (text) => {
      expectSaneResult(checkYamlText(text, 'x.yaml', routineSchema), 'x.yaml', text);
    }), { numRuns: 3000 });
    // About 30 s on an idle 2-core machine (each run words its problems with suggestions); a
    // limit, not a measure: nothing here asserts speed.
  }, 180_000);

  it('checkYamlText(text, pointFileSchema) on arbitrary and YAML-flavoured text', () => {
    fc.assert(fc.property(anyText, (text) => {
      expectSaneResult(checkYamlText(text, 'points/x.yaml', pointFileSchema), 'points/x.yaml', text);
    }), { numRuns: 3000 });
  });

  // 3,000 runs in six parts: each run words its problems with suggestions (about 10 ms), and a
  // test that holds the worker for half a minute starves vitest's own messages under load.
  for (const part of [1, 2, 3, 4, 5, 6]) {
    it(`checkYamlText on routines with arbitrary values in their fields (part ${part} of 6)`, () => {
      fc.assert(fc.property(mutatedRoutine, (text) => {
        expectSaneResult(checkYamlText(text, 'x.yaml', routineSchema), 'x.yaml', text);
      }), { numRuns: 500 });
    });
  }

  it('checkYamlText(…, pointFileSchema) on point files with arbitrary values', () => {
    const mutatedPoints = fc.record({
      points: fc.oneof(anything(), fc.array(fc.dictionary(fc.constantFrom('id', 'pinyin', 'region', 'meridian', 'cautions', 'laterality', 'pinyn'), anything()), { maxLength: 3 })),
    }).map((o) => { try { return stringify(o); } catch { return ''; } });
    fc.assert(fc.property(mutatedPoints, (text) => {
      expectSaneResult(checkYamlText(text, 'points/x.yaml', pointFileSchema), 'points/x.yaml', text);
    }), { numRuns: 1000 });
  });

  it('checkYamlFile on arbitrary bytes throws nothing but a UserError', () => {
    const dir = tempDir('acupress-bytes-');
    const valid = Buffer.from('id: my-neck\ntitle: T\nsummary: S.\nsources: [x]\nsteps:\n  - press: LI4\n');
    // Raw bytes, or a valid file with a few bytes overwritten (more likely to reach the parser).
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 })
        .map((edits) => { const b = Buffer.from(valid); for (const [i, v] of edits) b[i] = v; return b; }),
    );
    let n = 0;
    fc.assert(fc.property(bytes, fc.boolean(), (b, asPoints) => {
      const path = join(dir, `f${n++}.yaml`);
      writeFileSync(path, b);
      let r: Checked<unknown>;
      try {
        r = asPoints ? checkYamlFile(path, pointFileSchema, 'f.yaml') : checkYamlFile(path, routineSchema, 'f.yaml');
      } catch (e) {
        // Binary data and invalid UTF-8 are refused as a whole file, with the file's name first.
        expect(e).toBeInstanceOf(UserError);
        expect((e as Error).message).toMatch(/^f\.yaml: /);
        return;
      }
      expectSaneResult(r, 'f.yaml');
    }), { numRuns: 1000 });
  });
});

describe('messages are one clean line', () => {
  beforeAll(() => { vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined); });
  afterAll(() => { vi.restoreAllMocks(); });
  // Text from the file (keys, alias names, yaml's own messages) is escaped before it is printed,
  // so "\n" cannot break the one-line message and ESC or BEL never reach the terminal.
  it('formatted problems hold no newline or control character', () => {
    fc.assert(fc.property(anyText, (text) => {
      const r = checkYamlText(text, 'x.yaml', routineSchema);
      if (!r.ok) for (const p of r.problems) expect(formatProblem(p)).not.toMatch(/[\0-\x1f\x7f]/);
    }), { numRuns: 3000 });
  });
});
