// A cache of the user's validated data, so that a prompt hook with a few user routines does not
// load yaml and zod at every start. One entry holds the outcome of loading every user data
// directory at once: the records that passed every check, the notices and warnings to print, and
// the files skipped for a problem (not the routines' facts for `list`: load-user.ts works those out again rather than trust a file). It is keyed by the release (code and built-in data), by the
// directories and HOME (which shape the paths shown), and by each file's path, size, mtime,
// ctime and inode, so any edit (even one that keeps size and mtime) is seen.
//
// The cache is only an accelerator: anything odd about it (missing, corrupt, edited, from
// another release, a record of the wrong shape, a special file in its place) means a full load,
// never a crash or a hang. An entry is two lines: a header (what the entry is for, and a
// checksum of the second line) and the contents; an edit to the contents that keeps their shape
// (a point's cautions removed) fails the checksum. It is written with the one atomic write
// (atomic-write.ts), private to the user (0600): it holds their own routines and points.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { fnv1a32 } from '../model/fnv1a.js';
import type { Point, Routine, WithOrigin } from '../model/types.js';
import type { SkippedFile } from '../model/skipped-file.js';
import { isYamlName } from './yaml-name.js';
import { atomicWrite } from './atomic-write.js';
import { isNotice, isPoint, isRoutine, isSkipped } from './cache-shape.js';
import { joinPath } from './join-path.js';

/** One file's identity for the cache: change any of these and the data is read again. */
export type Stamp = [path: string, size: number, mtimeMs: number, ctimeMs: number, ino: number];

/** Bumped whenever the entry's layout changes. */
const FORMAT = 5;

/** What one load of the user's directories produced. */
export interface CacheEntry {
  format: typeof FORMAT;
  release: string;
  key: string;
  stamps: Stamp[];
  points: WithOrigin<Point>[];
  routines: WithOrigin<Routine>[];
  notices: string[];
  /** The files the warnings in `notices` say were skipped, as data (catalog.skipped). */
  skipped: SkippedFile[];
}

/** The first line of an entry: what it is for, and the checksum of the contents on the second. */
interface Header extends Pick<CacheEntry, 'format' | 'release' | 'key' | 'stamps'> {
  sum: string;
}

/** The contents of a cache entry, without the fields that say whom it is for. */
export type Cached = Pick<CacheEntry, 'points' | 'routines' | 'notices' | 'skipped'>;

/**
 * Stamps for the YAML files of the data directories (points/ and routines/ of each), in order.
 * A folder that cannot be listed, or an entry that cannot be stat'ed, gets a stamp of its own
 * (size -1), so the warning it caused is cached and repeated until it changes.
 */
export function stampDirs(dirs: readonly string[]): Stamp[] {
  const out: Stamp[] = [];
  for (const dir of dirs) {
    for (const sub of ['points', 'routines']) {
      const folder = joinPath(dir, sub);
      let names: string[];
      try {
        names = readdirSync(folder);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') out.push([folder, -1, -1, -1, -1]);
        continue;
      }
      for (const name of names.sort()) {
        if (!isYamlName(name)) continue;
        const path = joinPath(folder, name);
        try {
          const st = statSync(path);
          out.push([path, st.size, st.mtimeMs, st.ctimeMs, st.ino]);
        } catch {
          out.push([path, -1, -1, -1, -1]);
        }
      }
    }
  }
  return out;
}

/** Where the cache for a set of directories lives. */
export function cacheFile(cacheDir: string, key: string): string {
  return joinPath(cacheDir, `data-${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x050c5d1f)}.json`);
}

/**
 * A 32-bit FNV-1a hash as 8 hex digits. Not cryptographic, and it need not be: a name clash
 * only means a key mismatch and a full load (the entry holds its full key). node:crypto would
 * cost ~3 ms of start-up to load.
 */
export function fnv1a(text: string, seed = 0x811c9dc5): string {
  return fnv1a32(text, seed).toString(16).padStart(8, '0');
}

/**
 * A 64-bit checksum of some bytes, as 16 hex digits: it finds a corrupt or hand-edited entry.
 * Not cryptographic: whoever can write the cache can write the user's YAML too. Two lanes over
 * 32-bit words (FNV-1a's step, and a second multiplier fed by the first); each step is a
 * bijection of the first lane, so any one changed word changes the sum. Four bytes a step, not
 * one character: this runs once, cold, at start-up, where a loop per character over the 55 KB
 * entry of 20 user routines took about three times as long (measured with 2 CPUs under load:
 * fastest of 15 cold runs 2.1 ms a word at a time, 6.2 ms a character at a time; JSON.parse of
 * the same entry 0.34 ms; node:crypto, loaded for it, 6 ms). `list` with those 20 routines,
 * 30 cold runs each on that loaded machine: median 344 ms before the checksum, 338 ms with it.
 */
