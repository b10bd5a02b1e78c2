// The filter flags of `list` and `run --random`, parsed and checked here so the core's filters
// take plain values and the messages name the flag the person typed.
import { resolveMeridian } from '../core/channels.js';
import type { PointFilter, RoutineFilter } from '../core/filters.js';
import { suggest } from '../core/text.js';
import { flagDuration, BOUNDS } from '../model/duration.js';
import { UserError, withFlag } from '../model/errors.js';
import { REGIONS } from '../model/regions.js';
import { quote } from '../model/printable.js';

/** The filter flags as commander hands them over. */
export interface FilterFlags {
  meridian?: string;
  region?: string;
  tag?: string;
  search?: string;
  max?: string;
}

/**
 * The longest --search text, in characters. Matching once folded the text for each of the 410
 * points (it is folded once a search now: pointMatcher, in core/resolve.ts): 20,000 characters
 * of "é" took 5 s and 40,000 took 10 s. No name, location or indication a search could match
 * comes near 200, and a longer text is a mistake worth saying so.
 */
export const MAX_SEARCH_CHARS = 200;

/** --search checked: a text longer than MAX_SEARCH_CHARS is a usage error. */
function searchText(search: string | undefined): string | undefined {
  // Counted in characters (code points), not UTF-16 units; only a long one is counted.
  if (search !== undefined && search.length > MAX_SEARCH_CHARS) {
    let chars = 0;
    for (const _ of search) chars++;
    if (chars > MAX_SEARCH_CHARS) throw new UserError(`--search: at most ${MAX_SEARCH_CHARS} characters (this one has ${chars})`);
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
