// Loading YAML data directories (built-in at build time, user directories at run time).
// This module pulls in yaml and zod, so it is only imported when there is YAML to read.
// Each file stands alone: one that cannot be read or does not validate adds its problems and
// no records, and every other file still loads.
import { readdirSync } from 'node:fs';
import { isYamlName } from './yaml-name.js';
import { join } from 'node:path';
import { UserError } from '../model/errors.js';
import { builtinPointFileSchema, conditionFileSchema, pointFileSchema, routineSchema } from '../model/schema.js';
import { checkYamlText, type Checked } from './yaml-load.js';
import { barePointProblem, UNNAMEABLE, type Loaded, type Problem } from './problem.js';
import { displayPath, nameFromBytes, readTextFile } from './source-file.js';
import { fsReason, isSystemError } from './fs-reason.js';
import type { Condition, Origin, Point, Routine } from '../model/types.js';
import { isIdWord } from '../model/skipped-file.js';
import type { ZodType } from 'zod';

/**
 * A routine file the schema refused but whose YAML parsed: its schema problems, and the raw
 * value, so the merge can still check what needs the catalog (a press of "hegu" is answered with
 * "did you mean LI4", as validate answers it).
 */
export interface RefusedRoutine {
  shown: string;
  raw: unknown;
  locate: (path: PropertyKey[]) => { line: number; col: number };
  problems: Problem[];
}

/** What one data directory holds, plus every problem found in it. */
export interface DirContents {
  points: Loaded<Point>[];
  routines: Loaded<Routine>[];
  conditions: Condition[];
  problems: Problem[];
  /** Routine files the schema refused; the merge words their problems (see RefusedRoutine). */
  refused?: RefusedRoutine[];
  /**
   * The id each routine file gives itself, by the file as shown, where it could be read: so a
   * file skipped for a problem can still be found by that id (load-user.ts, SkippedFile).
   */
  ids?: Map<string, string>;
}

/** The YAML files directly inside a folder (sorted, so load and error order are stable), and the entries that cannot be read as files. */
export function yamlFiles(dir: string, shown: (path: string) => string = (p) => p): { files: string[]; problems: Problem[] } {
  const files: string[] = [];
  const problems: Problem[] = [];
  let names: Buffer[];
  try {
    // As bytes: a name that is not UTF-8 would otherwise be replaced, and then "not found".
    names = readdirSync(dir, { encoding: 'buffer' });
  } catch (e) {
    if (!isSystemError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') problems.push({ file: shown(dir), line: 0, col: 0, path: '', message: `cannot read this folder: ${fsReason(e)}` });
    return { files, problems };
  }
  for (const bytes of names) {
    // The extension and a leading dot are ASCII, so they can be tested on the raw bytes.
    const ascii = bytes.toString('latin1');
    if (!isYamlName(ascii)) continue;
    const { name, shown: printable } = nameFromBytes(bytes);
    if (name === undefined) {
      problems.push({ file: shown(join(dir, printable)), line: 0, col: 0, path: '', message: UNNAMEABLE });
    } else files.push(join(dir, name));
  }
  return { files: files.sort(), problems };
}

/**
 * Read and check one file, turning a refusal to read it (directory, binary, too big …) into a
 * problem. The text comes back too (when it could be read), for ownId.
 */
function checkFile<T>(file: string, schema: ZodType<T>, shown: string): Checked<T> & { text?: string } {
  let text: string;
  try {
    text = readTextFile(file, shown);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const message = e.message.startsWith(`${shown}: `) ? e.message.slice(shown.length + 2) : e.message;
    return { ok: false, problems: [{ file: shown, line: 0, col: 0, path: '', message }] };
  }
  return { ...checkYamlText(text, shown, schema), text };
}

/**
 * The id a routine file that did not load gives itself: its `id` when the YAML parsed, else an
 * `id:` line read as plain text (the YAML did not parse, but the person may well name the
 * routine by it). Only a plain word: it is shown in an error, and the cache keeps it.
 */
function ownId(raw: unknown, text: string | undefined): string | undefined {
  const parsed = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const id = typeof parsed === 'string' ? parsed.trim() : text === undefined ? undefined : /^id:[ \t]*["']?([^"'#\s]+)/m.exec(text)?.[1];
  return isIdWord(id) ? id : undefined;
}

/**
 * Load and validate points/, routines/ (and for built-in data, conditions.yaml) from a
 * directory. `show` gives the path printed for a file and kept as each record's origin
 * (default: relative to `cwd`).
 */
export function loadDir(dir: string, source: Origin['source'], cwd: string, withConditions = false, show?: (path: string) => string): DirContents {
  const out: DirContents = { points: [], routines: [], conditions: [], problems: [], refused: [], ids: new Map() };
  const shownFor = show ?? ((file: string) => (source === 'builtin' ? displayPath(file, join(dir, '..')) : displayPath(file, cwd)));
  const points = yamlFiles(join(dir, 'points'), shownFor);
  out.problems.push(...points.problems);
  for (const file of points.files) {
    const shown = shownFor(file);
    const r = checkFile<{ points: Point[] }>(file, source === 'builtin' ? builtinPointFileSchema : pointFileSchema, shown);
    if (!r.ok) {
      const bare = barePointProblem(shown, r.raw);
      out.problems.push(...(bare ? [bare] : r.problems));
      continue;
    }
    r.value.points.forEach((p, i) => out.points.push({
      value: { ...p, origin: { source, file: shown } },
      locate: (path) => r.locate(['points', i, ...path]),
      shown,
      prefix: ['points', i],
    }));
  }
  const routines = yamlFiles(join(dir, 'routines'), shownFor);
  out.problems.push(...routines.problems);
  for (const file of routines.files) {
    const shown = shownFor(file);
    const r = checkFile(file, routineSchema, shown);
    if (!r.ok) {
      const id = ownId(r.raw, r.text);
      if (id !== undefined) out.ids!.set(shown, id);
      if (r.locate && r.raw !== undefined) out.refused!.push({ shown, raw: r.raw, locate: r.locate, problems: r.problems });
      else out.problems.push(...r.problems);
      continue;
    }
    out.ids!.set(shown, r.value.id);
    out.routines.push({ value: { ...r.value, origin: { source, file: shown } }, locate: r.locate, shown });
  }
  if (withConditions) {
    const file = join(dir, 'conditions.yaml');
    const r = checkFile(file, conditionFileSchema, shownFor(file));
    if (!r.ok) out.problems.push(...r.problems);
    else out.conditions.push(...r.value.conditions);
  }
  return out;
}
