// The live part of `run`: every output is a sink of the scheduler's event stream.
import type { Catalog } from '../../model/catalog.js';
import { EXIT, ExitError } from '../../model/errors.js';
import type { Io } from '../../model/io.js';
import type { Paint } from '../../render/paint.js';
import { fitWidth, type Terminal } from '../../render/terminal.js';
import type { TtyOptions } from '../../render/run-tty.js';
import type { FigureAt } from '../../render/run-figure.js';
import { rowsOf, wrap } from '../../render/text.js';
import { jsonSink, type StartFacts } from '../../render/run-json.js';
import { pausedWords, plainSink } from '../../render/run-plain.js';
import { runHeader } from '../../render/run-header.js';
import { summary } from '../../render/summary.js';
import type { Finding } from '../../core/safety.js';
import type { EndEvent, RunEvent } from '../../model/events.js';
import { startRun, type Run } from '../../core/runner.js';
import { pointsWorked, type RunProgress } from '../../core/session-record.js';
import { cautionLines, cautionsByStep } from '../../core/step-cautions.js';
import type { Timeline } from '../../model/timeline.js';

/** The gap between the two rings of the end bell, in ms. */
const END_BELL_GAP_MS = 400;
/**
 * The longest a finished run speaks its "done", in ms, after the summary and the session log:
 * long enough for espeak-ng to say a long title, short enough that a slow or stuck speech
 * command never keeps the process from exiting.
 */
export const DONE_WORDS_MS = 3_000;

/** The run flags that shape the live output. */
export interface LiveOptions {
  json?: boolean; plain?: boolean; quiet?: boolean; bell?: boolean; voice?: boolean;
  /** How many lines were printed just before the run (warnings, the first-run answer): the live view keeps them on screen. */
  above?: number;
  /**
   * The notes before the run (red flags, cautions, advice, tips), for the live view to print above
   * itself: where they cannot stay beside it, a screenful at a time, waiting for a key (notes-hold.ts).
   */
  notes?: string;
  /** --yes: never wait for a person, not even for the notes to be read. */
  yes?: boolean;
  /** The routine's own length, when the run was adjusted to another (the header names both). */
  ownMs?: number;
  /** What `--json`'s start event adds: the conditions applied, the steps skipped for them. */
  start?: StartFacts;
}

/** Called once when the run has ended, however it ended, with what it did (the session log writes its record here). */
export type OnEnd = (end: EndEvent, progress: RunProgress & { readonly started: readonly number[] }) => void;

/**
 * Run a planned timeline live: renderers and cues as sinks, keys in a terminal, signals, and the
 * summary. The live view draws only where `term` says it can (a sized, capable terminal);
 * anywhere else the run prints plain lines. `onEnd` runs once the run has ended, however it
 * ended, before an interrupted run throws.
 */
