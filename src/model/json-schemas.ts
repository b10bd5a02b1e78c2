// zod schemas of every JSON shape the CLI prints, exported by the package so scripts and
// tests can validate what they read; the run's event types (events.ts) are inferred from them.
// docs/cli.md documents the same shapes.
import { z } from 'zod';
import { PHASE_KINDS, SIDES } from './timeline.js';
import { sessionSchema, TARGET_KINDS, workedPointSchema } from './history.js';

const phaseKind = z.enum(PHASE_KINDS);
const side = z.enum(SIDES);
const ms = z.number().int().nonnegative();

/** A step `run --skip-unsafe` left out: its index in the routine's steps (from 0), what it presses, works or does (kneading, moving the head), and for whom. */
export const skippedStepSchema = z.strictObject({
  step: z.number().int().nonnegative(), points: z.array(z.string()), regions: z.array(z.string()), techniques: z.array(z.string()), conditions: z.array(z.string()),
});
/**
 * A run begins. A real run adds the safety conditions applied (ids; empty with none) and the steps
 * left out for them, `skipped`, which stderr also lists, so a script reading stdout alone knows.
 */
export const startEventSchema = z.strictObject({
  type: z.literal('start'), routine: z.string(), title: z.string(), total_ms: ms, phases: z.number().int().positive(),
  conditions: z.array(z.string()).optional(), skipped: z.array(skippedStepSchema).optional(),
});
export const phaseEventSchema = z.strictObject({
  type: z.literal('phase'), index: z.number().int().nonnegative(), kind: phaseKind, point: z.string().optional(), side: side.optional(),
  round: z.number().int().positive().optional(), rounds: z.number().int().positive().optional(),
  duration_ms: ms, planned_ms: ms, elapsed_ms: ms.optional(), text: z.string().min(1),
  /** A run's phase of a step with cautions for the conditions applied (or for everyone, `general`): each rule and the point, region or technique it is about. */
  cautions: z.array(z.strictObject({ condition: z.string(), point: z.string().optional(), region: z.string().optional(), technique: z.string().optional(), reason: z.string().min(1) })).optional(),
});
export const tickEventSchema = z.strictObject({ type: z.literal('tick'), index: z.number().int().nonnegative(), remaining_ms: ms, elapsed_ms: ms });
/**
 * Why a run paused: `user` (a key), `suspend` (Ctrl-Z or SIGTSTP: the process was stopped by job
 * control) or `stall` (the clock jumped seconds past a wake-up: the process was stopped from outside
 * or starved, and the gap counts as paused time).
 */
export const pauseReasonSchema = z.enum(['user', 'suspend', 'stall']);
/** A run paused at active time `elapsed_ms`. */
export const pauseEventSchema = z.strictObject({ type: z.literal('pause'), index: z.number().int().nonnegative(), elapsed_ms: ms, reason: pauseReasonSchema });
/** A run went on at active time `elapsed_ms` after a pause of `paused_ms` clock milliseconds; `reason` is that pause's. */
export const resumeEventSchema = z.strictObject({
  type: z.literal('resume'), index: z.number().int().nonnegative(), elapsed_ms: ms, reason: pauseReasonSchema, paused_ms: ms,
});
/**
 * The run's end. A run's end (not a `--dry-run` plan's) says which points it worked, as its summary
 * and the session log do: `points`, each with the sides held through, and `partly`, the sides only
 * cut short after at least half their hold (both always present, empty lists when none).
 */
export const endEventSchema = z.strictObject({
  type: z.literal('end'), completed: z.boolean(), reason: z.enum(['done', 'quit', 'interrupted']), elapsed_ms: ms.optional(), signal: z.string().optional(),
  points: z.array(workedPointSchema).optional(), partly: z.array(workedPointSchema).optional(),
});
/** One line of `run --json`. */
export const runEventSchema = z.discriminatedUnion('type', [startEventSchema, phaseEventSchema, tickEventSchema, pauseEventSchema, resumeEventSchema, endEventSchema]);

const level = z.enum(['avoid', 'caution']);
const text = z.string().min(1);
const cited = { reason: text, source: text };

/** One reason to avoid or be careful with a target: a point or a region it uses, or a technique a step of it uses, under a condition (`general`: everyone). */
export const checkFindingSchema = z.strictObject({
  target: z.string(), point: z.string().optional(), region: z.string().optional(),
  /** What a step does that a `techniques` rule restricts: kneading, neck-massage, neck-movement, body-weight, neck-weight. */
  technique: z.string().optional(),
  /** For a technique, or a massage step that names no point or region: its index in the routine's steps, from 0. */
  step: z.number().int().nonnegative().optional(),
  condition: z.string(), level, ...cited, cited_by: z.array(z.string()).optional(),
});

