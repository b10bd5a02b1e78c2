// A lock file for read-modify-write of a user file, so two acupress processes (two terminals
// answering the first-run question at once) cannot each read the old file and lose the other's
// change. The lock is `<file>.lock`, made with O_EXCL; one left by a killed process is taken over.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';

// A lock older than this is stale whoever holds it: the work under it takes milliseconds.
const STALE_MS = 10_000;
const WAIT_MS = 3_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Run `fn` while holding `<path>.lock`. Waits (synchronously: the work is a few milliseconds)
 * for another holder up to 3 s, and takes over a lock whose process has gone or that is stale.
 * Throws the fs error when the lock cannot be made at all (a read-only directory), or an EBUSY
 * error when another process keeps it.
 */
export function withLock<T>(path: string, fn: () => T, now: () => number = Date.now): T {
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
      if (abandoned(lock, now())) {
        rmSync(lock, { force: true });
        continue;
      }
      if (now() > deadline) throw Object.assign(new Error(`${lock} is held by another acupress`), { code: 'EBUSY' });
      Atomics.wait(pause, 0, 0, 20);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
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
