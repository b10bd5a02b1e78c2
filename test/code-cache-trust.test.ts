// The built loader against damaged, planted and odd code caches: a cache is only an
// accelerator, so none of them may fail, crash or hang more than the one run that meets it.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from './helpers.js';

/** A run of `node <entry> …argv` with only PATH and HOME (and `env`), killed after `timeout` ms: a hang. */
function run(entry: string, home: string, argv: string[], env: Record<string, string> = {}, timeout = 20_000) {
  return spawnSync(process.execPath, [entry, ...argv], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home, ...env }, timeout, killSignal: 'SIGKILL' });
}

/** The one build/node directory of the code caches under `home`. */
function cacheDirOf(home: string): string {
  const code = join(home, '.cache', 'acupress', 'code');
  const [build] = readdirSync(code);
  return join(code, build!, `${process.version}-${process.arch}`);
}

/** What a run did, in a word: right (the expected output, exit 0, nothing on stderr) or how it went wrong. */
function outcome(r: ReturnType<typeof run>, stdout: string): string {
  if (r.signal) return `killed by ${r.signal}`;
  if (r.status !== 0 || r.stderr !== '') return `exit ${r.status}: ${r.stderr.split('\n')[0]}`;
  return r.stdout === stdout ? 'right' : 'wrong output';
}

