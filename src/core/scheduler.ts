// The scheduler is a pure step function: (state, input) → (state, events).
// Time is "active time": clock time since start minus time spent paused, so a pause
// neither stretches nor shrinks the rest of the plan. A stall (the clock jumping seconds past
// the next wake-up: the process was stopped, suspended with the machine, or starved) counts as
// paused time too, so the run goes on inside the phase it was in instead of firing every
// phase that fell due at once.
import type { EndEvent, PauseReason, PhaseEvent, RunEvent } from '../model/events.js';
import type { Phase, Timeline } from '../model/timeline.js';

export const TICK_MS = 1000;

/**
 * How far past its wake-up the clock must be before the gap counts as a stall (paused time)
 * rather than lateness. Timers on a loaded machine run milliseconds late, rarely a few hundred;
 * a gap of seconds means the process did not run at all.
 */
export const STALL_MS = 2000;

export type Input =
  | { type: 'time'; now: number }
  | { type: 'pause' | 'suspend' | 'resume' | 'toggle' | 'skip' | 'back' | 'quit'; now: number }
  | { type: 'interrupt'; now: number; signal: string };

export interface State {
  readonly timeline: Timeline;
  readonly status: 'running' | 'paused' | 'done';
  /** Clock time at which the run started. */
  readonly startAt: number;
  /** Total clock time spent paused so far (stalls included). */
  readonly pausedMs: number;
  /** Clock time at which the current pause began. */
  readonly pausedAt?: number;
  /** Why the current pause began. */
  readonly pauseReason?: PauseReason;
  /** Clock time of the last input: the last moment the process is known to have been running. */
  readonly seenAt: number;
  /** Index of the current phase. */
  readonly index: number;
  /** Active time at which the current phase began. */
  readonly phaseStart: number;
  /** Active time of the next tick. */
  readonly nextTick: number;
  /** Phases actually started (for the summary). */
  readonly started: readonly number[];
  /** Phases that ran to their end, not skipped past (whether the run completed). */
  readonly ranThrough: readonly number[];
  /**
   * Phases left before their end (skipped, stepped back from, or the run ended in them), each
   * with the active time it had run, in ms (how much of a hold was held: see pointsWorked).
   */
  readonly cutShort: readonly (readonly [index: number, ms: number])[];
  readonly end?: EndEvent;
}

export type Step = { state: State; events: RunEvent[] };

/** Start a run at clock time `now`: the start event and the first phase. */
export function start(timeline: Timeline, now: number): Step {
  const state: State = {
    timeline, status: 'running', startAt: now, pausedMs: 0, seenAt: now, index: 0, phaseStart: 0, nextTick: TICK_MS, started: [0], ranThrough: [], cutShort: [],
  };
  const events: RunEvent[] = [
    { type: 'start', routine: timeline.routine, title: timeline.title, total_ms: timeline.total_ms, phases: timeline.phases.length },
    phaseEvent(timeline.phases[0]!, 0),
  ];
  return { state, events };
}

/** Active (unpaused) milliseconds since the start, at clock time `now`. */
export function activeAt(s: State, now: number): number {
  const until = s.status === 'paused' && s.pausedAt !== undefined ? s.pausedAt : now;
  return Math.max(0, until - s.startAt - s.pausedMs);
}

/** The clock time at which the scheduler next has something to emit, or undefined when idle. */
export function nextWake(s: State): number | undefined {
  if (s.status !== 'running') return undefined;
  const end = s.phaseStart + s.timeline.phases[s.index]!.duration_ms;
  return s.startAt + s.pausedMs + Math.min(s.nextTick, end);
}

/** Did the clock jump so far past the next wake-up that the process cannot have been running? */
export function isStall(s: State, now: number): boolean {
  const wake = nextWake(s);
  return wake !== undefined && now - wake > STALL_MS;
}

/** Apply one input. Never mutates `s`. */
export function step(s: State, input: Input): Step {
  if (s.status === 'done') return { state: s, events: [] };
  let r: Step;
  if (isStall(s, input.now)) {
    const wantsPause = input.type === 'pause' || input.type === 'suspend' || input.type === 'toggle';
    // Asked to pause after a stall: the pause began when the process stopped, not now.
    if (wantsPause) r = pauseAt(s, s.seenAt, input.type === 'suspend' ? 'suspend' : 'user', []);
    else {
      const bridged = bridgeStall(s, input.now);
      const after = apply(bridged.state, input);
      r = { state: after.state, events: [...bridged.events, ...after.events] };
    }
  } else r = apply(s, input);
  return r.state.status === 'done' ? r : { state: { ...r.state, seenAt: input.now }, events: r.events };
}

