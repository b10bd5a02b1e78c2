import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { codeCacheDir, compileWithCache, saveCache } from '../src/boot/code-cache.js';
import { BIN, ROOT, tempDir } from './helpers.js';

const require = createRequire(import.meta.url);
const temp = () => tempDir('acupress-cache-');

/** Compile and run a CommonJS file through the cache; its exports. */
function runFile(file: string, cache: string | undefined) {
  const c = compileWithCache(file, cache);
  const mod = { exports: {} as unknown };
  c.run(mod.exports as object, require, mod, file, join(file, '..'));
  return { c, exports: mod.exports };
}

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
    const cache = join(dir, 'code', 'b1', 'node', 'sum.cache');
    const first = runFile(file, cache);
    expect((first.exports as (xs: number[]) => number)([1, 2, 3])).toBe(6);
    saveCache(cache, first.c.script.createCachedData());
    const second = runFile(file, cache);
    expect(second.c.cache).toBe('accepted');
    expect((second.exports as (xs: number[]) => number)([4, 5])).toBe(9);
    // Written through a temporary file renamed into place: nothing else is left beside it.
    expect(readdirSync(join(dir, 'code', 'b1', 'node'))).toEqual(['sum.cache']);
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
    ['b1', 'b2', 'b3'].forEach((b, i) => {
      mkdirSync(join(code, b, 'v20.0.0-x64'), { recursive: true });
      writeFileSync(join(code, b, 'v20.0.0-x64', 'app.cache'), 'x');
      // b1 is the oldest, b3 the newest.
      utimesSync(join(code, b), Date.now() / 1000 - (3 - i) * day, Date.now() / 1000 - (3 - i) * day);
    });
    saveCache(join(code, 'b4', 'v20.0.0-x64', 'app.cache'), Buffer.from('y'));
    expect(readdirSync(code).sort()).toEqual(['b2', 'b3', 'b4']);
    // Another Node of a build that has a directory already removes nothing.
    saveCache(join(code, 'b4', 'v22.0.0-x64', 'app.cache'), Buffer.from('y'));
    expect(readdirSync(code).sort()).toEqual(['b2', 'b3', 'b4']);
    expect(readdirSync(join(code, 'b4')).sort()).toEqual(['v20.0.0-x64', 'v22.0.0-x64']);
  });

  it('never throws when the cache cannot be written', () => {
    const dir = temp();
    writeFileSync(join(dir, 'file'), 'not a directory');
    expect(() => saveCache(join(dir, 'file', 'b', 'n', 'app.cache'), Buffer.from('x'))).not.toThrow();
  });

  it('can run the built app: no real import() is left in it (vm.Script has no loader for one)', () => {
    for (const file of ['dist/app.cjs', 'dist/cli.cjs']) expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/\bimport\(/);
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
