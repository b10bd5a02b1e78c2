// Command handlers run in-process with fake streams: snapshots of what people read.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as list } from '../src/commands/list.js';
import { pointFilter } from '../src/commands/filter-flags.js';
import { filterPoints } from '../src/core/filters.js';
import { run as show } from '../src/commands/show.js';
import { run as runCmd } from '../src/commands/run.js';
import { run as check } from '../src/commands/check.js';
import { loadBuiltin, loadCatalog } from '../src/store/load-catalog.js';
import { cacheDir } from '../src/store/paths.js';
import { fakeIo, routineObj, tempDir, tempTree } from './helpers.js';
import { EventEmitter } from 'node:events';
import type { Io } from '../src/model/io.js';
import { pausedWords } from '../src/render/run-plain.js';

describe('show', () => {
  // An 80-column terminal (no TERM, so no colour): cards are wrapped to fit it. The figure a
  // terminal would also get is left out here (test/e2e/figures.test.ts has it).
  it.each(['LI4', 'ST36', 'EX-HN3'])('point card for %s', async (id) => {
    const { io, stdout } = fakeIo({}, true);
    await show({ args: [[id]], figure: false }, io);
    expect(stdout.text()).toMatchSnapshot();
  });

  it('marks cautions for a condition', async () => {
    const { io, stdout } = fakeIo();
    await show({ args: [['SP6']], pregnant: true }, io);
    // The verdict, then the reasons under one labelled row: the condition's and the point's own.
    expect(stdout.text()).toMatch(/^AVOID with pregnancy\. Why, below\.$/m);
    expect(stdout.text().match(/^Avoid {6}in pregnancy: Sanyinjiao.*\n {11}Traditionally forbidden/m)).not.toBeNull();
  });

  it('labels a point\'s own caution once, with its level and for whom ("Avoid  in pregnancy:"), not stacked labels', async () => {
    const { io, stdout } = fakeIo();
    await show({ args: [['LI4']], figure: false }, io);
    const lines = stdout.text().split('\n');
    expect(lines.find((l) => /pregnan/.test(l) && /^\S/.test(l))).toMatch(/^Avoid {6}in pregnancy: Traditionally forbidden/);
    expect(stdout.text()).not.toMatch(/avoid: pregnancy:|Caution +avoid/);
  });

  it('routine card for nausea', async () => {
    const { io, stdout } = fakeIo({}, true);
    await show({ args: [['nausea']] }, io);
    expect(stdout.text()).toMatchSnapshot();
  });

  it('keeps whole lines for a pipe or file, and wraps only for a terminal', async () => {
    const piped = fakeIo();
    await show({ args: [['LI4']] }, piped.io);
    const location = piped.stdout.text().split('\n').find((l) => l.startsWith('Location'))!;
    expect(location).toMatch(/^Location {3}On the back of the hand, .*\(thumb\) side\.$/);
    const tty = fakeIo({}, true);
    await show({ args: [['LI4']] }, tty.io);
    expect(tty.stdout.text().split('\n').every((l) => l.length <= 80)).toBe(true);
  });
});

