// What `list` shows of each routine when no condition is given: its planned length and whether
// a general caution applies. Working these out reads every point a routine presses, which for
// all built-in routines is most of the point data, so the build stores them in the snapshot.
import { routineFindings } from './safety.js';
import { plannedLength } from './plan.js';
import type { Catalog, RoutineFacts } from '../model/catalog.js';
import type { Routine, WithOrigin } from '../model/types.js';

/** Work out a routine's facts from the catalog's points (and its planned length, if known). */
export function routineFacts(catalog: Catalog, routine: Routine, total_ms = plannedLength(routine, (id) => catalog.points.get(id))): RoutineFacts {
  const findings = routineFindings(catalog, routine, []);
  return { total_ms, flagged: findings.length > 0, avoid: findings.some((f) => f.level === 'avoid') };
}

/**
 * A built-in routine's stored facts (see Catalog.facts). A user's routine has none: its facts
 * are worked out from the points, so `list` marks what `run` refuses, whatever a file says.
 */
export function storedFacts(catalog: Catalog, routine: Pick<Routine, 'id'> & Partial<Pick<WithOrigin<Routine>, 'origin'>>): RoutineFacts | undefined {
  return routine.origin?.source === 'builtin' ? catalog.facts?.get(routine.id) : undefined;
}

/** The stored facts where they hold (storedFacts), else worked out now. */
export function factsFor(catalog: Catalog, routine: Routine & Partial<Pick<WithOrigin<Routine>, 'origin'>>): RoutineFacts {
  return storedFacts(catalog, routine) ?? routineFacts(catalog, routine);
}
