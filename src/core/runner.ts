// The imperative shell around the pure scheduler: owns the timer, and schedules every
// wake-up against an absolute deadline so timer lateness never accumulates.
import type { Clock, TimerHandle } from '../model/clock.js';
import type { EndEvent, RunEvent } from '../model/events.js';
import { nextWake, start, step, type Input, type State } from './scheduler.js';
import type { Timeline } from '../model/timeline.js';

export type Control = Exclude<Input['type'], 'time' | 'interrupt'>;

/** A live run: send it controls, await its end. */
export interface Run {
  send(control: Control): void;
  interrupt(signal: string): void;
  readonly state: State;
  readonly done: Promise<EndEvent>;
}

/** Start running a timeline on `clock`, passing every event to `emit` as it happens. */
export function startRun(timeline: Timeline, clock: Clock, emit: (ev: RunEvent) => void): Run {
  let resolveDone!: (e: EndEvent) => void;
  const done = new Promise<EndEvent>((r) => (resolveDone = r));
  let timer: TimerHandle | undefined;
  let wake: number | undefined;
  let s: State;

  const apply = (r: { state: State; events: RunEvent[] }) => {
    s = r.state;
    for (const ev of r.events) emit(ev);
    schedule();
    if (s.status === 'done' && s.end) resolveDone(s.end);
  };

  const schedule = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    wake = nextWake(s);
    if (wake === undefined) return;
    // The clock fires no earlier than asked (the real one to within microseconds, see
    // SPIN_MS); should a timer still fire early, onWake waits again.
    timer = clock.setTimeout(onWake, Math.max(0, wake - clock.now()));
  };

  const onWake = () => {
    timer = undefined;
    const now = clock.now();
    if (wake !== undefined && now < wake) {
      schedule();
      return;
    }
    apply(step(s, { type: 'time', now }));
  };

  apply(start(timeline, clock.now()));
  return {
    send: (type) => apply(step(s, { type, now: clock.now() } as Input)),
    interrupt: (signal) => apply(step(s, { type: 'interrupt', now: clock.now(), signal })),
    get state() {
      return s;
    },
    done,
  };
}
