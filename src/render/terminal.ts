// What the terminal in front of us can show, decided once from `io` and asked by every renderer:
// live view or plain lines, colour depth, Unicode or ASCII, and the width lines must fit.
// Nothing here guesses: an unknown size, a dumb or missing TERM, or a locale that is not UTF-8
// each turn the matching feature off rather than hoping.
import type { Io } from '../model/io.js';

/** Colour depth: 0 none, 1 the 16 basic colours, 2 the 256-colour palette, 3 truecolor. */
export type ColorLevel = 0 | 1 | 2 | 3;

/** The symbols renderers draw with, in Unicode or in plain ASCII for a non-UTF-8 locale. */
export interface Glyphs {
  /** Spinner frames, shown one after another while a phase runs. */
  spinner: readonly string[];
  /** The still symbol a paused run shows in place of the spinner. */
  paused: string;
  /** A finished point, a passed check. */
  tick: string;
  /** A caution or avoid mark. */
  warn: string;
  /** List bullet. */
  bullet: string;
  /** Separator between short facts ("point 1/3 · round 2/3"). */
  dot: string;
  /** Marks text that was cut to fit. */
  ellipsis: string;
  /** A pause in a sentence ("PAUSED — space resumes"). */
  dash: string;
  /** Progress bar: done and still to come. */
  barDone: string;
  barTodo: string;
  /** Previous and next, in point navigation. */
  left: string;
  right: string;
  /** Multiplication ("3 × (30s ramp …)"). */
  times: string;
  /** A rule around a group heading ("── desk ──"). */
  rule: string;
  /** Chinese characters can be shown (a UTF-8 locale); otherwise cards and lists leave them out. */
  hanzi: boolean;
}

/** Unicode glyphs. */
export const UNICODE_GLYPHS: Glyphs = {
  spinner: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'],
  paused: '⏸',
  tick: '✔',
  warn: '⚠',
  bullet: '•',
  dot: '·',
  ellipsis: '…',
  dash: '—',
  barDone: '█',
  barTodo: '░',
  left: '←',
  right: '→',
  times: '×',
  rule: '──',
  hanzi: true,
};

/** ASCII glyphs, for a terminal whose locale is not UTF-8. */
export const ASCII_GLYPHS: Glyphs = {
  spinner: ['|', '/', '-', '\\'],
  paused: '=',
  tick: '+',
  warn: '!',
  bullet: '*',
  dot: '-',
  ellipsis: '...',
  dash: '-',
  barDone: '#',
  barTodo: '-',
  left: '<-',
  right: '->',
  times: 'x',
  rule: '--',
  hanzi: false,
};

/** The smallest terminal the live view draws in; anything smaller gets plain lines. */
export const LIVE_MIN = { columns: 30, rows: 6 } as const;

/** The columns to wrap to when a terminal does not say its width (it still gets no live view). */
export const FALLBACK_COLUMNS = 80;

/** Everything renderers need to know about where their output goes. */
export interface Terminal {
  /** stdout is a terminal a person reads, not a pipe, file or /dev/null. */
  tty: boolean;
  /** Cursor movement, line erasing and mode switches are understood: a terminal whose TERM is set and not "dumb". */
  cursor: boolean;
  /** Colour depth for every colour we or a library print (NO_COLOR, --no-color and FORCE_COLOR decide first). */
  color: ColorLevel;
  /** The locale is UTF-8, so Unicode symbols and tone marks show; otherwise ASCII. */
  unicode: boolean;
  /** Width in columns every printed line must fit; undefined when stdout is not a terminal (lines stay whole). */
  columns: number | undefined;
  /** Height in rows, when the terminal reports it. */
  rows: number | undefined;
  /** The terminal reported its real size (not a fallback). */
  sized: boolean;
  /** The live view may draw: cursor control and a known size of at least LIVE_MIN. */
  live: boolean;
  /** The symbols to draw with. */
  glyphs: Glyphs;
}

/** A positive whole number of cells, or undefined for a missing, zero, negative or garbled size. */
function cells(n: unknown): number | undefined {
  const v = typeof n === 'string' ? (/^\d+$/.test(n.trim()) ? Number(n) : NaN) : n;
  return typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 100_000 ? v : undefined;
}

