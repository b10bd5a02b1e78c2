// The quick check of session-log lines (model/history-quick.ts) against the schema it stands in
// for (model/history.ts, the source of truth): whatever it accepts, the schema accepts, and it
// returns exactly the schema's value, key order included; and it accepts the lines acupress
// writes, so that a long log is read without the schema. Properties (fast-check) for both, over
// generated records, instants, texts at their limits, and lines with random edits.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { historyLineSchema, type HistoryLine } from '../src/model/history.js';
import { HISTORY_LIMITS as MAX } from '../src/model/history-format.js';
import { quickHistoryLine } from '../src/model/history-quick.js';
import { foldHistory } from '../src/core/history.js';
import { readHistory } from '../src/store/history-file.js';
import { removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

// A fixed seed would hide new counterexamples; fast-check prints the seed and path of any failure to replay it.

/** What the schema makes of a line's text: its value, or undefined when it refuses the line. */
function bySchema(line: string): HistoryLine | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return undefined;
  }
  const r = historyLineSchema.safeParse(json);
  return r.success ? r.data : undefined;
}

/** Whatever the quick check accepts, the schema accepts, with the same value and the same key order. */
function agrees(line: string): HistoryLine | undefined {
  const quick = quickHistoryLine(line);
  if (quick !== undefined) {
    const schema = bySchema(line);
    expect(schema, line).toBeDefined();
    expect(quick).toStrictEqual(schema);
    expect(JSON.stringify(quick)).toBe(JSON.stringify(schema));
  }
  return quick;
}

const SESSION = {
  type: 'session', v: 1, session: 'm5x2k-abcd', start: '2025-03-01T09:00:00.000+01:00', end: '2025-03-01T09:05:00.000+01:00',
  kind: 'routine', target: 'headache', title: 'Headache relief', planned_ms: 300_000, active_ms: 300_000, completed: true, reason: 'done',
  points: [{ point: 'LI4', sides: ['left', 'right'] }, { point: 'GV20', sides: [] }], conditions: [],
};
const RATING = { type: 'rating', v: 1, session: 'm5x2k-abcd', at: '2025-03-01T10:00:00.000+01:00', after: 3 };
const line = (o: object) => JSON.stringify(o);
const ORDER = ['type', 'v', 'session', 'start', 'end', 'kind', 'target', 'title', 'planned_ms', 'active_ms', 'completed', 'reason', 'signal', 'points', 'partly', 'conditions', 'before', 'after'];
/** A session with its keys in the schema's order, as acupress writes it. */
const inOrder = (o: Record<string, unknown>) => Object.fromEntries(ORDER.filter((k) => k in o).map((k) => [k, o[k]]));

