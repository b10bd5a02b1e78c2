import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { codeCacheDir, compileWithCache, readBundle, readCacheFile, saveCache, settleCache } from '../src/boot/code-cache.js';
import { BIN, ROOT, tempDir } from './helpers.js';

const require = createRequire(import.meta.url);
const temp = () => tempDir('acupress-cache-');

/** Build ids as scripts/build.mjs makes them: 16 hex digits. */
const B1 = '1111111111111111', B2 = '2222222222222222', B3 = '3333333333333333', B4 = '4444444444444444';

/** The CommonJS wrapper compileWithCache puts around a file's source. */
const wrapped = (source: string) => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

/** Compile and run a CommonJS file through the cache; its exports. */
function runFile(file: string, cache: string | undefined) {
  const c = compileWithCache(file, cache);
  const mod = { exports: {} as unknown };
  c.run(mod.exports as object, require, mod, file, join(file, '..'));
  return { c, exports: mod.exports };
}

describe('reading a bundle', () => {
  it('gives each built bundle\'s text exactly as readFileSync does, on this Node', () => {
    const files = ['app.cjs', 'info.cjs', 'user.cjs', 'caps.cjs', 'cli.cjs', 'figures.cjs', ...readdirSync(join(ROOT, 'dist/vendor')).map((f) => `vendor/${f}`)];
    for (const f of files) expect(readBundle(join(ROOT, 'dist', f)) === readFileSync(join(ROOT, 'dist', f), 'utf8'), f).toBe(true);
  });

  it('falls back to the documented call when latin1Slice is missing or answers wrongly', () => {
    const file = join(ROOT, 'dist/info.cjs');
    const whole = readFileSync(file, 'utf8');
    const proto = Buffer.prototype as unknown as { latin1Slice?: unknown };
    const own = proto.latin1Slice;
    try {
      for (const stub of [undefined, () => whole.slice(0, -1), () => 42]) {
        proto.latin1Slice = stub;
        expect(readBundle(file) === whole).toBe(true);
      }
    } finally {
      proto.latin1Slice = own;
    }
  });
});

