// A user data file the load left out for a problem, kept as data beside the warning that names
// it, so a later "unknown routine" can say which file that name was in without reading the
// warning's words back or the file again.
import { CONTROL } from './printable.js';

/** A user data file skipped for a problem: as its warning shows it, and the id it gives itself. */
export interface SkippedFile {
  /** The file as its warning shows it: ~/… under HOME, else absolute (escaped when its name is not text). */
  file: string;
  /** The routine id the file gives itself, when that could be read (not for a points file). */
  id?: string;
}

const SPACE = /\s/;

/**
 * Whether `v` can be a SkippedFile's id: one plain word, no spaces or control characters (it is
 * shown in an error, and the user-data cache keeps it). No Unicode-property pattern: the cache's
 * checks run at start-up, where building one costs a cold process about half a millisecond.
 */
export function isIdWord(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && !SPACE.test(v) && !CONTROL.test(v);
}
