// The build-time snapshot of the built-in data, in dist/data/: index.json holds the routines'
// ids, and as lines of text each group's point ids (up to eight along a channel), the routines
// pressing each point and each condition's names; heads.json the routines without their steps,
// and their facts (for `list` and name lookups); points-<group>.json a group's points
// (points-LI-1.json: LI1 to LI8); names.json the points' names keyed for looking them up in a
// text (core/name-table.ts), so reading a cue for names reads no point; conditions-<id>.json
// each condition. Each is read only when something asks for it (lazy-map.ts): `show LI4` reads
// index.json, points-LI-1.json and the general rules; `check --pregnant` pregnancy's too.
// Parsing JSON costs a cold process about 30 µs a kilobyte, so what every start reads is kept
// small; each file is checked for exactly what the index promised.
import { mkdirSync, writeFileSync } from 'node:fs';
import { EXIT, ExitError } from '../model/errors.js';
import { damagedInstall } from '../model/damaged-install.js';
import { fsReason } from './fs-reason.js';
import { readDataFile } from './read-data-file.js';
import { isObj, isSnapshotCondition, isSnapshotFacts, isSnapshotHead, isSnapshotPoint, isSnapshotRoutine, isTexts } from './snapshot-shape.js';
import { catalogFrom, pressing, type Catalog, type CatalogData, type RoutineHead } from '../model/catalog.js';
import { groupedKeys, LazyMap, ownedBy } from './lazy-map.js';
import { groupLine, IndexLines, isConditionId, nameLine, useLine } from './index-lines.js';
import { routineFacts } from '../core/routine-facts.js';
import { conditionNames } from '../core/resolve.js';
import { GENERAL, hasAvoid, PREGNANCY, routineFindings } from '../core/safety.js';
import type { NameTable, RoutineFacts } from '../model/catalog.js';
import { nameTable } from '../core/name-table.js';
import type { Condition, Point, Routine, WithOrigin } from '../model/types.js';
import { joinPath } from './join-path.js';
import { fnv1a32 } from '../model/fnv1a.js';

/** The snapshot's layout; readSnapshot takes any other (a dist/ left by an older build) as damaged. */
const FORMAT = 4;

interface SnapshotIndex {
  version: typeof FORMAT;
  /** The build: package version and a hash of the code and data (keys the user-data cache). */
  release?: string;
  /** The routines' ids, in canonical order (routines.json has them whole). */
  routines: string[];
  // The rest are lines of text, not objects: JSON.parse takes a cold process about 0.2 ms to
  // build objects of a hundred keys, and a few strings cost nothing worth measuring. Each is
  // checked as it is read (index-lines.ts).
  /** A line per point some routine presses: its id, then those routines' ids ("LI4 headache jaw"). */
  uses: string;
  /** A line per group of points (a stretch of a channel): its name, then its point ids ("LI-1 LI1 … LI8"; lazy-map.ts's groupedKeys). */
  points: string;
  /** A line per condition: its names (conditionNames, the id first), separated by tabs. */
  conditions: string;
}

/** heads.json: what `list` and name lookups need of the routines, without their steps. */
interface SnapshotHeads {
  /** The routines without their steps, in the index's order. */
  routineHeads: RoutineHead[];
  /** Each routine's facts for `list`, worked out here once. */
  facts: Record<string, RoutineFacts>;
}

/** judged.json: read only under a condition, so a plain `list` does not parse it (Catalog.conditionFlags). */
interface SnapshotJudged {
  /** Each routine's conditions that find something in it, and something to avoid. */
  judged: Record<string, { flagged: string[]; avoid: string[] }>;
  /** Every condition the routines were judged by. */
  judgedBy: string[];
}

const groupFile = (dir: string, group: string) => joinPath(dir, `points-${group}.json`);
/** How many points share a file: a channel has 9 to 67. */
const POINTS_PER_FILE = 8;
const ROUTINES_FILE = 'routines.json';
const HEADS_FILE = 'heads.json';
const JUDGED_FILE = 'judged.json';
const NAMES_FILE = 'names.json';
/**
 * Every built-in technique and cue said within gentle and moderate pressure (Catalog.said), as
 * texts and how each is said (1: unchanged), in SAID_BUCKETS files by a hash of the text
 * (said-0.json …): about 63 KB in all, and a lookup reads one bucket of 3–7 KB.
 */
