// A lock file for read-modify-write of a user file, so two acupress processes (two terminals
// answering the first-run question at once) cannot each read the old file and lose the other's
// change. The lock is `<file>.lock`, made with O_EXCL; one left by a killed process is taken over.
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';

// A lock older than this is stale whoever holds it: the work under it takes milliseconds.
const STALE_MS = 10_000;
const WAIT_MS = 3_000;
const POLL_MS = 20;

/**
 * Run `fn` while holding `<path>.lock`. Waits for another holder up to 3 s, polling on timers
 * (the event loop keeps answering signals meanwhile), and takes over a lock whose process has
 * gone or that is stale. Resolves to what `fn` returns. Rejects with the fs error when the lock
 * cannot be made at all (a read-only directory), or an EBUSY error when another process keeps it.
 */
export async function withLock<T>(path: string, fn: () => T, now: () => number = Date.now, sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = now() + WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (takeOver(lock, now())) continue;
      if (now() > deadline) throw Object.assign(new Error(`${lock} is held by another acupress`), { code: 'EBUSY' });
      await sleep(POLL_MS);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

/**
 * Remove the lock if it is abandoned; true when the caller should try again. Two processes may
 * judge the same stale lock at once: each moves it aside by an atomic rename, and one that finds
 * it moved a different file (a fresh lock the other had already made) puts that one back, so a
 * takeover never removes a live holder's lock.
 */
function takeOver(lock: string, time: number): boolean {
  let ino: number;
  try {
    ino = statSync(lock).ino;
  } catch {
    return true; // Gone meanwhile: try to make ours.
  }
  if (!abandoned(lock, time)) return false;
  const aside = `${lock}.${process.pid}.stale`;
  try {
    renameSync(lock, aside);
  } catch {
    return true; // Someone else moved it first.
  }
  try {
    if (statSync(aside).ino !== ino) linkSync(aside, lock);
  } catch {
    // A third process made a lock meanwhile; it holds, ours waits.
  }
  rmSync(aside, { force: true });
  return true;
}

/** Is this lock left by a process that has gone, or older than any real holder would keep it? */
function abandoned(lock: string, time: number): boolean {
  try {
    if (time - statSync(lock).mtimeMs > STALE_MS) return true;
    const pid = Number(readFileSync(lock, 'utf8'));
    if (!Number.isSafeInteger(pid) || pid <= 0) return false; // Being written this instant.
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
