// A quick check of a line of the session log, for reading a log of many thousands of lines
// without loading zod or paying its cost per line (about two fifths of `history`'s time at
// 10,000 sessions, measured with --cpu-prof). It recognises a line in the form acupress writes it (JSON.stringify of a
// record: the schema's keys in the schema's order, no spaces, whole numbers) whose every value
// the schema accepts, by one regular expression over the text: the engine's compiled matcher,
// where a check written in JavaScript costs more than the parse itself in a process this short.
// Such a line parses to exactly what the schema returns for it. Any other line, valid or not,
// is left to the schema (model/history.ts, the source of truth), which gives the verdict and the
// message; test/history-quick.test.ts holds the two together.
import type { HistoryLine } from './history.js';
import { END_REASONS, HISTORY_LIMITS as MAX, TARGET_KINDS, WORKED_SIDES } from './history-format.js';

/**
 * A JSON string of 1 to `max` UTF-16 units once decoded: each item is one unit (a character
 * that needs no escape, or one escape). The schema counts code points, never more than units.
 */
const text = (max: number) => `"(?:[^"\\\\\\x00-\\x1f]|\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4})){1,${max}}"`;
const oneOf = (words: readonly string[]) => `"(?:${words.join('|')})"`;
const list = (item: string, max = Infinity) => `\\[(?:${item}(?:,${item})${max === Infinity ? '*' : `{0,${max - 1}}`})?\\]`;

/** The two line forms: a session and a rating, each as acupress writes it. */
function makeLineForms(): [RegExp, RegExp] {
  // A real date: days 29 and 30 in every month but February, 31 in the long months, 29 February in leap years.
  const leapYear = '(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';
  const date = `(?:\\d{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|${leapYear}-02-29)`;
  const hour = '(?:[01]\\d|2[0-3])';
  const instant = `"${date}T${hour}:[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?(?:Z|[+-]${hour}:[0-5]\\d)"`;
  // Whole numbers of up to 15 digits, all below Number.MAX_SAFE_INTEGER.
  const positive = '[1-9]\\d{0,14}';
  const ms = `(?:0|${positive})`;
  const rating = '(?:10|\\d)';
  const points = list(`\\{"point":${text(MAX.point)},"sides":${list(oneOf(WORKED_SIDES))}\\}`, MAX.points);
  const session = new RegExp(`^\\{"type":"session","v":${positive},"session":${text(MAX.session)},"start":${instant},"end":${instant}`
    + `,"kind":${oneOf(TARGET_KINDS)},"target":${text(MAX.target)},"title":${text(MAX.title)},"planned_ms":${ms},"active_ms":${ms}`
    + `,"completed":(?:true|false),"reason":${oneOf(END_REASONS)}(?:,"signal":${text(MAX.signal)})?,"points":${points}(?:,"partly":${points})?`
    + `,"conditions":${list(text(MAX.condition), MAX.conditions)}(?:,"before":${rating})?(?:,"after":${rating})?\\}$`);
  return [session, new RegExp(`^\\{"type":"rating","v":${positive},"session":${text(MAX.session)},"at":${instant},"after":${rating}\\}$`)];
}

// Made on first use: the commands that never read the log do not pay for them.
let lineForms: [session: RegExp, rating: RegExp] | undefined;

/**
 * A line of the log (its text) as historyLineSchema.parse returns it, when the line is in the
 * form acupress writes and the schema accepts; undefined when the schema has to decide.
 */
export function quickHistoryLine(line: string): HistoryLine | undefined {
  const forms = (lineForms ??= makeLineForms());
  return forms[0].test(line) || forms[1].test(line) ? (JSON.parse(line) as HistoryLine) : undefined;
}
