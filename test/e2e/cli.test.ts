// End-to-end: spawn the built CLI as a user would.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, cli, cliAsync, ROOT, routineObj, spawnCli, tempDir, tempTree } from '../helpers.js';

const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

describe('basics', () => {
  it('--version, -V, and -v as many people type it', () => {
    expect(cli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(cli(['-V']).stdout).toBe(`${version}\n`);
    expect(cli(['-v'])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
  it('--help lists the commands and points to per-command help', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['list', 'show', 'run', 'check', 'validate']) expect(r.stdout).toContain(`  ${c} `);
    expect(r.stdout).toContain('acupress <command> --help');
  });
  it('bare acupress without a terminal prints help and exits 2', () => {
    const r = cli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: acupress');
  });
  it('unknown command suggests the closest', () => {
    expect(cli(['lsit'])).toMatchObject({ code: 2, stderr: 'acupress: unknown command "lsit"; did you mean "list"? (see: acupress --help)\n' });
  });
  it('runs without HOME, as cron may start it, finding the home directory from the system', () => {
    const data = tempTree({ 'routines/mine.yaml': routineObj({ id: 'mine' }) });
    const r = spawnSync(process.execPath, [BIN, 'list', '--data', data], { encoding: 'utf8', env: { PATH: process.env.PATH, XDG_CACHE_HOME: join(data, 'cache') } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^mine /m);
  });
  it('unknown flag is a usage error', () => {
    const r = cli(['list', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option "--frobnicate"');
  });
});

describe('list and show', () => {
  it('list prints routines with durations; --json prints an array', () => {
    const r = cli(['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^headache\s+\d+:\d\d\s+Headache/m);
    const json = JSON.parse(cli(['list', '--json']).stdout);
    expect(json.length).toBeGreaterThanOrEqual(24);
    expect(json.find((x: { id: string }) => x.id === 'headache')).toMatchObject({ id: 'headache', source: 'builtin', duration_ms: expect.any(Number) });
  });
  it('list into a pipe explains its marks too, after an empty line; --json has none of it', () => {
    const r = cli(['list', '--no-profile']);
    const [rows, legend] = r.stdout.split('\n\n');
    expect(rows).toMatch(/^eye-strain .* ⚠$/m);
    // Lines whole in a pipe, the legend unwrapped.
    expect(legend).toBe('⚠  a caution applies; acupress show <id> says which\n');
    expect(cli(['list', 'points', '--meridian', 'ST']).stdout).toMatch(/\n\n(.*\n)*⚠ avoid  never press this point yourself \(acupress show <code> says why\)\n/);
    const json = cli(['list', '--json', '--no-profile']).stdout;
    expect(json).not.toMatch(/caution applies/);
    expect(JSON.parse(json).length).toBeGreaterThan(20);
  });
  it('list points counts every point, and filters by legacy meridian code', () => {
    expect(cli(['list', 'points']).stdout.trim().split('\n').length).toBeGreaterThanOrEqual(391);
    const lv = cli(['list', 'points', '--meridian', 'LV']).stdout.split('\n\n')[0]!.split('\n');
    expect(lv).toHaveLength(14);
    expect(lv[2]).toMatch(/^LR3\s+Tàichōng/);
    expect(cli(['list', 'points', '--search', 'union valley']).stdout).toMatch(/^LI4 /);
    expect(cli(['list', 'points', '--search', '合谷']).stdout).toMatch(/^LI4 /);
  });
  it('list --search takes at most 200 characters: a longer one is one line and exit 2, not seconds of work', async () => {
    // 40,000 characters of "é" took 10 s to match against every point (session 9 attacker).
    for (const what of ['points', 'routines']) {
      expect(await cliAsync(['list', what, '--search', 'é'.repeat(40_000)])).toMatchObject({ code: 2, stdout: '', stderr: 'acupress: --search: at most 200 characters (this one has 40000)\n' });
    }
    // Characters, not UTF-16 units: 200 astral characters are 400 units, and allowed.
    expect((await cliAsync(['list', 'points', '--search', '𝄞'.repeat(200)])).code).toBe(0);
    expect((await cliAsync(['list', 'points', '--search', 'é'.repeat(201)])).code).toBe(2);
    // Characters as a person sees them, not code points: "é" as e and a combining accent is one,
    // a family emoji (five code points) is one.
    expect((await cliAsync(['list', 'points', '--search', 'e\u0301'.repeat(200)])).code).toBe(0);
    expect((await cliAsync(['list', 'points', '--search', '👨‍👩‍👧'.repeat(200)])).code).toBe(0);
    expect(await cliAsync(['list', 'points', '--search', 'e\u0301'.repeat(201)])).toMatchObject({ code: 2, stdout: '', stderr: 'acupress: --search: at most 200 characters (this one has 201)\n' });
    // One letter under thousands of accents is one character, but still no search.
    expect(await cliAsync(['list', 'points', '--search', `a${'\u0301'.repeat(3000)}`])).toMatchObject({ code: 2, stdout: '', stderr: 'acupress: --search: at most 200 characters of at most 2000 code points in all (this one has 1 character of 3001)\n' });
  });
  it('list --search with nothing to search for (empty, or spaces alone) is a usage error, not a list of everything', async () => {
    for (const blank of ['', '   ', '\t \t']) {
      for (const what of ['points', 'routines']) {
        expect(await cliAsync(['list', what, '--search', blank])).toMatchObject({ code: 2, stdout: '', stderr: 'acupress: --search: give some text to search for (leave --search out to list everything)\n' });
      }
    }
  });
  it('list meridians gives the 14 channels with counts', () => {
    const rows = cli(['list', 'meridians']).stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^LU\s+11\s+Lung/);
    expect(rows.filter((r) => !r.startsWith('EX'))).toHaveLength(14);
  });
  it('list --max filters by duration, --pregnant hides what to avoid', () => {
    const short = JSON.parse(cli(['list', '--max', '5m', '--json']).stdout);
    expect(short.every((r: { duration_ms: number }) => r.duration_ms <= 300_000)).toBe(true);
    const ids = JSON.parse(cli(['list', '--pregnant', '--json']).stdout).map((r: { id: string }) => r.id);
    expect(ids).toContain('morning-sickness');
    expect(ids).not.toContain('headache');
  });
  it('show LI4 prints the point card', () => {
    const r = cli(['show', 'LI4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('LI4  Hégǔ  合谷  Union Valley');
    expect(r.stdout).toMatch(/Find it\s+Squeeze/);
    expect(r.stdout).toContain('not medical advice');
    expect(JSON.parse(cli(['show', 'hegu', '--json']).stdout)).toMatchObject({ kind: 'point', id: 'LI4', meridian: 'LI' });
  });
  it('show a routine card with steps, total, evidence and sources', () => {
    const r = cli(['show', 'migraine']);
    expect(r.stdout).toContain('Headache relief');
    expect(r.stdout).toMatch(/Time\s+\d+:\d\d in all/);
    expect(r.stdout).toMatch(/Evidence/);
    expect(r.stdout).toMatch(/Get medical help instead if/);
  });
  it('an unknown id exits 2 with suggestions and no stack trace', () => {
    const r = cli(['show', 'LI44']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^acupress: unknown routine, point or condition "LI44"; did you mean .*"LI4"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('show --yaml round-trips through validate', () => {
    const yaml = cli(['show', 'headache', '--yaml']).stdout;
    const dir = tempTree({ 'mine.yaml': yaml.replace('id: headache', 'id: my-headache') });
    expect(cli(['validate', join(dir, 'mine.yaml')])).toMatchObject({ code: 0, stderr: '' });
  });
  it('validate says, as a note and exit 0, that a file keeping a built-in routine\'s id replaces it; with an id of its own, nothing', () => {
    const yaml = cli(['show', 'headache', '--yaml']).stdout;
    const dir = tempTree({ 'headache.yaml': yaml, 'mine.yaml': yaml.replace('id: headache', 'id: my-headache') });
    const same = cli(['validate', join(dir, 'headache.yaml')]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^ok {2}.*headache\.yaml\n$/);
    expect(same.stderr).toMatch(/^.*headache\.yaml:\d+:\d+ id: note: replaces the built-in routine "headache": run, list, show and check use this file instead, once it is among your routines \(give it an id of its own to keep both\)\n$/);
    const [report] = JSON.parse(cli(['validate', join(dir, 'headache.yaml'), '--json']).stdout);
    expect(report).toMatchObject({ ok: true, problems: [], warnings: [], notes: [{ path: 'id', message: expect.stringMatching(/^note: replaces the built-in routine "headache"/) }] });
    expect(JSON.parse(cli(['validate', join(dir, 'mine.yaml'), '--json']).stdout)[0]).toMatchObject({ ok: true, notes: [] });
  });
  it('show takes a routine file, as run and check do: its card, JSON and verdict; a bad file is one line and exit 2', () => {
    const yaml = cli(['show', 'neck', '--yaml']).stdout.replace('id: neck', 'id: my-neck');
    const dir = tempTree({ 'my-neck.yaml': yaml, 'bad.yaml': 'id: [\n' });
    const card = cli(['show', './my-neck.yaml'], { cwd: dir });
    expect(card).toMatchObject({ code: 0, stderr: '' });
    expect(card.stdout.split('\n')[0]).toBe('Neck tension after a day at the desk  (my-neck)');
    expect(cli(['show', './my-neck.yaml', '--pregnant'], { cwd: dir }).stdout).toMatch(/^AVOID with pregnancy: .*GB21/m);
    expect(JSON.parse(cli(['show', join(dir, 'my-neck.yaml'), '--json']).stdout)).toMatchObject({ kind: 'routine', id: 'my-neck', origin: { source: 'user' } });
    expect(cli(['show', 'bad.yaml'], { cwd: dir })).toMatchObject({ code: 2, stdout: '', stderr: 'acupress: bad.yaml:1:5: invalid YAML: this list is never closed; end it with "]"\n' });
    expect(cli(['show', 'LI4', 'missing.yaml'], { cwd: dir })).toMatchObject({ code: 2, stdout: '', stderr: 'acupress: missing.yaml: no such file\n' });
  });
  it('show prints each card once: two names of one point or routine, a file named twice, a file keeping a routine\'s id beside that routine', () => {
    const cards = (r: { stdout: string }) => r.stdout.split('\n').filter((l) => /^(\S.*  \(headache\)|LI4  )/.test(l));
    expect(cards(cli(['show', 'headache', 'migraine', 'headache']))).toEqual(['Headache relief  (headache)']);
    expect(cards(cli(['show', 'LI4', 'hegu']))).toHaveLength(1);
    const yaml = cli(['show', 'headache', '--yaml']).stdout;
    const dir = tempTree({ 'h.yaml': yaml.replace(/^title: .*$/m, 'title: My headache copy'), 'g.yaml': yaml });
    // The file stands in for the routine it copies, once, and says so in one line.
    for (const args of [['show', './h.yaml', 'headache'], ['show', 'headache', './h.yaml']]) {
      const r = cli(args, { cwd: dir });
      expect(r.code).toBe(0);
      expect(cards(r)).toEqual(['My headache copy  (headache)']);
      expect(r.stderr).toBe('warning: "./h.yaml" has the id "headache", as the built-in routine does; "headache" is shown once, from "./h.yaml" (give the file an id of its own to see both)\n');
    }
    expect(cli(['show', './h.yaml', './h.yaml', 'h.yaml'], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
    expect(cards(cli(['show', './h.yaml', './h.yaml'], { cwd: dir }))).toHaveLength(1);
    const two = cli(['show', './h.yaml', './g.yaml'], { cwd: dir });
    expect(cards(two)).toEqual(['My headache copy  (headache)']);
    expect(two.stderr).toBe('warning: "./g.yaml" has the id "headache", as "./h.yaml" does; "headache" is shown once, from "./h.yaml"\n');
    // --json and --html: one item too.
    expect(JSON.parse(cli(['show', './h.yaml', 'headache', '--json'], { cwd: dir }).stdout)).toMatchObject({ kind: 'routine', id: 'headache', title: 'My headache copy' });
    expect(cli(['show', './h.yaml', 'headache', '--html'], { cwd: dir }).stdout.match(/<h1[^>]*>My headache copy/g)).toHaveLength(1);
  });
  it('a copy made with show --yaml leaves the built-in its names (no aliases), and says so', () => {
    const yaml = cli(['show', 'neck', '--yaml']).stdout;
    expect(yaml).not.toMatch(/^aliases:/m);
    expect(yaml.split('\n')[0]).toContain('neck keeps its other names (neck-pain, stiff-neck');
    const dir = tempTree({ 'routines/my-neck.yaml': yaml.replace('id: neck', 'id: my-neck') });
    expect(cli(['run', 'neck-pain', '--dry-run'], { env: { ACUPRESS_DATA: dir } })).toMatchObject({ code: 0 });
  });
  it('two routines answering to one name: the hint says to use an id', () => {
    const dir = tempTree({ 'routines/mine.yaml': 'id: mine\ntitle: Mine\nsummary: Mine.\naliases: [neck-pain]\nsources: [me]\nsteps:\n  - press: LI4\n' });
    expect(cli(['run', 'neck-pain', '--dry-run'], { env: { ACUPRESS_DATA: dir } })).toMatchObject({ code: 2, stderr: 'acupress: "neck-pain" is ambiguous: it could be routine neck, routine mine; use its id\n' });
  });
});

describe('run', () => {
  it('--dry-run prints the whole plan and exits at once', () => {
    const r = cli(['run', 'headache', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Headache relief · \d+ phases · \d+:\d\d in all \(dry run\)/m);
    expect(r.stdout).toMatch(/0:00\s+locate/);
  });
  it('--dry-run past an hour keeps its columns: offsets like 1:02:03 are padded as 0:00 is, cautions under the text', () => {
    const r = cli(['run', 'shoulders', '--fit', '90m', '--dry-run', '--condition', 'bleeding', '--skip-unsafe']);
    expect(r.code).toBe(0);
    const lines = r.stdout.slice(r.stdout.search(/^.* \(dry run\)$/m)).trimEnd().split('\n').slice(1);
    const phases = lines.filter((l) => /^ *\d+:\d\d(:\d\d)?  \w/.test(l) && !/  end$/.test(l));
    expect(phases.some((l) => /^1:\d\d:\d\d  /.test(l))).toBe(true);
    expect(phases[0]).toMatch(/^   0:00  locate  /);
    // The kind, the length and the text start in the same column on every line.
    const columns = (l: string) => { const m = /^( *[\d:]+  )(\w+ +)(\S+ +)/.exec(l)!; return [m[1]!.length, m[1]!.length + m[2]!.length, m[0].length]; };
    for (const l of phases) expect(columns(l), l).toEqual(columns(phases[0]!));
    const caution = lines.find((l) => l.includes('⚠ With bleeding'))!;
    expect(caution.indexOf('⚠')).toBe(columns(phases[0]!)[2]);
    expect(lines.at(-1)).toMatch(/^1:30:00  end$/);
  });
  it('--dry-run comes with the safety notes the run would print first; with --json they go to stderr and stdout stays the events', () => {
    const text = cli(['run', 'feet', '--dry-run']);
    expect(text.code).toBe(0);
    const plan = text.stdout.search(/^.* · \d+ phases · .* \(dry run\)$/m);
    expect(plan).toBeGreaterThan(0);
    // Who should not use the routine first, then the cautions.
    expect(text.stdout.slice(0, plan)).toMatch(/^Who should not use this routine:\n  • If you have diabetes or numb feet[^]*?\nCautions:\n  caution LR3 /);
    expect(text.stdout.slice(0, plan)).toMatch(/Get medical help instead if:/);
    expect(text.stdout).not.toMatch(/Before you start/); // the tips wait for a real run
    const json = cli(['run', 'feet', '--dry-run', '--json']);
    expect(json.code).toBe(0);
    expect(json.stdout.trim().split('\n').map((l) => JSON.parse(l).type)).toContain('start');
    // stderr: who should not use it and the cautions, nothing else of the notes (docs/cli.md).
    expect(json.stderr).toMatch(/^Who should not use this routine:\n  • If you have diabetes or numb feet[^]*?\nCautions:\n  caution LR3 /);
    expect(json.stderr).not.toMatch(/Get medical help instead if|Tips:|not medical advice/);
    // With a condition: its advice too, as a run in text says it.
    expect(cli(['run', 'feet', '--dry-run', '--pregnant', '--skip-unsafe']).stdout).toMatch(/^With pregnancy:$/m);
  });
  it('--dry-run --json prints start, phases and end without ticks or elapsed', () => {
    const lines = cli(['run', 'headache', '--dry-run', '--json']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'start', routine: 'headache' });
    expect(lines.at(-1)).toEqual({ type: 'end', completed: true, reason: 'done' });
    expect(lines.filter((l) => l.type === 'phase')).toHaveLength(lines[0].phases);
    expect(lines.some((l) => l.type === 'tick' || 'elapsed_ms' in l)).toBe(false);
  });
  it('missing target without a terminal is a usage error', () => {
    expect(cli(['run'])).toMatchObject({ code: 2, stderr: expect.stringContaining('missing target') });
  });
  it('bad flags exit 2 naming the flag', () => {
    expect(cli(['run', 'headache', '--hold', 'forever'])).toMatchObject({ code: 2, stderr: 'acupress: --hold: expected a duration like 45s, 2m or 1m30s, got "forever"\n' });
    expect(cli(['run', 'headache', '--rounds', '0']).stderr).toBe('acupress: --rounds: expected a whole number from 1 to 10, got "0"\n');
    expect(cli(['run', 'headache', '--json', '--plain']).code).toBe(2);
    expect(cli(['run', 'headache', '--hold', '11m']).code).toBe(2);
  });
  it.each([
    [['run', 'headache', '--hold'], 'acupress: --hold: expected a value after it\n'],
    [['list', '--meridian'], 'acupress: --meridian: expected a value after it\n'],
    [['run', 'headache', '--side', 'up'], 'acupress: --side: expected left, right or both, got "up"\n'],
    [['check', '--condition'], 'acupress: --condition: expected a value after it\n'],
    [['run', 'headache', '--quick', '--fit', '3m'], 'acupress: --quick and --fit cannot be used together: --quick already fits two minutes\n'],
    [['list', '--max', 'forever'], 'acupress: --max: expected a duration like 45s, 2m or 1m30s, got "forever"\n'],
    [['run', 'headache', '--rounds', '11'], 'acupress: --rounds: expected a whole number from 1 to 10, got "11"\n'],
    [['run', 'headache', '--json', '--plain'], 'acupress: --json and --plain cannot be used together\n'],
    [['run', 'headache', '--fit', '5s'], 'acupress: --fit: 5s is too short: "headache" needs at least 17s (one second a phase, one round a point)\n'],
    [['list', 'points', '--meridian', 'XX'], 'acupress: --meridian: unknown meridian "XX"; did you mean "EX"?\n'],
    // Before the fixes: "did you mean "--lp"?", a silent full list, and no word of the flag.
    [['--', '--help'], 'acupress: unknown command "--help"; after "--" no word is an option (see: acupress --help)\n'],
    [['list', 'meridians', '--tag', 'desk'], 'acupress: list meridians: --tag filters routines and points, not meridians\n'],
    [['list', '--meridian', 'LI'], 'acupress: list routines: --meridian filters points only, not routines\n'],
    [['check', 'pregnant'], 'acupress: "pregnant" is a condition, not a routine or point: try acupress check --pregnant\n'],
    [['run', 'pregnant'], 'acupress: "pregnant" is a condition, not a routine or point: try acupress run --pregnant\n'],
  ])('bad command line %j: one line, exit 2', (args, message) => {
    expect(cli(args)).toMatchObject({ code: 2, stdout: '', stderr: message });
  });
  it('a routine id never resolves to a file outside the data directories', () => {
    expect(cli(['run', '../../etc/passwd'])).toMatchObject({ code: 2, stderr: expect.stringContaining('as a file it should end in .yaml') });
    expect(cli(['run', '/dev/zero.yaml']).code).toBe(2);
  });
  it('runs a point in real time with every phase within 50 ms of plan', () => {
    const started = Date.now();
    const r = cli(['run', 'LI4', '--ramp', '1s', '--hold', '1s', '--release', '1s', '--rounds', '1', '--json']);
    expect(r.code).toBe(0);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(events.map((e) => e.type).filter((t) => t !== 'tick')).toEqual(['start', ...Array(8).fill('phase'), 'end']);
    expect(events.filter((e) => e.type === 'phase').map((e) => e.kind)).toEqual(['locate', 'ramp', 'hold', 'release', 'switch', 'ramp', 'hold', 'release']);
    // The end says what was worked, as the summary and the session log do.
    expect(events.at(-1)).toMatchObject({ type: 'end', completed: true, points: [{ point: 'LI4', sides: ['left', 'right'] }], partly: [] });
    for (const e of events.filter((x) => x.type === 'phase')) {
      expect(e.elapsed_ms - e.planned_ms).toBeGreaterThanOrEqual(0);
      expect(e.elapsed_ms - e.planned_ms).toBeLessThan(50);
    }
    expect(Date.now() - started).toBeLessThan(30_000);
  });
  it('a routine file runs, and a user routine from --data appears in list', () => {
    const dir = tempTree({ 'routines/quick-hand.yaml': routineObj({ id: 'quick-hand', title: 'Quick hand', steps: [{ press: 'LI4', sides: 'both', ramp: '1s', hold: '1s', release: '1s', rounds: 1, locate: '1s' }] }) });
    const listed = cli(['--data', dir, 'list']);
    expect(listed.stdout).toMatch(/^quick-hand\s+0:04\s+Quick hand \(user\)/m);
    expect(cli(['--data', dir, 'run', 'quick-hand', '--dry-run', '--json']).code).toBe(0);
    expect(cli(['run', join(dir, 'routines/quick-hand.yaml'), '--json']).stdout).toContain('"reason":"done"');
  });
  it('a user routine overriding a built-in id gets a notice', () => {
    const dir = tempTree({ 'routines/headache.yaml': routineObj({ id: 'headache' }) });
    expect(cli(['list'], { env: { ACUPRESS_DATA: dir } }).stderr).toMatch(/routines\/headache.yaml overrides the built-in routine "headache"/);
  });
  it('a broken user file is skipped with one warning line; the rest works (exit 0)', () => {
    const dir = tempTree({ 'routines/bad.yaml': 'id: bad\ntitle: Bad\nsummary: x\nsources: [x]\nsteps:\n  - press: LI44\n' });
    const r = cli(['--data', dir, 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^headache /m);
    const file = join(dir, 'routines/bad.yaml');
    expect(r.stderr).toBe(`warning: skipped ${file}:6:12 steps[0].press: unknown point "LI44"; did you mean LI14, LI4, BL44? (see: acupress validate ${file})\n`);
  });
  it('naming a skipped user file (its id or its file name) says it was skipped, pointing to the warning', async () => {
    const home = tempTree({ '.config/acupress/routines/typo.yaml': 'id: my-typo\ntitle: Typo\nsummary: x\nsources: [x]\nsteps:\n  - pres: LI4\n' });
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
    const file = '~/.config/acupress/routines/typo.yaml';
    for (const args of [['run', 'my-typo', '--dry-run'], ['check', 'my-typo'], ['show', 'my-typo']]) {
      const r = await cliAsync(args, { env });
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr, args[0]).toMatch(new RegExp(`^warning: skipped ${file.replace(/\./g, '\\.')}:6:5 `));
      expect(r.stderr, args[0]).toMatch(new RegExp(`\nacupress: unknown [a-z, ]+ "my-typo": it is the id in ${file.replace(/\./g, '\\.')}, which was skipped for a problem \\(see the warning above\\)\n$`));
    }
    const byName = await cliAsync(['run', 'typo', '--dry-run'], { env });
    expect(byName.stderr).toContain(`acupress: unknown routine or point "typo": ${file} was skipped for a problem (see the warning above)\n`);
    // A name that is no skipped file's keeps the plain error.
    expect((await cliAsync(['run', 'nosuch', '--dry-run'], { env })).stderr).toMatch(/\nacupress: unknown routine or point "nosuch"\n$/);
  });
});

describe('check', () => {
  it('check headache --pregnant exits 1 with sourced findings; --json has the documented shape', () => {
    const r = cli(['check', 'headache', '--pregnant']);
    expect(r.code).toBe(1);
    // One verdict says whom it is for; the finding under it does not say it again ("AVOID headache" read as advice about headaches).
    expect(r.stdout).toMatch(/^AVOID the headache routine with pregnancy\n {2}avoid {3}LI4 Hégǔ: Hegu, in the web/m);
    const point = cli(['check', 'LI4', '--pregnant']);
    expect(point.stdout).toMatch(/^AVOID LI4 Hégǔ with pregnancy\n {2}Hegu, in the web/m);
    expect(point.stdout).not.toMatch(/\(pregnancy\)/);
    const j = JSON.parse(cli(['check', 'headache', '--pregnant', '--json']).stdout);
    expect(j).toMatchObject({ ok: false, conditions: ['pregnancy'] });
    expect(j.findings[0]).toMatchObject({ target: 'headache', point: 'LI4', condition: 'pregnancy', level: 'avoid', reason: expect.any(String), source: expect.any(String) });
  });
  it('neck-arteries: a routine of your own leaning on the base of the skull, the mastoid or a ball under GB20 is taken with care', () => {
    const dir = tempTree({ 'lean.yaml': [
      'id: lean', 'title: Lean', 'summary: Leaning.', 'sources: [me]', 'steps:',
      '  - press: BL9', '    cue: Lie back on two tennis balls in a sock at the base of your skull.',
      '  - press: GB12', '    cue: Lie on your back with a tennis ball under the point behind your ear and let your weight sink onto it.',
      '  - rest: 10s', '    cue: Lie back with a tennis ball under GB20 and let your weight sink onto it.', '',
    ].join('\n') });
    const r = cli(['check', join(dir, 'lean.yaml'), '--condition', 'neck-arteries', '--json']);
    expect(r.code).toBe(0);
    const found = JSON.parse(r.stdout).findings.map((f: { step?: number; technique?: string; level: string }) => `${f.step}:${f.technique}:${f.level}`);
    expect(found).toEqual(expect.arrayContaining(['0:neck-weight:caution', '1:neck-weight:caution', '2:neck-weight:caution']));
    const text = cli(['check', join(dir, 'lean.yaml'), '--condition', 'neck-arteries', '--no-color']);
    expect(text.stdout).toMatch(/caution +your head's or body's weight on the neck/);
  });
  it('the pregnancy-safe routine passes, and says PC6 is commonly used', () => {
    const r = cli(['check', 'morning-sickness', '--pregnant']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PC6 is commonly used in pregnancy/);
  });
  it('check --pregnant with no target explains the condition', () => {
    const r = cli(['check', '--pregnant']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Pregnancy/);
    expect(r.stdout).toMatch(/LI4/);
  });
  it('check leads with a two-line summary, and prints each source once, cited by number', () => {
    const r = cli(['check', '--pregnant']);
    const [first, second, blank] = r.stdout.split('\n');
    expect(first).toMatch(/^Avoid with pregnancy: LI4, SP6, GB21, BL60, BL67, BL31, BL32, BL33, BL34, CV4, EX-CA1 and the abdomen and lower back\.$/);
    expect(second).toMatch(/^Commonly used: PC6\. .*Safer routines with pregnancy: morning-sickness/);
    expect(blank).toBe('');
    // The core list's citation with Birch (LI4, SP6, BL67): printed once, cited three times; GB21
    // and BL60 cite the same works without Birch, who does not name them.
    const core = 'Deadman P, Al-Khafaji M, Baker K. A Manual of Acupuncture. 2nd ed. 2007; Betts D. The Essential Guide to Acupuncture in Pregnancy and Childbirth. 2006; Betts D, Budd S. "Forbidden points" in pregnancy: historical wisdom? Acupunct Med 2011;29(2):137-139; Birch S. The problem of acupoint contraindications in pregnancy. Foundation for the Study of Traditional East Asian Medicine, Amsterdam; undated paper (after 1999), Paradigm Publications, http://www.paradigm-pubs.com/Birch-Contra (LI4, SP6, CV4 and BL67 as the points its 35 texts name most often).';
    expect(r.stdout.split(core)).toHaveLength(2);
    const [n, m] = [...r.stdout.matchAll(/\[(\d+)\] +Deadman P, Al-Khafaji M, Baker K\. A Manual of Acupuncture\. 2nd ed\. 2007; Betts D\./g)].map((x) => x[1]);
    expect(r.stdout.match(new RegExp(`\\[${n}\\]`, 'g'))).toHaveLength(4);
    expect(r.stdout.match(new RegExp(`\\[${m}\\]`, 'g'))).toHaveLength(3);
    expect(r.stdout.split('\n').length).toBeLessThan(60);
  });
  it('check with targets: the summary names what to avoid and the safer routines', () => {
    const r = cli(['check', 'headache', 'morning-sickness', '--pregnant']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('Avoid with pregnancy: headache (LI4).');
    expect(r.stdout.split('\n')[1]).toMatch(/^Fine: morning-sickness\. Commonly used: PC6\. Safer routines with pregnancy: [a-z-]+/);
  });
  it('points never to press yourself are avoid with no condition: check exits 1', () => {
    for (const id of ['GV1', 'CV1', 'ST1', 'ST9']) {
      const r = cli(['check', id]);
      expect(r.code, id).toBe(1);
      expect(r.stdout, id).toMatch(new RegExp(`^Avoid: ${id}\\.\n`));
      expect(r.stdout, id).toMatch(new RegExp(`AVOID ${id} \\S+ for everyone\\n {2}[A-Z]`));
    }
    const general = cli(['check']);
    expect(general.code).toBe(0);
    expect(general.stdout).toMatch(/^Never press yourself: ST1, ST9, ST17, GV1, GV28, CV1, EX-HN7/);
    expect(general.stdout).toMatch(/Get medical help instead, not acupressure, for\n  • chest pain, chest tightness: /);
    expect(general.stdout).not.toMatch(/Verywell|Everyone \(--condition general\)/);
  });
  it('check --pregnant names a few safer routines, says how many, and lists every one below', () => {
    const r = cli(['check', '--pregnant']);
    const safer = JSON.parse(cli(['check', '--pregnant', '--json']).stdout).summary.safer as string[];
    expect(safer.length).toBeGreaterThan(4);
    expect(r.stdout.split('\n')[1]).toMatch(new RegExp(`Safer routines with pregnancy: ${safer.slice(0, 4).join(', ')} \\(${safer.length} in all, listed below\\)\\.$`));
    const section = r.stdout.split('\nSafer routines with pregnancy (nothing to avoid; best first)\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(section.map((l) => l.trim().split(/\s+/)[0])).toEqual(safer);
  });
  it('a point to avoid is not sent to --skip-unsafe: the second line says to leave it alone', () => {
    expect(cli(['check', 'GV1']).stdout.split('\n')[1]).toBe('Do not press it yourself; why is below.');
    expect(cli(['check', 'GV1', 'CV1']).stdout.split('\n')[1]).toBe('Do not press them yourself; why is below.');
    expect(cli(['check', 'SP6', '--pregnant']).stdout.split('\n')[1]).toBe('Leave it out with pregnancy; why is below.');
    // A routine still is.
    expect(cli(['check', 'headache', 'GV1']).stdout.split('\n')[1]).not.toMatch(/skip-unsafe|Do not press/);
    expect(cli(['check', 'classic', '--pregnant']).stdout.split('\n')[1]).toMatch(/--skip-unsafe|Safer routines/);
  });
  it('the summary says up front when a checked point is used for an emergency', () => {
    expect(cli(['check', 'PC4']).stdout.split('\n')[1]).toBe('Get medical help instead for chest pain and palpitations (below).');
  });
  it('check techniques --pregnant exits 1: its massage on the tops of the shoulders works GB21', () => {
    const r = cli(['check', 'techniques', '--pregnant']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^AVOID the techniques routine with pregnancy\n {2}avoid\s+GB21 Jiānjǐng: /m);
  });
  it('a point tagged with an emergency says where to get help: check, show and list --tag', () => {
    const r = cli(['check', 'PC4']);
    expect(r.stdout).toMatch(/chest pain \(PC4\): Chest pain or tightness .*call emergency services now/);
    expect(cli(['show', 'PC4']).stdout).toMatch(/^Urgent {5}chest pain: /m);
    expect(cli(['list', 'points', '--tag', 'chest-pain']).stderr).toMatch(/call emergency services now/);
  });
  it('show general reads as check with no condition: the points never to press yourself first', () => {
    const r = cli(['show', 'general']);
    expect(r.stdout).toMatch(/^Never press yourself: ST1, ST9/);
    expect(r.stdout).not.toMatch(/--condition general/);
  });
  it('--condition general is refused: the general rules always apply', () => {
    const r = cli(['check', '--condition', 'general']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"general" is not a condition; the general rules always apply/);
  });
  it('run refuses an unsafe routine with exit 1; --skip-unsafe runs the rest', () => {
    const r = cli(['run', 'headache', '--pregnant', '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Refusing to run "headache"/);
    const s = cli(['run', 'headache', '--pregnant', '--skip-unsafe', '--dry-run', '--json']);
    expect(s.code).toBe(0);
    expect(s.stdout).not.toContain('"point":"LI4"');
    expect(s.stderr).toMatch(/Skipping 1 unsafe step/);
  });
  it('run refuses a point never to press yourself with no condition set, and says so cleanly', () => {
    for (const id of ['ST9', 'GV1', 'CV1', 'ST1']) {
      const r = cli(['run', id, '--dry-run']);
      expect(r.code, id).toBe(1);
      expect(r.stdout, id).toBe('');
      expect(r.stderr, id).toMatch(new RegExp(`^Refusing to run "${id}": it presses a point never to press yourself:\n  avoid ${id} `));
      expect(r.stderr, id).not.toMatch(/with :|--condition\s*$|--condition \n/m);
      expect(r.stderr, id).toMatch(/acupress check lists the points never to press yourself/);
    }
    // --skip-unsafe cannot help a routine whose every step is to be avoided.
    expect(cli(['run', 'ST9', '--skip-unsafe', '--dry-run']).code).toBe(1);
  });
  it('the refusal names safer routines instead of sending you to list', () => {
    const r = cli(['run', 'headache', '--pregnant', '--dry-run']);
    expect(r.stderr).toMatch(/Run the rest with --skip-unsafe, or try a safer routine: [a-z-]+/);
    expect(r.stderr).not.toMatch(/acupress list/);
  });
  it('massage over the tops of the shoulders is skipped in pregnancy like a press on GB21', () => {
    const r = cli(['run', 'techniques', '--pregnant', '--skip-unsafe', '--dry-run', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Skipping 1 unsafe step:\n  avoid GB21/);
    expect(r.stdout).not.toMatch(/Tops of the shoulders/i);
  });
  it('a run with a condition shows that condition\'s general advice before it starts; one phase is "1 phase"', () => {
    const data = tempTree({ 'routines/tiny.yaml': routineObj({ id: 'tiny', steps: [{ rest: '1s' }] }) });
    const r = cli(['--data', data, 'run', 'tiny', '--condition', 'bleeding', '--plain', '--no-tips', '--no-history', '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^With bleeding:\n  \S Ask your doctor or anticoagulation clinic before you start\./);
    expect(r.stdout).toMatch(/ · 1 phase\b/);
    expect(r.stdout).not.toMatch(/1 phases/);
  });

  it('check with a condition and nothing to avoid points to the general advice, never a bare "no cautions"', () => {
    const out = cli(['check', 'headache', '--condition', 'bleeding']).stdout;
    expect(out).toMatch(/^Nothing to avoid in headache with bleeding\.\nNo cautions either, but read the general advice below\./);
    expect(out).toMatch(/General advice with bleeding/);
  });

  it('without a condition, show and run still say which points pregnancy avoids', async () => {
    const words = (text: string) => new RegExp(text.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('\\s+'));
    expect(cli(['show', 'headache']).stdout).toMatch(words('If you are pregnant: this routine uses LI4, traditionally avoided in pregnancy; add --pregnant for safer routines, or --pregnant --skip-unsafe to leave it out.'));
    const child = spawnCli(['run', 'headache', '--plain']);
    let out = '';
    await new Promise<void>((resolve) => child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('phases')) resolve();
    }));
    child.kill('SIGTERM');
    expect(out).toMatch(/If you are pregnant: this routine uses LI4/);
    expect(cli(['show', 'morning-sickness']).stdout).not.toMatch(/If you are pregnant/);
  });
  it('another condition says nothing of pregnancy: check, show and run keep the hint; with pregnancy in force there is none', () => {
    const hint = /If you are pregnant: this routine uses LI4, traditionally avoided in pregnancy/;
    const checked = cli(['check', 'headache', '--condition', 'bleeding']);
    expect(checked.code).toBe(0);
    expect(checked.stdout.split('\n')[1]).toMatch(/^No cautions either, but read the general advice below\. If you are pregnant: this routine uses LI4/);
    expect(JSON.parse(cli(['check', 'headache', '--condition', 'bleeding', '--json']).stdout).pregnancy_hint).toEqual([{ target: 'headache', text: expect.stringMatching(hint) }]);
    expect(cli(['show', 'headache', '--condition', 'bleeding']).stdout).toMatch(hint);
    expect(cli(['run', 'SP6', '--condition', 'bleeding', '--dry-run']).stdout).toMatch(/If you are pregnant: SP6 is traditionally avoided in pregnancy, so leave it out/);
    expect(JSON.parse(cli(['check', 'headache', '--condition', 'bleeding', '--pregnant', '--json']).stdout).pregnancy_hint).toEqual([]);
    // The hint ("If you are pregnant: …"), not headache's contraindication ("If you are pregnant, skip LI4 …").
    expect(cli(['show', 'headache', '--pregnant']).stdout).not.toMatch(/If you are pregnant:/);
  });
  it('a clot keeps every leg and foot point out, the back of the knee included, with the rule said once', () => {
    const r = cli(['check', 'low-back', 'feet', '--condition', 'dvt']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/avoid\s+BL40 Wěizhōng \(blood-clot\)/);
    expect(r.stdout.match(/could\s+dislodge\s+it/g)).toHaveLength(2); // once per routine, not once per point
  });
  it('with blood-clot, bleeding counts as named (a clot is treated with blood thinners), and the output says why', () => {
    const why = "blood-clot's advice says to read bleeding's too, so bleeding counts here as well.";
    const checked = cli(['check', 'shoulders', '--condition', 'blood-clot']);
    expect(checked.code).toBe(1);
    expect(checked.stdout.split('\n')[0]).toBe('Avoid with blood-clot and bleeding: shoulders (kneading).');
    expect(checked.stdout).toContain(`\n\n${why}\n\nAVOID the shoulders routine with bleeding\n  avoid   kneading:`);
    expect(checked.stderr).toBe('');
    // No target: bleeding's card follows the clot's, and its kneading is in the summary.
    const card = cli(['check', '--condition', 'blood-clot']).stdout;
    expect(card.split('\n')[0]).toMatch(/^Avoid with blood-clot and bleeding: .* and kneading\.$/);
    expect(card).toContain('(--condition bleeding)');
    const show = cli(['show', 'shoulders', '--condition', 'blood-clot']);
    expect(show.stdout).toMatch(/^AVOID with blood-clot, bleeding: step 1 \(kneading\)/m);
    expect(show.stderr).toBe(`${why}\n`);
    const run = cli(['run', 'shoulders', '--condition', 'blood-clot', '--dry-run']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${why}\nRefusing to run "shoulders" with bleeding:\n  avoid kneading (bleeding)`);
    const skipped = cli(['run', 'shoulders', '--condition', 'blood-clot', '--dry-run', '--skip-unsafe']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(/Skipping 1 unsafe step:\n  avoid kneading \(bleeding\)/);
    const list = cli(['list', '--condition', 'blood-clot']);
    expect(list.stdout).not.toMatch(/^shoulders /m);
    expect(list.stdout).toMatch(/with blood-clot, bleeding\)/);
    expect(list.stderr).toContain('leave out --condition blood-clot to see all');
  });
  it('with blood-clot and bleeding both named, or bleeding in the profile, nothing says why bleeding counts', () => {
    for (const both of [['--condition', 'blood-clot,bleeding'], ['--condition', 'bleeding', '--condition', 'blood-clot']]) {
      const checked = cli(['check', 'shoulders', ...both]);
      expect(checked.code).toBe(1);
      expect(checked.stdout).not.toMatch(/counts here as well/);
      expect(checked.stdout).toMatch(/\n\nAVOID the shoulders routine with bleeding\n/);
      expect(cli(['check', ...both]).stdout).not.toMatch(/counts here as well/);
      expect(JSON.parse(cli(['check', 'shoulders', ...both, '--json']).stdout).read_also).toEqual([]);
      expect(cli(['show', 'shoulders', ...both]).stderr).toBe('');
    }
    const home = tempDir('acupress-home-');
    mkdirSync(join(home, '.config', 'acupress'), { recursive: true });
    writeFileSync(join(home, '.config', 'acupress', 'profile.yaml'), 'conditions:\n  - bleeding\ntips_seen: true\n');
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
    const profiled = cli(['check', 'shoulders', '--condition', 'blood-clot'], { env });
    expect(profiled.stdout).not.toMatch(/counts here as well/);
    expect(profiled.stderr).toMatch(/Using your safety profile: bleeding/);
    // Without the profile, bleeding is again there only because blood-clot says so, and said.
    expect(cli(['check', 'shoulders', '--condition', 'blood-clot', '--no-profile'], { env }).stdout).toContain('counts here as well');
  });
  it('an unknown condition is a usage error', () => {
    expect(cli(['check', '--condition', 'pregnnt']).stderr).toMatch(/unknown condition "pregnnt"; did you mean "pregnancy"/);
  });
});

describe('a saved profile applies everywhere; --no-profile turns it off', () => {
  const profiled = () => {
    const home = tempDir('acupress-home-');
    mkdirSync(join(home, '.config', 'acupress'), { recursive: true });
    writeFileSync(join(home, '.config', 'acupress', 'profile.yaml'), '# acupress safety profile\nconditions:\n  - pregnancy\ntips_seen: true\n');
    return { HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
  };
  it('list leaves out what pregnancy avoids and says how many', () => {
    const env = profiled();
    const r = cli(['list'], { env });
    expect(r.stdout).not.toMatch(/^headache /m);
    expect(r.stdout).toMatch(/^morning-sickness /m);
    expect(r.stderr).toMatch(/Using your safety profile: pregnancy \(--no-profile to ignore\)/);
    expect(r.stderr).toMatch(/Left out \d+ routines to avoid with pregnancy \(acupress check <id> says why; --no-profile shows all\)\./);
    const all = cli(['list', '--no-profile'], { env });
    expect(all.stdout).toMatch(/^headache /m);
    expect(all.stderr).toBe('');
    expect(JSON.parse(cli(['list', '--json'], { env }).stdout).map((x: { id: string }) => x.id)).not.toContain('headache');
    expect(cli(['list', 'points', '--region', 'hand'], { env }).stdout).not.toMatch(/^LI4 /m);
  });
  it('pregnancy\'s "Keep the pressure light" caps every cue and a point card\'s Press line, in run, show, the sheet and --json', () => {
    const env = profiled();
    // run nausea said "ST36 … firmly. … Press firmly." beside "Keep the pressure light".
    const nausea = cli(['run', 'nausea', '--dry-run'], { env });
    expect(nausea.code, nausea.stderr).toBe(0);
    expect(nausea.stdout).toContain('Keep the pressure light');
    const st36 = nausea.stdout.split('\n').filter((l) => /\bramp\b.*ST36/.test(l));
    expect(st36.length).toBeGreaterThan(0);
    for (const l of st36) expect(l).toMatch(/, gently \(with pregnancy\)\. .*Press gently\.$/);
    expect(nausea.stdout.split('\n').filter((l) => /\bramp\b/.test(l)).join('\n')).not.toMatch(/firmly|steadily/);
    // run feet --json: KI1's "Press firmly with your thumb" is said gently in each ramp's text.
    const feet = cli(['run', 'feet', '--dry-run', '--json'], { env });
    const ki1 = feet.stdout.trim().split('\n').map((l) => JSON.parse(l)).filter((e) => e.type === 'phase' && e.kind === 'ramp' && e.point === 'KI1');
    expect(ki1.length).toBeGreaterThan(0);
    for (const e of ki1) expect(e.text).toMatch(/gently \(with pregnancy\)\. .*Press gently with your thumb\.$/);
    // The routine card and the sheet say the same as run.
    expect(cli(['show', 'feet'], { env }).stdout).toContain('Press gently with your thumb.');
    expect(cli(['show', 'feet', '--html', '--no-figure'], { env }).stdout).toContain('Press gently with your thumb.');
    // KI3's card said "Moderate pressure is enough" beside "use only light pressure on it".
    const ki3 = cli(['show', 'KI3', '--no-figure'], { env }).stdout;
    expect(ki3).toContain('use only light pressure on it');
    expect(ki3).toMatch(/^Press .*Light pressure is enough; it is often tender\.$/m);
    expect(ki3).not.toMatch(/moderate pressure is enough/i);
    // --no-profile: as written.
    expect(cli(['show', 'KI3', '--no-figure', '--no-profile'], { env }).stdout).toContain('Moderate pressure is enough');
    expect(cli(['run', 'feet', '--dry-run', '--no-profile'], { env }).stdout).toContain('Press firmly with your thumb.');
  });
  it('bleeding\'s "Press lightly and briefly": show LI4 no longer asks for firm pressure a few lines above it', () => {
    const before = cli(['show', 'LI4', '--no-figure']).stdout;
    expect(before).toMatch(/^Press .*pressing firmly toward the bone.*\(firm pressure\)$/m);
    const card = cli(['show', 'LI4', '--condition', 'bleeding', '--no-figure']).stdout;
    expect(card).toContain('Press lightly and briefly');
    expect(card).toMatch(/^Press .*pressing gently toward the bone of the index finger\. Hold steady or make slow circles\. \(gentle pressure with bleeding\)$/m);
    expect(card).not.toMatch(/firm/i);
    const sheet = cli(['show', 'LI4', '--condition', 'bleeding', '--html', '--no-figure']).stdout;
    expect(sheet).toContain('<dt>Press</dt><dd>Pinch the web');
    expect(sheet).toContain('pressing gently toward the bone');
    expect(sheet).not.toMatch(/firm pressure|pressing firmly/);
  });
  it('the left-out note names what to change: the flag, the profile, or both', () => {
    const bare = cli(['list', '--pregnant']);
    expect(bare.stderr).toMatch(/Left out \d+ routines to avoid with pregnancy \(acupress check <id> says why; leave out --pregnant to see all\)\./);
    expect(bare.stderr).not.toMatch(/no-profile/);
    expect(cli(['list', 'points', '--pregnant']).stderr).toMatch(/\(acupress check <code> says why; leave out --pregnant to see all\)/);
    const env = profiled();
    expect(cli(['list', '--pregnant'], { env }).stderr).toMatch(/; leave out --pregnant and add --no-profile to see all\)\./);
    expect(cli(['list', '--pregnant', '--no-profile'], { env }).stderr).toMatch(/; leave out --pregnant to see all\)\./);
    // cancer leaves nothing out (no rule of it avoids anything): only the profile's pregnancy does.
    expect(cli(['list', '--condition', 'cancer'], { env }).stderr).toMatch(/with pregnancy, cancer|with cancer, pregnancy/);
    expect(cli(['list', '--condition', 'cancer'], { env }).stderr).toMatch(/; --no-profile shows all\)\./);
  });
  it('show headache leads with the finding instead of "add --pregnant"', () => {
    const env = profiled();
    const r = cli(['show', 'headache'], { env });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Headache relief/);
    expect(lines.slice(1, 3).join(' ')).toMatch(/^AVOID with pregnancy: step 1 \(LI4\)\. Run it with --skip-unsafe to leave it out; safer routines: /);
    expect(r.stdout).not.toMatch(/add --pregnant/);
    expect(cli(['show', 'SP6'], { env }).stdout.split('\n')[1]).toBe('AVOID with pregnancy. Why, below.');
    const plain = cli(['show', 'headache', '--no-profile'], { env });
    expect(plain.stdout.split('\n')[1]).not.toMatch(/AVOID/);
    expect(plain.stdout).toMatch(/add\s+--pregnant/);
  });
  it('a point card with the profile says "avoid" once, under a label, with every reason below it', () => {
    const env = profiled();
    for (const id of ['LI4', 'SP6']) {
      const lines = cli(['show', id, '--no-figure'], { env }).stdout.split('\n');
      // The verdict, then one labelled row for pregnancy: the condition's reason and the point's own.
      expect(lines.filter((l) => /^avoid/i.test(l))).toEqual(['AVOID with pregnancy. Why, below.', expect.stringMatching(/^Avoid {6}in pregnancy: /)]);
      const row = lines.findIndex((l) => l.startsWith('Avoid      in pregnancy: '));
      expect(row).toBeGreaterThan(1);
      expect(lines.filter((l) => /^⚠|^!\s|AVOID \(pregnancy\)/.test(l))).toEqual([]);
      // The point's own reasons follow on the row's continuation lines, none lost.
      const rest = lines.slice(row + 1, lines.findIndex((l) => l.startsWith('Sources'))).join(' ');
      expect(rest).toMatch(/Deadman P, Al-Khafaji M, Baker K\. A Manual of Acupuncture, 2nd ed\., 2007 \((?:LI|SP)-[46], cautions\)/);
      expect(rest).toMatch(/Betts D\. The Essential Guide/);
    }
  });
  it('check and run apply it too', () => {
    const env = profiled();
    expect(cli(['check', 'headache'], { env }).code).toBe(1);
    expect(cli(['check', 'headache', '--no-profile'], { env }).code).toBe(0);
    expect(cli(['run', 'headache', '--dry-run'], { env }).stderr).toMatch(/Refusing to run "headache" with pregnancy/);
  });
});

describe('streams', () => {
  const sh = (script: string) => spawnSync('bash', ['-o', 'pipefail', '-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: tempDir('acupress-pipe-') } });
  it('a closed stdout pipe exits quietly (list | head -1)', () => {
    const r = sh(`node ${BIN} list points | head -1`);
    expect(r.stdout).toMatch(/^LU1 /);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
  it('run --json | head -3 stops the run without noise', () => {
    const t0 = Date.now();
    const r = sh(`node ${BIN} run LI4 --json | head -3`);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(r.stderr).toBe('');
    // head exits after the third line (the second tick), and the run must not carry on for its full length.
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

describe('first contact', () => {
  // A short routine that presses LI4 (avoided in pregnancy), then GV20 (midline): 12 s in all.
  const quick = () => tempTree({ 'routines/quick.yaml': routineObj({
    id: 'quick', title: 'Quick test',
    timing: { locate: '1s', ramp: '1s', hold: '1s', release: '1s', rounds: 1, switch: '1s' },
    steps: [{ press: 'LI4' }, { press: 'GV20' }],
  }) });
  it('a run opens with what is coming: title, time, rounds, and the points in order with sides', () => {
    const r = cli(['--data', quick(), 'run', 'quick', '--plain', '--no-tips']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Quick test · '));
    expect(lines.slice(at, at + 3)).toEqual([
      'Quick test · 0:12 · 12 phases · 1 round a side',
      'Points: LI4 Hégǔ (left, right) → GV20 Bǎihuì',
      ' 0:00  locate  1s    LI4 left  ' + lines[at + 2]!.split('LI4 left  ')[1],
    ]);
    expect(r.stdout).toMatch(/Gradually ease off LI4 \(Hégǔ\), left hand\./);
  });
  it('--fit says when a routine cannot stretch that far: phases stop at the pace the guides give, then rounds are added', () => {
    const r = cli(['run', 'LI4', '--rounds', '1', '--fit', '2h', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('warning: --fit 2h is longer than "LI4" stretches: it runs 6m40s, its holds at most 2m and its ramps and releases 30s, as the guides pace them; --rounds <n> adds rounds\n');
    const more = cli(['run', 'LI4', '--fit', '2h', '--dry-run']);
    expect(more.stderr).toBe('warning: --fit 2h is longer than "LI4" stretches: it runs 1h40s, its holds at most 2m and its ramps and releases 30s, as the guides pace them, at ten rounds a point\n');
    expect(more.stdout).toMatch(/^LI4 Hégǔ \(Union Valley\) · 62 phases · 1:00:40 in all \(dry run\)$/m);
    expect(cli(['run', 'LI4', '--fit', '20m', '--dry-run'])).toMatchObject({ code: 0, stderr: '' });
  });
  it('the pregnancy hint is for runs without a profile (show and check give it with a profile of none), and --no-tips keeps it (it is safety, not a tip)', () => {
    const dir = quick();
    const hint = /If you are pregnant: this routine uses LI4/;
    expect(cli(['--data', dir, 'run', 'quick', '--plain']).stdout).toMatch(hint);
    expect(cli(['--data', dir, 'run', 'quick', '--plain', '--no-tips']).stdout).toMatch(hint);
    expect(cli(['--data', dir, 'run', 'quick', '--dry-run', '--no-tips']).stdout).toMatch(hint);
    expect(cli(['--data', dir, 'run', 'quick', '--dry-run', '--quiet']).stdout).not.toMatch(hint);
    // A profile that says "none" has answered the question: a run, done again and again, does not
    // ask it again; show and check, which look things up, still say it.
    const config = tempDir('acupress-config-');
    mkdirSync(join(config, 'acupress'), { recursive: true });
    writeFileSync(join(config, 'acupress', 'profile.yaml'), 'conditions: []\ntips_seen: true\n');
    const env = { XDG_CONFIG_HOME: config };
    expect(cli(['--data', dir, 'run', 'quick', '--dry-run', '--yes'], { env }).stdout).not.toMatch(hint);
    expect(cli(['--data', dir, 'show', 'quick'], { env }).stdout).toMatch(hint);
    expect(cli(['--data', dir, 'check', 'quick'], { env }).stdout).toMatch(hint);
  }, 60_000);

  it('a point run says the point is avoided in pregnancy, not "this routine", names safer routines, and never sends you to --skip-unsafe', () => {
    const r = cli(['run', 'SP6', '--dry-run', '--yes']);
    expect(r.stdout).toMatch(/If you are pregnant: SP6 is traditionally avoided in pregnancy, so leave it out; safer routines: \S+.*\(acupress check SP6 --pregnant says why\)\./s);
    expect(r.stdout).not.toMatch(/this routine|--skip-unsafe/);
    for (const args of [['run', 'SP6', '--pregnant', '--skip-unsafe', '--yes'], ['run', 'SP6', '--pregnant', '--yes']]) {
      const refused = cli(args);
      expect(refused.code, args.join(' ')).toBe(1);
      expect(refused.stderr).toMatch(/^Refusing to run "SP6" with pregnancy \(the point is to be avoided; --skip-unsafe would leave nothing to run\):/);
      expect(refused.stderr).toMatch(/\nTry a safer routine: \S+/);
      expect(refused.stderr).not.toMatch(/Run the rest with --skip-unsafe/);
    }
  });
  it.each([
    [['list', '--max', '5'], 0, '', 'No routines match (--max 5 means 5 seconds; for minutes, write --max 5m).\n'],
    [['run', 'headache', '--fit', '5', '--dry-run'], 2, '', 'acupress: --fit: 5s is too short: "headache" needs at least 17s (one second a phase, one round a point) (--fit 5 means 5 seconds; for minutes, write --fit 5m)\n'],
    [['show', 'union'], 2, '', 'acupress: unknown routine, point or condition "union"; did you mean "LI4", "BL55"?\n'],
    [['show', 'three yin'], 2, '', 'acupress: unknown routine, point or condition "three yin"; did you mean "SP6"?\n'],
  ])('near miss %j gets a hint', (args, code, stdout, stderr) => {
    expect(cli(args as string[])).toMatchObject({ code, stdout, stderr });
  });
  it('--data with YAML at the top of the folder says where files go', () => {
    const dir = tempTree({ 'mine.yaml': routineObj({ id: 'mine' }) });
    const r = cli(['list', '--data', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`note: --data ${dir}: 1 YAML file is at the top of the folder and not read; routines go in its routines/ folder and points in points/\n`);
  });
});
