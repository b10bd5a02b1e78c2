// Which points a run worked, as the summary, the live view's finished lines and the session log
// say it: a side counts when its hold ran to its end, "partly" when it ran at least half before it
// was skipped or the run stopped. Runs go on the fake clock, so each takes milliseconds.
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { FakeClock } from '../src/core/clock.js';
import { plan } from '../src/core/plan.js';
import { startRun, type Control } from '../src/core/runner.js';
import { pointsWorked, sessionRecord, sidesWorked, workedSoFar, type RunProgress } from '../src/core/session-record.js';
import type { Catalog } from '../src/model/catalog.js';
import type { RunEvent } from '../src/model/events.js';
import { historyLineSchema } from '../src/model/history.js';
import { paint } from '../src/render/color.js';
import { ttySink } from '../src/render/run-tty.js';
import { summary } from '../src/render/summary.js';
import { terminal } from '../src/render/terminal.js';
import { stripEscapes } from '../src/render/width.js';
import type { Io } from '../src/model/io.js';
import { KEY_HELP } from '../src/commands/run/keys.js';
import { lookup, point, POINTS, press, routine } from './fixtures-data.js';

// Two points on both hands, one round each: A1 left and right, then B1 left and right.
const timeline = plan(routine([press('A1', { rounds: 1 }), press('B1', { rounds: 1 })], { locate: 2_000, ramp: 1_000, hold: 4_000, release: 1_000, switch: 1_000 }), lookup);
const catalog = { points: new Map(Object.entries(POINTS)) } as unknown as Catalog;
const plain = paint(new Chalk({ level: 0 }));
const phase = (point: string, kind: string, side?: string) => timeline.phases.find((p) => p.point === point && p.kind === kind && (!side || p.side === side))!;

/** A live sink on a fake 80x30 terminal, what it wrote, and the run driving it. */
function liveRun() {
  const writes: string[] = [];
  const stdout = { isTTY: true, columns: 80, rows: 30, write: (s: string) => (writes.push(s), true), on: () => stdout, off: () => stdout };
  const io = { stdout, stderr: stdout, env: { TERM: 'xterm-256color', LANG: 'C.UTF-8' }, platform: 'linux' } as unknown as Io;
  const clock = new FakeClock(1_000_000);
  let run: ReturnType<typeof startRun> | undefined;
  const sink = ttySink(io, timeline, plain, terminal(io), { keys: KEY_HELP, pointName: (id) => `P${id}`, progress: () => run?.state ?? { ranThrough: [], cutShort: [] } });
  const events: RunEvent[] = [];
  run = startRun(timeline, clock, (ev) => (events.push(ev), sink.handle(ev)));
  return {
    clock,
    events,
    /** Advance the active time to `ms` into the run (pauses aside). */
    at: (ms: number) => clock.advance(ms - (clock.now() - 1_000_000 - run!.state.pausedMs)),
    send: (c: Control) => run!.send(c),
    /** End the run; the summary, the finished lines and the session record's points. */
    end() {
      if (run!.state.status !== 'done') run!.send('quit');
      sink.stop();
      const state = run!.state;
      const text = summary(catalog, timeline, state.end!, state, [], Infinity);
      const ticks = stripEscapes(writes.join('')).split(/[\n\r]/).filter((l) => /^(✔|·) /.test(l));
      const rec = sessionRecord(timeline, state.end!, state, { kind: 'routine', target: 'test', session: 'x-0000', startMs: 0, endMs: 1, startOffset: 0, endOffset: 0, conditions: [] });
      expect(historyLineSchema.safeParse(JSON.parse(JSON.stringify(rec))).success).toBe(true);
      return { text, worked: /^Points worked: .*$/m.exec(text)?.[0], ticks, points: rec.points, partly: rec.partly };
    },
  };
}