export type SaidFile = Record<string, [gentle: string | 1, moderate: string | 1]>;
const SAID_BUCKETS = 16;
const saidFile = (dir: string, bucket: number) => joinPath(dir, `said-${bucket}.json`);

/** Which said-<n>.json holds `text`: FNV-1a of its UTF-16 code units. */
export const saidBucket = (text: string): number => fnv1a32(text) % SAID_BUCKETS;
const conditionFile = (dir: string, id: string) => joinPath(dir, `conditions-${id}.json`);

/**
 * JSON with every non-ASCII character escaped (\uXXXX, valid only inside JSON strings, where
 * such characters can only be). V8 holds a text with any other character as a two-byte string,
 * twice the size; the snapshot's text is read at every start, and its size decides whether a
 * start-up needs a garbage collection (BENCHMARKS.md, session 6).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The conditions under which routineFindings finds something in `r`, and something to avoid, each
 * judged alone (Catalog.conditionFlags): the build's work, so `list` and the safer routines under
 * a condition read no routine's texts.
 */
function conditionFlagsOf(catalog: Catalog, r: Routine, conditions: Condition[]): { flagged: string[]; avoid: string[] } {
  const flagged: string[] = [];
  const avoid: string[] = [];
  for (const c of conditions) {
    const findings = routineFindings(catalog, r, [c]);
    if (findings.length > 0) flagged.push(c.id);
    if (hasAvoid(findings)) avoid.push(c.id);
  }
  return { flagged, avoid };
}

