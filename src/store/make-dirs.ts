// Making directories without mkdirSync({ recursive }): on Node 20 that loops forever when mkdir
// answers ENOENT under a parent that exists (as under /proc), which would hang acupress when a
// config, cache or state path points somewhere odd.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Make a directory and its missing parents with `mode`, one level at a time. Throws the fs error
 * of the first level that cannot be made (EACCES, ENOTDIR, ENOENT under /proc …).
 */
export function makeDirs(dir: string, mode = 0o777): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d, { mode });
    } catch (e) {
      // Another process made it in between: as good as made.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
