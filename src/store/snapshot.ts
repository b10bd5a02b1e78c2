// The build-time snapshot of the built-in data, in dist/data/: index.json holds the routines'
// heads, each point id's channel and each condition's names; points-<channel>.json holds each
// channel's points and conditions-<id>.json each condition, read only when one of them is asked
// for (lazy-map.ts): `show LI4` reads the general rules alone, `check --pregnant` pregnancy's too.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { EXIT, ExitError } from '../model/errors.js';
import { fsReason } from './fs-reason.js';
import { join } from 'node:path';
import { catalogFrom, pressing, type Catalog, type CatalogData, type RoutineHead } from '../model/catalog.js';
import { LazyMap } from './lazy-map.js';
import { routineFacts } from '../core/routine-facts.js';
import { conditionNames } from '../core/resolve.js';
import type { RoutineFacts } from '../model/catalog.js';
import type { Condition, Point, Routine, WithOrigin } from '../model/types.js';

/** The snapshot's layout; readSnapshot ignores any other (a dist/ left by an older build). */
const FORMAT = 2;

interface SnapshotIndex {
  version: typeof FORMAT;
  /** The build: package version and a hash of the code and data (keys the user-data cache). */
  release?: string;
  /** The routines without their steps (routines.json has them whole). */
  routineHeads: RoutineHead[];
  /** Which routines press each point (ids), for points that some routine presses. */
  uses: Record<string, string[]>;
  /** Each point id's channel, in canonical order. */
  points: Record<string, string>;
  /** Each routine's facts for `list`, worked out here once. */
  facts: Record<string, RoutineFacts>;
  /** Each condition's names (conditionNames), in canonical order. */
  conditions: Record<string, string[]>;
}

const groupFile = (dir: string, group: string) => join(dir, `points-${group}.json`);
const ROUTINES_FILE = 'routines.json';
const conditionFile = (dir: string, id: string) => join(dir, `conditions-${id}.json`);

/**
 * JSON with every non-ASCII character escaped (\uXXXX, valid only inside JSON strings, where
 * such characters can only be). V8 holds a text with any other character as a two-byte string,
 * twice the size; the snapshot's text is read at every start, and its size decides whether a
 * start-up needs a garbage collection (BENCHMARKS.md, session 6).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Write validated data as a snapshot into `dir`; `release` names the build it belongs to. */
export function writeSnapshot(data: CatalogData, dir: string, release?: string): void {
  mkdirSync(dir, { recursive: true });
  const catalog = catalogFrom(data);
  const groups: Record<string, WithOrigin<Point>[]> = {};
  for (const p of data.points) (groups[p.meridian] ??= []).push(p);
  const index: SnapshotIndex = {
    version: FORMAT,
    ...(release ? { release } : {}),
    routineHeads: data.routines.map(({ id, title, summary, tags, aliases, origin }) => ({ id, title, summary, tags, aliases, origin })),
    uses: Object.fromEntries(data.points.map((p) => [p.id, pressing(data.routines, p.id)]).filter(([, ids]) => ids!.length > 0)),
    points: Object.fromEntries(data.points.map((p) => [p.id, p.meridian])),
    facts: Object.fromEntries(data.routines.map((r) => [r.id, routineFacts(catalog, r)])),
    conditions: Object.fromEntries(data.conditions.map((c) => [c.id, conditionNames(c)])),
  };
  writeFileSync(join(dir, 'index.json'), asciiJson(index));
  writeFileSync(join(dir, ROUTINES_FILE), asciiJson(data.routines));
  for (const c of data.conditions) {
    // The id names a file: the schema allows only lower-case words and dashes.
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.id)) throw new Error(`condition id ${JSON.stringify(c.id)} cannot name a file`);
    writeFileSync(conditionFile(dir, c.id), asciiJson([c]));
  }
  for (const [g, ps] of Object.entries(groups)) writeFileSync(groupFile(dir, g), asciiJson(ps));
}

/**
 * A snapshot file that is missing or damaged (truncated, edited, not the shape the build wrote):
 * the installation is broken, not the command line, so one line names the file and says what to
 * do (exit 70), never a JSON parser's message or a TypeError from the data.
 */
function damaged(file: string, why: unknown): ExitError {
  const reason = why instanceof Error ? ((why as NodeJS.ErrnoException).code ? fsReason(why) : why.message) : String(why);
  return new ExitError(EXIT.internal, `the built-in data file ${file} is damaged (${reason}); reinstall acupress`);
}

/** Read and parse one snapshot file, checking the shape its readers rely on. */
function readPart<T>(file: string, shape: (v: unknown) => boolean): T {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw damaged(file, e);
  }
  if (!shape(value)) throw damaged(file, 'not the data this build wrote');
  return value as T;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A list of records with string ids, each id one the index promised for this file. */
const recordsOf = (ids: (id: string) => boolean) => (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((x) => isObject(x) && typeof x.id === 'string' && ids(x.id));
const isIndex = (v: unknown): v is SnapshotIndex => isObject(v) && v.version === FORMAT && Array.isArray(v.routineHeads) && [v.points, v.facts, v.uses, v.conditions].every(isObject)
  && v.routineHeads.every((r) => isObject(r) && typeof r.id === 'string');

/**
 * The snapshot in `dir` as a catalog whose points, conditions and routine steps load on first
 * use; undefined when `dir` has no snapshot (a source checkout before its first build). Throws
 * an ExitError naming the file when a snapshot file is damaged, then or when it is first read.
 */
export function readSnapshot(dir: string): Catalog | undefined {
  const indexFile = join(dir, 'index.json');
  if (!existsSync(indexFile)) return undefined;
  const index = readPart<SnapshotIndex>(indexFile, isIndex);
  const owns = (record: Record<string, unknown>, value: unknown) => (id: string) => Object.hasOwn(record, id) && record[id] === value;
  const load = (group: string) => readPart<WithOrigin<Point>[]>(groupFile(dir, group), recordsOf(owns(index.points, group)));
  const conditionIds = Object.fromEntries(Object.keys(index.conditions).map((id) => [id, id]));
  const routineIds = Object.fromEntries(index.routineHeads.map((r) => [r.id, ROUTINES_FILE]));
  const catalog: Catalog = {
    points: new LazyMap({ owner: index.points, load }),
    // Read whole on the first routine asked for; the heads answer `list` and name lookups.
    routines: new LazyMap<WithOrigin<Routine>>({
      owner: routineIds,
      load: () => readPart<WithOrigin<Routine>[]>(join(dir, ROUTINES_FILE), (v) => recordsOf(owns(routineIds, ROUTINES_FILE))(v) && (v as Routine[]).every((r) => Array.isArray(r.steps))),
      onChange: () => {
        delete catalog.routineHeads;
        delete catalog.uses;
      },
    }),
    routineHeads: index.routineHeads,
    uses: index.uses,
    conditions: new LazyMap<Condition>({
      owner: conditionIds,
      load: (id) => readPart<Condition[]>(conditionFile(dir, id), (v) => recordsOf((x) => x === id)(v) && (v as Condition[]).every((c) => Array.isArray(c.rules))),
      onChange: () => delete catalog.conditionNames,
    }),
    conditionNames: index.conditions,
    notices: [],
    facts: new Map(Object.entries(index.facts)),
    ...(typeof index.release === 'string' ? { release: index.release } : {}),
  };
  return catalog;
}
