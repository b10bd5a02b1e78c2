// Counting the terminal rows a run prints before its live view: the view keeps them on screen
// until the first hold, and each row it does not know of is one its frame would push off.
import type { Io, Out } from '../../model/io.js';
import { rowsOf } from '../../render/text.js';

/** An io that counts what it prints, with the count so far and a way to start it again. */
export interface RowCount {
  /** `io`, its stdout and stderr counting the rows each complete line takes on a terminal. */
  io: Io;
  /** The rows printed so far (since the last reset). */
  rows(): number;
  /** Start counting again: what was printed has gone from the screen, or out of reach (a prompt that redraws). */
  reset(): void;
}

/**
 * Count every row `io` prints to a terminal: on stdout and on stderr, each when it is a terminal
 * (a stream sent to a file or a pipe takes no row), at the width of stdout's terminal. One line
 * wider than that folds onto more rows (a URL kept whole).
 */
export function countRows(io: Io): RowCount {
  let rows = 0;
  const counting = (out: Out): Out => {
    const write = (s: string) => {
      if (out.isTTY) rows += rowsOf(s, io.stdout.columns || Infinity);
      return out.write(s);
    };
    // Everything else (isTTY, columns, rows, on, off, raw) is the stream's own.
    return new Proxy(out, { get: (t, k) => (k === 'write' ? write : Reflect.get(t, k, t)) });
  };
  // Not a spread: io's getters (stdin) would be read now, and a later spread of a copy would lose them.
  const counted: Io = Object.create(io, { stdout: { value: counting(io.stdout), enumerable: true }, stderr: { value: counting(io.stderr), enumerable: true } });
  return { io: counted, rows: () => rows, reset: () => void (rows = 0) };
}
