// Output to a file, pipe or /dev/null without process.stdout. Building process.stdout loads
// Node's whole stream stack (and, for pipes, net): about 6 ms of a 25 ms start, for output that
// on Linux is written synchronously anyway. Terminals still get the real stream (ora, resize).
import { fstatSync, statSync, writeSync } from 'node:fs';
import type { Out } from '../model/io.js';

/**
 * Is this descriptor a plain sink: a regular file, pipe, socket or /dev/null? Terminals, and
 * anything unsure, answer false and keep Node's stream.
 */
export function isPlainSink(fd: number, platform: string): boolean {
  if (platform === 'win32') return false;
  try {
    const st = fstatSync(fd);
    if (st.isFile() || st.isFIFO() || st.isSocket()) return true;
    // A character device is a terminal, unless it is /dev/null (cron, `>/dev/null` in hooks).
    return st.isCharacterDevice() && st.rdev === statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * A blocking writer on `fd`. A full non-blocking pipe (EAGAIN) is retried after a millisecond.
 * A closed one (EPIPE: `acupress list | head -1`) calls `onClosed`; any other failure (ENOSPC on
 * a full disk or /dev/full, EIO) calls `onFailed`, or is thrown when there is none. Either way
 * the writer is dead from then on: later writes are dropped (returning false), so the handler is
 * told once and the command can wind down instead of being killed mid-write.
 */
export function fdOut(fd: number, onClosed: () => void, onFailed?: (e: NodeJS.ErrnoException) => void): Out {
  let dead = false;
  return {
    isTTY: false,
    write(chunk: string) {
      if (dead) return false;
      const buf = Buffer.from(chunk, 'utf8');
      let off = 0;
      while (off < buf.length) {
        try {
          off += writeSync(fd, buf, off);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') {
            Atomics.wait(pause, 0, 0, 1);
            continue;
          }
          if (code !== 'EPIPE' && !onFailed) throw e;
          dead = true;
          if (code === 'EPIPE') onClosed();
          else onFailed!(e as NodeJS.ErrnoException);
          return false;
        }
      }
      return true;
    },
  };
}
