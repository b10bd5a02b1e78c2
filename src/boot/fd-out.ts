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
 * A blocking writer on `fd`. A full non-blocking pipe (EAGAIN) is retried after a millisecond;
 * a closed one (EPIPE: `acupress list | head -1`) calls `onClosed`, which ends the process. Any
 * other failure (ENOSPC on a full disk or /dev/full, EIO) calls `onFailed`, which reports it in
 * one line and ends the process; without one, the error is thrown.
 */
export function fdOut(fd: number, onClosed: () => void, onFailed?: (e: NodeJS.ErrnoException) => void): Out {
  return {
    isTTY: false,
    write(chunk: string) {
      const buf = Buffer.from(chunk, 'utf8');
      let off = 0;
      while (off < buf.length) {
        try {
          off += writeSync(fd, buf, off);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
          else if (code === 'EPIPE') return onClosed(), false;
          else if (onFailed) return onFailed(e as NodeJS.ErrnoException), false;
          else throw e;
        }
      }
      return true;
    },
  };
}
