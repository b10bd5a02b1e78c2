// Problems in data files, and how they are worded. Free of yaml and zod, so the cached
// fast path can report and merge without loading either.
import { UserError } from '../model/errors.js';
import type { WithOrigin } from '../model/types.js';
import type { SkippedFile } from '../model/skipped-file.js';
import { isYamlName } from './yaml-name.js';
import { cut, escapeHidden, quote } from '../model/printable.js';
import { count } from '../core/text.js';

/** One problem in a file, already worded for the user. Line 0: about the whole file (unreadable, binary …). */
export type Problem = { file: string; line: number; col: number; path: string; message: string };

type Pos = { line: number; col: number };
/**
 * A record with where it came from and a way to point at its fields. `prefix` is its path
 * within the file (points[3] for a point), so messages name the full field path.
 */
export type Loaded<T> = { value: WithOrigin<T>; locate: (path: PropertyKey[]) => Pos; shown: string; prefix?: PropertyKey[] };

/** Render a problem as the one line users see: `file:line:col path: message`, never with raw control characters. */
export function formatProblem(p: Problem): string {
  const file = cut(p.file, 300);
  const where = p.line > 0 ? `${file}:${p.line}:${p.col}` : file;
  return escapeHidden(`${where}${p.path ? ` ${p.path}` : ''}: ${p.message}`);
}

/**
 * What is said of a file whose name is not valid UTF-8 text or holds control characters. Such a
 * file cannot be named on a command line as shown (the escaped name is not its name), so its
 * warning asks for a rename rather than pointing to `acupress validate`.
 */
export const UNNAMEABLE = 'the file name is not valid UTF-8 text or holds control characters; rename the file';

/**
 * One warning line per skipped file, for problems found in the user's data directories: the
 * first problem in full, how many more, and the command that lists them all.
 */
export function skipWarnings(problems: readonly Problem[]): string[] {
  return byFile(problems).map(([file, [first, ...rest]]) => {
    const more = rest.length ? `and ${count(rest.length, 'more problem')}; ` : '';
    if (first!.message === UNNAMEABLE && rest.length === 0) return `warning: skipped ${formatProblem(first!)}`;
    return `warning: skipped ${formatProblem(first!)} (${more}see: acupress validate ${shellWord(file)})`;
  });
}

/**
 * The files skipWarnings warns about, in its order, as data: each YAML file, named as its warning
 * names it (cut and escaped alike), with the id it gives itself from `ids` (shown path → id). A
 * folder that could not be listed is no file of a name.
 */
export function skippedFiles(problems: readonly Problem[], ids: ReadonlyMap<string, string>): SkippedFile[] {
  return byFile(problems).filter(([file]) => isYamlName(file.slice(file.lastIndexOf('/') + 1))).map(([file]) => {
    const id = ids.get(file);
    const shown = escapeHidden(cut(file, 300));
    return id === undefined ? { file: shown } : { file: shown, id };
  });
}

/** Problems grouped by file, files in code-unit order and each file's problems in reading order. */
function byFile(problems: readonly Problem[]): [string, Problem[]][] {
  const out = new Map<string, Problem[]>();
  for (const p of [...problems].sort((x, y) => x.line - y.line || x.col - y.col)) {
    const list = out.get(p.file);
    if (list) list.push(p);
    else out.set(p.file, [p]);
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A path as a shell word a user can paste: quoted when it holds anything but safe characters. */
export function shellWord(path: string): string {
  if (/^[\w./~:@%+=,-]+$/.test(path)) return path;
  // "~/" must stay outside the quotes for the shell to expand it.
  const [head, rest] = path.startsWith('~/') ? ['~/', path.slice(2)] : ['', path];
  return `${head}'${rest.replace(/'/g, "'\\''")}'`;
}

/** Format a zod path as users write it: steps[2].hold. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      // A key that is not a plain word is quoted, so the path stays readable and on one line.
      const key = /^[A-Za-z_][\w-]*$/.test(String(part)) ? String(part) : quote(String(part));
      out += out ? `.${key}` : key;
    }
  }
  return out;
}

/** One UserError for a list of problems: the first in full, then a count of the rest. */
export function problemsError(problems: readonly Problem[]): UserError {
  const [first, ...rest] = problems;
  const more = rest.length ? ` (and ${count(rest.length, 'more problem')}; run acupress validate)` : '';
  return new UserError(`${formatProblem(first!)}${more}`);
}

/** A problem anchored at a field of a loaded record. */
export function problemAt<T>(rec: Loaded<T>, path: PropertyKey[], message: string): Problem {
  return { file: rec.shown, ...rec.locate(path), path: formatPath([...(rec.prefix ?? []), ...path]), message };
}

/**
 * One point written at the top level (`id: XN1`, `pinyin: …`) instead of in a list under
 * `points:`: one line that says so, rather than a problem for every key. Undefined otherwise.
 */
export function barePointProblem(shown: string, raw: unknown): Problem | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || 'points' in raw || !('id' in raw)) return undefined;
  return { file: shown, line: 1, col: 1, path: '', message: 'expected a points file: put the point under "points:" (a first line "points:", then "  - id: …" with the other fields indented under it)' };
}
