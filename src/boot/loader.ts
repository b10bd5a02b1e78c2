// The built CLI's entry (dist/main.cjs). It compiles dist/app.cjs with the V8 code cache made
// at build time (dist/app.cache), which turns ~3 ms of compiling into ~1 ms of reading, then
// runs it; dist/cli.cjs (commander's side) gets the same when app.cjs asks for it. V8 checks a
// cache against its version and flags and silently compiles afresh when they differ, so a
// cache from another Node costs nothing but the read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWithCache, type Compiled } from './code-cache.js';

type App = { main(argv: string[]): Promise<void> };

// Cron and some service managers run without HOME: ask the system, here rather than in the
// app, so node:os is loaded only then (paths.ts reads HOME from the environment).
if (!process.env.HOME) process.env.HOME = require('node:os').homedir();

// A V8 cache is read whole, so the read-only commands each have one holding only their own
// code (show's is 120 KB against 150 KB for all of them), which saves 0.4–1 ms. The guess
// only picks a file; a wrong one costs a little speed, never correctness.
const training = process.env.ACUPRESS_TRAIN_CODE_CACHE;
const plan = training === undefined ? undefined : (JSON.parse(training) as { cache: string; lines: string[][] });
const argv = process.argv.slice(2);
const word = argv.find((a) => !a.startsWith('-'));
const appCache = plan?.cache ?? (word === 'show' || word === 'list' || word === 'check' ? `app.${word}` : 'app');

const caches: Array<[file: string, compiled: Compiled]> = [];

/** Load one of our bundles next to this file through its code cache, as require would. */
function load(name: 'app' | 'cli'): unknown {
  const file = join(__dirname, `${name}.cjs`);
  const cacheFile = join(__dirname, `${name === 'app' ? appCache : name}.cache`);
  const c = compileWithCache(file, cacheFile);
  caches.push([cacheFile, c]);
  const mod = { exports: {} };
  // This file sits next to the bundles, so its own require resolves their './vendor/…' alike.
  c.run(mod.exports, appRequire, mod, file, __dirname);
  return mod.exports;
}

let cli: unknown;
/** require for the bundles: './cli.cjs' goes through the code cache too. */
const appRequire = Object.assign((id: string): unknown => (id === './cli.cjs' ? (cli ??= load('cli')) : require(id)), require);

const app = load('app') as App;
if (plan === undefined) {
  void app.main(argv);
} else {
  // Build time: run typical command lines so their functions are compiled, then save each
  // loaded bundle's cache with them in it.
  void (async () => {
    for (const argv of plan.lines) await app.main(argv);
    for (const [file, c] of caches) writeFileSync(file, c.script.createCachedData());
    process.exitCode = 0;
  })();
}
