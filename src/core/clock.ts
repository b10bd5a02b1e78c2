import type { Clock, TimerHandle } from '../model/clock.js';

/**
 * How early the real clock's native timer wakes before a deadline. Node's timers usually fire
 * a millisecond or two late, and on a busy machine now and then three or four (measured with
 * bench/lateness-probe.mjs); the real clock wakes this much early and waits out the rest in a
 * spin, so a cue lands within a few microseconds of its deadline. The cost is a few
 * milliseconds of CPU per wake-up, about one a second: under 1% while holding.
 */
export const SPIN_MS = 5;

/** How early a native timer may fire and still be waited out by spinning, not sleeping. */
const EARLY_MS = 4;

type RealTimer = { native?: ReturnType<typeof setTimeout> };

/** The real clock: monotonic time (performance.now), so wall-clock jumps never disturb a run. */
export const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => {
    const due = performance.now() + (Number.isFinite(ms) && ms > 0 ? ms : 0);
    const timer: RealTimer = {};
    const wake = () => {
      const left = due - performance.now();
      // A native timer can fire a few milliseconds early: Node counts from the event loop's
      // cached time, which is stale by the last spin. Sleep again only when it fired far too
      // early, since a short sleep can itself overshoot by a millisecond or two.
      if (left > SPIN_MS + EARLY_MS) {
        timer.native = setTimeout(wake, left - SPIN_MS);
        return;
      }
      while (performance.now() < due) {
        // Spin out the last moment; see SPIN_MS.
      }
      fn();
    };
    timer.native = setTimeout(wake, Math.max(0, due - performance.now() - SPIN_MS));
    return timer;
  },
  clearTimeout: (h) => clearTimeout((h as RealTimer).native),
};

type Timer = { id: number; due: number; fn: () => void };

/**
 * A deterministic clock for tests. `advance` fires every timer that falls due, in time order,
 * including timers scheduled by the callbacks themselves, and time never goes backwards.
 */
export class FakeClock implements Clock {
  private time: number;
  private timers: Timer[] = [];
  private seq = 0;
  /** How many timers have fired, so tests can prove a run did not busy-loop. */
  fired = 0;

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = ++this.seq;
    // Like Node: negative or NaN delays run as soon as possible, never in the past.
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    this.timers.push({ id, due: this.time + delay, fn });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Move time forward by `ms`, firing everything due on the way. Refuses to go backwards. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`FakeClock.advance: time cannot go backwards (got ${ms})`);
    this.advanceTo(this.time + ms);
  }

  /** Move time to an absolute instant, firing everything due on the way. */
  advanceTo(target: number): void {
    if (!(target >= this.time)) throw new RangeError(`FakeClock.advanceTo: ${target} is before now (${this.time})`);
    for (;;) {
      const next = this.nextTimer();
      if (!next || next.due > target) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = Math.max(this.time, next.due);
      this.fired++;
      next.fn();
    }
    this.time = target;
  }

  /**
   * Jump `ms` forward the way a stopped process sees time: nothing fires on the way, then every
   * timer that fell due fires at the new time, late (SIGSTOP and SIGCONT, a suspended laptop).
   */
  jump(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`FakeClock.jump: time cannot go backwards (got ${ms})`);
    this.time += ms;
    this.advanceTo(this.time);
  }

  /** Fire timers until none are left (or `limit` fire), returning how many fired. */
  runAll(limit = 1_000_000): number {
    let n = 0;
    for (;;) {
      const next = this.nextTimer();
      if (!next) return n;
      if (++n > limit) throw new Error(`FakeClock.runAll: more than ${limit} timers; is something rescheduling forever?`);
      this.advanceTo(Math.max(this.time, next.due));
    }
  }

  /** Number of timers waiting. */
  pending(): number {
    return this.timers.length;
  }

  private nextTimer(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) if (!best || t.due < best.due || (t.due === best.due && t.id < best.id)) best = t;
    return best;
  }
}
