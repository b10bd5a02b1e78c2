import type { Catalog } from '../data/catalog.js';
import { checkReferences } from '../data/merge.js';
import { routineSchema } from '../data/schema.js';
import { displayPath } from '../data/source-file.js';
import type { Routine } from '../data/types.js';
import { checkYamlFile, problemsError } from '../data/yaml-load.js';

/** Load a routine file given on the command line, checking its points against the catalog. */
export function loadRoutineFile(catalog: Catalog, path: string, cwd: string): Routine {
  const shown = displayPath(path, cwd);
  const r = checkYamlFile(path, routineSchema, shown);
  if (!r.ok) throw problemsError(r.problems);
  const problems = checkReferences(catalog, { value: { ...r.value, origin: { source: 'user', file: shown } }, locate: r.locate, shown });
  if (problems.length) throw problemsError(problems);
  return r.value;
}
