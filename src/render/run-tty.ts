// The live terminal view: a frame with the phase and its countdown, the instruction, progress
// and the keys, redrawn in place. Each frame is one string written in one call, inside
// synchronized-output mode (terminals without it ignore the mode), and it overwrites the last
// frame line by line instead of clearing it first, so no reader ever sees a blank frame. Job
// control: `suspend` hands the shell a clean terminal before the process stops, `resume` draws
// afresh after it runs again.
import type { Io } from '../model/io.js';
import type { RunEvent } from '../model/events.js';
import type { Phase, Timeline } from '../model/timeline.js';
import { formatClock } from '../model/duration.js';
import type { Paint } from './paint.js';
import { cautionLine, phaseColumns, phaseLine } from './phase-line.js';
import { layFigure, type FigureAt } from './run-figure.js';
import { pointDone } from './point-done.js';
import { workedSoFar, type RunProgress } from '../core/session-record.js';
import { pauseNote, pausedWords } from './run-plain.js';
import { terminal, LIVE_MIN, type Terminal } from './terminal.js';
import { truncate, width, wrap } from './text.js';
import { escapeHiddenText } from '../model/printable.js';

/** What the live view shows, computed purely from the latest events (and testable without a terminal). */
export interface View {
  index: number;
  remaining: number;
  elapsed: number;
  paused: boolean;
  /** The key help panel is open. */
  help: boolean;
  /** The run was paused because the panel opened (it goes on when the panel closes). */
  helpPaused?: boolean;
  /** Which spinner frame to show. */
  frame?: number;
}

/** One key of the live view, for the hint line and the help panel. */
export interface KeyHelp {
  /** What to press, as shown: "space", "s", "Ctrl-C". */
  key: string;
  /** Other keys that do the same, shown in the panel. */
  also?: string[];
  /** One word for the hint line ("pause"); keys without one appear only in the panel. */
  short?: string;
  /** The hint word while the run is paused, when it differs ("resume" for space). */
  shortPaused?: string;
  /** What it does in plain lines, when that differs (there `?` prints the keys, with nothing to hide). */
  plainWhat?: string;
  /** What it does, for the panel. */
  what: string;
}

/** The size the frame must fit. */
export interface FrameSize { columns: number; rows: number }

const SYNC_ON = '\x1b[?2026h';
const SYNC_OFF = '\x1b[?2026l';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';
const ERASE_LINE = '\x1b[K';
const ERASE_BELOW = '\x1b[J';
// Bracketed paste on: a paste arrives between markers, and the key reader ignores all of it
// (pasted text would otherwise be read as keys: a paste with a q in it would quit).
const PASTE_ON = '\x1b[?2004h';
const PASTE_OFF = '\x1b[?2004l';
/**
 * The spinner beats every 80 ms while the view runs; a gap this long between beats means the
 * process did not run (SIGSTOP, a debugger) or was starved.
 */
const STOP_GAP_MS = 250;
/** How long draws wait after such a gap, so that a pending SIGCONT is handled first. */
const STOP_SETTLE_MS = 50;

/** The time left in the run: this phase's remainder plus every later phase (right after a skip or a step back too). */
function timeLeft(t: Timeline, v: View): number {
  return v.remaining + t.phases.slice(v.index + 1).reduce((sum, x) => sum + x.duration_ms, 0);
}

/**
 * "space pause · s skip · b back · q quit · ? keys", with as many keys as fit, in the table's order.
 * Narrower, keys go from the least needed (back, skip, pause, then the help key); quit stays to the
 * last, so from 30 columns up the hint always says how to get out.
 */
function hintLine(keys: KeyHelp[], c: Paint, room: number, paused = false): string {
  // No key can be read (stdin is not a terminal): say so rather than promise any.
  if (keys.length === 0) return truncate(NO_KEYS, room, c.g.ellipsis);
  const shown = keys.filter((k) => k.short);
  // Paused, space resumes: the hint says what the key does now.
  const label = (k: KeyHelp) => `${k.key} ${(paused && k.shortPaused) || k.short}`;
  const sep = ` ${c.g.dot} `;
  // Which to drop first: back, skip, pause (the table's order backwards, quit and help aside), then help.
  const quit = shown.find((k) => k.short === 'quit');
  const help = shown.find((k) => k.key === '?');
  const drop = [...shown.filter((k) => k !== quit && k !== help).reverse(), ...(help ? [help] : [])];
  for (let n = 0; n <= drop.length; n++) {
    const gone = new Set(drop.slice(0, n));
    const line = shown.filter((k) => !gone.has(k)).map(label).join(sep);
    if (width(line) <= room) return line;
  }
  return truncate(quit ? label(quit) : '', room, c.g.ellipsis);
}

