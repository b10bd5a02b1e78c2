// The closed vocabularies of the data, importable without loading zod: schema.ts builds its
// enums from these, and the cache's shape check (store/cache-shape.ts) tests against them.
import { CHANNELS } from './channels.js';

export { REGIONS } from './regions.js';

/** The channel codes a point may name (the one table is model/channels.ts). */
export const MERIDIANS = CHANNELS;
/** How a massage step works the area. */
export const MOTIONS = ['pressure', 'circles', 'kneading', 'rolling', 'tapping', 'stretching', 'stroking', 'pinching'] as const;
/**
 * What a step may do besides pressing a point, for the conditions whose advice restricts it
 * (core/techniques.ts reads them from a step): kneading, any massage of the neck, moving the head
 * (turning, tilting, rolling or stretching the neck), leaning your body weight into a point
 * (against a ball or a wall, or lying on one), and such weight where the neck takes it (neck-weight:
 * the head's weight on the hands or a ball, weight leant on a point of the neck, or leant in while
 * the head moves).
 */
export const TECHNIQUES = ['kneading', 'neck-massage', 'neck-movement', 'body-weight', 'neck-weight'] as const;
/** How strongly a safety rule speaks: avoid the point or area, or use it with care. */
export const LEVELS = ['avoid', 'caution'] as const;
/** Which side a press step works: each in turn, both at once, or one. */
export const SIDES = ['each', 'both', 'left', 'right'] as const;
/** Whether a point is paired left and right, or single on the midline. */
export const LATERALITIES = ['bilateral', 'midline'] as const;
/** The most pressure a point takes. */
export const PRESSURES = ['gentle', 'moderate', 'firm'] as const;

/** A point code in capitals: LI4, EX-HN3. */
export const POINT_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;
/** A lower-case id: neck-and-shoulders. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
