import type { Condition, Point, Routine, WithOrigin } from './types.js';
import type { SkippedFile } from './skipped-file.js';

/** A routine's planned length with default options (ms), and whether any general caution applies. */
export interface RoutineFacts {
  total_ms: number;
  flagged: boolean;
  /** A step is to be avoided by everyone (a point never to press yourself). */
  avoid: boolean;
}

/** What `list` and name lookups need of a routine: everything but its steps. */
export type RoutineHead = Pick<WithOrigin<Routine>, 'id' | 'title' | 'summary' | 'tags' | 'aliases' | 'origin'>;

/** All the data acupress knows: built-in plus the user's, keyed by canonical id. */
export interface Catalog {
  points: Map<string, WithOrigin<Point>>;
  routines: Map<string, WithOrigin<Routine>>;
  conditions: Map<string, Condition>;
  /** Things worth one line on stderr, such as a user routine overriding a built-in one. */
  notices: string[];
  /**
   * The built-in routines' facts, from the snapshot. A user routine replaces its id's; user points
   * cannot replace built-in ones, so the built-in routines' facts stay true.
   */
  facts?: Map<string, RoutineFacts>;
  /**
   * Each condition's names (id, flag, aliases, title), from the snapshot, so naming a condition
   * reads no condition's file. Dropped the moment the conditions change (snapshot.ts).
   */
  conditionNames?: Record<string, string[]>;
  /**
   * The snapshot's routines without their steps, and which routines press each point, so `list`
   * and `show LI4` read no routine's steps. Both are dropped the moment the routines change (a
   * user routine merged in; snapshot.ts), and everything falls back to `routines`.
   */
  routineHeads?: RoutineHead[];
  /** The ids of the routines pressing a point ([] for none), from the snapshot's index. */
  uses?: (pointId: string) => string[];
  /**
   * Which build of the code and built-in data this is (from the snapshot): the user-data cache
   * is only trusted for the release that wrote it. Undefined when running from source.
   */
  release?: string;
  /** The user's files skipped for a problem (each has a warning in notices), set by the user-data load. */
  skipped?: SkippedFile[];
}

/** The plain shape stored in the build-time snapshot. */
export interface CatalogData {
  points: WithOrigin<Point>[];
  routines: WithOrigin<Routine>[];
  conditions: Condition[];
}

/** Index plain arrays into a catalog. */
export function catalogFrom(data: CatalogData): Catalog {
  return {
    points: new Map(data.points.map((p) => [p.id, p])),
    routines: new Map(data.routines.map((r) => [r.id, r])),
    conditions: new Map(data.conditions.map((c) => [c.id, c])),
    notices: [],
  };
}

/** A point's neighbours on its channel (previous and next by number), for the point card. */
export function neighbours(catalog: Catalog, point: Point): { prev?: Point; next?: Point } {
  const m = /^(.*?)(\d+)$/.exec(point.id);
  if (!m) return {};
  const n = Number(m[2]);
  return { prev: catalog.points.get(`${m[1]}${n - 1}`), next: catalog.points.get(`${m[1]}${n + 1}`) };
}

/** The ids of the routines that press a point, for the point card. */
export function routinesUsing(catalog: Catalog, pointId: string): string[] {
  if (catalog.uses) return catalog.uses(pointId);
  return pressing(catalog.routines.values(), pointId);
}

/** The ids of the routines that press a point. */
export function pressing(routines: Iterable<Routine>, pointId: string): string[] {
  return [...routines].filter((r) => r.steps.some((s) => s.kind === 'press' && s.point === pointId)).map((r) => r.id);
}
