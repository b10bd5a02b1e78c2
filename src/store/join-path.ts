// path.join for the store's start-up paths (model/plain-join.ts says why).
import { join, sep } from 'node:path';
import { joinerOf } from '../model/plain-join.js';

/** path.join(dir, ...names), by plain concatenation when that is the same answer. */
export const joinPath = joinerOf(join, sep);
