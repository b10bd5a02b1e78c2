import { fstatSync } from 'node:fs';
import type { Socket } from 'node:net';
import { fdOut, isPlainSink } from '../boot/fd-out.js';
import type { Io, Out, Signal, StopScope } from '../model/io.js';
import { realClock } from '../core/clock.js';

/** How output ended early, if it did: the reader closed it (EPIPE), or a write failed on stdout. */
export type OutputEnd = { kind: 'closed' } | { kind: 'failed'; error: NodeJS.ErrnoException };

/** The real process's io, and how its output ended (read once the command is over). */
export interface RealIo {
  io: Io;
  /** Undefined while stdout works. A failure on stderr alone is not recorded: there is no one to tell. */
  outputEnd(): OutputEnd | undefined;
}

/**
 * The real process streams, environment, clock and signals. A write failure never throws and
 * never ends the process here: the failed stream goes quiet (later writes are dropped), the end
 * is recorded for the top-level handler in main.ts to report, and whatever is still running is
 * stopped through the signal handlers with 'SIGPIPE' (a live run ends at once instead of timing
 * cues nobody sees). A handler registered after the output ended is told on the next turn.
 * `onEnd` hears of the end as it happens: a stream reports a failed write a turn or more after
 * the write, possibly once the command is over.
 */
export function realIo(onEnd?: (end: OutputEnd) => void): RealIo {
  let end: OutputEnd | undefined;
  const listeners = new Set<(signal: Signal) => void>();
  const stop = () => setImmediate(() => [...listeners].forEach((fn) => fn('SIGPIPE')));
  const ended = (fd: 1 | 2, e?: NodeJS.ErrnoException) => {
    // stderr failing while stdout works: its warnings are lost, the command carries on.
    if (fd === 2 && e) return;
    if (end) return;
    end = e ? { kind: 'failed', error: e } : { kind: 'closed' };
    stop();
    onEnd?.(end);
  };
  const pipes: PipeOut[] = [];
  const out = (fd: 1 | 2): Out => {
    if (isPlainSink(fd, process.platform)) {
      const sync = fdOut(fd, () => ended(fd), (e) => ended(fd, e));
      if (!isPipe(fd)) return sync;
      const pipe = pipeOut(fd, sync, () => ended(fd), (e) => ended(fd, e));
      pipes.push(pipe);
      return pipe;
    }
    const stream = fd === 1 ? process.stdout : process.stderr;
    let failed = false;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      // A destroyed stream reports each later write too; the first error is the one that counts.
      if (failed) return;
      failed = true;
      ended(fd, e.code === 'EPIPE' ? undefined : e);
    });
    return stream;
  };
  const io: Io = {
    stdout: out(1),
    stderr: out(2),
    // process.stdin builds a stream on first touch (a few ms); only runs that read keys need it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    clock: realClock,
    // The shell is where the system's date and time zone come in (TZ is honoured by Date).
    calendar: { now: () => Date.now(), offset: (ms) => -new Date(ms).getTimezoneOffset() || 0 },
    cwd: process.cwd(),
    platform: process.platform,
    onSignal(fn) {
      // A command that waits for signals runs for a while (a live run): its output must never
      // block the event loop on a reader that stops reading, or the signals would go unheard.
      pipes.forEach((p) => p.live());
      // Once per process: a terminal that hangs up during the command (closed, or its ssh gone)
      // may first show as a failed write (EIO) and only then, if at all, as SIGHUP.
      if (!hangupWatched) {
        hangupWatched = true;
        const terminals = openTerminals();
        if (terminals.length) process.once('exit', () => endByHangupIfGone(terminals));
      }
      const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((sig) => {
        const h = () => {
          // Output queued for a reader that does not read would keep the process from exiting
          // once the command has stopped: a moment to drain, then it is dropped.
          setTimeout(() => pipes.forEach((p) => p.drop()), DRAIN_MS).unref();
          fn(sig);
        };
        process.on(sig, h);
        return [sig, h] as const;
      });
      listeners.add(fn);
      if (end) stop();
      return () => {
        handlers.forEach(([sig, h]) => process.off(sig, h));
        listeners.delete(fn);
      };
    },
    onSuspend: (fn) => suspend.add(fn),
    onContinue: (fn) => resume.add(fn),
    stopSelf,
  };
  return { io, outputEnd: () => end };
}

/**
 * A built-in module loaded only when a long-running command needs it (node:net, node:tty): they
 * and node:module (for createRequire) cost every short command milliseconds at start-up.
 * process.getBuiltinModule is Node 20.16's and later; the CLI bundle also has CommonJS's require.
 * Undefined when neither is there (the sources run as ESM on an older Node 20).
 */
function loadBuiltin<T>(id: 'node:net' | 'node:tty'): T | undefined {
  const builtin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (builtin) return builtin.call(process, id) as T;
  return typeof require === 'function' ? (require(id) as T) : undefined;
}

/** node:net for a pipe's queued writer; without it the writer stays synchronous. */
const loadNet = () => loadBuiltin<typeof import('node:net')>('node:net');

/** Whether this process already checks at exit for a terminal that hung up. */
let hangupWatched = false;

/** Which of stdin, stdout and stderr are terminals, read when a long-running command starts. */
function openTerminals(): number[] {
  const tty = loadBuiltin<typeof import('node:tty')>('node:tty');
  return tty ? [0, 1, 2].filter((fd) => tty.isatty(fd)) : [];
}