describe('the V8 code cache', () => {
  it('is optional: without one the file compiles and runs', () => {
    const dir = temp();
    writeFileSync(join(dir, 'plain.cjs'), 'module.exports = 7;\n');
    const { c, exports } = runFile(join(dir, 'plain.cjs'), join(dir, 'missing.cache'));
    expect(c.cache).toBe('missing');
    expect(exports).toBe(7);
    expect(runFile(join(dir, 'plain.cjs'), undefined).c.cache).toBe('missing');
  });

  it('once saved, is accepted by the same Node for the same code', () => {
    const dir = temp();
    const file = join(dir, 'sum.cjs');
    writeFileSync(file, 'module.exports = function sum(xs) { let s = 0; for (const x of xs) s += x; return s; };\n');
    const cache = join(dir, 'code', B1, 'node', 'sum.cache');
    const first = runFile(file, cache);
    expect((first.exports as (xs: number[]) => number)([1, 2, 3])).toBe(6);
    saveCache(cache, first.c.script.createCachedData());
    const second = runFile(file, cache);
    expect(second.c.cache).toBe('accepted');
    expect((second.exports as (xs: number[]) => number)([4, 5])).toBe(9);
    settleCache(second.c, true);
    // Written through a temporary file renamed into place: nothing else is left beside it,
    // readable by the user only.
    expect(readdirSync(join(dir, 'code', B1, 'node'))).toEqual(['sum.cache']);
    expect(statSync(cache).mode & 0o777).toBe(0o600);
  });

  it('is rejected by V8, and the file compiled afresh, when it belongs to other code', () => {
    const dir = temp();
    writeFileSync(join(dir, 'a.cjs'), 'module.exports = { answer: 41 + 1, other: [1, 2, 3].map((x) => x * 2) };\n');
    writeFileSync(join(dir, 'b.cjs'), 'module.exports = { answer: 42 };\n');
    const a = runFile(join(dir, 'a.cjs'), undefined);
    writeFileSync(join(dir, 'a.cache'), a.c.script.createCachedData());
    const b = runFile(join(dir, 'b.cjs'), join(dir, 'a.cache'));
    expect(b.c.cache).toBe('rejected');
    expect(b.exports).toEqual({ answer: 42 });
    // Garbage is refused the same way. (Another file: V8 keeps what this process compiled in
    // memory and does not look at the cache again for the same source.)
    writeFileSync(join(dir, 'c.cjs'), 'module.exports = { answer: 43 };\n');
    writeFileSync(join(dir, 'junk.cache'), Buffer.alloc(4096, 7));
    const junk = runFile(join(dir, 'c.cjs'), join(dir, 'junk.cache'));
    expect(junk.c.cache).toBe('rejected');
    expect(junk.exports).toEqual({ answer: 43 });
  });

  it('lives under the XDG cache directory, per build, Node version, CPU and Node flags', () => {
    const node = { version: 'v22.1.0', arch: 'x64', flags: '' };
    expect(codeCacheDir({ HOME: '/h' }, 'b1', node)).toBe('/h/.cache/acupress/code/b1/v22.1.0-x64');
    expect(codeCacheDir({ HOME: '/h', XDG_CACHE_HOME: '/x' }, 'b1', node)).toBe('/x/acupress/code/b1/v22.1.0-x64');
    // A relative XDG_CACHE_HOME is ignored, as the XDG spec says.
    expect(codeCacheDir({ HOME: '/h', XDG_CACHE_HOME: 'rel' }, 'b1', node)).toBe('/h/.cache/acupress/code/b1/v22.1.0-x64');
    expect(codeCacheDir({}, 'b1', node)).toBeUndefined();
    const flagged = codeCacheDir({ HOME: '/h' }, 'b1', { ...node, flags: '--max-old-space-size=100' })!;
    expect(flagged).toMatch(/^\/h\/\.cache\/acupress\/code\/b1\/v22\.1\.0-x64-[0-9a-f]{8}$/);
    expect(codeCacheDir({ HOME: '/h' }, 'b1', { ...node, flags: '--jitless' })).not.toBe(flagged);
  });

  it("a new build's first save keeps the two most recent other builds' caches, and other Nodes' of its own", () => {
    const code = join(temp(), 'code');
    const day = 86_400;
    [B1, B2, B3].forEach((b, i) => {
      mkdirSync(join(code, b, 'v20.0.0-x64'), { recursive: true });
      writeFileSync(join(code, b, 'v20.0.0-x64', 'app.cache'), 'x');
      // B1 is the oldest, B3 the newest.
      utimesSync(join(code, b), Date.now() / 1000 - (3 - i) * day, Date.now() / 1000 - (3 - i) * day);
    });
    saveCache(join(code, B4, 'v20.0.0-x64', 'app.cache'), Buffer.from('y'));
    expect(readdirSync(code).sort()).toEqual([B2, B3, B4]);
    // Another Node of a build that has a directory already removes nothing.
    saveCache(join(code, B4, 'v22.0.0-x64', 'app.cache'), Buffer.from('y'));
    expect(readdirSync(code).sort()).toEqual([B2, B3, B4]);
    expect(readdirSync(join(code, B4)).sort()).toEqual(['v20.0.0-x64', 'v22.0.0-x64']);
  });

  it("prunes only build directories of its own: never a link, a folder of the user's, or a file", () => {
    const root = temp();
    const code = join(root, 'code');
    const old = Date.now() / 1000 - 30 * 86_400;
    // The user's things: a folder and a file of their own, and a folder a link named like a build points to.
    const photos = join(root, 'photos');
    mkdirSync(join(photos, 'summer'), { recursive: true });
    writeFileSync(join(photos, 'summer', 'beach.jpg'), 'jpg');
    mkdirSync(join(code, 'Documents'), { recursive: true });
    writeFileSync(join(code, 'Documents', 'letter.txt'), 'dear');
    writeFileSync(join(code, 'notes.txt'), 'mine');
    symlinkSync(photos, join(code, 'aaaaaaaaaaaaaaaa'));
    for (const name of ['Documents', 'notes.txt']) utimesSync(join(code, name), old, old);
    // Four real old builds, all older than the user's things.
    [B1, B2, B3, '5555555555555555'].forEach((b, i) => {
      mkdirSync(join(code, b, 'n'), { recursive: true });
      utimesSync(join(code, b), old - (4 - i) * 86_400, old - (4 - i) * 86_400);
    });
    saveCache(join(code, B4, 'n', 'app.cache'), Buffer.from('y'));
    expect(readdirSync(code).sort()).toEqual([B3, B4, '5555555555555555', 'Documents', 'aaaaaaaaaaaaaaaa', 'notes.txt']);
    expect(readFileSync(join(photos, 'summer', 'beach.jpg'), 'utf8')).toBe('jpg');
    expect(readFileSync(join(code, 'Documents', 'letter.txt'), 'utf8')).toBe('dear');

    // A code/ that is itself a link (to the user's home, say) is never pruned at all.
    const home = join(root, 'home');
    for (const b of [B1, B2, B3]) mkdirSync(join(home, b), { recursive: true });
    const linked = join(root, 'cache', 'acupress');
    mkdirSync(linked, { recursive: true });
    symlinkSync(home, join(linked, 'code'));
    saveCache(join(linked, 'code', B4, 'n', 'app.cache'), Buffer.from('y'));
    expect(readdirSync(home).sort()).toEqual([B1, B2, B3, B4]);
  });

  it('writes its temporary file exclusively: a link planted at its name is never written through', () => {
    const dir = temp();
    const cache = join(dir, 'code', B1, 'n', 'app.cache');
    mkdirSync(join(cache, '..'), { recursive: true });
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, `${cache}.${process.pid}.tmp`);
    saveCache(cache, Buffer.from('cache bytes'));
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    // No cache this time (the next run makes one), and the planted link is gone.
    expect(existsSync(cache)).toBe(false);
    expect(readdirSync(join(cache, '..'))).toEqual([]);
    saveCache(cache, Buffer.from('cache bytes'));
    expect(readFileSync(cache, 'utf8')).toBe('cache bytes');
  });

  it('never throws when the cache cannot be written', () => {
    const dir = temp();
    writeFileSync(join(dir, 'file'), 'not a directory');
    expect(() => saveCache(join(dir, 'file', 'b', 'n', 'app.cache'), Buffer.from('x'))).not.toThrow();
  });

  it('reads only a regular file of the user\'s, writable by no one else, of up to 32 MB', () => {
    const dir = temp();
    const good = join(dir, 'good.cache');
    writeFileSync(good, 'cache bytes', { mode: 0o600 });
    const read = readCacheFile(good);
    expect(read !== undefined && read !== 'dropped' && read.data.toString()).toBe('cache bytes');
    const refused = (path: string) => expect(readCacheFile(path), path).toBeUndefined();
    refused(join(dir, 'missing.cache'));
    symlinkSync(good, join(dir, 'link.cache'));
    refused(join(dir, 'link.cache'));
    symlinkSync('/dev/zero', join(dir, 'zero.cache'));
    refused(join(dir, 'zero.cache'));
    mkdirSync(join(dir, 'dir.cache'));
    refused(join(dir, 'dir.cache'));
    writeFileSync(join(dir, 'empty.cache'), '');
    refused(join(dir, 'empty.cache'));
    for (const mode of [0o666, 0o620, 0o602]) {
      writeFileSync(join(dir, `w${mode}.cache`), 'cache bytes');
      chmodSync(join(dir, `w${mode}.cache`), mode);
      refused(join(dir, `w${mode}.cache`));
    }
    writeFileSync(join(dir, 'huge.cache'), '');
    truncateSync(join(dir, 'huge.cache'), 32 * 1024 * 1024 + 1);
    refused(join(dir, 'huge.cache'));
    // A cache planted by someone else (only root can make one here to test with).
    if (process.getuid!() === 0) {
      writeFileSync(join(dir, 'theirs.cache'), 'cache bytes', { mode: 0o600 });
      chownSync(join(dir, 'theirs.cache'), 65534, 65534);
      refused(join(dir, 'theirs.cache'));
    }
    // The refused files are left alone (saving a new cache replaces what is at the path).
    expect(readFileSync(join(dir, 'w438.cache'), 'utf8')).toBe('cache bytes');
  });

  it('marks a cache in use while the run uses it; a run that finds the mark deletes it and compiles afresh', () => {
    const dir = temp();
    const file = join(dir, 'm.cjs');
    writeFileSync(file, 'module.exports = [1, 2, 3].map((x) => x * 3);\n');
    const cache = join(dir, 'code', B1, 'n', 'm.cache');
    const first = runFile(file, cache);
    settleCache(first.c, true);
    expect(first.c.cache).toBe('missing');
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    // A run uses it: marked while it runs, unmarked and kept once it has finished well.
    const using = compileWithCache(file, cache);
    expect(using.cache).toBe('accepted');
    expect(statSync(cache).mode & 0o777).toBe(0o700);
    settleCache(using, true);
    expect(statSync(cache).mode & 0o777).toBe(0o600);

    // A run that died using it left its mark: the next deletes it, compiles afresh, saves anew.
    const dying = compileWithCache(file, cache);
    expect(dying.cache).toBe('accepted');
    const before = statSync(cache).ino; // Still open by `dying`: its number cannot be reused.
    const next = runFile(file, cache);
    expect(next.c.cache).toBe('dropped');
    expect(next.exports).toEqual([3, 6, 9]);
    expect(existsSync(cache)).toBe(false);
    settleCache(next.c, true);
    expect(statSync(cache).ino).not.toBe(before);
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    // Had the "dead" run been alive, using the old file, its end leaves the new one alone: the
    // mark it clears is on the file it opened.
    settleCache(dying, true);
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    const after = readCacheFile(cache);
    expect(after !== undefined && after !== 'dropped').toBe(true);
  });

  it('after an internal error, deletes the caches the run read and saves none', () => {
    const dir = temp();
    const file = join(dir, 'e.cjs');
    writeFileSync(file, 'module.exports = "e";\n');
    const cache = join(dir, 'code', B1, 'n', 'e.cache');
    settleCache(runFile(file, cache).c, false);
    expect(existsSync(cache)).toBe(false);
    settleCache(runFile(file, cache).c, true);
    expect(existsSync(cache)).toBe(true);
    const failed = runFile(file, cache);
    expect(failed.c.cache).toBe('accepted');
    settleCache(failed.c, false);
    expect(existsSync(cache)).toBe(false);
  });

  it('drops a cache whose code throws as it is compiled, and compiles the file afresh in the same run', () => {
    const dir = temp();
    const source = 'module.exports = { answer: 6 * 7 };\n';
    writeFileSync(join(dir, 'd.cjs'), source);
    // V8 checks a cache's source by its length only: a cache made from other code of the same
    // length is accepted, as a damaged one is. This one's code throws instead of giving the function.
    const other = "throw new Error('damaged');";
    const damaged = new Script(other.padEnd(wrapped(source).length, ' '), { filename: 'other.cjs' }).createCachedData();
    const cache = join(dir, 'code', B1, 'n', 'd.cache');
    mkdirSync(join(cache, '..'), { recursive: true });
    writeFileSync(cache, damaged, { mode: 0o600 });
    const { c, exports } = runFile(join(dir, 'd.cjs'), cache);
    expect(c.cache).toBe('dropped');
    expect(exports).toEqual({ answer: 42 });
    expect(existsSync(cache)).toBe(false);
    settleCache(c, true);
    expect(existsSync(cache)).toBe(true);
  });

  it('can run the built app: no real import() is left in it (vm.Script has no loader for one)', () => {
    for (const file of ['dist/app.cjs', 'dist/user.cjs', 'dist/cli.cjs']) expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/\bimport\(/);
  });
});

