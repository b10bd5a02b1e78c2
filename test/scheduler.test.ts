import { describe, expect, it } from 'vitest';
import { FakeClock } from '../src/core/clock.js';
import type { PhaseEvent, RunEvent } from '../src/model/events.js';
import { plan } from '../src/core/plan.js';
import { startRun } from '../src/core/runner.js';
import { STALL_MS, start, step, type State } from '../src/core/scheduler.js';
import { lookup, massage, press, rest, routine } from './fixtures-data.js';

const short = routine([press('M1', { rounds: 1 })], { locate: 2_000, ramp: 1_000, hold: 3_000, release: 1_000 });

function record(r = short, o = {}) {
  const clock = new FakeClock(1_000_000);
  const events: RunEvent[] = [];
  const timeline = plan(r, lookup, o);
  const run = startRun(timeline, clock, (e) => events.push(e));
  return { clock, events, run, timeline };
}

const compact = (events: RunEvent[]) => events.map((e) => {
  if (e.type === 'phase') return `phase${e.index}@${e.elapsed_ms}`;
  if (e.type === 'tick') return `tick${e.index}:${e.remaining_ms}`;
  if (e.type === 'end') return `end:${e.reason}@${e.elapsed_ms}`;
  if (e.type === 'pause') return `pause:${e.reason}@${e.elapsed_ms}`;
  if (e.type === 'resume') return `resume:${e.reason}@${e.elapsed_ms}+${e.paused_ms}`;
  return e.type;
});

