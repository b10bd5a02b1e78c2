// Merging data from several directories into one catalog, with the cross-file checks a
// single-file schema cannot make: duplicate ids, unknown point references, routines too long to
// run, and names that would shadow a point or condition. A record with a problem is left out
// (and its problem returned); every other record still goes in.
import { count, suggest } from '../core/text.js';
import { UserError } from '../model/errors.js';
import { plannedLength } from '../core/plan.js';
import type { Point, Routine, WithOrigin } from '../model/types.js';
import { quote } from '../model/printable.js';
import type { Catalog } from '../model/catalog.js';
import type { DirContents, RefusedRoutine } from './load-files.js';
import { problemAt, type Loaded, type Problem } from './problem.js';
import { describeRef, forgetIndex, legacyCodes, lookup, nameOwners, type NameOwners } from '../core/resolve.js';
import { POINT_ID } from '../model/enums.js';
import { codesInText } from '../core/safety.js';

/** How a merge checks what it takes in. */
export interface MergeOptions {
  /**
   * Refuse user records whose names would shadow a point or condition. Fresh loads check; the
   * user-data cache holds only records that passed, and built-in data is checked by its tests.
   */
  checkNames?: boolean;
}

/** Add one directory's records to a catalog; returns its problems, the records they concern left out. */
export function mergeInto(catalog: Catalog, dir: DirContents, opts: MergeOptions = {}): Problem[] {
  const problems: Problem[] = [...dir.problems];
  const owners = opts.checkNames && (dir.points.length > 0 || dir.routines.length > 0) ? nameOwners(catalog) : undefined;
  const seenPoints = new Map<string, Loaded<Point>>();
  for (const rec of dir.points) {
    const found = pointProblems(catalog, rec, seenPoints, owners);
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    seenPoints.set(rec.value.id, rec);
    catalog.points.set(rec.value.id, rec.value);
    owners?.add({ kind: 'point', id: rec.value.id }, pointNamesAt(rec.value).map(([n]) => n));
  }
  const seenRoutines = new Map<string, Loaded<Routine>>();
  for (const rec of dir.routines) {
    const id = rec.value.id;
    const dup = duplicate('routine', rec, seenRoutines.get(id), catalog.routines.get(id));
    const named = owners ? routineNameProblems(catalog, owners, rec) : [];
    if (dup || named.length > 0) {
      problems.push(...(dup ? [dup] : []), ...named);
      continue;
    }
    // References are checked once every point of the directory is in, so a routine may use
    // built-in points and the user's own.
    const checked = checkRoutine(catalog, rec);
    if (checked.problems.length > 0) {
      problems.push(...checked.problems);
      continue;
    }
    seenRoutines.set(id, rec);
    const existing = catalog.routines.get(id);
    if (existing && existing.origin.source !== rec.value.origin.source) {
      catalog.notices.push(`note: ${rec.shown} overrides the built-in routine ${quote(id)}`);
    }
    catalog.routines.set(id, rec.value);
  }
  for (const refused of dir.refused ?? []) problems.push(...refusedRoutineProblems(catalog, refused, opts.checkNames ? owners ?? nameOwners(catalog) : undefined));
  // "Did you mean" lookups above may have indexed the catalog before it was complete.
  forgetIndex(catalog);
  return problems;
}

/**
 * Every problem of a routine file the schema refused, in reading order: its schema problems,
 * plus what can still be checked against the catalog: the points its steps press (a spelling
 * the command line accepts, "hegu" or "gb20", answered with its code) and, given `owners`,
 * names that would shadow a point or condition. A press the schema refused gives way to its
 * reference problem, which says what it means. Used by the loader, validate and run <file>, so
 * all three word a file alike.
 */
export function refusedRoutineProblems(catalog: Catalog, refused: RefusedRoutine, owners?: NameOwners): Problem[] {
  const raw = refused.raw;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refused.problems;
  const value = raw as { id?: unknown; aliases?: unknown; title?: unknown; steps?: unknown };
  const rec = { value: { ...value, steps: Array.isArray(value.steps) ? value.steps : [], origin: { source: 'user' as const, file: refused.shown } }, locate: refused.locate, shown: refused.shown };
  const presses = pressProblems(catalog, rec);
  const answered = new Set(presses.map((p) => p.path));
  const all = [...refused.problems.filter((p) => !answered.has(p.path)), ...presses, ...(owners ? routineNameProblems(catalog, owners, rec) : [])];
  return all.sort((a, b) => a.line - b.line || a.col - b.col);
}

/**
 * Two records with one id from the same source are a problem (a user record with a built-in
 * routine's id replaces it instead). The same file seen twice (one directory named both by
 * ACUPRESS_DATA and --data) is not a clash.
 */
