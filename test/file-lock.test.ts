// The profile lock (src/store/file-lock.ts): many processes taking over one abandoned lock at
// once never remove a live holder's lock, so no answer is lost.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lutimesSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withLock } from '../src/store/file-lock.js';
import { loadProfile } from '../src/store/profile-store.js';
import { ROOT, tempDir } from './helpers.js';

/** A process id that is not running: far above any pid_max. */
const DEAD_PID = 2 ** 30 + 7;

/**
 * `procs` processes, loaded once, run `rounds` rounds; in each, a lock left by a dead process
 * lies on the profile and every process adds its own condition at the same signal. Returns the
 * rounds that lost an answer, left a file behind or failed, each as one line.
 */
async function race(procs: number, rounds: number): Promise<string[]> {
  const home = tempDir('acupress-lock-');
  const dir = join(home, 'config');
  mkdirSync(dir);
  const path = join(dir, 'profile.yaml');
  const go = (r: number) => join(home, `go-${r}`);
  // Each child waits for round r's signal file, adds "p<child>-r<round>", and says so; a failure
  // (EBUSY, say) is reported, not thrown, so a long run keeps counting.
  const script = (child: number) => `
    const { existsSync } = await import('node:fs');
    const { addProfileConditions } = await import(${JSON.stringify(new URL('../src/store/profile-store.ts', import.meta.url).href)});
    const wait = new Int32Array(new SharedArrayBuffer(4));
    process.stdout.write('ready\\n');
    for (let r = 0; r < ${rounds}; r++) {
      // A parent that has gone (a failed test) never signals: give up rather than poll forever.
      const until = Date.now() + 120_000;
      while (!existsSync(${JSON.stringify(home)} + '/go-' + r)) {
        if (Date.now() > until) process.exit(3);
        Atomics.wait(wait, 0, 0, 1);
      }
      try {
        await addProfileConditions(${JSON.stringify(path)}, ['p${child}-r' + r]);
        process.stdout.write('done ' + r + '\\n');
      } catch (e) {
        process.stdout.write('fail ' + r + ' ' + String(e.message).replace(/\\n/g, ' ') + '\\n');
      }
    }
  `;
  const problems: string[] = [];
  let round = -1;
  let waiting = procs;
  const start = () => {
    round++;
    waiting = procs;
    if (round === rounds) return;
    rmSync(path, { force: true });
    writeFileSync(`${path}.lock`, String(DEAD_PID));
    writeFileSync(go(round), '');
  };
  const check = () => {
    const want = Array.from({ length: procs }, (_, c) => `p${c}-r${round}`).sort();
    let got: string[] = [];
    try {
      got = loadProfile(path).conditions.sort();
    } catch (e) {
      problems.push(`round ${round}: ${(e as Error).message}`);
    }
    const lost = want.filter((c) => !got.includes(c));
    if (lost.length) problems.push(`round ${round}: lost ${lost.join(', ')}`);
    const left = readdirSync(dir).filter((f) => f !== 'profile.yaml');
    if (left.length) problems.push(`round ${round}: left ${left.join(', ')}`);
  };
  const step = () => {
    if (--waiting > 0) return;
    if (round >= 0) check();
    start();
  };
  const children: ChildProcess[] = [];
  const exits = Array.from({ length: procs }, (_, c) => new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script(c)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    let buf = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      buf += s;
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith('fail ')) problems.push(`round ${round}: child ${c}: ${line.slice(5)}`);
        step();
      }
    });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`child ${c} exit ${code}`))));
  }));
  try {
    await Promise.all(exits);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
  return problems;
}

describe('the profile lock', () => {
  // ACUPRESS_LOCK_ROUNDS=300 ACUPRESS_LOCK_PROCS=8 runs the stress version of this test.
  const rounds = Number(process.env.ACUPRESS_LOCK_ROUNDS ?? 12);
  const procs = Number(process.env.ACUPRESS_LOCK_PROCS ?? 6);
  it(`${procs} processes taking over a lock left by a killed process, ${rounds} times: no answer lost, no file left`, async () => {
    const problems = await race(procs, rounds);
    if (process.env.ACUPRESS_LOCK_ROUNDS) console.log(`${problems.length} problems in ${rounds} rounds of ${procs}\n${problems.join('\n')}`);
    expect(problems).toEqual([]);
  }, Number(process.env.ACUPRESS_LOCK_ROUNDS ?? 0) * 1000 + 120_000);
});

/** A lock path in a new directory, and a fake clock that starts at the lock's mtime and moves only by `sleep`. */
function setup(lockText: string | undefined) {
  const dir = tempDir('acupress-lock-');
  const path = join(dir, 'p.yaml');
  const lock = `${path}.lock`;
  const guard = `${lock}.takeover`;
  if (lockText !== undefined) writeFileSync(lock, lockText);
  const t0 = lockText === undefined ? Date.now() : statSync(lock).mtimeMs;
  const clock = { t: t0, slept: 0, sleeps: [] as Array<{ lock: boolean; guard: boolean }> };
  const now = () => clock.t;
  const sleep = async (ms: number) => {
    clock.sleeps.push({ lock: existsSync(lock), guard: existsSync(guard) });
    clock.t += ms;
    clock.slept += ms;
  };
  return { dir, path, lock, guard, clock, now, sleep };
}

