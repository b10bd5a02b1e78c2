// Things in a user's routine that are valid but leave a safety check blind or contradict a
// point's own advice: `validate` prints them as warnings (the file still loads and runs).
import type { Catalog } from '../model/catalog.js';
import type { Routine } from '../model/types.js';
import { exceeds, pressureAsked } from './pressure-words.js';
import { areaOnlyRegions, GENERAL, massagePoints, massageRegions } from './safety.js';
import { routineNames } from './resolve.js';
import { normalizeKey, plural } from './text.js';

/** One warning: where in the routine (a field path) and what to do about it. */
export interface RoutineWarning {
  path: Array<string | number>;
  message: string;
}

/** The warnings for a routine whose points all exist (checked first by the loader). */
export function routineWarnings(catalog: Catalog, routine: Routine): RoutineWarning[] {
  const out: RoutineWarning[] = [];
  // A name another routine answers to makes both ambiguous: `run neck-pain` would ask which.
  // Names are compared as lookup compares them (case, accents, spaces and dashes aside).
  routine.aliases.forEach((alias, i) => {
    const key = normalizeKey(alias);
    const other = [...catalog.routines.values()].find((r) => r.id !== routine.id && routineNames(r).some((n) => normalizeKey(n) === key));
    if (other) out.push({ path: ['aliases', i], message: `"${alias}" is already a name of routine ${other.id}, so it would name neither; choose another` });
  });
  routine.steps.forEach((step, i) => {
    // A massage step's texts are read once here (a long area costs its length).
    const points = step.kind === 'press' ? [step.point] : step.kind === 'massage' ? massagePoints(step, catalog) : [];
    if (step.kind === 'massage' && step.regions.length === 0) {
      // Its points (named, or implied by the area, such as GB21 for the tops of the shoulders)
      // are still checked; rules about body regions (the belly in pregnancy, the legs with a clot) are not.
      const read = massageRegions(step);
      const blind = read.length
        ? `condition checks go by the body words of its area text (${read.join(', ')})${points.length ? ` and its ${plural(points.length, 'point')} ${points.join(', ')}` : ''}`
        : points.length
          ? `rules about body regions cannot see it (only its ${plural(points.length, 'point')} ${points.join(', ')} ${plural(points.length, 'is', 'are')} checked)`
          : 'condition checks cannot see it';
      out.push({
        path: ['steps', i],
        message: `this massage step names no region, so ${blind}; add region: with the body regions it covers (for example shoulder, neck, hand)`,
      });
    }
    if (step.kind === 'massage' && step.regions.length > 0) {
      // The area's body words count beside the regions it lists (a check considers both).
      const more = areaOnlyRegions(step);
      if (more.length > 0) {
        out.push({
          path: ['steps', i, 'area'],
          message: `the area text names ${more.join(', ')}, which region: does not list; checks go by both, so add ${plural(more.length, 'it', 'them')} to region: or reword the area`,
        });
      }
    }
    for (const id of points) {
      const never = catalog.points.get(id)?.cautions.find((c) => c.condition === GENERAL && c.level === 'avoid');
      if (never) out.push({ path: ['steps', i], message: `${id} is a point never to press yourself (${never.reason}); run refuses this step` });
    }
    // The one-side cue is spoken in place of the cue, so it is held to the same pressure.
    const cues: Array<['cue' | 'cue_one_side', string | undefined]> = step.kind === 'rest' ? [] : [['cue', step.cue], ...(step.kind === 'press' ? [['cue_one_side', step.cueOneSide] as ['cue_one_side', string | undefined]] : [])];
    for (const [key, cue] of cues) {
      const asked = cue ? pressureAsked(cue) : undefined;
      for (const id of points) {
        const p = catalog.points.get(id);
        if (p && exceeds(asked, p.pressure)) {
          out.push({ path: ['steps', i, key], message: `the ${key === 'cue' ? 'cue' : 'one-side cue'} asks for ${asked} pressure, more than ${id} allows (${p.pressure ?? 'moderate'}); ask for less` });
        }
      }
    }
  });
  return out;
}
