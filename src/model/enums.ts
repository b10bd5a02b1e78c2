// The closed vocabularies of the data, importable without loading zod: schema.ts builds its
// enums from these, and the cache's shape check (store/cache-shape.ts) tests against them.
import { CHANNELS } from './channels.js';

export { REGIONS } from './regions.js';

/** The channel codes a point may name (the one table is model/channels.ts). */
export const MERIDIANS = CHANNELS;
export const MOTIONS = ['pressure', 'circles', 'kneading', 'rolling', 'tapping', 'stretching', 'stroking', 'pinching'] as const;
export const LEVELS = ['avoid', 'caution'] as const;
export const SIDES = ['each', 'both', 'left', 'right'] as const;
export const LATERALITIES = ['bilateral', 'midline'] as const;
export const PRESSURES = ['gentle', 'moderate', 'firm'] as const;

/** A point code in capitals: LI4, EX-HN3. */
export const POINT_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;
/** A lower-case id: neck-and-shoulders. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
