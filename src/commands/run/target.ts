// What `run` runs: a routine id, a point id (pressed alone with default timing), or a routine file.
import { resolve as resolvePath } from 'node:path';
import type { Catalog } from '../../model/catalog.js';
import { lookup, resolve, type Ref } from '../../core/resolve.js';
import type { Point, Routine } from '../../model/types.js';
import { UserError } from '../../model/errors.js';
import { quote } from '../../model/printable.js';
import { hasYamlExtension } from '../../store/yaml-name.js';

/** Does this look like a file path rather than an id? */
export function isPathLike(target: string): boolean {
  return target.includes('/') || target.includes('\\') || hasYamlExtension(target) || target.startsWith('.');
}

/** A one-step routine that presses a single point with the default timing. */
export function pointRoutine(p: Point): Routine {
  const none = undefined;
  return {
    id: p.id, title: `${p.id} ${p.pinyin} (${p.english})`, summary: p.location, aliases: [], tags: [],
    sources: p.sources.length ? p.sources : ['WHO Standard Acupuncture Point Locations in the Western Pacific Region, 2008'],
    contraindications: [], red_flags: [], tips: [], timing: {},
    steps: [{ kind: 'press', point: p.id, sides: none, locate: none, ramp: none, hold: none, release: none, rounds: none, cue: none, find: none }],
  };
}

/** Resolve a run or check target to a routine (`command` names it in errors). Files are validated like user data, against the catalog's points. */
export async function routineFor(catalog: Catalog, target: string, cwd: string, command: 'run' | 'check' | 'show' = 'run'): Promise<Routine> {
  if (isPathLike(target)) {
    if (!hasYamlExtension(target)) throw new UserError(`${command}: ${quote(target, 200)} is not a routine id, and as a file it should end in .yaml`);
    const { loadRoutineFile } = await import('./routine-file.js');
    return loadRoutineFile(catalog, resolvePath(cwd, target), cwd);
  }
  const ref = resolveTarget(catalog, target, command === 'show' ? 'run' : command);
  if (ref.kind === 'routine') return catalog.routines.get(ref.id)!;
  return pointRoutine(catalog.points.get(ref.id)!);
}

/**
 * Resolve a run or check target to a routine or point. A condition given there ("check
 * pregnant") is a usage error that names its flag, which is what the person meant.
 */
export function resolveTarget(catalog: Catalog, target: string, command: 'run' | 'check'): Ref {
  try {
    return resolve(catalog, target, ['routine', 'point']);
  } catch (e) {
    const cond = e instanceof UserError ? lookup(catalog, target, ['condition']) : undefined;
    const c = cond && catalog.conditions.get(cond.id);
    if (!c) throw e;
    const flag = c.flag ? `--${c.flag}` : `--condition ${c.id}`;
    throw new UserError(`${quote(target)} is a condition, not a routine or point: try acupress ${command} ${flag}`);
  }
}
