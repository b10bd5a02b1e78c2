import type { Io } from './io.js';
import { realClock } from './schedule/clock.js';

/** The real process streams, environment, clock and signals. */
export function realIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // process.stdin builds a stream on first touch (a few ms); only runs that read keys need it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    clock: realClock,
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