/** Write validated data as a snapshot into `dir`, with `said` (every built-in text said within each lighter pressure); `release` names the build it belongs to. */
export function writeSnapshot(data: CatalogData, dir: string, said: SaidFile, release?: string): void {
  mkdirSync(dir, { recursive: true });
  const catalog = catalogFrom(data);
  // Points in groups of POINTS_PER_FILE along each channel (LI-1: LI1 to LI8): `show LI4`
  // parses a few points, not a channel's twenty or more (about 30 µs a kilobyte at start-up).
  const byChannel: Record<string, WithOrigin<Point>[]> = {};
  for (const p of data.points) (byChannel[p.meridian] ??= []).push(p);
  const groups: Record<string, WithOrigin<Point>[]> = {};
  for (const [channel, ps] of Object.entries(byChannel)) {
    for (let i = 0; i < ps.length; i += POINTS_PER_FILE) groups[`${channel}-${i / POINTS_PER_FILE + 1}`] = ps.slice(i, i + POINTS_PER_FILE);
  }
  // Ids have no white space and names no tabs or newlines (the schema's); a build that breaks that fails here.
  const words = (list: string[], sep: string) => {
    if (list.some((w) => w === '' || w.includes(sep) || w.includes('\n') || (sep === ' ' && /\s/.test(w)))) throw new Error(`cannot write ${JSON.stringify(list)} into index.json`);
    return list.join(sep);
  };
  const index: SnapshotIndex = {
    version: FORMAT,
    ...(release ? { release } : {}),
    routines: data.routines.map((r) => r.id),
    uses: data.points.map((p) => [p.id, ...pressing(data.routines, p.id)]).filter((ids) => ids.length > 1).map((ids) => words(ids, ' ')).join('\n'),
    points: Object.entries(groups).map(([g, ps]) => words([g, ...ps.map((p) => p.id)], ' ')).join('\n'),
    conditions: data.conditions.map((c) => words(conditionNames(c), '\t')).join('\n'),
  };
  const heads: SnapshotHeads = {
    routineHeads: data.routines.map(({ id, title, summary, tags, aliases, origin }) => ({ id, title, summary, tags, aliases, origin })),
    facts: Object.fromEntries(data.routines.map((r) => [r.id, routineFacts(catalog, r)])),
  };
  const judged: SnapshotJudged = {
    judged: Object.fromEntries(data.routines.map((r) => [r.id, conditionFlagsOf(catalog, r, data.conditions)])),
    judgedBy: data.conditions.map((c) => c.id),
  };
  writeFileSync(joinPath(dir, 'index.json'), asciiJson(index));
  writeFileSync(joinPath(dir, HEADS_FILE), asciiJson(heads));
  writeFileSync(joinPath(dir, JUDGED_FILE), asciiJson(judged));
  writeFileSync(joinPath(dir, ROUTINES_FILE), asciiJson(data.routines));
  // In the index's order, as the points are walked.
  writeFileSync(joinPath(dir, NAMES_FILE), asciiJson(nameTable(Object.values(groups).flat())));
  const buckets: SaidFile[] = Array.from({ length: SAID_BUCKETS }, () => ({}));
  for (const [text, saying] of Object.entries(said)) buckets[saidBucket(text)]![text] = saying;
  buckets.forEach((b, i) => writeFileSync(saidFile(dir, i), asciiJson(b)));
  for (const c of data.conditions) {
    // The id names a file: the schema allows only lower-case words and dashes (the reader's own rule).
    if (!isConditionId(c.id)) throw new Error(`condition id ${JSON.stringify(c.id)} cannot name a file`);
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
  return new ExitError(EXIT.internal, damagedInstall(`built-in data file ${file}`, `is damaged (${reason})`));
}

/** Why a file that parses is damaged all the same. */
const NOT_BUILT = 'not the data this build wrote';

/**
 * Read and parse one snapshot file, checking the shape its readers rely on. `missing`: what a
 * file that is not there means (by default, a damaged installation).
 */
function readPart<T>(file: string, shape: (v: unknown) => boolean, missing?: () => T): T {
  let value: unknown;
  let sound: boolean;
  try {
    value = JSON.parse(readDataFile(file));
    // Inside the try: a file of millions of lines can overflow a check's regular expression.
    sound = shape(value);
  } catch (e) {
    if (missing && (e as NodeJS.ErrnoException).code === 'ENOENT') return missing();
    throw damaged(file, e);
  }
  if (!sound) throw damaged(file, NOT_BUILT);
  return value as T;
}

/**
 * Exactly the records the index promised for this file, in its order, each of the shape its
 * readers rely on (snapshot-shape.ts): a record left out, doubled, swapped or cut short is a damaged
 * installation, never a point or rule that silently is not there (a safety answer of "nothing
 * to avoid").
 */
const recordsOf = (ids: readonly string[], isRecord: (v: unknown) => boolean) => (v: unknown) =>
  Array.isArray(v) && v.length === ids.length && v.every((x, i) => isRecord(x) && (x as { id: unknown }).id === ids[i]);
/**
 * index.json's shape as every start needs it; its lines of text are checked as they are read
 * (index-lines.ts), but for the conditions the program itself names: without them `check` would
 * lose the general rules, and --pregnant would be an unknown condition, instead of a damaged install.
 */
const isIndex = (v: unknown): v is SnapshotIndex =>
  isObj(v) && v.version === FORMAT && isTexts(v.routines) && new Set(v.routines).size === v.routines.length
  && typeof v.points === 'string' && typeof v.uses === 'string' && typeof v.conditions === 'string';

/**
 * The routines pressing a point, from its line of index.json's `uses` ([] when it has none): a
 * search of the text, not a table of every point (`show LI4` asks for one). A routine the index
 * does not list is a damaged file.
 */
function usesOf(uses: IndexLines, routines: ReadonlySet<string>, pointId: string, fail: () => never): string[] {
  const ids = uses.line(pointId);
  if (!ids) return [];
  if (!ids.every((id) => routines.has(id))) fail();
  return ids;
}

/**
 * names.json as the build wrote it: lines of the right form (a key, then its names, "LI4 pa":
 * name-table.ts; a hanzi name, then its points), sorted (a line out of place would never be
 * found), and a pinyin for each of the index's `points` (a line cut out is a damaged file, never
 * a point whose name a check of a cue does not see).
 */
function isNames(v: unknown, points: number): v is NameTable {
  if (!isObj(v) || typeof v.latin !== 'string' || typeof v.hanzi !== 'string' || !Number.isInteger(v.longest) || (v.longest as number) < 1) return false;
  // (The patterns are here, not at the top: every start would build them, and few read names.)
  if (!/^[^\t\n]+(?:\t[A-Z][A-Z0-9-]* [p-][a-][Cc]+)+(?:\n[^\t\n]+(?:\t[A-Z][A-Z0-9-]* [p-][a-][Cc]+)+)*$/.test(v.latin)) return false;
  if (!/^[^\t\n]+(?:\t[A-Z][A-Z0-9-]*)+(?:\n[^\t\n]+(?:\t[A-Z][A-Z0-9-]*)+)*$/.test(v.hanzi)) return false;
  const lines = v.latin.split('\n');
  for (let i = 1; i < lines.length; i++) if (!(lines[i - 1]! < lines[i]!)) return false;
  // An entry's id and flags are the only places a space can be: " p" starts a pinyin's flags.
  let pinyins = 0;
  for (let at = v.latin.indexOf(' p'); at >= 0; at = v.latin.indexOf(' p', at + 2)) pinyins++;
  return pinyins === points;
}

/**
 * The routines pressing a point once routines were set or deleted since the snapshot (a user's,
 * merged in): each routine set answers for itself, one deleted is gone, the others as the index
 * says (`builtin`), in the map's order.
 */
function usesNow(routines: LazyMap<WithOrigin<Routine>>, ids: readonly string[], builtin: string[], pointId: string): string[] {
  const now = routines.overlay(ids.map((id) => ({ id })));
  if (now === undefined) return pressing(routines.values(), pointId);
  const listed = new Set(builtin);
  return now.filter((r) => ('steps' in r ? pressing([r], pointId).length > 0 : listed.has(r.id))).map((r) => r.id);
}

/** The heads of exactly the index's routines, in its order, their facts, and the conditions that flag each. */
const headsOf = (ids: string[]) => (v: unknown): boolean => isObj(v) && isObj(v.facts) && Object.values(v.facts).every(isSnapshotFacts)
  && recordsOf(ids, isSnapshotHead)(v.routineHeads);

/** judged.json as the build wrote it: for each of the index's routines, lists of the conditions it was judged by. */
function isJudged(v: unknown, ids: string[]): v is SnapshotJudged {
  if (!isObj(v) || !isTexts(v.judgedBy) || !isObj(v.judged) || Object.keys(v.judged).length !== ids.length) return false;
  const by = new Set(v.judgedBy as string[]);
  return ids.every((id) => {
    const j = (v.judged as Record<string, unknown>)[id];
    return Object.hasOwn(v.judged as object, id) && isObj(j) && Array.isArray(j.flagged) && Array.isArray(j.avoid)
      && (j.flagged as unknown[]).every((c) => by.has(c as string)) && (j.avoid as unknown[]).every((c) => (j.flagged as unknown[]).includes(c));
  });
}

/**
 * Give `target[key]` the value `compute()` returns on first read, then keep it as a plain
 * property (which can be replaced or deleted like any other). `follow`: work it out again at
 * every read instead (it follows what it is worked out from), until it is set or deleted.
 */
function lazyProperty<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K], follow = false): void {
  const keep = (value: T[K]) => Object.defineProperty(target, key, { value, configurable: true, enumerable: true, writable: true });
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute();
      if (!follow) keep(value);
      return value;
    },
    set: keep,
  });
}