function duplicate<T extends { id: string }>(kind: 'point' | 'routine', rec: Loaded<T>, twin: Loaded<T> | undefined, existing: WithOrigin<T> | undefined): Problem | undefined {
  const clash = twin?.shown ?? (existing && existing.origin.source === rec.value.origin.source && existing.origin.file !== rec.value.origin.file ? existing.origin.file : undefined);
  return clash ? problemAt(rec, ['id'], `duplicate ${kind} id ${quote(rec.value.id)}, also defined in ${clash}`) : undefined;
}

/** Why a point cannot go in: a duplicate, a built-in code, a caution for no known condition, or a name that is already another's. */
function pointProblems(catalog: Catalog, rec: Loaded<Point>, seen: Map<string, Loaded<Point>>, owners: NameOwners | undefined): Problem[] {
  const id = rec.value.id;
  const existing = catalog.points.get(id);
  const dup = duplicate('point', rec, seen.get(id), existing);
  if (dup) return [dup];
  // A built-in point keeps its meaning (and its cautions): safety answers rest on it.
  if (existing && existing.origin.source === 'builtin' && rec.value.origin.source !== 'builtin') {
    return [problemAt(rec, ['id'], `${quote(id)} is a built-in point; a point of your own needs a code of its own`)];
  }
  // A code the text scanner reads as another (SP06 as SP6, EX-HN05 as EX-HN5) would be checked as
  // one point by `check SP06` and as the other in a cue: refused, so that a code means one point.
  const read = codesInText(id);
  if (read.length === 1 && read[0] !== id && /(?:^|\D)0\d/.test(id)) {
    return [problemAt(rec, ['id'], `${quote(id)} reads as the point code ${read[0]} in cues and area texts; a point of your own needs a code of its own (without a leading zero)`)];
  }
  const out = cautionProblems(catalog, rec);
  if (!owners) return out;
  for (const [name, path] of pointNamesAt(rec.value)) {
    const other = owners.owners(name).find((r) => !(r.kind === 'point' && r.id === id));
    if (other) out.push(problemAt(rec, path, `${quote(name)} already names ${describeRef(catalog, other)}; a point of your own needs ${path[0] === 'id' ? 'a code' : 'names'} of its own`));
  }
  return out;
}

/**
 * A caution must name a known condition by its id (`general` being the general rules): one for
 * "pregnacy" would never apply, so `check --pregnant` would miss it. Another name of a condition
 * (its flag `pregnant`, an alias) is refused too, with the id to write instead, so that a file
 * reads the same as the built-in data and a caution's condition is always a key of the catalog.
 */
function cautionProblems(catalog: Catalog, rec: Loaded<{ cautions: readonly unknown[] }>): Problem[] {
  const out: Problem[] = [];
  rec.value.cautions.forEach((raw, i) => {
    // A point the schema refused is checked as written: a caution with no condition text is the schema's to report.
    const c = raw as { condition?: unknown };
    if (typeof c !== 'object' || c === null || typeof c.condition !== 'string' || catalog.conditions.has(c.condition)) return;
    let meant: string | undefined;
    try {
      meant = lookup(catalog, c.condition, ['condition'])?.id;
    } catch (e) {
      // A name two conditions share: fall back to near ids. Anything else (a damaged data file) is not ours to hide.
      if (!(e instanceof UserError)) throw e;
    }
    const near = meant ? [meant] : suggest(c.condition, catalog.conditions.keys(), 3);
    const hint = near.length ? `; did you mean ${near.map((n) => quote(n)).join(', ')}?` : ' (see: acupress list conditions)';
    out.push(problemAt(rec, ['cautions', i, 'condition'], `unknown condition ${quote(c.condition)}${hint}`));
  });
  return out;
}

/** A point's names with the field each comes from (legacy codes come from the id). */
function pointNamesAt(p: Point): Array<[string, PropertyKey[]]> {
  return [
    [p.id, ['id']],
    ...legacyCodes(p.id).map((c): [string, PropertyKey[]] => [c, ['id']]),
    ...p.aliases.map((a, i): [string, PropertyKey[]] => [a, ['aliases', i]]),
    [p.pinyin, ['pinyin']],
    [p.english, ['english']],
  ];
}

/**
 * A routine whose id, alias or title is a point's or condition's name would shadow it: `check
 * LI4` would check the routine, `check Pregnancy` a routine titled so. Lookups match all three
 * (routineNames), and `owners` keys names as loosely as a lookup does, so what is refused here
 * is exactly what a lookup could confuse. Other routines' names are not refused: a copy of a
 * built-in routine may keep its aliases and title.
 */
export function routineNameProblems(catalog: Catalog, owners: NameOwners, rec: Loaded<{ id?: unknown; aliases?: unknown; title?: unknown }>): Problem[] {
  const out: Problem[] = [];
  const names: Array<[unknown, PropertyKey[]]> = [
    [rec.value.id, ['id']],
    ...(Array.isArray(rec.value.aliases) ? rec.value.aliases.map((a, i): [unknown, PropertyKey[]] => [a, ['aliases', i]]) : []),
    [rec.value.title, ['title']],
  ];
  for (const [name, path] of names) {
    if (typeof name !== 'string') continue;
    const other = owners.owners(name).find((r) => r.kind !== 'routine');
    if (other) out.push(problemAt(rec, path, `${quote(name)} already names ${describeRef(catalog, other)}; a routine cannot take the name of a point or condition`));
  }
  return out;
}

