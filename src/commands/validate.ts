// `acupress validate <file...>`: check user-written routine or point files, printing every problem.
import { basename, dirname, resolve as resolvePath } from 'node:path';
import { loadBuiltin } from '../store/load-catalog.js';
import { checkReferences } from '../store/merge.js';
import { problemAt } from '../store/problem.js';
import { routineWarnings } from '../core/routine-warnings.js';
import type { Routine } from '../model/types.js';
import { pointFileSchema, routineSchema } from '../model/schema.js';
import { displayPath, readTextFile } from '../store/source-file.js';
import { checkYamlFile, formatProblem, type Problem } from '../store/yaml-load.js';
import { EXIT, UserError } from '../model/errors.js';
import type { Io } from '../model/io.js';
import { painter } from '../render/paint.js';
import { count } from '../render/text.js';
import { terminal } from '../render/terminal.js';
import type { Common } from './context.js';

export interface ValidateOptions extends Common {
  args?: [string[]];
}

/** Is this a point file (a top-level `points:` key, or in a points/ folder) rather than a routine? */
function isPointFile(path: string, text: string): boolean {
  if (/^points\s*:/m.test(text)) return true;
  if (/^steps\s*:/m.test(text)) return false;
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

/** Validate each file; exit 2 if any has a problem. */
export async function run(options: ValidateOptions, io: Io): Promise<number> {
  const files = options.args?.[0] ?? [];
  const c = await painter(terminal(io, options.color));
  const catalog = await loadBuiltin();
  const results: Array<{ file: string; ok: boolean; problems: Problem[]; warnings: Problem[] }> = [];
  for (const f of files) {
    const path = resolvePath(io.cwd, f);
    const shown = displayPath(path, io.cwd);
    let problems: Problem[] = [];
    let warnings: Problem[] = [];
    try {
      const text = readTextFile(path, shown);
      const wrongPlace = misplaced(path, text);
      if (wrongPlace) problems = [{ file: shown, line: 1, col: 1, path: '', message: wrongPlace }];
      else if (isPointFile(path, text)) {
        const r = checkYamlFile(path, pointFileSchema, shown);
        if (!r.ok) problems = r.problems;
      } else {
        const r = checkYamlFile(path, routineSchema, shown);
        if (!r.ok) problems = r.problems;
        else {
          const rec = { value: { ...r.value, origin: { source: 'user' as const, file: shown } }, locate: r.locate, shown };
          problems = checkReferences(catalog, rec);
          // Valid but blind to a safety check, or firmer than a point allows: say so, keep exit 0.
          if (problems.length === 0) warnings = routineWarnings(catalog, r.value as unknown as Routine).map((w) => problemAt(rec, w.path, `warning: ${w.message}`));
        }
      }
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      problems = [{ file: shown, line: 0, col: 0, path: '', message: e.message.replace(`${shown}: `, '') }];
    }
    results.push({ file: shown, ok: problems.length === 0, problems, warnings });
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    for (const r of results) {
      if (r.ok) io.stdout.write(`${c.ok('ok')}  ${r.file}\n`);
      for (const p of [...r.problems, ...r.warnings]) io.stderr.write(`${p.line ? formatProblem(p) : `${p.file}: ${p.message}`}\n`);
    }
    const bad = results.filter((r) => !r.ok);
    if (bad.length) io.stderr.write(`${count(bad.reduce((n, r) => n + r.problems.length, 0), 'problem')} in ${count(bad.length, 'file')}\n`);
    const warned = results.filter((r) => r.warnings.length);
    if (warned.length) io.stderr.write(`${count(warned.reduce((n, r) => n + r.warnings.length, 0), 'warning')} in ${count(warned.length, 'file')}\n`);
  }
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.usage;
}
