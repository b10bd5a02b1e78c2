// Merging data from several directories into one catalog, with the cross-file checks
// (duplicate ids, unknown point references) that a single-file schema cannot make.
import { suggest } from '../core/text.js';
import { UserError } from '../model/errors.js';
import { plannedLength } from '../core/plan.js';
import { routineFacts } from '../core/routine-facts.js';
import type { Routine, WithOrigin } from '../model/types.js';
import { quote } from '../model/printable.js';
import type { Catalog } from '../model/catalog.js';
import type { DirContents } from './load-files.js';
import { problemAt, type Loaded, type Problem } from './problem.js';
import { legacyCodes } from '../core/resolve.js';

/** Add one directory's records to a catalog; returns the problems found (duplicates, bad references). */
export function mergeInto(catalog: Catalog, dir: DirContents): Problem[] {
  const problems: Problem[] = [...dir.problems];
  if (dir.points.length > 0) delete catalog.facts;
  for (const r of dir.routines) catalog.facts?.delete(r.value.id);
  mergeRecords('point', dir.points, catalog.points, problems, catalog.notices);
  mergeRecords('routine', dir.routines, catalog.routines, problems, catalog.notices);
  // References are checked after all points are in, so a user routine may use built-in points.
  for (const rec of dir.routines) {
    const checked = checkRoutine(catalog, rec);
    problems.push(...checked.problems);
    // The plan just made gives `list` its facts for this routine, while the facts still hold.
    if (checked.total_ms !== undefined && catalog.routines.get(rec.value.id) === rec.value) catalog.facts?.set(rec.value.id, routineFacts(catalog, rec.value as unknown as Routine, checked.total_ms));
  }
  return problems;
}

/**
 * Put records into their map. Two records with one id from the same source are a problem;
 * a user record with a built-in id replaces it, with a notice. The same file seen twice
 * (one directory named both by ACUPRESS_DATA and --data) is not a clash.
 */
function mergeRecords<T extends { id: string }>(
  kind: 'point' | 'routine',
  records: Loaded<T>[],
  into: Map<string, WithOrigin<T>>,
  problems: Problem[],
  notices: string[],
): void {
  const seen = new Map<string, Loaded<T>>();
  for (const rec of records) {
    const id = rec.value.id;
    const twin = seen.get(id);
    const existing = into.get(id);
    const clash = twin?.shown ?? (existing && existing.origin.source === rec.value.origin.source && existing.origin.file !== rec.value.origin.file ? existing.origin.file : undefined);
    if (clash) {
      problems.push(problemAt(rec, ['id'], `duplicate ${kind} id "${id}", also defined in ${clash}`));
      continue;
    }
    seen.set(id, rec);
    if (existing && existing.origin.source !== rec.value.origin.source) {
      notices.push(`note: ${rec.shown} overrides the built-in ${kind} "${id}"`);
    }
    into.set(id, rec.value);
  }
}

type StepRefs = { kind: string; point?: string; points?: string[] };

/** Every press step, and every point a massage step names, must be a known point; unknown ones get a "did you mean". */
export function checkReferences(catalog: Catalog, rec: Loaded<{ steps: StepRefs[] }>): Problem[] {
  return checkRoutine(catalog, rec).problems;
}

/** checkReferences, plus the routine's planned length when it has no problems. */
function checkRoutine(catalog: Catalog, rec: Loaded<{ steps: StepRefs[] }>): { problems: Problem[]; total_ms?: number } {
  const problems: Problem[] = [];
  const unknown = (id: string, path: Array<string | number>) => {
    if (catalog.points.has(id)) return;
    const legacy = [...catalog.points.keys()].find((k) => legacyCodes(k).includes(id));
    const near = legacy ? [legacy] : suggest(id, catalog.points.keys(), 3);
    const hint = near.length ? `; did you mean ${near.join(', ')}?` : '';
    problems.push(problemAt(rec, path, `unknown point ${quote(id)}${hint}`));
  };
  rec.value.steps.forEach((step, i) => {
    if (step.kind === 'press' && step.point) unknown(step.point, ['steps', i, 'press']);
    if (step.kind === 'massage') step.points?.forEach((id, j) => unknown(id, ['steps', i, 'points', j]));
  });
  if (problems.length > 0) return { problems };
  // A routine that can never run (over the 2 h bound) is a problem in the file, not at run time.
  try {
    return { problems, total_ms: plannedLength(rec.value as unknown as Routine, (id) => catalog.points.get(id)) };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    problems.push(problemAt(rec, ['steps'], e.message.replace(/^"[^"]*" would take/, 'the routine would take')));
    return { problems };
  }
}