/** The error process.kill throws for a process that does not exist. */
const esrch = () => Object.assign(new Error('kill ESRCH'), { code: 'ESRCH' });

describe('taking over an abandoned lock', () => {
  afterEach(() => void vi.restoreAllMocks());

  it('waits while another takeover is at work (a fresh .takeover), and removes one left by a killed taker after 2 s', async () => {
    const { dir, path, lock, guard, clock, now, sleep } = setup(String(DEAD_PID));
    writeFileSync(guard, '');
    utimesSync(guard, clock.t / 1000, clock.t / 1000);
    expect(await withLock(path, () => readFileSync(lock, 'utf8'), now, sleep)).toBe(String(process.pid));
    // Not before the .takeover was 2 s old (fake time), and the abandoned lock stayed until then.
    expect(clock.slept).toBeGreaterThanOrEqual(2000);
    expect(clock.sleeps.every((s) => s.lock && s.guard)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps a lock that was replaced by a live one after being judged abandoned', async () => {
    const { dir, path, lock, now, sleep } = setup(String(DEAD_PID));
    const kill = process.kill.bind(process);
    // The moment the dead pid is checked, another taker removes the lock and a live process makes its own.
    vi.spyOn(process, 'kill').mockImplementation((pid, signal) => {
      if (pid !== DEAD_PID) return kill(pid, signal);
      unlinkSync(lock);
      writeFileSync(lock, String(process.pid));
      throw esrch();
    });
    await expect(withLock(path, () => 'ran', now, sleep)).rejects.toMatchObject({ code: 'EBUSY' });
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    expect(readdirSync(dir)).toEqual(['p.yaml.lock']);
  });

  it('backs off when its .takeover was removed as stale meanwhile (a paused taker), and leaves the new one', async () => {
    const { dir, path, guard, clock, now, sleep } = setup(String(DEAD_PID));
    const kill = process.kill.bind(process);
    let first = true;
    vi.spyOn(process, 'kill').mockImplementation((pid, signal) => {
      if (pid !== DEAD_PID) return kill(pid, signal);
      if (first) {
        // Judging it, this taker is paused: another removes its .takeover as stale and makes its own.
        first = false;
        unlinkSync(guard);
        writeFileSync(guard, '');
        utimesSync(guard, clock.t / 1000, clock.t / 1000);
      }
      throw esrch();
    });
    expect(await withLock(path, () => 'ran', now, sleep)).toBe('ran');
    // The first takeover removed neither the lock nor the other's .takeover; the wait ended when that was 2 s old.
    expect(clock.sleeps[0]).toEqual({ lock: true, guard: true });
    expect(clock.slept).toBeGreaterThanOrEqual(2000);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a lock left by a killed process is taken over, leaving no file', async () => {
    const { dir, path, clock, now, sleep } = setup(String(DEAD_PID));
    expect(await withLock(path, () => 'ran', now, sleep)).toBe('ran');
    expect(clock.sleeps).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('waiting for a held lock sleeps on timers (the event loop stays free), then gives up with EBUSY', async () => {
    // Held by a live process (this one): the waiter polls through `sleep`, never blocking, and gives up with EBUSY.
    const { dir, path, clock, now, sleep } = setup(String(process.pid));
    await expect(withLock(path, () => 'ran', now, sleep)).rejects.toMatchObject({ code: 'EBUSY' });
    expect(clock.sleeps.length).toBeGreaterThan(10);
    expect(readdirSync(dir)).toEqual(['p.yaml.lock']);
  });

  it('a lock a live process has held for over 10 s is stale and taken over', async () => {
    const { dir, path, lock, now, sleep } = setup(String(process.pid));
    utimesSync(lock, (Date.now() - 11_000) / 1000, (Date.now() - 11_000) / 1000);
    expect(await withLock(path, () => 'ran', () => Date.now(), sleep)).toBe('ran');
    expect(readdirSync(dir)).toEqual([]);
    // Younger than 10 s, it is waited for.
    writeFileSync(lock, String(process.pid));
    await expect(withLock(path, () => 'ran', now, sleep)).rejects.toMatchObject({ code: 'EBUSY' });
  });

  it('a holder removes only its own lock: one made afresh by another after a takeover stays', async () => {
    const { path, lock } = setup(undefined);
    await withLock(path, () => {
      unlinkSync(lock);
      writeFileSync(lock, 'another');
    });
    expect(readFileSync(lock, 'utf8')).toBe('another');
  });

  it('a link or a directory at the lock name is never removed or followed: EBUSY, not a hang', async () => {
    for (const make of [(p: string) => symlinkSync('nowhere', p), (p: string) => mkdirSync(p)]) {
      const { dir, path, lock, now, sleep } = setup(undefined);
      make(lock);
      lutimesSync(lock, 0, 0); // Stale by age, still not ours to remove.
      await expect(withLock(path, () => 'ran', now, sleep)).rejects.toMatchObject({ code: 'EBUSY' });
      expect(readdirSync(dir)).toEqual(['p.yaml.lock']);
    }
  });
});