/**
 * At exit: if a descriptor that was a terminal no longer is one (the terminal was closed and
 * hung up, so it answers EIO), end by SIGHUP itself, as the kernel meant, instead of an exit code.
 * Node 20 restores each terminal's mode at exit and asserts that this works: on a hung-up
 * terminal it aborts with a native stack (exit 134; Node 22 and later accept the failure).
 * Death by SIGHUP skips that step, and a shell reads it as 129, the code docs/cli.md gives.
 * By now the session log is written and every pipe drained ('exit' runs last).
 */
function endByHangupIfGone(terminals: number[]): void {
  const tty = loadBuiltin<typeof import('node:tty')>('node:tty');
  if (!tty || !terminals.some((fd) => !tty.isatty(fd))) return;
  // With no listener left, Node hands SIGHUP back to the default action: the process ends.
  process.removeAllListeners('SIGHUP');
  process.kill(process.pid, 'SIGHUP');
}

/** How long output still queued after a stopping signal may take to reach its reader. */
const DRAIN_MS = 1000;

/** Whether a descriptor is a pipe or socket: a reader at its other end may stop reading. */
function isPipe(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isFIFO() || st.isSocket();
  } catch {
    return false;
  }
}

/** A pipe's writer: synchronous until `live`, then Node's queued stream; `drop` discards what is queued. */
interface PipeOut extends Out {
  live(): void;
  drop(): void;
}

/**
 * Output to a pipe or socket. Short commands write synchronously (fd-out.ts: no stream stack
 * to load, and the output is gone before the process ends). A long-running one is moved onto a
 * net.Socket over the same descriptor, which libuv makes non-blocking: a write the reader is
 * not ready for is queued, and the event loop (timers, signals) carries on. Failures are
 * reported as fd-out reports them: EPIPE as `closed`, anything else as `failed`, once.
 */
function pipeOut(fd: number, sync: Out, closed: () => void, failed: (e: NodeJS.ErrnoException) => void): PipeOut {
  let sock: Socket | undefined;
  let dead = false;
  const end = (e?: NodeJS.ErrnoException) => {
    if (dead) return;
    dead = true;
    if (!e || e.code === 'EPIPE') closed();
    else failed(e);
  };
  return {
    isTTY: false,
    write(chunk: string) {
      if (dead) return false;
      if (!sock) {
        const ok = sync.write(chunk);
        if (!ok) dead = true;
        return ok;
      }
      sock.write(chunk);
      return true;
    },
    live() {
      if (sock || dead) return;
      const net = loadNet();
      if (!net) return;
      try {
        sock = new net.Socket({ fd, readable: false, writable: true });
      } catch {
        // A descriptor Node cannot stream (a UDP socket): it keeps the synchronous writer.
        return;
      }
      sock.on('error', (e: NodeJS.ErrnoException) => end(e));
      // Queued writes still keep the process alive until they are written; an idle socket does not.
      sock.unref();
    },
    drop() {
      if (!sock || sock.writableLength === 0) return;
      dead = true;
      sock.destroy();
    },
  };
}

/**
 * Handlers of one signal behind a single process listener, which is there only while a
 * handler is: with no listener, the signal keeps its default action (SIGTSTP stops).
 */
class SignalHandlers {
  private readonly fns = new Set<() => void>();
  private readonly listener = () => [...this.fns].forEach((f) => f());
  private held = false;
  constructor(private readonly signal: NodeJS.Signals) {}

  /** Register `fn`; returns an unregister function. */
  add(fn: () => void): () => void {
    this.fns.add(fn);
    this.sync();
    return () => {
      this.fns.delete(fn);
      this.sync();
    };
  }

  /** Take the process listener away (hold) or let it back (release) without losing handlers. */
  hold(on: boolean): void {
    this.held = on;
    this.sync();
  }

  /** Call every handler, as if the signal had come. */
  fire(): void {
    this.listener();
  }

  private sync(): void {
    const want = this.fns.size > 0 && !this.held;
    const has = process.listeners(this.signal).includes(this.listener);
    if (want && !has) process.on(this.signal, this.listener);
    else if (!want && has) process.off(this.signal, this.listener);
  }
}

const suspend = new SignalHandlers('SIGTSTP');
const resume = new SignalHandlers('SIGCONT');

/**
 * SIGTSTP to ourselves (for 'job', to our whole process group) with the default action.
 * Removing the last listener gives the signal its default action back, so the kernel stops the
 * process inside kill(); the listener returns when SIGCONT comes. In an orphaned process group
 * the kernel discards SIGTSTP and no SIGCONT will come: a short timer then calls the continue
 * handlers so the caller's view comes back.
 */
function stopSelf(scope: StopScope): void {
  suspend.hold(true);
  let back = false;
  const onCont = () => settle(false);
  const settle = (simulate: boolean) => {
    if (back) return;
    back = true;
    clearTimeout(fallback);
    process.off('SIGCONT', onCont);
    suspend.hold(false);
    if (simulate) resume.fire();
  };
  process.on('SIGCONT', onCont);
  // Set after kill() returns, that is once the process runs again: a real SIGCONT is already
  // waiting by then and wins; only a discarded stop reaches this.
  let fallback: ReturnType<typeof setTimeout> | undefined;
  // Pid 0 is our process group: the shell's job, with any parent that waits for us in it.
  process.kill(scope === 'job' ? 0 : process.pid, 'SIGTSTP');
  fallback = setTimeout(() => settle(true), 100);
}
