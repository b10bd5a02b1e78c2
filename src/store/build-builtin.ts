import { join } from 'node:path';
import { UserError } from '../model/errors.js';
import { catalogFrom, type CatalogData } from '../model/catalog.js';
import { loadDir } from './load-files.js';
import { mergeInto } from './merge.js';
import { comparePoints } from '../core/channels.js';
import { packageRoot } from './paths.js';
import { formatProblem } from './yaml-load.js';

/** Load and fully validate the built-in YAML; every problem is reported at once. */
export function buildBuiltin(dataDir: string = join(packageRoot(), 'data')): CatalogData {
  const dir = loadDir(dataDir, 'builtin', process.cwd(), true);
  const catalog = catalogFrom({ points: [], routines: [], conditions: dir.conditions });
  const problems = mergeInto(catalog, dir);
  if (problems.length > 0) {
    throw new UserError(`built-in data has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  }
  return {
    // Stored in channel order so every listing reads LU1, LU2 … without sorting at run time.
    points: [...catalog.points.values()].sort(comparePoints),
    routines: [...catalog.routines.values()],
    conditions: [...catalog.conditions.values()],
  };
}
