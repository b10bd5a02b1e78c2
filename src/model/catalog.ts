import type { Condition, Point, Routine, WithOrigin } from './types.js';
import type { SkippedFile } from './skipped-file.js';
import { pointNumber } from './point-number.js';

/** A routine's planned length with default options (ms), and whether any general caution applies. */
export interface RoutineFacts {
  total_ms: number;
  flagged: boolean;
  /** A step is to be avoided by everyone (a point never to press yourself). */
  avoid: boolean;
}

/** A point's names as a text may write them: what reading names in a text needs (core/names-in-text.ts). */
export type PointNames = Pick<Point, 'id' | 'pinyin' | 'english' | 'aliases' | 'hanzi' | 'hanzi_traditional'>;

/**
 * Points' names as names-in-text.ts looks them up (core/name-table.ts makes it; the snapshot has
 * the built-in points' in names.json). `latin`: a line per name key, sorted, with the names that
 * have it ("hegu\tLI4 pa"); `hanzi`: a line per hanzi name with its points; `longest`: the
 * longest key's length.
 */
export interface NameTable { latin: string; hanzi: string; longest: number }

/** What `list` and name lookups need of a routine: everything but its steps. */
export type RoutineHead = Pick<WithOrigin<Routine>, 'id' | 'title' | 'summary' | 'tags' | 'aliases' | 'origin'>;

/** Which conditions flag a built-in routine (Catalog.conditionFlags). */
export interface ConditionFlags {
  /** The conditions under which something is found. */
  flagged: readonly string[];
  /** The conditions under which something is to be avoided. */
  avoid: readonly string[];
  /** Every condition the build judged the routine by. */
  conditions: readonly string[];
}

/** A text as core/pressure-words.ts's withinPressure says it at `allowed`; undefined when not known here. */
export type SaidWithin = (text: string, allowed: 'gentle' | 'moderate') => string | undefined;

/** All the data acupress knows: built-in plus the user's, keyed by canonical id. */
export interface Catalog {
  points: Map<string, WithOrigin<Point>>;
  routines: Map<string, WithOrigin<Routine>>;
  conditions: Map<string, Condition>;
  /** Things worth one line on stderr, such as a user routine overriding a built-in one. */
  notices: string[];
  /**
   * The built-in routines' facts, from the snapshot, taken only for a routine of built-in origin
   * (storedFacts): a user's routine, even one with a built-in id, has its facts worked out from the
   * points. User points cannot replace built-in ones, so the built-in routines' facts stay true.
   */
  facts?: Map<string, RoutineFacts>;
  /**
   * Each condition's names (id, flag, aliases, title), from the snapshot, so naming a condition
   * reads no condition's file. Dropped the moment the conditions change (snapshot.ts).
   */
  conditionNames?: Record<string, string[]>;
  /**
   * The routines without their steps, and which routines press each point, so `list` and `show
   * LI4` read no built-in routine's steps: from the snapshot, with any routine set or deleted
   * since (a user's, merged in) as it now is (snapshot.ts). Without them, `routines` answers.
   */
  routineHeads?: RoutineHead[];
  /** The ids of the routines pressing a point ([] for none), from the snapshot's index and any routine set since. */
  uses?: (pointId: string) => string[];
  /**
   * Every point's names without reading a point: the snapshot's table of the built-in points'
   * names, and the points added since (a user's own, merged in), in the order of `points`.
   * Undefined (the function, or what it returns: a built-in point was replaced or deleted) means
   * the names are read from `points`.
   */
  pointNames?: () => { table: NameTable; added: readonly PointNames[] } | undefined;
  /**
   * Which build of the code and built-in data this is (from the snapshot): the user-data cache
   * is only trusted for the release that wrote it. Undefined when running from source.
   */
  release?: string;
  /**
   * For a built-in routine, the conditions (ids) under which routineFindings finds something
   * (`flagged`) and something to avoid (`avoid`), worked out by the build (judged.json). Each
   * finding comes from one condition's rule, so a set of conditions finds something when one of
   * them does (core/safety.ts's flagsFromSnapshot). `conditions`: every condition the build
   * judged by. Undefined (the function, or what it returns) when the snapshot cannot answer: a
   * routine it does not hold, or points of the user's added (a cue could name one).
   */
  conditionFlags?: (routineId: string) => ConditionFlags | undefined;
  /**
   * A text said within a lighter pressure, when the build worked it out (said-<n>.json: every
   * built-in point's technique and routine step's cue), so capping it compiles none of the
   * pressure words' patterns (core/step-cautions.ts). Undefined for any other text.
   */
  said?: SaidWithin;
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
  const m = pointNumber(point.id);
  if (!m) return {};
  const n = Number(m.digits);
  return { prev: catalog.points.get(`${m.stem}${n - 1}`), next: catalog.points.get(`${m.stem}${n + 1}`) };
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
