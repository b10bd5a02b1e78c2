// The built CLI's entry (dist/main.cjs). It compiles dist/app.cjs with the V8 code cache made
// at build time (dist/app.cache), which turns ~4 ms of compiling into ~1 ms of reading, then
// runs it. V8 checks the cache against its version and flags and silently compiles afresh when
// they differ, so a cache from another Node costs nothing but the read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWithCache } from './code-cache.js';

type App = { main(argv: string[]): Promise<void> };

// Cron and some service managers run without HOME: ask the system, here rather than in the
// app, so node:os is loaded only then (paths.ts reads HOME from the environment).
if (!process.env.HOME) process.env.HOME = require('node:os').homedir();

const file = join(__dirname, 'app.cjs');
const cacheFile = join(__dirname, 'app.cache');
const { script, run } = compileWithCache(file, cacheFile);
const mod = { exports: {} as App };
// This file sits next to app.cjs, so its own require resolves app.cjs's './vendor/…' alike
// (and createRequire would cost node:module).
run(mod.exports, require, mod, file, __dirname);

const training = process.env.ACUPRESS_TRAIN_CODE_CACHE;
if (training === undefined) {
  void mod.exports.main(process.argv.slice(2));
} else {
  // Build time: run typical command lines so their functions are compiled, then save the
  // cache with them in it.
  void (async () => {
    for (const argv of JSON.parse(training) as string[][]) await mod.exports.main(argv);
    writeFileSync(cacheFile, script.createCachedData());
    process.exitCode = 0;
  })();
}
