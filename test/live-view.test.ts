import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { paint } from '../src/render/color.js';
import { frameLines, ttySink, type View } from '../src/render/run-tty.js';
import { terminal, UNICODE_GLYPHS, ASCII_GLYPHS } from '../src/render/terminal.js';
import { stripEscapes, width } from '../src/render/width.js';
import { KEY_HELP } from '../src/commands/run/keys.js';
import { FakeClock } from '../src/core/clock.js';
import { plan } from '../src/core/plan.js';
import { startRun } from '../src/core/runner.js';
import type { Io } from '../src/model/io.js';
import { lookup, press, routine } from './fixtures-data.js';

const timeline = plan(routine([press('A1', { rounds: 2, cue: 'Breathe out.' }), press('M1', { rounds: 1 })], { locate: 2_000, ramp: 1_000, hold: 2_000, release: 1_000, switch: 1_000 }), lookup);
const plain = paint(new Chalk({ level: 0 }));
const coloured = paint(new Chalk({ level: 3 }));

/** A fake terminal: records each write, and can be resized. */
function fakeTerminal(columns: number, rows: number, env: Record<string, string> = { TERM: 'xterm-256color', LANG: 'C.UTF-8' }) {
  const writes: string[] = [];
  const listeners: Array<() => void> = [];
  const stdout = {
    isTTY: true, columns, rows,
    write: (s: string) => (writes.push(s), true),
    on: (e: string, fn: () => void) => (e === 'resize' && listeners.push(fn), stdout),
    off: () => stdout,
  };
  const io = { stdout, stderr: stdout, env, platform: 'linux' } as unknown as Io;
  const resize = (c: number, r: number) => ((stdout.columns = c), (stdout.rows = r), listeners.forEach((f) => f()));
  return { io, writes, resize, term: terminal(io) };
}

/** Run the timeline to its end through a live sink, returning everything written. */
function runLive(columns: number, rows: number, control: (run: ReturnType<typeof startRun>, sink: ReturnType<typeof ttySink>, clock: FakeClock) => void = () => {}) {
  const t = fakeTerminal(columns, rows);
  const clock = new FakeClock();
  let run: ReturnType<typeof startRun> | undefined;
  const sink = ttySink(t.io, timeline, plain, t.term, { keys: KEY_HELP, pointName: (id) => `P${id}`, progress: () => run?.state ?? { ranThrough: [], cutShort: [] } });
  run = startRun(timeline, clock, sink.handle);
  control(run, sink, clock);
  clock.runAll();
  sink.stop();
  return t.writes;
}

