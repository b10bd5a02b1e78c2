// A cache of validated user data, keyed by each file's path, size and modification time,
// so that a prompt hook with a few user routines does not load yaml and zod at every start.
// The cache is only an accelerator: anything odd about it (missing, corrupt, stale) means a
// full load, and it is written atomically so a crash never leaves half a file.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Point, Routine, WithOrigin } from '../model/types.js';
import { isYamlName } from './yaml-name.js';

/** One file's identity for the cache: change any of these and the file is read again. */
export type Stamp = { path: string; size: number; mtimeMs: number };

export interface CacheEntry {
  version: 1;
  stamps: Stamp[];
  points: WithOrigin<Point>[];
  routines: WithOrigin<Routine>[];
}

/** The YAML files of a data directory (points/ and routines/), with their stamps, sorted. */
export function stampDir(dir: string): Stamp[] {
  const out: Stamp[] = [];
  for (const sub of ['points', 'routines']) {
    let names: string[];
    try {
      names = readdirSync(join(dir, sub));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (!isYamlName(name)) continue;
      const path = join(dir, sub, name);
      try {
        const st = statSync(path);
        out.push({ path, size: st.size, mtimeMs: st.mtimeMs });
      } catch {
        out.push({ path, size: -1, mtimeMs: -1 });
      }
    }
  }
  return out;
}

/** Where the cache for a directory lives. */
export function cacheFile(cacheDir: string, dir: string): string {
  return join(cacheDir, `data-${fnv1a(dir, 0x811c9dc5)}${fnv1a(dir, 0x050c5d1f)}.json`);
}

/**
 * A 32-bit FNV-1a hash as 8 hex digits. Not cryptographic, and it need not be: a name clash
 * only means a stamp mismatch and a full load (the stamps hold full paths). node:crypto would
 * cost ~3 ms of start-up to load.
 */
function fnv1a(text: string, seed: number): string {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The cached contents when every stamp still matches, else undefined (never throws). */
export function readCache(file: string, stamps: Stamp[]): CacheEntry | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as CacheEntry;
    if (entry.version !== 1 || JSON.stringify(entry.stamps) !== JSON.stringify(stamps)) return undefined;
    if (!Array.isArray(entry.points) || !Array.isArray(entry.routines)) return undefined;
    return entry;
  } catch {
    return undefined;
  }
}

/** Write the cache atomically; failure to cache is never an error for the user. */
export function writeCache(file: string, entry: CacheEntry): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, file);
  } catch {
    rmSync(tmp, { force: true });
  }
}
