// The guided run's screens without a terminal: list questions sized to the rows, the help panel
// (fitted, and pausing the run), the figure giving way to the text, a run whose
// output closed, and --fit's rounds and warning.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { CHECKBOX_HELP, fitDescription, keysHelpTip, listRoom, SEARCH_HELP } from '../src/commands/run/prompt-fit.js';
import { frameLines, panelLines, type View } from '../src/render/run-tty.js';
import { frameWithFigure } from '../src/render/run-figure.js';
import { paint } from '../src/render/color.js';
import { KEY_HELP } from '../src/commands/run/keys.js';
import { liveControl } from '../src/commands/run/job-control.js';
import { outputClosedEarly } from '../src/commands/run.js';
import { doneLabel } from '../src/render/history-view.js';
import { followableFit, plan, ROUND_FLOORS } from '../src/core/plan.js';
import { startRun } from '../src/core/runner.js';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { catalogFrom } from '../src/model/catalog.js';
import type { RunEvent } from '../src/model/events.js';
import type { Session } from '../src/model/history.js';
import { width } from '../src/render/width.js';
import { wrap } from '../src/render/text.js';
import { cliAsync, fakeIo, ROOT } from './helpers.js';
import { formatDuration } from '../src/model/duration.js';
import { lookup, massage, press, routine } from './fixtures-data.js';

const plain = paint(new Chalk({ level: 0 }));
const timeline = plan(routine([press('A1', { rounds: 2, cue: 'Breathe out.' }), press('M1', { rounds: 1 })], { locate: 2_000, ramp: 1_000, hold: 2_000, release: 1_000, switch: 1_000 }), lookup);
const view = (over: Partial<View> = {}): View => ({ index: 0, remaining: 1_000, elapsed: 0, paused: false, help: false, ...over });

