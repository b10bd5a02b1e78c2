// The session log's format facts that need no zod, shared by the schema (model/history.ts, the
// source of truth) and the quick check that reads a long log (model/history-quick.ts).

/** What a session ran: a routine (by id), a single point (by id), or a routine file (by absolute path). */
export const TARGET_KINDS = ['routine', 'point', 'file'] as const;

/** How a run ended, as `run --json`'s end event says. */
export const END_REASONS = ['done', 'quit', 'interrupted'] as const;

/** The sides a worked point names. */
export const WORKED_SIDES = ['left', 'right', 'both'] as const;

/** The longest each text of a record may be (characters), and the most entries of its lists. */
export const HISTORY_LIMITS = {
  session: 64,
  point: 64,
  target: 4096,
  title: 1000,
  signal: 16,
  condition: 64,
  points: 1000,
  conditions: 100,
} as const;
