// V8 code caches for our CommonJS bundles (see loader.ts for why), kept in the user's cache
// directory, one set per build of acupress and per Node: a cache is only valid for the V8 that
// made it, so the package cannot ship one that helps every Node.
//
// V8 checks a cache's version, flags and source length, but not its contents (a release build
// has no checksum): a damaged cache can crash, throw or hang the run that uses it. So a run
// marks each cache in use while it runs (the owner-execute bit of the file's mode, set and
// cleared through the open descriptor: two syscalls, where a mark file's create and unlink cost
// ~0.1 ms), a run that finds a mark deletes the cache and compiles afresh, code from a cache
// that throws as it loads is compiled again without it, and a run that ends in an internal
// error keeps none of the caches it read. Damage that only changes a constant gives a wrong
// answer without failing: only a checksum of the whole file could see that, and one in JS costs
// a cold process more (1 ms and up for 136 KB) than the cache saves. A cache is only an
// accelerator: nothing here throws out of a failed read or write, waits on a file another
// process holds (a FIFO, a lock), or follows a link planted at a cache's path. Saving one waits
// for the disk (fsync), once per command line and build.
import { closeSync, constants, existsSync, fchmodSync, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';
import { joinerOf } from '../model/plain-join.js';

/** path.join, by concatenation when that is its answer (model/plain-join.ts says why). */
const joinPath = joinerOf(join, sep);

/** The CommonJS module wrapper, as Node's own loader writes it; our bundles start with it. */
export const MODULE_HEAD = '(function (exports, require, module, __filename, __dirname) {';
/** The wrapper's end, on a line of its own (a bundle may end in a line comment). */
export const MODULE_TAIL = '\n})';

/** A compiled file: its module function, and the script (for createCachedData and checks). */
export interface Compiled {
  script: Script;
  run: (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  /**
   * What happened to the cache: used, refused by V8, dropped as untrusted (a run died using
   * it, another is using it, or its code threw), or none usable.
   */
  cache: 'accepted' | 'rejected' | 'dropped' | 'missing';
  /** Where the cache is (undefined: none for this file), for settleCache. */
  cacheFile: string | undefined;
  /** The cache this run read, marked in use until settleCache. */
  held: CacheRead | undefined;
}

/**
 * Compile `file` as a CommonJS module, with the code cache in `cacheFile` (a path, or undefined
 * for none). V8 checks a cache against its own version, flags and the source's length, and
 * compiles afresh when any differ; `cache` says which happened. A cache read here stays marked
 * in use until settleCache. `seen`: this process compiled the file's text before, from a cache
 * (marked, so dropped here) whose code threw; see compile's `afresh`.
 */
export function compileWithCache(file: string, cacheFile: string | undefined, seen = false): Compiled {
  const read = cacheFile ? readCacheFile(cacheFile) : undefined;
  let text: string;
  try {
    text = readBundle(file);
  } catch (e) {
    // The bundle is missing or unreadable (a damaged install, reported by the caller): the cache
    // did no harm, so it is let go unmarked.
    if (cacheFile && read !== undefined && read !== 'dropped') releaseCache(cacheFile, read, true);
    throw e;
  }
  if (read === undefined || read === 'dropped') return { ...compile(file, text, undefined, seen), cache: read ?? 'missing', cacheFile, held: undefined };
  let compiled: Pick<Compiled, 'script' | 'run'>;
  try {
    compiled = compile(file, text, read.data);
  } catch {
    // The wrapped source only defines a function: code from the cache that throws here is
    // damaged (a syntax error of our own throws again, from the fresh compile).
    dropCache(cacheFile!, read);
    return { ...compile(file, text, undefined, true), cache: 'dropped', cacheFile, held: undefined };
  }
  return { ...compiled, cache: compiled.script.cachedDataRejected ? 'rejected' : 'accepted', cacheFile, held: read };
}

/**
 * Drop the cache `c` was compiled with (its code threw as it loaded) and compile `file` again
 * without one. (V8 does not hand back the script it made from the cache for the same source:
 * test/code-cache*.test.ts check that the file compiled afresh runs its own code.)
 */
export function compileAfresh(file: string, c: Compiled): Compiled {
  if (c.cacheFile && c.held) dropCache(c.cacheFile, c.held);
  c.held = undefined;
  return { ...compile(file, readBundle(file), undefined, true), cache: 'dropped', cacheFile: c.cacheFile, held: undefined };
}

/**
 * A bundle's text. Our bundles are ASCII (scripts/build.mjs checks), so it is read as Latin-1:
 * no UTF-8 decoding, and with the calls the cache was just read with. The first call of each
 * `fs` function costs a cold Node 20 0.1-0.5 ms, and readFileSync's UTF-8 path 0.3-0.8 ms for
 * app.cjs on Node 20 and 22; this way costs 0.3-0.4 ms. Throws as readFileSync does, and an
 * Error with code 'ENOTREG' for a FIFO, device, socket or directory in the bundle's place (a
 * damaged install: opened without waiting for a writer, and never read).
 */
export function readBundle(file: string): string {
  const fd = openSync(file, BUNDLE_OPEN);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    const data = readAll(fd, st.size);
    // latin1Slice is what toString('latin1') calls, without the dispatch around it that a cold
    // Node 20 compiles first (0.25 ms). It is not in Node's documentation: when it is missing or
    // answers anything but the whole text, the text is decoded as UTF-8 instead, which for ASCII
    // is the same and goes through other code (test/code-cache.test.ts checks all three agree).
    const slice = (data as Buffer & { latin1Slice?: (start: number, end: number) => unknown }).latin1Slice;
    const text = typeof slice === 'function' ? slice.call(data, 0, data.length) : undefined;
    return typeof text === 'string' && text.length === data.length ? text : data.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Up to `size` bytes of an open file from its start; fewer when it was cut short meanwhile. */
function readAll(fd: number, size: number): Buffer {
  const data = Buffer.allocUnsafe(size);
  let n = 0;
  for (let got = 1; n < size && got > 0; n += got) got = readSync(fd, data, n, size - n, n);
  return n === size ? data : data.subarray(0, n);
}

/**
 * A file's text as a CommonJS module function's source: our bundles carry the wrapper
 * (scripts/build.mjs: wrapping here copies the whole text); the libraries' files get it here, on
 * the source's first line so stack traces keep their lines.
 */
export function wrapModule(text: string): string {
  return text.startsWith(MODULE_HEAD) ? text : `${MODULE_HEAD}${text}${MODULE_TAIL}`;
}

/**
 * Compile a file's text as its module function, through `cachedData` if given. `afresh`: after
 * code from a damaged cache, the source gets one more newline at its end. V8 keeps each compiled
 * script in a per-process table keyed by its source text, and on Node 22 and 24 a second compile
 * of the same text hands back the script made from the damaged cache; other text never matches.
 */
function compile(file: string, text: string, cachedData: Buffer | undefined, afresh = false): Pick<Compiled, 'script' | 'run'> {
  const source = afresh ? `${wrapModule(text)}\n` : wrapModule(text);
  const script = new Script(source, { filename: file, cachedData });
  const run: unknown = script.runInThisContext();
  if (typeof run !== 'function') throw new TypeError(`${file}: compiled to no module function`);
  return { script, run: run as Compiled['run'] };
}

/** A cache file this run read: its bytes, and the open descriptor and mode that carry its mark. */
export interface CacheRead {
  data: Buffer;
  fd: number;
  /** The file's permission bits before the mark, restored when the run went well. */
  mode: number;
}

/** The owner-execute bit, which no cache has otherwise: this cache is in use (or was, by a run that died). */
export const IN_USE = 0o100;
/** Far above any real cache (ours are 0.1–2 MB); a larger file is not one. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;
// O_NOFOLLOW: a link at the path is refused, not read through; O_NONBLOCK: a FIFO there opens
// at once (and is then refused) instead of waiting for a writer. Windows has neither.
const { O_RDONLY, O_NOFOLLOW = 0, O_NONBLOCK = 0 } = constants;
/** How a cache is opened: never through a link, never waiting on a FIFO. */
export const CACHE_OPEN = O_RDONLY | O_NOFOLLOW | O_NONBLOCK;
/** How a bundle is opened: through a link (some package managers install files as links), never waiting on a FIFO. */
const BUNDLE_OPEN = O_RDONLY | O_NONBLOCK;

/**
 * Read a code cache, if it is one this run can trust: a regular file (never through a link, a
 * FIFO or a device), owned by the user, writable by nobody else, 1 byte to 32 MB; all checked
 * on the open descriptor, so the file checked is the file read. The file is then marked in use
 * before V8 sees a byte of it. A file that carries a mark already, left by a run that died using
 * it or set by one using it now, is deleted ('dropped': this run compiles afresh and saves a new
 * one; a run still using the old file keeps it open, unharmed). Undefined: no cache to use.
 * Never throws.
 */
export function readCacheFile(cacheFile: string): CacheRead | 'dropped' | undefined {
  let fd: number | undefined;
  let marked: number | undefined;
  try {
    fd = openSync(cacheFile, CACHE_OPEN);
    const st = fstatSync(fd);
    if (!trustable(st)) return closed(fd, undefined);
    const mode = st.mode & 0o7777;
    if (mode & IN_USE) {
      closed(fd, undefined);
      fd = undefined;
      rmSync(cacheFile, { force: true });
      return 'dropped';
    }
    fchmodSync(fd, mode | IN_USE);
    marked = mode;
    // A file cut short meanwhile: V8 refuses the part, as it refuses any cache of the wrong length.
    return { data: readAll(fd, st.size), fd, mode };
  } catch {
    if (fd !== undefined) {
      try {
        if (marked !== undefined) fchmodSync(fd, marked);
      } catch {
        // The mark stays: the next run deletes this cache, which only costs it a compile.
      }
      closed(fd, undefined);
    }
    return undefined;
  }
}

/**
 * Could this file be a cache of ours: a regular file of 1 byte to 32 MB, the user's own,
 * writable by no one else (Windows has no such modes)? Whether it is marked in use is the
 * caller's to check (IN_USE).
 */
export function trustable(st: { isFile(): boolean; size: number; uid: number; mode: number }): boolean {
  if (!st.isFile() || st.size === 0 || st.size > MAX_CACHE_BYTES) return false;
  return process.platform === 'win32' || (st.uid === process.getuid!() && (st.mode & 0o022) === 0);
}

/** Close a descriptor, ignoring errors, and return `value`. */
function closed<T>(fd: number, value: T): T {
  try {
    closeSync(fd);
  } catch {
    // Nothing to do.
  }
  return value;
}

/**
 * After the command: when the run went well (`ok`), save a cache for each file that had no
 * usable one and clear the marks of the caches read; when it ended in an internal error, which
 * a damaged cache may have caused, delete the caches it read and save none. Never throws.
 */
export function settleCache(c: Compiled, ok: boolean): void {
  if (!c.cacheFile) return;
  if (!ok) {
    if (c.held) releaseCache(c.cacheFile, c.held, false);
    c.held = undefined;
    return;
  }
  if (c.cache !== 'accepted') {
    try {
      saveCache(c.cacheFile, c.script.createCachedData());
    } catch {
      // createCachedData failed: no cache this time.
    }
  }
  if (c.held) releaseCache(c.cacheFile, c.held, true);
  c.held = undefined;
}

/**
 * Let go of a cache this run read (`held`, still open and marked in use): when the run went well
 * (`ok`), clear its mark; otherwise delete it. Never throws.
 */
export function releaseCache(cacheFile: string, held: Pick<CacheRead, 'fd' | 'mode'>, ok: boolean): void {
  if (!ok) return dropCache(cacheFile, held);
  try {
    fchmodSync(held.fd, held.mode);
  } catch {
    // The mark stays: the next run deletes this cache, which only costs it a compile.
  }
  closed(held.fd, undefined);
}

/** Let go of a cache this run read and delete it. Never throws. */
function dropCache(cacheFile: string, held: Pick<CacheRead, 'fd'>): void {
  closed(held.fd, undefined);
  try {
    rmSync(cacheFile, { force: true });
  } catch {
    // Cannot delete it: it keeps its mark, and the next run that can deletes it.
  }
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
  const base = xdg && xdg.startsWith('/') ? xdg : env.HOME?.startsWith('/') ? joinPath(env.HOME, '.cache') : undefined;
  // U+FFFD: the variable held bytes that are not UTF-8, and a cache made under the mangled name
  // would land in a stranger's directory (store/paths.ts refuses such places too).
  if (!base || base.includes('\ufffd')) return undefined;
  const flags = node.flags ? `-${hash(node.flags)}` : '';
  const last = `${node.version}-${node.arch}${flags}`;
  return joinPath(base, 'acupress', 'code', build, last);
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

/** A build's directory name: the build id, 16 hex digits (scripts/build.mjs). */
const BUILD_ID = /^[0-9a-f]{16}$/;

/**
 * Save a code cache: to a temporary file of the user's only (created exclusively, so a link
 * planted at its name is never written through), renamed into place, so a reader never sees
 * half a file. Creating a build's directory prunes other builds' caches (pruneBuilds); other
 * Node versions of a build keep theirs. Never throws: a cache is only an accelerator, and a
 * read-only or full disk must not fail the command.
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
        mkdirSync(d, 0o700);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    if (fresh) pruneBuilds(join(buildDir, '..'), buildDir.slice(join(buildDir, '..').length + 1));
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      // Flushed before the rename: after a power loss, the name must not point at a file of
      // zeros (the disk had the rename but not the data), which V8 would crash on.
      const fd = openSync(tmp, 'wx', 0o600);
      try {
        for (let off = 0; off < data.length; ) off += writeSync(fd, data, off);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, cacheFile);
    } catch (e) {
      // Ours half written, or something planted at its name (removed, never followed): the
      // next run tries again.
      rmSync(tmp, { force: true });
      throw e;
    }
  } catch {
    // No cache this time; the next run tries again.
  }
}

/**
 * Remove the caches of all but the KEEP_BUILDS - 1 most recently changed builds other than
 * `keep`. Only directories of the user's named like a build id go, never through a link (nor
 * when code/ itself is one: it is someone's folder, not ours to clear), never anything else.
 */
function pruneBuilds(codeDir: string, keep: string): void {
  if (!lstatSync(codeDir).isDirectory()) return;
  const others: Array<{ path: string; time: number }> = [];
  for (const name of readdirSync(codeDir)) {
    if (name === keep || !BUILD_ID.test(name)) continue;
    const path = join(codeDir, name);
    const st = lstatSync(path);
    if (st.isDirectory() && (process.platform === 'win32' || st.uid === process.getuid!())) others.push({ path, time: st.mtimeMs });
  }
  others.sort((a, b) => b.time - a.time);
  // rmSync removes a link inside a build's directory, never what it points to.
  for (const { path } of others.slice(KEEP_BUILDS - 1)) rmSync(path, { recursive: true, force: true });
}