/**
 * The snapshot in `dir` as a catalog whose points, conditions and routine steps load on first
 * use; undefined when `dir` has no snapshot (a source checkout before its first build). Throws
 * an ExitError naming the file when a snapshot file is damaged, then or when it is first read.
 */
export function readSnapshot(dir: string): Catalog | undefined {
  // No index.json: no snapshot. Read at once rather than asked about first (a stat per start).
  const indexFile = joinPath(dir, 'index.json');
  const index = readPart<SnapshotIndex | undefined>(indexFile, isIndex, () => undefined);
  if (!index) return undefined;
  const fail = (): never => {
    throw damaged(indexFile, NOT_BUILT);
  };
  const groups = new IndexLines(index.points, ' ', groupLine, fail);
  const uses = new IndexLines(index.uses, ' ', useLine, fail);
  const conditionLines = new IndexLines(index.conditions, '\t', nameLine, fail);
  if (!conditionLines.line(GENERAL) || !conditionLines.line(PREGNANCY)) fail();
  // A point is found by searching the text (groupedKeys); its group's line is checked when the
  // group is read, and the whole text on a miss or a walk of every point.
  const found = groupedKeys(index.points);
  const points = {
    groupOf: (id: string) => found.groupOf(id) ?? (groups.whole(), undefined),
    keys: () => (groups.whole(), found.keys()),
    keysOf: (group: string) => groups.line(group) ?? [],
  };
  const routines = ownedBy(Object.fromEntries(index.routines.map((id) => [id, ROUTINES_FILE])));
  // Each condition is a group of one, named by its id: the first name of its line.
  const conditions = {
    groupOf: (id: string) => (conditionLines.line(id) ? id : undefined),
    keys: () => conditionLines.lines().map((line) => line[0]!),
  };
  const load = (group: string) => readPart<WithOrigin<Point>[]>(groupFile(dir, group), recordsOf(points.keysOf(group), isSnapshotPoint));
  // Every point a routine presses or names for its massage is one the index lists.
  const pointsKnown = (r: Routine) => r.steps.every((s) => (s.kind === 'press' ? points.groupOf(s.point) !== undefined : s.kind !== 'massage' || s.points.every((p) => points.groupOf(p) !== undefined)));
  let heads: SnapshotHeads | undefined;
  const readHeads = () => (heads ??= readPart<SnapshotHeads>(joinPath(dir, HEADS_FILE), headsOf(index.routines)));
  const pointMap = new LazyMap({ ...points, load });
  // Read whole on the first routine asked for; the heads answer `list` and name lookups.
  const routineMap = new LazyMap<WithOrigin<Routine>>({
    ...routines,
    load: () => readPart<WithOrigin<Routine>[]>(joinPath(dir, ROUTINES_FILE), (v) => recordsOf(index.routines, isSnapshotRoutine)(v) && (v as Routine[]).every(pointsKnown)),
  });
  const catalog: Catalog = {
    points: pointMap,
    routines: routineMap,
    conditions: new LazyMap<Condition>({
      ...conditions,
      load: (id) => readPart<Condition[]>(conditionFile(dir, id), recordsOf([id], isSnapshotCondition)),
      onChange: () => delete catalog.conditionNames,
    }),
    notices: [],
    ...(typeof index.release === 'string' ? { release: index.release } : {}),
  };
  // Which routines press a point, and the conditions' names, only when something asks.
  let routineSet: Set<string> | undefined;
  catalog.uses = (pointId) => {
    const builtin = usesOf(uses, (routineSet ??= new Set(index.routines)), pointId, fail);
    // Nothing set or deleted (or only a routine added and deleted again): the index holds.
    return routineMap.added()?.length === 0 ? builtin : usesNow(routineMap, index.routines, builtin, pointId);
  };
  lazyProperty(catalog, 'conditionNames', () => Object.fromEntries(conditionLines.lines().map((line) => [line[0]!, line])));
  // The heads and facts only when something asks for them (`list`, a name that is no id); the
  // heads as the routines now are, a user's merged in, so `list` reads no routine's steps.
  lazyProperty(catalog, 'routineHeads', () => routineMap.overlay(readHeads().routineHeads) as RoutineHead[] | undefined, true);
  lazyProperty(catalog, 'facts', () => new Map(Object.entries(readHeads().facts)));
  // While no point of the user's was added (a built-in cue could name one) and only for a routine
  // the snapshot holds; whether the routine is the built-in one is the caller's to check (origin).
  let judged: SnapshotJudged | undefined;
  catalog.conditionFlags = (routineId) => {
    if (pointMap.added()?.length !== 0 || !index.routines.includes(routineId)) return undefined;
    judged ??= readPart<SnapshotJudged>(joinPath(dir, JUDGED_FILE), (v) => isJudged(v, index.routines));
    return { ...judged.judged[routineId]!, conditions: judged.judgedBy };
  };
  // Every point's names without reading a point: the built-in ones' from names.json, a user's
  // own as merged in (names-in-text.ts); while no built-in point was replaced or deleted.
  let names: NameTable | undefined;
  catalog.pointNames = () => {
    const added = pointMap.added();
    // (The index lists a point after each space: "LI-1 LI1 LI2".)
    return added && { table: (names ??= readPart<NameTable>(joinPath(dir, NAMES_FILE), (v) => isNames(v, index.points.split(' ').length - 1))), added };
  };
  // A text said within a lighter pressure, as the build said it: its bucket read on first need.
  const saidFiles: Array<SaidFile | undefined> = [];
  catalog.said = (text, allowed) => {
    const bucket = saidBucket(text);
    const table = (saidFiles[bucket] ??= readPart<SaidFile>(saidFile(dir, bucket), (v) => isSaid(v, bucket)));
    if (!Object.hasOwn(table, text)) return undefined;
    const said = table[text]![allowed === 'gentle' ? 0 : 1];
    return said === 1 ? text : said;
  };
  return catalog;
}

/**
 * said-<bucket>.json as the build wrote it: texts of that bucket (another bucket's file in its
 * place is damaged, not a miss), and how each is said within gentle and moderate pressure (a
 * text, or 1).
 */
function isSaid(v: unknown, bucket: number): v is SaidFile {
  if (!isObj(v)) return false;
  for (const [text, said] of Object.entries(v)) {
    if (saidBucket(text) !== bucket || !Array.isArray(said) || said.length !== 2 || !said.every((s) => s === 1 || typeof s === 'string')) return false;
  }
  return true;
}
