import type { Catalog } from './catalog.js';
import { loadDir, yamlFiles } from './load-files.js';
import { mergeInto } from './merge.js';
import { problemsError } from './yaml-load.js';
import { join } from 'node:path';

/** Load user directories into the catalog; throws one UserError naming the first problem. */
export function loadUserDirs(catalog: Catalog, dirs: string[], opts: { cwd: string }): void {
  const problems = [];
  for (const dir of dirs) {
    if (yamlFiles(join(dir, 'points')).length === 0 && yamlFiles(join(dir, 'routines')).length === 0) continue;
    problems.push(...mergeInto(catalog, loadDir(dir, 'user', opts.cwd)));
  }
  if (problems.length > 0) throw problemsError(problems);
}
