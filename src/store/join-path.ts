// path.join for the store's start-up paths (model/plain-join.ts says why).
import { join, sep } from 'node:path';
import { plainJoin } from '../model/plain-join.js';

/** path.join(dir, ...names), by plain concatenation when that is the same answer. */
export function joinPath(dir: string, ...names: string[]): string {
  return plainJoin(sep, dir, ...names) ?? join(dir, ...names);
}
