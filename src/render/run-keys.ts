// The keys of a live run, in one table: the key reader maps keys to actions from it, and the live
// view's hint line and help panel (`?`) are printed from it, so the two cannot disagree. README
// and docs/cli.md list the same keys.
import type { KeyHelp } from './run-tty.js';
import type { Glyphs } from './terminal.js';

/** What a key press asks the run to do. */
export type KeyAction = 'toggle' | 'skip' | 'back' | 'quit' | 'help' | 'suspend' | 'interrupt';

/**
 * One row: the action, the parsed key names that ask for it (see key-parser's Key; `left` and
 * `right` are the arrows), and its help (`also` may name the arrows as `left`/`right`, drawn
 * in the terminal's glyphs).
 */
export interface RunKey { action: KeyAction; keys: readonly string[]; help: KeyHelp }

/**
 * Every key with a meaning during a run, in the order the help shows them. Any other key (up,
 * down, page and function keys other than F1, Alt with a key, mouse reports, pasted text) does
 * nothing.
 */
export const RUN_KEYS: readonly RunKey[] = [
  { action: 'toggle', keys: [' ', 'p'], help: { key: 'space', also: ['p'], short: 'pause', shortPaused: 'resume', what: 'pause or resume' } },
  { action: 'skip', keys: ['s', 'n', 'right'], help: { key: 's', also: ['n', 'right'], short: 'skip', what: 'skip to the next phase' } },
  { action: 'back', keys: ['b', 'left'], help: { key: 'b', also: ['left'], short: 'back', what: 'go back one phase' } },
  { action: 'quit', keys: ['q', 'escape'], help: { key: 'q', also: ['Esc'], short: 'quit', what: 'quit, with a summary' } },
  { action: 'suspend', keys: ['ctrl-z'], help: { key: 'Ctrl-Z', what: 'suspend; fg brings the run back, paused' } },
  { action: 'interrupt', keys: ['ctrl-c'], help: { key: 'Ctrl-C', what: 'stop at once (exit 130)' } },
  { action: 'help', keys: ['?', 'h', 'f1'], help: { key: '?', also: ['h', 'F1'], short: 'keys', what: 'show or hide this help', plainWhat: 'print these keys' } },
];

/** The keys' help for the hint line and the panel, with the arrows in the terminal's glyphs. */
export function keyHelp(g: Pick<Glyphs, 'left' | 'right'>): KeyHelp[] {
  const label = (k: string) => (k === 'right' ? g.right : k === 'left' ? g.left : k);
  return RUN_KEYS.map(({ help }) => ({ ...help, ...(help.also ? { also: help.also.map(label) } : {}) }));
}