describe('the live frame', () => {
  const texts = fc.constantFrom(
    'Hold steady pressure on LI4 (Hégǔ), left hand. Breathe slowly.',
    '用拇指按压合谷穴，保持稳定的压力，慢慢呼吸。然后放松，再重复一次。',
    'Press gently 🙂🧘‍♀️ and breathe 🇯🇵 ⚠️ out — then https://example.com/a/very/long/path/that/never/fits',
    'x'.repeat(300),
  );
  it('fits every width from 30 to 200 columns and the terminal height, with emoji and CJK text', () => {
    fc.assert(fc.property(
      fc.integer({ min: 30, max: 200 }), fc.integer({ min: 6, max: 60 }), texts, fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: timeline.phases.length - 1 }), fc.boolean(),
      (columns, rows, text, paused, help, index, ascii) => {
        const t = { ...timeline, phases: timeline.phases.map((p) => ({ ...p, text })) };
        const c = { ...coloured, g: ascii ? ASCII_GLYPHS : UNICODE_GLYPHS };
        const v: View = { index, remaining: 1_000, elapsed: 0, paused, help, frame: 3 };
        const lines = frameLines(t, v, c, { columns, rows }, KEY_HELP);
        expect(lines.length).toBeLessThanOrEqual(rows - 1);
        for (const l of lines) expect(width(l), l).toBeLessThan(columns);
        // The countdown and the progress bar are always there.
        expect(stripEscapes(lines[0]!)).toMatch(/[A-Z]+ \d:\d\d/);
        expect(stripEscapes(lines.join('\n'))).toMatch(ascii ? /#*-* / : /█*░* /);
      }), { numRuns: 400 });
  });

  it('a paused run shows a still symbol; the spinner turns only while running', () => {
    const v: View = { index: 2, remaining: 1_400, elapsed: 0, paused: true, help: false, frame: 0 };
    const a = frameLines(timeline, v, plain, { columns: 80, rows: 24 }, KEY_HELP);
    const b = frameLines(timeline, { ...v, frame: 5 }, plain, { columns: 80, rows: 24 }, KEY_HELP);
    expect(a[0]).toMatch(/^⏸ HOLD 0:02 {2}PAUSED — space resumes$/);
    expect(b).toEqual(a);
    expect(frameLines(timeline, { ...v, paused: false, frame: 5 }, plain, { columns: 80, rows: 24 }, KEY_HELP)[0]).toMatch(/^⠴ HOLD/);
  });

  it('? opens a panel naming every key the run understands', () => {
    const closed = frameLines(timeline, { index: 0, remaining: 1_000, elapsed: 0, paused: false, help: false }, plain, { columns: 80, rows: 24 }, KEY_HELP);
    expect(closed.at(-1)).toBe('  space pause · s skip · b back · q quit · ? keys');
    const open = frameLines(timeline, { index: 0, remaining: 1_000, elapsed: 0, paused: false, help: true }, plain, { columns: 80, rows: 24 }, KEY_HELP);
    const panel = open.slice(open.indexOf('  Keys (? closes)') + 1);
    expect(panel).toHaveLength(KEY_HELP.length);
    for (const k of KEY_HELP) expect(panel.some((l) => l.startsWith(`  ${k.key}`) && l.includes(k.what))).toBe(true);
  });

  it('the hint line drops back, skip and pause before quit: from 30 columns up it says "q quit"', () => {
    const hint = (columns: number) => frameLines(timeline, { index: 0, remaining: 1_000, elapsed: 0, paused: false, help: false }, plain, { columns, rows: 24 }, KEY_HELP).at(-1)!;
    for (let columns = 30; columns <= 80; columns++) {
      expect(hint(columns)).toContain('q quit');
      expect(width(hint(columns))).toBeLessThanOrEqual(columns - 1);
    }
    expect(hint(45)).toBe('  space pause · s skip · q quit · ? keys');
    expect(hint(40)).toBe('  space pause · q quit · ? keys');
    expect(hint(30)).toBe('  q quit · ? keys');
  });
});