describe('list points filters', () => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    ['meridian by legacy code', { meridian: 'P' }, ['PC1', 'PC2', 'PC3', 'PC4', 'PC5', 'PC6', 'PC7', 'PC8', 'PC9']],
    ['meridian by name', { meridian: 'pericardium', region: 'forearm' }, ['PC4', 'PC5', 'PC6']],
    // EX-LE7 (Lanwei) is found from Zusanli, so its location names it.
    ['search by pinyin without tones', { search: 'zusanli' }, ['ST36', 'EX-LE7']],
    ['search by characters', { search: '三阴交' }, ['SP6']],
    ['search by English, any case', { search: 'GUSHING SPRING' }, ['KI1']],
    ['search by legacy code', { search: 'LV3' }, ['LR3']],
    ['indication tag within a region', { tag: 'nausea', region: 'forearm' }, ['PC5', 'PC6']],
    // A card prints chest-pain as "chest pain": spaces, hyphens and underscores are one.
    ['indication tag with a space', { tag: 'chest pain' }, ['PC4']],
    ['indication tag in capitals with an underscore', { tag: 'Chest_Pain' }, ['PC4']],
    ['search with a space for a hyphenated indication', { search: 'chest pain' }, ['PC4']],
    ['search with a hyphen', { search: 'chest-pain' }, ['PC4']],
  ];
  it.each(cases)('%s', async (_, o, ids) => {
    const catalog = await loadBuiltin();
    expect(filterPoints(catalog, pointFilter(o), []).map((p) => p.id)).toEqual(ids);
  });

  it('rejects an unknown region with the list of regions', async () => {
    const catalog = await loadBuiltin();
    expect(() => filterPoints(catalog, pointFilter({ region: 'palm' }), [])).toThrow(/unknown region "palm"; expected one of head, face/);
  });

  it('list --search "neck pain" finds the neck routine by its alias neck-pain, and --tag "neck" with a hyphenless space too', async () => {
    const { io, stdout } = fakeIo();
    await list({ args: ['routines'], search: 'neck pain', json: true }, io);
    expect(JSON.parse(stdout.text()).map((r: { id: string }) => r.id)).toEqual(['neck']);
    const points = fakeIo();
    await list({ args: ['points'], search: 'neck pain', json: true }, points.io);
    expect(JSON.parse(points.stdout.text()).map((p: { id: string }) => p.id)).toContain('SI3');
  });

  it('an emergency indication says where to get help for --tag and --search alike, spaces or hyphens', async () => {
    for (const o of [{ tag: 'chest pain' }, { tag: 'chest-pain' }, { search: 'chest pain' }, { search: 'chest-pain' }, { search: 'Chest' }]) {
      const { io, stdout, stderr } = fakeIo();
      await list({ args: ['points'], ...o }, io);
      expect(stdout.text(), JSON.stringify(o)).toMatch(/^PC4 /m);
      expect(stderr.text(), JSON.stringify(o)).toMatch(/Chest pain or tightness .* call emergency services now/);
    }
    const routines = fakeIo();
    await list({ args: ['routines'], search: 'chest pain' }, routines.io);
    expect(routines.stderr.text()).toMatch(/call emergency services now[^]*No routines match\./);
    // Named among other words, or in the plural: these found no point, and said nothing of help.
    for (const o of [{ search: 'sudden chest pain' }, { search: 'chest pains' }, { tag: 'crushing chest pain' }]) {
      const { io, stderr } = fakeIo();
      await list({ args: ['points'], ...o }, io);
      expect(stderr.text(), JSON.stringify(o)).toMatch(/Chest pain or tightness .* call emergency services now[^]*No points match\./);
    }
    const calm = fakeIo();
    await list({ args: ['points'], search: 'neck pain' }, calm.io);
    expect(calm.stderr.text()).not.toMatch(/emergency/);
  });

  it('list --max and --tag together', async () => {
    const { io, stdout } = fakeIo();
    await list({ args: ['routines'], max: '3m', tag: 'desk', json: true }, io);
    const rows = JSON.parse(stdout.text());
    expect(rows.map((r: { id: string }) => r.id)).toEqual(['desk-break']);
  });

  // Before the fix each of these printed the whole list, the flag silently ignored.
  it.each([
    ['meridians', { tag: 'desk' }, 'list meridians: --tag filters routines and points, not meridians'],
    ['meridians', { search: 'lung' }, 'list meridians: --search filters routines and points, not meridians'],
    ['meridians', { max: '3m' }, 'list meridians: --max filters routines only, not meridians'],
    ['conditions', { tag: 'desk' }, 'list conditions: --tag filters routines and points, not conditions'],
    ['conditions', { search: 'blood' }, 'list conditions: --search filters routines and points, not conditions'],
    ['conditions', { max: '3m' }, 'list conditions: --max filters routines only, not conditions'],
    ['conditions', { meridian: 'LI' }, 'list conditions: --meridian filters points only, not conditions'],
    ['routines', { meridian: 'LI' }, 'list routines: --meridian filters points only, not routines'],
    ['routines', { region: 'hand' }, 'list routines: --region filters points only, not routines'],
    ['points', { max: '3m' }, 'list points: --max filters routines only, not points'],
    // A condition leaves nothing out of the meridians or the conditions: refused, not ignored.
    ['meridians', { pregnant: true }, 'list meridians: --pregnant leaves out routines and points, not meridians'],
    ['meridians', { condition: ['bleeding'] as string[] }, 'list meridians: --condition leaves out routines and points, not meridians'],
    ['conditions', { pregnant: true }, 'list conditions: --pregnant leaves out routines and points, not conditions'],
  ] as const)('list %s %j is a usage error naming the flag', async (kind, flags, message) => {
    const { io, stdout } = fakeIo();
    await expect(list({ args: [kind], ...flags }, io)).rejects.toMatchObject({ name: 'UserError', message });
    expect(stdout.text()).toBe('');
  });

  it('list meridians with a saved profile neither announces it nor pretends to apply it', async () => {
    const { io, stdout, stderr } = fakeIo();
    const { addProfileConditions, } = await import('../src/store/profile-store.js');
    const { profilePath } = await import('../src/store/profile.js');
    await addProfileConditions(profilePath(io.env)!, ['pregnancy']);
    await list({ args: ['meridians'], profile: true }, io);
    expect(stdout.text()).toMatch(/^LU +11 +Lung$/m);
    expect(stderr.text()).toBe('');
  });

  it('each filter flag still filters the lists it names', async () => {
    for (const [kind, flags] of [['routines', { tag: 'desk', search: 'desk', max: '5m' }], ['points', { meridian: 'LI', region: 'hand', tag: 'headache', search: 'valley' }]] as const) {
      const { io, stdout } = fakeIo();
      await list({ args: [kind], ...flags, json: true }, io);
      expect(JSON.parse(stdout.text()).length, kind).toBeGreaterThan(0);
    }
  });
});

