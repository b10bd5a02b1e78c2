// Compiling a CommonJS file with a V8 code cache (see loader.ts for why).
import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';

/** A compiled file: its module function, and the script (for createCachedData and checks). */
export interface Compiled {
  script: Script;
  run: (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
}

/** Compile `file` as a CommonJS module, using `cacheFile` when V8 accepts it. */
export function compileWithCache(file: string, cacheFile: string): Compiled {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The CommonJS wrapper on the source's first line, so stack traces keep their line numbers.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file, cachedData });
  return { script, run: script.runInThisContext() };
}
