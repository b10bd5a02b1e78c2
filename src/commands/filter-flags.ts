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

/** --max, --tag and --search as a routine filter; a bad --max is a usage error. */
export function routineFilter(o: FilterFlags): RoutineFilter {
  return {
    max_ms: o.max !== undefined ? flagDuration('--max', o.max, BOUNDS.minPhaseMs, BOUNDS.maxTotalMs) : undefined,
    tag: o.tag,
    search: o.search,
  };
}

/** --meridian, --region, --tag and --search as a point filter; unknown values are usage errors. */
export function pointFilter(o: FilterFlags): PointFilter {
  const channel = o.meridian ? withFlag('--meridian', () => resolveMeridian(o.meridian!)) : undefined;
  if (o.region && !(REGIONS as readonly string[]).includes(o.region)) {
    const near = suggest(o.region, REGIONS, 1);
    throw new UserError(`--region: unknown region ${quote(o.region)}; expected one of ${REGIONS.join(', ')}${near.length ? ` (did you mean "${near[0]}"?)` : ''}`);
  }
  return { channel, region: o.region, tag: o.tag, search: o.search };
}
