// The built CLI's entry (dist/main.cjs). It compiles our bundles (dist/app.cjs, then cli.cjs and
// dist/vendor/*.cjs when app.cjs asks for them) with V8 code caches, which turn ~3 ms of compiling
// into ~1 ms of reading. A cache is valid only for the V8 that made it, so they live in the
// user's cache directory, per build and per Node (code-cache.ts): the first run of a command
// line compiles as usual and saves what it compiled, later runs read it. V8 checks every cache
// against its version, flags and source length and compiles afresh when they differ; a refused
// cache is replaced. V8 does not check a cache's contents, so a damaged one is guarded against
// here and in code-cache.ts: each is marked in use while the run uses it, code from a cache
// that throws as it loads is compiled again without it, and after an internal error the caches
// the run read are deleted.
import { join } from 'node:path';
import { codeCacheDir, compileAfresh, compileWithCache, settleCache, type Compiled } from './code-cache.js';
import { damagedInstall } from '../model/damaged-install.js';

declare const ACUPRESS_BUILD_ID: string;
/** The command names of the table (src/cli/spec.ts), put in by the build. */
declare const ACUPRESS_COMMANDS: string[];

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
// correctness.
const word = argv.find((a) => !a.startsWith('-'));
const info = argv.some((a) => a === '--help' || a === '-h' || a === '--version' || a === '-V') || word === 'help';
const appCache = info ? 'app.info' : word !== undefined && ACUPRESS_COMMANDS.includes(word) ? `app.${word}` : 'app';

/** EXIT.internal (model/errors.ts), not imported: main.cjs stays small. */
const INTERNAL_ERROR = 70;

/**
 * A bundle that cannot be read or compiled (truncated, edited, missing): the installation is
 * damaged. An error the shell (cli/shell.ts) prints as one line with exit 70, as it does the
 * snapshot's (store/snapshot.ts): model/errors.ts's ExitError brand, not imported, so main.cjs
 * stays small.
 */
function damaged(file: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const what = code === 'ENOENT' ? 'is missing' : `is damaged (${code ?? (e instanceof Error ? `${e.name}: ${e.message}` : String(e))})`;
  return Object.assign(new Error(damagedInstall(`file ${file}`, what)), { exitCode: INTERNAL_ERROR, [Symbol.for('acupress.ExitError')]: true });
}

/** Compile a bundle; any failure to is the file's own (code-cache.ts handles a damaged cache). */
function compileOrDamaged<T>(file: string, compile: () => T): T {
  try {
    return compile();
  } catch (e) {
    throw damaged(file, e);
  }
}

/** What this run compiled, with the caches it read or will save (settleCache). */
const loaded: Compiled[] = [];

/** Load one of our bundles (a path under dist/, without .cjs) through its code cache, as require would. */
function load(name: string, cacheName: string): unknown {
  const file = join(__dirname, `${name}.cjs`);
  const cacheFile = cacheDir && join(cacheDir, `${cacheName}.cache`);
  let c = compileOrDamaged(file, () => compileWithCache(file, cacheFile));
  let mod = { exports: {} };
  try {
    c.run(mod.exports, appRequire, mod, file, __dirname);
  } catch (e) {
    // Our bundles' top level only defines things: when code from a cache throws there, the cache
    // is damaged. Load the file again without it; code that throws afresh is ours, and throws.
    if (c.cache !== 'accepted') throw e;
    c = compileOrDamaged(file, () => compileAfresh(file, c));
    mod = { exports: {} };
    c.run(mod.exports, appRequire, mod, file, __dirname);
  }
  if (cacheFile) loaded.push(c);
  // Each of our files exports something; an emptied one compiles to a module of nothing, which
  // would fail later as a TypeError worded as our bug.
  const exported: unknown = mod.exports;
  if (exported === null || (typeof exported !== 'object' && typeof exported !== 'function') || Reflect.ownKeys(exported).length === 0) throw damaged(file, 'it defines nothing');
  return exported;
}

const modules = new Map<string, unknown>();
/**
 * require for the bundles: './cli.cjs', './figures.cjs' and './vendor/….cjs' go through the code
 * cache too. Every answer is kept: each module of a bundle requires node:fs and node:path for
 * itself, two dozen calls into Node's loader that cost Node 22 about 0.3 ms of a start.
 */
const appRequire = Object.assign((id: string): unknown => {
  if (!modules.has(id)) {
    const name = id.slice(2, -4);
    modules.set(id, id.startsWith('./') && id.endsWith('.cjs') ? load(name, name.replace('/', '-')) : require(id));
  }
  return modules.get(id);
}, require);

/**
 * After the command, so the functions it ran are compiled and go into the cache. A run that
 * never gets here (a crash, a kill) leaves its caches marked, and the next run deletes them.
 */
const settleCaches = () => {
  const ok = Number(process.exitCode ?? 0) !== INTERNAL_ERROR;
  for (const c of loaded) settleCache(c, ok);
};

/** main never throws, unless code from a damaged cache broke it: keep none of the caches. */
const dropCaches = (e: unknown) => {
  for (const c of loaded) settleCache(c, false);
  throw e;
};

/**
 * An entry bundle that is damaged, before any shell is there to report it: the one line the
 * shell would print (control characters escaped, as its safeLines does), and exit 70. Anything
 * else is a bug of the loader's own, and Node reports it in full.
 */
function entryFailed(e: unknown): void {
  if (!(e instanceof Error) || (e as unknown as Record<symbol, unknown>)[Symbol.for('acupress.ExitError')] !== true) throw e;
  process.stderr.write(`acupress: ${e.message.replace(/[\u0000-\u001f\u007f-\u009f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)}\n`);
  process.exitCode = INTERNAL_ERROR;
}

/** The whole CLI (app.cjs). */
const runApp = () => {
  let app: App;
  try {
    app = load('app', appCache) as App;
  } catch (e) {
    return entryFailed(e);
  }
  return app.main(argv).then(settleCaches, dropCaches);
};

// A help or version line is answered by info.cjs, a fifth of app.cjs's size; it declines any
// other line (the guess above is looser than the quick path), and app.cjs runs it.
if (info) {
  let infoMain: Info | undefined;
  try {
    infoMain = load('info', 'info') as Info;
  } catch (e) {
    entryFailed(e);
  }
  void infoMain?.main(argv).then((done) => (done ? settleCaches() : runApp()), dropCaches);
} else {
  void runApp();
}
