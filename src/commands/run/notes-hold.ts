// The notes before a run (red flags, cautions, each condition's advice, tips) held on screen until
// a key, when they cannot stay beside the live view: the person reads them before the run begins,
// a screenful at a time, as `more` shows a file, rather than have the view push their top away.
import type { Io, Signal } from '../../model/io.js';
import type { Paint } from '../../render/paint.js';
import { rowsOf, truncate } from '../../render/text.js';
import { keyReader } from './keys.js';

/** How a hold ended: go on to the run, the person quit (q or Esc), or a signal (Ctrl-C read as a key is SIGINT). */
export type HoldEnd = { go: true } | { go: false; signal?: Signal };

/** The words of the hold lines: after a screenful with more to come, and after the last. */
export const MORE_WORDS = 'space more · q quit';
export const START_WORDS = 'space starts the run · q quit';

/**
 * Print `text` (the notes, whole lines) on a terminal of `rows` rows, with `above` rows of it
 * already taken by what was printed just before, waiting for a key after each screenful and
 * after the last. Space, Enter or s goes on; q or Esc quits; Ctrl-C, or a signal, stops. The hold
 * line is erased once answered, so the screen keeps only the notes. Ctrl-Z suspends as in the run.
 */
export async function holdNotes(io: Io, text: string, o: { rows: number; columns: number; above: number; c: Paint }): Promise<HoldEnd> {
  const lines = text.replace(/\n$/, '').split('\n');
  const page = Math.max(1, o.rows - 1);
  // The first screenful shares the screen with what is above it, which should stay in sight too
  // (the first-run answer, skipped steps), while that leaves at least half a screen.
  let room = o.above <= page / 2 ? page - o.above : page;
  let at = 0;
  while (at < lines.length) {
    let used = 0;
    let out = '';
    while (at < lines.length) {
      const r = Math.max(1, rowsOf(`${lines[at]!}\n`, o.columns));
      if (used > 0 && used + r > room) break;
      out += `${lines[at]!}\n`;
      used += r;
      at++;
    }
    io.stdout.write(out);
    const end = await holdLine(io, o.c.dim(truncate(at < lines.length ? MORE_WORDS : START_WORDS, o.columns - 1, o.c.g.ellipsis)));
    if (!end.go) return end;
    room = page;
  }
  return { go: true };
}

/** Show one hold line, wait for its answer, then erase the line. */
function holdLine(io: Io, words: string): Promise<HoldEnd> {
  const stdin = io.stdin;
  const show = () => void io.stdout.write(`\r${words}\x1b[K`);
  return new Promise((resolve) => {
    const raw = (on: boolean) => {
      if (on) stdin.setRawMode?.(false); // a shell that stopped us set cooked mode behind libuv's back
      stdin.setRawMode?.(on);
    };
    const done = (end: HoldEnd) => {
      reader.stop();
      stdin.off('data', onData);
      offSignal();
      offSuspend();
      offContinue();
      raw(false);
      stdin.pause?.();
      io.stdout.write('\r\x1b[K');
      resolve(end);
    };
    const suspend = (scope: 'job' | 'process') => {
      raw(false);
      io.stdout.write('\r\x1b[K');
      io.stopSelf(scope);
    };
    // Running again (fg): the hold line comes back, keys read as before.
    const offContinue = io.onContinue(() => {
      raw(true);
      show();
    });
    const reader = keyReader(io.clock, (key) => {
      if (key === ' ' || key === 'enter' || key === 's' || key === 'n' || key === 'right') done({ go: true });
      else if (key === 'q' || key === 'escape') done({ go: false });
      else if (key === 'ctrl-c') done({ go: false, signal: 'SIGINT' });
      else if (key === 'ctrl-z') suspend('job');
    });
    const onData = (d: Buffer | string) => reader.data(d);
    const offSignal = io.onSignal((signal) => done({ go: false, signal }));
    const offSuspend = io.onSuspend(() => suspend('process'));
    raw(true);
    stdin.resume?.();
    stdin.on('data', onData);
    show();
  });
}