describe('run', () => {
  it('--random --max --tag picks a matching routine without asking', async () => {
    const { io, stdout } = fakeIo();
    await runCmd({ args: [undefined], random: true, max: '3m', tag: 'desk', dryRun: true, json: true, profile: true }, io);
    expect(JSON.parse(stdout.text().split('\n')[0]!)).toMatchObject({ type: 'start', routine: 'desk-break' });
  });

  it('--random with a pregnancy profile: says what it left out, and --skip-unsafe lets it in without the steps to avoid', async () => {
    const home = tempDir('acupress-random-');
    mkdirSync(join(home, 'acupress'), { recursive: true });
    writeFileSync(join(home, 'acupress/profile.yaml'), 'conditions:\n  - pregnancy\n');
    const env = { XDG_CONFIG_HOME: home };
    const refused = fakeIo(env);
    await expect(runCmd({ args: [undefined], random: true, max: '3m', tag: 'desk', dryRun: true, json: true, profile: true }, refused.io)).rejects.toThrow('run --random: no routine matching --tag "desk" --max "3m" is safe to run; desk-break has steps to avoid with pregnancy (add --skip-unsafe to leave those steps out)');
    // A routine matched and safety refused it: exit 1, as for run refusing a routine, not 2 (a usage error).
    await expect(runCmd({ args: [undefined], random: true, max: '3m', tag: 'desk', dryRun: true, json: true, profile: true }, fakeIo(env).io)).rejects.toMatchObject({ exitCode: 1 });
    const { io, stdout } = fakeIo(env);
    await runCmd({ args: [undefined], random: true, max: '3m', tag: 'desk', skipUnsafe: true, dryRun: true, json: true, profile: true }, io);
    const lines = stdout.text().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'start', routine: 'desk-break' });
    expect(lines.filter((e) => e.point === 'LI4')).toEqual([]);
  });

  it('--random with nothing matching is a usage error', async () => {
    const { io } = fakeIo();
    await expect(runCmd({ args: [undefined], random: true, max: '5s', dryRun: true }, io)).rejects.toThrow(/no routine matches --max "5s"/);
    await expect(runCmd({ args: [undefined], random: true, max: '5s', dryRun: true }, fakeIo().io)).rejects.toMatchObject({ exitCode: 2 });
  });

  it('--json: the start event says which conditions applied and which steps --skip-unsafe left out', async () => {
    const { runEventSchema } = await import('../src/model/json-schemas.js');
    const dir = tempTree({ 'routines/s.yaml': routineObj({ id: 's', steps: [{ press: 'LI4', locate: '1s', ramp: '1s', hold: '1s', release: '1s', rounds: 1 }, { press: 'CV17', locate: '1s', ramp: '1s', hold: '1s', release: '1s', rounds: 1 }] }) });
    const first = async (flags: Record<string, unknown>) => {
      const { io, stdout, clock } = fakeIo();
      const done = runCmd({ args: ['s'], data: [dir], json: true, tips: false, history: false, ...flags }, io);
      for (let i = 0; i < 400 && clock.pending() === 0; i++) await new Promise((r) => setTimeout(r, 5));
      clock.runAll();
      await done;
      return runEventSchema.parse(JSON.parse(stdout.text().split('\n')[0]!));
    };
    expect(await first({ pregnant: true, skipUnsafe: true })).toMatchObject({
      type: 'start', routine: 's', conditions: ['pregnancy'], skipped: [{ step: 0, points: ['LI4'], regions: [], conditions: ['pregnancy'] }],
    });
    expect(await first({})).toMatchObject({ type: 'start', conditions: [], skipped: [] });
  });

  it('--json: the end event says which points the run worked and on which sides, in full and partly, as the summary does', async () => {
    const { runEventSchema } = await import('../src/model/json-schemas.js');
    const dir = tempTree({ 'routines/s.yaml': routineObj({ id: 's', steps: [{ press: 'LI4', locate: '1s', ramp: '1s', hold: '1s', release: '1s', rounds: 1 }, { press: 'CV17', locate: '1s', ramp: '1s', hold: '1s', release: '1s', rounds: 1 }] }) });
    /** Run s with --json on the fake clock, interrupted (SIGINT) at `stopAt` ms when given; its last event. */
    const last = async (stopAt?: number) => {
      const f = fakeIo();
      const done = runCmd({ args: ['s'], data: [dir], json: true, tips: false, history: false }, f.io);
      for (let i = 0; i < 400 && f.clock.pending() === 0; i++) await new Promise((r) => setTimeout(r, 5));
      if (stopAt === undefined) f.clock.runAll();
      else {
        f.clock.advance(stopAt);
        f.signal('SIGINT');
      }
      await done.catch(() => undefined);
      return runEventSchema.parse(JSON.parse(f.stdout.text().trim().split('\n').at(-1)!));
    };
    expect(await last()).toMatchObject({ type: 'end', completed: true, points: [{ point: 'LI4', sides: ['left', 'right'] }, { point: 'CV17', sides: [] }], partly: [] });
    // 600 ms into the right hand's 1 s hold (it begins at 10 s): the left is worked, the right partly, CV17 not at all.
    expect(await last(10_600)).toMatchObject({ type: 'end', completed: false, reason: 'interrupted', points: [{ point: 'LI4', sides: ['left'] }], partly: [{ point: 'LI4', sides: ['right'] }] });
  });

  it('--warn says "Release in N seconds" before a hold ends (plain, on the fake clock)', async () => {
    const dir = tempTree({ 'routines/w.yaml': routineObj({ id: 'w', steps: [{ press: 'CV17', locate: '1s', ramp: '1s', hold: '8s', release: '1s', rounds: 1 }] }) });
    const { io, stdout, clock } = fakeIo();
    const done = runCmd({ args: ['w'], data: [dir], warn: '5s', plain: true, tips: false }, io);
    // Let the command load its modules and start; then the whole run takes no real time.
    for (let i = 0; i < 400 && clock.pending() === 0; i++) await new Promise((r) => setTimeout(r, 5));
    clock.runAll();
    await done;
    const lines = stdout.text().split('\n');
    const hold = lines.findIndex((l) => /\bhold\b/.test(l));
    expect(lines.slice(hold).join('\n')).toMatch(/hold .*\n\s+Release in 5 seconds\n.*release/);
  });
});

