// `acupress validate <file...>`: check user-written routine or point files, printing every
// problem of every file in one pass: YAML syntax, the schema, and what needs the rest of the
// data (unknown points, duplicate ids, names that would shadow a point or condition).
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { loadBuiltin, loadCatalog } from '../store/load-catalog.js';
import { mergeInto, refusedPointProblems, refusedRoutineProblems } from '../store/merge.js';
import { barePointProblem, problemAt } from '../store/problem.js';
import { routineWarnings } from '../core/routine-warnings.js';
import { pointFileSchema, routineSchema } from '../model/schema.js';
import { dataPath, displayPath, readTextFile } from '../store/source-file.js';
import { checkYamlText, formatProblem, type Checked, type Problem } from '../store/yaml-load.js';
import { configDir, home } from '../store/paths.js';
import { nameOwners } from '../core/resolve.js';
import { EXIT, UserError } from '../model/errors.js';
import type { Catalog } from '../model/catalog.js';
import type { Io } from '../model/io.js';
import type { Routine } from '../model/types.js';
import { untrusted } from '../model/printable.js';
import { painter } from '../render/paint.js';
import { count } from '../core/text.js';
import { terminal } from '../render/terminal.js';
import { writeJson, type Common } from './context.js';

export interface ValidateOptions extends Common {
  args?: [string[]];
}

/** Is this a point file (a top-level `points:` key, or in a points/ folder) rather than a routine? */
function isPointFile(path: string, text: string): boolean {
  if (/^points\s*:/m.test(text)) return true;
  if (/^steps\s*:/m.test(text)) return false;
  // One point written without its `points:` list: checked as a point file, which says so in one line.
  if (/^(pinyin|meridian|laterality|location)\s*:/m.test(text)) return true;
  return basename(dirname(path)) === 'points';
}

/** A routine saved among the points (or the reverse) deserves one clear line, not one per key. */
function misplaced(path: string, text: string): string | undefined {
  const folder = basename(dirname(path));
  if (folder === 'points' && /^steps\s*:/m.test(text) && !/^points\s*:/m.test(text)) {
    return 'expected a point file (a list under "points:"), but this looks like a routine; move it to routines/';
  }
  if (folder === 'routines' && /^points\s*:/m.test(text)) {
    return 'expected a routine, but this looks like a point file; move it to points/';
  }
  return undefined;
}

/**
 * One file given: its text when it could be read, its problems, and (for a valid routine) its
 * warnings and notes (a note says what the file does that is allowed but easy to miss).
 */
type Read = { path: string; shown: string; text?: string; problems: Problem[]; warnings: Problem[]; notes?: Problem[] };

/** Validate each file; exit 2 if any has a problem. */
export async function run(options: ValidateOptions, io: Io): Promise<number> {
  const files = options.args?.[0] ?? [];
  const c = await painter(terminal(io, options.color));
  const reads: Read[] = files.map((f) => readOne(resolvePath(io.cwd, f), io.cwd));
  const catalog = await referenceCatalog(options, io, new Set(reads.map((r) => r.path)));
  // Point files first, so routines given alongside them may press their points.
  const points = reads.filter((r) => r.text !== undefined && isPointFile(r.path, r.text));
  for (const r of points) r.problems = checkPoints(catalog, r);
  for (const r of reads) if (r.text !== undefined && !points.includes(r)) r.problems = withPointsHint(checkRoutine(catalog, r), io);
  const results = reads.map((r) => ({ file: r.shown, ok: r.problems.length === 0, problems: r.problems, warnings: r.warnings, notes: r.notes ?? [] }));
  if (options.json) {
    writeJson(io, results);
  } else {
    for (const r of results) {
      if (r.ok) io.stdout.write(`${c.ok('ok')}  ${untrusted(r.file, 300)}\n`);
      // Problems first, then warnings, then notes: what stops the file loading leads.
      for (const p of [...r.problems, ...r.warnings, ...r.notes]) io.stderr.write(`${formatProblem(p)}\n`);
    }
    const bad = results.filter((r) => !r.ok);
    if (bad.length) io.stderr.write(`${count(bad.reduce((n, r) => n + r.problems.length, 0), 'problem')} in ${count(bad.length, 'file')}\n`);
    const warned = results.filter((r) => r.warnings.length);
    if (warned.length) io.stderr.write(`${count(warned.reduce((n, r) => n + r.warnings.length, 0), 'warning')} in ${count(warned.length, 'file')}\n`);
  }
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.usage;
}

/**
 * An unknown point with no near code may be one of the user's own, kept where validate did not
 * look: the first such line of a file says where your own points are read from, and about --data.
 */
