import type { Catalog } from '../model/catalog.js';
import type { EndEvent } from '../model/events.js';
import type { Timeline } from '../model/timeline.js';
import { formatClock } from '../model/duration.js';
import type { Finding } from '../core/safety.js';

/** The end-of-run summary: what was done, how long, and a reminder of any cautions. */
export function summary(catalog: Catalog, timeline: Timeline, end: EndEvent, started: readonly number[], findings: Finding[]): string {
  const worked = new Map<string, Set<string>>();
  for (const i of started) {
    const p = timeline.phases[i];
    if (!p?.point || !['ramp', 'hold', 'release'].includes(p.kind)) continue;
    const sides = worked.get(p.point) ?? new Set<string>();
    if (p.side && p.side !== 'center') sides.add(p.side);
    worked.set(p.point, sides);
  }
  const elapsed = formatClock(end.elapsed_ms ?? 0, 'down');
  const head = end.completed
    ? `Done: ${timeline.title}, ${elapsed}.`
    : `Stopped (${end.reason}${end.signal ? `, ${end.signal}` : ''}) after ${elapsed} of ${formatClock(timeline.total_ms)}: ${timeline.title}.`;
  const lines = [head];
  if (worked.size) {
    const names = [...worked].map(([id, sides]) => {
      const p = catalog.points.get(id);
      return `${id}${p ? ` ${p.pinyin}` : ''}${sides.size ? ` (${[...sides].join(', ')})` : ''}`;
    });
    lines.push(`Points worked: ${names.join('; ')}.`);
  }
  const cautions = [...new Set(findings.filter((f) => f.level === 'caution').map((f) => `${f.point ?? f.region}: ${f.reason}`))];
  if (cautions.length) lines.push(`Remember: ${cautions.slice(0, 3).join(' ')}`);
  if (end.completed) lines.push('Drink some water, and notice how you feel.');
  return lines.join('\n');
}
