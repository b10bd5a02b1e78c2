// Figures as data (issue 19): body views drawn as vector outlines, and each point's place on one.
// The zod schemas here are the single source of truth for data/figures/*.yaml and for the
// `figure` field of a point (built-in and user points alike, and `show --json`).
import { z } from 'zod';
import { FIGURE_VIEWS } from './figure-views.js';
import { REGIONS } from './regions.js';

export { FIGURE_VIEWS };

/** A fraction of a view's box: 0 is the left or top edge, 1 the right or bottom edge. */
const fraction = z.number({ error: 'expected a number from 0 to 1' })
  .min(0, 'expected a number from 0 to 1')
  .max(1, 'expected a number from 0 to 1');

/** One more mark of the same point, for points that are a group (Sishencong, Baxie, Jiaji …). */
export const figureMarkSchema = z.strictObject({ x: fraction, y: fraction });

/**
 * Where a point is drawn: `{ view, x, y }`, x and y fractions of the view's box (y downward).
 * On a view with `mirror: true` a bilateral point is placed on the person's LEFT side and a
 * renderer mirrors x about the midline (x' = 1 - x) for the right; midline points sit at x = 0.5.
 * On a one-sided view (`side: left`) the placement is the person's left side as drawn.
 * `also` lists further marks of a point that is a group of places (for example the four points
 * of EX-HN1 around GV20), on the same side as the main mark.
 */
export const figureSchema = z.strictObject({
  view: z.enum(FIGURE_VIEWS, { error: `expected a figure view (${FIGURE_VIEWS.join(', ')})` }),
  x: fraction,
  y: fraction,
  also: z.array(figureMarkSchema).max(20, 'expected at most 20 further marks').optional(),
});

/** Which face of the body (or body part) a view shows. */
export const VIEW_FACES = ['front', 'back', 'left', 'right', 'top', 'bottom', 'inner', 'outer'] as const;

// SVG path data: the commands and numbers of the `d` attribute, nothing else (no markup can
// ride along into an HTML sheet). Built-in views use absolute M, L, C, Q and Z only (a data test
// checks it), so a renderer may rely on those.
const pathData = z.string()
  .max(20_000, 'expected path data of at most 20000 characters')
  .regex(/^\s*M[\s\d.,eE+\-MmLlHhVvCcSsQqTtAaZz]*$/, 'expected SVG path data starting with M, such as "M 0 0 L 10 10 Z"');

const landmarkSchema = z.strictObject({
  name: z.string().trim().min(1, 'expected a landmark name'),
  x: fraction,
  y: fraction,
});

/**
 * A body region drawn as an ellipse on a view, for a massage step's figure: centre x, y and radii
 * rx, ry as fractions of the box's width and height. On a mirrored view an area off the midline
 * is the person's left and mirrors like a point. A region may have an area on several views (hand
 * on the back of the hand and the palm); the first view in FIGURE_VIEWS order is its default.
 */
export const figureAreaSchema = z.strictObject({
  region: z.enum(REGIONS),
  x: fraction,
  y: fraction,
  rx: fraction,
  ry: fraction,
});

/**
 * One body view, drawn for acupress (data/figures/<id>.yaml).
 * - `box`: the drawing's viewBox size (its aspect ratio); outlines use these units, origin top left.
 * - `side`: which side of the person a one-sided view depicts (`left` for all built-in one-sided
 *   views), or `none` for a view that shows both sides symmetrically.
 * - `mirror`: true on symmetric views (side none): the midline is x = 0.5 and a bilateral point's
 *   placement (the person's left) mirrors to 1 - x for the right.
 * - `person_left`: on a symmetric view, which half of the drawing holds the person's left side:
 *   `viewer-right` when the view faces the person (face, chest), `viewer-left` from behind or above.
 * - `outlines`: the figure's main lines (silhouette and main features), SVG path `d` strings.
 * - `details`: lighter lines (creases, nails, hairline, bony landmarks); optional, a renderer
 *   short of room may leave them out.
 * - `landmarks`: named anatomical landmarks, in fractions of the box like placements.
 * - `areas`: body regions on this view (figureAreaSchema), for massage steps; optional.
 */
export const figureViewSchema = z.strictObject({
  id: z.enum(FIGURE_VIEWS, { error: `expected a figure view id (${FIGURE_VIEWS.join(', ')})` }),
  title: z.string().trim().min(1, 'expected a title'),
  shows: z.enum(VIEW_FACES),
  side: z.enum(['left', 'right', 'none']),
  mirror: z.boolean().default(false),
  person_left: z.enum(['viewer-left', 'viewer-right']).optional(),
  box: z.strictObject({
    width: z.number().positive().max(10_000),
    height: z.number().positive().max(10_000),
  }),
  outlines: z.array(pathData).min(1, 'expected at least one outline'),
  details: z.array(pathData).default([]),
  landmarks: z.array(landmarkSchema).default([]),
  areas: z.array(figureAreaSchema).default([]),
}).superRefine((v, ctx) => {
  if (v.mirror && v.side !== 'none') ctx.addIssue({ code: 'custom', path: ['mirror'], message: 'a mirrored view shows both sides: expected side none' });
  if (v.mirror !== (v.person_left !== undefined)) ctx.addIssue({ code: 'custom', path: ['person_left'], message: 'expected person_left exactly on mirrored views' });
});