/** A rule of a condition, as its card shows it: the points, regions or techniques it names, or a practice rule. */
export const checkRuleSchema = z.strictObject({
  condition: z.string(), level, points: z.array(z.string()).optional(), regions: z.array(z.string()).optional(),
  techniques: z.array(z.string()).optional(),
  practice: z.literal(true).optional(), ...cited, cited_by: z.array(z.string()).optional(),
});

/**
 * The object printed by `check --json`. It carries everything the text shows:
 * - `ok`: false when a target has something to avoid (exit 1); with no target it is true.
 * - `conditions`: the conditions in force: those named (flags, profile), then those their advice says
 *   to read too, which count as named wherever conditions are judged (blood-clot: bleeding).
 * - `read_also`: each condition in force that nobody named, there because others in force say to read it
 *   too, and which (`by`); the text says the same after the summary.
 * - `summary`: the text's two summary lines as ids. With targets: the targets to avoid, to use
 *   with care and that are fine, and safer routines. With no target: the points and regions the
 *   conditions say to avoid, then the techniques (with no condition, the points never to press yourself), the ones to
 *   use with care, the commonly used ones, and routines with nothing to avoid.
 * - `findings`: per target, each point or region to avoid or use with care (targets only).
 * - `rules`: with no target, every rule of the conditions asked about.
 * - `never_press`: with no target, the points nobody should press on themselves.
 * - `advice`: practice advice for the conditions (with none: the general advice, with no target).
 * - `recommended`: points the conditions' sources commonly use; `notes`: those among the targets.
 * - `urgent`: complaints that need a doctor or emergency help rather than acupressure.
 * - `contraindications`: each routine target's own list of who should not use it (or only after
 *   asking the person named), as its card shows it.
 * - `red_flags`: each routine target's own red flags (signs to get help first), as its card shows them.
 * - `tips`: each routine target's everyday advice (how hard to press, what to skip), as its card shows it.
 * - `pregnancy_hint`: whenever pregnancy is not in force, each routine target that uses points or regions
 *   avoided in pregnancy, with the line the text says it in ("If you are pregnant: …").
 * - `safer`: safer routines, for each target to avoid (or, with no target, for the conditions).
 */
export const checkReportSchema = z.strictObject({
  ok: z.boolean(),
  conditions: z.array(z.string()),
  read_also: z.array(z.strictObject({ condition: z.string(), by: z.array(z.string()).min(1) })),
  summary: z.strictObject({
    avoid: z.array(z.string()), caution: z.array(z.string()), fine: z.array(z.string()), safer: z.array(z.string()),
  }),
  findings: z.array(checkFindingSchema),
  rules: z.array(checkRuleSchema),
  never_press: z.array(z.strictObject({ point: z.string(), name: z.string(), ...cited })),
  advice: z.array(z.strictObject({ condition: z.string(), level, ...cited })),
  recommended: z.array(z.strictObject({ condition: z.string(), points: z.array(z.string()).min(1), ...cited })),
  notes: z.array(z.strictObject({ target: z.string(), point: z.string(), condition: z.string(), ...cited })),
  urgent: z.array(z.strictObject({ condition: z.string(), indications: z.array(z.string()).min(1), points: z.array(z.string()), ...cited })),
  safer: z.array(z.strictObject({ target: z.string().optional(), routines: z.array(z.string()) })),
  contraindications: z.array(z.strictObject({ target: z.string(), text: z.string() })),
  red_flags: z.array(z.strictObject({ target: z.string(), text: z.string() })),
  tips: z.array(z.strictObject({ target: z.string(), text: z.string() })),
  pregnancy_hint: z.array(z.strictObject({ target: z.string(), text: z.string() })),
});

/** The `check --json` object's type, inferred from its schema. */
export type CheckReport = z.output<typeof checkReportSchema>;

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

/** One element of `history --json`: a session record as the log holds it, with its latest after-rating folded in. */
export const historyRecordSchema = z.strictObject(sessionSchema.shape);

const count = z.number().int().nonnegative();
const mean = (min: number) => z.number().min(min).max(10).nullable();
/** The object printed by `stats --json`. */
export const statsReportSchema = z.strictObject({
  /** The --since instant (ISO 8601 with offset), or null for the whole log. */
  since: z.string().nullable(),
  /** When the report was made. */
  until: z.string(),
  sessions: count,
  active_ms: ms,
  completed: count,
  /** The current streak: consecutive local days with a session, through today or yesterday. */
  streak: z.strictObject({ days: count, through: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable() }),
  routines: z.array(z.strictObject({
    target: z.string(), kind: z.enum(TARGET_KINDS), title: z.string(),
    sessions: count, active_ms: ms, completed: count, completed_share: z.number().min(0).max(1),
    rated: count, mean_before: mean(0), mean_after: mean(0), mean_change: mean(-10), enough: z.boolean(), last: z.string(),
  })),
});
