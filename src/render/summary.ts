import type { Catalog } from '../model/catalog.js';
import type { EndEvent } from '../model/events.js';
import type { Timeline } from '../model/timeline.js';
import { formatClock } from '../model/duration.js';
import { findingPlace, type Finding } from '../core/safety.js';
import { pointsWorked, sidesWorked, type RunProgress } from '../core/session-record.js';
import { workedPhrase } from './point-done.js';
import { wrap } from './text.js';
import { escapeHidden } from '../model/printable.js';

/**
 * The end-of-run summary: what was done, how long, each point worked (once, with its sides, those
 * whose hold was cut short "partly"; see pointsWorked), and a reminder of any cautions. Wrapped to
 * `width` columns (Infinity: one line per paragraph).
 */
export function summary(catalog: Catalog, timeline: Timeline, end: EndEvent, progress: RunProgress, findings: Finding[], width = Infinity): string {
  const sidesOf = sidesWorked(pointsWorked(timeline, progress));
  const worked = timeline.points.filter((id) => {
    const { full, part } = sidesOf(id);
    return full || part;
  });
  const elapsed = formatClock(end.elapsed_ms ?? 0, 'down');
  const title = escapeHidden(timeline.title);
  const head = end.completed
    ? `Done: ${title}, ${elapsed}.`
    : end.reason === 'done'
    ? `Skipped to the end: ${title}, ${elapsed} of ${formatClock(timeline.total_ms)}, not counted as completed (a hold or massage was skipped).`
    : `Stopped (${end.reason}${end.signal ? `, ${end.signal}` : ''}) after ${elapsed} of ${formatClock(timeline.total_ms)}: ${title}.`;
  const lines = [head];
  if (worked.length) {
    const names = worked.map((id) => {
      const { full, part } = sidesOf(id);
      return workedPhrase(id, catalog.points.get(id)?.pinyin, full, part);
    });
    lines.push(`Points worked: ${names.join('; ')}.`);
  }
  const cautions = [...new Set(findings.filter((f) => f.level === 'caution').map((f) => `${f.point ?? f.region ?? findingPlace(f)}: ${f.reason}`))];
  if (cautions.length) lines.push(`Remember: ${cautions.slice(0, 3).join(' ')}`);
  if (end.completed) lines.push('Drink some water, and notice how you feel.');
  return lines.map((l) => wrap(l, width)).join('\n');
}
