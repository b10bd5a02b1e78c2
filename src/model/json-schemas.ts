// zod schemas of every JSON shape the CLI prints, exported by the package so scripts and
// tests can validate what they read; the run's event types (events.ts) are inferred from them.
// docs/cli.md documents the same shapes.
import { z } from 'zod';
import { PHASE_KINDS, SIDES } from './timeline.js';

const phaseKind = z.enum(PHASE_KINDS);
const side = z.enum(SIDES);
const ms = z.number().int().nonnegative();

export const startEventSchema = z.strictObject({ type: z.literal('start'), routine: z.string(), title: z.string(), total_ms: ms, phases: z.number().int().positive() });
export const phaseEventSchema = z.strictObject({
  type: z.literal('phase'), index: z.number().int().nonnegative(), kind: phaseKind, point: z.string().optional(), side: side.optional(),
  round: z.number().int().positive().optional(), rounds: z.number().int().positive().optional(),
  duration_ms: ms, planned_ms: ms, elapsed_ms: ms.optional(), text: z.string().min(1),
});
export const tickEventSchema = z.strictObject({ type: z.literal('tick'), index: z.number().int().nonnegative(), remaining_ms: ms, elapsed_ms: ms });
export const pauseEventSchema = z.strictObject({ type: z.enum(['pause', 'resume']), index: z.number().int().nonnegative(), elapsed_ms: ms });
export const endEventSchema = z.strictObject({
  type: z.literal('end'), completed: z.boolean(), reason: z.enum(['done', 'quit', 'interrupted']), elapsed_ms: ms.optional(), signal: z.string().optional(),
});
/** One line of `run --json`. */
export const runEventSchema = z.discriminatedUnion('type', [startEventSchema, phaseEventSchema, tickEventSchema, pauseEventSchema, endEventSchema]);

const level = z.enum(['avoid', 'caution']);
/** The object printed by `check --json`. */
export const checkReportSchema = z.strictObject({
  ok: z.boolean(),
  conditions: z.array(z.string()),
  findings: z.array(z.strictObject({
    target: z.string(), point: z.string().optional(), region: z.string().optional(), condition: z.string(), level,
    reason: z.string().min(1), source: z.string().min(1), cited_by: z.array(z.string()).optional(),
  })),
  advice: z.array(z.strictObject({ condition: z.string(), level, reason: z.string(), source: z.string() })),
  notes: z.array(z.strictObject({ target: z.string(), point: z.string(), condition: z.string(), reason: z.string(), source: z.string() })),
});

/** One row of `list --json` (routines). */
export const routineRowSchema = z.strictObject({
  id: z.string(), title: z.string(), summary: z.string(), tags: z.array(z.string()), aliases: z.array(z.string()),
  duration_ms: ms, source: z.enum(['builtin', 'user']),
});

/**
 * The `figure` field of a point in `show --json` and `list points --json`: `{ view, x, y, also? }`,
 * x and y fractions of the view's box (y downward), for the person's left side (figure-schema.ts).
 */
export { figureSchema, figureViewSchema, FIGURE_VIEWS } from './figure-schema.js';
