// The zod schemas are the single source of truth: types come from z.infer,
// and the same schemas validate built-in data (in tests and at build time) and user files.
import { z } from 'zod';
import { BOUNDS, checkDuration } from './duration.js';
import { figureSchema } from './figure-schema.js';
import { CONTROL, CONTROL_IN_BLOCK, escapeHidden } from './printable.js';

import { LATERALITIES, LEVELS, MERIDIANS, MOTIONS, POINT_ID, PRESSURES, REGIONS, SIDES, SLUG, TECHNIQUES } from './enums.js';

export { LEVELS, MERIDIANS, MOTIONS, REGIONS, SIDES, TECHNIQUES };

// Nothing from a user file may reach the terminal as a control character (an escape sequence
// can retitle the window or clear the screen), so text is refused here, with its position.
// Block text (cues, locations, reasons) may hold newlines and tabs; names and titles are one line.
const controlFree = (pattern: RegExp, expected: string) => (s: string, ctx: z.RefinementCtx) => {
  const m = pattern.exec(s);
  if (m) ctx.addIssue({ code: 'custom', message: `expected ${expected}, found the control character ${escapeHidden(m[0])}`, input: s });
};
/** Block text: newlines and tabs allowed, other controls refused. */
const text = z.string().trim().min(1, 'expected a non-empty string').superRefine(controlFree(CONTROL_IN_BLOCK, 'plain text'));
/** A name, title or citation: one line, no controls at all. */
const line = z.string().trim().min(1, 'expected a non-empty string').superRefine(controlFree(CONTROL, 'plain text on one line'));
const id = (pattern: RegExp, what: string) => z.string().regex(pattern, `expected ${what}`);
const pointId = id(POINT_ID, 'a point code in capitals such as LI4 or EX-HN3');
const slug = id(SLUG, 'a lower-case id such as neck-and-shoulders');

/** A duration string or number of seconds, parsed to milliseconds and bounded. */
export const duration = (max: number = BOUNDS.maxPhaseMs) =>
  z.union([z.string(), z.number()], { error: 'expected a duration like 45s, 2m or 1m30s' }).transform((v, ctx) => {
    const r = checkDuration(v, BOUNDS.minPhaseMs, max);
    if ('error' in r) {
      ctx.addIssue({ code: 'custom', message: r.error, input: v });
      return z.NEVER;
    }
    return r.ms;
  });

const rounds = z.number({ error: 'expected a whole number of rounds from 1 to 10' })
  .int('expected a whole number of rounds from 1 to 10')
  .min(1, 'expected a whole number of rounds from 1 to 10')
  .max(10, 'expected a whole number of rounds from 1 to 10');

export const cautionSchema = z.strictObject({
  condition: slug,
  level: z.enum(LEVELS),
  reason: text,
  source: text,
});

const pointFields = z.strictObject({
  id: pointId,
  pinyin: line,
  // A point of your own may have no characters (a personal spot has no Chinese name); given one
  // form only, it stands for both. Built-in points must have both (builtinPointFileSchema).
  hanzi: line.optional(),
  hanzi_traditional: line.optional(),
  english: line,
  meridian: z.enum(MERIDIANS),
  region: z.enum(REGIONS),
  laterality: z.enum(LATERALITIES),
  location: text,
  find: text.optional(),
  technique: text.optional(),
  pressure: z.enum(PRESSURES).optional(),
  indications: z.array(line).default([]),
  cautions: z.array(cautionSchema).default([]),
  aliases: z.array(line).default([]),
  sources: z.array(line).default([]),
  // Where the point is drawn (figure-schema.ts); every built-in point has one, user points may.
  figure: figureSchema.optional(),
});

/** A point: characters filled in from each other, or empty (`''`) for a point of yours without any. */
export const pointSchema = pointFields.transform((p) => ({ ...p, hanzi: p.hanzi ?? p.hanzi_traditional ?? '', hanzi_traditional: p.hanzi_traditional ?? p.hanzi ?? '' }));

export const pointFileSchema = z.strictObject({
  points: z.array(pointSchema).min(1, 'expected at least one point'),
});

/** The built-in points: as a user's, but the simplified and traditional characters are required. */
export const builtinPointFileSchema = z.strictObject({
  points: z.array(pointFields.extend({ hanzi: line, hanzi_traditional: line })).min(1, 'expected at least one point'),
});

export const timingSchema = z.strictObject({
  locate: duration().optional(),
  ramp: duration().optional(),
  hold: duration(BOUNDS.maxHoldMs).optional(),
  release: duration().optional(),
  switch: duration().optional(),
  rest: duration().optional(),
  rounds: rounds.optional(),
});

// One flat, strict object validated by shape, then narrowed to a tagged step.
// A flat object gives far clearer errors than a zod union ("unknown key hodl", not "no union member matched").
const rawStep = z.strictObject({
  press: pointId.optional(),
  massage: line.optional(),
  // One body region, or a list when a massage covers several (arms and legs).
  region: z.union([z.enum(REGIONS), z.array(z.enum(REGIONS)).min(1)], { error: `expected a body region (${REGIONS.join(', ')}) or a list of them` }).optional(),
  // The points a massage works over (the tops of the shoulders work GB21): checked like presses.
  points: z.array(pointId).min(1, 'expected at least one point code').optional(),
  rest: duration().optional(),
  sides: z.enum(SIDES).optional(),
  motion: z.enum(MOTIONS).optional(),
  duration: duration(BOUNDS.maxPhaseMs).optional(),
  locate: duration().optional(),
  ramp: duration().optional(),
  hold: duration(BOUNDS.maxHoldMs).optional(),
  release: duration().optional(),
  rounds: rounds.optional(),
  cue: text.optional(),
  // The cue for one side only (run --side left or right on a step that presses both at once),
  // where `cue` speaks of both hands, temples or thumbs. Without it, `cue` is used on one side too.
  cue_one_side: text.optional(),
  find: text.optional(),
});

