// Loading YAML data directories (built-in at build time, user directories at run time).
// This module pulls in yaml and zod, so it is only imported when there is YAML to read.
import { readdirSync } from 'node:fs';
import { isYamlName } from './yaml-name.js';
import { join } from 'node:path';
import { conditionFileSchema, pointFileSchema, routineSchema } from '../model/schema.js';
import { checkYamlFile } from './yaml-load.js';
import type { Loaded, Problem } from './problem.js';
import { displayPath } from './source-file.js';
import type { Condition, Origin, Point, Routine } from '../model/types.js';


/** What one data directory holds, plus every problem found in it. */
export interface DirContents {
  points: Loaded<Point>[];
  routines: Loaded<Routine>[];
  conditions: Condition[];
  problems: Problem[];
}

/** The YAML files directly inside a folder, sorted so load order (and error order) is stable. */
export function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => isYamlName(e.name))
      .map((e) => join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

/** Load and validate points/, routines/ (and for built-in data, conditions.yaml) from a directory. */
export function loadDir(dir: string, source: Origin['source'], cwd: string, withConditions = false): DirContents {
  const out: DirContents = { points: [], routines: [], conditions: [], problems: [] };
  const shownFor = (file: string) => (source === 'builtin' ? displayPath(file, join(dir, '..')) : displayPath(file, cwd));
  for (const file of yamlFiles(join(dir, 'points'))) {
    const shown = shownFor(file);
    const r = checkYamlFile(file, pointFileSchema, shown);
    if (!r.ok) { out.problems.push(...r.problems); continue; }
    r.value.points.forEach((p, i) => out.points.push({
      value: { ...p, origin: { source, file: shown } },
      locate: (path) => r.locate(['points', i, ...path]),
      shown,
      prefix: ['points', i],
    }));
  }
  for (const file of yamlFiles(join(dir, 'routines'))) {
    const shown = shownFor(file);
    const r = checkYamlFile(file, routineSchema, shown);
    if (!r.ok) { out.problems.push(...r.problems); continue; }
    out.routines.push({ value: { ...r.value, origin: { source, file: shown } }, locate: r.locate, shown });
  }
  if (withConditions) {
    const file = join(dir, 'conditions.yaml');
    const r = checkYamlFile(file, conditionFileSchema, shownFor(file));
    if (!r.ok) out.problems.push(...r.problems);
    else out.conditions.push(...r.value.conditions);
  }
  return out;
}