describe('lines as acupress writes them', () => {
  it.each([
    ['a session', SESSION],
    ['every optional key', inOrder({ ...SESSION, signal: 'SIGINT', partly: [{ point: 'GB20', sides: ['both'] }], conditions: ['pregnancy', 'blood-thinners'], before: 10, after: 0 })],
    ['a routine file, quotes and tone marks in the title, an astral character', { ...SESSION, kind: 'file', target: '/home/a "b"\\c/r.yaml', title: 'Hégǔ “合谷” 😀 \u0001 \u2028', reason: 'interrupted' }],
    ['29 February of a leap year, Z, no fraction and nine digits of it', { ...SESSION, start: '2024-02-29T23:59:59Z', end: '2000-02-29T00:00:00.123456789-05:30' }],
    ['the largest numbers it reads itself', { ...SESSION, v: 999_999_999_999_999, planned_ms: 0, active_ms: 999_999_999_999_999 }],
    ['texts at their longest', inOrder({ ...SESSION, session: 's'.repeat(MAX.session), target: 't'.repeat(MAX.target), title: 'x'.repeat(MAX.title), signal: 'S'.repeat(MAX.signal), conditions: Array.from({ length: MAX.conditions }, () => 'c'.repeat(MAX.condition)) })],
    ['the most points', { ...SESSION, points: Array.from({ length: MAX.points }, () => ({ point: 'p'.repeat(MAX.point), sides: ['left', 'right', 'both', 'left'] })) }],
    ['a rating', RATING],
  ])('%s: read without the schema, to the schema\'s value', (_, record) => {
    expect(agrees(line(record))).toBeDefined();
  });

  it.each([
    ['a key the schema does not know (a newer acupress\'s)', line({ ...SESSION, mood: 'new' })],
    ['keys in another order', line(Object.fromEntries(Object.entries(SESSION).reverse()))],
    ['spaces', JSON.stringify(SESSION, null, 1).replace(/\n/g, '')],
    ['a number written another way', line(SESSION).replace('"v":1', '"v":1.0')],
    ['a text longer in UTF-16 units than its limit, but not in characters', line(inOrder({ ...SESSION, signal: '😀'.repeat(MAX.signal) }))],
    ['a number beyond 15 digits', line({ ...SESSION, active_ms: Number.MAX_SAFE_INTEGER })],
  ])('%s: left to the schema, which reads it', (_, text) => {
    expect(quickHistoryLine(text)).toBeUndefined();
    expect(bySchema(text)).toBeDefined();
  });

  it.each([
    ['an impossible date', line({ ...SESSION, start: '2025-02-29T09:00:00Z' })],
    ['29 February of a century that is not a leap year', line({ ...SESSION, start: '1900-02-29T09:00:00Z' })],
    ['31 April', line({ ...SESSION, end: '2025-04-31T09:00:00Z' })],
    ['24:00', line({ ...SESSION, start: '2025-03-01T24:00:00Z' })],
    ['an offset of 24 hours', line({ ...SESSION, start: '2025-03-01T09:00:00+24:00' })],
    ['ten digits of fraction', line({ ...SESSION, start: '2025-03-01T09:00:00.1234567890Z' })],
    ['a rating of 11', line({ ...RATING, after: 11 })],
    ['an empty text', line({ ...SESSION, title: '' })],
    ['a text one past its limit', line({ ...SESSION, session: 's'.repeat(MAX.session + 1) })],
    ['one condition too many', line({ ...SESSION, conditions: Array.from({ length: MAX.conditions + 1 }, () => 'c') })],
    ['one point too many', line({ ...SESSION, points: Array.from({ length: MAX.points + 1 }, () => ({ point: 'p', sides: [] })) })],
    ['a side that is not one', line({ ...SESSION, points: [{ point: 'LI4', sides: ['up'] }] })],
    ['v 0', line({ ...SESSION, v: 0 })],
    ['a negative time', line({ ...SESSION, active_ms: -1 })],
    ['a missing key', line({ ...SESSION, reason: undefined })],
    ['another type', line({ ...RATING, type: 'note' })],
  ])('%s: refused by both', (_, text) => {
    expect(quickHistoryLine(text)).toBeUndefined();
    expect(bySchema(text)).toBeUndefined();
  });
});

