// List questions (the first-run safety question, the routine picker) that fit the terminal's
// height. inquirer draws a fixed page of choices plus the active choice's description under the
// question; at 40x12 that was taller than the screen, and the terminal scrolled the question itself
// off the top. Here the page and the description are sized to the rows on every draw, and a resize
// draws the question again at the new size.
import type { Io } from '../../model/io.js';
import { truncate, wrap } from '../../render/text.js';

/** How a list question is laid out in `rows` x `columns`: how many rows of choices, and of description. */
export interface ListRoom { page: number; description: number }

/** The most description lines a question shows, however tall the terminal. */
const MAX_DESCRIPTION = 4;
/** The rows of choices kept before the description gets any. */
const MIN_PAGE = 4;

/** Lines `text` takes when wrapped between words at `columns`. */
export function linesAt(text: string, columns: number): number {
  return wrap(text, Math.max(1, columns)).split('\n').length;
}

/**
 * The rows for the choices and for the description, so that the whole question (its message
 * line, the choices, a blank line, the description, the key help line) fits in `rows - 1` lines
 * (the last line is left for the cursor). `want` is the page the question asks for in a tall
 * terminal. Pure, for tests.
 */
export function listRoom(rows: number | undefined, columns: number | undefined, message: string, help: string, want: number): ListRoom {
  if (!rows || !columns || rows <= 0 || columns <= 0) return { page: want, description: MAX_DESCRIPTION };
  // "? " before the message; a blank line between the choices and the description.
  const fixed = linesAt(`? ${message}`, columns) + 1 + linesAt(help, columns);
  const room = rows - 1 - fixed;
  const description = Math.max(0, Math.min(MAX_DESCRIPTION, room - MIN_PAGE));
  return { page: Math.max(1, Math.min(want, room - description)), description };
}

/** A description wrapped to `columns - 1` and cut to `lines` lines (the last ending in `ellipsis`), in inquirer's cyan. */
export function fitDescription(text: string, columns: number | undefined, lines: number, ellipsis: string): string {
  if (lines <= 0) return '';
  const w = Math.max(1, (columns ?? 80) - 1);
  const all = wrap(text, w).split('\n');
  const shown = all.length > lines ? [...all.slice(0, lines - 1), truncate(`${all[lines - 1]} ${ellipsis}`, w, ellipsis)] : all;
  return shown.map((l) => `\x1b[36m${l}\x1b[39m`).join('\n');
}

/**
 * The key help line under a list question whose page shows `hidden` choices fewer than it has:
 * "↑↓ 10 more • space select • ⏎ submit" (no longer than inquirer's own "navigate" line), so that
 * a person at 40x12 knows the four conditions on screen are not all. Styled as inquirer styles
 * its own (keys bold, words dim) when `color`; `keys` are inquirer's [key, action] pairs.
 */
export function keysHelpTip(keys: ReadonlyArray<readonly [string, string]>, hidden: number, color: boolean): string {
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[22m` : s);
  return keys
    .map(([key, action], i) => `${bold(key)} ${dim(i === 0 && hidden > 0 ? `${hidden} more` : action)}`)
    .join(dim(' • '));
}

/** The key help inquirer prints under a checkbox and a search question, for measuring. */
export const CHECKBOX_HELP = '↑↓ navigate • space select • ⏎ submit';
export const SEARCH_HELP = '↑↓ navigate • ⏎ select';

/**
 * Draw an open question again after the terminal is resized: clear the screen (the terminal has
 * re-flowed the old drawing, so its height is unknown and erasing it line by line would leave
 * pieces) and have inquirer draw afresh, which reads the size again. inquirer draws only when its
 * state changes and has no call for it, so the question is sent a pair of arrow keys that move the
 * cursor away and back (`moves()` says which way first, so that a cursor on the last choice of a
 * list that does not wrap around still comes back). Returns the function that stops listening.
 */
export function redrawOnResize(io: Io, moves: () => ['down', 'up'] | ['up', 'down']): () => void {
  const out = io.stdout.raw ?? io.stdout;
  const stdin = io.stdin as unknown as { emit?(event: string, ...args: unknown[]): boolean };
  const key = (name: 'up' | 'down') => stdin.emit?.('keypress', undefined, { name, ctrl: false, meta: false, shift: false, sequence: name === 'up' ? '\x1b[A' : '\x1b[B' });
  const onResize = () => {
    out.write('\x1b[2J\x1b[H');
    for (const m of moves()) key(m);
  };
  io.stdout.on?.('resize', onResize);
  return () => void io.stdout.off?.('resize', onResize);
}

