// The session log's format ($XDG_STATE_HOME/acupress/history.jsonl): one JSON object a line,
// either a session (written once, when a run ends) or a rating (an after-rating added later by
// `acupress rate` or `run --rate`). Lines are only ever appended, so a rating is a line of its
// own that names its session rather than an edit of the session's line.
//
// Reading is lenient where the future may add (unknown keys are dropped, so a newer acupress's
// lines still read) and strict where a value matters (times, ratings, reasons).
import { z } from 'zod';
import { END_REASONS, HISTORY_LIMITS as MAX, TARGET_KINDS, WORKED_SIDES } from './history-format.js';

export { END_REASONS, TARGET_KINDS };

/** A rating of how strong the symptom is: a whole number from 0 (none) to 10 (worst). */
export const ratingSchema = z.number({ error: 'expected a rating from 0 to 10' }).int('expected a whole number from 0 to 10').min(0, 'expected a rating from 0 to 10').max(10, 'expected a rating from 0 to 10');

// ISO 8601 with seconds, optional fraction, and an explicit offset (Z or ±hh:mm), as written.
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;
const instant = z.string().regex(ISO, 'expected an ISO 8601 time with an offset').refine(isRealInstant, 'expected a real date and time');

/**
 * Does an ISO stamp name a real moment (no 2025-02-30, no 24:00)? Checked field by field rather
 * than through Date, which rolls impossible dates over, and because a log holds many thousands.
 */
function isRealInstant(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const n = (i: number) => Number(m[i]);
  const [y, mo, d] = [n(1), n(2), n(3)];
  const days = mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  const zoneOk = m[7] === undefined || (n(7) <= 23 && n(8) <= 59);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days && n(4) <= 23 && n(5) <= 59 && n(6) <= 59 && zoneOk;
}

// Each check says what was expected in acupress's words, as a user file's problems do, never zod's own.
const MS = 'expected a whole number of milliseconds';
const ms = z.number({ error: MS }).int(MS).nonnegative(MS).max(Number.MAX_SAFE_INTEGER, MS);
const short = (max: number) => z.string({ error: 'expected text' }).min(1, 'expected text, got an empty string').max(max, `expected text of at most ${max} characters`);
const version = z.number({ error: 'expected a format version (a whole number from 1)' }).int('expected a format version (a whole number from 1)').positive('expected a format version (a whole number from 1)');
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `expected one of ${values.join(', ')}` });
const listOf = <T extends z.ZodType>(item: T, max: number, what: string) => z.array(item, { error: 'expected a list' }).max(max, `expected at most ${max} ${what}`);

/** One point worked in a session, with the sides pressed (none for a midline point). */
export const workedPointSchema = z.object({
  point: short(MAX.point),
  sides: z.array(oneOf(WORKED_SIDES), { error: 'expected a list' }),
});

/**
 * A session: one per real run. `target` is what identifies it in history and stats: the
 * routine id, the point id, or the routine file's absolute path. `before` comes from
 * `run --before` or the `--rate` question; `after`, in the file, usually from a rating line.
 */
export const sessionSchema = z.object({
  type: z.literal('session'),
  v: version,
  session: short(MAX.session),
  start: instant,
  end: instant,
  kind: oneOf(TARGET_KINDS),
  target: short(MAX.target),
  title: short(MAX.title),
  planned_ms: ms,
  active_ms: ms,
  completed: z.boolean({ error: 'expected true or false' }),
  reason: oneOf(END_REASONS),
  signal: short(MAX.signal).optional(),
  points: listOf(workedPointSchema, MAX.points, 'points'),
  /** Points worked partly: on these sides no hold ran to its end, but one ran at least half its length (absent when there are none). */
  partly: listOf(workedPointSchema, MAX.points, 'points').optional(),
  conditions: listOf(short(MAX.condition), MAX.conditions, 'conditions'),
  before: ratingSchema.optional(),
  after: ratingSchema.optional(),
});

/** An after-rating of an earlier session, by its `session` id; the latest rating of a session wins. */
export const ratingLineSchema = z.object({
  type: z.literal('rating'),
  v: version,
  session: short(MAX.session),
  at: instant,
  after: ratingSchema,
});

/** Any line of history.jsonl. */
export const historyLineSchema = z.discriminatedUnion('type', [sessionSchema, ratingLineSchema], {
  error: (issue) => (issue.code === 'invalid_union' ? 'expected "type" to be "session" or "rating"' : issue.code === 'invalid_type' ? 'expected a JSON object' : undefined),
});

/** A session record: a line of the log, and an element of `history --json` (ratings folded in). */
export type Session = z.output<typeof sessionSchema>;
/** A rating line. */
export type RatingLine = z.output<typeof ratingLineSchema>;
/** Any line of the log. */
export type HistoryLine = Session | RatingLine;
/** One point worked in a session. */
export type WorkedPoint = z.output<typeof workedPointSchema>;
