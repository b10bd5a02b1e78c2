import { describe, expect, it } from 'vitest';
import { FakeClock, realClock, SPIN_MS } from '../src/core/clock.js';

describe('FakeClock', () => {
  it('fires due timers in time order, including ones scheduled while advancing', () => {
    const c = new FakeClock();
    const log: string[] = [];
    c.setTimeout(() => log.push(`b@${c.now()}`), 20);
    c.setTimeout(() => {
      log.push(`a@${c.now()}`);
      c.setTimeout(() => log.push(`a2@${c.now()}`), 5);
    }, 10);
    c.advance(100);
    expect(log).toEqual(['a@10', 'a2@15', 'b@20']);
    expect(c.now()).toBe(100);
  });

  it('refuses to go backwards', () => {
    const c = new FakeClock(50);
    expect(() => c.advance(-1)).toThrow(/backwards/);
    expect(() => c.advanceTo(10)).toThrow(/before now/);
  });

  it('does not fire timers that are not yet due, and clearTimeout cancels', () => {
    const c = new FakeClock();
    let n = 0;
    const h = c.setTimeout(() => n++, 10);
    c.setTimeout(() => n++, 30);
    c.clearTimeout(h);
    c.advance(29);
    expect(n).toBe(0);
    c.advance(1);
    expect(n).toBe(1);
  });

  it('runAll stops a runaway loop', () => {
    const c = new FakeClock();
    const again = () => c.setTimeout(again, 1);
    again();
    expect(() => c.runAll(100)).toThrow(/more than 100/);
  });
});

describe('realClock', () => {
  it('never fires before its deadline, fractional delays included', async () => {
    const early: number[] = [];
    await Promise.all([0, 0.3, 1.7, 2, 2.5, 5.25, 9, 13.9].map((ms) => new Promise<void>((done) => {
      const due = performance.now() + ms;
      realClock.setTimeout(() => {
        const now = performance.now();
        if (now < due) early.push(due - now);
        done();
      }, ms);
    })));
    expect(early).toEqual([]);
  });

  it('clearTimeout cancels a timer whether it is far off or inside the spin window', async () => {
    let fired = 0;
    const far = realClock.setTimeout(() => fired++, 30);
    const near = realClock.setTimeout(() => fired++, SPIN_MS / 2);
    realClock.clearTimeout(far);
    realClock.clearTimeout(near);
    await new Promise((r) => setTimeout(r, 50));
    expect(fired).toBe(0);
  });
});
