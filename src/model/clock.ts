// The clock every timed part reads: real in the shell (core/clock.ts), fake in tests.

/** An opaque timer handle. */
export type TimerHandle = unknown;

/** The only way the core reads time or waits: real in the shell, fake in tests. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}
