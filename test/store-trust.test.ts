// Issue 15, the store's side: the user's files survive every write (comments, symlinks, no
// temporary files, no lost answer), machine state stays out of the profile, unwritable places
// are warnings, and the user-data cache is trusted only when it is exactly what we wrote.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { atomicWrite, removeStaleTemps } from '../src/store/atomic-write.js';
import { addProfileConditions } from '../src/store/profile-store.js';
import { profilePath, readProfile } from '../src/store/profile.js';
import { readState, writeState } from '../src/store/state.js';
import { loadCatalog } from '../src/store/load-catalog.js';
import { cacheDir } from '../src/store/paths.js';
import { firstRun } from '../src/commands/run/first-run.js';
import { loadBuiltin } from '../src/store/load-catalog.js';
import { factsFor } from '../src/core/routine-facts.js';
import type { Catalog } from '../src/model/catalog.js';
import { fakeIo, ROOT, routineObj, tempDir, tempTree } from './helpers.js';
import { readEntry, writeEntry } from './cache-entry.js';
import { isSystemError } from '../src/store/fs-reason.js';
import { fsError } from '../src/store/source-file.js';

const tmp = () => tempDir('acupress-store-');

/** A user point as the cache holds it. */
const MINE_POINT = {
  id: 'EX-ME1', pinyin: 'Mine', hanzi: '我', hanzi_traditional: '我', english: 'Mine', meridian: 'EX', region: 'head', laterality: 'midline',
  location: 'Here.', indications: [], cautions: [], aliases: [], sources: ['Test'], origin: { source: 'user', file: '~/p.yaml' },
};

/** A process id that is not running: far above any pid_max. */
const DEAD_PID = 2 ** 30 + 7;

/** A directory no write can go into, even as root (sysfs refuses new entries), or undefined. */
function unwritable(): string | undefined {
  if (process.getuid?.() === 0) return existsSync('/sys/kernel') ? '/sys/acupress-test' : undefined;
  const dir = tmp();
  chmodSync(dir, 0o500);
  return join(dir, 'sub');
}

describe('atomic writes', () => {
  it('replace the file a symlink points to, and the link stays a link', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'dotfiles'));
    writeFileSync(join(dir, 'dotfiles/profile.yaml'), 'old\n');
    symlinkSync('dotfiles/profile.yaml', join(dir, 'profile.yaml'));
    atomicWrite(join(dir, 'profile.yaml'), 'new\n', { followLinks: true });
    expect(lstatSync(join(dir, 'profile.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'profile.yaml'))).toBe('dotfiles/profile.yaml');
    expect(readFileSync(join(dir, 'dotfiles/profile.yaml'), 'utf8')).toBe('new\n');
    expect(readdirSync(dir).sort()).toEqual(['dotfiles', 'profile.yaml']);
    expect(readdirSync(join(dir, 'dotfiles'))).toEqual(['profile.yaml']);
  });

  it('create the target of a dangling link (a dotfiles link made before the file)', () => {
    const dir = tmp();
    symlinkSync(join(dir, 'repo/acupress.yaml'), join(dir, 'profile.yaml'));
    atomicWrite(join(dir, 'profile.yaml'), 'x: 1\n', { followLinks: true });
    expect(lstatSync(join(dir, 'profile.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'repo/acupress.yaml'), 'utf8')).toBe('x: 1\n');
  });

  it('without followLinks, replace the link itself (the cache is ours, not the user\'s)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'elsewhere'), 'keep\n');
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'cache.json'));
    atomicWrite(join(dir, 'cache.json'), '{}');
    expect(lstatSync(join(dir, 'cache.json')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'elsewhere'), 'utf8')).toBe('keep\n');
  });

  it('keep an existing file\'s mode, and give a new one the mode asked for', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a'), 'x');
    chmodSync(join(dir, 'a'), 0o640);
    atomicWrite(join(dir, 'a'), 'y');
    expect(statSync(join(dir, 'a')).mode & 0o777).toBe(0o640);
    atomicWrite(join(dir, 'b'), 'y', { mode: 0o600 });
    expect(statSync(join(dir, 'b')).mode & 0o777).toBe(0o600);
  });

  it('remove temporary files left by a killed write, but not one another live process is writing', () => {
    const dir = tmp();
    writeFileSync(join(dir, `profile.yaml.${DEAD_PID}.tmp`), 'half');
    writeFileSync(join(dir, `profile.yaml.${process.ppid}.tmp`), 'in progress');
    writeFileSync(join(dir, 'other.yaml.123.tmp'), 'not ours');
    atomicWrite(join(dir, 'profile.yaml'), 'whole\n');
    expect(readdirSync(dir).sort()).toEqual(['other.yaml.123.tmp', 'profile.yaml', `profile.yaml.${process.ppid}.tmp`]);
    // A live pid's temporary file that is old is stale too (the pid may have been reused).
    removeStaleTemps(dir, 'profile.yaml', Date.now() + 60 * 60 * 1000);
    expect(readdirSync(dir).sort()).toEqual(['other.yaml.123.tmp', 'profile.yaml']);
  });

  it('a failed write throws and leaves nothing behind', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'target'));
    writeFileSync(join(dir, 'target/inside'), '');
    expect(() => atomicWrite(join(dir, 'target'), 'x')).toThrow();
    expect(readdirSync(dir)).toEqual(['target']);
  });
});

