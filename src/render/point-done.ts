import type { Side } from '../model/timeline.js';
import type { Paint } from './paint.js';

/** The sides a point was worked on, in words: "left and right", "right", "both sides", or "" for a midline point. */
export function sidesPhrase(sides: Iterable<Side>): string {
  const set = new Set(sides);
  set.delete('center');
  const order: Side[] = ['left', 'right', 'both'];
  const words = order.filter((s) => set.has(s)).map((s) => (s === 'both' ? 'both sides' : s));
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** A point with its name and sides, as the summary lists it: "LI4 Hégǔ, left and right". */
export function pointWorked(id: string, name: string | undefined, sides: Iterable<Side>): string {
  const phrase = sidesPhrase(sides);
  return `${id}${name ? ` ${name}` : ''}${phrase ? `, ${phrase}` : ''}`;
}

/**
 * A point as a run worked it (see pointsWorked): `worked` the sides held through, `partly` those
 * whose hold was cut short after at least half; undefined when there are none. "GB20 Fēngchí, left and right", "GB20
 * Fēngchí, left (right partly)", "GB20 Fēngchí, right, partly", "CV17 Shānzhōng, partly".
 */
export function workedPhrase(id: string, name: string | undefined, worked: Iterable<Side> | undefined, partly: Iterable<Side> | undefined): string {
  if (!worked) return `${pointWorked(id, name, partly ?? [])}, partly`;
  const cut = partly ? sidesPhrase(partly) : '';
  return `${pointWorked(id, name, worked)}${cut ? ` (${cut} partly)` : ''}`;
}

/**
 * The line the live view prints once a point is finished: "✔ LI4 Hégǔ, left and right", or, when
 * no hold of it ran to its end, "· LI4 Hégǔ, left, partly".
 */
export function pointDone(id: string, name: string | undefined, worked: Iterable<Side> | undefined, partly: Iterable<Side> | undefined, c: Paint): string {
  return `${worked ? c.ok(c.g.tick) : c.dim(c.g.dot)} ${workedPhrase(id, name, worked, partly)}`;
}
