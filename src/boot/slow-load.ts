// The loader's slow path (dist/slow-load.cjs), required by main.cjs (boot/loader.ts) only when
// its fast path cannot load a bundle from a trusted, accepted code cache: the first run of a
// command line, a cache V8 refused or that could not be trusted, a damaged bundle or cache, an
// internal error. Node compiles main.cjs from source on every start (about 0.12 million
// instructions a kilobyte to pre-parse, more for each function that runs; BENCHMARKS.md, session
// 10): keeping all this out of it saves every other start that work.
import { compileAfresh, compileWithCache, settleCache, type Compiled } from './code-cache.js';
import { damagedFile as damaged } from './damaged-file.js';

export { settleCache };

/** Compile a bundle; any failure to is the file's own (code-cache.ts handles a damaged cache). */
function compileOrDamaged<T>(file: string, compile: () => T): T {
  try {
    return compile();
  } catch (e) {
    throw damaged(file, e);
  }
}

/**
 * Load one of our bundles (`file`, a dist/*.cjs path) as require would, through the code cache
 * in `cacheFile` (undefined: none): its exports, and what was compiled, for settleCache. `seen`:
 * this process has compiled the file's text already, from a cache whose code then threw (the
 * fast path's), so that cache is marked and is dropped here, and the text is compiled afresh.
 * Throws the damaged-install error when the bundle cannot be read or compiled or defines nothing.
 */
export function loadSlow(file: string, cacheFile: string | undefined, require: NodeJS.Require, dir: string, seen = false): { exports: unknown; compiled: Compiled } {
  let c = compileOrDamaged(file, () => compileWithCache(file, cacheFile, seen));
  let mod = { exports: {} };
  try {
    c.run(mod.exports, require, mod, file, dir);
  } catch (e) {
    // Our bundles' top level only defines things: when code from a cache throws there, the cache
    // is damaged. Load the file again without it; code that throws afresh is ours, and throws.
    if (c.cache !== 'accepted') throw e;
    c = compileOrDamaged(file, () => compileAfresh(file, c));
    mod = { exports: {} };
    c.run(mod.exports, require, mod, file, dir);
  }
  // Each of our files exports something; an emptied one compiles to a module of nothing, which
  // would fail later as a TypeError worded as our bug.
  const exported: unknown = mod.exports;
  if (exported === null || (typeof exported !== 'object' && typeof exported !== 'function') || Reflect.ownKeys(exported).length === 0) {
    settleCache(c, false);
    throw damaged(file, 'it defines nothing');
  }
  return { exports: exported, compiled: c };
}