/** Every press step, and every point a massage step names, must be a known point; unknown ones get a "did you mean". */
export function checkReferences(catalog: Catalog, rec: Loaded<{ steps: readonly unknown[] }>): Problem[] {
  return checkRoutine(catalog, rec).problems;
}

/** How many unknown points a file's steps are told of one by one; the rest are counted in one more line. */
export const MAX_POINT_PROBLEMS = 50;

/**
 * Problems with the points that steps name, for parsed steps ({kind, point} and a massage's
 * points) or raw YAML ones ({press}, {massage, points}). A spelling the command line accepts
 * (hegu, li4, LV3) is answered with its code; anything else with the nearest codes. Each
 * spelling is looked up once, and past MAX_POINT_PROBLEMS one line counts the rest: a file of
 * 60,000 unknown presses took 50 s and 470 MB of suggestions nobody would read.
 */
export function pressProblems(catalog: Catalog, rec: Loaded<{ steps: readonly unknown[] }>): Problem[] {
  const problems: Problem[] = [];
  const said = new Map<string, string>();
  let more = 0;
  const message = (point: string): string => {
    let meant: string | undefined;
    try {
      const ref = lookup(catalog, point, ['point']);
      if (ref && ref.id !== point) meant = ref.id;
    } catch (e) {
      // Ambiguous (plain pinyin shared by two points): fall back to near codes. Anything else (a damaged data file) is not ours to hide.
      if (!(e instanceof UserError)) throw e;
    }
    const isCode = POINT_ID.test(point);
    // A name ("hegu": codes have digits, names none) is answered with the code and its pinyin,
    // so the answer explains itself; a code spelled otherwise ("gb20", "LV3") with the code.
    const label = meant && !/\d/.test(point) ? `${meant} (${catalog.points.get(meant)?.pinyin ?? meant})` : meant;
    const near = label ? [label] : suggest(point, catalog.points.keys(), 3);
    const hint = near.length ? `; did you mean ${near.join(', ')}?` : '';
    return isCode ? `unknown point ${quote(point)}${hint}` : `expected a point code in capitals such as LI4 or EX-HN3, got ${quote(point)}${hint}`;
  };
  const check = (point: unknown, path: PropertyKey[]) => {
    if (typeof point !== 'string' || catalog.points.has(point)) return;
    if (problems.length >= MAX_POINT_PROBLEMS) return void more++;
    let text = said.get(point);
    if (text === undefined) said.set(point, (text = message(point)));
    problems.push(problemAt(rec, path, text));
  };
  rec.value.steps.forEach((step, i) => {
    if (typeof step !== 'object' || step === null) return;
    const s = step as { kind?: unknown; point?: unknown; press?: unknown; massage?: unknown; points?: unknown };
    check(s.kind === 'press' ? s.point : s.press, ['steps', i, 'press']);
    if ((s.kind === 'massage' || s.massage !== undefined) && Array.isArray(s.points)) s.points.forEach((id, j) => check(id, ['steps', i, 'points', j]));
  });
  if (more > 0) problems.push(problemAt(rec, ['steps'], `and ${count(more, 'more step')} naming a point acupress does not know (only the first ${MAX_POINT_PROBLEMS} are listed)`));
  return problems;
}

/** pressProblems, plus the routine's planned length when it has no problems. */
function checkRoutine(catalog: Catalog, rec: Loaded<{ steps: readonly unknown[] }>): { problems: Problem[]; total_ms?: number } {
  const problems = pressProblems(catalog, rec);
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

/** A point file the schema refused, with what can still be told of it (see refusedPointProblems). */
export interface RefusedPoints { shown: string; raw: unknown; locate: (path: PropertyKey[]) => { line: number; col: number }; problems: Problem[] }

/**
 * The schema's problems of a point file, plus the cautions that name no known condition, so
 * `validate` shows both in one pass instead of the second only once the first are fixed.
 */
export function refusedPointProblems(catalog: Catalog, refused: RefusedPoints): Problem[] {
  const points = (refused.raw as { points?: unknown } | null)?.points;
  if (!Array.isArray(points)) return refused.problems;
  const said = new Set(refused.problems.map((p) => p.path));
  const more = points.flatMap((p, i) => {
    const cautions = (p as { cautions?: unknown } | null)?.cautions;
    if (!Array.isArray(cautions)) return [];
    const rec = { value: { cautions, origin: { source: 'user' as const, file: refused.shown } }, locate: (path: PropertyKey[]) => refused.locate(['points', i, ...path]), shown: refused.shown, prefix: ['points', i] };
    return cautionProblems(catalog, rec).filter((x) => !said.has(x.path));
  });
  return [...refused.problems, ...more].sort((a, b) => a.line - b.line || a.col - b.col);
}

