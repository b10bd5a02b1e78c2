// Job control and signals with fakes: the live view's handlers and the prompt guard.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { plan } from '../src/core/plan.js';
import { startRun } from '../src/core/runner.js';
import type { RunEvent } from '../src/model/events.js';
import { liveControl } from '../src/commands/run/job-control.js';
import { askGuarded, askLeavable, type PromptContext } from '../src/commands/prompt-guard.js';
import { ESC_TIMEOUT_MS } from '../src/commands/run/key-parser.js';
import { KEY_HELP } from '../src/commands/run/keys.js';
import { ttySink } from '../src/render/run-tty.js';
import { terminal } from '../src/render/terminal.js';
import { paint } from '../src/render/color.js';
import { Chalk } from 'chalk';
import { FakeClock } from '../src/core/clock.js';
import type { Io } from '../src/model/io.js';
import { fakeIo } from './helpers.js';
import { lookup, press, routine } from './fixtures-data.js';

/** A fake terminal stdin that records raw-mode changes. */
function ttyStdin() {
  const e = new EventEmitter();
  const modes: boolean[] = [];
  const flow = { on: false };
  return Object.assign(e, { isTTY: true, modes, flow, setRawMode: (m: boolean) => modes.push(m), resume: () => void (flow.on = true), pause: () => void (flow.on = false) });
}

describe('live view job control', () => {
  it('Ctrl-Z pauses (suspend), clears the view, leaves raw mode and stops; SIGCONT brings raw mode and the view back, still paused', () => {
    const f = fakeIo();
    const stdin = ttyStdin();
    f.io.stdin = stdin;
    const events: RunEvent[] = [];
    const control = liveControl(f.io);
    const run = startRun(plan(routine([press('M1')]), lookup), f.clock, (e) => events.push(e));
    const calls: string[] = [];
    control.attach(run, { suspend: () => calls.push('suspend'), resume: () => calls.push('resume'), toggleHelp: () => void calls.push('help') });
    f.clock.advance(1_500);
    stdin.emit('data', Buffer.from('\x1a')); // Ctrl-Z in raw mode
    expect(events.at(-1)).toEqual({ type: 'pause', index: 0, elapsed_ms: 1_500, reason: 'suspend' });
    expect(calls).toEqual(['suspend']);
    expect(f.job.stops).toBe(1);
    // The terminal sent no signal for this Ctrl-Z: stop the whole job, as its own Ctrl-Z would.
    expect(f.job.scopes).toEqual(['job']);
    expect(stdin.modes.at(-1)).toBe(false);
    f.clock.advance(60_000); // stopped: no timers, no events
    expect(events.at(-1)!.type).toBe('pause');
    f.jobSignal('SIGCONT');
    expect(calls).toEqual(['suspend', 'resume']);
    expect(stdin.modes.slice(-2)).toEqual([false, true]); // raw mode entered afresh
    expect(run.state.status).toBe('paused');
    stdin.emit('data', ' ');
    expect(events.at(-1)).toEqual({ type: 'resume', index: 0, elapsed_ms: 1_500, reason: 'suspend', paused_ms: 60_000 });
    control.stop();
    expect(f.job.SIGTSTP.size + f.job.SIGCONT.size).toBe(0);
  });

  it('with no key to read (stdin not a terminal), SIGCONT after a stop goes on by itself: nothing could press space', () => {
    const f = fakeIo();
    const control = liveControl(f.io, { keys: false });
    const events: RunEvent[] = [];
    const run = startRun(plan(routine([press('M1')]), lookup), f.clock, (e) => events.push(e));
    const calls: string[] = [];
    control.attach(run, { suspend: () => calls.push('suspend'), resume: () => calls.push('resume'), toggleHelp: () => void calls.push('help') });
    f.clock.advance(1_000);
    f.jobSignal('SIGTSTP');
    expect(run.state.status).toBe('paused');
    f.clock.advance(30_000);
    f.jobSignal('SIGCONT');
    expect(calls).toEqual(['suspend', 'resume']);
    expect(run.state.status).toBe('running');
    expect(events.at(-1)).toEqual({ type: 'resume', index: 0, elapsed_ms: 1_000, reason: 'suspend', paused_ms: 30_000 });
    control.stop();
  });

  it('SIGTSTP from outside does the same, also before the run has started; SIGCONT after SIGSTOP pauses', () => {
    const f = fakeIo();
    f.io.stdin = ttyStdin();
    const control = liveControl(f.io);
    f.jobSignal('SIGTSTP'); // before attach: nothing drawn yet, just stop
    expect(f.job.stops).toBe(1);
    expect(f.job.scopes).toEqual(['process']); // where its sender sent it
    const events: RunEvent[] = [];
    const run = startRun(plan(routine([press('M1')]), lookup), f.clock, (e) => events.push(e));
    control.attach(run, { suspend: () => {}, resume: () => {}, toggleHelp: () => {} });
    f.clock.advance(2_000);
    f.jobSignal('SIGCONT'); // e.g. fg after kill -STOP: the person decides when to go on
    expect(events.at(-1)).toMatchObject({ type: 'pause', reason: 'suspend' });
    control.stop();
  });
});

