import type { Io } from '../model/io.js';
import { escapeHidden, escapeJsonHidden } from '../model/printable.js';
import { phaseEvent } from '../core/scheduler.js';
import type { Timeline } from '../model/timeline.js';
import { formatClock } from '../model/duration.js';
import type { Paint } from './paint.js';
import { cautionLine, phaseColumns, phaseLine } from './phase-line.js';
import { hang } from './text.js';
import { count } from '../core/text.js';
import type { StartFacts } from './run-json.js';
import { cautionLines, type StepCaution } from '../core/step-cautions.js';


/**
 * Print a plan without running it: NDJSON events (no ticks, no elapsed), the start event with
 * the same safety `facts` a real run's carries (conditions applied, steps skipped), or a readable
 * table fitted to `width`. A step's `cautions` (by step index) are where a run shows them: on each
 * of its phase events, and under its first phase line.
 */
export function printPlan(io: Io, timeline: Timeline, json: boolean, c: Paint, width = Infinity, facts: StartFacts = {}, cautions: ReadonlyMap<number, StepCaution[]> = new Map()): void {
  if (json) {
    const lines = [
      { type: 'start', routine: timeline.routine, title: timeline.title, total_ms: timeline.total_ms, phases: timeline.phases.length, ...facts },
      ...timeline.phases.map((p) => {
        const said = cautions.get(p.step);
        return said?.length ? { ...phaseEvent(p), cautions: said } : phaseEvent(p);
      }),
      { type: 'end', completed: true, reason: 'done' },
    ];
    io.stdout.write(lines.map((l) => escapeJsonHidden(JSON.stringify(l))).join('\n') + '\n');
    return;
  }
  const dot = ` ${c.g.dot} `;
  const out = [hang(`${c.bold(escapeHidden(timeline.title))}${dot}${count(timeline.phases.length, 'phase')}${dot}${formatClock(timeline.total_ms)} in all (dry run)`, width)];
  const cols = phaseColumns(timeline);
  let step: number | undefined;
  for (const p of timeline.phases) {
    out.push(phaseLine(p, c, width, cols));
    if (p.step !== step) for (const l of cautionLines(cautions.get(p.step) ?? [])) out.push(cautionLine(l, c, width, cols));
    step = p.step;
  }
  out.push(`${formatClock(timeline.total_ms).padStart(cols.clock)}  ${c.bold('end')}`);
  io.stdout.write(`${out.join('\n')}\n`);
}
