// The session log on disk: $XDG_STATE_HOME/acupress/history.jsonl. Records are appended with
// one write each through O_APPEND, so concurrent runs never interleave and a crash never leaves
// half a file; lines are read back one at a time, and a bad line is reported, never repaired.
// Nothing here rewrites the file: only clearHistory removes it, for `history --clear`, and an
// append that fails part-way takes back only its own bytes.
import { closeSync, constants, createReadStream, fstatSync, ftruncateSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HistoryLine } from '../model/history.js';
import type { BadLine, NumberedLine } from '../core/history.js';
import { UserError } from '../model/errors.js';
import { makeDirs } from './make-dirs.js';
import { stateDir } from './paths.js';


/** Where the session log lives. Throws a UserError when HOME is needed but unset. */
export function historyPath(env: Record<string, string | undefined>): string {
  const dir = stateDir(env);
  if (dir === undefined) throw new UserError('HOME is not set; set HOME (or XDG_STATE_HOME)');
  return join(dir, 'history.jsonl');
}

/**
 * Append one line (one write, O_APPEND). The directory is made private (0700) and the file
 * too (0600): it is health information. If the file does not end in a newline (a line cut
 * short by a hand edit, or by an older acupress), the record starts on a line of its own.
 * A write that fails part-way (a full disk, a file size limit) is taken back, so the log never
 * ends in half a record. Throws the fs error when the directory or file cannot be written, and
 * an Error when something other than a regular file (a pipe, /dev/null) is in the log's place.
 */
export function appendHistory(path: string, line: HistoryLine): void {
  makeDirs(dirname(path), 0o700);
  // O_NONBLOCK: a FIFO in the log's place must not hang the open (nor the write); it is refused below.
  const { O_APPEND, O_CREAT, O_NOCTTY, O_NONBLOCK, O_RDWR } = constants;
  const fd = openSync(path, O_RDWR | O_APPEND | O_CREAT | O_NOCTTY | O_NONBLOCK, 0o600);
  try {
    const st = fstatSync(fd);
    // A pipe or device would swallow the record (as /dev/null does) while the run said nothing.
    if (!st.isFile()) throw new Error('not a regular file (a pipe or a device is in its place)');
    let text = `${JSON.stringify(line)}\n`;
    if (st.size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, st.size - 1);
      if (last[0] !== 0x0a) text = `\n${text}`;
    }
    const bytes = Buffer.from(text);
    // A regular file takes the whole buffer in one write, or fails part-way only when it cannot
    // grow: the loop then meets the error (ENOSPC, EFBIG) on its next write.
    let off = 0;
    try {
      while (off < bytes.length) off += writeSync(fd, bytes, off);
    } catch (e) {
      // Cut off what this append wrote: the bytes at the end of the file now, the only ones it
      // can know are its own (another run's record, appended before, stays).
      if (off > 0) {
        try {
          ftruncateSync(fd, Math.max(0, fstatSync(fd).size - off));
        } catch {
          // Nothing more can be done; the reader skips the cut line with a warning.
        }
      }
      throw e;
    }
  } finally {
    closeSync(fd);
  }
}

/** Lines longer than this are not records (a record is well under 4 KiB); they are skipped unparsed. */
export const MAX_LINE_CHARS = 64 * 1024;

/** What reading the log found: the parsed lines, the bad ones, and whether there is a log at all. */
export interface HistoryRead {
  lines: NumberedLine[];
  bad: BadLine[];
  missing: boolean;
}

/**
 * Read and validate every line of the log, streaming (the file may hold years of sessions).
 * Blank lines are ignored; a line that is not JSON or not a valid record is returned in `bad`.
 * A missing file is an empty log; a path that is not a regular file, or any other fs error, is thrown.
 */
export async function readHistory(path: string): Promise<HistoryRead> {
  const { historyLineSchema } = await import('../model/history.js');
  const lines: NumberedLine[] = [];
  const bad: BadLine[] = [];
  // A pipe or a device where the log should be would never end (a FIFO blocks the open, /dev/zero
  // streams forever): only a regular file is read.
  try {
    if (!statSync(path).isFile()) throw new Error('not a regular file (a pipe or a device is in its place)');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { lines, bad, missing: true };
    throw e;
  }
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const opened = new Promise<boolean>((resolve, reject) => {
    stream.once('open', () => resolve(true));
    stream.once('error', (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? resolve(false) : reject(e)));
  });
  if (!(await opened)) return { lines, bad, missing: true };
  let n = 0;
  const tooLong = () => bad.push({ line: n, message: `a line longer than ${MAX_LINE_CHARS / 1024} KiB, too long to be a record` });
  const take = (raw: string) => {
    n++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    if (text.length > MAX_LINE_CHARS) return void tooLong();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      bad.push({ line: n, message: 'not valid JSON' });
      return;
    }
    const r = historyLineSchema.safeParse(json);
    if (r.success) lines.push({ line: n, value: r.data });
    else {
      const issue = r.error.issues[0]!;
      bad.push({ line: n, message: `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}` });
    }
  };
  // Split the chunks into lines by hand (readline costs more than the parsing, at 10,000 lines);
  // a line that outgrows MAX_LINE_CHARS is dropped as it streams by, so memory stays bounded.
  let rest = '';
  let overlong = false;
  for await (const chunk of stream as AsyncIterable<string>) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', from)) {
      if (overlong) {
        n++;
        tooLong();
      } else take(rest + chunk.slice(from, nl));
      rest = '';
      overlong = false;
      from = nl + 1;
    }
    if (!overlong) {
      rest += chunk.slice(from);
      if (rest.length > MAX_LINE_CHARS) {
        overlong = true;
        rest = '';
      }
    }
  }
  if (overlong) {
    n++;
    tooLong();
  } else if (rest !== '') take(rest);
  return { lines, bad, missing: false };
}

/** Remove the log (history --clear). A log that is already gone is not an error. */
export function clearHistory(path: string): void {
  rmSync(path, { force: true });
}