function apply(s: State, input: Input): Step {
  switch (input.type) {
    case 'time':
      return advance(s, input.now);
    case 'toggle':
      return apply(s, { type: s.status === 'paused' ? 'resume' : 'pause', now: input.now });
    case 'pause':
    case 'suspend': {
      if (s.status === 'paused') return { state: s, events: [] };
      const caught = advance(s, input.now);
      if (caught.state.status === 'done') return caught;
      return pauseAt(caught.state, input.now, input.type === 'suspend' ? 'suspend' : 'user', caught.events);
    }
    case 'resume': {
      if (s.status !== 'paused' || s.pausedAt === undefined) return { state: s, events: [] };
      const pausedFor = input.now - s.pausedAt;
      const state: State = { ...s, status: 'running', pausedMs: s.pausedMs + pausedFor, pausedAt: undefined, pauseReason: undefined };
      return {
        state,
        events: [{ type: 'resume', index: s.index, elapsed_ms: Math.round(activeAt(state, input.now)), reason: s.pauseReason ?? 'user', paused_ms: Math.round(pausedFor) }],
      };
    }
    case 'skip':
    case 'back': {
      const caught = s.status === 'running' ? advance(s, input.now) : { state: s, events: [] };
      if (caught.state.status === 'done') return caught;
      const cur = caught.state;
      const a = activeAt(cur, input.now);
      const target = input.type === 'skip' ? cur.index + 1 : Math.max(0, cur.index - 1);
      if (target >= cur.timeline.phases.length) return finish(cur, input.now, caught.events, 'done', undefined, true);
      const state: State = { ...leave(cur, a), index: target, phaseStart: a, nextTick: a + TICK_MS, started: [...cur.started, target] };
      return { state, events: [...caught.events, phaseEvent(cur.timeline.phases[target]!, a)] };
    }
    case 'quit':
      return finish(s, input.now, [], 'quit', undefined, true);
    case 'interrupt':
      return finish(s, input.now, [], 'interrupted', input.signal, true);
  }
}

/** Pause a running state at clock time `at` (never later than now) for `reason`. */
function pauseAt(s: State, at: number, reason: PauseReason, events: RunEvent[]): Step {
  const state: State = { ...s, status: 'paused', pausedAt: at, pauseReason: reason };
  return { state, events: [...events, { type: 'pause', index: state.index, elapsed_ms: Math.round(activeAt(state, at)), reason }] };
}

/**
 * Count the time since the last input as paused: the run goes on from the moment the process was
 * last seen running, inside the same phase, with that phase's remaining time intact. Emits the
 * stall as a pause and a resume so scripts can see it.
 */
function bridgeStall(s: State, now: number): Step {
  const gap = now - s.seenAt;
  const at = Math.round(activeAt(s, s.seenAt));
  const state: State = { ...s, pausedMs: s.pausedMs + gap, seenAt: now };
  return {
    state,
    events: [
      { type: 'pause', index: s.index, elapsed_ms: at, reason: 'stall' },
      { type: 'resume', index: s.index, elapsed_ms: at, reason: 'stall', paused_ms: Math.round(gap) },
    ],
  };
}

function advance(s: State, now: number): Step {
  if (s.status !== 'running') return { state: s, events: [] };
  const a = activeAt(s, now);
  const events: RunEvent[] = [];
  let { index, phaseStart, nextTick } = s;
  const started = [...s.started];
  const ranThrough = [...s.ranThrough];
  const phases = s.timeline.phases;
  for (;;) {
    const end = phaseStart + phases[index]!.duration_ms;
    while (nextTick < end && nextTick <= a) {
      events.push({ type: 'tick', index, remaining_ms: end - nextTick, elapsed_ms: Math.round(a) });
      nextTick += TICK_MS;
    }
    if (a < end) break;
    ranThrough.push(index);
    // The next phase starts at the planned boundary, not at "now": lateness never accumulates.
    index++;
    phaseStart = end;
    nextTick = end + TICK_MS;
    if (index >= phases.length) {
      return finish({ ...s, index: phases.length - 1, phaseStart, nextTick, started, ranThrough }, now, events, 'done');
    }
    started.push(index);
    events.push(phaseEvent(phases[index]!, a));
  }
  return { state: { ...s, index, phaseStart, nextTick, started, ranThrough }, events };
}

/** The phases a run must run through, not skip, to be a completed session: the holds and massages. */
const WORK = new Set(['hold', 'massage']);

/** The current phase left at active time `a`, before its end: noted with how long it ran. */
function leave(s: State, a: number): State {
  return { ...s, cutShort: [...s.cutShort, [s.index, Math.max(0, Math.round(a - s.phaseStart))]] };
}

/** End the run; `inPhase`: it ends inside the current phase (quit, a signal, a skip past the last), not after it. */
function finish(s: State, now: number, events: RunEvent[], reason: EndEvent['reason'], signal?: string, inPhase = false): Step {
  // Reaching the end by skipping every hold (s pressed 14 times) is no completed session: the
  // end says "done" (how it ended) but not "completed" (what was done).
  // One pass over each list: a Set, not ranThrough.includes per phase (quadratic in a long routine).
  const ran = new Set(s.ranThrough);
  const worked = s.timeline.phases.every((p, i) => !WORK.has(p.kind) || ran.has(i));
  const a = activeAt(s, now);
  const end: EndEvent = { type: 'end', completed: reason === 'done' && worked, reason, elapsed_ms: Math.round(a) };
  if (signal) end.signal = signal;
  return { state: { ...(inPhase ? leave(s, a) : s), status: 'done', end }, events: [...events, end] };
}

/** The phase event for a phase that started at active time `elapsed`. */
export function phaseEvent(p: Phase, elapsed?: number): PhaseEvent {
  // Key order follows docs/cli.md; undefined fields vanish in JSON.
  return {
    type: 'phase', index: p.index, kind: p.kind, point: p.point, side: p.side, round: p.round, rounds: p.rounds,
    duration_ms: p.duration_ms, planned_ms: p.offset_ms, elapsed_ms: elapsed === undefined ? undefined : Math.round(elapsed), text: p.text,
  };
}