describe('scheduler', () => {
  it('emits start, phases at their planned offsets, one tick a second, and end', () => {
    const { clock, events } = record();
    clock.runAll();
    expect(compact(events)).toEqual([
      'start', 'phase0@0', 'tick0:1000', 'phase1@2000', 'phase2@3000', 'tick2:2000', 'tick2:1000', 'phase3@6000', 'end:done@7000',
    ]);
  });

  it('runs a 20-minute routine in milliseconds, every phase exactly on plan', () => {
    const long = routine([press('A1'), massage('palm', 60_000), rest(30_000), press('M1'), press('B1', { sides: 'both' })]);
    const { clock, events, timeline } = record(long);
    expect(timeline.total_ms).toBeGreaterThan(20 * 60_000);
    const t0 = performance.now();
    clock.runAll();
    expect(performance.now() - t0).toBeLessThan(2_000);
    const phases = events.filter((e): e is PhaseEvent => e.type === 'phase');
    expect(phases).toHaveLength(timeline.phases.length);
    for (const p of phases) expect(p.elapsed_ms).toBe(p.planned_ms);
    expect(events.filter((e) => e.type === 'tick').length).toBe(timeline.phases.reduce((n, p) => n + Math.ceil(p.duration_ms / 1000) - 1, 0));
    expect(events.at(-1)).toEqual({ type: 'end', completed: true, reason: 'done', elapsed_ms: timeline.total_ms });
    // The runner wakes only when something is due: no busy loop.
    expect(clock.fired).toBeLessThanOrEqual(events.length);
  });

  it('one hour on the FakeClock: every phase starts exactly at its planned offset', () => {
    const hour = routine(Array.from({ length: 8 }, (_, i) => press(i % 2 ? 'A1' : 'M1')), { hold: 90_000 });
    const { clock, events, timeline } = record(hour);
    expect(timeline.total_ms).toBeGreaterThanOrEqual(60 * 60_000);
    clock.runAll();
    const phases = events.filter((e): e is PhaseEvent => e.type === 'phase');
    expect(phases.map((p) => p.elapsed_ms)).toEqual(timeline.phases.map((p) => p.offset_ms));
  });

  it('pause keeps the rest of the plan: no time lost or gained', () => {
    const { clock, events, run } = record();
    clock.advance(2_500);
    run.send('pause');
    clock.advance(60_000);
    expect(events.filter((e) => e.type === 'tick' || e.type === 'phase').length).toBe(3);
    run.send('resume');
    clock.runAll();
    expect(compact(events)).toEqual([
      'start', 'phase0@0', 'tick0:1000', 'phase1@2000', 'pause:user@2500', 'resume:user@2500+60000', 'phase2@3000', 'tick2:2000', 'tick2:1000', 'phase3@6000', 'end:done@7000',
    ]);
  });

  it('skip ends the phase now and shifts the rest earlier; back repeats a phase', () => {
    const { clock, events, run } = record();
    clock.advance(500);
    run.send('skip');
    clock.advance(200);
    run.send('back');
    clock.runAll();
    expect(compact(events)).toEqual([
      'start', 'phase0@0', 'phase1@500', 'phase0@700', 'tick0:1000', 'phase1@2700', 'phase2@3700', 'tick2:2000', 'tick2:1000', 'phase3@6700', 'end:done@7700',
    ]);
  });

  it('a run that reaches its end with a hold or massage skipped is done but not completed; skipping a locate or rest is fine', async () => {
    const skipAll = record();
    for (let i = 0; i < skipAll.timeline.phases.length; i++) skipAll.run.send('skip');
    await expect(skipAll.run.done).resolves.toEqual({ type: 'end', completed: false, reason: 'done', elapsed_ms: 0 });
    const skipHold = record();
    skipHold.clock.advance(3_000);
    skipHold.run.send('skip');
    skipHold.clock.runAll();
    await expect(skipHold.run.done).resolves.toMatchObject({ completed: false, reason: 'done' });
    const skipLocate = record();
    skipLocate.run.send('skip');
    skipLocate.clock.runAll();
    await expect(skipLocate.run.done).resolves.toMatchObject({ completed: true, reason: 'done' });
    const rubbed = record(routine([massage('palm', 5_000), rest(5_000)]));
    rubbed.clock.advance(5_000);
    rubbed.run.send('skip');
    await expect(rubbed.run.done).resolves.toMatchObject({ completed: true, reason: 'done' });
    const unrubbed = record(routine([massage('palm', 5_000), rest(5_000)]));
    unrubbed.run.send('skip');
    unrubbed.clock.runAll();
    await expect(unrubbed.run.done).resolves.toMatchObject({ completed: false, reason: 'done' });
  });

  it('quit and interrupt end the run with a reason', async () => {
    const a = record();
    a.clock.advance(1_500);
    a.run.send('quit');
    await expect(a.run.done).resolves.toEqual({ type: 'end', completed: false, reason: 'quit', elapsed_ms: 1_500 });
    expect(a.clock.pending()).toBe(0);
    const b = record();
    b.run.interrupt('SIGTERM');
    await expect(b.run.done).resolves.toMatchObject({ reason: 'interrupted', signal: 'SIGTERM' });
  });

  it('a timer that fires early waits again instead of emitting early', () => {
    const timeline = plan(short, lookup);
    let now = 0;
    const timers: Array<() => void> = [];
    const clock = { now: () => now, setTimeout: (fn: () => void) => (timers.push(fn), timers.length), clearTimeout: () => {} };
    const events: RunEvent[] = [];
    startRun(timeline, clock, (e) => events.push(e));
    now = 999; // the timer aimed at 1000 fires a millisecond early
    timers.at(-1)!();
    expect(events.filter((e) => e.type === 'tick')).toHaveLength(0);
    now = 1000;
    timers.at(-1)!();
    expect(events.filter((e) => e.type === 'tick')).toHaveLength(1);
  });

  it('the step function is pure: it never mutates the state it is given', () => {
    const s0 = start(plan(short, lookup), 0).state;
    const frozen = JSON.stringify(s0);
    step(s0, { type: 'time', now: 5_000 });
    step(s0, { type: 'pause', now: 1_000 });
    expect(JSON.stringify(s0)).toBe(frozen);
  });

  it('the step function is pure across a stall too', () => {
    const s0 = step(start(plan(short, lookup), 0).state, { type: 'time', now: 1_000 }).state;
    const frozen = JSON.stringify(s0);
    const a = step(s0, { type: 'time', now: 40_000 });
    const b = step(s0, { type: 'time', now: 40_000 });
    expect(a).toEqual(b);
    expect(JSON.stringify(s0)).toBe(frozen);
  });
});

