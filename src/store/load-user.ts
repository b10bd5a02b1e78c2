// Loading the user's data directories: from the cache when nothing changed, otherwise by
// validating the YAML (which loads yaml and zod) and refreshing the cache.
import type { Catalog } from '../model/catalog.js';
import { LazyMap } from './lazy-map.js';
import { mergeInto } from './merge.js';
import { problemsError, type Problem } from './problem.js';
import { cacheFile, readCache, stampDir, writeCache, type CacheEntry } from './user-cache.js';
import type { DirContents } from './load-files.js';

/** Load user directories into the catalog; throws one UserError naming the first problem. */
export async function loadUserDirs(catalog: Catalog, dirs: string[], opts: { cwd: string; cacheDir?: string }): Promise<void> {
  const problems: Problem[] = [];
  for (const dir of dirs) {
    // Stamps (a stat per file) are only worth taking when there is a cache to check them against.
    const file = opts.cacheDir ? cacheFile(opts.cacheDir, dir) : undefined;
    const stamps = file ? stampDir(dir) : [];
    if (file && stamps.length === 0) continue;
    const cached = file ? readCache(file, stamps) : undefined;
    if (cached) {
      // A cached directory was valid on its own; merging can still find clashes with other
      // directories, and then the full load below words them with file positions.
      const trial = structuredCloneCatalog(catalog);
      if (mergeInto(trial, fromCache(cached)).length === 0) {
        catalog.points = trial.points;
        catalog.routines = trial.routines;
        catalog.facts = trial.facts;
        catalog.notices.push(...trial.notices);
        continue;
      }
    }
    const { loadDir } = await import('./load-files.js');
    const contents = loadDir(dir, 'user', opts.cwd);
    const found = mergeInto(catalog, contents);
    problems.push(...found);
    if (file && found.length === 0) {
      writeCache(file, { version: 1, stamps, points: contents.points.map((p) => p.value), routines: contents.routines.map((r) => r.value) });
    }
  }
  if (problems.length > 0) throw problemsError(problems);
}

/** Cached records as directory contents; positions are not kept, as a cached directory had no problems. */
function fromCache(entry: CacheEntry): DirContents {
  const wrap = <T extends { origin: { file: string } }>(value: T) => ({ value, locate: () => ({ line: 1, col: 1 }), shown: value.origin.file });
  return { points: entry.points.map(wrap), routines: entry.routines.map(wrap), conditions: [], problems: [] };
}

/** A shallow copy of a catalog (fresh maps, shared records), for a merge we may discard. */
function structuredCloneCatalog(c: Catalog): Catalog {
  // A lazy map copies lazily: a trial merge of a few user routines should not parse every point.
  const points = c.points instanceof LazyMap ? c.points.clone() : new Map(c.points);
  return {
    points,
    routines: new Map(c.routines),
    // Read through: the built-in conditions load on first use, and a merge never needs them.
    get conditions() {
      return c.conditions;
    },
    notices: [],
    ...(c.facts ? { facts: new Map(c.facts) } : {}),
  };
}