/** The hint line when no key can be read. */
export const NO_KEYS = 'keys off: stdin is not a terminal';

/**
 * The help panel in at most `max` lines: a heading (saying when the run waits for it) and every
 * key with what it does; without the heading when that does not fit; and where even that does not
 * fit, the keys packed several to a line with one word each ("space pause · s skip"), cut to `max`.
 */
export function panelLines(keys: KeyHelp[], room: number, c: Paint, max = Infinity, paused = false): string[] {
  const g = c.g;
  const label = (k: KeyHelp) => [k.key, ...(k.also ?? [])].join(' or ');
  const col = Math.min(Math.max(...keys.map((k) => width(label(k)))) + 2, Math.floor(room / 2));
  const rows = keys.map((k) => truncate(`${truncate(label(k), col - 2, g.ellipsis).padEnd(col)}${k.what}`, room, g.ellipsis));
  // The heading always says how to close the panel: the longest wording that fits.
  const headings = paused ? ['Keys (paused while this is open; ? goes on)', 'Keys (paused; ? goes on)', 'Keys (? goes on)'] : ['Keys (? closes)'];
  const heading = c.bold(truncate(headings.find((h) => width(h) <= room) ?? headings.at(-1)!, room, g.ellipsis));
  if (rows.length + 1 <= max) return [heading, ...rows];
  if (rows.length <= max) return rows;
  // One word a key: its hint word, or the first word of what it does ("suspend", "stop"); the
  // help key says it closes the panel, as the heading that gave way did.
  const word = (k: KeyHelp) => (k.key === '?' ? 'close' : k.short ?? k.what.split(/[\s;,(]/)[0]);
  // The help key first, so a panel cut to its rows still says how to close it.
  const words = [...keys.filter((k) => k.key === '?'), ...keys.filter((k) => k.key !== '?')].map((k) => `${k.key} ${word(k)}`);
  const packed: string[] = [];
  for (const w of words) {
    const last = packed.length ? `${packed[packed.length - 1]} ${g.dot} ${w}` : undefined;
    if (last !== undefined && width(last) <= room) packed[packed.length - 1] = last;
    else packed.push(truncate(w, room, g.ellipsis));
  }
  if (packed.length <= max) return packed;
  const cut = packed.slice(0, Math.max(0, max));
  if (cut.length) cut[cut.length - 1] = truncate(`${cut[cut.length - 1]} ${g.ellipsis}`, room, g.ellipsis);
  return cut;
}

/**
 * The frame's lines, each at most `size.columns - 1` wide (a line that fills the last column
 * leaves some terminals about to wrap, and erasing from there would eat its last character),
 * and at most `size.rows - 1` of them: the instruction gives way first, then the hint.
 */
export function frameLines(t: Timeline, v: View, c: Paint, size: FrameSize, keys: KeyHelp[], cautions: readonly string[] = []): string[] {
  const w = Math.max(10, size.columns - 1);
  const room = w - 2; // after the two-space indent
  const g = c.g;
  const p = t.phases[v.index]!;
  const style = c.kind[p.kind] ?? c.bold;
  const symbol = v.paused ? c.caution(g.paused) : style(g.spinner[(v.frame ?? 0) % g.spinner.length]!);
  const head = `${symbol} ${style(p.kind.toUpperCase())} ${c.bold(formatClock(v.remaining))}`;
  const paused = `  ${c.caution(pausedWords(g.dash))}`;
  const headLine = v.paused ? truncate(`${head}${paused}`, w, g.ellipsis) : truncate(head, w, g.ellipsis);

  const pointNo = p.point ? t.points.indexOf(p.point) + 1 : 0;
  const left = timeLeft(t, v);
  const where = [pointNo ? `point ${pointNo}/${t.points.length}` : '', p.round !== undefined ? `round ${p.round}/${p.rounds}` : '', `${formatClock(left)} left`]
    .filter(Boolean).join(` ${g.dot} `);
  const oneLine = room - 1 - width(where) >= 10;
  const barWidth = oneLine ? Math.min(30, room - 1 - width(where)) : Math.min(30, room);
  const done = Math.max(0, Math.min(barWidth, Math.round((Math.max(0, t.total_ms - left) / t.total_ms) * barWidth)));
  const bar = `${c.ok(g.barDone.repeat(done))}${c.dim(g.barTodo.repeat(barWidth - done))}`;
  const progress = oneLine ? [`  ${bar} ${c.dim(where)}`] : [`  ${bar}`, `  ${c.dim(truncate(where, room, g.ellipsis))}`];

  const body = wrap(escapeHiddenText(p.text), room).split('\n').map((l) => `  ${l}`);
  const max = Math.max(LIVE_MIN.rows, size.rows) - 1;
  if (v.help) {
    // The panel was asked for: the instruction gives way first (to one line, then none), then
    // the progress, then the panel packs its keys tighter; the head line, with the time and the
    // pause, always stays.
    const full = panelLines(keys, room, c, Infinity, v.helpPaused);
    const avail = max - 1;
    const bodyRoom = avail - progress.length - full.length;
    const prog = bodyRoom >= 0 ? progress : [];
    const panel = (bodyRoom >= 0 ? full : panelLines(keys, room, c, avail, v.helpPaused)).map((l) => `  ${l}`);
    const text = bodyRoom <= 0 ? [] : body.length > bodyRoom ? [...body.slice(0, bodyRoom - 1), `  ${truncate(`${body[bodyRoom - 1]!.slice(2)} ${g.ellipsis}`, room, g.ellipsis)}`] : body;
    return [headLine, ...text, ...prog, ...panel];
  }
  let keysLines = [`  ${c.dim(hintLine(keys, c, room, v.paused))}`];
  // The step's cautions, under its instruction: what to take care with while pressing this point.
  // They stay while the instruction gives way; only where even one line of it leaves no room are they cut.
  let warned = cautions.flatMap((l) => wrap(`${g.warn} ${l}`, room - 2, '  ', room).split('\n'));
  // Fit the height: the instruction shrinks to one line, then the hint goes, then the panel is cut.
  const fixed = 1 + progress.length;
  let bodyRoom = max - fixed - warned.length - keysLines.length;
  if (bodyRoom < 1) keysLines = [];
  bodyRoom = Math.max(1, max - fixed - warned.length - keysLines.length);
  const warnRoom = Math.max(1, max - fixed - bodyRoom);
  if (warned.length > warnRoom) warned = [...warned.slice(0, warnRoom - 1), truncate(`${warned[warnRoom - 1]!} ${g.ellipsis}`, room, g.ellipsis)];
  const shown = body.length > bodyRoom ? [...body.slice(0, bodyRoom - 1), `  ${truncate(`${body[bodyRoom - 1]!.slice(2)} ${g.ellipsis}`, room, g.ellipsis)}`] : body;
  return [headLine, ...shown, ...warned.map((l) => `  ${c.caution(l)}`), ...progress, ...keysLines];
}

/** Render the view as one block of text at a width (for tests and the first frame). */
export function viewText(t: Timeline, v: View, c: Paint, columns: number, keys: KeyHelp[] = [], rows = 50): string {
  return frameLines(t, v, c, { columns, rows }, keys).join('\n');
}

/** What ttySink needs besides the terminal. */
export interface TtyOptions {
  /** The keys a run understands, for the hint line and the help panel. */
  keys: KeyHelp[];
  /** A point's name to print beside its code when it is finished ("Hégǔ"). */
  pointName(id: string): string | undefined;
  /** A phase's figure (finding a point), drawn beside or below the frame when the terminal has room. */
  figure?: (index: number) => FigureAt | undefined;
  /** Animate the spinner: call `fn` every `ms` until the returned function is called. None: a still spinner. */
  every?(ms: number, fn: () => void): () => void;
  /** What the run has done so far (the scheduler's ran-through and cut-short phases), for the finished points' lines; without it none are printed. */
  progress?(): RunProgress;
  /**
   * Lines printed just above the view (red flags, tips, the header): until the first hold the
   * frame takes only the rows under them, so they stay on screen while the point is found.
   */
  keepAbove?: number;
  /** Of those, the run's header (printed last, just above the view): its rows. */
  headerRows?: number;
  /** A phase's cautions for its step ("With pregnancy: use only light pressure …"), shown under its instruction. */
  cautions?: (index: number) => string[];
}

/**
 * The live sink. Returns the event handler, `toggleHelp`, `note` (print a line above the frame)
 * and `stop`, which erases the frame and always leaves the cursor visible. When the terminal is
 * resized below the live view's minimum (or to no size at all), it prints plain lines instead,
 * and draws frames again once the terminal is big enough.
 */
export function ttySink(io: Io, t: Timeline, c: Paint, term: Terminal, o: TtyOptions) {
  const view: View = { index: 0, remaining: t.phases[0]!.duration_ms, elapsed: 0, paused: false, help: false, frame: 0 };
  let size: Terminal = term;
  let drawn = 0; // lines of the frame now on screen
  let hidden = false;
  const finished: string[] = []; // the lines printed for finished points, newest last
  const printed = new Map<string, string>(); // each point's latest finished line
  let stopped = false;
  let begun = false; // the run's start event has come: frames may be drawn
  let suspended = false; // between suspend() and resume(): the shell has the terminal
  let pasteOn = false;
  // After a SIGSTOP the old frame lies above the shell's lines ("Stopped", "fg"), and a draw
  // before the SIGCONT handler has told the view (resume) would move up over those lines and
  // erase them. Timers that fell due while the process was stopped can fire before that handler,
  // so for a moment after a gap in the spinner's beat, draws wait (see settle below).
  // Only an animated view beats (`every`), on the run's clock.
  const now = () => (o.every ? io.clock.now() : 0);
  let beat = now();
  let settling: unknown;
  const held: string[] = [];

  const hintWidth = Math.max(width(hintLine(o.keys, c, Infinity)), width(hintLine(o.keys, c, Infinity, true)));
  /** The frame of view `v` in `rows`, with the width its text was wrapped to and whether the figure is in it. */
  const layout = (v: View, rows: number) => {
    const columns = size.columns!;
    const figure = o.figure?.(v.index);
    const said = o.cautions?.(v.index);
    if (!figure) return { frame: frameLines(t, v, c, { columns, rows }, o.keys, said), textColumns: columns, figure: false };
    // The frame's lines stop short of the last column (see frameLines), so the figure's must too.
    // Beside the figure the text keeps room for the whole hint line (after its two-space indent).
    const laid = layFigure((w) => frameLines(t, v, c, { columns: w + 1, rows }, o.keys, said).join('\n'), figure, columns - 1, rows, hintWidth + 2);
    return { frame: laid.frame.split('\n'), textColumns: laid.textColumns + 1, figure: laid.figure };
  };
  /**
   * Does phase `index` show in `rows` all it shows on a screen of its own: every line of its text
   * and the key hint (frameLines cuts them to fit, so a cut frame is a shorter one), and a figure
   * when the whole screen has one (a smaller figure is fine)?
   */
  const whole = (index: number, rows: number) => {
    const v: View = { ...view, index, remaining: t.phases[index]!.duration_ms };
    const laid = layout(v, rows);
    const said = o.cautions?.(index);
    const uncut = frameLines(t, v, c, { columns: laid.textColumns, rows: Infinity }, o.keys, said).length;
    if (frameLines(t, v, c, { columns: laid.textColumns, rows }, o.keys, said).length < uncut) return false;
    return laid.figure || !layout(v, size.rows!).figure;
  };

  // Rows kept for the notes above, until the first hold begins (or the screen is cleared).
  let keep = o.keepAbove ?? 0;
  const firstHold = t.phases.findIndex((p) => p.kind === 'hold');
  const release = firstHold >= 0 ? firstHold : 1;
  // The notes stay on screen only beside a view that loses nothing to them: each phase until
  // the first hold with its whole text and its figure (see whole). Otherwise the run should wait
  // for them to be read, then give the view the whole screen (see notesCut below).
  const notesCut = keep > 0 && size.live === true && (size.rows! - keep < LIVE_MIN.rows
    || !t.phases.slice(0, release).every((_, i) => whole(i, size.rows! - keep)));
  const rowsNow = () => (keep > 0 ? Math.max(LIVE_MIN.rows, size.rows! - keep) : size.rows!);

  const write = (s: string) => io.stdout.write(s);
  const up = () => (drawn > 1 ? `\x1b[${drawn - 1}A\r` : drawn === 1 ? '\r' : '');
  const lines = () => layout(view, rowsNow()).frame;

  /** Draw the frame, with `above` printed over it first; one write. */
  const draw = (above: string[] = []) => {
    if (stopped) return;
    // Nothing is drawn before the run starts (the notes may be held on screen until a key, and
    // a stop meanwhile sets the spinner's settling draw going): lines wait for the first frame.
    if (!begun) {
      held.push(...above);
      return;
    }
    if (suspended || settling !== undefined || now() - beat > STOP_GAP_MS) {
      // Not now: the shell has the terminal, or the process may have just run again after a
      // stop. Keep the lines for later, never lose them.
      held.push(...above);
      if (!suspended) settle();
      return;
    }
    const pending = held.splice(0);
    above = [...pending, ...above];
    if (!size.live) {
      for (const l of above) write(`${l}\n`);
      return;
    }
    const frame = lines();
    let s = SYNC_ON + (hidden ? '' : HIDE_CURSOR) + (pasteOn ? '' : PASTE_ON) + up();
    hidden = true;
    pasteOn = true;
    for (const l of above) s += `${l}${ERASE_LINE}\n`;
    s += frame.map((l) => `${l}${ERASE_LINE}`).join('\n') + ERASE_BELOW + SYNC_OFF;
    write(s);
    drawn = frame.length;
  };

  /** Draw after STOP_SETTLE_MS, by which time a SIGCONT that was pending has been handled. */
  const settle = () => {
    if (settling !== undefined) return;
    settling = io.clock.setTimeout(() => {
      settling = undefined;
      beat = now();
      draw();
    }, STOP_SETTLE_MS);
  };

  /** Erase the frame (cursor back where it began). */
  const erase = () => {
    if (drawn > 0) write(`${up()}${ERASE_BELOW}`);
    drawn = 0;
  };

  const plainWidth = () => (size.columns === undefined ? Infinity : size.columns);
  // Too small for the frame: plain lines, a step's cautions under its first (as plainSink says them).
  let plainStep: number | undefined;
  const plainCols = phaseColumns(t);
  const plainPhase = (p: Phase) => {
    write(`${phaseLine(p, c, plainWidth(), plainCols)}\n`);
    if (p.step !== plainStep) for (const l of o.cautions?.(p.index) ?? []) write(`${cautionLine(l, c, plainWidth(), plainCols)}\n`);
    plainStep = p.step;
  };

  // The terminal re-flows the old frame when it narrows, so its height on screen is unknown:
  // clear the screen and draw afresh at the new size, with the latest finished points above.
  const onResize = () => {
    const was = size.live;
    // Only the size can change; colour and the character set stay as the run began.
    size = { ...terminal(io), color: term.color, unicode: term.unicode, glyphs: term.glyphs };
    if (!begun) return; // nothing drawn yet: the first frame is drawn at the new size
    if (size.live) {
      keep = 0; // the screen is cleared: the notes are gone from it either way
      const frame = lines();
      const room = Math.max(0, (size.rows ?? 0) - 1 - frame.length);
      drawn = 0;
      write(`${SYNC_ON}\x1b[2J\x1b[H${SYNC_OFF}`);
      draw(room ? finished.slice(-room).map((l) => truncate(l, size.columns! - 1, c.g.ellipsis)) : []);
    } else if (was) {
      erase();
      write(SHOW_CURSOR);
      hidden = false;
      plainPhase(t.phases[view.index]!);
    }
  };
  io.stdout.on?.('resize', onResize);

  const stopSpin = o.every?.(80, () => {
    const at = now();
    const gap = at - beat;
    beat = at;
    if (gap > STOP_GAP_MS) return settle();
    if (view.paused || !size.live) return;
    view.frame = (view.frame ?? 0) + 1;
    draw();
  });

  /**
   * The line for a point once all its phases are behind: "✔ LI4 Hégǔ, left and right", as the
   * summary counts it (see pointsWorked and workedSoFar: a point skipped before its hold gets none). A point gone
   * back to and worked again gets a line again only when it says something new.
   */
  const sidesSoFar = workedSoFar(t);
  const finish = (prev: Phase) => {
    if (!prev.point || !o.progress) return;
    const id = prev.point;
    const { full, part } = sidesSoFar(o.progress(), id);
    if (!full && !part) return;
    const line = pointDone(id, o.pointName(id), full, part, c);
    if (printed.get(id) === line) return;
    printed.set(id, line);
    finished.push(line);
    return size.live ? truncate(line, size.columns! - 1, c.g.ellipsis) : line;
  };

  // The first frame waits for the run's start event: whatever is printed before the run (its
  // header, notes) must be above the frame, not under it.
  const handle = (ev: RunEvent) => {
    const above: string[] = [];
    if (ev.type === 'start') {
      begun = true;
      draw();
      return;
    }
    if (ev.type === 'phase') {
      const prev = t.phases[view.index]!;
      // Moving on from a point's last phase (not stepping back): it is finished.
      if (ev.index > view.index && prev.point && t.phases[ev.index]?.point !== prev.point) {
        const line = finish(prev);
        if (line) above.push(line);
      }
      view.index = ev.index;
      // The first hold (or, in a routine without one, the second phase): the notes above have had
      // their time, and the view gets its full height.
      if (ev.index >= release) keep = 0;
      view.remaining = ev.duration_ms;
      view.elapsed = ev.elapsed_ms ?? view.elapsed;
      if (!size.live) {
        for (const l of above) write(`${l}\n`);
        plainPhase(t.phases[ev.index]!);
        return;
      }
    } else if (ev.type === 'tick') {
      view.remaining = ev.remaining_ms;
      view.elapsed = ev.elapsed_ms;
    } else if (ev.type === 'pause' || ev.type === 'resume') {
      view.paused = ev.type === 'pause';
      // Notes too long to stay beside a whole view were read while the run waited: going on, the
      // view takes the whole screen (the notes scroll up), not cut lines and no figure.
      if (ev.type === 'resume' && notesCut) keep = 0;
      const note = pauseNote(ev, c.g.dash);
      if (!size.live && note) write(`${c.dim(note)}\n`);
    } else if (ev.type === 'end') {
      const last = t.phases[view.index]!;
      if (ev.completed && last.point) {
        const line = finish(last);
        if (line) {
          erase();
          write(`${line}\n`);
        }
      }
      return;
    } else return;
    draw(above);
  };

  return {
    handle,
    /**
     * The notes above cannot stay on screen beside a whole view (each phase until the first hold
     * with all its text, and its figure): the run should wait (paused) for the person to read
     * them, scrolling back if need be, or (--yes) let the view take the whole screen at once.
     */
    notesCut,
    /** Let the view take the whole screen now (notes too long to keep, and a run that does not wait for them). */
    releaseNotes() {
      keep = 0;
      // The whole-screen frame pushes the header above it up: if only its last lines would stay
      // in sight (one row, "  GB20 Fengchi (both)", at 60x20), blank rows above the frame push it
      // off the screen whole, into the scrollback with the notes.
      const shown = size.live && begun && !stopped ? size.rows! - lines().length : 0;
      draw(shown > 0 && shown < (o.headerRows ?? 0) ? Array<string>(shown).fill('') : []);
    },
    /** Open or close the key help panel (`pausedForHelp`: the run waits for it, and the panel says so); true when now open. */
    toggleHelp(pausedForHelp = false): boolean {
      view.help = !view.help;
      view.helpPaused = view.help && pausedForHelp;
      draw();
      return view.help;
    },
    /** Print a message above the frame (or as a plain line), without breaking the frame. */
    note(text: string) {
      draw([size.columns ? wrap(text, size.columns - 1) : text]);
    },
    /** Before the process stops (Ctrl-Z): erase the frame and give the shell its terminal back (cursor shown, paste mode off). */
    suspend() {
      if (stopped || suspended) return;
      erase();
      suspended = true;
      if (pasteOn) write(PASTE_OFF);
      if (hidden) write(SHOW_CURSOR);
      hidden = false;
      pasteOn = false;
    },
    /**
     * After the process runs again: the shell has written below where the frame was, so draw it
     * afresh there. After a stop we could not see coming (SIGSTOP) the old frame is still on screen
     * above the shell's lines: forget it rather than erase it, since erasing would take the shell's
     * lines instead; and the shell may have reset the terminal's modes, so set them again.
     * The frame is drawn once things settle, not at once: continued in the background (`kill
     * -CONT`), the handler stops on raw mode until `fg`, whose own SIGCONT then comes right after
     * it; drawn at each, the second frame landed below the first, a stale copy left on screen.
     */
    resume() {
      if (stopped) return;
      suspended = false;
      drawn = 0;
      hidden = false;
      pasteOn = false;
      if (settling !== undefined) io.clock.clearTimeout(settling);
      settling = undefined;
      beat = now();
      settle();
    },
    /** Erase the frame, show the cursor, stop listening; safe to call twice. */
    stop() {
      if (stopped) return;
      stopSpin?.();
      if (settling !== undefined) io.clock.clearTimeout(settling);
      settling = undefined;
      io.stdout.off?.('resize', onResize);
      for (const l of held.splice(0)) {
        // Lines still held (a finished point's) are printed, not lost.
        erase();
        write(`${l}\n`);
      }
      erase();
      stopped = true;
      if (pasteOn) write(PASTE_OFF);
      if (hidden) write(SHOW_CURSOR);
    },
  };
}
