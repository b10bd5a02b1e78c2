// The lines a run opens with, so a person knows what is coming before the first cue: the title,
// the total time and rounds, and the points in order with their sides.
import type { Catalog } from '../model/catalog.js';
import { formatClock } from '../model/duration.js';
import type { Timeline } from '../model/timeline.js';
import type { Paint } from './style.js';
import { hang } from './text.js';
import { count } from '../core/text.js';
import { escapeHidden } from '../model/printable.js';

/**
 * "Headache relief · 7:35 · 29 phases · 3 rounds a side" and "Points: LI4 Hégǔ (left, right) → …",
 * wrapped to `width`. `ownMs`, the routine's own length when the run was adjusted to another, is
 * named beside the time: a title such as "Two-minute desk break" no longer says how long it is.
 */
export function runHeader(catalog: Catalog, timeline: Timeline, c: Paint, width: number, ownMs?: number): string {
  const rounds = Math.max(0, ...timeline.phases.map((p) => p.rounds ?? 0));
  const adjusted = ownMs !== undefined && Math.abs(ownMs - timeline.total_ms) >= 1_000 ? ` (adjusted from ${formatClock(ownMs)})` : '';
  const facts = [`${formatClock(timeline.total_ms)}${adjusted}`, count(timeline.phases.length, 'phase'), ...(rounds ? [`${count(rounds, 'round')} a side`] : [])];
  // Each press step once, with its sides in the order the run does them.
  const steps = new Map<number, { point: string; sides: string[] }>();
  for (const p of timeline.phases) {
    if (!p.point) continue;
    const s = steps.get(p.step) ?? { point: p.point, sides: [] };
    if (p.side && p.side !== 'center' && !s.sides.includes(p.side)) s.sides.push(p.side);
    steps.set(p.step, s);
  }
  const names = [...steps.values()].map(({ point, sides }) => {
    const pinyin = catalog.points.get(point)?.pinyin;
    return `${point}${pinyin ? ` ${pinyin}` : ''}${sides.length ? ` (${sides.join(', ')})` : ''}`;
  });
  const dot = ` ${c.g.dot} `;
  const lines = [hang(`${c.bold(escapeHidden(timeline.title))}${dot}${facts.join(dot)}`, width)];
  if (names.length) lines.push(hang(`Points: ${names.join(` ${c.g.right} `)}`, width));
  return lines.join('\n');
}
