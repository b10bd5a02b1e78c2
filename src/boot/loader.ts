// The built CLI's entry (dist/main.cjs). It compiles our bundles (dist/app.cjs, then user.cjs,
// cli.cjs and dist/vendor/*.cjs when app.cjs asks for them) with V8 code caches, which turn ~3 ms
// of compiling into ~1 ms of reading. A cache is valid only for the V8 that made it, so they live
// in the user's cache directory, per build and per Node (code-cache.ts): the first run of a command
// line compiles as usual and saves what it compiled, later runs read it. V8 checks every cache
// against its version, flags and source length and compiles afresh when they differ; a refused
// cache is replaced. V8 does not check a cache's contents, so a damaged one is guarded against
// in code-cache.ts: each is marked in use while the run uses it, code from a cache that throws
// as it loads is compiled again without it, and after an internal error the caches the run read
// are deleted.
//
// Node compiles this file from source on every start (it offers no cache for the entry): about
// 0.12 million instructions a kilobyte to pre-parse, and more for each function the first time it
// runs. So it holds only the fast path, a trusted cache that V8 accepts and code that loads. Anything
// else (no cache yet, a refused or untrusted one, a damaged bundle or cache, saving a cache) is
// slow-load.ts's, in dist/slow-load.cjs, required only then (BENCHMARKS.md, session 10).
import { closeSync, fstatSync, readSync, openSync, fchmodSync } from 'node:fs';
import { Script } from 'node:vm';
import { CACHE_OPEN, codeCacheDir, IN_USE, readBundle, trustable, wrapModule, type Compiled } from './code-cache.js';
import { damagedFile as damaged, INTERNAL_ERROR } from './damaged-file.js';

declare const ACUPRESS_BUILD_ID: string;
/** The command names of the table (src/cli/spec.ts), put in by the build. */
declare const ACUPRESS_COMMANDS: string[];

type Slow = typeof import('./slow-load.js');
type App = { main(argv: string[]): Promise<void> };
type Info = { main(argv: string[]): Promise<boolean> };

// Cron and some service managers run without HOME: ask the system, here rather than in the
// app, so node:os is loaded only then (paths.ts reads HOME from the environment).
// homedir() throws when the system has no home for this user either; then HOME stays unset and
// acupress goes without the user's files, with a warning (store/paths.ts).
if (!process.env.HOME) {
  try {
    process.env.HOME = require('node:os').homedir();
  } catch {
    // No home at all.
  }
}