describe('damaged caches', () => {
  it('a cache with a byte flipped anywhere fails at most the next run, and every later run ends well', () => {
    const base = tempDir('acupress-flip-');
    const good = run(BIN, base, ['show', 'LI4']);
    expect(good.status).toBe(0);
    const rel = join(cacheDirOf(base).slice(base.length + 1), 'app.show.cache');
    const size = statSync(join(base, rel)).size;
    // Sixteen places spread over the file: on Node 20 about half of them made every later run
    // die of SIGSEGV or SIGTRAP, hang, or fail with an internal error or a stack trace, until the
    // cache was removed by hand.
    for (let i = 0; i < 16; i++) {
      const offset = Math.floor((size * (i + 0.5)) / 16);
      const home = tempDir('acupress-flip-');
      cpSync(join(base, '.cache'), join(home, '.cache'), { recursive: true });
      const bytes = readFileSync(join(home, rel));
      bytes[offset] = bytes[offset]! ^ 0xff;
      writeFileSync(join(home, rel), bytes, { mode: 0o600 });
      // The run that meets the damage may misbehave, or hang (then it is killed sooner).
      const first = outcome(run(BIN, home, ['show', 'LI4'], {}, 5000), good.stdout);
      const later = [1, 2].map(() => outcome(run(BIN, home, ['show', 'LI4']), good.stdout));
      // A damage that shows (a crash, a hang, an error) costs that one run: the cache is dropped
      // and the later runs are right. One that only changes a constant (1 or 2 flips in 100 do)
      // prints a wrong answer without failing, which no check short of a checksum of the whole
      // file can see, and that costs more than the cache saves; the later runs then do the same, or
      // are right (seen once: V8 can drop a function's cached bytecode and compile it afresh).
      if (first === 'wrong output') for (const l of later) expect(['wrong output', 'right'], `byte ${offset} of ${size}`).toContain(l);
      else expect(later, `byte ${offset} of ${size}, after ${first}`).toEqual(['right', 'right']);
    }
  }, 600_000);

  it("damage to user.cache's code fails one run as an internal error, never as a problem with the user's file that the user-data cache keeps", () => {
    const home = tempDir('acupress-user-cache-');
    // A routine file named on the command line: check parses it with dist/user.cjs's code.
    const file = join(home, 'mine.yaml');
    writeFileSync(file, readFileSync(join(ROOT, 'data/routines/basics.yaml'), 'utf8').replace(/^id: .*$/m, 'id: mine'));
    const good = run(BIN, home, ['check', file, '--pregnant']);
    expect(good.status).toBe(1);
    expect(good.stdout).toContain('LI4');
    // One name in the cached code misspelt, as a flipped bit does: V8 does not check a cache's
    // contents, and the code then calls a function that is not there.
    const cache = join(cacheDirOf(home), 'user.cache');
    const bytes = readFileSync(cache);
    const at = bytes.indexOf('statSync');
    expect(at).toBeGreaterThan(0);
    bytes.write('statSyNc', at, 'latin1');
    writeFileSync(cache, bytes, { mode: 0o600 });
    const first = run(BIN, home, ['check', file, '--pregnant']);
    expect(first.status).toBe(70);
    expect(first.stderr).toMatch(/^acupress: internal error: .*statSync.* is not a function\n/);
    for (let i = 0; i < 2; i++) {
      const later = run(BIN, home, ['check', file, '--pregnant']);
      expect(later.status).toBe(1);
      expect(later.stdout).toBe(good.stdout);
    }
  });

  it('a FIFO, /dev/zero or a link to either at a cache path is never read: the run is right and the cache replaced', () => {
    const base = tempDir('acupress-odd-');
    const good = run(BIN, base, ['show', 'LI4']);
    const dir = cacheDirOf(base);
    const file = join(dir, 'app.show.cache');
    const fifo = join(base, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const plant: Record<string, () => void> = {
      fifo: () => expect(spawnSync('mkfifo', [file]).status).toBe(0),
      'link to a FIFO': () => symlinkSync(fifo, file),
      'link to /dev/zero': () => symlinkSync('/dev/zero', file),
    };
    for (const [what, make] of Object.entries(plant)) {
      spawnSync('rm', ['-f', file]);
      make();
      expect(outcome(run(BIN, base, ['show', 'LI4']), good.stdout), what).toBe('right');
      // Replaced by a cache of our own (the link itself, not what it points to).
      expect(statSync(file).isFile(), what).toBe(true);
      expect(outcome(run(BIN, base, ['show', 'LI4']), good.stdout), what).toBe('right');
    }
  }, 120_000);
  it("a cache others may write, or another user's, is never read: the run is right and the cache replaced by the user's own", () => {
    const base = tempDir('acupress-foreign-');
    const good = run(BIN, base, ['show', 'LI4']);
    const file = join(cacheDirOf(base), 'app.show.cache');
    const plant: Record<string, () => void> = { 'mode 0666': () => chmodSync(file, 0o666) };
    // Another owner needs root to make (CI runs as root; elsewhere this part is left out).
    if (process.getuid?.() === 0) plant['owned by nobody'] = () => chownSync(file, 65534, 65534);
    for (const [what, make] of Object.entries(plant)) {
      make();
      const before = statSync(file);
      expect(outcome(run(BIN, base, ['show', 'LI4']), good.stdout), what).toBe('right');
      // Used, the file would still be the same one (the loader only ever reads a cache in place).
      const after = statSync(file);
      expect(after.ino, what).not.toBe(before.ino);
      expect([after.uid, (after.mode & 0o777).toString(8)], what).toEqual([process.getuid!(), '600']);
      expect(outcome(run(BIN, base, ['show', 'LI4']), good.stdout), what).toBe('right');
    }
  }, 120_000);

  it("a missing or damaged slow path (dist/slow-load.cjs) is one line and exit 70 when a run needs it", () => {
    const dist = join(tempDir('acupress-dist-'), 'dist');
    cpSync(join(ROOT, 'dist'), dist, { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(dist, '..', 'package.json'));
    const slow = join(dist, 'slow-load.cjs');
    const text = readFileSync(slow);
    const cases: Record<string, [() => void, string]> = {
      missing: [() => rmSync(slow), 'is missing'],
      emptied: [() => writeFileSync(slow, ''), 'is damaged'],
      'cut short': [() => writeFileSync(slow, text.subarray(0, 2000)), 'is damaged'],
      'exports that throw when read': [() => writeFileSync(slow, 'module.exports = new Proxy({}, { get() { throw new Error("no") } });'), 'is damaged'],
    };
    for (const [what, [make, said]] of Object.entries(cases)) {
      make();
      // A first run (no cache yet) needs the slow path.
      const r = run(join(dist, 'main.cjs'), tempDir('acupress-home-'), ['show', 'LI4']);
      expect([r.status, r.stdout], what).toEqual([70, '']);
      // One line: "is missing", or "is damaged (why)".
      expect(r.stderr.startsWith(`acupress: the file ${slow} ${said}`) && /^[^\n]*; reinstall acupress\n$/.test(r.stderr), `${what}: ${r.stderr}`).toBe(true);
    }
  }, 120_000);

  it('a FIFO, a directory or a link to /dev/zero in place of a bundle is one line and exit 70, with or without a cache, never a hang', () => {
    const dist = join(tempDir('acupress-dist-'), 'dist');
    cpSync(join(ROOT, 'dist'), dist, { recursive: true });
    copyFileSync(join(ROOT, 'package.json'), join(dist, '..', 'package.json'));
    const app = join(dist, 'app.cjs');
    const text = readFileSync(app);
    const cases: Record<string, () => void> = {
      FIFO: () => expect(spawnSync('mkfifo', [app]).status).toBe(0),
      directory: () => mkdirSync(app),
      'link to /dev/zero': () => symlinkSync('/dev/zero', app),
    };
    for (const [what, make] of Object.entries(cases)) {
      const home = tempDir('acupress-home-');
      // The second run has the first one's cache: its fast path meets the odd file too.
      writeFileSync(app, text);
      expect(run(join(dist, 'main.cjs'), home, ['show', 'LI4']).status, what).toBe(0);
      rmSync(app, { recursive: true });
      make();
      for (const pass of ['with a cache', 'after it was dropped']) {
        const r = run(join(dist, 'main.cjs'), home, ['show', 'LI4'], {}, 10_000);
        expect([r.signal, r.status, r.stdout], `${what}, ${pass}`).toEqual([null, 70, '']);
        expect(r.stderr, `${what}, ${pass}`).toBe(`acupress: the file ${app} is damaged (not a regular file); reinstall acupress\n`);
      }
      rmSync(app, { recursive: true });
    }
    writeFileSync(app, text);
    // The slow path's own bundle, needed by a first run (no cache yet): it was required as is, so
    // a FIFO hung every such run and a directory was "missing".
    const slow = join(dist, 'slow-load.cjs');
    const slowText = readFileSync(slow);
    for (const [what, make] of Object.entries({ FIFO: () => expect(spawnSync('mkfifo', [slow]).status).toBe(0), directory: () => mkdirSync(slow), 'link to /dev/zero': () => symlinkSync('/dev/zero', slow) })) {
      rmSync(slow, { recursive: true });
      make();
      const r = run(join(dist, 'main.cjs'), tempDir('acupress-home-'), ['show', 'LI4'], {}, 10_000);
      expect([r.signal, r.status, r.stdout], what).toEqual([null, 70, '']);
      expect(r.stderr, what).toBe(`acupress: the file ${slow} is damaged (not a regular file); reinstall acupress\n`);
      rmSync(slow, { recursive: true });
      writeFileSync(slow, slowText);
    }
  }, 120_000);
});

describe('the loader with caches of a stand-in app', () => {
  /** A dist/ with the real main.cjs (and its slow path) and an app.cjs of the test's own; its entry. */
  function standIn(app: string): string {
    const dist = join(tempDir('acupress-dist-'), 'dist');
    mkdirSync(dist);
    copyFileSync(join(ROOT, 'dist', 'main.cjs'), join(dist, 'main.cjs'));
    copyFileSync(join(ROOT, 'dist', 'slow-load.cjs'), join(dist, 'slow-load.cjs'));
    writeFileSync(join(dist, 'app.cjs'), app);
    return join(dist, 'main.cjs');
  }
  const APP = `exports.main = async () => {
  console.log('app ran');
  if (process.env.DIE) process.kill(process.pid, 'SIGKILL');
  process.exitCode = Number(process.env.CODE ?? 0);
};
`;

  it('a run that dies while using a cache leaves it marked, and the next deletes it and compiles afresh', () => {
    const main = standIn(APP);
    const home = tempDir('acupress-home-');
    expect(run(main, home, []).stdout).toBe('app ran\n');
    const cache = join(cacheDirOf(home), 'app.cache');
    const made = statSync(cache);
    expect(made.mode & 0o777).toBe(0o600);
    // Used and kept by a run that ends well (the same file, unmarked). (A file written anew
    // has a new mtime; its inode number may be the old one's, freed and reused.)
    expect(run(main, home, []).status).toBe(0);
    expect(statSync(cache).mtimeMs).toBe(made.mtimeMs);
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    // A run killed while it uses the cache leaves the mark.
    expect(run(main, home, [], { DIE: '1' }).signal).toBe('SIGKILL');
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    // The next one does not trust it: a new cache, unmarked, which the run after keeps.
    expect(run(main, home, []).stdout).toBe('app ran\n');
    const fresh = statSync(cache);
    expect(fresh.mtimeMs).not.toBe(made.mtimeMs);
    expect(fresh.mode & 0o777).toBe(0o600);
    expect(run(main, home, []).status).toBe(0);
    expect(statSync(cache).mtimeMs).toBe(fresh.mtimeMs);
  });

  it('an internal error (exit 70) keeps none of the caches the run read; other exit codes keep them', () => {
    const main = standIn(APP);
    const home = tempDir('acupress-home-');
    run(main, home, []);
    const cache = join(cacheDirOf(home), 'app.cache');
    const made = statSync(cache).mtimeMs;
    expect(run(main, home, [], { CODE: '2' }).status).toBe(2);
    expect(statSync(cache).mtimeMs).toBe(made);
    expect(run(main, home, [], { CODE: '70' }).status).toBe(70);
    expect(readdirSync(join(cache, '..'))).toEqual([]);
    // Nor is one saved by a run that ends so.
    expect(run(main, home, [], { CODE: '70' }).status).toBe(70);
    expect(readdirSync(join(cache, '..'))).toEqual([]);
  });

  it("a cache whose code throws or defines nothing as the module loads is dropped, and the file loaded afresh in the same run", () => {
    const main = standIn(APP);
    const home = tempDir('acupress-home-');
    run(main, home, []);
    const cache = join(cacheDirOf(home), 'app.cache');
    // V8 checks a cache's source by its length only, so a cache of other code of the same
    // length is accepted, as a damaged one is: here the module's code throws when it runs
    // (made by a node of the same flags, so that V8 accepts it).
    const length = `(function (exports, require, module, __filename, __dirname) {${APP}\n})`.length;
    const make = (body: string) => {
      const code = `const s = ${JSON.stringify(body)}.padEnd(${length}, ' '); require('fs').writeFileSync(${JSON.stringify(cache)}, new (require('vm').Script)(s).createCachedData(), { mode: 0o600 });`;
      expect(spawnSync(process.execPath, ['-e', code], { env: { PATH: process.env.PATH } }).status).toBe(0);
    };
    // The third defines nothing: an accepted cache whose module exports nothing is as damaged.
    for (const body of ["(function () { throw new Error('damaged'); })", "throw new Error('damaged');", '(function (exports) { })']) {
      make(body);
      const r = run(main, home, []);
      expect(outcome(r, 'app ran\n'), body).toBe('right');
      expect(readFileSync(cache).length).toBeGreaterThan(0);
      expect(outcome(run(main, home, []), 'app ran\n'), body).toBe('right');
    }
  });
});
