import type { Out } from '../model/io.js';
import type { RunEvent } from '../model/events.js';
import type { Timeline } from '../model/timeline.js';
import { formatClock } from '../model/duration.js';
import type { Paint } from './paint.js';
import { phaseLine } from './phase-line.js';

/**
 * Plain output: one line per phase as it starts, and pause/resume notes (the run's header comes
 * before, from run-header.ts). `quiet` keeps only phase lines. `width` is the terminal's (lines
 * wrap to it) or Infinity for a pipe or file.
 */
export function plainSink(out: Out, timeline: Timeline, c: Paint, quiet = false, width = Infinity): (ev: RunEvent) => void {
  return (ev) => {
    if (ev.type === 'phase') out.write(`${phaseLine(timeline.phases[ev.index]!, c, width)}\n`);
    else if (quiet) return;
    else if (ev.type === 'pause') out.write(`${c.dim(`paused at ${formatClock(ev.elapsed_ms)}`)}\n`);
    else if (ev.type === 'resume') out.write(`${c.dim('resumed')}\n`);
  };
}
