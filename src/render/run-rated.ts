// The one line `run --rate` ends with: what the session log now holds for this session's ratings.
import { escapeHidden } from '../model/printable.js';
import { signed } from './history-view.js';

/**
 * "Recorded: headache, before 7, after 3 (−4)." `name` is the routine or point id (a file's
 * title); a rating skipped (or not written) is said to be missing rather than left out silently.
 */
export function recordedLine(name: string, before: number | undefined, after: number | undefined): string {
  const who = escapeHidden(name);
  if (before === undefined && after === undefined) return `Recorded: ${who}, no ratings.`;
  if (after === undefined) return `Recorded: ${who}, before ${before} (no after rating).`;
  if (before === undefined) return `Recorded: ${who}, after ${after} (no before rating).`;
  return `Recorded: ${who}, before ${before}, after ${after} (${signed(after - before)}).`;
}
