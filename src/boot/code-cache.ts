// V8 code caches for our CommonJS bundles (see loader.ts for why), kept in the user's cache
// directory, one set per build of acupress and per Node: a cache is only valid for the V8 that
// made it, so the package cannot ship one that helps every Node.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The CommonJS module wrapper, as Node's own loader writes it; our bundles start with it. */
export const MODULE_HEAD = '(function (exports, require, module, __filename, __dirname) {';
/** The wrapper's end, on a line of its own (a bundle may end in a line comment). */
export const MODULE_TAIL = '\n})';

/** A compiled file: its module function, and the script (for createCachedData and checks). */
export interface Compiled {
  script: Script;
  run: (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  /** What happened to the cache: used, refused by V8, or absent. */
  cache: 'accepted' | 'rejected' | 'missing';
}

/**
 * Compile `file` as a CommonJS module, with the code cache in `cacheFile` (a path, or undefined
 * for none). V8 checks a cache against its own version, flags and the source, and compiles
 * afresh when any differ; `cache` says which happened.
 */
export function compileWithCache(file: string, cacheFile: string | undefined): Compiled {
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const text = readFileSync(file, 'utf8');
  // Our bundles carry the wrapper (scripts/build.mjs: wrapping here copies the whole text);
  // the libraries' files get it here, on the source's first line so stack traces keep their lines.
  const source = text.startsWith(MODULE_HEAD) ? text : `${MODULE_HEAD}${text}${MODULE_TAIL}`;
  const script = new Script(source, { filename: file, cachedData });
  const cache = cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
  return { script, run: script.runInThisContext(), cache };
}

/**
 * Where this build's caches for this Node live: $XDG_CACHE_HOME/acupress/code/<build>/<node>,
 * <node> being the Node version, the CPU and, when Node runs with flags, a hash of them (V8
 * refuses a cache made under other flags, so each set keeps its own). Undefined without a home.
 * The base directory follows store/paths.ts's cacheDir, without its imports (start-up).
 */
export function codeCacheDir(env: Record<string, string | undefined>, build: string, node: { version: string; arch: string; flags: string }): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  // A relative HOME would put the cache under the working directory: no cache then.
  const base = xdg && xdg.startsWith('/') ? xdg : env.HOME?.startsWith('/') ? join(env.HOME, '.cache') : undefined;
  // U+FFFD: the variable held bytes that are not UTF-8, and a cache made under the mangled name
  // would land in a stranger's directory (store/paths.ts refuses such places too).
  if (!base || base.includes('\ufffd')) return undefined;
  const flags = node.flags ? `-${hash(node.flags)}` : '';
  return join(base, 'acupress', 'code', build, `${node.version}-${node.arch}${flags}`);
}

/** FNV-1a, 32 bits, as 8 hex digits: a name, not a security measure (V8 does the checking). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * How many builds keep their caches. An upgrade leaves the old build's caches useless, but two
 * installs used in turn (a global one and an npx of another version) must not keep removing
 * each other's.
 */
const KEEP_BUILDS = 3;

/**
 * Save a code cache: to a temporary file renamed into place, so a reader never sees half a
 * file. Creating a build's directory removes the caches of all but the most recently changed
 * other builds (KEEP_BUILDS in all); other Node versions of a build keep theirs. Never throws: a
 * cache is only an accelerator, and a read-only or full disk must not fail the command.
 */
export function saveCache(cacheFile: string, data: Buffer): void {
  try {
    const dir = join(cacheFile, '..');
    const buildDir = join(dir, '..');
    let fresh = false;
    try {
      readdirSync(buildDir);
    } catch {
      fresh = true;
    }
    // Not mkdirSync({ recursive }): on Node 20 it loops forever when mkdir answers ENOENT under a
    // parent that exists (XDG_CACHE_HOME under /proc), and would hang every start. One level at a time.
    const missing: string[] = [];
    for (let d = dir; !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.push(d);
    for (const d of missing.reverse()) {
      try {
        mkdirSync(d);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    if (fresh) {
      const codeDir = join(buildDir, '..');
      const build = buildDir.slice(codeDir.length + 1);
      const others = readdirSync(codeDir).filter((d) => d !== build).map((d) => ({ d, t: statSync(join(codeDir, d)).mtimeMs }));
      others.sort((a, b) => b.t - a.t);
      for (const { d } of others.slice(KEEP_BUILDS - 1)) rmSync(join(codeDir, d), { recursive: true, force: true });
    }
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, data);
      renameSync(tmp, cacheFile);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  } catch {
    // No cache this time; the next run tries again.
  }
}