describe('the profile is the user\'s file', () => {
  const handWritten = [
    '# My acupress profile, kept in my dotfiles.',
    'conditions: [bleeding]   # since the operation',
    '',
    '# tips_seen: true',
    '',
  ].join('\n');

  it('adding a condition edits the document in place: comments and order survive', async () => {
    const { io } = fakeIo();
    const path = profilePath(io.env)!;
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, handWritten);
    const saved = await addProfileConditions(path, ['pregnancy', 'bleeding']);
    expect(saved.conditions).toEqual(['bleeding', 'pregnancy']);
    // The yaml package keeps every comment; it puts one space before a trailing one.
    expect(readFileSync(path, 'utf8')).toBe(handWritten.replace('[bleeding]   #', '[ bleeding, pregnancy ] #'));
  });

  it('a block list gets its new item in the same style; other keys are kept', async () => {
    const { io } = fakeIo();
    const path = profilePath(io.env)!;
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'conditions:\n  - bleeding # mine\ntips_seen: true\n');
    await addProfileConditions(path, ['pregnancy']);
    expect(readFileSync(path, 'utf8')).toBe('conditions:\n  - bleeding # mine\n  - pregnancy\ntips_seen: true\n');
  });

  it('writes through a profile that is a symlink into a dotfiles repository', async () => {
    const { io, home } = fakeIo();
    const path = profilePath(io.env)!;
    mkdirSync(join(path, '..'), { recursive: true });
    mkdirSync(join(home, 'dotfiles'));
    writeFileSync(join(home, 'dotfiles/acupress.yaml'), handWritten);
    symlinkSync(join(home, 'dotfiles/acupress.yaml'), path);
    await addProfileConditions(path, ['pregnancy']);
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(home, 'dotfiles/acupress.yaml'), 'utf8')).toContain('# since the operation');
    expect(readdirSync(join(path, '..'))).toEqual(['profile.yaml']);
  });

  // Starting from a lock left by a killed process, many times over: test/file-lock.test.ts.
  it('two runs answering the first-run question at once both keep their answer', async () => {
    const { io, home } = fakeIo();
    const path = profilePath(io.env)!;
    const go = join(home, 'go');
    // Each process loads, says it is ready, then waits for the same signal, so their
    // read-modify-writes overlap however long loading took.
    const script = (condition: string) => `
      const { existsSync } = await import('node:fs');
      const { addProfileConditions } = await import(${JSON.stringify(new URL('../src/store/profile-store.ts', import.meta.url).href)});
      process.stdout.write('ready');
      const wait = new Int32Array(new SharedArrayBuffer(4));
      while (!existsSync(${JSON.stringify(go)})) Atomics.wait(wait, 0, 0, 1);
      await addProfileConditions(${JSON.stringify(path)}, [${JSON.stringify(condition)}]);
    `;
    const conditions = ['pregnancy', 'bleeding', 'osteoporosis', 'heart-disease'];
    let ready = 0;
    const done = conditions.map((c) => new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '-e', script(c)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      child.stdout.once('data', () => {
        if (++ready === conditions.length) writeFileSync(go, '');
      });
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`))));
    }));
    await Promise.all(done);
    expect((await readProfile(io))!.conditions.sort()).toEqual([...conditions].sort());
    expect(readdirSync(join(path, '..'))).toEqual(['profile.yaml']);
  }, 60_000);

  it('first run: an answer that cannot be saved still applies to this run, with one warning', async () => {
    const where = unwritable();
    const catalog = await loadBuiltin();
    const cases: Array<[Record<string, string | undefined>, RegExp]> = [
      [{ HOME: 'relative', XDG_CONFIG_HOME: undefined }, /^warning: HOME is not set, so your answer cannot be saved; it applies to this run only\n$/],
      ...(where ? [[{ XDG_CONFIG_HOME: where }, /^warning: cannot save your answer to .*: permission denied; it applies to this run only\n$/] as [Record<string, string>, RegExp]] : []),
    ];
    for (const [env, warning] of cases) {
      const { io, stderr } = fakeIo(env);
      const profile = await firstRun(catalog, io, async () => ['pregnancy']);
      expect(profile.conditions).toEqual(['pregnancy']);
      expect(stderr.text()).toMatch(warning);
    }
  });

  it.skipIf(!existsSync('/proc/self'))('a config or state place under /proc: warnings, no hang', async () => {
    const { io, stderr } = fakeIo({ XDG_CONFIG_HOME: '/proc/self/acupress-test' });
    const profile = await firstRun(await loadBuiltin(), io, async () => ['pregnancy']);
    expect(profile.conditions).toEqual(['pregnancy']);
    expect(stderr.text()).toMatch(/^warning: cannot save your answer to \/proc\/self\/acupress-test\/acupress\/profile\.yaml: no such file or directory; it applies to this run only\n$/);
    expect(writeState({ XDG_STATE_HOME: '/proc/self/acupress-test' }, { tips_seen: true })).toMatch(/^warning: cannot save /);
  });

  it('HOME a file: the answer is not saved, with a warning, and nothing is thrown', async () => {
    const file = join(tmp(), 'home');
    writeFileSync(file, '');
    const { io, stderr } = fakeIo({ HOME: file, XDG_CONFIG_HOME: undefined });
    const profile = await firstRun(await loadBuiltin(), io, async () => ['bleeding']);
    expect(profile.conditions).toEqual(['bleeding']);
    expect(stderr.text()).toMatch(/^warning: cannot save your answer to .*\/home\/\.config\/acupress\/profile\.yaml: a part of the path is not a directory; it applies to this run only\n$/);
  });
});

describe('machine state', () => {
  it('lives in $XDG_STATE_HOME/acupress/state.json, and a failure to save it is a warning', () => {
    const { io, home } = fakeIo();
    expect(readState(io.env)).toEqual({ tips_seen: false });
    expect(writeState(io.env, { tips_seen: true })).toBeUndefined();
    expect(JSON.parse(readFileSync(join(home, '.local/state/acupress/state.json'), 'utf8'))).toEqual({ tips_seen: true });
    expect(readState({ ...io.env })).toEqual({ tips_seen: true });
    writeFileSync(join(home, '.local/state/acupress/state.json'), '{"tips_seen": tr');
    expect(readState(io.env)).toEqual({ tips_seen: false });
    const where = unwritable();
    if (where) expect(writeState({ ...io.env, XDG_STATE_HOME: where }, { tips_seen: true })).toMatch(/^warning: cannot save .*: permission denied$/);
    expect(writeState({ HOME: 'relative' }, { tips_seen: true })).toMatch(/^warning: HOME is not set/);
  });
});

describe('the user-data cache is trusted only when it is exactly ours', () => {
  async function setup() {
    const dir = tempTree({ 'routines/mine.yaml': routineObj({ id: 'mine', title: 'Aaaa' }) });
    const { io } = fakeIo();
    const opts = { env: io.env, cwd: io.cwd, data: [dir] };
    expect((await loadCatalog(opts)).routines.get('mine')!.title).toBe('Aaaa');
    const cache = cacheDir(io.env)!;
    const file = join(cache, readdirSync(cache).find((f) => /^data-.*\.json$/.test(f))!);
    return { dir, opts, file, entry: readEntry(file) };
  }

  it('the cache directory acupress makes is private (0700), as its files are (0600); one the user made is left as it is', async () => {
    const { file } = await setup();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // XDG_CACHE_HOME unset: ~/.cache and ~/.cache/acupress are both made, each 0700.
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
    expect(statSync(join(file, '../..')).mode & 0o777).toBe(0o700);
    const dir = tempTree({ 'routines/mine.yaml': routineObj({ id: 'mine' }) });
    const { io } = fakeIo();
    const own = join(io.env.HOME!, '.cache/acupress');
    mkdirSync(own, { recursive: true });
    chmodSync(own, 0o755);
    await loadCatalog({ env: io.env, cwd: io.cwd, data: [dir] });
    expect(readdirSync(own).some((f) => /^data-.*\.json$/.test(f))).toBe(true);
    expect(statSync(own).mode & 0o777).toBe(0o755);
  });

  it('an edit that keeps the size and the mtime is still seen (ctime and inode are in the key)', async () => {
    const dir = tempTree({ 'routines/mine.yaml': routineObj({ id: 'mine', title: 'Aaaa' }) });
    const path = join(dir, 'routines/mine.yaml');
    const { io } = fakeIo();
    const opts = { env: io.env, cwd: io.cwd, data: [dir] };
    // A whole second, so the restored mtime is exactly the one the cache saw.
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    expect((await loadCatalog(opts)).routines.get('mine')!.title).toBe('Aaaa');
    const size = statSync(path).size;
    writeFileSync(path, stringify(routineObj({ id: 'mine', title: 'Bbbb' })));
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    expect(statSync(path).size).toBe(size);
    expect(statSync(path).mtimeMs).toBe(1_700_000_000_000);
    expect((await loadCatalog(opts)).routines.get('mine')!.title).toBe('Bbbb');
  });

  it('a cache written by another release is not read, and is replaced', async () => {
    const { opts, file, entry } = await setup();
    writeEntry(file, { ...entry, release: 'another', routines: [{ ...entry.routines[0], title: 'Stale' }] }, 'fresh');
    expect((await loadCatalog(opts)).routines.get('mine')!.title).toBe('Aaaa');
    expect(readEntry(file).release).toBe(entry.release);
  });

  // Each edit keeps the key and stamps and has its checksum worked out afresh, so only the shape
  // check stands between it and the catalog.
  const corruptions: Array<[string, (e: any) => void]> = [
    ['a step of zero length (the run would never end)', (e) => { e.routines[0].steps[0] = { kind: 'rest', duration: 0 }; }],
    ['a billion rounds', (e) => { e.routines[0].timing = { rounds: 1e9 }; }],
    ['a title with an escape sequence', (e) => { e.routines[0].title = '\u001b[2J'; }],
    ['a step of an unknown kind', (e) => { e.routines[0].steps[0] = { kind: 'dance' }; }],
    ['a missing field', (e) => { delete e.routines[0].sources; }],
    ['an extra field', (e) => { e.routines[0].kind = 'point'; }],
    ['steps that are not a list', (e) => { e.routines[0].steps = { 0: e.routines[0].steps[0] }; }],
    ['a notice with a control character', (e) => { e.notices = ['\u001b]0;x\u0007']; }],
    ['a point of the wrong shape', (e) => { e.points = [{ id: 'EX-ME1' }]; }],
    ['a record that is not an object', (e) => { e.routines = [null]; }],
    ['a number for the stamps', (e) => { e.stamps = 1; }],
  ];
  it.each(corruptions)('%s is a cache miss, never a crash or a hang', async (_, corrupt) => {
    const { opts, file, entry } = await setup();
    entry.routines[0].title = 'Stale';
    corrupt(entry);
    writeEntry(file, entry, 'fresh');
    const catalog = await loadCatalog(opts);
    expect(catalog.routines.get('mine')!.title).toBe('Aaaa');
    expect(catalog.notices).toEqual([]);
  });

  // Well-shaped records a fresh load would refuse for their ids: each would change what a
  // safety answer rests on (ST9 without its "never press"), so the whole cache is a miss.
  const refusedByALoad: Array<[string, (e: any, builtin: Catalog) => void]> = [
    ['a built-in point (ST9) without its cautions', (e, b) => { e.points.push({ ...JSON.parse(JSON.stringify(b.points.get('ST9'))), cautions: [], origin: { source: 'user', file: '~/p.yaml' } }); }],
    ['one point twice', (e) => { e.points.push(MINE_POINT, { ...MINE_POINT, english: 'Twin' }); }],
    ['a point with a caution for no known condition', (e) => { e.points.push({ ...MINE_POINT, cautions: [{ condition: 'pregnacy', level: 'avoid', reason: 'x', source: 'y' }] }); }],
    ['a routine with a condition\'s id', (e) => { e.routines[0].id = 'pregnancy'; }],
    ['a routine with a point\'s code', (e) => { e.routines[0].id = 'st9'; }],
    ['a step pressing a point nobody defines', (e) => { e.routines[0].steps = [{ kind: 'press', point: 'ZZ9' }]; }],
  ];
  it.each(refusedByALoad)('%s is a cache miss, and the YAML is loaded afresh', async (_, tamper) => {
    const { opts, file, entry } = await setup();
    entry.routines[0].title = 'Stale';
    tamper(entry, await loadBuiltin());
    writeEntry(file, entry, 'fresh');
    const catalog = await loadCatalog(opts);
    expect(catalog.routines.get('mine')!.title).toBe('Aaaa');
    expect(catalog.points.get('ST9')!.cautions.map((c) => `${c.condition} ${c.level}`)).toContain('general avoid');
    expect(catalog.points.has('EX-ME1')).toBe(false);
    expect(catalog.routines.has('pregnancy') || catalog.routines.has('st9')).toBe(false);
    expect(catalog.notices).toEqual([]);
  });

  it('a cached routine\'s facts for list are worked out from the points, never taken from the file', async () => {
    const dir = tempTree({ 'routines/mine.yaml': routineObj({ id: 'mine', title: 'Aaaa', steps: [{ press: 'ST9' }] }) });
    const { io } = fakeIo();
    const opts = { env: io.env, cwd: io.cwd, data: [dir] };
    const fresh = await loadCatalog(opts);
    const truth = factsFor(fresh, fresh.routines.get('mine')!);
    expect(truth).toMatchObject({ flagged: true, avoid: true });
    const cache = cacheDir(io.env)!;
    const file = join(cache, readdirSync(cache).find((f) => /^data-.*\.json$/.test(f))!);
    const entry = readEntry(file);
    // Facts saying ST9's routine is safe to list (a cache of an earlier layout held them).
    writeEntry(file, { ...entry, facts: { mine: { total_ms: 1000, flagged: false, avoid: false } }, routines: [{ ...entry.routines[0], title: 'From the cache' }] }, 'fresh');
    const cached = await loadCatalog(opts);
    expect(cached.routines.get('mine')!.title).toBe('From the cache');
    expect(factsFor(cached, cached.routines.get('mine')!)).toEqual(truth);
  });

  it('a routine of yours with a built-in routine\'s id has its facts worked out, never the built-in\'s, fresh or cached', async () => {
    const dir = tempTree({ 'routines/basics.yaml': routineObj({ id: 'basics', title: 'Mine', steps: [{ press: 'ST9' }] }) });
    const { io } = fakeIo();
    const opts = { env: io.env, cwd: io.cwd, data: [dir] };
    for (const load of ['fresh', 'cached']) {
      const c = await loadCatalog(opts);
      expect(c.routines.get('basics')!.title, load).toBe('Mine');
      expect(c.facts!.get('basics'), load).toMatchObject({ avoid: false });
      expect(factsFor(c, c.routines.get('basics')!), load).toMatchObject({ flagged: true, avoid: true });
    }
  });

  it('accepts every record the schemas produce (the shape check cannot drift from the schemas)', async () => {
    const { isPoint, isRoutine } = await import('../src/store/cache-shape.js');
    const catalog = await loadBuiltin();
    const asCached = <T,>(v: T) => JSON.parse(JSON.stringify({ ...v, origin: { source: 'user', file: '~/x.yaml' } }));
    const points = [...catalog.points.values()].filter((p) => !isPoint(asCached(p))).map((p) => p.id);
    const routines = [...catalog.routines.values()].filter((r) => !isRoutine(asCached(r))).map((r) => r.id);
    expect({ points, routines }).toEqual({ points: [], routines: [] });
  });

  it('an unchanged, well-formed cache is used (no YAML read)', async () => {
    const { opts, file, entry } = await setup();
    writeEntry(file, { ...entry, routines: [{ ...entry.routines[0], title: 'From the cache' }] }, 'fresh');
    expect((await loadCatalog(opts)).routines.get('mine')!.title).toBe('From the cache');
  });

  it('an edit to the contents that keeps their shape is a miss: a point\'s cautions removed do not turn AVOID into OK', async () => {
    const { origin: _, ...point } = { ...MINE_POINT, cautions: [{ condition: 'pregnancy', level: 'avoid', reason: 'Mine to avoid.', source: 'Me' }] };
    const dir = tempTree({ 'points/mine.yaml': stringify({ points: [point] }) });
    const { io } = fakeIo();
    const opts = { env: io.env, cwd: io.cwd, data: [dir] };
    expect((await loadCatalog(opts)).points.get('EX-ME1')!.cautions).toHaveLength(1);
    const cache = cacheDir(io.env)!;
    const file = join(cache, readdirSync(cache).find((f) => /^data-.*\.json$/.test(f))!);
    // By hand, as the attacker did: the header (its checksum) as it was, the caution gone.
    const entry = readEntry(file);
    entry.points[0].cautions = [];
    writeEntry(file, entry, 'kept');
    expect((await loadCatalog(opts)).points.get('EX-ME1')!.cautions).toHaveLength(1);
    // One flipped character (a corrupt disk) is a miss too; the miss rewrote a good entry.
    const good = readFileSync(file, 'utf8');
    expect(good.split('\n')[1]).toContain('Mine to avoid.');
    writeFileSync(file, good.replace('Mine to avoid.', 'Mine to avoie.'));
    expect((await loadCatalog(opts)).points.get('EX-ME1')!.cautions[0]!.reason).toBe('Mine to avoid.');
  });

  it('the checksum sees any one changed byte, wherever the bytes sit in their buffer', async () => {
    const { checksum } = await import('../src/store/user-cache.js');
    const text = Buffer.from(`${'{"points":[],"routines":[{"id":"mine"}]}'.repeat(3)}é!`, 'utf8');
    const sum = checksum(text);
    // The same bytes at an odd offset of a bigger buffer (how the reader sees them).
    expect(checksum(Buffer.concat([Buffer.from('x\n'), text]).subarray(2))).toBe(sum);
    const seen = new Set([sum]);
    for (let i = 0; i < text.length; i++) {
      const edited = Buffer.from(text);
      edited[i] = edited[i]! ^ 1;
      seen.add(checksum(edited));
    }
    expect(seen.size).toBe(text.length + 1);
    expect(checksum(text.subarray(0, text.length - 1))).not.toBe(sum);
  });

  it('is private to the user (0600), even over an entry an older release left world-readable', async () => {
    const { opts, file, entry } = await setup();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o644);
    writeEntry(file, { ...entry, release: 'older' }, 'fresh');
    await loadCatalog(opts);
    expect(readEntry(file).release).toBe(entry.release);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a huge file where the cache should be is a miss', async () => {
    const { opts, file } = await setup();
    writeFileSync(file, `{"format":2,"pad":"${'x'.repeat(33 * 1024 * 1024)}"}`);
    expect((await loadCatalog(opts)).routines.get('mine')!.title).toBe('Aaaa');
  });
});

describe("our own failure is never the user's file's problem", () => {
  const errno = (code: string) => Object.assign(new Error(`${code}: something`), { code });

  it('only an error the system gave (an errno code) is a system error', () => {
    for (const code of ['ENOENT', 'EACCES', 'ELOOP', 'EIO', 'ENOTREG']) expect(isSystemError(errno(code)), code).toBe(true);
    // Code from a damaged cache calls what is not a function; Node's own checks throw ERR_ codes.
    expect(isSystemError(new TypeError('(0 , z.openSync) is not a function'))).toBe(false);
    expect(isSystemError(Object.assign(new RangeError('out of range'), { code: 'ERR_OUT_OF_RANGE' }))).toBe(false);
    expect(isSystemError({ code: 'ENOENT' })).toBe(false);
    expect(isSystemError(undefined)).toBe(false);
  });

  it("fsError words the system's errors and throws anything else as it came, for the shell to end the run with exit 70", () => {
    expect(fsError('mine.yaml', errno('EACCES')).message).toBe('mine.yaml: permission denied');
    const ours = new TypeError('(0 , z.statSync) is not a function');
    expect(() => fsError('mine.yaml', ours)).toThrow(ours);
  });
});