// Generators: values the schema accepts, values at and past each limit, and any JSON at all.
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const instant = fc.tuple(
  fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 4, 100, 400, 1900, 2000, 2023, 2024, 2100, 2400)),
  fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }),
  fc.option(fc.stringMatching(/^\d{0,11}$/), { nil: undefined }),
  fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([s, h, m]) => `${s}${pad(h, 2)}:${pad(m, 2)}`)),
).map(([y, mo, d, h, mi, s, frac, zone]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac === undefined ? '' : `.${frac}`}${zone}`);
const realInstant = fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString());
const char = fc.constantFrom('a', 'Z', '0', ' ', '/', '"', '\\', '\n', '\u0001', '\u007f', 'é', '合', '😀', '\ud800', '\udc00', '\u2028');
const textUpTo = (max: number) => fc.oneof(
  fc.array(char, { maxLength: 8 }).map((cs) => cs.join('')),
  fc.tuple(fc.integer({ min: Math.max(0, max - 2), max: max + 1 }), fc.constantFrom('a', '"', '😀', 'é')).map(([n, c]) => c.repeat(n)),
);
const number = fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constantFrom(-0, 0.5, 1e15 - 1, 1e15, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, 1e21), fc.double());
const anything = fc.jsonValue({ maxDepth: 2 });
/** Mostly a good value, sometimes a value at or past a limit, sometimes anything. */
const field = <T>(good: fc.Arbitrary<T>, edge: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: edge, weight: 3 }, { arbitrary: anything, weight: 1 });
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });

const goodText = (max: number) => fc.string({ minLength: 1, maxLength: Math.min(max, 12) });
const goodWhole = fc.integer({ min: 0, max: 999_999_999_999_999 });
const worked = fc.record({ point: field(goodText(MAX.point), textUpTo(MAX.point)), sides: field(fc.array(fc.constantFrom('left', 'right', 'both'), { maxLength: 3 }), fc.array(fc.constantFrom('left', 'up', ''), { maxLength: 2 })) });
const session = fc.record({
  type: fc.constantFrom('session', 'session', 'rating', 'note'),
  v: field(fc.integer({ min: 1, max: 3 }), number),
  session: field(goodText(MAX.session), textUpTo(MAX.session)),
  start: field(realInstant, instant),
  end: field(realInstant, instant),
  kind: field(fc.constantFrom('routine', 'point', 'file'), fc.constantFrom('Routine', '')),
  target: field(goodText(MAX.target), textUpTo(MAX.target)),
  title: field(goodText(MAX.title), textUpTo(MAX.title)),
  planned_ms: field(goodWhole, number),
  active_ms: field(goodWhole, number),
  completed: field(fc.boolean(), fc.constantFrom('true', 0)),
  reason: field(fc.constantFrom('done', 'quit', 'interrupted'), fc.constantFrom('bored', 'Done')),
  signal: optional(field(goodText(MAX.signal), textUpTo(MAX.signal))),
  points: field(fc.array(worked, { maxLength: 3 }), fc.constant([{ point: 'LI4' }])),
  partly: optional(field(fc.array(worked, { maxLength: 2 }), anything)),
  conditions: field(fc.array(goodText(MAX.condition), { maxLength: 3 }), fc.array(textUpTo(MAX.condition), { maxLength: 2 })),
  before: optional(field(fc.integer({ min: 0, max: 10 }), number)),
  after: optional(field(fc.integer({ min: 0, max: 10 }), number)),
}, { requiredKeys: [] });
const rating = fc.record({
  type: fc.constantFrom('rating', 'rating', 'session'),
  v: field(fc.integer({ min: 1, max: 3 }), number),
  session: field(goodText(MAX.session), textUpTo(MAX.session)),
  at: field(realInstant, instant),
  after: field(fc.integer({ min: 0, max: 10 }), number),
}, { requiredKeys: [] });
/** A record as the generators made it, or with a key of its own added, or its keys in another order. */
const record = fc.tuple(fc.oneof(session, rating), fc.constantFrom('as is', 'extra key', 'reordered')).map(([r, how]) => {
  if (how === 'extra key') return { ...r, mood: 'x' };
  if (how === 'reordered') return Object.fromEntries(Object.entries(r).reverse());
  return r;
});

describe('the quick check never accepts what the schema refuses, nor reads a line differently', () => {
  it('over generated records', () => {
    fc.assert(fc.property(record, (r) => void agrees(line(r))), { numRuns: 5000 });
  });

  it('over lines with random edits (a character put in, taken out or changed)', () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'replace'), fc.constantFrom('"', '\\', ',', ':', '{', '}', '[', ']', '0', '9', '-', ' ', 'a', 'u', '😀', '\u0000', '\u0001'));
    const base = fc.constantFrom(line(SESSION), line(RATING), line({ ...SESSION, title: 'a "b" \\ \u0001 \ud800 c' }),
      line(inOrder({ ...SESSION, signal: 'SIGTERM', partly: [{ point: 'GB20', sides: ['both'] }], conditions: ['pregnancy'], before: 7, after: 10 })));
    fc.assert(fc.property(base, fc.array(edit, { minLength: 1, maxLength: 3 }), (text, edits) => {
      let t = text;
      for (const [at, how, c] of edits) {
        const i = at % (t.length + 1);
        t = how === 'insert' ? t.slice(0, i) + c + t.slice(i) : how === 'delete' ? t.slice(0, i) + t.slice(i + 1) : t.slice(0, i) + c + t.slice(i + 1);
      }
      agrees(t);
    }), { numRuns: 5000 });
  });
});

describe('the quick check reads what acupress writes, so a long log needs no schema', () => {
  it('every instant: accepted exactly when the schema accepts it', () => {
    fc.assert(fc.property(fc.oneof(instant, realInstant), fc.constantFrom('start', 'end'), (t, key) => {
      const text = line({ ...SESSION, [key]: t });
      expect(agrees(text) !== undefined, t).toBe(bySchema(text) !== undefined);
    }), { numRuns: 5000 });
  });

  it('every valid record written in the schema\'s order, texts within their limits in UTF-16 units and numbers below 10^15', () => {
    const good = fc.record({
      type: fc.constant('session'), v: fc.integer({ min: 1, max: 999_999_999_999_999 }), session: goodText(MAX.session), start: realInstant, end: realInstant,
      kind: fc.constantFrom('routine', 'point', 'file'), target: goodText(MAX.target), title: goodText(MAX.title), planned_ms: goodWhole, active_ms: goodWhole,
      completed: fc.boolean(), reason: fc.constantFrom('done', 'quit', 'interrupted'), signal: optional(goodText(MAX.signal)),
      points: fc.array(fc.record({ point: goodText(MAX.point), sides: fc.array(fc.constantFrom('left', 'right', 'both'), { maxLength: 3 }) }), { maxLength: 4 }),
      partly: optional(fc.array(fc.record({ point: goodText(MAX.point), sides: fc.array(fc.constantFrom('left', 'right', 'both'), { maxLength: 3 }) }), { maxLength: 2 })),
      conditions: fc.array(goodText(MAX.condition), { maxLength: 4 }), before: optional(fc.integer({ min: 0, max: 10 })), after: optional(fc.integer({ min: 0, max: 10 })),
    }).map((r) => JSON.parse(JSON.stringify(r)) as object); // the absent optional keys dropped, as JSON.stringify writes a record
    fc.assert(fc.property(fc.oneof(good, fc.record({ type: fc.constant('rating'), v: fc.integer({ min: 1, max: 9 }), session: goodText(MAX.session), at: realInstant, after: fc.integer({ min: 0, max: 10 }) })), (r) => {
      expect(agrees(line(r)), line(r)).toBeDefined();
    }), { numRuns: 3000 });
  });
});

describe('reading a log with both kinds of line', () => {
  it('lines the schema reads take their place in file order, and bad ones are reported in line order with the schema\'s message', async () => {
    const path = join(tempDir(), 'history.jsonl');
    const newer = { ...SESSION, session: 'newer', v: 2, mood: 'x' };
    writeFileSync(path, [
      line(SESSION), // 1: quick
      line({ ...SESSION, session: 'bad', before: 12 }), // 2: bad
      line(newer), // 3: the schema reads it, without "mood"
      'garbage', // 4: not JSON
      line({ ...RATING, session: 'newer' }), // 5: quick
      line({ ...SESSION, session: 'late', start: '2025-02-30T09:00:00Z' }), // 6: bad
      line({ ...RATING }), // 7: quick
    ].join('\n'));
    const r = await readHistory(path);
    expect(r.lines.map((l) => l.line)).toEqual([1, 3, 5, 7]);
    expect(r.lines[1]!.value).toStrictEqual({ ...SESSION, session: 'newer', v: 2 });
    expect(r.bad).toEqual([
      { line: 2, message: 'before: expected a rating from 0 to 10' },
      { line: 4, message: 'not valid JSON' },
      { line: 6, message: 'start: expected a real date and time' },
    ]);
    const { sessions } = foldHistory(r.lines);
    expect(sessions.map((s) => [s.session, s.after])).toEqual([['m5x2k-abcd', 3], ['newer', 3]]);
  });
});

describe('folding a rating in', () => {
  it('copies the rated session with its keys in the same order, as a spread would, and leaves the line as read', () => {
    const value = JSON.parse(line({ ...SESSION, before: 5 })) as HistoryLine;
    const withAfter = JSON.parse(line({ ...SESSION, session: 'had', before: 5, after: 9 })) as HistoryLine;
    const { sessions } = foldHistory([{ line: 1, value }, { line: 2, value: withAfter }, { line: 3, value: { ...RATING, session: SESSION.session, after: 2 } as HistoryLine }, { line: 4, value: { ...RATING, session: 'had', after: 1 } as HistoryLine }]);
    expect(JSON.stringify(sessions[0])).toBe(JSON.stringify({ ...value, after: 2 }));
    expect(JSON.stringify(sessions[1])).toBe(JSON.stringify({ ...withAfter, after: 1 }));
    expect(value).not.toHaveProperty('after');
    expect((withAfter as { after: number }).after).toBe(9);
  });
});
