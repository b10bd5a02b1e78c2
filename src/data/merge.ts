// Merging data from several directories into one catalog, with the cross-file checks
// (duplicate ids, unknown point references) that a single-file schema cannot make.
import { suggest } from '../util/text.js';
import { UserError } from '../errors.js';
import { plan } from '../schedule/plan.js';
import type { Routine } from './types.js';
import { quote } from '../util/printable.js';
import type { Catalog } from './catalog.js';
import type { DirContents } from './load-files.js';
import { problemAt, type Loaded, type Problem } from './problem.js';
import { legacyCodes } from './resolve.js';

/** Add one directory's records to a catalog; returns the problems found (duplicates, bad references). */
export function mergeInto(catalog: Catalog, dir: DirContents): Problem[] {
  const problems: Problem[] = [...dir.problems];
  const seenPoints = new Map<string, Loaded<unknown>>();
  for (const rec of dir.points) {
    const id = rec.value.id;
    const twin = seenPoints.get(id);
    if (twin) { problems.push(problemAt(rec, ['id'], `duplicate point id "${id}", also defined in ${twin.shown}`)); continue; }
    seenPoints.set(id, rec);
    const existing = catalog.points.get(id);
    if (existing && existing.origin.source === rec.value.origin.source) {
      problems.push(problemAt(rec, ['id'], `duplicate point id "${id}", also defined in ${existing.origin.file}`));
      continue;
    }
    if (existing) catalog.notices.push(`note: ${rec.shown} overrides the built-in point ${id}`);
    catalog.points.set(id, rec.value);
  }
  const seenRoutines = new Map<string, Loaded<unknown>>();
  for (const rec of dir.routines) {
    const id = rec.value.id;
    const twin = seenRoutines.get(id);
    if (twin) { problems.push(problemAt(rec, ['id'], `duplicate routine id "${id}", also defined in ${twin.shown}`)); continue; }
    seenRoutines.set(id, rec);
    const existing = catalog.routines.get(id);
    if (existing && existing.origin.source === rec.value.origin.source && existing.origin.file !== rec.value.origin.file) {
      problems.push(problemAt(rec, ['id'], `duplicate routine id "${id}", also defined in ${existing.origin.file}`));
      continue;
    }
    if (existing && existing.origin.source !== rec.value.origin.source) {
      catalog.notices.push(`note: user routine "${id}" (${rec.shown}) overrides the built-in routine`);
    }
    catalog.routines.set(id, rec.value);
  }
  // References are checked after all points are in, so a user routine may use built-in points.
  for (const rec of dir.routines) problems.push(...checkReferences(catalog, rec));
  return problems;
}

/** Every press step must name a known point; unknown ones get a "did you mean". */
export function checkReferences(catalog: Catalog, rec: Loaded<{ steps: Array<{ kind: string; point?: string }> }>): Problem[] {
  const problems: Problem[] = [];
  rec.value.steps.forEach((step, i) => {
    if (step.kind !== 'press' || !step.point || catalog.points.has(step.point)) return;
    const legacy = [...catalog.points.keys()].find((id) => legacyCodes(id).includes(step.point!));
    const near = legacy ? [legacy] : suggest(step.point, catalog.points.keys(), 3);
    const hint = near.length ? `; did you mean ${near.join(', ')}?` : '';
    problems.push(problemAt(rec, ['steps', i, 'press'], `unknown point ${quote(step.point)}${hint}`));
  });
  if (problems.length === 0) {
    // A routine that can never run (over the 2 h bound) is a problem in the file, not at run time.
    try {
      plan(rec.value as unknown as Routine, (id) => catalog.points.get(id));
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      problems.push(problemAt(rec, ['steps'], e.message.replace(/^"[^"]*" would take/, 'the routine would take')));
    }
  }
  return problems;
}