export function checksum(bytes: Uint8Array): string {
  // A copy starts at offset 0 of its own buffer, so it can be read as 32-bit words. (Not
  // bytes.slice(): on a Buffer that is a view, at the same offset.)
  const copy = new Uint8Array(bytes);
  const n = copy.length >>> 2;
  const words = new Int32Array(copy.buffer, 0, n);
  let a = 0x811c9dc5;
  let b = 0x050c5d1f ^ copy.length;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(b ^ w, 0x5bd1e995) ^ (a >>> 13);
  }
  for (let i = n << 2; i < copy.length; i++) a = Math.imul(a ^ copy[i]!, 0x01000193);
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

// Far above any real entry (a thousand routines is about 1 MB); a bigger file is not ours.
const MAX_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Read a file only if it is a regular file (not a FIFO, device or link: O_NOFOLLOW, and
 * O_NONBLOCK so opening a FIFO cannot block) of a sane size; undefined otherwise.
 */
function readRegular(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_CACHE_BYTES) return undefined;
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The cached contents when the entry is for this release, key and stamps (the source files as
 * they are now), its contents match their checksum, and every record has the right shape.
 * Never throws.
 */
export function readCache(file: string, release: string, key: string, stamps: Stamp[]): Cached | undefined {
  const bytes = readRegular(file);
  if (bytes === undefined) return undefined;
  // JSON.stringify escapes every newline inside a string, so the first one ends the header.
  const nl = bytes.indexOf(0x0a);
  if (nl < 0) return undefined;
  let header: Partial<Header>;
  let entry: Partial<Cached>;
  try {
    header = JSON.parse(bytes.toString('utf8', 0, nl)) as Partial<Header>;
    if (typeof header !== 'object' || header === null) return undefined;
    if (header.format !== FORMAT || header.release !== release || header.key !== key) return undefined;
    if (!sameStamps(header.stamps, stamps)) return undefined;
    const body = bytes.subarray(nl + 1);
    if (typeof header.sum !== 'string' || header.sum !== checksum(body)) return undefined;
    entry = JSON.parse(body.toString('utf8')) as Partial<Cached>;
  } catch {
    return undefined;
  }
  if (typeof entry !== 'object' || entry === null) return undefined;
  const { points, routines, notices, skipped } = entry;
  if (!Array.isArray(points) || !points.every(isPoint)) return undefined;
  if (!Array.isArray(routines) || !routines.every(isRoutine)) return undefined;
  if (!Array.isArray(notices) || !notices.every(isNotice)) return undefined;
  if (!Array.isArray(skipped) || !skipped.every(isSkipped)) return undefined;
  return { points, routines, notices, skipped };
}

function sameStamps(a: unknown, b: Stamp[]): boolean {
  if (!Array.isArray(a) || a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) {
    const x = a[i] as unknown;
    const y = b[i]!;
    if (!Array.isArray(x) || x.length !== y.length) return false;
    for (let j = 0; j < y.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

/**
 * Write the cache entry. Returns the error when it cannot be written (a file where the cache
 * directory should be, a read-only or full disk), for the caller to warn about; never throws.
 */
export function writeCache(file: string, entry: Omit<CacheEntry, 'format'>): unknown {
  try {
    const { release, key, stamps, points, routines, notices, skipped } = entry;
    const body = JSON.stringify({ points, routines, notices, skipped });
    const header: Header = { format: FORMAT, release, key, stamps, sum: checksum(Buffer.from(body, 'utf8')) };
    // The link itself is replaced, never followed: the cache path is ours, not the user's.
    // 0600 even over an entry an older release left world-readable. A cache directory made here
    // is 0700, as the XDG base directory spec asks: a private file in a listable directory still
    // tells others that you keep routines. One that exists (the user's own) is left as it is.
    atomicWrite(file, `${JSON.stringify(header)}\n${body}`, { followLinks: false, mode: 0o600, resetMode: true, dirMode: 0o700 });
    return undefined;
  } catch (e) {
    return e;
  }
}
