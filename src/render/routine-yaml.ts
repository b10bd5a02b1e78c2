import { stringify } from 'yaml';
import type { Routine } from '../model/types.js';
import { formatDuration } from '../model/duration.js';

const d = (ms: number | undefined) => (ms === undefined ? undefined : formatDuration(ms));

/** A routine as YAML in the same format users write, durations as text: a starting point for your own. */
export function routineToYaml(r: Routine): string {
  const timing = Object.fromEntries(
    Object.entries(r.timing).map(([k, v]) => [k, k === 'rounds' ? v : d(v as number)]),
  );
  const steps = r.steps.map((s) => {
    if (s.kind === 'press') {
      return clean({ press: s.point, sides: s.sides, locate: d(s.locate), ramp: d(s.ramp), hold: d(s.hold), release: d(s.release), rounds: s.rounds, cue: s.cue, cue_one_side: s.cueOneSide, find: s.find });
    }
    if (s.kind === 'massage') return clean({ massage: s.area, region: s.regions.length === 0 ? undefined : s.regions.length === 1 ? s.regions[0] : s.regions, points: s.points.length ? s.points : undefined, motion: s.motion, duration: d(s.duration), cue: s.cue });
    return clean({ rest: d(s.duration), cue: s.cue });
  });
  const doc = clean({
    // No aliases: the built-in keeps its names, and a copy answering to them too would make each
    // one ambiguous ("neck-pain" could be either).
    id: r.id, title: r.title, summary: r.summary, tags: r.tags, sources: r.sources,
    evidence: r.evidence, contraindications: r.contraindications.length ? r.contraindications : undefined,
    red_flags: r.red_flags.length ? r.red_flags : undefined, tips: r.tips.length ? r.tips : undefined, timing, steps,
  });
  const names = r.aliases.length ? ` ${r.id} keeps its other names (${r.aliases.join(', ')}); add aliases: of your own if you want more.` : '';
  return `# Copied from acupress show ${r.id} --yaml. Change the id and title before saving it as your own routine.${names}\n${stringify(doc, { lineWidth: 0 })}`;
}

function clean<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
