import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { catalogFrom } from '../src/model/catalog.js';
import { conditionChoices, firstRun } from '../src/commands/run/first-run.js';
import { profilePath, readProfile } from '../src/store/profile.js';
import { addProfileConditions } from '../src/store/profile-store.js';
import { readState } from '../src/store/state.js';
import { pickerChoices } from '../src/commands/run/picker.js';
import { conditionsFor } from '../src/commands/context.js';
import { BIN, fakeIo, ROOT, tempDir } from './helpers.js';

const catalog = catalogFrom(buildBuiltin(join(ROOT, 'data')));

describe('safety profile', () => {
  it('first run asks once, saves atomically, and later runs apply it with one line', async () => {
    const { io, stdout, stderr } = fakeIo();
    const asked: string[][] = [];
    await firstRun(catalog, io, async (choices) => (asked.push(choices.map((c) => c.value)), ['pregnancy']));
    expect(asked[0]).toContain('pregnancy');
    const path = profilePath(io.env)!;
    expect(readFileSync(path, 'utf8')).toMatch(/conditions:\n  - pregnancy/);
    expect(readdirSync(join(path, '..')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(stdout.text()).toContain(`Saved to ${path}`);
    const conds = await conditionsFor({ profile: true }, catalog, io);
    expect(conds.map((c) => c.id)).toEqual(['pregnancy']);
    expect(stderr.text()).toBe('Using your safety profile: pregnancy (--no-profile to ignore)\n');
    expect((await conditionsFor({ profile: false }, catalog, io)).map((c) => c.id)).toEqual([]);
  });

  it('a profile that is empty or only comments means no conditions: no error, one warning, no question', async () => {
    for (const text of ['', '\n\n', '# only\n# comments\n', '---\n', '# c\r\n', '   \n']) {
      const { io, stderr } = fakeIo();
      const path = profilePath(io.env)!;
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
      expect(await readProfile(io), JSON.stringify(text)).toEqual({ conditions: [], tips_seen: false });
      expect((await conditionsFor({ profile: true }, catalog, io)).map((c) => c.id)).toEqual([]);
      // Said once, however often the profile is read, with how to say "none" on purpose.
      await readProfile(io);
      expect(stderr.text(), JSON.stringify(text)).toMatch(/^warning: \S*profile\.yaml is empty: no safety conditions apply \(write "conditions: \[\]" in it to say so, or delete it to be asked again\)\n$/);
    }
    // Answering the question into such a file keeps its comment.
    const { io } = fakeIo();
    const path = profilePath(io.env)!;
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '# only a comment\n');
    expect((await addProfileConditions(path, ['pregnancy'])).conditions).toEqual(['pregnancy']);
    expect(readFileSync(path, 'utf8')).toMatch(/^# only a comment\n[\s\S]*conditions:\n  - pregnancy\n$/);
  });

  it('through the CLI, a comment-only profile runs and checks as no conditions, with one warning line', async () => {
    const { cliAsync, tempTree } = await import('./helpers.js');
    const home = tempTree({ '.config/acupress/profile.yaml': '# I will fill this in later\n' });
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
    const warning = 'warning: ~/.config/acupress/profile.yaml is empty: no safety conditions apply (write "conditions: []" in it to say so, or delete it to be asked again)\n';
    const check = await cliAsync(['check', 'LI4'], { env });
    expect([check.code, check.stderr]).toEqual([0, warning]);
    const run = await cliAsync(['run', 'desk-break', '--dry-run', '--no-tips'], { env });
    expect([run.code, run.stderr]).toEqual([0, warning]);
  });

  it('a profile with no "conditions" key ({}, history: false alone) means no conditions with one warning; "conditions: []" is silent', async () => {
    for (const text of ['{}\n', 'history: false\n', '# mine\ntips_seen: true\n']) {
      const { io, stderr } = fakeIo();
      const path = profilePath(io.env)!;
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
      expect((await readProfile(io))?.conditions, text).toEqual([]);
      expect((await conditionsFor({ profile: true }, catalog, io)).map((c) => c.id)).toEqual([]);
      expect(stderr.text(), text).toBe('warning: ~/.config/acupress/profile.yaml has no "conditions": no safety conditions apply (add "conditions: []" to it to say so)\n');
    }
    for (const text of ['conditions: []\n', 'conditions: []\nhistory: false\n', 'history: false\nconditions: []\n']) {
      const { io, stderr } = fakeIo();
      const path = profilePath(io.env)!;
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
      expect((await readProfile(io))?.conditions).toEqual([]);
      expect(stderr.text(), text).toBe('');
    }
  });

  it('a profile of two YAML documents is an error about a profile, at the second "---", exit 2', async () => {
    const { cliAsync, tempTree } = await import('./helpers.js');
    const home = tempTree({ '.config/acupress/profile.yaml': 'conditions:\n  - pregnancy\n---\nconditions: []\n' });
    const r = await cliAsync(['check', 'LI4'], { env: { HOME: home, XDG_CONFIG_HOME: join(home, '.config') } });
    expect([r.code, r.stderr]).toEqual([2, 'acupress: ~/.config/acupress/profile.yaml:3:1: invalid YAML: a second document starts here after "---"; a file holds one profile\n']);
  });

  it('a CR-only profile (old Mac line ends) reads as lines, and adding a condition keeps its comment and what it held', async () => {
    const { io } = fakeIo();
    const path = profilePath(io.env)!;
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '# mine\rconditions:\r  - pregnancy\r');
    expect((await readProfile(io))?.conditions).toEqual(['pregnancy']);
    expect((await addProfileConditions(path, ['bleeding'])).conditions).toEqual(['pregnancy', 'bleeding']);
    expect(readFileSync(path, 'utf8')).toBe('# mine\nconditions:\n  - pregnancy\n  - bleeding\n');
    expect((await readProfile(io))?.conditions).toEqual(['pregnancy', 'bleeding']);
  });

  it('a lone CR inside an otherwise LF profile ends a line for the quick reader too (it hid the condition after it)', async () => {
    const { io } = fakeIo();
    const path = profilePath(io.env)!;
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'conditions:\n  - pregnancy\n# clot history added below\r  - blood-clot\n');
    expect((await readProfile(io))?.conditions).toEqual(['pregnancy', 'blood-clot']);
  });

  it('announces each of the profile\'s conditions once, as written, however often it is named', async () => {
    const { io, stderr } = fakeIo();
    const path = profilePath(io.env)!;
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'conditions:\n  - pregnant\n  - pregnancy\n  - bleeding\n  - pregnant\n');
    expect((await conditionsFor({ profile: true }, catalog, io)).map((c) => c.id)).toEqual(['pregnancy', 'bleeding']);
    expect(stderr.text()).toBe('Using your safety profile: pregnant, bleeding (--no-profile to ignore)\n');
  });

  it('puts in force the conditions a condition\'s advice says to read too, from a flag or the profile, and says why once', async () => {
    const { io, stderr } = fakeIo();
    expect((await conditionsFor({ profile: false, condition: ['dvt'] }, catalog, io)).map((c) => c.id)).toEqual(['blood-clot', 'bleeding']);
    expect(stderr.text()).toBe("blood-clot's advice says to read bleeding's too, so bleeding counts here as well.\n");
    // Named too: nothing to explain; --json: nothing on stderr; check says it in its report.
    const quietCases: Array<[{ condition: string[]; json?: boolean }, { readAlso?: boolean }]> = [
      [{ condition: ['blood-clot,bleeding'] }, {}], [{ condition: ['blood-clot'], json: true }, {}], [{ condition: ['blood-clot'] }, { readAlso: false }],
    ];
    for (const [options, say] of quietCases) {
      const quiet = fakeIo();
      expect((await conditionsFor({ profile: false, ...options }, catalog, quiet.io, undefined, say)).map((c) => c.id)).toEqual(['blood-clot', 'bleeding']);
      expect(quiet.stderr.text()).toBe('');
    }
    const saved = fakeIo();
    const path = profilePath(saved.io.env)!;
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'conditions:\n  - clot\n');
    expect((await conditionsFor({ profile: true, pregnant: true }, catalog, saved.io)).map((c) => c.id)).toEqual(['pregnancy', 'blood-clot', 'bleeding']);
    expect(saved.stderr.text()).toMatch(/^Using your safety profile: clot \(--no-profile to ignore\)\nblood-clot's advice says to read bleeding's too/);
  });

  it('a corrupt profile is a clear error naming the file, and is never reset', async () => {
    const { io } = fakeIo();
    const path = profilePath(io.env)!;
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'conditions: pregnancy\n');
    await expect(readProfile(io)).rejects.toThrow('~/.config/acupress/profile.yaml:1:13 conditions: expected a list, got "pregnancy"');
    await expect(addProfileConditions(path, ['bleeding'])).rejects.toThrow(/expected a list/);
    expect(readFileSync(path, 'utf8')).toBe('conditions: pregnancy\n');
  });

  it('an unknown condition in the profile blames the profile, not --condition, and says the ways out', async () => {
    const { io, stderr } = fakeIo();
    const path = profilePath(io.env)!;
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'conditions:\n  - pregnacy\n');
    await expect(conditionsFor({ profile: true }, catalog, io)).rejects.toMatchObject({
      exitCode: 2,
      // Placed as the profile's other problems are: ~/…, line, column and the entry.
      message: '~/.config/acupress/profile.yaml:2:5 conditions[0]: unknown condition "pregnacy"; did you mean "pregnancy"? (edit or delete ~/.config/acupress/profile.yaml, or use --no-profile; see: acupress list conditions)',
    });
    // The error alone: no "Using your safety profile: pregnacy" line before it.
    expect(stderr.text()).toBe('');
    writeFileSync(path, 'conditions:\n  - pregnancy\n  - nosuch\n');
    await expect(conditionsFor({ profile: true }, catalog, io)).rejects.toThrow(/^~\/\.config\/acupress\/profile\.yaml:3:5 conditions\[1\]: unknown condition "nosuch"/);
    expect(stderr.text()).toBe('');
    writeFileSync(path, 'conditions:\n  - general\n');
    await expect(conditionsFor({ profile: true }, catalog, io)).rejects.toThrow('~/.config/acupress/profile.yaml:2:5 conditions[0]: "general" is not a condition; the general rules always apply (edit or delete ~/.config/acupress/profile.yaml, or use --no-profile; see: acupress check, acupress list conditions)');
    // A flag is still blamed on the flag.
    await expect(conditionsFor({ profile: false, condition: ['pregnacy'] }, catalog, io)).rejects.toThrow(/^--condition: unknown condition "pregnacy"; did you mean "pregnancy"\? \(see: acupress list conditions\)$/);
  });

  // A profile that is there but cannot be reached is a safety answer unread: never "no condition".
  const unread = (reason: string, fix: string) => `~/.config/acupress/profile.yaml: cannot read your safety profile: ${reason}; ${fix}, or use --no-profile to go without it`;

  it('a profile behind a symlink loop is an error, not "no profile"; a dangling link or a file in the path is none', async () => {
    const { io } = fakeIo();
    const path = profilePath(io.env)!;
    mkdirSync(join(path, '..'), { recursive: true });
    symlinkSync('profile.yaml', path);
    const error = unread('too many symbolic links (a symlink loop?)', 'fix or remove the link');
    await expect(readProfile(io)).rejects.toMatchObject({ exitCode: 2, message: error });
    await expect(conditionsFor({ profile: true }, catalog, io)).rejects.toMatchObject({ exitCode: 2, message: error });
    // --no-profile goes without it.
    expect(await conditionsFor({ profile: false }, catalog, io)).toEqual([]);
    // Really absent: a link to nothing (a dotfiles repo's file not made yet), or a file where a folder would be.
    unlinkSync(path);
    symlinkSync(join(path, '..', 'nowhere.yaml'), path);
    expect(await readProfile(io)).toBeUndefined();
    const other = fakeIo();
    writeFileSync(join(other.home, '.config'), 'not a folder\n');
    expect(await readProfile(other.io)).toBeUndefined();
  });

  // root reads anything, so permissions prove nothing in-process as root; the test below drops to nobody.
  it.skipIf(process.getuid?.() === 0)('a profile in a folder that cannot be entered is an error, not "no profile"', async () => {
    const { io } = fakeIo();
    const path = profilePath(io.env)!;
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'conditions:\n  - pregnancy\n');
    chmodSync(join(path, '..'), 0o000);
    try {
      await expect(readProfile(io)).rejects.toMatchObject({ exitCode: 2, message: unread('permission denied', 'make it and its folders readable') });
    } finally {
      chmodSync(join(path, '..'), 0o755);
    }
  });

  const asNobody = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;
  it.skipIf(!asNobody)('as another user: a profile folder without permission makes check and run fail, never say safe', () => {
    const home = tempDir('acupress-nobody-');
    chmodSync(home, 0o755);
    const dir = join(home, '.config', 'acupress');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'profile.yaml'), 'conditions:\n  - pregnancy\n');
    for (const d of [home, join(home, '.config'), dir]) chownSync(d, 65534, 65534);
    chownSync(join(dir, 'profile.yaml'), 65534, 65534);
    chmodSync(dir, 0o000);
    const as = (args: string[]) => spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], {
      cwd: home, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, HOME: home },
    });
    try {
      for (const args of [['check', 'LI4'], ['run', 'desk-break', '--plain', '--yes', '--dry-run']]) {
        const r = as(args);
        expect(r.status).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain(`acupress: ${unread('permission denied', 'make it and its folders readable')}\n`);
      }
      expect(as(['check', 'LI4', '--no-profile']).status).toBe(0);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('adding conditions keeps what is there and leaves no temporary file', async () => {
    const { io } = fakeIo();
    const path = profilePath(io.env)!;
    await addProfileConditions(path, ['bleeding']);
    await addProfileConditions(path, ['pregnancy', 'bleeding']);
    expect(readFileSync(path, 'utf8')).toMatch(/conditions:\n  - bleeding\n  - pregnancy\n$/);
    expect(readdirSync(join(path, '..'))).toEqual(['profile.yaml']);
  });

  it('offers every condition in the data but the general rules, which apply to everyone', () => {
    expect(conditionChoices(catalog).map((c) => c.value)).toEqual([...catalog.conditions.keys()].filter((id) => id !== 'general'));
    expect(conditionChoices(catalog).map((c) => c.value)).toEqual(expect.arrayContaining(['pregnancy', 'neck-arteries', 'eye-conditions']));
  });
});