/**
 * Is the character set UTF-8? The first of LC_ALL, LC_CTYPE and LANG that is set decides, as
 * setlocale(3) does. With none set there is no locale to contradict the UTF-8 we write, and the
 * terminal's own settings rule, so that counts as UTF-8; "C", "POSIX" or any non-UTF-8 codeset is not.
 */
export function isUtf8Locale(env: Io['env'], platform = 'linux'): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
  if (!locale) return true;
  if (platform === 'win32') return true;
  // (Plain string code, not a regular expression: every start asks; model/point-number.ts says why.)
  const l = locale.toLowerCase();
  return l.includes('utf-8') || l.includes('utf8');
}

/**
 * FORCE_COLOR as chalk documents it: `0` or `false` off, `1`, `true` or empty the basic 16 colours,
 * `2` 256, `3` truecolor (a larger whole number is 3, as chalk caps it). Any other value (`abc`,
 * `-1`, `1.5`) forces nothing: undefined, and the terminal decides, as chalk does for a value that
 * is not a number (it read `abc` as 1 here, colouring a pipe).
 */
export function forcedColor(force: string | undefined): ColorLevel | undefined {
  if (force === undefined) return undefined;
  if (force === '' || force === 'true') return 1;
  if (force === 'false') return 0;
  if (!/^\d{1,9}$/.test(force)) return undefined;
  return Math.min(Number(force), 3) as ColorLevel;
}

/**
 * Colour depth from, in order: --no-color (`flag === false`), NO_COLOR (any non-empty value),
 * FORCE_COLOR (forcedColor), then what the terminal says: none for a pipe or file, a dumb or
 * missing TERM; truecolor for COLORTERM=truecolor; 256 for *256*.
 */
export function colorLevel(io: Pick<Io, 'env' | 'stdout'> & { platform?: string }, flag?: boolean): ColorLevel {
  if (flag === false) return 0;
  const { env } = io;
  if (env.NO_COLOR) return 0;
  const forced = forcedColor(env.FORCE_COLOR);
  if (forced !== undefined) return forced;
  if (!io.stdout.isTTY || !termUnderstood(env, io.platform)) return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}

/** TERM names a terminal that understands escape sequences (Windows consoles do without TERM). */
function termUnderstood(env: Io['env'], platform = 'linux'): boolean {
  const term = env.TERM;
  if (!term) return platform === 'win32';
  return term !== 'dumb';
}

/**
 * The one terminal-width rule. A terminal's own size wins; a terminal that reports none (or zero)
 * may be given one through COLUMNS; failing that, lines are fitted to FALLBACK_COLUMNS but the
 * terminal counts as unsized, so no live view is drawn. A pipe or file has no width: undefined.
 */
export function terminalColumns(io: Pick<Io, 'env' | 'stdout'>): { columns: number | undefined; sized: boolean } {
  if (!io.stdout.isTTY) return { columns: undefined, sized: false };
  const own = cells(io.stdout.columns) ?? cells(io.env.COLUMNS);
  return own ? { columns: own, sized: true } : { columns: FALLBACK_COLUMNS, sized: false };
}

/** The width help text wraps to on this sink: the terminal's (by the rule above), or 80 off a terminal. */
export function helpWidth(env: Io['env'], out: Io['stdout']): number {
  return terminalColumns({ env, stdout: out }).columns ?? FALLBACK_COLUMNS;
}

/** Decide this invocation's terminal capabilities. `color` is the --color/--no-color flag, when given. */
export function terminal(io: Pick<Io, 'env' | 'stdout'> & { platform?: string }, color?: boolean): Terminal {
  const tty = Boolean(io.stdout.isTTY);
  const cursor = tty && termUnderstood(io.env, io.platform);
  const { columns, sized } = terminalColumns(io);
  const rows = tty ? cells(io.stdout.rows) ?? cells(io.env.LINES) : undefined;
  const unicode = isUtf8Locale(io.env, io.platform);
  const live = cursor && sized && columns !== undefined && columns >= LIVE_MIN.columns && rows !== undefined && rows >= LIVE_MIN.rows;
  return { tty, cursor, color: colorLevel(io, color), unicode, columns, rows, sized, live, glyphs: unicode ? UNICODE_GLYPHS : ASCII_GLYPHS };
}

/** The width to fit a block of text to: the terminal's, at most `max` (for reading comfort); unbounded off a terminal. */
export function fitWidth(t: Pick<Terminal, 'columns'>, max = Infinity): number {
  return t.columns === undefined ? Infinity : Math.min(t.columns, max);
}