/** A terminal's stdin for a run: records raw-mode changes; `type` sends keys as a person would. */
function keyboard() {
  const e = new EventEmitter();
  const modes: boolean[] = [];
  return Object.assign(e, { isTTY: true, modes, setRawMode: (m: boolean) => modes.push(m), resume: () => {}, pause: () => {}, type: (k: string) => e.emit('data', Buffer.from(k)) });
}

/** Start `run` on a fake terminal (stdout a TTY, stdin a keyboard); resolves once the run's first timer is set. */
async function startInTerminal(options: Parameters<typeof runCmd>[0], env: Record<string, string> = {}, stdinTTY = true) {
  const f = fakeIo(env, true);
  const kb = Object.assign(keyboard(), { isTTY: stdinTTY });
  (f.io as { stdin: Io['stdin'] }).stdin = kb;
  const done = runCmd(options, f.io);
  for (let i = 0; i < 400 && f.clock.pending() === 0; i++) await new Promise((r) => setTimeout(r, 5));
  return { ...f, kb, done };
}

describe('run in a terminal', () => {
  const dir = tempTree({ 'routines/k.yaml': routineObj({ id: 'k', steps: [{ press: 'CV17', locate: '2s', ramp: '2s', hold: '4s', release: '2s', rounds: 1 }] }) });

  it('one wording for a pause: plain lines and the note after fg say pausedWords(), as the live view does (render.test)', async () => {
    const words = pausedWords('—');
    expect(words).toBe('PAUSED — space resumes');
    // Plain lines of a terminal without cursor control (no TERM): keys are read.
    const t = await startInTerminal({ args: ['k'], data: [dir], tips: false, history: false });
    t.clock.advance(1_000);
    t.kb.type(' ');
    t.jobSignal('SIGTSTP');
    t.jobSignal('SIGCONT');
    t.kb.type('q');
    await t.done;
    const out = t.stdout.text();
    expect(out).toContain(`${words} (at 0:01)`);
    expect(out).toContain(`${words}\n`); // after fg
    // Every line that says the run is paused says it the same way.
    for (const line of out.split('\n').filter((l) => /paused/i.test(l))) expect(line).toContain(words);
  });

  it('--plain in a terminal reads keys without echo (raw mode): p pauses, space resumes, q quits', async () => {
    const t = await startInTerminal({ args: ['k'], data: [dir], tips: false, history: false, plain: true }, { TERM: 'xterm-256color', NO_COLOR: '1' });
    expect(t.kb.modes).toContain(true);
    t.clock.advance(1_000);
    t.kb.type('p');
    t.clock.advance(5_000); // paused: no time passes for the run
    t.kb.type(' ');
    t.kb.type('q');
    await t.done;
    const out = t.stdout.text();
    expect(out).toContain('PAUSED — space resumes (at 0:01)');
    expect(out).toMatch(/\nresumed\n/);
    expect(out).toMatch(/Stopped \(quit\)/);
    expect(out).not.toMatch(/ ramp /); // quit during the locate phase
    expect(t.kb.modes.at(-1)).toBe(false); // the terminal is given back cooked
  });

  it('--plain with stdin not a terminal reads no keys, as before', async () => {
    const t = await startInTerminal({ args: ['k'], data: [dir], tips: false, history: false, plain: true }, { TERM: 'xterm-256color', NO_COLOR: '1' }, false);
    t.kb.type('q');
    t.clock.runAll();
    await t.done;
    expect(t.kb.modes).toEqual([]);
    expect(t.stdout.text()).toMatch(/ release /);
  });
});

