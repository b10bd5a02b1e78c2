// The live terminal view: an ora spinner carrying the instruction, a countdown and progress.
import type { Io } from '../model/io.js';
import type { RunEvent } from '../model/events.js';
import type { Timeline } from '../model/timeline.js';
import { formatClock } from '../model/duration.js';
import type { Paint } from './paint.js';
import { phaseWhere } from './phase-line.js';
import { frameWithFigure, type FigureAt } from './run-figure.js';
import { wrap } from './text.js';
import { terminalColumns, type Terminal } from './terminal.js';


/** What the live view shows, computed purely from the latest events (and testable without ora). */
export interface View {
  index: number;
  remaining: number;
  elapsed: number;
  paused: boolean;
  help: boolean;
}

const KEYS = 'space pause · s skip · b back · q quit · ? keys';

/** Render the view as the spinner's text, wrapped to the terminal width. */
export function viewText(t: Timeline, v: View, c: Paint, columns: number): string {
  const p = t.phases[v.index]!;
  const kind = (c.kind[p.kind] ?? c.bold)(p.kind.toUpperCase());
  const head = `${kind} ${c.bold(formatClock(v.remaining))}${v.paused ? c.caution('  ⏸ PAUSED — press space to resume') : ''}`;
  const body = wrap(p.text, columns - 4, '  ');
  const pointNo = p.point ? t.points.indexOf(p.point) + 1 : 0;
  // What is left is this phase's remainder plus every later phase: right after a skip or a
  // step back too, when active time and the plan no longer line up.
  const left = v.remaining + t.phases.slice(v.index + 1).reduce((sum, x) => sum + x.duration_ms, 0);
  const where = [pointNo ? `point ${pointNo}/${t.points.length}` : '', p.round !== undefined ? `round ${p.round}/${p.rounds}` : '', `${formatClock(left)} left`]
    .filter(Boolean).join(' · ');
  const barWidth = Math.max(10, Math.min(30, columns - where.length - 8));
  const done = Math.round((Math.max(0, t.total_ms - left) / t.total_ms) * barWidth);
  const bar = `${c.ok('█'.repeat(done))}${c.dim('░'.repeat(barWidth - done))}`;
  const lines = [head, `  ${body}`, `  ${bar} ${c.dim(where)}`];
  if (v.help) lines.push(c.dim(`  ${KEYS}`));
  return lines.join('\n');
}

/**
 * The TTY sink. Returns the event handler and a `stop` that always leaves the terminal clean.
 * `figure(index)` draws a phase's figure (finding a point), shown when the terminal has room.
 */
export async function ttySink(io: Io, t: Timeline, c: Paint, term: Terminal, figure?: (index: number) => FigureAt | undefined) {
  const { default: ora } = await import('ora');
  // ora's own colour and symbols would ignore NO_COLOR and the locale: it gets ours.
  const spinner = ora({ stream: io.stdout as NodeJS.WritableStream, discardStdin: false, hideCursor: true, color: term.color ? 'cyan' : false, spinner: { frames: [...c.g.spinner], interval: 80 }, isEnabled: true });
  const view: View = { index: 0, remaining: t.phases[0]!.duration_ms, elapsed: 0, paused: false, help: true };
  const cols = () => terminalColumns(io).columns ?? term.columns ?? 80;
  const frame = () => frameWithFigure((w) => viewText(t, view, c, w), figure?.(view.index), cols(), io.stdout.rows || term.rows);
  const draw = () => {
    spinner.text = frame();
  };
  // The terminal re-flows the old frame when it narrows, so it no longer has the height ora
  // will erase; clearing the screen and drawing afresh at the new width is the only clean way.
  const onResize = () => {
    spinner.clear();
    io.stdout.write('\x1b[2J\x1b[H');
    draw();
  };
  io.stdout.on?.('resize', onResize);
  spinner.start(frame());
  const handle = (ev: RunEvent) => {
    if (ev.type === 'phase') {
      const prev = t.phases[view.index]!;
      if (ev.index > 0 && prev.kind === 'release' && prev.point && t.phases[ev.index]?.point !== prev.point) {
        spinner.stopAndPersist({ symbol: c.ok(c.g.tick), text: `${prev.point} ${c.dim(phaseWhere({ ...prev, round: undefined }))}` });
        spinner.start();
      }
      view.index = ev.index;
      view.remaining = ev.duration_ms;
      view.elapsed = ev.elapsed_ms ?? view.elapsed;
    } else if (ev.type === 'tick') {
      view.remaining = ev.remaining_ms;
      view.elapsed = ev.elapsed_ms;
    } else if (ev.type === 'pause' || ev.type === 'resume') {
      view.paused = ev.type === 'pause';
    }
    if (ev.type !== 'end' && ev.type !== 'start') draw();
  };
  return {
    handle,
    toggleHelp() {
      view.help = !view.help;
      draw();
    },
    stop() {
      io.stdout.off?.('resize', onResize);
      spinner.stop();
      io.stdout.write('\x1b[?25h');
    },
  };
}
