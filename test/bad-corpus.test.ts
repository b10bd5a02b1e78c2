// Hostile-input corpus: every file under fixtures/bad/ is refused with exactly the message
// recorded in fixtures/bad/expected.json (exit 2, no stack trace, a few lines at most).
// Files too big or too odd to commit (huge, unreadable, symlink loops, FIFOs) are made in temp dirs.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextFile } from '../src/store/source-file.js';
import { cliAsync as cli, ROOT, tempDir, tempTree } from './helpers.js';

const BAD = join(ROOT, 'test', 'fixtures', 'bad');
/** File (relative to BAD) → the exact stderr lines of `acupress validate <file>` run in BAD. */
const expected: Record<string, string[]> = JSON.parse(readFileSync(join(BAD, 'expected.json'), 'utf8'));

const summary = (problems: number, files = 1) => `${problems} problem${problems === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;

/** Inputs that are refused but whose message is still wrong: none at the moment (see git history). */
const knownBad: Array<{ file: string; bug: string; should: string[] }> = [];

/** Files that must pass: a BOM and CRLF line endings are harmless. */
const good = ['good/bom.yaml', 'good/crlf.yaml', 'good/bom-crlf.yaml', 'good/no-final-newline.yaml'];

type Result = Awaited<ReturnType<typeof cli>>;

/** A user error: exit 2, nothing on stdout that says ok, no stack trace, a few lines at most. */
function expectCleanFailure(r: Result, maxLines = 6) {
  expect(r.signal).toBeNull();
  expect(r.code).toBe(2);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/internal error|Warning:/);
  expect(r.stdout).not.toMatch(/\bok\b/);
  expect(r.stderr.split('\n').length - 1).toBeLessThanOrEqual(maxLines);
}

const lines = (ls: string[]) => `${ls.join('\n')}\n`;

/** Every file in the corpus, relative to BAD (directories standing in for files count as files). */
function corpusFiles(): string[] {
  const out: string[] = [];
  for (const e of readdirSync(BAD, { withFileTypes: true })) {
    if (e.name === 'expected.json' || e.name === 'good') continue;
    if (e.name === 'points' && e.isDirectory()) out.push(...readdirSync(join(BAD, 'points')).map((p) => `points/${p}`));
    else out.push(e.name);
  }
  return out.sort();
}

describe('bad corpus: acupress validate <file>', () => {
  it('has at least 60 bad files, each recorded once (expected.json or knownBad)', () => {
    const recorded = [...Object.keys(expected), ...knownBad.map((k) => k.file)].sort();
    expect(new Set(recorded).size).toBe(recorded.length);
    expect(corpusFiles()).toEqual(recorded);
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(60);
  });

  for (const [file, want] of Object.entries(expected)) {
    it(file, async () => {
      const r = await cli(['validate', file], { cwd: BAD });
      expectCleanFailure(r);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(lines(want));
    });
  }

});

describe('good files pass', () => {
  for (const file of good) {
    it(`${file} is ok`, async () => {
      const r = await cli(['validate', file], { cwd: BAD });
      expect(r).toMatchObject({ code: 0, stdout: `ok  ${file}\n`, stderr: '' });
    });
  }

  it('a CRLF file runs without carriage returns leaking into cue text', async () => {
    const r = await cli(['run', 'good/bom-crlf.yaml', '--dry-run', '--json'], { cwd: BAD });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\\r');
    const start = JSON.parse(r.stdout.split('\n')[0]!);
    expect(start).toMatchObject({ type: 'start', routine: 'my-neck', title: 'My neck routine' });
  });
});

describe('CRLF and BOM do not shift positions', () => {
  const variants = Object.keys(expected).filter((f) => /^(crlf|bom)-/.test(f));
  it('there are CRLF and BOM cases', () => expect(variants.length).toBeGreaterThanOrEqual(4));
  for (const file of variants) {
    it(`${file} reports the same line:col as its LF, BOM-free twin`, async () => {
      const text = readFileSync(join(BAD, file), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
      expect(text).not.toContain('\r');
      const dir = tempTree({ [file]: text });
      const r = await cli(['validate', file], { cwd: dir });
      expect(r.stderr).toBe(lines(expected[file]!));
    });
  }
});

describe('files made on the fly', () => {
  const one = async (dir: string, file: string, message: string) => {
    const r = await cli(['validate', file], { cwd: dir });
    expectCleanFailure(r);
    expect(r.stderr).toBe(lines([message, summary(1)]));
  };

  it('a file over 1 MiB is refused before parsing', async () => {
    const dir = tempTree({ 'huge.yaml': '# padding\n'.repeat(120_000).slice(0, 1024 * 1024 + 1) });
    await one(dir, 'huge.yaml', 'huge.yaml: file is 1025 KiB, larger than the 1024 KiB limit');
  });

  it('a file whose size says 0 but holds more (procfs) is read only up to the limit, then refused', () => {
    // /proc/self/maps: a few KiB that stat calls 0 bytes; with a 100-byte limit it is "too big".
    expect(() => readTextFile('/proc/self/maps', 'maps', 100)).toThrow('maps: file is larger than the 0 KiB limit');
  });

  it.skipIf(!existsSync('/proc/self/pagemap'))('a link to /proc/self/pagemap (size 0, gigabytes long) is one line for validate, and one skipped file for list', async () => {
    const dir = tempDir('acupress-proc-');
    symlinkSync('/proc/self/pagemap', join(dir, 'pagemap.yaml'));
    await one(dir, 'pagemap.yaml', 'pagemap.yaml: file is larger than the 1024 KiB limit');
    const config = join(dir, 'config');
    mkdirSync(join(config, 'acupress', 'routines'), { recursive: true });
    symlinkSync('/proc/self/pagemap', join(config, 'acupress', 'routines', 'pagemap.yaml'));
    const r = await cli(['list', 'routines', '--json'], { env: { XDG_CONFIG_HOME: config } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: skipped [^\n]*pagemap\.yaml: file is larger than the 1024 KiB limit[^\n]*\n$/);
  });

  it('a line out of line that is 900 KiB of spaces is one problem at once (the key search is linear; a pattern was quadratic: 60,000 spaces took 8 s)', async () => {
    const dir = tempTree({ 'wide.yaml': `id: x\ntitle: y\nsteps:\n  - press: LI4\n    sides: left\n   cue${' '.repeat(900 * 1024)}x: 1\n` });
    const r = await cli(['validate', 'wide.yaml'], { cwd: dir });
    expectCleanFailure(r);
    expect(r.stderr).toMatch(/^wide\.yaml:6:4: invalid YAML: bad indentation: "cue +…" starts in column 4 but "sides" above it in column 5; keys of one mapping must line up\n1 problem in 1 file\n$/);
  });

  it('a file of exactly 1 MiB is read (the limit is inclusive)', async () => {
    const dir = tempTree({ 'limit.yaml': `# ${'x'.repeat(1024 * 1024 - 3)}\n` });
    await one(dir, 'limit.yaml', 'limit.yaml:1:1: file is empty, expected a YAML mapping');
  });

  it('the committed alias bomb, and a far bigger one, fail within 2 s', async () => {
    const level = (i: number) => String.fromCharCode(97 + i);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 20 }, (_, i) => `${level(i + 1)}: &${level(i + 1)} [${Array(10).fill(`*${level(i)}`).join(', ')}]`)].join('\n');
    const dir = tempTree({ 'big-bomb.yaml': `${bomb}\n` });
    for (const [cwd, file] of [[BAD, 'yaml-alias-bomb.yaml'], [dir, 'big-bomb.yaml']] as const) {
      const started = Date.now();
      const r = await cli(['validate', file], { cwd });
      expect(Date.now() - started).toBeLessThan(2000);
      expectCleanFailure(r);
      expect(r.stderr).toBe(lines([`${file}:2:8: invalid YAML: its aliases expand more than 100 times in all; write the text out where it is needed`, summary(1)]));
    }
  });

  // Few aliases of a long text: 99 of one 900 KB tip made a routine of 89 MB (show took 5.7 s).
  it('aliases repeating more than 2 MiB of text are refused at the first alias', async () => {
    const head = 'id: bomb\ntitle: Bomb\nsummary: S.\nsources: [me]\nsteps:\n  - press: LI4\ntips:\n';
    const tip = (n: number) => `${head}  - &t "${'x'.repeat(300_000)}"\n${'  - *t\n'.repeat(n)}`;
    const dir = tempTree({ 'long.yaml': tip(9), 'fine.yaml': tip(5) });
    expect((await cli(['validate', 'fine.yaml'], { cwd: dir })).code).toBe(0);
    const r = await cli(['validate', 'long.yaml'], { cwd: dir });
    expectCleanFailure(r);
    expect(r.stderr).toBe(lines(['long.yaml:9:5: invalid YAML: its aliases repeat more than 2 MiB of text; write the text out where it is needed', summary(1)]));
  });

  it('random binary garbage (with NUL bytes) is refused as binary', async () => {
    let seed = 42;
    const bytes = Buffer.alloc(4096, 0).map(() => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) >> 23);
    expect(bytes.includes(0)).toBe(true);
    await one(tempTree({ 'garbage.yaml': Buffer.from(bytes) }), 'garbage.yaml', 'garbage.yaml: looks like a binary file, expected YAML text');
  });

  it.each([
    ['high bytes', Buffer.from([0x80, 0x81, 0xfe, 0xff, 0x41])],
    ['a truncated sequence mid-file', Buffer.concat([Buffer.from('id: my-neck\ntitle: T'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')])],
    ['an overlong encoding of "/"', Buffer.concat([Buffer.from('id: a'), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')])],
    ['an encoded lone surrogate', Buffer.concat([Buffer.from('id: a'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')])],
  ])('invalid UTF-8 (%s) is refused', async (_, bytes) => {
    await one(tempTree({ 'bad-utf8.yaml': bytes }), 'bad-utf8.yaml', 'bad-utf8.yaml: is not valid UTF-8 text');
  });

  it('a missing file, a missing folder, and a path through a file', async () => {
    await one(BAD, 'missing.yaml', 'missing.yaml: no such file');
    await one(BAD, 'no-such-dir/x.yaml', 'no-such-dir/x.yaml: no such file');
    await one(BAD, 'empty.yaml/x.yaml', 'empty.yaml/x.yaml: a part of the path is not a directory');
  });

  it('a symlink loop, and a dangling symlink', async () => {
    const dir = tempTree({});
    symlinkSync('b.yaml', join(dir, 'a.yaml'));
    symlinkSync('a.yaml', join(dir, 'b.yaml'));
    symlinkSync('nowhere.yaml', join(dir, 'dangling.yaml'));
    await one(dir, 'a.yaml', 'a.yaml: too many symbolic links (a symlink loop?)');
    await one(dir, 'dangling.yaml', 'dangling.yaml: no such file');
  });

  // root can read a file whatever its mode, so chmod 000 proves nothing when the tests run as root.
  it.skipIf(process.getuid?.() === 0)('a file that cannot be read (chmod 000)', async () => {
    const dir = tempTree({ 'secret.yaml': 'id: x\n' });
    chmodSync(join(dir, 'secret.yaml'), 0o000);
    try {
      await one(dir, 'secret.yaml', 'secret.yaml: permission denied');
    } finally {
      chmodSync(join(dir, 'secret.yaml'), 0o644);
    }
  });

  const hasMkfifo = spawnSync('mkfifo', ['--version']).status === 0;
  it.skipIf(!hasMkfifo)('a FIFO is refused without blocking on it', async () => {
    const dir = tempTree({});
    expect(spawnSync('mkfifo', [join(dir, 'pipe.yaml')]).status).toBe(0);
    await one(dir, 'pipe.yaml', 'pipe.yaml: is not a regular file');
  });

  it('devices are refused without reading them (/dev/zero never ends)', async () => {
    await one(BAD, '/dev/zero', '/dev/zero: is not a regular file');
    await one(BAD, '/dev/null', '/dev/null: is not a regular file');
  });

  it('several files: ok for the good one, every problem for the bad ones, one summary', async () => {
    const r = await cli(['validate', 'good/crlf.yaml', 'dur-weeks.yaml', 'empty.yaml'], { cwd: BAD });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('ok  good/crlf.yaml\n');
    expect(r.stderr).toBe(lines([expected['dur-weeks.yaml']![0]!, expected['empty.yaml']![0]!, summary(2, 2)]));
  });
});

/** The one line `run` and `list` print: the first problem, then how many more. */
function firstProblem(file: string): string {
  const problems = expected[file]!.slice(0, -1);
  const more = problems.length - 1;
  return `${problems[0]}${more ? ` (and ${more} more problem${more === 1 ? '' : 's'}; run acupress validate)` : ''}`;
}

describe('the same files through run <file> --dry-run (exit 2) and in a --data directory (skipped)', () => {
  const sample = ['yaml-tab-indent.yaml', 'yaml-dup-key-top.yaml', 'dur-weeks.yaml', 'rounds-1000.yaml', 'point-unknown.yaml', 'binary.yaml', 'latin1.yaml', 'a-directory.yaml', 'empty.yaml', 'many-problems.yaml', 'point-four-unknown.yaml', 'point-pinyin-spelling.yaml'];

  for (const file of sample) {
    it(`run ${file} --dry-run`, async () => {
      const r = await cli(['run', file, '--dry-run'], { cwd: BAD });
      expectCleanFailure(r, 1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`acupress: ${firstProblem(file)}\n`);
    });
  }

  // In a data directory a broken file is skipped with one warning line; everything else works
  // and exits as it would without it (a file named on the command line still fails, above).
  let plainList: Result | undefined;
  /** The warning for a skipped file: its first problem, how many more, and the validate command. */
  const skipped = (shown: string, file: string) => {
    const problems = expected[file]!.slice(0, -1);
    const more = problems.length - 1;
    return `warning: skipped ${shown}${problems[0]!.slice(file.length)} (${more ? `and ${more} more problem${more === 1 ? '' : 's'}; ` : ''}see: acupress validate ${shown})\n`;
  };
  const dataSample = ['dur-weeks.yaml', 'yaml-dup-key-top.yaml', 'unknown-key-step.yaml', 'binary.yaml', 'many-problems.yaml', 'points/bad-caution.yaml', 'points/empty-list.yaml', 'ctl-title-osc.yaml', 'clash-alias-point.yaml', 'points/clash-builtin-id.yaml', 'point-four-unknown.yaml', 'point-pinyin-spelling.yaml'];
  for (const file of dataSample) {
    it(`--data <dir> list with ${file}: skipped with a warning, exit 0`, async () => {
      // Point files go in points/, routines in routines/; data files are shown by absolute path.
      const rel = file.startsWith('points/') ? file : `routines/${file}`;
      const dir = tempTree({});
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      copyFileSync(join(BAD, file), join(dir, rel));
      const r = await cli(['--data', dir, 'list'], { cwd: dir });
      expect(r.code).toBe(0);
      plainList ??= await cli(['list']);
      expect(r.stdout).toBe(plainList.stdout);
      expect(r.stderr).toBe(skipped(join(dir, rel), file));
      expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    });
  }

  it('a directory named like a routine file inside routines/ is skipped', async () => {
    const dir = tempTree({ 'routines/x.yaml/.keep': '' });
    const r = await cli(['--data', dir, 'list'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`warning: skipped ${dir}/routines/x.yaml: is a directory, expected a YAML file (see: acupress validate ${dir}/routines/x.yaml)\n`);
  });

  it('duplicate routine ids across two files: the second is skipped', async () => {
    const valid = readFileSync(join(BAD, 'good', 'crlf.yaml'));
    const dir = tempTree({ 'routines/a.yaml': valid, 'routines/b.yaml': valid });
    const r = await cli(['--data', dir, 'list'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^my-neck .*\(user\)$/m);
    expect(r.stderr).toBe(`warning: skipped ${dir}/routines/b.yaml:1:5 id: duplicate routine id "my-neck", also defined in ${dir}/routines/a.yaml (see: acupress validate ${dir}/routines/b.yaml)\n`);
  });

  // docs/cli.md's Files table: the first directory defining an id is used, a later one is skipped (not "later wins").
  it('one routine id in two --data directories, or in ACUPRESS_DATA and --data: the first is used, the later skipped with a warning', async () => {
    const valid = readFileSync(join(BAD, 'good', 'crlf.yaml'), 'utf8');
    const one = tempTree({ 'routines/x.yaml': valid.replace(/^title: .*$/m, 'title: From one') });
    const two = tempTree({ 'routines/x.yaml': valid.replace(/^title: .*$/m, 'title: From two') });
    const skipped = `warning: skipped ${two}/routines/x.yaml:1:5 id: duplicate routine id "my-neck", also defined in ${one}/routines/x.yaml (see: acupress validate ${two}/routines/x.yaml)\n`;
    for (const r of [await cli(['--data', one, '--data', two, 'show', 'my-neck']), await cli(['--data', two, 'show', 'my-neck'], { env: { ACUPRESS_DATA: one } })]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^From one/);
      expect(r.stderr).toBe(skipped);
    }
    const docs = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
    expect(docs).not.toMatch(/later wins/);
    expect(docs).toMatch(/an id two of these directories define is taken from the first, the later file skipped with a warning/);
  });

  const pointFile = 'points:\n  - id: EX-ZZ1\n    pinyin: A\n    hanzi: A\n    hanzi_traditional: A\n    english: A\n    meridian: EX\n    region: hand\n    laterality: midline\n    location: Here.\n';
  it('duplicate point ids across two files: the second is skipped, naming the full field path', async () => {
    const dir = tempTree({ 'points/a.yaml': pointFile, 'points/b.yaml': pointFile });
    const r = await cli(['--data', dir, 'list', 'points'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^EX-ZZ1 /m);
    expect(r.stderr).toBe(`warning: skipped ${dir}/points/b.yaml:2:9 points[0].id: duplicate point id "EX-ZZ1", also defined in ${dir}/points/a.yaml (see: acupress validate ${dir}/points/b.yaml)\n`);
  });

  it('a point of your own whose code reads as a WHO code (SP06, LI04, EX-HN05) is refused, as the cue scanner would read it as another point', async () => {
    for (const [id, code] of [['SP06', 'SP6'], ['LI04', 'LI4'], ['EX-HN05', 'EX-HN5']]) {
      const dir = tempTree({ 'points/a.yaml': pointFile.replace('EX-ZZ1', id!) });
      const r = await cli(['validate', join(dir, 'points/a.yaml')], { cwd: dir });
      expect(r.code, id).toBe(2);
      expect(r.stderr, id).toContain(`points/a.yaml:2:9 points[0].id: "${id}" reads as the point code ${code} in cues and area texts; a point of your own needs a code of its own (without a leading zero)`);
    }
  });

  it('a caution for no known condition refuses the point: validate names it, list and check skip it', async () => {
    const caution = (condition: string) => `      - condition: ${condition}\n        level: avoid\n        reason: x\n        source: y\n`;
    const file = `${pointFile.replace('region: hand', 'region: head')}    cautions:\n${['pregnacy', 'general', 'pregnant', 'constructor'].map(caution).join('')}`;
    const dir = tempTree({ 'points/p.yaml': file });
    const v = await cli(['validate', 'points/p.yaml'], { cwd: dir });
    expectCleanFailure(v);
    expect(v.stderr).toBe(lines([
      'points/p.yaml:12:20 points[0].cautions[0].condition: unknown condition "pregnacy"; did you mean "pregnancy"?',
      // A condition's other name (its flag) is answered with its id: cautions name conditions by id.
      'points/p.yaml:20:20 points[0].cautions[2].condition: unknown condition "pregnant"; did you mean "pregnancy"?',
      'points/p.yaml:24:20 points[0].cautions[3].condition: unknown condition "constructor" (see: acupress list conditions)',
      summary(3),
    ]));
    const warning = `warning: skipped ${dir}/points/p.yaml:12:20 points[0].cautions[0].condition: unknown condition "pregnacy"; did you mean "pregnancy"? (and 2 more problems; see: acupress validate ${dir}/points/p.yaml)\n`;
    const l = await cli(['--data', dir, 'list', 'points'], { cwd: dir });
    expect(l.code).toBe(0);
    expect(l.stdout).not.toMatch(/^EX-ZZ1 /m);
    expect(l.stderr).toBe(warning);
    const c = await cli(['--data', dir, 'check', 'EX-ZZ1', '--pregnant'], { cwd: dir });
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(new RegExp(`^${warning.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}acupress: unknown `));
    // The general rules are a condition a caution may name.
    const ok = tempTree({ 'points/p.yaml': `${pointFile}    cautions:\n${caution('general')}` });
    expect((await cli(['validate', 'points/p.yaml'], { cwd: ok })).code).toBe(0);
  });

  it('a routine titled as a condition is skipped, so check and run mean the condition as show does', async () => {
    const dir = tempTree({ 'routines/mine.yaml': readFileSync(join(BAD, 'clash-title-condition.yaml')) });
    const warning = `warning: skipped ${dir}/routines/mine.yaml:2:8 title: "Pregnancy" already names the condition pregnancy; a routine cannot take the name of a point or condition (see: acupress validate ${dir}/routines/mine.yaml)\n`;
    const c = await cli(['--data', dir, 'check', 'Pregnancy', '--pregnant'], { cwd: dir });
    expect(c.stderr.startsWith(warning)).toBe(true);
    expect(c.stdout).not.toMatch(/my-neck|My neck/i);
    const r = await cli(['--data', dir, 'run', 'Pregnancy', '--dry-run'], { cwd: dir });
    expect(r.stderr.startsWith(warning)).toBe(true);
    expect(r.code).toBe(2);
  });

  it('--data naming a file, or a device', async () => {
    const r = await cli(['--data', join(BAD, 'empty.yaml'), 'list']);
    expectCleanFailure(r, 1);
    expect(r.stderr).toBe(`acupress: --data ${join(BAD, 'empty.yaml')}: is not a directory\n`);
    expect((await cli(['--data', '/dev/null', 'list'])).stderr).toBe('acupress: --data /dev/null: is not a directory\n');
  });
  it('--data naming a missing directory says so, as typed', async () => {
    const r = await cli(['--data', 'no-such-dir', 'list'], { cwd: BAD });
    expect(r.stderr).toBe('acupress: --data no-such-dir: no such directory\n');
  });
});