describe('list questions sized to the terminal', () => {
  const message = 'Before your first session: do any of these apply to you? (space selects, enter confirms, none is fine; Esc leaves)';
  it('at 40x12 the message, the page, a blank line, the description and the keys fit in 11 lines', () => {
    const room = listRoom(12, 40, message, CHECKBOX_HELP, 14);
    const used = wrap(`? ${message}`, 40).split('\n').length + room.page + 1 + room.description + 1;
    expect(used).toBeLessThanOrEqual(11);
    expect(room.page).toBeGreaterThanOrEqual(4);
  });
  it('a tall terminal gets the page asked for and four lines of description; a tiny one a page of one, no description', () => {
    expect(listRoom(40, 100, message, CHECKBOX_HELP, 14)).toEqual({ page: 14, description: 4 });
    expect(listRoom(6, 30, 'Which routine?', SEARCH_HELP, 15)).toEqual({ page: 2, description: 0 });
    expect(listRoom(4, 30, 'Which routine?', SEARCH_HELP, 15)).toEqual({ page: 1, description: 0 });
    expect(listRoom(undefined, undefined, message, CHECKBOX_HELP, 14)).toEqual({ page: 14, description: 4 });
  });
  it('a page showing fewer choices than there are says how many more the arrows reach, in no more columns than inquirer\'s own line', () => {
    const keys: Array<[string, string]> = [['↑↓', 'navigate'], ['space', 'select'], ['⏎', 'submit']];
    expect(keysHelpTip(keys, 10, false)).toBe('↑↓ 10 more • space select • ⏎ submit');
    expect(keysHelpTip(keys, 10, false).length).toBeLessThanOrEqual(CHECKBOX_HELP.length);
    expect(keysHelpTip(keys, 0, false)).toBe(CHECKBOX_HELP);
    expect(keysHelpTip(keys, 3, true)).toBe('\x1b[1m↑↓\x1b[22m \x1b[2m3 more\x1b[22m\x1b[2m • \x1b[22m\x1b[1mspace\x1b[22m \x1b[2mselect\x1b[22m\x1b[2m • \x1b[22m\x1b[1m⏎\x1b[22m \x1b[2msubmit\x1b[22m');
  });
  it('a description is cut to its lines, the last one ending in an ellipsis', () => {
    const text = 'Being pregnant, at any stage. Tradition names a handful of points said to bring on contractions, and guides keep pressure off the belly.';
    const out = fitDescription(text, 40, 2, '…').replace(/\x1b\[\d+m/g, '').split('\n');
    expect(out).toHaveLength(2);
    expect(out[1]).toMatch(/…$/);
    for (const l of out) expect(width(l)).toBeLessThanOrEqual(39);
    expect(fitDescription(text, 40, 0, '…')).toBe('');
  });
});

describe('the key help panel', () => {
  it('at 30x6 shows the keys, packed several to a line, rather than only its heading', () => {
    const lines = frameLines(timeline, view({ help: true }), plain, { columns: 30, rows: 6 }, KEY_HELP);
    expect(lines.length).toBeLessThanOrEqual(5);
    const text = lines.join('\n');
    for (const word of ['space pause', 's skip', 'b back', 'q quit', 'Ctrl-C stop']) expect(text).toContain(word);
    for (const l of lines) expect(width(l)).toBeLessThan(30);
  });
  it('shows every key with a heading where it fits, and says when the run waits for it', () => {
    expect(panelLines(KEY_HELP, 70, plain)).toHaveLength(KEY_HELP.length + 1);
    expect(panelLines(KEY_HELP, 70, plain, Infinity, true)[0]).toBe('Keys (paused while this is open; ? goes on)');
    expect(panelLines(KEY_HELP, 70, plain, KEY_HELP.length)).toHaveLength(KEY_HELP.length);
    const cut = panelLines(KEY_HELP, 20, plain, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]).toMatch(/…$/);
  });
  it('always says how to close it: in its heading, however narrow, and first when packed and cut', () => {
    expect(panelLines(KEY_HELP, 70, plain)[0]).toBe('Keys (? closes)');
    expect(panelLines(KEY_HELP, 26, plain, Infinity, true)[0]).toBe('Keys (paused; ? goes on)');
    expect(panelLines(KEY_HELP, 20, plain, Infinity, true)[0]).toBe('Keys (? goes on)');
    expect(panelLines(KEY_HELP, 20, plain, 2)[0]).toMatch(/^\? close/);
  });
  it('the hint line says space resumes while the run is paused, and pauses while it runs', () => {
    const at = (paused: boolean) => frameLines(timeline, view({ paused }), plain, { columns: 80, rows: 24 }, KEY_HELP).at(-1)!;
    expect(at(false)).toContain('space pause · s skip');
    expect(at(true)).toContain('space resume · s skip');
  });

  it('? pauses a running run and closing it goes on; a run paused before stays paused', () => {
    const f = fakeIo();
    const stdin = Object.assign(new EventEmitter(), { isTTY: true, setRawMode: () => {}, resume: () => {}, pause: () => {} });
    f.io.stdin = stdin;
    const events: RunEvent[] = [];
    const control = liveControl(f.io);
    const run = startRun(plan(routine([press('M1')]), lookup), f.clock, (e) => events.push(e));
    const shown: Array<boolean | undefined> = [];
    let open = false;
    control.attach(run, { suspend: () => {}, resume: () => {}, toggleHelp: (paused) => ((open = !open), shown.push(paused), open) });
    f.clock.advance(1_000);
    stdin.emit('data', '?');
    expect(run.state.status).toBe('paused');
    expect(events.at(-1)).toMatchObject({ type: 'pause', reason: 'user' });
    expect(shown).toEqual([true]);
    f.clock.advance(5_000);
    stdin.emit('data', '?');
    expect(run.state.status).toBe('running');
    expect(events.at(-1)).toMatchObject({ type: 'resume', paused_ms: 5_000 });
    // Paused with space first: the panel neither pauses again nor resumes when it closes.
    stdin.emit('data', ' ');
    stdin.emit('data', '?');
    expect(shown.at(-1)).toBe(false);
    stdin.emit('data', '?');
    expect(run.state.status).toBe('paused');
    // Opened on a running run, then space pressed while open: closing leaves it as space left it.
    stdin.emit('data', ' ');
    stdin.emit('data', '?');
    stdin.emit('data', ' ');
    stdin.emit('data', '?');
    expect(run.state.status).toBe('running');
    // Opened, then suspended (Ctrl-Z) and continued: after fg only space goes on, not closing the panel.
    stdin.emit('data', '?');
    stdin.emit('data', '\x1a');
    f.jobSignal('SIGCONT');
    stdin.emit('data', '?');
    expect(run.state.status).toBe('paused');
    control.stop();
  });
});

describe('the figure beside the text', () => {
  const text = (w: number) => ['LOCATE 0:10', `  ${wrap('Find LI4 (Hegu, Union Valley) on your left hand: on the back of the hand, between the first and second metacarpal bones.', w - 4, '  ')}`, '  space pause · s skip · b back · q quit · ? keys'].join('\n');
  // A figure as wide as allowed, so the layout decides its width.
  const at = (c: number, r: number) => ({ width: c, lines: Array.from({ length: Math.min(r, 12) }, () => '⣿'.repeat(c)) });
  it('at 80x24 it is drawn narrower so the text keeps room for the whole hint line', () => {
    const out = frameWithFigure(text, at, 79, 23, 49).split('\n');
    expect(out.some((l) => l.startsWith('  space pause · s skip · b back · q quit · ? keys'))).toBe(true);
    const figureCols = Math.max(...out.map((l) => (/⣿+$/.exec(l)?.[0].length ?? 0)));
    expect(figureCols).toBeGreaterThanOrEqual(24);
    expect(figureCols).toBeLessThanOrEqual(79 - 3 - 49);
    for (const l of out) expect(width(l)).toBeLessThanOrEqual(79);
  });
  it('is left out beside the text when that would leave it under 24 columns', () => {
    expect(frameWithFigure(text, at, 70, 12, 49)).toBe(text(70));
  });
});

