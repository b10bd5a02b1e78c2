// Test helpers: fake io, temp dirs built from object literals, and spawning the built CLI.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { Io, Signal, StopScope } from '../src/model/io.js';
import { FakeClock } from '../src/core/clock.js';

const made: string[] = [];

/** A new temporary directory, removed after the test file (test/setup.ts calls removeTempDirs). */
export function tempDir(prefix = 'acupress-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * Remove every directory tempDir made in this test file. Each is tried, so one that will not go
 * (a child process still writing in it, after rmSync's retries) cannot leave the rest behind;
 * the first failure is thrown after, so a leak fails the file rather than fill /tmp unseen.
 */
export function removeTempDirs(): void {
  const failures: unknown[] = [];
  for (const dir of made.splice(0)) {
    try {
      // A shell a test's tmux server just hung up on may still be writing its last file (CI saw
      // ENOTEMPTY on Node 22 with bash's history; the shells now keep none): retry for up to ~7 s.
      rmSync(dir, { recursive: true, force: true, maxRetries: 8, retryDelay: 200 });
    } catch (e) {
      failures.push(e);
    }
  }
  if (failures.length > 0) throw failures[0];
}

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'dist', 'main.cjs');

/** A writable that records everything. */
export function sink(isTTY = false) {
  const chunks: string[] = [];
  return { chunks, isTTY, columns: 80, write: (s: string) => (chunks.push(s), true), text: () => chunks.join('') };
}

/** The fake calendar's time at FakeClock 0: 2025-03-01 09:00 in a zone one hour east of UTC. */
export const FAKE_EPOCH = Date.UTC(2025, 2, 1, 8, 0, 0);
export const FAKE_OFFSET = 60;

/**
 * A fake io with recorded streams, a FakeClock and a private config dir. Its calendar moves
 * with the clock, from FAKE_EPOCH, at a fixed FAKE_OFFSET.
 */
export function fakeIo(env: Record<string, string | undefined> = {}, tty = false) {
  const stdout = sink(tty);
  const stderr = sink(false);
  const clock = new FakeClock();
  const home = tempDir('acupress-home-');
  const signals: Array<(s: Signal) => void> = [];
  const io: Io = {
    stdout, stderr,
    stdin: { isTTY: false, on: () => undefined, off: () => undefined },
    env: { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), ...env },
    clock, cwd: home, platform: 'linux',
    calendar: { now: () => FAKE_EPOCH + clock.now(), offset: () => FAKE_OFFSET },
    onSignal: (fn) => { signals.push(fn); return () => signals.splice(signals.indexOf(fn), 1); },
    onSuspend: (fn) => { job.SIGTSTP.add(fn); return () => job.SIGTSTP.delete(fn); },
    onContinue: (fn) => { job.SIGCONT.add(fn); return () => job.SIGCONT.delete(fn); },
    stopSelf: (scope) => { job.stops++; job.scopes.push(scope); },
  };
  const job = { SIGTSTP: new Set<() => void>(), SIGCONT: new Set<() => void>(), stops: 0, scopes: [] as StopScope[] };
  return {
    io, stdout, stderr, clock, home, job,
    signal: (s: Signal) => signals.forEach((f) => f(s)),
    /** Deliver SIGTSTP or SIGCONT to whatever handlers are registered. */
    jobSignal: (s: 'SIGTSTP' | 'SIGCONT') => [...job[s]].forEach((f) => f()),
  };
}

/** Make a temp dir from a map of relative paths to contents (objects are written as YAML). */
export function tempTree(files: Record<string, unknown>): string {
  const dir = tempDir('acupress-');
  for (const [rel, content] of Object.entries(files)) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof content === 'string' || Buffer.isBuffer(content) ? content : stringify(content));
  }
  return dir;
}

/** Run the built CLI synchronously with a clean environment. */
export function cli(args: string[], opts: { env?: Record<string, string>; cwd?: string; input?: string } = {}) {
  const home = tempDir('acupress-home-');
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? home,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), ...opts.env },
    timeout: 60_000,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/**
 * cli(), without blocking the test worker: a file of many CLI runs back to back keeps the worker
 * from answering vitest for minutes otherwise ("Timeout calling onTaskUpdate").
 */
export function cliAsync(args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<ReturnType<typeof cli>> {
  const home = tempDir('acupress-home-');
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? home, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20,
      env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), ...opts.env },
    }, (_err, stdout, stderr) => resolve({ code: child.exitCode, signal: child.signalCode, stdout, stderr }));
    child.stdin?.end();
  });
}

/** Spawn the built CLI asynchronously (for real-time runs and signals). */
export function spawnCli(args: string[], env: Record<string, string> = {}) {
  const home = tempDir('acupress-home-');
  return spawn(process.execPath, [BIN, ...args], {
    cwd: home,
    env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** A minimal valid routine object, to be tweaked per test. */
export function routineObj(over: Record<string, unknown> = {}) {
  return {
    id: 'my-routine', title: 'My routine', summary: 'A test routine.', sources: ['Test source'],
    steps: [{ press: 'LI4' }], ...over,
  };
}
