import type { Out } from '../model/io.js';
import type { RunEvent } from '../model/events.js';
import type { Timeline } from '../model/timeline.js';
import { formatClock } from '../model/duration.js';
import type { Paint } from './paint.js';
import { cautionLine, phaseColumns, phaseLine } from './phase-line.js';

/**
 * Plain output: one line per phase as it starts (with its step's cautions, `cautions`, under the
 * step's first), and pause, resume and stall notes (the run's header comes before, from
 * run-header.ts). `quiet` keeps only the phase lines and the cautions. `width` is the
 * terminal's (lines wrap to it) or Infinity for a pipe or file.
 */
export function plainSink(out: Out, timeline: Timeline, c: Paint, quiet = false, width = Infinity, cautions?: (index: number) => string[]): (ev: RunEvent) => void {
  // A step's cautions are said under its first phase line, and again when the run comes back to
  // the step from another (b), not under each of its phases.
  let step: number | undefined;
  const cols = phaseColumns(timeline);
  return (ev) => {
    if (ev.type === 'phase') {
      const p = timeline.phases[ev.index]!;
      out.write(`${phaseLine(p, c, width, cols)}\n`);
      if (p.step !== step) for (const l of cautions?.(ev.index) ?? []) out.write(`${cautionLine(l, c, width, cols)}\n`);
      step = p.step;
    } else if (quiet) return;
    else {
      const note = pauseNote(ev, c.g.dash);
      if (note) out.write(`${c.dim(note)}\n`);
    }
  };
}

/**
 * How a paused run says so, everywhere: the live view's head line, plain lines, and the note
 * after `fg`. One wording, so a person learns it once. `dash` is the terminal's (— or -).
 */
export function pausedWords(dash = '—'): string {
  return `PAUSED ${dash} space resumes`;
}

/**
 * The plain line for a pause or resume event, or undefined for other events and for the start
 * of a stall (a stall is reported once it is over, when its length is known):
 * `PAUSED — space resumes (at 0:41)`, `PAUSED — space resumes (at 0:41, suspended)`, `resumed`,
 * `stalled for 0:06 at 0:41; going on from there`.
 */
export function pauseNote(ev: RunEvent, dash = '—'): string | undefined {
  if (ev.type === 'pause' && ev.reason !== 'stall') return `${pausedWords(dash)} (at ${formatClock(ev.elapsed_ms)}${ev.reason === 'suspend' ? ', suspended' : ''})`;
  // The stall's length to the nearest second (formatClock rounds up, which suits countdowns).
  if (ev.type === 'resume' && ev.reason === 'stall') return `stalled for ${formatClock(Math.round(ev.paused_ms / 1000) * 1000)} at ${formatClock(ev.elapsed_ms)}; going on from there`;
  if (ev.type === 'resume') return 'resumed';
  return undefined;
}
