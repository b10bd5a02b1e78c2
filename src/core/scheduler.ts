// The scheduler is a pure step function: (state, input) → (state, events).
// Time is "active time": clock time since start minus time spent paused, so a pause
// neither stretches nor shrinks the rest of the plan.
import type { EndEvent, PhaseEvent, RunEvent } from '../model/events.js';
import type { Phase, Timeline } from '../model/timeline.js';

export const TICK_MS = 1000;

export type Input =
  | { type: 'time'; now: number }
  | { type: 'pause' | 'resume' | 'toggle' | 'skip' | 'back' | 'quit'; now: number }
  | { type: 'interrupt'; now: number; signal: string };

export interface State {
  readonly timeline: Timeline;
  readonly status: 'running' | 'paused' | 'done';
  /** Clock time at which the run started. */
  readonly startAt: number;
  /** Total clock time spent paused so far. */
  readonly pausedMs: number;
  /** Clock time at which the current pause began. */
  readonly pausedAt?: number;
  /** Index of the current phase. */
  readonly index: number;
  /** Active time at which the current phase began. */
  readonly phaseStart: number;
  /** Active time of the next tick. */
  readonly nextTick: number;
  /** Phases actually started (for the summary). */
  readonly started: readonly number[];
  readonly end?: EndEvent;
}

export type Step = { state: State; events: RunEvent[] };

/** Start a run at clock time `now`: the start event and the first phase. */
export function start(timeline: Timeline, now: number): Step {
  const state: State = {
    timeline, status: 'running', startAt: now, pausedMs: 0, index: 0, phaseStart: 0, nextTick: TICK_MS, started: [0],
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

/** Apply one input. Never mutates `s`. */
export function step(s: State, input: Input): Step {
  if (s.status === 'done') return { state: s, events: [] };
  switch (input.type) {
    case 'time':
      return advance(s, input.now);
    case 'toggle':
      return step(s, { type: s.status === 'paused' ? 'resume' : 'pause', now: input.now });
    case 'pause': {
      if (s.status === 'paused') return { state: s, events: [] };
      const caught = advance(s, input.now);
      if (caught.state.status === 'done') return caught;
      const state = { ...caught.state, status: 'paused' as const, pausedAt: input.now };
      return { state, events: [...caught.events, { type: 'pause', index: state.index, elapsed_ms: Math.round(activeAt(state, input.now)) }] };
    }
    case 'resume': {
      if (s.status !== 'paused' || s.pausedAt === undefined) return { state: s, events: [] };
      const state: State = { ...s, status: 'running', pausedMs: s.pausedMs + (input.now - s.pausedAt), pausedAt: undefined };
      return { state, events: [{ type: 'resume', index: s.index, elapsed_ms: Math.round(activeAt(state, input.now)) }] };
    }
    case 'skip':
    case 'back': {
      const caught = s.status === 'running' ? advance(s, input.now) : { state: s, events: [] };
      if (caught.state.status === 'done') return caught;
      const cur = caught.state;
      const a = activeAt(cur, input.now);
      const target = input.type === 'skip' ? cur.index + 1 : Math.max(0, cur.index - 1);
      if (target >= cur.timeline.phases.length) return finish(cur, input.now, caught.events, 'done');
      const state: State = { ...cur, index: target, phaseStart: a, nextTick: a + TICK_MS, started: [...cur.started, target] };
      return { state, events: [...caught.events, phaseEvent(cur.timeline.phases[target]!, a)] };
    }
    case 'quit':
      return finish(s, input.now, [], 'quit');
    case 'interrupt':
      return finish(s, input.now, [], 'interrupted', input.signal);
  }
}

function advance(s: State, now: number): Step {
  if (s.status !== 'running') return { state: s, events: [] };
  const a = activeAt(s, now);
  const events: RunEvent[] = [];
  let { index, phaseStart, nextTick } = s;
  const started = [...s.started];
  const phases = s.timeline.phases;
  for (;;) {
    const end = phaseStart + phases[index]!.duration_ms;
    while (nextTick < end && nextTick <= a) {
      events.push({ type: 'tick', index, remaining_ms: end - nextTick, elapsed_ms: Math.round(a) });
      nextTick += TICK_MS;
    }
    if (a < end) break;
    // The next phase starts at the planned boundary, not at "now": lateness never accumulates.
    index++;
    phaseStart = end;
    nextTick = end + TICK_MS;
    if (index >= phases.length) {
      return finish({ ...s, index: phases.length - 1, phaseStart, nextTick, started }, now, events, 'done');
    }
    started.push(index);
    events.push(phaseEvent(phases[index]!, a));
  }
  return { state: { ...s, index, phaseStart, nextTick, started }, events };
}

function finish(s: State, now: number, events: RunEvent[], reason: EndEvent['reason'], signal?: string): Step {
  const end: EndEvent = { type: 'end', completed: reason === 'done', reason, elapsed_ms: Math.round(activeAt(s, now)) };
  if (signal) end.signal = signal;
  return { state: { ...s, status: 'done', end }, events: [...events, end] };
}

/** The phase event for a phase that started at active time `elapsed`. */
export function phaseEvent(p: Phase, elapsed?: number): PhaseEvent {
  // Key order follows docs/cli.md; undefined fields vanish in JSON.
  return {
    type: 'phase', index: p.index, kind: p.kind, point: p.point, side: p.side, round: p.round, rounds: p.rounds,
    duration_ms: p.duration_ms, planned_ms: p.offset_ms, elapsed_ms: elapsed === undefined ? undefined : Math.round(elapsed), text: p.text,
  };
}
