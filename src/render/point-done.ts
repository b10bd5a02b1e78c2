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

/** The line the live view prints once a point is finished: "✔ LI4 Hégǔ, left and right". */
export function pointDone(id: string, name: string | undefined, sides: Iterable<Side>, c: Paint): string {
  return `${c.ok(c.g.tick)} ${pointWorked(id, name, sides)}`;
}
