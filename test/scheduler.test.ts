import { describe, expect, it } from 'vitest';
import { FakeClock } from '../src/core/clock.js';
import type { PhaseEvent, RunEvent } from '../src/model/events.js';
import { plan } from '../src/core/plan.js';
import { startRun } from '../src/core/runner.js';
import { start, step } from '../src/core/scheduler.js';
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
  return `${e.type}${'elapsed_ms' in e ? `@${e.elapsed_ms}` : ''}`;
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
      'start', 'phase0@0', 'tick0:1000', 'phase1@2000', 'pause@2500', 'resume@2500', 'phase2@3000', 'tick2:2000', 'tick2:1000', 'phase3@6000', 'end:done@7000',
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
});