/** Let the guard make the prompt's streams and draw the question (a turn of the event loop). */
const drawn = () => new Promise((r) => setImmediate(r));

/** A colour, UTF-8 terminal: prompts write straight to stdout. */
const TERM = { color: 1, unicode: true } as const;

/** A live view on a fake 80x24 terminal and a FakeClock; `spin` beats the spinner by hand. */
function liveView() {
  const writes: string[] = [];
  const stdout = { isTTY: true, columns: 80, rows: 24, write: (x: string) => (writes.push(x), true), on: () => stdout, off: () => stdout };
  const clock = new FakeClock();
  const io = { stdout, stderr: stdout, env: { TERM: 'xterm-256color', LANG: 'C.UTF-8' }, platform: 'linux', clock } as unknown as Io;
  let spin = () => {};
  const timeline = plan(routine([press('M1')]), lookup);
  const sink = ttySink(io, timeline, paint(new Chalk({ level: 0 })), terminal(io), { keys: KEY_HELP, pointName: () => undefined, every: (_ms, fn) => ((spin = fn), () => {}) });
  const run = startRun(timeline, clock, sink.handle);
  const since = (mark: number) => writes.slice(mark).join('');
  return { writes, clock, sink, run, spin: () => spin(), since };
}

const CURSOR_UP = /\x1b\[\d+A/;

describe('the live view around a stop', () => {
  it('suspend erases the frame, shows the cursor and ends bracketed paste; nothing is drawn until resume, which draws afresh below', () => {
    const v = liveView();
    for (let i = 0; i < 20; i++) v.clock.advance(80), v.spin();
    expect(v.writes.join('')).toContain('\x1b[?2004h'); // paste markers on while the view runs
    let mark = v.writes.length;
    v.run.send('suspend');
    v.sink.suspend();
    const gone = v.since(mark);
    expect(gone).toMatch(/\x1b\[J/);
    expect(gone).toContain('\x1b[?2004l');
    expect(gone.endsWith('\x1b[?25h')).toBe(true);
    mark = v.writes.length;
    v.clock.advance(5_000); // stopped: the shell has the terminal
    v.spin();
    expect(v.since(mark)).toBe('');
    v.sink.resume();
    v.clock.advance(50); // drawn once things settle (a second SIGCONT, fg's, may follow)
    const back = v.since(mark);
    expect(back).not.toMatch(CURSOR_UP); // a fresh frame where the cursor is, the old one forgotten
    expect(back).toContain('\x1b[?25l');
    expect(back).toContain('\x1b[?2004h');
    expect(back).toMatch(/PAUSED/);
    v.sink.stop();
  });

  it('after a gap in the spinner\'s beat (a SIGSTOP it could not see), draws wait; a resume in that moment draws afresh, never over the shell\'s lines', () => {
    const v = liveView();
    for (let i = 0; i < 20; i++) v.clock.advance(80), v.spin();
    const mark = v.writes.length;
    v.clock.jump(6_000); // the run's own timers fire late, before the SIGCONT handler runs
    v.spin();
    expect(v.since(mark)).toBe(''); // moving up now would erase "Stopped" and "fg"
    v.sink.resume(); // the SIGCONT handler
    v.clock.advance(50);
    const back = v.since(mark);
    expect(back).not.toMatch(CURSOR_UP);
    expect(back).toMatch(/LOCATE \d:\d\d/);
    v.clock.advance(80);
    v.spin();
    expect(v.since(mark)).toMatch(CURSOR_UP); // and from there on, frames overwrite that frame
    v.sink.stop();
  });

  it('two SIGCONTs for one return (kill -CONT in the background, then fg) draw one frame, not a second below the first', () => {
    const v = liveView();
    for (let i = 0; i < 5; i++) v.clock.advance(80), v.spin();
    v.run.send('suspend');
    v.sink.suspend();
    const mark = v.writes.length;
    v.clock.advance(5_000);
    v.sink.resume(); // the first handler, which waited on raw mode until fg
    v.sink.resume(); // fg's own SIGCONT, handled right after
    v.clock.advance(50);
    const back = v.since(mark);
    expect(back.match(/PAUSED/g)).toHaveLength(1);
    expect(back).not.toMatch(CURSOR_UP);
    v.run.send('toggle'); // space: going on redraws over that frame, in place
    expect(v.since(mark)).toMatch(CURSOR_UP);
    v.sink.stop();
  });

  it('with no key to read, the hint line says so and promises none', () => {
    const writes: string[] = [];
    const stdout = { isTTY: true, columns: 80, rows: 24, write: (x: string) => (writes.push(x), true), on: () => stdout, off: () => stdout };
    const io = { stdout, stderr: stdout, env: { TERM: 'xterm-256color', LANG: 'C.UTF-8' }, platform: 'linux', clock: new FakeClock() } as unknown as Io;
    const timeline = plan(routine([press('M1')]), lookup);
    const sink = ttySink(io, timeline, paint(new Chalk({ level: 0 })), terminal(io), { keys: [], pointName: () => undefined });
    startRun(timeline, io.clock, sink.handle);
    const screen = writes.join('');
    expect(screen).toMatch(/keys off: stdin is not a terminal/);
    expect(screen).not.toMatch(/space|quit|\? keys/);
    sink.stop();
  });

  it('a gap that was mere slowness costs one short wait, and the frame goes on in place', () => {
    const v = liveView();
    for (let i = 0; i < 20; i++) v.clock.advance(80), v.spin();
    const mark = v.writes.length;
    v.clock.advance(400);
    v.spin();
    expect(v.since(mark)).toBe('');
    v.clock.advance(50);
    expect(v.since(mark)).toMatch(CURSOR_UP);
    v.sink.stop();
  });
});

/** A stand-in for an inquirer prompt: draws a frame, and settles as told or when aborted. */
function fakePrompt(ctx: PromptContext, frame: string) {
  ctx.output.write(frame);
  let answer!: (v: string) => void;
  const p = new Promise<string>((resolve, reject) => {
    answer = resolve;
    ctx.signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortPromptError' })));
  });
  return { p, answer };
}

/** A question asked through the guard on a fake terminal, drawn: its io, stdin, answer and prompt. */
async function guardedQuestion(frame: string) {
  const f = fakeIo({}, true);
  const stdin = ttyStdin();
  f.io.stdin = stdin;
  let prompt!: ReturnType<typeof fakePrompt>;
  const asked = askGuarded(f.io, TERM, (ctx) => (prompt = fakePrompt(ctx, frame)).p);
  await drawn();
  return { f, stdin, asked, prompt };
}

describe('prompt guard', () => {
  it.each([['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130]] as const)('%s at a question: ExitError %i with a one-line note, cursor shown, cooked mode', async (sig, code) => {
    const f = fakeIo({}, true);
    const stdin = ttyStdin();
    f.io.stdin = stdin;
    const asked = askGuarded(f.io, TERM, (ctx) => fakePrompt(ctx, '? Which routine?\n❯ A\x1b[?25l').p);
    await drawn();
    f.signal(sig);
    await expect(asked).rejects.toMatchObject({ name: 'ExitError', exitCode: code, message: `interrupted by ${sig} at a question; nothing was saved or run` });
    expect(f.stdout.text().endsWith('\x1b[?25h')).toBe(true);
    expect(stdin.modes.at(-1)).toBe(false);
  });

  it('a signal before the question is drawn: the same exit, and no question is asked', async () => {
    const f = fakeIo({}, true);
    f.io.stdin = ttyStdin();
    let asked = false;
    const p = askGuarded(f.io, TERM, (ctx) => ((asked = true), fakePrompt(ctx, '? Which routine?').p));
    f.signal('SIGTERM'); // the handlers are in before anything is awaited
    await expect(p).rejects.toMatchObject({ name: 'ExitError', exitCode: 143 });
    expect(asked).toBe(false);
    expect(f.stdout.text().endsWith('\x1b[?25h')).toBe(true);
  });

  it('the output gone at a question (SIGPIPE through the io): the question ends, silently, and main decides the exit', async () => {
    const f = fakeIo({}, true);
    f.io.stdin = ttyStdin();
    const asked = askGuarded(f.io, TERM, (ctx) => fakePrompt(ctx, '? Which routine?').p);
    await drawn();
    f.signal('SIGPIPE');
    await expect(asked).rejects.toMatchObject({ name: 'ExitError', exitCode: 0, message: '' });
  });

  it('the note says what an interruption leaves behind', async () => {
    const f = fakeIo({}, true);
    const asked = askGuarded(f.io, TERM, (ctx) => fakePrompt(ctx, '? And how strong is it now?').p, 'the session is logged');
    await drawn();
    f.signal('SIGHUP');
    await expect(asked).rejects.toMatchObject({ exitCode: 129, message: 'interrupted by SIGHUP at a question; the session is logged' });
  });

  it('Ctrl-C inside the prompt (inquirer\'s ExitPromptError) is SIGINT; other errors pass through', async () => {
    const f = fakeIo({}, true);
    await expect(askGuarded(f.io, TERM, () => Promise.reject(Object.assign(new Error('x'), { name: 'ExitPromptError' })))).rejects.toMatchObject({ exitCode: 130 });
    await expect(askGuarded(f.io, TERM, () => Promise.reject(new TypeError('boom')))).rejects.toThrow('boom');
  });

  it('Ctrl-Z moves below the question and stops; fg draws the question again as it was and it still answers', async () => {
    const f = fakeIo({}, true);
    const stdin = ttyStdin();
    f.io.stdin = stdin;
    // An inquirer frame: erase the last one, draw, cursor up to the answer line and to its column.
    const frame = '\x1b[2B\x1b[2K\x1b[1A\x1b[2K\x1b[1A\x1b[2K\x1b[G? Which routine?\n❯ A\n  B\x1b[?25l\x1b[2A\x1b[17G';
    let prompt!: ReturnType<typeof fakePrompt>;
    const asked = askGuarded(f.io, TERM, (ctx) => (prompt = fakePrompt(ctx, frame)).p);
    await drawn();
    f.stdout.chunks.length = 0;
    f.jobSignal('SIGTSTP');
    expect(f.stdout.text()).toBe('\x1b[2B\r\n\x1b[?25h');
    expect(f.job.stops).toBe(1);
    expect(f.job.scopes).toEqual(['process']); // a SIGTSTP from outside
    expect(stdin.modes.at(-1)).toBe(false);
    f.stdout.chunks.length = 0;
    f.jobSignal('SIGCONT');
    await new Promise((r) => setImmediate(r));
    expect(f.stdout.text()).toBe('? Which routine?\n❯ A\n  B\x1b[?25l\x1b[2A\x1b[17G');
    expect(stdin.modes.slice(-2)).toEqual([false, true]);
    prompt.answer('A');
    await expect(asked).resolves.toBe('A');
    expect(f.job.SIGTSTP.size + f.job.SIGCONT.size).toBe(0);
  });

  it('Ctrl-Z read by the prompt (readline sends SIGTSTP to our pid alone) stops the whole job; a later SIGTSTP from outside stops the process', async () => {
    const { f, stdin, asked, prompt } = await guardedQuestion('? Which routine?');
    stdin.emit('keypress', '\x1a', { name: 'z', ctrl: true });
    f.jobSignal('SIGTSTP');
    f.jobSignal('SIGCONT');
    f.jobSignal('SIGTSTP');
    f.jobSignal('SIGCONT');
    expect(f.job.scopes).toEqual(['job', 'process']);
    prompt.answer('A');
    await expect(asked).resolves.toBe('A');
    expect(stdin.listenerCount('keypress')).toBe(0);
  });

  it.each([['answered'], ['SIGINT'], ['SIGTERM']] as const)('after Ctrl-Z and fg, a question that ends (%s) stops reading the terminal, so the process can end', async (how) => {
    // readline pauses itself on SIGCONT and so never pauses its input again on close; the guard
    // resumed that input, and a terminal left flowing kept the process alive after the note.
    const { f, stdin, asked, prompt } = await guardedQuestion('? Which routine?');
    f.jobSignal('SIGTSTP');
    f.jobSignal('SIGCONT');
    await new Promise((r) => setImmediate(r));
    expect(stdin.flow.on).toBe(true); // reading keys again after fg
    if (how === 'answered') {
      prompt.answer('A');
      await expect(asked).resolves.toBe('A');
    } else {
      f.signal(how);
      await expect(asked).rejects.toMatchObject({ name: 'ExitError' });
    }
    expect(stdin.flow.on).toBe(false);
  });
});

/** A fakePrompt that inquirer's `cancel` ends, as a prompt left with a key is. */
function cancelablePrompt(ctx: PromptContext, frame: string) {
  const made = fakePrompt(ctx, frame);
  let cancel!: () => void;
  const p = Object.assign(Promise.race([made.p, new Promise<string>((_, reject) => {
    cancel = () => reject(Object.assign(new Error('cancelled'), { name: 'CancelPromptError' }));
  })]), { cancel: () => cancel() });
  return { p, answer: made.answer, ctx };
}

describe('askLeavable: the keys that leave a question (history --clear, the rating, the first-run question)', () => {
  async function leavable(how?: Parameters<typeof askLeavable>[3]) {
    const f = fakeIo({}, true);
    const stdin = ttyStdin();
    f.io.stdin = stdin;
    let prompt!: ReturnType<typeof cancelablePrompt>;
    const asked = askLeavable(f.io, TERM, (ctx) => (prompt = cancelablePrompt(ctx, '? Sure?')).p, how);
    await drawn();
    return { f, stdin, asked, prompt };
  }

  it('a lone Esc, once the wait for the rest of a sequence is over, leaves; the question stays on screen unless clear', async () => {
    const { f, stdin, asked, prompt } = await leavable();
    stdin.emit('data', '\x1b');
    f.clock.advance(ESC_TIMEOUT_MS);
    await expect(asked).resolves.toEqual({ left: true });
    expect(prompt.ctx.clearPromptOnDone).toBeUndefined();
    expect(stdin.listenerCount('data')).toBe(0);
  });

  it('clear: a question left goes from the screen (inquirer reads clearPromptOnDone when it ends)', async () => {
    const { f, stdin, asked, prompt } = await leavable({ clear: true });
    stdin.emit('data', '\x1b');
    f.clock.advance(ESC_TIMEOUT_MS);
    await expect(asked).resolves.toEqual({ left: true });
    expect(prompt.ctx.clearPromptOnDone).toBe(true);
  });

  it('an arrow key (ESC [ A) and q are no Esc; answered, the answer comes back', async () => {
    const { f, stdin, asked, prompt } = await leavable();
    stdin.emit('data', '\x1b[A');
    stdin.emit('data', 'q');
    f.clock.advance(ESC_TIMEOUT_MS * 2);
    prompt.answer('7');
    await expect(asked).resolves.toEqual({ left: false, answer: '7' });
  });

  it('other keys given leave too (q at the first-run question)', async () => {
    const { stdin, asked } = await leavable({ keys: ['escape', 'q'], clear: true });
    stdin.emit('data', 'q');
    await expect(asked).resolves.toEqual({ left: true });
  });

  it('a signal at the question is still the guard\'s exit, with its outcome', async () => {
    const { f, asked } = await leavable({ outcome: 'the session log is kept' });
    f.signal('SIGTERM');
    await expect(asked).rejects.toMatchObject({ name: 'ExitError', exitCode: 143, message: 'interrupted by SIGTERM at a question; the session log is kept' });
  });
});
