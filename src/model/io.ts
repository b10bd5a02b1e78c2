import type { Clock } from './clock.js';

/** Why a command is asked to stop: a signal, or 'SIGPIPE' when its output has gone. */
export type Signal = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'SIGPIPE';

/** What a stop stops: the whole job (the process group, as a terminal's Ctrl-Z) or this process. */
export type StopScope = 'job' | 'process';

/** A writable text sink: process.stdout, or a fake in tests. */
export interface Out {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** A terminal's size in cells, as Node's tty.WriteStream reports it (0 or missing when unknown). */
  columns?: number;
  rows?: number;
  on?(event: string, fn: (...args: any[]) => void): unknown;
  off?(event: string, fn: (...args: any[]) => void): unknown;
  /** The sink beneath a filtering wrapper (render/ascii.ts), for libraries that need the real stream. */
  raw?: Out;
}

/** A readable input: process.stdin, or a fake in tests. */
export interface In {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  on(event: string, fn: (...args: any[]) => void): unknown;
  off(event: string, fn: (...args: any[]) => void): unknown;
  resume?(): unknown;
  pause?(): unknown;
}

/** Calendar time: milliseconds since 1970, and the local UTC offset in minutes (east positive) at an instant. */
export interface Calendar {
  now(): number;
  offset(epochMs: number): number;
}

/** Everything a command may touch in the outside world, passed in so tests can fake it. */
export interface Io {
  stdout: Out;
  stderr: Out;
  stdin: In;
  env: Record<string, string | undefined>;
  clock: Clock;
  /** Wall-clock time, for dates in the session log (the clock above is monotonic, for timing). */
  calendar: Calendar;
  cwd: string;
  /** The operating system, as process.platform names it (picks the speech engine). */
  platform: string;
  /**
   * Registers a handler for SIGINT/SIGTERM/SIGHUP, and for 'SIGPIPE': the output has gone (the
   * reader closed it, or a write failed), so whatever is running should stop. Returns an
   * unregister function.
   */
  onSignal(fn: (signal: Signal) => void): () => void;
  /**
   * Job control. While any handler is registered, SIGTSTP (Ctrl-Z in cooked mode, `kill -TSTP`)
   * calls it instead of stopping the process, so the caller can restore the terminal first and
   * then call `stopSelf`. Returns an unregister function.
   */
  onSuspend(fn: () => void): () => void;
  /** Registers a handler for SIGCONT: the process runs again after a stop (`fg`, `bg`, `kill -CONT`). */
  onContinue(fn: () => void): () => void;
  /**
   * Stop the way the shell expects from Ctrl-Z (SIGTSTP with its default action), even while
   * suspend handlers are registered; returns once the process runs again. 'job' stops the whole
   * process group, as the terminal's own Ctrl-Z does: for a Ctrl-Z read as a key in raw mode,
   * where the terminal sends no signal, so that a parent that waits (npx, `sh -c`) stops too and
   * the shell gets the terminal back. 'process' stops this process only: for a SIGTSTP that
   * already went where its sender meant it to.
   */
  stopSelf(scope: StopScope): void;
}
