// A lock file for read-modify-write of a user file, so two acupress processes (two terminals
// answering the first-run question at once) cannot each read the old file and lose the other's
// change. The lock is `<file>.lock`, made with O_EXCL; one left by a killed process is taken over.
//
// Taking over is where a lock file goes wrong: every waiter sees the same abandoned lock at once,
// and one that judged it and then removes "the lock" may remove the fresh lock another waiter
// has made since (a fresh file may even get the abandoned one's inode number back: ext4 reuses
// them at once). So takeovers are serialised by a second O_EXCL file, `<file>.lock.takeover`,
// held for a few system calls; under it the lock can change only by its holder removing it, and
// an abandoned lock has no holder. Whoever compares inode numbers keeps that file open, so no
// other file can get its number meanwhile. A `.takeover` older than 2 s was left by a killed
// taker and is removed; a taker merely paused that long re-checks that its `.takeover` is still
// its own before removing the lock, so only a pause of over 2 s between that check and the
// unlink itself could still remove a fresh lock.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';

// A lock older than this is stale whoever holds it: the work under it takes milliseconds.
const STALE_MS = 10_000;
// A takeover takes a few system calls; a `.takeover` file this old was left by a killed process.
const TAKEOVER_STALE_MS = 2_000;
const WAIT_MS = 3_000;
const POLL_MS = 20;

// Opening a lock to judge it never follows a link planted at its name.
const READ_NOFOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/**
 * Run `fn` while holding `<path>.lock`. Waits for another holder up to 3 s, polling on timers
 * (the event loop keeps answering signals meanwhile), and takes over a lock whose process has
 * gone or that is stale. Resolves to what `fn` returns. Rejects with the fs error when the lock
 * cannot be made at all (a read-only directory), or an EBUSY error when another process keeps it.
 */
export async function withLock<T>(path: string, fn: () => T, now: () => number = Date.now, sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = now() + WAIT_MS;
  let fd: number;
  for (;;) {
    try {
      fd = openSync(lock, 'wx', 0o600);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (now() > deadline) throw Object.assign(new Error(`${lock} is held by another acupress`), { code: 'EBUSY' });
      if (!takeOver(lock, now())) await sleep(POLL_MS);
    }
  }
  // Held open until the lock is removed, so no other file can get its inode number meanwhile.
  try {
    writeSync(fd, String(process.pid));
    return fn();
  } finally {
    // Only our own: a lock taken over as stale and made afresh by another is theirs.
    removeIfSame(lock, fd);
    closeSync(fd);
  }
}

/**
 * Remove the lock if it is abandoned; true when the caller should try to make its own at once.
 * Under `<lock>.takeover`: open the lock, judge it, and unlink it only if the name still holds
 * that very file and the `.takeover` is still ours (one stale-broken while we were paused is not).
 */
function takeOver(lock: string, time: number): boolean {
  const guard = `${lock}.takeover`;
  let g: number;
  try {
    g = openSync(guard, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return false; // Cannot take over here: wait it out.
    return removeIfOlder(guard, time, TAKEOVER_STALE_MS); // Another takeover is at work, or was killed.
  }
  try {
    let fd: number;
    try {
      fd = openSync(lock, READ_NOFOLLOW);
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT'; // Gone meanwhile: try to make ours.
    }
    try {
      if (!abandoned(fd, time) || !same(lock, fd) || !same(guard, g)) return false;
      unlinkSync(lock);
      return true;
    } finally {
      closeSync(fd);
    }
  } finally {
    removeIfSame(guard, g);
    closeSync(g);
  }
}

/** Is the lock open on `fd` left by a process that has gone, or older than any holder keeps it? */
function abandoned(fd: number, time: number): boolean {
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return false; // Not a lock we made: never removed.
    if (time - st.mtimeMs > STALE_MS) return true;
    const buf = Buffer.alloc(24);
    const pid = Number(buf.toString('utf8', 0, readSync(fd, buf, 0, buf.length, 0)));
    if (!Number.isSafeInteger(pid) || pid <= 0) return false; // Being written this instant.
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Does `path` still name the file open on `fd`? */
function same(path: string, fd: number): boolean {
  try {
    const [a, b] = [lstatSync(path, { bigint: true }), fstatSync(fd, { bigint: true })];
    return a.ino === b.ino && a.dev === b.dev;
  } catch {
    return false;
  }
}

/** Unlink `path` if it still names the file open on `fd`. */
function removeIfSame(path: string, fd: number): void {
  try {
    if (same(path, fd)) unlinkSync(path);
  } catch {
    // Gone already.
  }
}

/** Unlink `path` if it is a file older than `ms` (judged and removed as one file); true if it went. */
function removeIfOlder(path: string, time: number, ms: number): boolean {
  let fd: number;
  try {
    fd = openSync(path, READ_NOFOLLOW);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
  try {
    if (time - fstatSync(fd).mtimeMs <= ms || !same(path, fd)) return false;
    unlinkSync(path);
    return true;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}
