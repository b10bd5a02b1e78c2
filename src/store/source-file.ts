// Reading a user's file safely: size limit, directories, binary and invalid UTF-8 are all
// clear user errors, never exceptions escaping to a stack trace.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { relative, isAbsolute, sep } from 'node:path';
import { UserError } from '../model/errors.js';
import { CONTROL, untrusted } from '../model/printable.js';
import { fsReason, isSystemError } from './fs-reason.js';

/** Files larger than this are refused before parsing, so a runaway file cannot stall the CLI. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Show a path the way a user would type it: relative to the working directory when inside it. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Show a file of a user data directory: "~/…" under the home directory, else absolute. Unlike
 * displayPath this does not depend on the working directory, so messages about the same file
 * read the same from anywhere (and the user-data cache can keep them).
 */
export function dataPath(path: string, home: string | undefined): string {
  if (home && home !== sep && path.startsWith(home.endsWith(sep) ? home : `${home}${sep}`)) {
    return `~${sep}${path.slice(home.length).replace(/^[\\/]+/, '')}`;
  }
  return path;
}

/**
 * A file name read from a directory as bytes: the name when it is valid UTF-8 text without
 * control characters, else undefined with a printable spelling (bad bytes as \xNN) for the
 * warning. Such a name cannot be passed on as a string without changing which file it means.
 */
export function nameFromBytes(bytes: Buffer): { name?: string; shown: string } {
  try {
    const name = (utf8 ??= new TextDecoder('utf-8', { fatal: true })).decode(bytes);
    return CONTROL.test(name) ? { shown: untrusted(name, 200) } : { name, shown: name };
  } catch {
    let shown = '';
    for (let i = 0; i < bytes.length;) {
      const n = sequenceLength(bytes, i);
      if (n > 0) {
        shown += untrusted(bytes.toString('utf8', i, i + n), 200);
        i += n;
      } else {
        shown += `\\x${bytes[i]!.toString(16).padStart(2, '0')}`;
        i++;
      }
    }
    return { shown };
  }
}

/** The length of the valid UTF-8 sequence at `i` (1-4), or 0 when the byte there starts none. */
function sequenceLength(b: Buffer, i: number): number {
  const c = b[i]!;
  const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n <= 1 || i + n > b.length) return n === 1 ? 1 : 0;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(i, i + n));
    return n;
  } catch {
    return 0;
  }
}

// One strict decoder for every file (a fatal decoder keeps no state between whole decodes).
let utf8: InstanceType<typeof TextDecoder> | undefined;

/**
 * Read a text file, refusing directories, huge files, binary data and invalid UTF-8. `limit`
 * (bytes) is MAX_FILE_BYTES but for tests.
 */
export function readTextFile(path: string, shown: string = displayPath(path), limit: number = MAX_FILE_BYTES): string {
  shown = untrusted(shown, 300);
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UserError(`${shown}: is a directory, expected a YAML file`);
    if (!st.isFile()) throw new UserError(`${shown}: is not a regular file`);
    size = st.size;
  } catch (e) {
    throw e instanceof UserError ? e : fsError(shown, e);
  }
  const tooBig = (what: string) => new UserError(`${shown}: file is ${what}larger than the ${Math.round(limit / 1024)} KiB limit`);
  if (size > limit) throw tooBig(`${Math.ceil(size / 1024)} KiB, `);
  let bytes: Buffer;
  try {
    bytes = readAtLeast(path, limit + 1, size);
  } catch (e) {
    throw fsError(shown, e);
  }
  // The size said it fitted, but a file of /proc or /sys says 0 and may hold gigabytes (pagemap).
  if (bytes.length > limit) throw tooBig('');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UserError(`${shown}: is UTF-16 text, expected UTF-8; save the file as UTF-8`);
  }
  if (bytes.includes(0)) throw new UserError(`${shown}: looks like a binary file, expected YAML text`);
  let text: string;
  try {
    text = (utf8 ??= new TextDecoder('utf-8', { fatal: true })).decode(bytes);
  } catch {
    throw new UserError(`${shown}: is not valid UTF-8 text`);
  }
  // A BOM is harmless in a text file; strip it so column numbers match what editors show.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The first bytes of a file, at least `min` of them when it has that many, read through one
 * descriptor whatever its size says. Reads go in 64 KiB blocks: some files of /proc take only
 * reads of a multiple of 8 bytes (pagemap says EINVAL to others). The buffer starts at what
 * `size` (stat's) needs and grows only for a file holding more: not 1 MiB for every small file.
 */
function readAtLeast(path: string, min: number, size: number): Buffer {
  const block = 64 * 1024;
  const most = Math.ceil(min / block) * block;
  let buf = Buffer.allocUnsafe(Math.min(most, Math.ceil((size + 1) / block) * block));
  const fd = openSync(path, 'r');
  try {
    let n = 0;
    while (n < min) {
      if (n === buf.length) {
        const bigger = Buffer.allocUnsafe(Math.min(most, buf.length * 2));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const got = readSync(fd, buf, n, Math.min(block, buf.length - n), null);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Turn a Node fs error into one plain sentence: what reading a data file needs said, else
 * fsReason's words. Throws `e` itself when it is not a system error (isSystemError): our own
 * failure is never worded as the file's.
 */
export function fsError(shown: string, e: unknown, what: 'file' | 'directory' = 'file'): UserError {
  if (!isSystemError(e)) throw e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  let why: string;
  if (code === 'ENOENT') {
    // The shell passed bytes that are not UTF-8; Node's argv already replaced them, so the
    // name can no longer be opened as given.
    why = shown.includes('\ufffd') ? `no such ${what} (its name is not valid UTF-8 text, so acupress cannot open it; rename it)` : `no such ${what}`;
  } else if (code === 'EISDIR') {
    why = 'is a directory, expected a YAML file';
  } else {
    why = fsReason(e);
  }
  return new UserError(`${untrusted(shown, 300)}: ${why}`);
}
