// Loading the user's data directories: from the cache when nothing changed, otherwise by
// validating the YAML (which loads yaml and zod) and refreshing the cache. A broken file never
// stops the load: it is skipped, with one warning line naming it, and everything else loads.
import type { Catalog } from '../model/catalog.js';
import { routineFacts } from '../core/routine-facts.js';
import type { RoutineFacts } from '../model/catalog.js';
import { forgetIndex } from '../core/resolve.js';
import type { Point, Routine, WithOrigin } from '../model/types.js';
import { mergeInto } from './merge.js';
import { skipWarnings, type Problem } from './problem.js';
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
 * record with one is left out, and catalog.notices gets one warning line per such file.
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
  if (cached) return apply(catalog, cached);

  const { loadDir } = await import('./load-files.js');
  const noticesBefore = catalog.notices.length;
  const problems: Problem[] = [];
  const points: WithOrigin<Point>[] = [];
  const routines: WithOrigin<Routine>[] = [];
  for (const dir of dirs) {
    const contents = loadDir(dir, 'user', dir, false, show);
    problems.push(...mergeInto(catalog, contents, { checkNames: true }));
    // What went in: the records the catalog now holds (a later directory may replace one).
    points.push(...contents.points.map((r) => r.value).filter((p) => catalog.points.get(p.id) === p));
    routines.push(...contents.routines.map((r) => r.value).filter((r) => catalog.routines.get(r.id) === r));
  }
  catalog.notices.push(...skipWarnings(problems));
  if (file === undefined) return;
  const kept = routines.filter((r) => catalog.routines.get(r.id) === r);
  const facts: Record<string, RoutineFacts> = {};
  for (const r of kept) facts[r.id] = catalog.facts?.get(r.id) ?? routineFacts(catalog, r);
  const failed = writeCache(file, {
    release: opts.release,
    key,
    stamps,
    points: points.filter((p) => catalog.points.get(p.id) === p),
    routines: kept,
    facts,
    notices: catalog.notices.slice(noticesBefore),
  });
  if (failed) catalog.notices.push(`warning: cannot write the cache ${show(file)}: ${fsReason(failed)} (set ACUPRESS_NO_CACHE=1 to go without)`);
}

/** Put cached records into the catalog: they passed every check when the cache was written. */
function apply(catalog: Catalog, cached: Cached): void {
  for (const p of cached.points) catalog.points.set(p.id, p);
  for (const r of cached.routines) {
    catalog.routines.set(r.id, r);
    catalog.facts?.set(r.id, cached.facts[r.id]!);
  }
  catalog.notices.push(...cached.notices);
  forgetIndex(catalog);
}