describe('the live sink', () => {
  // A stand-in figure as tall as it is let be, so a frame's figure rows show the rows it was given.
  const figureRows = (text: string) => stripEscapes(text).split('\n').filter((l) => l.endsWith('FFFFFFFFFFFFFFFFFFFFFFFF')).length;
  const figure = (index: number) => (['locate', 'switch'].includes(timeline.phases[index]!.kind)
    ? (_cols: number, rows: number) => ({ width: 24, lines: Array.from({ length: Math.min(rows, 18) }, () => 'F'.repeat(24)) })
    : undefined);

  it('keeps the lines printed above (red flags, tips) on screen until the first hold, beside a view that loses nothing to them', () => {
    const t = fakeTerminal(80, 40);
    const clock = new FakeClock();
    const sink = ttySink(t.io, timeline, plain, t.term, { keys: KEY_HELP, pointName: (id) => id, keepAbove: 25, figure });
    expect(sink.notesCut).toBe(false);
    const shown: string[] = [];
    const run = startRun(timeline, clock, (ev) => {
      sink.handle(ev);
      if (ev.type === 'phase' || ev.type === 'start') shown.push(`${timeline.phases[ev.type === 'phase' ? ev.index : 0]!.kind} ${figureRows(t.writes.at(-1)!)}`);
    });
    clock.runAll();
    sink.stop();
    void run;
    // 40 rows less the 25 kept, less the cursor's line and the spinner's: a figure of 13 rows
    // while the point is found; from the first hold the view has the screen, and the figure its 18.
    expect(shown.slice(0, 4)).toEqual(['locate 13', 'locate 13', 'ramp 0', 'hold 0']);
    expect(shown.find((s) => s.startsWith('switch'))).toBe('switch 18');
  });

  it('the notes are too long to keep when the view beside them would lose any of its text: the run is told to wait', () => {
    const long = { ...timeline, phases: timeline.phases.map((p) => ({ ...p, text: 'word '.repeat(200) })) };
    const sink = (keepAbove: number) => ttySink(fakeTerminal(40, 24).io, long, plain, fakeTerminal(40, 24).term, { keys: KEY_HELP, pointName: (id) => id, keepAbove });
    // 1,000 characters at 40 columns need more than the 12 rows left, though a frame of 6 would fit.
    expect(sink(12).notesCut).toBe(true);
    expect(sink(19).notesCut).toBe(true);
    // Text that fits in the rows left: the notes stay.
    const short = { ...timeline, phases: timeline.phases.map((p) => ({ ...p, text: 'word '.repeat(30) })) };
    expect(ttySink(fakeTerminal(40, 24).io, short, plain, fakeTerminal(40, 24).term, { keys: KEY_HELP, pointName: (id) => id, keepAbove: 12 }).notesCut).toBe(false);
  });

  it('the notes are too long to keep when they would leave out the figure the whole screen shows: the run is told to wait', () => {
    const sink = (keepAbove: number) => ttySink(fakeTerminal(80, 24).io, timeline, plain, fakeTerminal(80, 24).term, { keys: KEY_HELP, pointName: (id) => id, keepAbove, figure });
    // 24 rows less 14: a figure of 8 rows still fits beside the text; less 16, none would.
    expect(sink(14).notesCut).toBe(false);
    expect(sink(16).notesCut).toBe(true);
    // With no figure to show, the same notes stay: the short text fits under them.
    expect(ttySink(fakeTerminal(80, 24).io, timeline, plain, fakeTerminal(80, 24).term, { keys: KEY_HELP, pointName: (id) => id, keepAbove: 16 }).notesCut).toBe(false);
  });

  it('writes each frame whole, in one call, in synchronized output, never a cleared frame', () => {
    const writes = runLive(60, 20, (run, sink, clock) => {
      clock.advance(1_500);
      run.send('toggle');
      sink.toggleHelp();
      run.send('toggle');
    });
    const frames = writes.filter((w) => w.includes('\x1b[?2026h'));
    expect(frames.length).toBeGreaterThan(timeline.phases.length);
    for (const f of frames) {
      expect(f.startsWith('\x1b[?2026h')).toBe(true);
      expect(f.endsWith('\x1b[?2026l')).toBe(true);
      expect(stripEscapes(f)).toMatch(/[A-Z]+ \d:\d\d/);
      expect(f).not.toMatch(/\x1b\[2K|\x1b\[2J/); // overwritten in place, not erased first
    }
    expect(writes.at(-1)).toBe('\x1b[?25h');
  });

  it('prints each finished point once, with its name and sides', () => {
    const text = stripEscapes(runLive(80, 24).join(''));
    expect(text.match(/✔ A1 PA1, left and right/g)).toHaveLength(1);
    expect(text.match(/✔ M1 PM1\n/g)).toHaveLength(1); // a midline point: no side
    expect(text).not.toMatch(/A1 A1/);
  });

  it('a step back and forward does not print a point twice', () => {
    const index = timeline.phases.findIndex((p) => p.point === 'M1');
    const text = stripEscapes(runLive(80, 24, (run, _sink, clock) => {
      clock.advance(timeline.phases[index]!.offset_ms + 100);
      run.send('back');
      run.send('skip');
    }).join(''));
    expect(text.match(/✔ A1 PA1/g)).toHaveLength(1);
  });

  it('falls back to plain lines when the terminal shrinks below the live view, and back', () => {
    const t = fakeTerminal(80, 24);
    const clock = new FakeClock();
    const sink = ttySink(t.io, timeline, plain, t.term, { keys: KEY_HELP, pointName: () => undefined });
    const run = startRun(timeline, clock, sink.handle);
    clock.advance(2_500);
    t.resize(0, 0);
    const from = t.writes.length;
    clock.advance(3_000);
    const small = t.writes.slice(from).join('');
    expect(small).not.toMatch(/\x1b\[/);
    expect(small).toMatch(/^ 0:03  hold /m);
    t.resize(50, 20);
    clock.advance(1_000);
    expect(t.writes.at(-1)).toMatch(/^\x1b\[\?2026h/);
    clock.runAll();
    sink.stop();
    void run;
  });
});