function withPointsHint(problems: Problem[], io: Io): Problem[] {
  const i = problems.findIndex((p) => /^unknown point "[^"]+"$/.test(p.message));
  if (i < 0) return problems;
  const dir = configDir(io.env);
  const where = dir ? `${dataPath(join(dir, 'points'), home(io.env))}/ or ` : '';
  const out = [...problems];
  out[i] = { ...out[i]!, message: `${out[i]!.message} (your own points are read from ${where}--data <dir>/points/: add --data <dir>, or name the point file too)` };
  return out;
}

/** Read one file, or say in one problem why it cannot be read (or sits in the wrong folder). */
function readOne(path: string, cwd: string): Read {
  const shown = displayPath(path, cwd);
  try {
    const text = readTextFile(path, shown);
    const wrongPlace = misplaced(path, text);
    if (wrongPlace) return { path, shown, problems: [{ file: shown, line: 1, col: 1, path: '', message: wrongPlace }], warnings: [] };
    return { path, shown, text, problems: [], warnings: [] };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const label = untrusted(shown, 300);
    const message = e.message.startsWith(`${label}: `) ? e.message.slice(label.length + 2) : e.message;
    return { path, shown, problems: [{ file: shown, line: 0, col: 0, path: '', message }], warnings: [] };
  }
}

/**
 * What references are checked against: the built-in data plus the user's own points (from their
 * data directories, leaving out the files being validated, which are checked in their place).
 */
async function referenceCatalog(options: ValidateOptions, io: Io, given: Set<string>): Promise<Catalog> {
  const catalog = await loadBuiltin();
  let user: Catalog;
  try {
    user = await loadCatalog({ env: io.env, cwd: io.cwd, data: options.data });
  } catch {
    return catalog; // A missing --data directory: check against the built-in data alone.
  }
  const h = home(io.env);
  for (const p of user.points.values()) {
    if (p.origin.source !== 'user') continue;
    // Data files are shown as ~/… under HOME (dataPath); back to the absolute path.
    const abs = p.origin.file.startsWith('~/') && h ? resolvePath(h, p.origin.file.slice(2)) : p.origin.file;
    if (!given.has(abs)) catalog.points.set(p.id, p);
  }
  return catalog;
}

/** Every problem of a point file: schema, then duplicates, built-in codes and names already taken. */
function checkPoints(catalog: Catalog, r: Read): Problem[] {
  const checked = checkYamlText(r.text!, r.shown, pointFileSchema);
  if (!checked.ok) {
    const bare = barePointProblem(r.shown, checked.raw);
    if (bare) return [bare];
    // What needs the rest of the data (a caution for no known condition) is said in the same pass.
    return checked.locate && checked.raw !== undefined ? refusedPointProblems(catalog, { shown: r.shown, raw: checked.raw, locate: checked.locate, problems: checked.problems }) : checked.problems;
  }
  const contents = {
    points: checked.value.points.map((p, i) => ({
      value: { ...p, origin: { source: 'user' as const, file: r.shown } },
      locate: (path: PropertyKey[]) => checked.locate(['points', i, ...path]),
      shown: r.shown,
      prefix: ['points', i],
    })),
    routines: [], conditions: [], problems: [],
  };
  return mergeInto(catalog, contents, { checkNames: true });
}

/**
 * Every problem of a routine file. A file that fails the schema is still checked for what can
 * be: the points its steps press and names that would shadow others, so one pass shows all.
 */
function checkRoutine(catalog: Catalog, r: Read): Problem[] {
  const checked: Checked<Routine> = checkYamlText(r.text!, r.shown, routineSchema);
  if (checked.ok) {
    const rec = { value: { ...checked.value, origin: { source: 'user' as const, file: r.shown } }, locate: checked.locate, shown: r.shown };
    const builtin = catalog.routines.get(checked.value.id)?.origin.source === 'builtin';
    const problems = mergeInto(catalog, { points: [], routines: [rec], conditions: [], problems: [] }, { checkNames: true });
    // Allowed, but easy to miss: the file takes a built-in routine's place wherever its id is used.
    if (builtin && problems.length === 0) {
      r.notes = [problemAt(rec, ['id'], `note: replaces the built-in routine "${checked.value.id}": run, list, show and check use this file instead, once it is among your routines (give it an id of its own to keep both)`)];
    }
    // Blind to a safety check, or firmer than a point allows: say so (exit 0 when that is all).
    // Said beside the file's problems too, after them, so that fixing those brings no surprise.
    r.warnings = routineWarnings(catalog, checked.value).map((w) => problemAt(rec, w.path, `warning: ${w.message}`));
    return problems;
  }
  if (!checked.locate || checked.raw === undefined) return checked.problems;
  return refusedRoutineProblems(catalog, { shown: r.shown, raw: checked.raw, locate: checked.locate, problems: checked.problems }, nameOwners(catalog));
}
