/** What the person is doing during a phase. */
export const PHASE_KINDS = ['locate', 'ramp', 'hold', 'release', 'switch', 'massage', 'rest'] as const;
/** What the person is doing during a phase. */
export type PhaseKind = (typeof PHASE_KINDS)[number];
/** Which side of the body; `center` for midline points. */
export const SIDES = ['left', 'right', 'both', 'center'] as const;
/** Which side of the body; `center` for midline points. */
export type Side = (typeof SIDES)[number];

/** One timed segment of a run. Offsets are planned, in milliseconds from the start. */
export interface Phase {
  index: number;
  kind: PhaseKind;
  /** Index of the routine step this phase belongs to. */
  step: number;
  point?: string;
  side?: Side;
  round?: number;
  rounds?: number;
  offset_ms: number;
  duration_ms: number;
  text: string;
  /**
   * A ramp's text as data, when the plan has texts: its pressure word as said ("gently (with
   * pregnancy)") and the step's cue as said (within a caution's pressure). `run --voice` builds its
   * shorter forms from these rather than reading them back out of `text`. Not in --json's events.
   */
  said?: { pressure: string; cue?: string };
}

/** A whole planned run. */
export interface Timeline {
  routine: string;
  title: string;
  phases: Phase[];
  total_ms: number;
  /** The distinct points pressed, in order. */
  points: string[];
}