describe('pre-session tips', () => {
  it('are shown once in a terminal, then remembered in the state file, never in the profile', async () => {
    const { run } = await import('../src/commands/run.js');
    const { io, stdout, clock } = fakeIo({}, true);
    const path = profilePath(io.env)!;
    mkdirSync(join(path, '..'), { recursive: true });
    const written = '# mine\nconditions: []   # none for now\n';
    writeFileSync(path, written);
    const opts = { args: ['LI4'] as [string], dryRun: false, profile: true, rounds: '1', ramp: '1s', hold: '1s', release: '1s', quiet: false, plain: true };
    const first = run(opts, io);
    for (let i = 0; i < 400 && clock.pending() === 0; i++) await new Promise((r) => setTimeout(r, 5));
    clock.runAll();
    await first;
    expect(stdout.text()).toContain('Before you start');
    expect(readState(io.env).tips_seen).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(written);
    stdout.chunks.length = 0;
    const second = run(opts, io);
    for (let i = 0; i < 400 && clock.pending() === 0; i++) await new Promise((r) => setTimeout(r, 5));
    clock.runAll();
    await second;
    expect(stdout.text()).not.toContain('Before you start');
    expect(stdout.text()).toContain('Done:');
  });
});

describe('picker', () => {
  it('groups routines with durations, and marks the ones to avoid', () => {
    const choices = pickerChoices(catalog, [catalog.conditions.get('pregnancy')!]);
    expect(choices).toHaveLength(catalog.routines.size);
    expect(choices.find((c) => c.value === 'headache')!.name).toMatch(/^Headache relief \(\d+:\d\d\) ⚠ avoid$/);
    expect(choices.find((c) => c.value === 'morning-sickness')!.name).not.toMatch(/avoid/);
    expect(choices.find((c) => c.value === 'headache')!.avoid).toBe(true);
    const groups = choices.map((c) => c.group);
    expect([...groups].sort()).toEqual(groups);
  });
});
