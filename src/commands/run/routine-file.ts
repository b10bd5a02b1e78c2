import type { Catalog } from '../../model/catalog.js';
import { checkReferences, refusedRoutineProblems } from '../../store/merge.js';
import { routineSchema } from '../../model/schema.js';
import { displayPath } from '../../store/source-file.js';
import type { Routine } from '../../model/types.js';
import { checkYamlFile, problemsError } from '../../store/yaml-load.js';

/** Load a routine file given on the command line, checking its points against the catalog. */
export function loadRoutineFile(catalog: Catalog, path: string, cwd: string): Routine {
  const shown = displayPath(path, cwd);
  const r = checkYamlFile(path, routineSchema, shown);
  if (!r.ok) {
    // Worded as the loader and validate word it: a press of "hegu" gets its "did you mean LI4".
    throw problemsError(r.locate && r.raw !== undefined ? refusedRoutineProblems(catalog, { shown, raw: r.raw, locate: r.locate, problems: r.problems }) : r.problems);
  }
  const problems = checkReferences(catalog, { value: { ...r.value, origin: { source: 'user', file: shown } }, locate: r.locate, shown });
  if (problems.length) throw problemsError(problems);
  return r.value;
}
