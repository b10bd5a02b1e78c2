// Loading the user's data directories: from the cache when nothing changed, otherwise by
// validating the YAML (which loads yaml and zod) and refreshing the cache. A broken file never
// stops the load: it is skipped, with one warning line naming it, and everything else loads.
import type { Catalog } from '../model/catalog.js';
import { forgetIndex } from '../core/resolve.js';
import type { Point, Routine, WithOrigin } from '../model/types.js';
import { mergeInto } from './merge.js';
import { skippedFiles, skipWarnings, type Problem } from './problem.js';
import { cacheFile, readCache, stampDirs, writeCache, type Cached } from './user-cache.js';
import { dataPath } from './source-file.js';
import { fsReason } from './fs-reason.js';

/** Where the user's data comes from and where its cache goes. */
export interface UserLoadOptions {
  /** The home directory, for showing paths as ~/…; also part of the cache key. */
  home?: string;
  /** The cache directory; none means no cache (ACUPRESS_NO_CACHE, or no usable HOME). */
  cacheDir?: string;
  /** The release the cache must have been written by. */
  release: string;
}

/**
 * Load user directories (later ones win) into the catalog. Problems never throw: each file or
 * record with one is left out, catalog.notices gets one warning line per such file, and
 * catalog.skipped the same files as data (with the id each gives itself, where readable).
 */
export async function loadUserDirs(catalog: Catalog, dirs: string[], opts: UserLoadOptions): Promise<void> {
  const show = (path: string) => dataPath(path, opts.home);
  // The directories and HOME decide the paths shown in records and warnings.
  const key = JSON.stringify([opts.home ?? '', ...dirs]);
  const file = opts.cacheDir === undefined ? undefined : cacheFile(opts.cacheDir, key);
  // Stamps (a stat per file) are only worth taking when there is a cache to check them against.
  const stamps = file === undefined ? [] : stampDirs(dirs);
  if (file !== undefined && stamps.length === 0) return;
  const cached = file === undefined ? undefined : readCache(file, opts.release, key, stamps);
  if (cached && apply(catalog, cached)) return;

  const { loadDir } = await import('./load-files.js');
  const noticesBefore = catalog.notices.length;
  const problems: Problem[] = [];
  const ids = new Map<string, string>();
  const points: WithOrigin<Point>[] = [];
  const routines: WithOrigin<Routine>[] = [];
  for (const dir of dirs) {
    const contents = loadDir(dir, 'user', dir, false, show);
    for (const [shown, id] of contents.ids ?? []) ids.set(shown, id);
    problems.push(...mergeInto(catalog, contents, { checkNames: true }));
    // What went in: the records the catalog now holds (a later directory may replace one).
    points.push(...contents.points.map((r) => r.value).filter((p) => catalog.points.get(p.id) === p));
    routines.push(...contents.routines.map((r) => r.value).filter((r) => catalog.routines.get(r.id) === r));
  }
  catalog.notices.push(...skipWarnings(problems));
  const skipped = skippedFiles(problems, ids);
  catalog.skipped = [...(catalog.skipped ?? []), ...skipped];
  if (file === undefined) return;
  const failed = writeCache(file, {
    release: opts.release,
    key,
    stamps,
    points: points.filter((p) => catalog.points.get(p.id) === p),
    routines: routines.filter((r) => catalog.routines.get(r.id) === r),
    notices: catalog.notices.slice(noticesBefore),
    skipped,
  });
  if (failed) catalog.notices.push(`warning: cannot write the cache ${show(file)}: ${fsReason(failed)} (set ACUPRESS_NO_CACHE=1 to go without)`);
}

/**
 * Put cached records into the catalog, or say the cache is stale (false) and put nothing in.
 * The records passed every check when the cache was written, but the file is only ours until
 * someone edits it: a point a fresh load would refuse for its id (a built-in code, a twin) or
 * for a caution no condition answers could take away a built-in point's "never press", so
 * such a cache is a miss. Its facts are not trusted at all: a user's routine's are worked out
 * when `list` needs them (factsFor), from the catalog's points, as for a fresh load.
 */
function apply(catalog: Catalog, cached: Cached): boolean {
  const ids = new Set<string>();
  for (const p of cached.points) {
    if (catalog.points.has(p.id) || ids.has(p.id) || !p.cautions.every((c) => catalog.conditions.has(c.condition))) return false;
    ids.add(p.id);
  }
  // A routine named as a condition or point code is refused by a fresh load (lookups prefer
  // those anyway); the full name check would cost the index this cache exists to avoid.
  if (cached.routines.some((r) => catalog.conditions.has(r.id) || catalog.points.has(r.id.toUpperCase()) || ids.has(r.id.toUpperCase()))) return false;
  // Every point a cached step presses or massages over is one a fresh load would know: an edited
  // cache is a miss and a full load, never a routine that fails (or is checked) against a point
  // that is not there.
  const known = (id: string) => ids.has(id) || catalog.points.has(id);
  if (!cached.routines.every((r) => r.steps.every((s) => (s.kind === 'press' ? known(s.point) : s.kind !== 'massage' || s.points.every(known))))) return false;
  for (const p of cached.points) catalog.points.set(p.id, p);
  // (The routines' facts are never stored: storedFacts takes only a built-in routine's.)
  for (const r of cached.routines) catalog.routines.set(r.id, r);
  catalog.notices.push(...cached.notices);
  catalog.skipped = [...(catalog.skipped ?? []), ...cached.skipped];
  forgetIndex(catalog);
  return true;
}
