// The session log on disk: $XDG_STATE_HOME/acupress/history.jsonl. Records are appended with
// one write each through O_APPEND, so concurrent runs never interleave and a crash never leaves
// half a file; lines are read back one at a time, and a bad line is reported, never repaired.
// Nothing here rewrites the file: only clearHistory removes it, for `history --clear`, and an
// append that fails part-way blanks out only its own bytes (takeBack).
import { closeSync, constants, createReadStream, fstatSync, openSync, readSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import type { HistoryLine } from '../model/history.js';
import type { BadLine, NumberedLine } from '../core/history.js';
import { quickHistoryLine } from '../model/history-quick.js';
import { UserError } from '../model/errors.js';
import { makeDirs } from './make-dirs.js';
import { stateDir } from './paths.js';
import { formatPath } from './problem.js';


/** Where the session log lives. Throws a UserError when HOME is needed but unset. */
export function historyPath(env: Record<string, string | undefined>): string {
  const dir = stateDir(env);
  if (dir === undefined) throw new UserError('HOME is not set; set HOME (or XDG_STATE_HOME)');
  return join(dir, 'history.jsonl');
}

/** The calls an append makes on the log: node:fs, or in tests a fake whose write fails part-way. */
export type AppendFs = Pick<typeof import('node:fs'), 'openSync' | 'fstatSync' | 'readSync' | 'writeSync' | 'closeSync'>;

const NODE_FS: AppendFs = { openSync, fstatSync, readSync, writeSync, closeSync };

/**
 * Append one line (one write, O_APPEND). The directory is made private (0700) and the file
 * too (0600): it is health information. If the file does not end in a newline (a line cut
 * short by a hand edit, or by an older acupress), the record starts on a line of its own.
 * A write that fails part-way (a full disk, a file size limit) is blanked out (takeBack), so
 * the log never holds half a record of ours. Throws the fs error when the directory or file
 * cannot be written, and an Error when something other than a regular file (a pipe,
 * /dev/null) is in the log's place.
 */
export function appendHistory(path: string, line: HistoryLine, fs: AppendFs = NODE_FS): void {
  const { openSync, fstatSync, readSync, writeSync, closeSync } = fs;
  makeDirs(dirname(path), 0o700);
  // O_NONBLOCK: a FIFO in the log's place must not hang the open (nor the write); it is refused below.
  const { O_APPEND, O_CREAT, O_NOCTTY, O_NONBLOCK, O_RDWR } = constants;
  const fd = openSync(path, O_RDWR | O_APPEND | O_CREAT | O_NOCTTY | O_NONBLOCK, 0o600);
  try {
    const st = fstatSync(fd);
    // A pipe or device would swallow the record (as /dev/null does) while the run said nothing.
    if (!st.isFile()) throw notRegular(st);
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
      if (off > 0) takeBack(path, fd, st, bytes.subarray(0, off), fs);
      throw e;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Make harmless the `written` bytes a failed append left, the file having been `before` when it
 * began, without ever touching a byte another process wrote. Other runs append to the log at
 * any moment, so it is never cut back: no truncate can know that nothing was appended between
 * its check and its cut, and whatever was would be cut with it. Instead:
 * - Appends only ever add at the end. When the file is now exactly `written` bytes longer than
 *   `before`, nothing else was appended since this append looked, so its bytes are the ones at
 *   [before.size, before.size + written), and stay there whatever is appended after.
 * - Those bytes, and only those, are overwritten in place with spaces ending in a newline: a
 *   blank line, which readers skip without a word, so the log holds no half record and the next
 *   record starts on a line of its own. Overwriting needs no room, so it works on the full disk
 *   or at the size limit that failed the append.
 * - Otherwise (another run appended too, so where these bytes are is not known; or the file in
 *   the log's place has changed) they are left: the reader reports the damaged line and skips
 *   it, and the next append starts a line of its own.
 * Nothing here throws: the append's own error is what the caller hears.
 */
function takeBack(path: string, fd: number, before: Stats, written: Buffer, fs: AppendFs): void {
  try {
    if (fs.fstatSync(fd).size !== before.size + written.length) return;
    // Newlines stay (a record begun with one keeps an unfinished line above it closed); the rest
    // become spaces, the last byte a newline.
    const blank = Buffer.from(written.map((b) => (b === 0x0a ? b : 0x20)));
    blank[blank.length - 1] = 0x0a;
    // A descriptor of its own, without O_APPEND: on Linux a positioned write through an O_APPEND
    // one still goes to the end of the file. Links are followed, as the append followed them (a
    // log kept in a dotfiles folder); the device and inode below prove it is the same file.
    const { O_NOCTTY, O_NONBLOCK, O_WRONLY } = constants;
    const w = fs.openSync(path, O_WRONLY | O_NOCTTY | O_NONBLOCK);
    try {
      // The same file the append wrote to, not one renamed into its place since.
      const now = fs.fstatSync(w);
      if (now.dev !== before.dev || now.ino !== before.ino) return;
      for (let done = 0; done < blank.length;) {
        const n = fs.writeSync(w, blank, done, blank.length - done, before.size + done);
        if (n <= 0) break;
        done += n;
      }
    } finally {
      fs.closeSync(w);
    }
  } catch {
    // Nothing more can be done; the reader skips the damaged line with a warning.
  }
}

/** The error for something other than a regular file in the log's place, saying what it is. */
function notRegular(st: { isDirectory(): boolean }): Error {
  return new Error(`not a regular file (${st.isDirectory() ? 'a directory' : 'a pipe or a device'} is in its place)`);
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
  const lines: NumberedLine[] = [];
  const bad: BadLine[] = [];
  // A pipe or a device where the log should be would never end (a FIFO blocks the open, /dev/zero
  // streams forever): only a regular file is read.
  try {
    const st = statSync(path);
    if (!st.isFile()) throw notRegular(st);
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
  const unsure: Array<{ line: number; json: unknown }> = [];
  const tooLong = () => bad.push({ line: n, message: `a line longer than ${MAX_LINE_CHARS / 1024} KiB, too long to be a record` });
  const take = (raw: string) => {
    n++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    if (text.length > MAX_LINE_CHARS) return void tooLong();
    // Lines as acupress writes them pass the quick check; the rest go to the schema once the file is read.
    const value = quickHistoryLine(text);
    if (value !== undefined) return void lines.push({ line: n, value });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      bad.push({ line: n, message: 'not valid JSON' });
      return;
    }
    unsure.push({ line: n, json });
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
  if (unsure.length === 0) return { lines, bad, missing: false };
  return { lines: await checkBySchema(unsure, lines, bad), bad, missing: false };
}

/**
 * The lines the quick check left to the schema (model/history.ts, loaded only now): the valid
 * ones are returned among `lines`, in file order; the others are added to `bad` (kept in line
 * order) with the schema's first issue.
 */
async function checkBySchema(unsure: ReadonlyArray<{ line: number; json: unknown }>, lines: NumberedLine[], bad: BadLine[]): Promise<NumberedLine[]> {
  const { historyLineSchema } = await import('../model/history.js');
  const valid: NumberedLine[] = [];
  for (const { line, json } of unsure) {
    const r = historyLineSchema.safeParse(json);
    if (r.success) valid.push({ line, value: r.data });
    else {
      const issue = r.error.issues[0]!;
      bad.push({ line, message: `${issue.path.length ? `${formatPath(issue.path)}: ` : ''}${issue.message}` });
    }
  }
  bad.sort((a, b) => a.line - b.line);
  if (valid.length === 0) return lines;
  // Both lists are in file order: merge them.
  const merged: NumberedLine[] = [];
  let i = 0;
  for (const v of valid) {
    while (i < lines.length && lines[i]!.line < v.line) merged.push(lines[i++]!);
    merged.push(v);
  }
  while (i < lines.length) merged.push(lines[i++]!);
  return merged;
}

/** Remove the log (history --clear). A log that is already gone is not an error. */
export function clearHistory(path: string): void {
  rmSync(path, { force: true });
}