type RawStep = z.output<typeof rawStep>;
const PRESS_ONLY = ['sides', 'locate', 'ramp', 'hold', 'release', 'rounds', 'find', 'cue_one_side'] as const;
const MASSAGE_ONLY = ['motion', 'duration', 'region', 'points'] as const;

export const stepSchema = rawStep.transform((s: RawStep, ctx) => {
  const kinds = (['press', 'massage', 'rest'] as const).filter((k) => s[k] !== undefined);
  if (kinds.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      message: kinds.length === 0
        ? 'expected a step with one of press, massage or rest'
        : `expected only one of press, massage or rest, got ${kinds.join(' and ')}`,
    });
    return z.NEVER;
  }
  const kind = kinds[0]!;
  const stray = [
    ...(kind === 'press' ? [] : PRESS_ONLY),
    ...(kind === 'massage' ? [] : MASSAGE_ONLY),
  ].filter((k) => s[k] !== undefined);
  for (const k of stray) {
    ctx.addIssue({ code: 'custom', path: [k], message: `"${k}" does not apply to a ${kind} step` });
  }
  if (kind === 'massage' && s.duration === undefined) {
    ctx.addIssue({ code: 'custom', path: ['duration'], message: 'expected a duration for the massage step, like 1m' });
  }
  if (stray.length > 0 || (kind === 'massage' && s.duration === undefined)) return z.NEVER;
  if (kind === 'press') {
    return {
      kind: 'press' as const,
      point: s.press!,
      sides: s.sides,
      locate: s.locate,
      ramp: s.ramp,
      hold: s.hold,
      release: s.release,
      rounds: s.rounds,
      cue: s.cue,
      find: s.find,
      // Optional in the type too: steps made in code (run LI4) have no cue of their own.
      ...(s.cue_one_side !== undefined ? { cueOneSide: s.cue_one_side } : {}),
    };
  }
  if (kind === 'massage') {
    return {
      kind: 'massage' as const,
      area: s.massage!,
      regions: s.region === undefined ? [] : Array.isArray(s.region) ? s.region : [s.region],
      points: s.points ?? [],
      motion: s.motion ?? 'circles',
      duration: s.duration!,
      cue: s.cue,
    };
  }
  return { kind: 'rest' as const, duration: s.rest!, cue: s.cue };
});

export const routineSchema = z.strictObject({
  id: slug,
  title: line,
  summary: text,
  aliases: z.array(line).default([]),
  tags: z.array(slug).default([]),
  sources: z.array(line).min(1, 'expected at least one source'),
  evidence: text.optional(),
  // Who should not use the routine, or only after asking someone (each text names both): shown
  // wherever the red flags are, never hidden by --no-tips or --quiet.
  contraindications: z.array(text).default([]),
  // Only reasons to get medical help instead of pressing (shown as such); everyday advice (how
  // hard to press, what to skip) goes in tips, and who should not use it in contraindications.
  red_flags: z.array(text).default([]),
  tips: z.array(text).default([]),
  timing: timingSchema.default({}),
  steps: z.array(stepSchema).min(1, 'expected at least one step'),
});

const ruleSchema = z.strictObject({
  level: z.enum(LEVELS),
  points: z.array(pointId).optional(),
  regions: z.array(z.enum(REGIONS)).optional(),
  // Steps that do these things (kneading, massaging the neck, moving the head), wherever they work.
  techniques: z.array(z.enum(TECHNIQUES)).min(1).optional(),
  practice: z.literal(true).optional(),
  reason: text,
  source: text,
  cited_by: z.array(line).optional(),
}).refine((r) => [r.points, r.regions, r.techniques, r.practice].filter((x) => x !== undefined).length === 1, {
  message: 'expected a rule to name exactly one of points, regions, techniques or practice',
});

const recommendedSchema = z.strictObject({
  points: z.array(pointId).min(1),
  reason: text,
  source: text,
});

// Indications that can be emergencies (chest pain, fainting …): wherever a point is shown as
// traditionally used for one of them, this says where to get help instead.
const urgentSchema = z.strictObject({
  indications: z.array(slug).min(1),
  reason: text,
  source: text,
});

export const conditionSchema = z.strictObject({
  id: slug,
  flag: slug.optional(),
  title: line,
  aliases: z.array(line).default([]),
  description: text,
  advice: text,
  // The most pressure any press may ask for while the condition is in force, when its advice asks
  // that of every point (pregnancy: "Keep the pressure light"): run, show and the sheet say each
  // cue and a point card's Press line within it (core/step-cautions.ts).
  pressure: z.enum(PRESSURES).optional(),
  rules: z.array(ruleSchema).min(1, 'expected at least one rule'),
  recommended: z.array(recommendedSchema).default([]),
  urgent: z.array(urgentSchema).default([]),
  // Conditions whose advice the advice says to read too (a clot is treated with blood thinners, so
  // blood-clot reads bleeding): a routine offered as safer has nothing to avoid under them either,
  // and their pressure (bleeding's gentle) caps every press and massage cue (step-cautions.ts).
  read_also: z.array(slug).default([]),
});

export const conditionFileSchema = z.strictObject({
  conditions: z.array(conditionSchema).min(1),
});

export const profileSchema = z.strictObject({
  conditions: z.array(slug).default([]),
  tips_seen: z.boolean().default(false),
  /** false turns the session log off (absent means on, and stays absent when the profile is saved). */
  history: z.boolean({ error: 'expected true or false' }).optional(),
});