describe('the built CLI and its code caches', () => {
  const run = (home: string, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home } });
  const cacheOf = (home: string) => {
    const code = join(home, '.cache', 'acupress', 'code');
    const [build] = readdirSync(code);
    const [node] = readdirSync(join(code, build!));
    expect(node).toBe(`${process.version}-${process.arch}`);
    return join(code, build!, node!);
  };

  it('saves a cache on the first run, reads it on the next, and replaces one V8 refuses', () => {
    const home = temp();
    const first = run(home, 'show', 'LI4');
    expect(first.status).toBe(0);
    const dir = cacheOf(home);
    const file = join(dir, 'app.show.cache');
    const made = statSync(file);
    expect(made.size).toBeGreaterThan(10_000);
    // Every directory it made is the user's alone (as the XDG spec asks of ~/.cache), like the file.
    for (let d = dir; d !== home; d = join(d, '..')) expect((statSync(d).mode & 0o777).toString(8), d).toBe('700');
    expect((made.mode & 0o777).toString(8)).toBe('600');
    // Accepted: the second run prints the same and leaves the file alone.
    const second = run(home, 'show', 'LI4');
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(file).ino).toBe(made.ino);
    // Refused (here, garbage of the same size): the run is still right, and the cache is replaced.
    writeFileSync(file, Buffer.alloc(made.size, 1));
    const third = run(home, 'show', 'LI4');
    expect(third.stdout).toBe(first.stdout);
    expect(third.stderr).toBe('');
    expect(readFileSync(file).equals(Buffer.alloc(made.size, 1))).toBe(false);
  });

  it("loads the YAML code (dist/user.cjs) only for YAML to parse: not for show, list or check, nor a profile as acupress writes it or with its list on one line", () => {
    const home = temp();
    const caches = () => readdirSync(cacheOf(home)).sort();
    for (const args of [['show', 'LI4'], ['list'], ['check', 'LI4', '--pregnant']]) expect(run(home, ...args).status, args.join(' ')).not.toBe(2);
    expect(caches()).toEqual(['app.check.cache', 'app.list.cache', 'app.show.cache']);
    // The profile as the first-run question writes it is read without the YAML code, and so is its
    // list on one line, as people write it by hand; any other form needs the parser, and with it
    // user.cjs (and yaml and zod).
    mkdirSync(join(home, '.config', 'acupress'), { recursive: true });
    for (const text of ['conditions:\n  - pregnancy\n', 'conditions: [pregnancy]\n']) {
      writeFileSync(join(home, '.config', 'acupress', 'profile.yaml'), text);
      expect(run(home, 'show', 'LI4').stderr).toContain('Using your safety profile: pregnancy');
      expect(caches()).not.toContain('user.cache');
    }
    writeFileSync(join(home, '.config', 'acupress', 'profile.yaml'), '{ conditions: [pregnancy] }\n');
    expect(run(home, 'show', 'LI4').stderr).toContain('Using your safety profile: pregnancy');
    expect(caches()).toContain('user.cache');
  });

  it('app.cjs reaches each module of user.cjs by a name user.cjs gives it (a typo would fail only at run time)', () => {
    const app = readFileSync(join(ROOT, 'dist/app.cjs'), 'utf8');
    const names = [...app.matchAll(/require\("\.\/user\.cjs"\)\.modules\["([a-z-]+)"\]/g)].map((m) => m[1]).sort();
    expect(names).toEqual(['build-builtin', 'load-files', 'profile-store', 'routine-file']);
    const file = join(ROOT, 'dist/user.cjs');
    const mod = { exports: {} as { modules: Record<string, Record<string, unknown>> } };
    compileWithCache(file, undefined).run(mod.exports, createRequire(file), mod, file, join(file, '..'));
    const user = mod.exports;
    for (const name of names) expect(Object.keys(user.modules[name!]!).length, name).toBeGreaterThan(0);
  });

  it('keeps one cache per command, and commander and the libraries it loads in caches of their own', () => {
    const home = temp();
    expect(run(home, 'run', 'LI4', '--dry-run').status).toBe(0);
    expect(readdirSync(cacheOf(home)).sort()).toEqual(['app.run.cache', 'cli.cache', 'vendor-commander.cache']);
    // Help and the version are answered by info.cjs alone: neither app.cjs nor commander is loaded.
    const quick = temp();
    for (const argv of [['--version'], ['--help'], ['show', '--help'], ['help', 'check']]) expect(run(quick, ...argv).status).toBe(0);
    expect(readdirSync(cacheOf(quick))).toEqual(['info.cache']);
    // A help line info.cjs declines goes on to app.cjs and commander.
    expect(run(quick, '--help', 'show', 'LI4').status).toBe(0);
    expect(readdirSync(cacheOf(quick)).sort()).toEqual(['app.info.cache', 'cli.cache', 'info.cache', 'vendor-commander.cache']);
    // A word that is no command (commander's to answer) falls to the shared cache.
    expect(run(quick, 'lsit').status).toBe(2);
    expect(readdirSync(cacheOf(quick)).sort()).toEqual(['app.cache', 'app.info.cache', 'cli.cache', 'info.cache', 'vendor-commander.cache']);
  });

  it('writes nothing with ACUPRESS_NO_CODE_CACHE set, or without a home', () => {
    const home = temp();
    const r = spawnSync(process.execPath, [BIN, 'list'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home, ACUPRESS_NO_CODE_CACHE: '1' } });
    expect(r.status).toBe(0);
    expect(existsSync(join(home, '.cache', 'acupress', 'code'))).toBe(false);
  });
});
