// Issue 15, as an adversarial user would try it: each describe pins one kind of fault with the
// built CLI. Safety answers cannot be shadowed; no control byte reaches the terminal; speech never
// takes text as options; one broken user file never breaks the rest; environment and output
// failures are one line, never exit 70 or a stack.
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { BIN, cliAsync as cli, routineObj, tempDir, tempTree } from '../helpers.js';
import { readEntry, writeEntry } from '../cache-entry.js';

/** A home directory holding these files under ~/.config/acupress, and the environment that uses it. */
function userHome(files: Record<string, unknown>): { home: string; env: Record<string, string> } {
  const home = tempDir('acupress-hostile-');
  for (const [rel, content] of Object.entries(files)) {
    const path = join(home, '.config/acupress', rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, typeof content === 'string' || Buffer.isBuffer(content) ? content : stringify(content));
  }
  return { home, env: { HOME: home, XDG_CONFIG_HOME: join(home, '.config') } };
}

/** Control characters a terminal acts on (newline and tab are layout); C1 as UTF-8 text too. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Run with stdout sent to a file descriptor (/dev/full), stderr captured. */
function toFd(args: string[], path: string, env: Record<string, string> = {}) {
  const home = tempDir('acupress-home-');
  const fd = openSync(path, 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: home, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', fd, 'pipe'],
      env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), ...env },
    });
    return { code: r.status, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe('safety answers cannot be shadowed', () => {
  const shadow = { 'routines/mine.yaml': routineObj({ id: 'mine', aliases: ['li4'], steps: [{ press: 'ST36' }] }) };

  it('a routine aliased li4: check LI4 --pregnant still says AVOID (exit 1), and the routine is skipped with a warning', async () => {
    const { env } = userHome(shadow);
    // Twice: the second answer comes through the user-data cache.
    for (const round of [1, 2]) {
      const r = await cli(['check', 'LI4', '--pregnant'], { env });
      expect(r.code, `round ${round}`).toBe(1);
      expect(r.stdout).toMatch(/^AVOID LI4 Hégǔ with pregnancy$/m);
      expect(r.stderr).toBe('warning: skipped ~/.config/acupress/routines/mine.yaml:9:5 aliases[0]: "li4" already names the point LI4 (Hégǔ); a routine cannot take the name of a point or condition (see: acupress validate ~/.config/acupress/routines/mine.yaml)\n');
    }
  });

  it('a point of your own named like a routine title is refused: check "headache relief" still answers for the routine', async () => {
    const point = 'points:\n  - id: XX1\n    pinyin: Xxone\n    hanzi: 叉\n    hanzi_traditional: 叉\n    english: Headache relief\n    meridian: LI\n    region: hand\n    laterality: bilateral\n    location: On the back of the hand.\n    indications: []\n    cautions: []\n    sources: ["me"]\n';
    const { env } = userHome({ 'points/p.yaml': point });
    const r = await cli(['check', 'headache relief', '--pregnant'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Avoid with pregnancy: headache \(LI4\)/m);
    expect(r.stderr).toMatch(/^warning: skipped .*points\[0\]\.english: "Headache relief" already names the routine headache/);
  });

  it('a massage step whose text names a point of your own is checked for it: check and list agree', async () => {
    const point = (id: string, condition: string) => ({
      id, pinyin: `P${id.toLowerCase()}`, hanzi: '叉', hanzi_traditional: '叉', english: `Own point ${id}`, meridian: 'SP', region: 'leg',
      laterality: 'bilateral', location: 'On the inner leg.', indications: [], sources: ['me'],
      cautions: [{ condition, level: 'avoid', reason: `Not with ${condition}.`, source: 'me' }],
    });
    const massageOn = (id: string, code: string) => routineObj({ id, title: `Massage ${code}`, steps: [{ massage: `press ${code} firmly`, duration: '30s', region: 'hand' }] });
    const { env } = userHome({
      'points/p.yaml': { points: [point('XB1', 'pregnancy'), point('XB2', 'general')] },
      'routines/a.yaml': massageOn('xba', 'XB1'),
      'routines/b.yaml': massageOn('xbb', 'xb2'),
    });
    // Before the fix: "Nothing to avoid in xba with pregnancy", exit 0, and list kept it.
    const pregnant = await cli(['check', 'xba', '--pregnant'], { env });
    expect(pregnant.code).toBe(1);
    expect(pregnant.stdout).toMatch(/^AVOID the xba routine with pregnancy$/m);
    expect(pregnant.stdout).toMatch(/XB1/);
    const listed = await cli(['list', '--pregnant'], { env });
    expect(listed.stdout).not.toMatch(/^xba /m);
    expect(listed.stderr).toMatch(/Left out \d+ routines to avoid with pregnancy/);
    // A point nobody should press: check says avoid for everyone, and list marks the routine.
    expect((await cli(['check', 'xbb'], { env })).code).toBe(1);
    expect((await cli(['list'], { env })).stdout).toMatch(/^xbb +0:30 +Massage xb2 ⚠ avoid \(user\)$/m);
  });

  it('run LI4 presses the point, not the routine', async () => {
    const { env } = userHome(shadow);
    const r = await cli(['run', 'LI4', '--dry-run', '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.split('\n')[0]!)).toMatchObject({ type: 'start', routine: 'LI4' });
  });

  it.each([
    ['an id that is a pinyin', { id: 'hegu' }, ['check', 'hegu', '--pregnant'], /^AVOID LI4/m],
    ['an id that is a legacy code', { id: 'lv3' }, ['check', 'LV3', '--pregnant'], /^(AVOID|CAUTION|OK) LR3/m],
    ['an alias that is an English name', { aliases: ['Union Valley'] }, ['check', 'union valley', '--pregnant'], /^AVOID LI4/m],
  ])('%s never changes the answer', async (_, over, args, answer) => {
    const { env } = userHome({ 'routines/mine.yaml': routineObj({ id: 'mine', ...over, steps: [{ press: 'ST36' }] }) });
    const r = await cli(args, { env });
    expect(r.stdout).toMatch(answer);
    expect(r.stderr).toMatch(/^warning: skipped .*already names the point/);
  });

  it.each([
    ['check', 'headache', '--condition', ''],
    ['check', 'headache', '--condition', '  '],
    ['check', 'headache', '--condition=,'],
    ['list', '--condition='],
    ['run', 'headache', '--dry-run', '--condition', ''],
  ])('a --condition that names nothing (an unset variable) is a usage error, never an answer without it: %s %s %s %s', async (...args) => {
    const r = await cli([...args, '--no-profile']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^acupress: --condition: ".*" names no condition; give an id such as pregnancy \(see: acupress list conditions\)\n$/);
  });

  it('a target after --condition, which takes every word after it, is named as such', async () => {
    const r = await cli(['check', '--condition', 'pregnancy', 'headache', '--no-profile']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('acupress: --condition: unknown condition "headache"; "headache" is a routine, and --condition takes every word after it as a condition (see: acupress list conditions)\n');
    // A name that is ambiguous as a point keeps the condition's own answer and its "did you mean".
    const futu = await cli(['check', '--condition', 'pregnancy', 'futu', '--no-profile']);
    expect(futu.code).toBe(2);
    expect(futu.stderr).toMatch(/^acupress: --condition: unknown condition "futu"; did you mean/);
    // Part of a comma list is no word after the flag.
    expect((await cli(['check', 'LI4', '--condition', 'pregnancy,headache', '--no-profile'])).stderr).toBe('acupress: --condition: unknown condition "headache" (see: acupress list conditions)\n');
  });

  it('a routine named like a condition does not change which condition --condition means, nor what show prints', async () => {
    const { env } = userHome({ 'routines/mine.yaml': routineObj({ id: 'pregnancy', steps: [{ press: 'ST36' }] }) });
    const r = await cli(['check', 'LI4', '--condition', 'pregnancy'], { env });
    expect(r.code).toBe(1);
    expect((await cli(['show', 'pregnancy'], { env })).stdout).toMatch(/^Pregnancy/);
  });

  it('a user point cannot replace a built-in one, or take its code or names', async () => {
    const point = { id: 'LI4', pinyin: 'Mine', hanzi: '我', hanzi_traditional: '我', english: 'Mine', meridian: 'LI', region: 'hand', laterality: 'bilateral', location: 'Here.' };
    const { env } = userHome({
      'points/li4.yaml': { points: [point] },
      'points/alias.yaml': { points: [{ ...point, id: 'EX-ME1', meridian: 'EX', aliases: ['LI4'] }] },
    });
    const r = await cli(['check', 'LI4', '--pregnant'], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^AVOID LI4/m);
    expect(r.stderr.split('\n').filter(Boolean).sort()).toEqual([
      'warning: skipped ~/.config/acupress/points/alias.yaml:12:9 points[0].aliases[0]: "LI4" already names the point LI4 (Hégǔ); a point of your own needs names of its own (see: acupress validate ~/.config/acupress/points/alias.yaml)',
      'warning: skipped ~/.config/acupress/points/li4.yaml:2:9 points[0].id: "LI4" is a built-in point; a point of your own needs a code of its own (see: acupress validate ~/.config/acupress/points/li4.yaml)',
    ]);
    expect((await cli(['show', 'LI4'], { env })).stdout).toMatch(/^LI4 {2}Hégǔ/);
  });

  it('even a cache edited to hold a shadowing routine cannot change the answer (points come first)', async () => {
    const { home, env } = userHome({ 'routines/mine.yaml': routineObj({ id: 'mine', steps: [{ press: 'ST36' }] }) });
    expect((await cli(['list'], { env })).code).toBe(0);
    const dir = join(home, '.cache/acupress');
    const file = join(dir, readdirSync(dir).find((f) => f.startsWith('data-'))!);
    // With its checksum worked out afresh, so the check behind it is what is tested.
    const entry = readEntry(file);
    entry.routines[0].aliases = ['li4', 'hegu'];
    writeEntry(file, entry, 'fresh');
    for (const q of ['LI4', 'li4', 'hegu']) {
      const r = await cli(['check', q, '--pregnant'], { env });
      expect(r.code, q).toBe(1);
      expect(r.stdout, q).toMatch(/^AVOID LI4/m);
    }
  });
});

describe('no control character from data or arguments reaches the terminal', () => {
  const esc = '\u001b]0;pwned\u0007\u001b[2J';

  it('hostile routines in the config directory are refused, and nothing they hold is printed raw', async () => {
    const { env } = userHome({
      'routines/title.yaml': routineObj({ id: 'title', title: esc }),
      'routines/cue.yaml': routineObj({ id: 'cue', steps: [{ press: 'LI4', cue: `Press${esc}` }] }),
      'routines/c1.yaml': routineObj({ id: 'c1', summary: 'a\u009b2Jb' }),
      [`routines/name${esc}.yaml`]: routineObj({ id: 'named' }),
      'points/esc.yaml': { points: [{ id: 'EX-ME1', pinyin: `Wo${esc}`, hanzi: '我', hanzi_traditional: '我', english: 'Mine', meridian: 'EX', region: 'hand', laterality: 'bilateral', location: 'Here.' }] },
    });
    for (const args of [['list'], ['list', 'points'], ['show', 'LI4'], ['check', 'LI4'], ['run', 'LI4', '--dry-run'], ['run', 'LI4', '--dry-run', '--json'], ['show', 'title'], ['run', 'cue', '--dry-run']]) {
      const r = await cli(args, { env });
      expect(r.code, args.join(' ')).not.toBe(70);
      expect(`${r.stdout}${r.stderr}`, args.join(' ')).not.toMatch(CONTROL);
    }
    const r = await cli(['list'], { env });
    expect(r.stderr).toContain('warning: skipped ~/.config/acupress/routines/title.yaml:2:8 title: expected plain text on one line, found the control character \\u001b');
    expect(r.stderr).toContain('warning: skipped ~/.config/acupress/routines/name\\u001b]0;pwned\\u0007\\u001b[2J.yaml: the file name is not valid UTF-8 text or holds control characters; rename the file');
    expect(r.stderr).toContain('found the control character \\u009b');
  });

  it('bidi controls and line separators in a title or a cue are refused like control characters (they reorder what is printed after them)', async () => {
    const { env } = userHome({
      'routines/rlo.yaml': routineObj({ id: 'rlo', title: 'T\u202eX' }),
      'routines/lsep.yaml': routineObj({ id: 'lsep', steps: [{ press: 'LI4', cue: 'Press\u2028here' }] }),
      'routines/fine.yaml': routineObj({ id: 'fine', title: 'Family 👨\u200d👩\u200d👧 break' }),
    });
    const r = await cli(['list'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('rlo.yaml:2:8 title: expected plain text on one line, found the control character \\u202e');
    expect(r.stderr).toContain('lsep.yaml');
    expect(r.stderr).toContain('found the control character \\u2028');
    expect(r.stdout).not.toMatch(/[\u202e\u2028]/);
    // A zero-width joiner in an emoji is text, not a control: the routine loads.
    expect(r.stdout).toMatch(/^fine /m);
  });

  it('a routine file given on the command line is refused with its problem escaped (exit 2)', async () => {
    const dir = tempTree({ 'x.yaml': routineObj({ id: 'x', title: esc }) });
    for (const args of [['run', 'x.yaml', '--dry-run'], ['check', './x.yaml'], ['validate', 'x.yaml']]) {
      const r = await cli(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/x\.yaml:2:8 title: expected plain text on one line, found the control character \\u001b/);
      expect(`${r.stdout}${r.stderr}`).not.toMatch(CONTROL);
    }
  });

  it.each([
    [['show', esc]],
    [['check', esc, '--pregnant']],
    [['run', esc]],
    [['run', `${esc}.yaml`]],
    [['run', `./${esc}`]],
    [[esc]],
    [['list', esc]],
    [['list', 'points', '--region', esc]],
    [['list', 'points', '--meridian', esc]],
    [['list', '--max', esc]],
    [['check', 'LI4', '--condition', esc]],
    [['run', 'LI4', '--hold', esc]],
    [['run', 'LI4', '--rounds', esc]],
    [['run', '--random', '--tag', esc, '--dry-run']],
    [['validate', `${esc}.yaml`]],
    [['completion', esc]],
    [['--data', esc, 'list']],
    [[`--${esc}`]],
    [['show', `LI4${esc}`]],
  ])('argv %j is echoed escaped, exit 2', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\\u001b/);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(CONTROL);
    expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
  });

  // Names of Object's own properties reached plain-object tables keyed by user input: --meridian
  // constructor listed nothing, completion constructor was an internal error (exit 70).
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('%s is an unknown name wherever a name is looked up, exit 2', async (name) => {
    for (const args of [['list', 'points', '--meridian', name], ['completion', name], ['show', name], ['check', name], ['run', name, '--dry-run'], ['check', 'LI4', '--condition', name]]) {
      const r = await cli(args);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(r.stderr).toMatch(/^acupress: .*unknown (meridian|shell|routine|condition)/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('a 130 kB id comes back cut to a few dozen characters', async () => {
    const r = await cli(['show', 'x'.repeat(130_000)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`acupress: unknown routine, point or condition "${'x'.repeat(40)}…"\n`);
    expect((await cli(['x'.repeat(130_000)])).stderr.length).toBeLessThan(400);
    expect((await cli(['validate', `${'y'.repeat(130_000)}.yaml`])).stderr.length).toBeLessThan(600);
  });
});

describe('speech never takes text as options', () => {
  it('every cue reaches the engine after "--", so "-w…" and "-f…" are spoken, not obeyed', async () => {
    const dir = tempTree({
      'say.sh': '#!/bin/sh\nprintf "%s\\n" "$@" >> "$(dirname "$0")/argv.txt"\nprintf "==\\n" >> "$(dirname "$0")/argv.txt"\n',
      // 3 s: time enough to say the first cue whole (by spokenCue's estimate), so it is not shortened.
      'routines/dash.yaml': routineObj({ id: 'dash', steps: [{ rest: '3s', cue: '-w/tmp/acupress-evil.wav' }, { rest: '1s', cue: '--version' }] }),
    });
    chmodSync(join(dir, 'say.sh'), 0o755);
    const r = await cli(['--data', dir, 'run', 'dash', '--voice', '--json'], { env: { ACUPRESS_SPEECH: join(dir, 'say.sh') } });
    expect(r.code).toBe(0);
    const calls = readFileSync(join(dir, 'argv.txt'), 'utf8').split('==\n').filter(Boolean).map((c) => c.trimEnd().split('\n'));
    expect(calls).toContainEqual(['--', '-w/tmp/acupress-evil.wav']);
    expect(calls).toContainEqual(['--', '--version']);
  });

  const hasEspeak = spawnSync('espeak-ng', ['--version']).status === 0;
  it.skipIf(!hasEspeak)('a real espeak-ng speaks "-w<file>" instead of writing the file', async () => {
    const { speaker } = await import('../../src/render/voice.js');
    const dir = tempDir('acupress-speech-');
    const wav = join(dir, 'cue.wav');
    const evil = join(dir, 'evil.wav');
    const s = speaker({ command: 'espeak-ng', args: ['-w', wav] }, (m) => { throw new Error(m); });
    s.say(`-w${evil}`);
    for (let i = 0; i < 50 && !(existsSync(wav) && statSync(wav).size > 1000); i++) await new Promise((r) => setTimeout(r, 100));
    expect(readFileSync(wav).subarray(0, 4).toString()).toBe('RIFF');
    expect(existsSync(evil)).toBe(false);
  });
});

describe('one broken user file never breaks the rest', () => {
  const broken = {
    'routines/good.yaml': routineObj({ id: 'good', tags: ['desk'], steps: [{ rest: '5s' }] }),
    'routines/bad.yaml': routineObj({ id: 'bad', steps: [{ press: 'LI4', hold: '3 weeks' }] }),
  };
  const warning = 'warning: skipped ~/.config/acupress/routines/bad.yaml:8:11 steps[0].hold: expected a duration like 45s, 2m or 1m30s, got "3 weeks" (see: acupress validate ~/.config/acupress/routines/bad.yaml)\n';

  it.each([
    [['list'], 0],
    [['run', 'good', '--dry-run'], 0],
    [['run', 'headache', '--dry-run'], 0],
    [['check', 'LI4', '--pregnant'], 1],
    [['check', 'good', '--pregnant'], 0],
    [['run', '--random', '--max', '3m', '--tag', 'desk', '--dry-run', '--plain', '--no-tips', '--yes'], 0],
    [['show', 'good'], 0],
  ])('%j works and names the skipped file', async (args, code) => {
    const { env } = userHome(broken);
    const r = await cli(args as string[], { env });
    expect(r.code).toBe(code);
    expect(r.stderr).toBe(warning);
  });

  it('the skipped routine is unknown, and the error says its file was skipped, pointing to the warning', async () => {
    const { env } = userHome(broken);
    const r = await cli(['run', 'bad', '--dry-run'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${warning}acupress: unknown routine or point "bad": ~/.config/acupress/routines/bad.yaml was skipped for a problem (see the warning above)\n`);
  });

  it('a file name that is not valid UTF-8 is named (escaped) and skipped', async () => {
    const { home, env } = userHome({ 'routines/good.yaml': routineObj({ id: 'good' }) });
    writeFileSync(Buffer.concat([Buffer.from(join(home, '.config/acupress/routines/')), Buffer.from([0x6d, 0xff, 0x2e, 0x79, 0x61, 0x6d, 0x6c])]), stringify(routineObj({ id: 'odd' })));
    const r = await cli(['list'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^good /m);
    // No "see: acupress validate <name>": the escaped name is not the file's name, so that command could not open it.
    expect(r.stderr).toBe('warning: skipped ~/.config/acupress/routines/m\\xff.yaml: the file name is not valid UTF-8 text or holds control characters; rename the file\n');
  });

  it('a HOME whose name is not valid UTF-8: one warning, built-ins work, nothing made under the mangled name', () => {
    // Node hands such a HOME over with U+FFFD in place of the byte; a directory made under that
    // name would be a stranger's. The shell passes the raw byte (printf '\\377').
    const parent = tempDir('acupress-badhome-');
    mkdirSync(Buffer.concat([Buffer.from(`${parent}/h`), Buffer.from([0xff]), Buffer.from('ome')]));
    const sh = (args: string) => spawnSync('/bin/sh', ['-c', `HOME="$(printf '${parent}/h\\377ome')" exec "${process.execPath}" "${BIN}" ${args}`], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    const data = tempTree({ 'routines/tiny.yaml': routineObj({ id: 'tiny', timing: { locate: '1s', ramp: '1s', hold: '1s', release: '1s', rounds: 1, switch: '1s' }, steps: [{ press: 'LI4', sides: 'left' }, { rest: '1s' }] }) });
    // A real run (it writes the session log and the code cache) of 5 s, a list and a check.
    for (const args of ['list', `--data "${data}" run tiny --plain --yes --no-tips`, 'check LI4 --pregnant']) {
      const r = sh(args);
      expect(r.status).toBe(args.startsWith('check') ? 1 : 0);
      expect(r.stdout).not.toBe('');
      expect(r.stderr).toMatch(/^warning: HOME is not valid UTF-8 text, so acupress cannot use the places under it \(your own routines, points and profile are not read\); rename the directory or set HOME to another\n/);
      expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
    }
    expect(readdirSync(parent, { encoding: 'buffer' }).map((b) => b.toString('latin1'))).toEqual(['h\xffome']);
  });

  it('CR-only line ends (old Mac) read as line ends: a good file loads, a bad one names its real line, the others are unaffected', async () => {
    const cr = (lines: string[]) => lines.join('\r') + '\r';
    const good = cr(['id: mac-good', 'title: Mac good', 'summary: Old line ends.', 'sources: [me]', 'steps:', '  - press: ST36', '  - massage: the palm', '    region: hand', '    duration: 30s', '    cue: |', '      Knead slowly.', '      Then rest.']);
    const bad = cr(['id: mac-bad', 'title: Mac bad', 'summary: Old line ends.', 'sources: [me]', 'steps:', '  - press: LI4', '  - press: ST366']);
    const { home, env } = userHome({ 'routines/good.yaml': good, 'routines/bad.yaml': bad, 'routines/fine.yaml': routineObj({ id: 'fine' }), 'profile.yaml': cr(['# mine', 'conditions:', '  - pregnancy']) });
    const listed = await cli(['list', '--no-profile'], { env });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^mac-good .*\(user\)$/m);
    expect(listed.stdout).toMatch(/^fine /m);
    expect(listed.stderr).toBe('warning: skipped ~/.config/acupress/routines/bad.yaml:7:12 steps[1].press: unknown point "ST366"; did you mean ST36, ST16, ST26? (see: acupress validate ~/.config/acupress/routines/bad.yaml)\n');
    const v = await cli(['validate', join(home, '.config/acupress/routines/good.yaml'), join(home, '.config/acupress/routines/bad.yaml')], { env });
    expect(v.code).toBe(2);
    expect(v.stdout + v.stderr).toMatch(/bad\.yaml:7:12 steps\[1\]\.press: unknown point "ST366"/);
    expect(v.stdout).toMatch(/^ok +\S*good\.yaml$/m);
    // The cue's block text keeps its two lines; the profile, CR-only too, applies.
    const plan = await cli(['run', 'mac-good', '--dry-run', '--no-tips'], { env });
    expect(plan.stdout).toMatch(/Knead slowly\.\nThen rest\./);
    expect(plan.stderr).toMatch(/Using your safety profile: pregnancy/);
  });

  it('a routines folder that cannot be listed is a warning', async () => {
    const { home, env } = userHome({ 'points/ok.yaml': { points: [] } });
    writeFileSync(join(home, '.config/acupress/routines'), 'not a folder');
    const r = await cli(['list'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: skipped ~/.config/acupress/routines: cannot read this folder: a part of the path is not a directory');
  });
});

describe('environment failures are one line, never exit 70', () => {
  const fine = (r: Awaited<ReturnType<typeof cli>>) => {
    expect(r.code).not.toBe(70);
    expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
  };

  it('HOME is a file', async () => {
    const file = join(tempDir('acupress-'), 'home');
    writeFileSync(file, '');
    const env = { HOME: file, XDG_CONFIG_HOME: '' };
    for (const [args, code] of [[['list'], 0], [['show', 'LI4'], 0], [['check', 'LI4', '--pregnant'], 1], [['run', 'LI4', '--dry-run'], 0]] as const) {
      const r = await cli([...args], { env });
      fine(r);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.stderr).toBe('');
    }
  });

  it('HOME is not an absolute path: a warning, and the built-in data still works', async () => {
    const r = await cli(['list'], { env: { HOME: 'relative/home', XDG_CONFIG_HOME: '' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^headache /m);
    expect(r.stderr).toBe('warning: HOME is not set (or not an absolute path), so your own routines, points and profile are not read; set HOME or XDG_CONFIG_HOME\n');
  });

  it('a file where the cache directory should be: one warning, the data still loads', async () => {
    const { home, env } = userHome({ 'routines/mine.yaml': routineObj({ id: 'mine' }) });
    writeFileSync(join(home, '.cache'), '');
    for (let i = 0; i < 2; i++) {
      const r = await cli(['list'], { env });
      fine(r);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^mine /m);
      expect(r.stderr).toMatch(/^warning: cannot write the cache ~\/\.cache\/acupress\/data-[0-9a-f]{16}\.json: a part of the path is not a directory \(set ACUPRESS_NO_CACHE=1 to go without\)\n$/);
    }
    expect((await cli(['list'], { env: { ...env, ACUPRESS_NO_CACHE: '1' } })).stderr).toBe('');
  });

  it('a config directory that is a dangling link, or a file: a warning, built-ins still work', async () => {
    const home = tempDir('acupress-');
    mkdirSync(join(home, '.config'));
    symlinkSync(join(home, 'dotfiles/acupress'), join(home, '.config/acupress'));
    let r = await cli(['list'], { env: { HOME: home, XDG_CONFIG_HOME: join(home, '.config') } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('warning: ~/.config/acupress: is a symbolic link to nothing, so your own routines and points are not read\n');
    const other = tempDir('acupress-');
    mkdirSync(join(other, '.config'));
    writeFileSync(join(other, '.config/acupress'), '');
    r = await cli(['check', 'LI4', '--pregnant'], { env: { HOME: other, XDG_CONFIG_HOME: join(other, '.config') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('warning: ~/.config/acupress: is not a directory, so your own routines and points are not read\n');
  });

  // Node 20's mkdirSync({ recursive }) loops forever under /proc; every directory acupress makes
  // (data cache, code cache, state, profile) is made one level at a time instead.
  it.skipIf(!existsSync('/proc/self'))('cache and state places under /proc: warnings, no hang', async () => {
    const { env } = userHome({ 'routines/mine.yaml': routineObj({ id: 'mine' }) });
    const started = Date.now();
    const r = await cli(['list'], { env: { ...env, XDG_CACHE_HOME: '/proc/self/acupress-test', XDG_STATE_HOME: '/proc/self/acupress-test' } });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^mine /m);
    expect(r.stderr).toMatch(/^warning: cannot write the cache \/proc\/self\/acupress-test\/acupress\/data-[0-9a-f]{16}\.json: no such file or directory \(set ACUPRESS_NO_CACHE=1 to go without\)\n$/);
  });

  it('a FIFO where the cache file should be neither hangs nor breaks the load', async () => {
    const { home, env } = userHome({ 'routines/mine.yaml': routineObj({ id: 'mine' }) });
    expect((await cli(['list'], { env })).code).toBe(0);
    const dir = join(home, '.cache/acupress');
    const file = join(dir, readdirSync(dir).find((f) => f.startsWith('data-'))!);
    writeFileSync(file, ''); // replaced below by a FIFO of the same name
    spawnSync('rm', [file]);
    if (spawnSync('mkfifo', [file]).status !== 0) return;
    const started = Date.now();
    const r = await cli(['list'], { env });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^mine /m);
    expect(statSync(file).isFile()).toBe(true); // the atomic write replaced the FIFO
  });
});

describe('output errors are one line', () => {
  const hasFull = existsSync('/dev/full');
  it.skipIf(!hasFull).each([
    [['list']], [['list', '--json']], [['list', 'points']], [['show', 'LI4']], [['show', 'headache', '--yaml']], [['check', 'LI4', '--pregnant']],
    [['check']], [['run', 'LI4', '--dry-run']], [['run', 'focus', '--dry-run', '--json']], [['completion', 'bash']], [['--help']], [['--version']], [['list', '--help']],
    [['run', 'LI4', '--plain', '--no-tips', '--rounds', '1', '--ramp', '1s', '--hold', '1s', '--release', '1s']],
  ])('%j > /dev/full: "cannot write output", exit 2', (args) => {
    const r = toFd(args, '/dev/full');
    expect(r.stderr).toBe('acupress: cannot write output: no space left on device\n');
    expect(r.code).toBe(2);
  });

  it.skipIf(!hasFull)('validate > /dev/full', async () => {
    const dir = tempTree({ 'ok.yaml': routineObj() });
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'validate', 'ok.yaml'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'], env: { PATH: process.env.PATH, HOME: dir } });
      expect(r.stderr).toBe('acupress: cannot write output: no space left on device\n');
      expect(r.status).toBe(2);
    } finally {
      closeSync(fd);
    }
  });

  it.skipIf(!existsSync('/dev/full'))('a long run whose output fails stops at once: one line, exit 2, and no session logged (nothing was pressed)', () => {
    const home = tempDir('acupress-full-');
    const t0 = Date.now();
    // headache runs for minutes: only stopping at the first failed write ends it this soon.
    const r = toFd(['run', 'headache', '--plain', '--no-tips', '--yes'], '/dev/full', { HOME: home });
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(r.stderr).toBe('acupress: cannot write output: no space left on device\n');
    expect(r.code).toBe(2);
    expect(existsSync(join(home, '.local/state/acupress/history.jsonl'))).toBe(false);
  });

  it('run --json | head -1: the run stops at once, and the session log keeps no session (the reader closing the pipe is not the person interrupting)', () => {
    const home = tempDir('acupress-pipe-');
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" run headache --json --no-tips --yes | head -1`], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home } });
    expect(JSON.parse(r.stdout)).toMatchObject({ type: 'start', routine: 'headache' });
    expect(r.status).toBe(0);
    expect(existsSync(join(home, '.local/state/acupress/history.jsonl'))).toBe(false);
  });

  // A closed pipe is noticed at the next write only: a tick a second into desk-break's first
  // phase (a massage), or the line announcing headache's first ramp 10 s in with --plain --quiet.
  it.each([
    ['desk-break', '--json'],
    ['headache', '--plain --quiet'],
  ])('run %s %s | head -1: noticed once a pressing phase had begun, still no session logged', (routine, flags) => {
    const home = tempDir('acupress-pipe-');
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" run ${routine} ${flags} --no-tips --yes | head -1`], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home } });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.status).toBe(0);
    expect(existsSync(join(home, '.local/state/acupress/history.jsonl'))).toBe(false);
  });

  it('run --plain | head -2: the run stops at once, quietly, exit 0 (pipefail)', () => {
    const t0 = Date.now();
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" run headache --plain --no-tips --yes | head -2`], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: tempDir('acupress-pipe-') } });
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('a closed pipe stays quiet (list | head -1)', async () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" list points | head -1`], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: tempDir('acupress-pipe-') } });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toBe('');
  });
});

describe.skipIf(spawnSync('tmux', ['-V']).status !== 0)('the profile survives the first run in a real terminal', () => {
  const socket = `acupress-hostile-${process.pid}`;
  const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' }).stdout;
  const waitFor = async (re: RegExp, ms = 15_000) => {
    const until = Date.now() + ms;
    let last = '';
    while (Date.now() < until) {
      last = tmux('capture-pane', '-p', '-t', 'h');
      if (re.test(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`screen never matched ${re}:\n${last}`);
  };

  it('through a symlink into dotfiles: the answer lands in the target, the link stays, tips go to the state file, no temporary file is left', async () => {
    const home = tempDir('acupress-tty-');
    const config = join(home, '.config/acupress');
    mkdirSync(config, { recursive: true });
    mkdirSync(join(home, 'dotfiles'));
    const target = join(home, 'dotfiles/acupress.yaml');
    symlinkSync(target, join(config, 'profile.yaml')); // dangling: the file is made by the first run
    writeFileSync(join(config, `profile.yaml.${2 ** 30 + 7}.tmp`), 'left by a killed write');
    try {
      tmux('new-session', '-d', '-s', 'h', '-x', '100', '-y', '30', `env -u CI HISTFILE=/dev/null LESSHISTFILE=- fish_history= HOME=${home} XDG_CONFIG_HOME=${home}/.config PS1='$ ' TERM=xterm-256color bash --norc --noprofile`);
      const run = `node ${BIN} run LI4 --rounds 1 --ramp 1s --hold 1s --release 1s; echo EXIT=$?`;
      tmux('send-keys', '-t', 'h', run, 'Enter');
      await waitFor(/do any of these apply to you/);
      tmux('send-keys', '-t', 'h', 'Space'); // pregnancy, the first condition
      tmux('send-keys', '-t', 'h', 'Enter');
      await waitFor(/EXIT=1/); // LI4 is to be avoided in pregnancy: refused, with the answer saved
      expect(lstatSync(join(config, 'profile.yaml')).isSymbolicLink()).toBe(true);
      expect(readFileSync(target, 'utf8')).toMatch(/^# acupress safety profile.*\n.*\nconditions:\n {2}- pregnancy\n$/);
      expect(readdirSync(config)).toEqual(['profile.yaml']);
      expect(readdirSync(join(home, 'dotfiles'))).toEqual(['acupress.yaml']);

      // Hand-edit it, then run in the terminal again: the tips are remembered outside the profile.
      const mine = '# my profile, in git\nconditions: []   # none now\n';
      writeFileSync(target, mine);
      tmux('send-keys', '-t', 'h', 'clear', 'Enter');
      tmux('send-keys', '-t', 'h', run.replace('EXIT=', 'EXIT2='), 'Enter');
      await waitFor(/LOCATE \d:\d\d/);
      tmux('send-keys', '-t', 'h', 'q');
      const first = await waitFor(/EXIT2=\d/, 30_000);
      expect(first).toMatch(/--no-tips hides this/); // the tips' last line (the first may scroll away)
      expect(first).toMatch(/EXIT2=0/);
      expect(readFileSync(target, 'utf8')).toBe(mine);
      expect(JSON.parse(readFileSync(join(home, '.local/state/acupress/state.json'), 'utf8'))).toEqual({ tips_seen: true });
      tmux('send-keys', '-t', 'h', 'clear', 'Enter');
      tmux('send-keys', '-t', 'h', run.replace('EXIT=', 'EXIT3='), 'Enter');
      await waitFor(/LOCATE \d:\d\d/);
      tmux('send-keys', '-t', 'h', 'q');
      expect(await waitFor(/EXIT3=\d/, 30_000)).not.toMatch(/--no-tips hides this/);
      expect(readFileSync(target, 'utf8')).toBe(mine);
      expect(lstatSync(join(config, 'profile.yaml')).isSymbolicLink()).toBe(true);
    } finally {
      spawnSync('tmux', ['-L', socket, 'kill-server']);
    }
  }, 120_000);
});