const argv = process.argv.slice(2);
const cacheDir = process.env.ACUPRESS_NO_CODE_CACHE
  ? undefined
  : codeCacheDir(process.env, ACUPRESS_BUILD_ID, { version: process.version, arch: process.arch, flags: [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim() });

// A V8 cache is read whole and holds what the run that made it compiled, so each command
// word has its own: a small one for help and the version, and `show` never reads `run`'s code
// (which saves 0.4–1 ms). The guess only picks a file; a wrong one costs a little speed, never
// correctness. (Loops, not find/some: each callback is one more function to compile.)
let word: string | undefined;
let info = false;
for (const a of argv) {
  if (a === '--help' || a === '-h' || a === '--version' || a === '-V') info = true;
  else if (word === undefined && !a.startsWith('-')) word = a;
}
if (word === 'help') info = true;
const appCache = info ? 'app.info' : word !== undefined && ACUPRESS_COMMANDS.includes(word) ? `app.${word}` : 'app';

let slowLoad: Slow | undefined;
/**
 * The slow path (slow-load.ts), loaded on first need: a plain require, with no cache of its own.
 * Throws the damaged-install error when it is missing, does not compile or lacks its exports.
 */
function slow(): Slow {
  if (slowLoad) return slowLoad;
  const file = `${__dirname}/slow-load.cjs`;
  let m: Partial<Slow> | undefined;
  let whole: boolean;
  try {
    // Read first as every bundle is (readBundle): require would wait forever on a FIFO in the
    // file's place, and call a directory or a link loop "missing".
    readBundle(file);
    m = require(file) as Partial<Slow>;
    whole = typeof m?.loadSlow === 'function' && typeof m.settleCache === 'function';
  } catch (e) {
    throw damaged(file, e);
  }
  if (!whole) throw damaged(file, 'it defines none of the loader\'s functions');
  return (slowLoad = m as Slow);
}

/** A cache the fast path read: still open, and marked in use (its mode before the mark) until settle(). */
interface Held {
  cacheFile: string;
  fd: number;
  mode: number;
}
/** The caches this run read: the fast path's, still open and marked, or the slow path's compiles. */
const loaded: Array<Held | Compiled> = [];

/**
 * Load one of our bundles (a path under dist/, without .cjs) as require would: through its code
 * cache when that cache is there and trusted and its code loads (the fast path, all in this one
 * function: in this file each function costs its compile on every start), else through the slow
 * path. The fast path keeps the cache marked in use until settle(), which has a cache V8 refused
 * replaced. Code from the cache that failed (a compile or a top level that throws, or one that
 * defines nothing: the cache is damaged) leaves it marked, for the slow path to drop.
 */
function load(name: string, cacheName: string): unknown {
  const file = `${__dirname}/${name}.cjs`;
  const cacheFile = cacheDir && `${cacheDir}/${cacheName}.cache`;
  let seen = false;
  if (cacheFile) {
    let fd = -1;
    let mode = -1;
    try {
      fd = openSync(cacheFile, CACHE_OPEN);
      const st = fstatSync(fd);
      if (trustable(st) && !(st.mode & IN_USE)) {
        mode = st.mode & 0o7777;
        fchmodSync(fd, mode | IN_USE);
        // A file cut short meanwhile: V8 refuses the part, as it refuses any cache of the wrong length.
        const data = Buffer.allocUnsafe(st.size);
        const got = readSync(fd, data, 0, st.size, 0);
        const source = wrapModule(readBundle(file));
        seen = true;
        const script = new Script(source, { filename: file, cachedData: got === st.size ? data : data.subarray(0, got) });
        const run = script.runInThisContext() as Compiled['run'];
        const mod = { exports: {} };
        run(mod.exports, appRequire, mod, file, __dirname);
        // V8 refuses a cache of a bundle whose length changed, so code from an accepted cache
        // that defines nothing is the cache's fault: it stays marked (seen) for the slow path.
        if (Reflect.ownKeys(mod.exports).length > 0) {
          // A cache V8 refused (compiling afresh) is replaced after the command, by the slow path.
          loaded.push(script.cachedDataRejected ? { script, run, cache: 'rejected', cacheFile, held: { data, fd, mode } } : { cacheFile, fd, mode });
          fd = -1;
          return mod.exports;
        }
        seen = !script.cachedDataRejected;
      }
    } catch {
      // Not loaded here: the slow path says why, if it is the bundle's fault.
    }
    // Not kept: closed, and the mark cleared unless the cache's code failed (then the slow path
    // sees the mark and deletes the cache).
    if (fd >= 0) {
      try {
        if (mode >= 0 && !seen) fchmodSync(fd, mode);
      } catch {
        // The mark stays: the next run deletes this cache, which only costs it a compile.
      }
      try {
        closeSync(fd);
      } catch {
        // Nothing to do.
      }
    }
  }
  const { exports, compiled } = slow().loadSlow(file, cacheFile, appRequire, __dirname, seen);
  if (cacheFile) loaded.push(compiled);
  return exports;
}

const modules = new Map<string, unknown>();
/**
 * require for the bundles: './user.cjs', './cli.cjs', './figures.cjs' and './vendor/….cjs' go
 * through the code cache too. Every answer is kept: each module of a bundle requires node:fs
 * and node:path for itself, two dozen calls into Node's loader that cost Node 22 about 0.3 ms
 * of a start.
 */
const appRequire = ((id: string): unknown => {
  if (!modules.has(id)) {
    const name = id.slice(2, -4);
    modules.set(id, id.startsWith('./') && id.endsWith('.cjs') ? load(name, name.replace('/', '-')) : require(id));
  }
  return modules.get(id);
}) as NodeJS.Require;

/**
 * After the command (`ok`: it did not end in an internal error, which a damaged cache may cause),
 * so the functions it ran are compiled and go into the caches the slow path saves. A cache the
 * fast path read has its mark cleared (`ok`) or is deleted. A run that never gets here (a crash,
 * a kill) leaves its caches marked, and the next run deletes them.
 */
function settle(ok: boolean): void {
  for (const c of loaded) {
    try {
      if ('script' in c) slow().settleCache(c, ok);
      else if (ok) {
        try {
          fchmodSync(c.fd, c.mode);
        } finally {
          closeSync(c.fd);
        }
      } else {
        // Deleted, by the slow path's code for it (a rare end: an internal error).
        slow().settleCache({ cacheFile: c.cacheFile, held: c, cache: 'accepted' } as unknown as Compiled, false);
      }
    } catch {
      // A mark that stays costs the next run a compile; a damaged slow path (the next run that
      // needs it says so) cannot save this cache: it stays marked, and the next run deletes it.
    }
  }
}

/** Print a damaged bundle's one line (control characters escaped, as the shell's safeLines does) and exit 70. */
function damagedExit(e: unknown): undefined {
  if (!(e instanceof Error) || (e as unknown as Record<symbol, unknown>)[Symbol.for('acupress.ExitError')] !== true) throw e;
  process.stderr.write(`acupress: ${e.message.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)}\n`);
  process.exitCode = INTERNAL_ERROR;
  return undefined;
}

/**
 * An entry bundle, or undefined when it is damaged: then the one line the shell would print, and
 * exit 70. Anything else is a bug of the loader's own, and Node reports it in full.
 */
function entry<T>(name: string, cacheName: string): T | undefined {
  try {
    const exports = load(name, cacheName);
    // Kept for appRequire too: app.cjs requires info.cjs for a help line it answers itself, and
    // a second load would find info's cache marked in use by this very run.
    modules.set(`./${name}.cjs`, exports);
    return exports as T;
  } catch (e) {
    return damagedExit(e);
  }
}

/** Run an entry's main, then settle the caches; main never throws, unless code from a damaged cache broke it: then keep none. */
const settled = <T>(p: Promise<T> | undefined, then: (value: T) => unknown) =>
  p?.then(then, (e: unknown) => {
    settle(false);
    throw e;
  });
const ended = () => settle(Number(process.exitCode ?? 0) !== INTERNAL_ERROR);
/** The whole CLI (app.cjs). */
const runApp = () => settled(entry<App>('app', appCache)?.main(argv), ended);

// A help or version line is answered by info.cjs, a fifth of app.cjs's size; it declines any
// other line (the guess above is looser than the quick path), and app.cjs runs it.
if (info) void settled(entry<Info>('info', 'info')?.main(argv), (done) => (done ? ended() : runApp()));
else void runApp();
