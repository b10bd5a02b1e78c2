import { fdOut, isPlainSink } from '../boot/fd-out.js';
import type { Io, Out } from '../model/io.js';
import { realClock } from '../core/clock.js';

/** What to do when output cannot be written. */
export interface OutputHandlers {
  /** A reader closed our output early (EPIPE): how `acupress list | head -1` ends. */
  closed(): void;
  /** Any other write failure (ENOSPC, EIO, /dev/full) on stdout (1) or stderr (2). */
  failed(fd: 1 | 2, e: NodeJS.ErrnoException): void;
}

/** The real process streams, environment, clock and signals; write failures go to `on`. */
export function realIo(on: OutputHandlers): Io {
  const out = (fd: 1 | 2): Out => {
    if (isPlainSink(fd, process.platform)) return fdOut(fd, on.closed, (e) => on.failed(fd, e));
    const stream = fd === 1 ? process.stdout : process.stderr;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') return on.closed();
      on.failed(fd, e);
    });
    return stream;
  };
  return {
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
      const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((sig) => {
        const h = () => fn(sig);
        process.on(sig, h);
        return [sig, h] as const;
      });
      return () => handlers.forEach(([sig, h]) => process.off(sig, h));
    },
  };
}
