// Echoing untrusted text (argv, file names, environment, data) back safely: control and invisible
// characters are escaped so a message stays on one line, cannot move the cursor, retitle the
// window or colour the terminal, and shows "LI4\u200b" rather than a twin of "LI4". Long input is
// cut, so a 130 kB argument never comes back whole. Every path that prints such text goes
// through `untrusted`, `quote` or `safeLines` here.

// C0 and C1 controls, DEL, and format characters (zero-width spaces, bidi marks, BOMs, interlinear
// annotation marks, the invisible tag characters U+E0000–U+E007F as their surrogate pairs), plus no-break spaces.
// Besides: the combining grapheme joiner, the Hangul and Khmer fillers that show as nothing, the
// Mongolian vowel separator and free variation selectors (U+180B–U+180F), the variation
// selectors U+FE00–U+FE0F (an emoji's U+FE0F too: "LI4\ufe0f" looks like "LI4"), the
// narrow no-break space, the deprecated format characters U+206A–U+206F, and beyond the BMP the
// musical format characters U+1D173–U+1D17A, the shorthand format controls U+1BCA0–U+1BCA3 and
// the variation selectors U+E0100–U+E01EF.
const BEYOND_C0 = '\\u007f-\\u009f\\u00a0\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u2028-\\u202f\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\ufff9-\\ufffb';
const TAGS = '|\\udb40[\\udc00-\\udc7f\\udd00-\\uddef]|\\ud834[\\udd73-\\udd7a]|\\ud82f[\\udca0-\\udca3]';
const HIDDEN = new RegExp(`[\\u0000-\\u001f${BEYOND_C0}]${TAGS}`, 'g');

// HIDDEN less the C0 controls, which JSON.stringify escapes itself (and whose \n and spaces lay out
// pretty-printed JSON): what it leaves raw inside strings.
const HIDDEN_IN_JSON = new RegExp(`[${BEYOND_C0}]${TAGS}`);

const unitEscape = (unit: number): string => `\\u${unit.toString(16).padStart(4, '0')}`;
/** Each UTF-16 unit of `ch` as \uXXXX (a tag character is a surrogate pair: both halves). */
const unitEscapes = (ch: string): string => (ch.length === 1 ? unitEscape(ch.charCodeAt(0)) : unitEscape(ch.charCodeAt(0)) + unitEscape(ch.charCodeAt(1)));

/**
 * C0 and C1 control characters and DEL, what a terminal may act on rather than show, and the
 * bidi controls and line separators (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069, U+2028/9),
 * which reorder or break what is printed after them ("⚠ avoid" shown before a title).
 */
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** Controls other than newline and tab (and the bidi controls and separators): what block text (cues, locations) may not hold. */
export const CONTROL_IN_BLOCK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/** How much of an echoed value is shown by default: enough to recognise it, never a flood. */
export const ECHO_MAX = 60;

/** Escape hidden characters as \uXXXX (\n as \n, \t as \t). */
export function escapeHidden(text: string): string {
  return text.replace(HIDDEN, (ch) => (ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : unitEscapes(ch)));
}

/**
 * As escapeHidden, but newlines and tabs stay: for free text printed as a block (a routine's summary,
 * cues, tips), whose line breaks are its own. A user's "Press\u200b" shows as that, as titles do.
 */
export function escapeHiddenText(text: string): string {
  return text.replace(HIDDEN, (ch) => (ch === '\n' || ch === '\t' ? ch : unitEscapes(ch)));
}

/**
 * JSON text (JSON.stringify's) with every hidden character it left raw written as a \uXXXX escape,
 * so a terminal showing it is not reordered by a bidi override from a hand-edited log: the same
 * value to any JSON reader. They can only stand inside strings, JSON's own syntax being ASCII.
 */
export function escapeJsonHidden(json: string): string {
  return HIDDEN_IN_JSON.test(json) ? json.replace(new RegExp(HIDDEN_IN_JSON.source, 'g'), unitEscapes) : json;
}

/** Cut text to `max` characters (not splitting a surrogate pair), marking the cut with "…". */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Untrusted text made printable: cut to `max` characters, then escaped. The one helper for echoes. */
export function untrusted(text: string, max = ECHO_MAX): string {
  return escapeHidden(cut(text, max));
}

/** Quote user text for a message: escaped, and cut to `max` characters. */
export function quote(text: string, max = 40): string {
  return `"${untrusted(text, max).replace(/"/g, '\\"')}"`;
}

/**
 * A message that may span lines, made safe line by line: controls escaped (newlines kept as line
 * breaks) and each line cut to `max` characters. The last guard before stderr.
 */
export function safeLines(text: string, max = 2000): string {
  return text.split('\n').map((line) => untrusted(line, max)).join('\n');
}