export async function live(io: Io, catalog: Catalog, timeline: Timeline, findings: Finding[], o: LiveOptions, c: Paint, term: Terminal, warnMs?: number, onEnd?: OnEnd): Promise<number> {
  const mode = o.json ? 'json' : o.plain || o.quiet || !term.live ? 'plain' : 'tty';
  // A person at a terminal hears the bell by default, in the live view or (dumb or small terminal) plain lines.
  const bell = o.bell ?? (mode === 'tty' || (mode === 'plain' && term.tty && !o.plain && !o.quiet));
  // Keys work wherever a person watches with a terminal on stdin: the live view, or plain lines in
  // a terminal (a dumb or small one, or --plain and --quiet; there `?` prints the keys). Unread,
  // the terminal would echo them into the lines. With stdin not a terminal (`< /dev/null`, a
  // pipe) no key can be read: the view promises none, and nothing waits for one.
  const readsKeys = Boolean(io.stdin.isTTY);
  const watched = mode === 'tty' || (mode === 'plain' && term.tty && readsKeys);
  const keys = watched && readsKeys ? (await import('../../render/run-keys.js')).keyHelp(c.g) : [];
  const sinks: Array<(ev: RunEvent) => void> = [];
  let tty: ReturnType<typeof import('../../render/run-tty.js').ttySink> | undefined;
  // The end event says which points the run worked, from the run's state as it ends.
  // Each step's cautions go with its phases (the notes before the run may be long gone by then).
  const byStep = cautionsByStep(findings);
  const stepCautions = (index: number) => byStep.get(timeline.phases[index]?.step ?? -1);
  const cautionText = (index: number) => cautionLines(stepCautions(index) ?? []);
  if (mode === 'json') sinks.push(jsonSink(io.stdout, o.start, () => pointsWorked(timeline, started?.state ?? { ranThrough: [], cutShort: [] }), stepCautions));
  else if (mode === 'plain') sinks.push(plainSink(io.stdout, timeline, c, o.quiet, fitWidth(term), cautionText));
  else {
    const { ttySink } = await import('../../render/run-tty.js');
    const headerRows = o.quiet ? 0 : rowsOf(`${runHeader(catalog, timeline, c, fitWidth(term), o.ownMs)}\n`, term.columns ?? Infinity);
    tty = ttySink(io, timeline, c, term, {
      keys,
      // The notes and the run's header, which is printed below them (its lines and a newline).
      keepAbove: o.quiet ? 0 : (o.above ?? 0) + (o.notes ? rowsOf(o.notes, term.columns ?? Infinity) : 0) + headerRows,
      headerRows,
      figure: await locateFigures(catalog, timeline, c, term),
      pointName: (id) => catalog.points.get(id)?.pinyin,
      cautions: cautionText,
      // The run's state as it emits each event (set before its events go out; none before the run starts).
      progress: () => started?.state ?? { ranThrough: [], cutShort: [] },
      // The spinner turns on a plain timer, unref'd: the run's clock is for cues, and spins to be exact.
      every: (ms, fn) => {
        const timer = setInterval(fn, ms);
        timer.unref?.();
        return () => clearInterval(timer);
      },
    });
    sinks.push(tty.handle);
  }
  // Notes that cannot stay beside the view (notesCut) are read before the run begins, held a
  // screenful at a time until a key; with --yes, or no keys to read, they are printed and the view
  // takes the screen at once (the notes above in the scrollback).
  let read = false;
  if (o.notes !== undefined) {
    if (tty?.notesCut && readsKeys && !o.yes) {
      const { holdNotes } = await import('./notes-hold.js');
      const end = await holdNotes(io, o.notes, { rows: term.rows!, columns: term.columns!, above: o.above ?? 0, c });
      if (!end.go) {
        tty.stop();
        // Nothing ran, so nothing is logged: left here, as at the first-run question, it is no session.
        if (!end.signal) io.stdout.write('Nothing run.\n');
        else if (end.signal !== 'SIGPIPE') throw new ExitError(end.signal === 'SIGTERM' ? EXIT.sigterm : end.signal === 'SIGHUP' ? EXIT.sighup : EXIT.sigint);
        return EXIT.ok;
      }
      read = true;
    } else io.stdout.write(o.notes);
  }
  // Job control goes in before anything is drawn (see job-control.ts): the live view clears its
  // frame and shows the cursor before it stops. Where nothing is drawn and keys are not read, the
  // default SIGTSTP stops the process and the scheduler counts the gap as a stall.
  const control = watched ? (await import('./job-control.js')).liveControl(io, { keys: readsKeys }) : undefined;
  // Messages during the live view go above its frame, not through it.
  const say = (m: string) => (tty ? tty.note(m) : io.stderr.write(`${m}\n`));
  // The bell is a cue like speech: one more sink, rung at every phase change, and twice at the
  // end of a completed run (a second ring 400 ms later), so the end sounds unlike a phase.
  if (bell && mode !== 'json') {
    sinks.push((ev) => {
      if (ev.type === 'phase') io.stdout.write('\x07');
      if (ev.type === 'end' && ev.completed) {
        io.stdout.write('\x07');
        io.clock.setTimeout(() => io.stdout.write('\x07'), END_BELL_GAP_MS);
      }
    });
  }
  let voice: { say(t: string): void; finish(t: string, ms: number): Promise<void>; stop(): Promise<void> } | undefined;
  let spoken: typeof import('../../core/spoken-cue.js').spokenCue | undefined;
  if (o.voice) {
    const { findEngine, speaker } = await import('../../render/voice.js');
    const engine = findEngine(io.platform, io.env);
    if (!engine) say('voice: no speech engine found (say, espeak-ng, espeak or spd-say); continuing without speech');
    else voice = speaker(engine, say, io.env, io.clock);
    ({ spokenCue: spoken } = await import('../../core/spoken-cue.js'));
  }
  if (voice || warnMs !== undefined) {
    sinks.push((ev) => {
      // A cue longer than its phase would be cut off by the next: it is said in a form that fits,
      // built from the phase's words as plan() made them (a ramp's pressure word and cue).
      if (ev.type === 'phase') voice?.say(spoken ? spoken({ ...ev, said: timeline.phases[ev.index]?.said }, ev.point === undefined ? undefined : catalog.points.get(ev.point)) : ev.text);
      if (ev.type === 'tick' && warnMs !== undefined && ev.remaining_ms === warnMs) {
        const p = timeline.phases[ev.index]!;
        if (p.kind === 'hold' || p.kind === 'ramp') {
          const msg = `${p.kind === 'hold' ? 'Release' : 'Hold'} in ${Math.round(warnMs / 1000)} seconds`;
          if (voice) voice.say(msg);
          else if (mode === 'plain') io.stdout.write(`${c.dim(`       ${msg}`)}\n`);
        }
      }
    });
  }

  // What is coming, before the first cue: the title, time, rounds and points in order. In JSON
  // the start event says the same to scripts.
  if (mode !== 'json' && !o.quiet) io.stdout.write(`${runHeader(catalog, timeline, c, fitWidth(term), o.ownMs)}\n`);
  const emit = (ev: RunEvent) => sinks.forEach((s) => s(ev));
  // The handler goes in before the first event is written: a reader may send a signal the
  // moment it sees one, and a signal with no handler yet would kill the process without the
  // summary. Handlers run on a later turn of the event loop, by which time `run` is set.
  let started: Run | undefined;
  // After the end, a signal cuts the spoken "done" short.
  const offSignal = io.onSignal((sig) => {
    started?.interrupt(sig);
    void voice?.stop();
  });
  const run = startRun(timeline, io.clock, emit);
  started = run;
  // Notes that would cut the view beside them (its text or figure): the run waits, paused, while they are read.
  // With --yes it never waits: the view takes the screen at once, the notes above in the scrollback.
  if (tty?.notesCut) {
    if (read || o.yes || !readsKeys) tty.releaseNotes();
    else run.send('pause');
  }
  // Plain lines have no frame to clear or redraw; after fg, say how to go on, once: continued in
  // the background (`kill -CONT`), the handler waits on raw mode until `fg`, whose own SIGCONT
  // follows, and the line came twice.
  let pausedSaid = false;
  if (!tty && control) {
    sinks.push((ev) => {
      if (ev.type === 'resume') pausedSaid = false;
    });
  }
  control?.attach(run, tty ?? {
    printsHelp: true,
    suspend: () => void (pausedSaid = false),
    resume: () => {
      if (!pausedSaid) io.stdout.write(`${c.dim(pausedWords(c.g.dash))}\n`);
      pausedSaid = true;
    },
    toggleHelp: () => void io.stdout.write(`${keys.map((k) => `  ${wrap(`${[k.key, ...(k.also ?? [])].join(' or ')}: ${k.plainWhat ?? k.what}`, fitWidth(term) - 2, '    ')}`).join('\n')}\n`),
  });
  let end: EndEvent;
  try {
    // Never rejects: every way a run ends resolves it.
    end = await run.done;
  } finally {
    control?.stop();
    tty?.stop();
    // The routine is over, so a cue still being spoken is stale: stop it now, not waiting on it
    // (the summary and the session log's end time are the run's end, whatever the speech does).
    void voice?.stop();
  }
  // The signal handlers stay until the session is logged: with none, a second Ctrl-C would
  // kill the process at once, before the record is written.
  // 'SIGPIPE': the output has gone (`run --json | head -3`), so there is no one to summarise for.
  const outputGone = end.reason === 'interrupted' && end.signal === 'SIGPIPE';
  try {
    const text = summary(catalog, timeline, end, run.state, findings, fitWidth(term));
    if (outputGone) {
      // Quiet: a closed pipe is how a reader says it has had enough; main reports a failed write.
    } else if (mode === 'json') {
      if (!end.completed) io.stderr.write(`${text}\n`);
    } else if (!o.quiet) {
      (end.reason === 'interrupted' ? io.stderr : io.stdout).write(`\n${text}\n`);
    }
    onEnd?.(end, run.state);
    // A finished run says so, for eyes that are closed, then exits: within DONE_WORDS_MS and
    // the grace a stopped speech command gets. A stopped run goes quiet at once.
    if (end.completed && voice && !outputGone) await voice.finish(`Done. ${timeline.title} is complete.`, DONE_WORDS_MS);
  } finally {
    void voice?.stop();
    offSignal();
  }
  if (end.reason === 'interrupted' && !outputGone) {
    const code = end.signal === 'SIGTERM' ? EXIT.sigterm : end.signal === 'SIGHUP' ? EXIT.sighup : EXIT.sigint;
    throw new ExitError(code);
  }
  return EXIT.ok;
}

/**
 * The figure of each locate (and switch) phase's point on the side it is pressed, for the live view; undefined
 * when no point in the run has a figure (then the views are never read).
 */
async function locateFigures(catalog: Catalog, timeline: Timeline, c: Paint, term: Terminal): Promise<TtyOptions['figure']> {
  if (!timeline.points.some((id) => catalog.points.get(id)?.figure)) return undefined;
  const { figureDrawer } = await import('../figures.js');
  const drawer = await figureDrawer({ unicode: term.unicode, columns: Infinity, paint: c });
  const cache = new Map<string, ReturnType<FigureAt>>();
  return (index) => {
    const phase = timeline.phases[index];
    // Finding the point: before the first press, and when switching to the other side.
    const point = (phase?.kind === 'locate' || phase?.kind === 'switch') && phase.point ? catalog.points.get(phase.point) : undefined;
    if (!point) return undefined;
    return (cols, rows) => {
      const key = `${point.id}:${phase!.side}:${cols}x${rows}`;
      if (!cache.has(key)) cache.set(key, drawer.point(point, phase!.side, { cols, rows }));
      return cache.get(key);
    };
  };
}