// A routine with phases long enough to stall inside: locate [0,2s) ramp [2s,6s) hold [6s,12s) release [12s,14s).
const long = routine([press('M1', { rounds: 1 })], { locate: 2_000, ramp: 4_000, hold: 6_000, release: 2_000 });

/** Step a running state once a second, as a process that never stops would, up to `until`. */
function liveUntil(s: State, until: number): State {
  for (let t = s.seenAt + 1_000; t <= until; t += 1_000) s = step(s, { type: 'time', now: t }).state;
  return s;
}

/** Clock time (since the start) at which each phase event was emitted, and its active elapsed_ms. */
function phaseTimes(r = long) {
  const clock = new FakeClock(1_000_000);
  const events: RunEvent[] = [];
  const at: number[] = [];
  const timeline = plan(r, lookup);
  const run = startRun(timeline, clock, (e) => {
    events.push(e);
    if (e.type === 'phase') at.push(clock.now() - 1_000_000);
  });
  return { clock, events, at, run, timeline };
}

describe('stalls (the process stopped or starved) count as paused time', () => {
  it('a 30 s jump in the middle of a hold: the hold goes on from where it stopped, nothing is bunched', () => {
    const { clock, events, at } = phaseTimes();
    clock.advance(8_500); // last seen at the tick at 8 s; hold has 4 s left
    const before = events.length;
    clock.jump(30_000);
    expect(compact(events.slice(before))).toEqual(['pause:stall@8000', 'resume:stall@8000+30500']);
    clock.runAll();
    expect(compact(events.slice(before))).toEqual([
      'pause:stall@8000', 'resume:stall@8000+30500', 'tick2:3000', 'tick2:2000', 'tick2:1000', 'phase3@12000', 'tick3:1000', 'end:done@14000',
    ]);
    // Clock times: the hold lasted its 6 s plus the stall; every later phase exactly its planned length.
    expect(at).toEqual([0, 2_000, 6_000, 12_000 + 30_500]);
    expect(events.at(-1)).toEqual({ type: 'end', completed: true, reason: 'done', elapsed_ms: 14_000 });
  });

  it('a 30 s jump in the middle of a ramp keeps the ramp\'s remaining time', () => {
    const { clock, events, at } = phaseTimes();
    clock.advance(3_500);
    clock.jump(30_000);
    clock.runAll();
    expect(compact(events).slice(0, 8)).toEqual([
      'start', 'phase0@0', 'tick0:1000', 'phase1@2000', 'tick1:3000', 'pause:stall@3000', 'resume:stall@3000+30500', 'tick1:2000',
    ]);
    expect(at).toEqual([0, 2_000, 6_000 + 30_500, 12_000 + 30_500]);
    const phases = events.filter((e): e is PhaseEvent => e.type === 'phase');
    for (const p of phases) expect(p.elapsed_ms).toBe(p.planned_ms);
  });

  it('a 30 s jump across a phase boundary: the old phase finishes before the next one starts', () => {
    const { clock, events, at } = phaseTimes();
    clock.advance(5_500); // the ramp ends at 6 s; the stop began in it
    const before = events.length;
    clock.jump(30_000); // a running process would have started the hold and ticked through it
    expect(compact(events.slice(before))).toEqual(['pause:stall@5000', 'resume:stall@5000+30500']);
    clock.runAll();
    expect(compact(events.slice(before, before + 4))).toEqual(['pause:stall@5000', 'resume:stall@5000+30500', 'phase2@6000', 'tick2:5000']);
    expect(at).toEqual([0, 2_000, 6_000 + 30_500, 12_000 + 30_500]);
  });

  it('a 30 s jump while already paused changes nothing: one pause, one resume', () => {
    const { clock, events, run, at } = phaseTimes();
    clock.advance(8_500);
    run.send('pause');
    clock.jump(30_000);
    run.send('resume');
    clock.runAll();
    expect(compact(events).filter((e) => /pause|resume/.test(e))).toEqual(['pause:user@8500', 'resume:user@8500+30000']);
    expect(at).toEqual([0, 2_000, 6_000, 12_000 + 30_000]);
  });

  it('lateness below the threshold is not a stall: late events catch up as before', () => {
    const { clock, events, at } = phaseTimes();
    clock.advance(5_500);
    clock.jump(STALL_MS); // the wake-up at 6 s comes STALL_MS - 500 late: still lateness
    expect(events.some((e) => e.type === 'pause')).toBe(false);
    clock.runAll();
    expect(at).toEqual([0, 2_000, 7_500, 12_000]);
    expect(events.at(-1)).toMatchObject({ elapsed_ms: 14_000 });
  });

  it('a pause asked for after a stall (a key or SIGCONT before the timer) starts when the process stopped', () => {
    const timeline = plan(long, lookup);
    let s = liveUntil(start(timeline, 0).state, 8_000);
    const paused = step(s, { type: 'suspend', now: 38_500 });
    expect(paused.events).toEqual([{ type: 'pause', index: 2, elapsed_ms: 8_000, reason: 'suspend' }]);
    s = paused.state;
    const resumed = step(s, { type: 'resume', now: 40_000 });
    expect(resumed.events).toEqual([{ type: 'resume', index: 2, elapsed_ms: 8_000, reason: 'suspend', paused_ms: 32_000 }]);
    const after: RunEvent[] = [];
    let r = resumed.state;
    for (let t = 41_000; t <= 44_000; t += 1_000) {
      const x = step(r, { type: 'time', now: t });
      after.push(...x.events);
      r = x.state;
    }
    expect(compact(after)).toEqual(['tick2:3000', 'tick2:2000', 'tick2:1000', 'phase3@12000']);
  });

  it('quit or a signal after a stall: elapsed_ms leaves the stall out', () => {
    const timeline = plan(long, lookup);
    const s = liveUntil(start(timeline, 0).state, 8_000);
    const q = step(s, { type: 'interrupt', now: 68_000, signal: 'SIGTERM' });
    expect(compact(q.events)).toEqual(['pause:stall@8000', 'resume:stall@8000+60000', 'end:interrupted@8000']);
  });

  it('a 6 s stop in the middle of a hold of a real routine: every later phase keeps its planned length', () => {
    const r = routine([press('A1', { sides: 'both', rounds: 2 }), rest(20_000), press('M1')]);
    const { clock, events, at, timeline } = phaseTimes(r);
    const hold = timeline.phases.find((p) => p.kind === 'hold')!;
    clock.advance(hold.offset_ms + hold.duration_ms / 2);
    clock.jump(6_000);
    clock.runAll();
    const stall = events.filter((e) => e.type === 'pause' || e.type === 'resume');
    expect(stall).toHaveLength(2);
    expect(stall[1]).toMatchObject({ type: 'resume', reason: 'stall' });
    const gap = (stall[1] as { paused_ms: number }).paused_ms;
    expect(gap).toBeGreaterThanOrEqual(6_000);
    expect(gap).toBeLessThanOrEqual(6_000 + 1_000);
    const lengths = at.slice(1).map((t, i) => t - at[i]!);
    timeline.phases.slice(0, -1).forEach((p, i) => expect(lengths[i]).toBe(p.duration_ms + (p.index === hold.index ? gap : 0)));
    expect(events.at(-1)).toEqual({ type: 'end', completed: true, reason: 'done', elapsed_ms: timeline.total_ms });
  });
});
