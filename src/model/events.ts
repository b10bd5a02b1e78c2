// The NDJSON events of `run --json`, as docs/cli.md documents them: inferred from the exported
// zod schemas, so the types the scheduler emits and the schemas scripts validate are one.
import type { z } from 'zod';
import type {
  endEventSchema, pauseEventSchema, pauseReasonSchema, phaseEventSchema, resumeEventSchema, runEventSchema, startEventSchema, tickEventSchema,
} from './json-schemas.js';

/** The first event: which routine, its planned length (ms) and number of phases. */
export type StartEvent = z.infer<typeof startEventSchema>;
/** A phase begins: its kind, point and side, planned and measured start (ms), cue text. */
export type PhaseEvent = z.infer<typeof phaseEventSchema>;
/** Once a second: time left in the phase and active time so far (ms). */
export type TickEvent = z.infer<typeof tickEventSchema>;
/** Why a run paused: user (a key), suspend (Ctrl-Z, SIGTSTP, a stop in the live view) or stall. */
export type PauseReason = z.infer<typeof pauseReasonSchema>;
/** The run paused, at this much active time (ms), for a reason. */
export type PauseEvent = z.infer<typeof pauseEventSchema>;
/** The run went on at this much active time (ms), after a pause of `paused_ms` clock time. */
export type ResumeEvent = z.infer<typeof resumeEventSchema>;
/** Why a run ended: done, quit or interrupted (with the signal). */
export type EndReason = EndEvent['reason'];
/** The last event: completed or not, why, and the active time (ms). */
export type EndEvent = z.infer<typeof endEventSchema>;
/** Any one line of `run --json`. */
export type RunEvent = z.infer<typeof runEventSchema>;