describe('a condition where a routine or point goes', () => {
  // Before the fix: 'unknown routine or point "pregnant"', with no word of the flag meant.
  it.each([
    ['check', 'pregnant', '"pregnant" is a condition, not a routine or point: try acupress check --pregnant'],
    ['check', 'Pregnancy', '"Pregnancy" is a condition, not a routine or point: try acupress check --pregnant'],
    ['run', 'pregnant', '"pregnant" is a condition, not a routine or point: try acupress run --pregnant'],
    ['check', 'blood-clot', '"blood-clot" is a condition, not a routine or point: try acupress check --condition blood-clot'],
    ['run', 'osteoporosis', '"osteoporosis" is a condition, not a routine or point: try acupress run --condition osteoporosis'],
  ])('%s %s names the flag', async (command, target, message) => {
    const { io } = fakeIo();
    const go = command === 'check' ? check({ args: [[target]] }, io) : runCmd({ args: [target], dryRun: true }, io);
    await expect(go).rejects.toThrow(message);
  });

  it('a name that is no condition either stays an unknown routine or point', async () => {
    await expect(check({ args: [['pregnantt']] }, fakeIo().io)).rejects.toThrow(/^unknown routine or point "pregnantt"/);
  });
});

describe('user data cache', () => {
  it('a corrupt cache is ignored and rewritten', async () => {
    const dir = tempTree({ 'routines/mine.yaml': routineObj({ id: 'mine' }) });
    const { io } = fakeIo();
    const opts = { env: io.env, cwd: io.cwd, data: [dir] };
    expect((await loadCatalog(opts)).routines.has('mine')).toBe(true);
    const cache = cacheDir(io.env)!;
    const files = readdirSync(cache).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(1);
    writeFileSync(join(cache, files[0]!), '{"version":1,"stamps":[{"pa'); // cut short, as by a crash
    expect((await loadCatalog(opts)).routines.get('mine')!.title).toBe('My routine');
    // An edited file is read again rather than served stale from the cache.
    writeFileSync(join(dir, 'routines/mine.yaml'), JSON.stringify(routineObj({ id: 'mine', title: 'Edited' })));
    expect((await loadCatalog(opts)).routines.get('mine')!.title).toBe('Edited');
  });

  it('never writes into the user data directory', async () => {
    const dir = tempTree({ 'routines/mine.yaml': routineObj({ id: 'mine' }) });
    mkdirSync(join(dir, 'points'));
    const { io } = fakeIo();
    await loadCatalog({ env: io.env, cwd: io.cwd, data: [dir] });
    expect(readdirSync(dir).sort()).toEqual(['points', 'routines']);
    expect(readdirSync(join(dir, 'routines'))).toEqual(['mine.yaml']);
  });
});