describe('a run whose output closed', () => {
  const end = { type: 'end', completed: false, reason: 'interrupted', signal: 'SIGPIPE', elapsed_ms: 900 } as const;
  const t = plan(routine([press('M1')]), lookup);
  it('is no session before anything past finding the point began; after a press it is one', () => {
    expect(outputClosedEarly(t, end, [0])).toBe(true);
    expect(outputClosedEarly(t, end, [])).toBe(true);
    expect(outputClosedEarly(t, end, [0, 1, 2])).toBe(false);
    expect(outputClosedEarly(t, { ...end, signal: 'SIGINT' }, [0])).toBe(false);
  });
  // A closed pipe is noticed at the next write: a JSON tick a second into a first massage
  // (desk-break), or a plain line at the ramp's start, after a reader that left at 0:00.
  it('noticed in the first pressing phase (a massage, or the ramp after the locate), it is still no session', () => {
    expect(outputClosedEarly(t, end, [0, 1])).toBe(true);
    const m = plan(routine([massage('neck', 30_000), press('M1')]), lookup);
    expect(m.phases[0]!.kind).toBe('massage');
    expect(outputClosedEarly(m, end, [0])).toBe(true);
    expect(outputClosedEarly(m, end, [0, 1])).toBe(false);
  });
  it('history shows it as "output closed", not as an interruption', () => {
    const s = { completed: false, reason: 'interrupted', signal: 'SIGPIPE', active_ms: 70_000, planned_ms: 455_000 } as Session;
    expect(doneLabel(s)).toBe('1:10 of 7:35, output closed');
    expect(doneLabel({ ...s, signal: 'SIGINT' })).toBe('1:10 of 7:35, Ctrl-C');
  });
});

describe('--fit', () => {
  const catalog = catalogFrom(buildBuiltin(join(ROOT, 'data')));
  const headache = catalog.routines.get('headache')!;
  const points = (id: string) => catalog.points.get(id);
  it('headache --fit 3m: one round with presses of at least 5 s ramps, not two rounds of hurried ones', () => {
    const t = plan(headache, points, { fit: 180_000 });
    expect(Math.max(...t.phases.map((p) => p.rounds ?? 1))).toBe(1);
    for (const p of t.phases.filter((x) => x.kind === 'ramp' || x.kind === 'release')) expect(p.duration_ms).toBeGreaterThanOrEqual(5_000);
    expect(t.total_ms).toBeGreaterThanOrEqual(179_000);
  });
  it('keeps more rounds while every press keeps its round floors', () => {
    const t = plan(headache, points, { fit: 10 * 60_000 });
    expect(Math.max(...t.phases.map((p) => p.rounds ?? 1))).toBeGreaterThan(1);
    for (const p of t.phases) expect(p.duration_ms).toBeGreaterThanOrEqual(Math.min(ROUND_FLOORS[p.kind], 5_000));
  });
  it('--fit 30s warns that it is too short to follow, and says what is enough; --fit 3m does not', async () => {
    const short = await cliAsync(['run', 'headache', '--fit', '30s', '--dry-run', '--no-profile']);
    expect(short.code).toBe(0);
    expect(short.stderr).toBe(`warning: --fit 30s is too short to follow "headache": some phases last only 1s; one round at a pace you can follow needs --fit ${formatDuration(Math.ceil(followableFit(headache, points) / 1000) * 1000)}\n`);
    const enough = await cliAsync(['run', 'headache', '--fit', '3m', '--dry-run', '--no-profile']);
    expect(enough.stderr).toBe('');
    expect(enough.stdout).toMatch(/round 1\/1/);
    expect(enough.stdout).not.toMatch(/round \d\/2/);
  });
  it('says what budget keeps a followable pace: under it, phases go down to a second', () => {
    const enough = followableFit(headache, points);
    // Switching sides has the shortest floor, 2 s.
    expect(plan(headache, points, { fit: enough }).phases.every((p) => p.duration_ms >= 2_000)).toBe(true);
    expect(Math.min(...plan(headache, points, { fit: 30_000 }).phases.map((p) => p.duration_ms))).toBe(1_000);
    expect(enough).toBeGreaterThan(30_000);
  });
});
