// A cache of the user's validated data, so that a prompt hook with a few user routines does not
// load yaml and zod at every start. One entry holds the outcome of loading every user data
// directory at once: the records that passed every check, the notices and warnings to print, and
// the files skipped for a problem (not the routines' facts for `list`: load-user.ts works those out again rather than trust a file). It is keyed by the release (code and built-in data), by the
// directories and HOME (which shape the paths shown), and by each file's path, size, mtime,
// ctime and inode, so any edit (even one that keeps size and mtime) is seen.
//
// The cache is only an accelerator: anything odd about it (missing, corrupt, from another
// release, a record of the wrong shape, a special file in its place) means a full load, never
// a crash or a hang. It is written with the one atomic write (atomic-write.ts).
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Point, Routine, WithOrigin } from '../model/types.js';
import type { SkippedFile } from '../model/skipped-file.js';
import { isYamlName } from './yaml-name.js';
import { atomicWrite } from './atomic-write.js';
import { isNotice, isPoint, isRoutine, isSkipped } from './cache-shape.js';

/** One file's identity for the cache: change any of these and the data is read again. */
export type Stamp = [path: string, size: number, mtimeMs: number, ctimeMs: number, ino: number];

/** Bumped whenever the entry's layout changes. */
const FORMAT = 4;

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
      const folder = join(dir, sub);
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
        const path = join(folder, name);
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
  return join(cacheDir, `data-${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x050c5d1f)}.json`);
}

/**
 * A 32-bit FNV-1a hash as 8 hex digits. Not cryptographic, and it need not be: a name clash
 * only means a key mismatch and a full load (the entry holds its full key). node:crypto would
 * cost ~3 ms of start-up to load.
 */
export function fnv1a(text: string, seed = 0x811c9dc5): string {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

// Far above any real entry (a thousand routines is about 1 MB); a bigger file is not ours.
const MAX_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Read a file only if it is a regular file (not a FIFO, device or link: O_NOFOLLOW, and
 * O_NONBLOCK so opening a FIFO cannot block) of a sane size; undefined otherwise.
 */
function readRegular(file: string): string | undefined {
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
    return buf.toString('utf8', 0, off);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The cached contents when the entry is for this release, key and stamps, and every record has the right shape. Never throws. */
export function readCache(file: string, release: string, key: string, stamps: Stamp[]): Cached | undefined {
  const text = readRegular(file);
  if (text === undefined) return undefined;
  let entry: Partial<CacheEntry>;
  try {
    entry = JSON.parse(text) as Partial<CacheEntry>;
  } catch {
    return undefined;
  }
  if (typeof entry !== 'object' || entry === null) return undefined;
  if (entry.format !== FORMAT || entry.release !== release || entry.key !== key) return undefined;
  if (!sameStamps(entry.stamps, stamps)) return undefined;
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
    // The link itself is replaced, never followed: the cache path is ours, not the user's.
    atomicWrite(file, JSON.stringify({ format: FORMAT, ...entry }), { followLinks: false });
    return undefined;
  } catch (e) {
    return e;
  }
}
