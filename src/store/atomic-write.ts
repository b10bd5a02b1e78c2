// The one way acupress replaces a file (the profile, the state file, the user-data cache):
// write a temporary file beside the target, fsync it, rename it over the target, fsync the
// directory. A reader sees the old file or the new one, never half of either, and a crash
// leaves at worst a temporary file, which the next write to that directory removes.
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { makeDirs } from './make-dirs.js';

/** How a write treats the path it is given. */
export interface AtomicWriteOptions {
  /** Mode for a new file (an existing file keeps its own). Default 0o644. */
  mode?: number;
  /**
   * Follow symbolic links and replace the file they point to (a profile linked into a dotfiles
   * repository stays a link). Without it a link at `path` is itself replaced (the cache).
   */
  followLinks?: boolean;
  /** Give an existing file `mode` too (a private file an older release wrote world-readable). */
  resetMode?: boolean;
  /**
   * Mode for the missing directories it makes (the umask narrows it); directories that exist are
   * left as they are. Default 0o777: the umask's choice.
   */
  dirMode?: number;
}

/** The temporary name for a write by this process: `<name>.<pid>.tmp` beside the target. */
export function tempName(target: string, pid: number = process.pid): string {
  return `${target}.${pid}.tmp`;
}

/**
 * Replace `path` with `data`, atomically and durably. Creates missing parent directories.
 * Throws the fs error (ENOSPC, EACCES, EROFS, ENOTDIR, ELOOP …) after removing its temporary
 * file; callers decide whether a failed write is worth a warning or an error.
 */
export function atomicWrite(path: string, data: string, opts: AtomicWriteOptions = {}): void {
  const target = opts.followLinks ? followLinks(path) : path;
  const dir = dirname(target);
  makeDirs(dir, opts.dirMode);
  removeStaleTemps(dir, basename(target));
  // A write through a link may have been killed beside the link by an older release, too.
  if (target !== resolve(path)) removeStaleTemps(dirname(resolve(path)), basename(path));
  let mode = opts.mode ?? 0o644;
  try {
    const st = statSync(target);
    if (st.isFile() && !opts.resetMode) mode = st.mode & 0o7777;
  } catch {
    // A new file.
  }
  const tmp = tempName(target);
  // 'wx' (O_EXCL) never opens an existing name, so a link planted at the temporary name is not
  // followed; a leftover of our own pid (a reused pid after a crash) is removed and tried once more.
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', mode);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    rmSync(tmp, { force: true });
    fd = openSync(tmp, 'wx', mode);
  }
  try {
    try {
      fchmodSync(fd, mode); // The umask narrowed it; an existing file's mode is kept exactly.
      const buf = Buffer.from(data, 'utf8');
      for (let off = 0; off < buf.length;) off += writeSync(fd, buf, off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  syncDir(dir);
}

/** Make a rename durable: fsync the directory that holds it. Best effort (not every fs allows it). */
function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some filesystems refuse fsync on a directory; the rename itself is still atomic.
  }
}

/**
 * The file a path finally names, following symbolic links (relative ones from their own
 * directory) even when the last one dangles, so the write creates the file it points to.
 */
export function followLinks(path: string): string {
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(p).isSymbolicLink();
    } catch {
      return p; // Nothing there yet: create it.
    }
    if (!isLink) return p;
    p = resolve(dirname(p), readlinkSync(p));
  }
  throw Object.assign(new Error(`${path}: too many symbolic links`), { code: 'ELOOP' });
}

// A temporary file whose writer has gone: `<name>.<pid>.tmp` with no such process, or older
// than this (a pid may have been reused since).
const STALE_MS = 10 * 60 * 1000;

/** Remove temporary files left beside `name` in `dir` by writes that were killed. */
export function removeStaleTemps(dir: string, name: string, now: number = Date.now()): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  const prefix = `${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const pid = Number(entry.slice(prefix.length, -'.tmp'.length));
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) continue;
    const path = join(dir, entry);
    try {
      const st = lstatSync(path);
      if (!st.isFile() && !st.isSymbolicLink()) continue;
      if (alive(pid) && now - st.mtimeMs < STALE_MS) continue;
      rmSync(path, { force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

/** Is there a process with this id? (EPERM: there is, owned by someone else.) */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
