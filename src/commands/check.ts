// `acupress check`: which points, regions or routines to avoid for a condition, and why.
import type { Catalog } from '../model/catalog.js';
import type { CheckReport } from '../model/json-schemas.js';
import type { Condition } from '../model/types.js';
import { EXIT } from '../model/errors.js';
import type { Io } from '../model/io.js';
import { painter } from '../render/paint.js';
import { fitWidth, terminal } from '../render/terminal.js';
import { DISCLAIMER } from '../render/disclaimer.js';
import { wrap } from '../render/text.js';
import { checkText } from '../render/check-text.js';
import { resolve as resolvePath } from 'node:path';
import { quote } from '../model/printable.js';
import { isPathLike, resolveTarget, routineFor } from './run/target.js';
import { pointFindings, recommendedNotes } from '../core/safety.js';
import { checkReport, checkRoutine, renamed, type Checked } from '../core/check-report.js';
import { activeConditions, catalogFor, writeJson, type Common } from './context.js';
import { withSkippedHint } from './skipped-hint.js';

export interface CheckOptions extends Common {
  args?: [string[]];
}

/** Resolve and check each target (a routine id, a point, or a routine file), then build the report; `named` as for checkReport. */
export async function buildReport(catalog: Catalog, targets: string[], conditions: Condition[], cwd: string, named: readonly string[] = []): Promise<{ report: CheckReport; checked: Checked[] }> {
  const checked: Checked[] = [];
  // A target named twice (LI4 and Hegu, LI4 a thousand times, a file by two paths) is checked and
  // said once: what it is, not how it was named, is its key.
  const seen = new Set<string>();
  const once = (key: string) => !seen.has(key) && Boolean(seen.add(key));
  const files = new Map<Checked, string>();
  for (const t of targets) {
    if (!isPathLike(t)) {
      const ref = resolveTarget(catalog, t, 'check');
      if (ref.kind === 'point') {
        const p = catalog.points.get(ref.id)!;
        if (once(`point ${p.id}`)) checked.push({ target: p.id, points: [p.id], findings: pointFindings(p, conditions, p.id), notes: recommendedNotes([p.id], conditions, p.id) });
        continue;
      }
    }
    const routine = await routineFor(catalog, t, cwd, 'check');
    if (!once(isPathLike(t) ? `file ${resolvePath(cwd, t)}` : `routine ${routine.id}`)) continue;
    checked.push(checkRoutine(catalog, routine, conditions));
    if (isPathLike(t)) files.set(checked.at(-1)!, t);
  }
  // A file keeping the id of another target (a copy of headache, changed, beside headache) is
  // checked too, and named by its id and its path: each verdict is its own.
  // The name is the key its verdict, findings and notes are grouped by, so each must be unique:
  // two long paths cut to the same quoted text are told apart by a number.
  const twice = new Set(checked.map((x) => x.target).filter((id, i, all) => all.indexOf(id) !== i));
  const taken = new Set(checked.filter((x) => !files.has(x) || !twice.has(x.target)).map((x) => x.target));
  const unique = checked.map((x) => {
    const path = files.get(x);
    if (path === undefined || !twice.has(x.target)) return x;
    const base = `${x.target} (${quote(path, 120)})`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
    taken.add(name);
    return renamed(x, name);
  });
  return { report: checkReport(catalog, unique, conditions, named), checked: unique };
}

/** `acupress check [target...]`; exit 1 when a target has something to avoid. */
export async function run(options: CheckOptions, io: Io): Promise<number> {
  const targets = options.args?.[0] ?? [];
  const catalog = await catalogFor(options, io);
  // The text says in the report which conditions count because another's advice says to read them.
  const active = await activeConditions(options, catalog, io, undefined, { readAlso: false });
  const { conditions } = active;
  // Only a condition nobody named is said to be in force because of another (not with blood-clot,bleeding).
  const named = [...active.flagged, ...active.saved].map((x) => x.id);
  const { report, checked } = await buildReport(catalog, targets, conditions, io.cwd, named).catch((e: unknown) => { throw withSkippedHint(e, catalog, targets); });
  if (options.json) {
    writeJson(io, report);
    return report.ok ? EXIT.ok : EXIT.safety;
  }
  const t = terminal(io, options.color);
  const c = await painter(t);
  const width = fitWidth(t, 100);
  const text = checkText(catalog, report, conditions, checked, c, width, t.glyphs.bullet);
  io.stdout.write(`${text}\n\n${c.dim(wrap(DISCLAIMER, width))}\n`);
  return report.ok ? EXIT.ok : EXIT.safety;
}
