// The filters behind `list` and `run --random`, over values already parsed: durations in ms,
// a resolved channel code, a known region. The commands parse and word the flags.
import type { Catalog, RoutineHead } from '../model/catalog.js';
import type { Condition, Point, WithOrigin } from '../model/types.js';
import { comparePoints } from './channels.js';
import { pointMatcher } from './resolve.js';
import { factsFor, storedFacts } from './routine-facts.js';
import { flagsFromSnapshot, hasAvoid, pointFindings, routineFindings } from './safety.js';
import { compareIds, matchText } from './text.js';

/** What a routine must match: at most `max_ms` long, carry `tag`, contain `search`. */
export interface RoutineFilter {
  max_ms?: number;
  tag?: string;
  search?: string;
}

/** What a point must match: its channel code, region, an indication, a search text. */
export interface PointFilter {
  channel?: string;
  region?: string;
  tag?: string;
  search?: string;
}

/** A routine that matched, with its planned length in ms, whether a caution applies, and whether a step is to be avoided. */
export interface RoutineRow {
  /** What `list` shows of it; catalog.routines has the whole routine. */
  routine: RoutineHead;
  total: number;
  cautions: boolean;
  avoid: boolean;
}

/**
 * Routines matching the filter, by id. Those with a step to avoid (for the conditions, or for
 * everyone: a point never to press yourself) are left out, unless `keepAvoided` keeps them
 * marked so a listing can count or mark them.
 */
export function filterRoutines(catalog: Catalog, f: RoutineFilter, conditions: Condition[], keepAvoided = false): RoutineRow[] {
  // Spaces and hyphens alike (matchText): --tag "neck pain" and --search "neck pain" find neck-pain.
  const tag = f.tag ? matchText(f.tag) : undefined;
  const search = f.search ? matchText(f.search) : undefined;
  const out: RoutineRow[] = [];
  // The heads and stored facts answer without reading any routine's steps (a plain `list`).
  // So do the build's condition flags under a condition (flagsFromSnapshot), for the built-in routines.
  const heads: Iterable<RoutineHead> = ((conditions.length === 0 || catalog.conditionFlags) && catalog.facts && catalog.routineHeads) || catalog.routines.values();
  for (const routine of heads) {
    if (tag && !routine.tags.some((t) => matchText(t) === tag)) continue;
    if (search && !matchText([routine.id, routine.title, routine.summary, ...routine.tags, ...routine.aliases].join(' ')).includes(search)) continue;
    const whole = () => catalog.routines.get(routine.id)!;
    const facts = storedFacts(catalog, routine) ?? factsFor(catalog, whole());
    const total = facts.total_ms;
    if (f.max_ms !== undefined && total > f.max_ms) continue;
    let row: RoutineRow;
    if (conditions.length === 0) row = { routine, total, cautions: facts.flagged, avoid: facts.avoid };
    else {
      const known = flagsFromSnapshot(catalog, routine, conditions);
      const findings = known ? undefined : routineFindings(catalog, whole(), conditions);
      row = { routine, total, cautions: known?.flagged ?? findings!.length > 0, avoid: known?.avoid ?? hasAvoid(findings!) };
    }
    if (row.avoid && !keepAvoided) continue;
    out.push(row);
  }
  return out.sort((a, b) => compareIds(a.routine.id, b.routine.id));
}

/** Points matching the filter and not to be avoided for the conditions, in channel order. */
export function filterPoints(catalog: Catalog, f: PointFilter, conditions: Condition[]): WithOrigin<Point>[] {
  const tag = f.tag ? matchText(f.tag) : undefined;
  const matches = f.search ? pointMatcher(f.search) : undefined;
  const all = [...catalog.points.values()];
  // Built-in points are stored in order; user points may add to any channel.
  if (all.some((p) => p.origin.source === 'user')) all.sort(comparePoints);
  return all.filter((p) =>
    (!f.channel || p.meridian === f.channel)
    && (!f.region || p.region === f.region)
    && (!tag || p.indications.some((i) => matchText(i) === tag))
    && (!matches || matches(p))
    && (conditions.length === 0 || !hasAvoid(pointFindings(p, conditions, p.id))),
  );
}
