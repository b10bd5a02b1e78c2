// The shape of records read back from the user-data cache, checked by hand: zod would cost
// start-up, and a cache is only an accelerator, so anything that does not look exactly like what
// this release writes (another release, a truncated or edited file) is a miss, never a crash,
// a hang, or a control character on the terminal. Mirrors model/schema.ts after its transforms
// (test/store-trust.test.ts checks that every built-in record passes, so the two cannot drift).
import { BOUNDS } from '../model/duration.js';
import { LATERALITIES, LEVELS, MERIDIANS, MOTIONS, POINT_ID, PRESSURES, REGIONS, SIDES, SLUG } from '../model/enums.js';
import { CONTROL, CONTROL_IN_BLOCK } from '../model/printable.js';
import { FIGURE_VIEWS } from '../model/figure-views.js';
import { isIdWord } from '../model/skipped-file.js';
import { isObj } from './snapshot-shape.js';

type Check = (v: unknown) => boolean;

/** One line of text: non-empty, no control characters. */
const line: Check = (v) => typeof v === 'string' && v.length > 0 && !CONTROL.test(v);
/** Block text: non-empty, newlines and tabs only. */
const lineOrEmpty: Check = (v) => v === '' || line(v);
const block: Check = (v) => typeof v === 'string' && v.length > 0 && !CONTROL_IN_BLOCK.test(v);
const matches = (re: RegExp): Check => (v) => typeof v === 'string' && re.test(v);
const oneOf = (values: readonly string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const listOf = (item: Check, min = 0): Check => (v) => Array.isArray(v) && v.length >= min && v.every(item);
const ms = (max: number): Check => (v) => Number.isInteger(v) && (v as number) >= BOUNDS.minPhaseMs && (v as number) <= max;
const rounds: Check = (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 10;
const phase = ms(BOUNDS.maxPhaseMs);
const hold = ms(BOUNDS.maxHoldMs);

/**
 * An object with exactly these keys (optional ones may be missing), each passing its check.
 * Allocates nothing per call: the snapshot's records are checked at start-up, where a young
 * generation filled by garbage costs a collection (BENCHMARKS.md, session 6).
 */
function shape(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  const keys = Object.keys(required);
  return (v) => {
    if (!isObj(v)) return false;
    for (const k of keys) if (!check(required, k, v[k])) return false;
    for (const k in v) {
      if (!Object.hasOwn(v, k) || Object.hasOwn(required, k)) continue;
      // hasOwn: a key named "constructor" or "__proto__" is no check of Object's.
      if (!Object.hasOwn(optional, k) || !check(optional, k, v[k])) return false;
    }
    return true;
  };
}

/** Run the check `checks[k]` on a value. */
const check = (checks: Record<string, Check>, k: string, value: unknown): boolean => checks[k]!(value);

const origin = shape({ source: (v) => v === 'user', file: line });

const fraction: Check = (v) => typeof v === 'number' && v >= 0 && v <= 1;
const mark = shape({ x: fraction, y: fraction });
const figure = shape({ view: oneOf(FIGURE_VIEWS), x: fraction, y: fraction }, { also: (v) => Array.isArray(v) && v.length <= 20 && v.every(mark) });

const caution = shape({ condition: matches(SLUG), level: oneOf(LEVELS), reason: block, source: block });

const pointFields = {
  // A user point may have no characters (''); the schema fills one form from the other.
  id: matches(POINT_ID), pinyin: line, hanzi: lineOrEmpty, hanzi_traditional: lineOrEmpty, english: line,
  meridian: oneOf(MERIDIANS), region: oneOf(REGIONS), laterality: oneOf(LATERALITIES), location: block,
  indications: listOf(line), cautions: listOf(caution), aliases: listOf(line), sources: listOf(line),
};
const pointOptional = { find: block, technique: block, pressure: oneOf(PRESSURES), figure };
/** A user point as the schema produces it, with its origin. */
export const isPoint = shape({ ...pointFields, origin }, pointOptional);

const timing = shape({}, { locate: phase, ramp: phase, hold, release: phase, switch: phase, rest: phase, rounds });

const press = shape({ kind: (v) => v === 'press', point: matches(POINT_ID) }, {
  sides: oneOf(SIDES), locate: phase, ramp: phase, hold, release: phase, rounds, cue: block, cueOneSide: block, find: block,
});
const massage = shape({ kind: (v) => v === 'massage', area: line, regions: listOf(oneOf(REGIONS)), points: listOf(matches(POINT_ID)), motion: oneOf(MOTIONS), duration: phase }, { cue: block });
const rest = shape({ kind: (v) => v === 'rest', duration: phase }, { cue: block });
const step: Check = (v) => press(v) || massage(v) || rest(v);

const routineFields = {
  id: matches(SLUG), title: line, summary: block, aliases: listOf(line), tags: listOf(matches(SLUG)),
  sources: listOf(line, 1), contraindications: listOf(block), red_flags: listOf(block), tips: listOf(block), timing, steps: listOf(step, 1),
};
/** A user routine as the schema produces it, with its origin. */
export const isRoutine = shape({ ...routineFields, origin }, { evidence: block });

/** A notice or warning line. */
export const isNotice = line;

/** A file skipped for a problem: as shown, and the id it gives itself (a plain word) when known. */
export const isSkipped = shape({ file: line }, { id: isIdWord });
