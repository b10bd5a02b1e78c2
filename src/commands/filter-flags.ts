// The filter flags of `list` and `run --random`, parsed and checked here so the core's filters
// take plain values and the messages name the flag the person typed.
import { resolveMeridian } from '../core/channels.js';
import type { PointFilter, RoutineFilter } from '../core/filters.js';
import { count, suggest } from '../core/text.js';
import { flagDuration, BOUNDS } from '../model/duration.js';
import { UserError, withFlag } from '../model/errors.js';
import { REGIONS } from '../model/regions.js';
import { quote } from '../model/printable.js';
import { clusters } from '../render/width.js';

/** The filter flags as commander hands them over. */
export interface FilterFlags {
  meridian?: string;
  region?: string;
  tag?: string;
  search?: string;
  max?: string;
}

/**
 * The longest --search text, in characters as a person sees them ("é" is one, made of one code
 * point or two; a family emoji is one, of seven). Matching once folded the text for each of the
 * 410 points (it is folded once a search now: pointMatcher, in core/resolve.ts): 20,000
 * characters of "é" took 5 s and 40,000 took 10 s. No name, location or indication a search could
 * match comes near 200, and a longer text is a mistake worth saying so.
 */
export const MAX_SEARCH_CHARS = 200;

/** The most code points a --search text may have, however few characters they make (a letter under a thousand accents). */
export const MAX_SEARCH_CODE_POINTS = 2_000;

/**
 * --search checked: a text with nothing but spaces (or nothing at all: `--search "$q"` with q
 * unset) would match every name that has a space, or everything, so it is a usage error, as is
 * one longer than MAX_SEARCH_CHARS.
 */
function searchText(search: string | undefined): string | undefined {
  if (search === undefined) return undefined;
  if (search.trim() === '') throw new UserError('--search: give some text to search for (leave --search out to list everything)');
  // Only a long one is counted: a character is at least one UTF-16 unit.
  if (search.length > MAX_SEARCH_CHARS) {
    let points = 0;
    for (const _ of search) points++;
    const chars = points > MAX_SEARCH_CHARS ? clusters(search).length : points;
    if (chars > MAX_SEARCH_CHARS) throw new UserError(`--search: at most ${MAX_SEARCH_CHARS} characters (this one has ${chars})`);
    if (points > MAX_SEARCH_CODE_POINTS) throw new UserError(`--search: at most ${MAX_SEARCH_CHARS} characters of at most ${MAX_SEARCH_CODE_POINTS} code points in all (this one has ${count(chars, 'character')} of ${points})`);
  }
  return search;
}

/** --max, --tag and --search as a routine filter; a bad --max or too long a --search is a usage error. */
export function routineFilter(o: FilterFlags): RoutineFilter {
  return {
    max_ms: o.max !== undefined ? flagDuration('--max', o.max, BOUNDS.minPhaseMs, BOUNDS.maxTotalMs) : undefined,
    tag: o.tag,
    search: searchText(o.search),
  };
}

/** --meridian, --region, --tag and --search as a point filter; unknown values and too long a --search are usage errors. */
export function pointFilter(o: FilterFlags): PointFilter {
  const channel = o.meridian ? withFlag('--meridian', () => resolveMeridian(o.meridian!)) : undefined;
  if (o.region && !(REGIONS as readonly string[]).includes(o.region)) {
    const near = suggest(o.region, REGIONS, 1);
    throw new UserError(`--region: unknown region ${quote(o.region)}; expected one of ${REGIONS.join(', ')}${near.length ? ` (did you mean "${near[0]}"?)` : ''}`);
  }
  return { channel, region: o.region, tag: o.tag, search: searchText(o.search) };
}