describe('points worked', () => {
  it('a run to its end: every point, both sides, in the summary, the finished lines and the record', () => {
    const r = liveRun();
    r.clock.runAll();
    const out = r.end();
    expect(out.worked).toBe('Points worked: A1 PA1, left and right; B1 PB1, left and right.');
    expect(out.ticks).toEqual(['✔ A1 PA1, left and right', '✔ B1 PB1, left and right']);
    expect(out.points).toEqual([{ point: 'A1', sides: ['left', 'right'] }, { point: 'B1', sides: ['left', 'right'] }]);
    expect(out.partly).toBeUndefined();
  });

  it('quit during the next point\'s ramp: that point is not worked (only the ones held)', () => {
    const r = liveRun();
    r.at(phase('B1', 'ramp', 'left').offset_ms + 500);
    const out = r.end();
    expect(out.worked).toBe('Points worked: A1 PA1, left and right.');
    expect(out.ticks).toEqual(['✔ A1 PA1, left and right']);
    expect(out.points).toEqual([{ point: 'A1', sides: ['left', 'right'] }]);
    expect(out.partly).toBeUndefined();
  });

  it('skipping every phase to the end works no point: no "Points worked", no finished lines, an empty record', () => {
    const r = liveRun();
    for (let i = 0; i < timeline.phases.length; i++) r.send('skip');
    const out = r.end();
    expect(out.text).toMatch(/^Skipped to the end/);
    expect(out.worked).toBeUndefined();
    expect(out.ticks).toEqual([]);
    expect(out.points).toEqual([]);
    expect(out.partly).toBeUndefined();
  });

  it('a hold cut short after at least half its time is worked "partly"; before half, not at all', () => {
    const hold = phase('B1', 'hold', 'left');
    const half = liveRun();
    half.at(hold.offset_ms + hold.duration_ms / 2);
    const out = half.end();
    expect(out.worked).toBe('Points worked: A1 PA1, left and right; B1 PB1, left, partly.');
    expect(out.points).toEqual([{ point: 'A1', sides: ['left', 'right'] }]);
    expect(out.partly).toEqual([{ point: 'B1', sides: ['left'] }]);
    const less = liveRun();
    less.at(hold.offset_ms + hold.duration_ms / 2 - 1);
    expect(less.end().partly).toBeUndefined();
  });

  it('pauses do not count as holding: paused a second into a hold for a minute, then quit, is not worked', () => {
    const hold = phase('A1', 'hold', 'left');
    const r = liveRun();
    r.at(hold.offset_ms + 1_000);
    r.send('pause');
    r.clock.advance(60_000);
    const out = r.end();
    expect(out.worked).toBeUndefined();
    expect(out.points).toEqual([]);
  });

  it('one side held through and the other skipped after half: "left (right partly)", in the summary and the finished line', () => {
    const right = phase('A1', 'hold', 'right');
    const r = liveRun();
    r.at(right.offset_ms + 3_000);
    r.send('skip'); // the release
    r.send('skip'); // on to B1
    r.at(phase('B1', 'ramp', 'left').offset_ms); // the planned times, less the second skipped
    const out = r.end();
    expect(out.worked).toBe('Points worked: A1 PA1, left (right partly).');
    expect(out.ticks).toEqual(['✔ A1 PA1, left (right partly)']);
    expect(out.points).toEqual([{ point: 'A1', sides: ['left'] }]);
    expect(out.partly).toEqual([{ point: 'A1', sides: ['right'] }]);
  });

  it('a point skipped before its hold gets no finished line, and a hold gone back to and held through counts in full', () => {
    const r = liveRun();
    // Skip through A1 (locate, ramp, hold left at once...), then come back to A1's left hold and hold it.
    const holdL = phase('A1', 'hold', 'left');
    r.send('skip'); r.send('skip'); // locate, ramp: now in the left hold
    r.send('skip'); // the hold skipped at once
    r.send('back'); // back into it
    expect(r.events.filter((e) => e.type === 'phase').at(-1)).toMatchObject({ index: holdL.index });
    r.clock.advance(holdL.duration_ms);
    const out = r.end();
    expect(out.points).toEqual([{ point: 'A1', sides: ['left'] }]);
    expect(out.worked).toBe('Points worked: A1 PA1, left.');
  });

  it('the live view\'s finished lines read the run\'s progress once over, not all of it again for each point (linear, not points × phases)', () => {
    // 60 points, both sides: 480 phases. Reading every phase that ran for each finished point was ~15,000 reads.
    const ids = Array.from({ length: 60 }, (_, i) => `Q${i}`);
    const long = plan(routine(ids.map((id) => press(id, { rounds: 1 })), { locate: 2_000, ramp: 1_000, hold: 4_000, release: 1_000, switch: 1_000 }), (id) => point(id));
    let reads = 0;
    const counted = <T extends object>(a: T): T => new Proxy(a, { get: (o, k, r) => (typeof k === 'string' && /^\d+$/.test(k) && reads++, Reflect.get(o, k, r)) });
    const writes: string[] = [];
    const stdout = { isTTY: true, columns: 80, rows: 30, write: (x: string) => (writes.push(x), true), on: () => stdout, off: () => stdout };
    const io = { stdout, stderr: stdout, env: { TERM: 'xterm-256color', LANG: 'C.UTF-8' }, platform: 'linux' } as unknown as Io;
    const clock = new FakeClock(0);
    let run: ReturnType<typeof startRun> | undefined;
    const progress = (): RunProgress => {
      const s = run?.state ?? { ranThrough: [], cutShort: [] };
      return { ranThrough: counted([...s.ranThrough]), cutShort: counted([...s.cutShort]) };
    };
    const sink = ttySink(io, long, plain, terminal(io), { keys: KEY_HELP, pointName: () => undefined, progress });
    run = startRun(long, clock, (ev) => sink.handle(ev));
    clock.runAll();
    sink.stop();
    expect(stripEscapes(writes.join('')).split(/[\n\r]/).filter((l) => l.startsWith('✔ ')).length).toBe(60);
    expect(reads).toBeLessThanOrEqual(long.phases.length);
  });

  it('workedSoFar, called as a run goes, says for each point what pointsWorked says of the progress so far', () => {
    const holds = timeline.phases.filter((p) => p.kind === 'hold');
    // A fixed pseudo-random walk: each hold ran through, cut short by some amount, or neither.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 50; trial++) {
      const soFar = workedSoFar(timeline);
      const ranThrough: number[] = [];
      const cutShort: [number, number][] = [];
      for (let step = 0; step < 8; step++) {
        const h = holds[Math.floor(next() * holds.length)]!;
        if (next() < 0.4) ranThrough.push(h.index);
        else cutShort.push([h.index, Math.round(next() * h.duration_ms)]);
        const progress = { ranThrough: [...ranThrough], cutShort: [...cutShort] };
        const all = sidesWorked(pointsWorked(timeline, progress));
        for (const id of timeline.points) expect(soFar(progress, id)).toEqual(all(id));
      }
    }
  });
});
