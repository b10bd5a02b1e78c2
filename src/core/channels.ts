// Looking channels up: a code, legacy code or English name to its code, and point order.
import { CHANNELS, CHANNEL_ALIASES, MERIDIAN_NAMES } from '../model/channels.js';
import { UserError } from '../model/errors.js';
import { pointNumber } from '../model/point-number.js';
import { quote } from '../model/printable.js';
import { compareIds, normalizeKey, suggest } from './text.js';

/** Resolve a meridian code, legacy code or English name: LV, "liver", SJ → LR, LR, TE. */
export function resolveMeridian(input: string): string {
  const key = normalizeKey(input);
  const upper = key.toUpperCase();
  if ((CHANNELS as readonly string[]).includes(upper)) return upper;
  // Own keys only: "constructor" is a property of every object, not a channel.
  if (Object.hasOwn(CHANNEL_ALIASES, key)) return CHANNEL_ALIASES[key]!;
  for (const [code, name] of Object.entries(MERIDIAN_NAMES)) if (normalizeKey(name) === key) return code;
  const near = suggest(input, [...Object.keys(MERIDIAN_NAMES), ...Object.values(MERIDIAN_NAMES)], 2);
  throw new UserError(`unknown meridian ${quote(input)}${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`);
}

const ORDER: readonly string[] = CHANNELS;

/** Channel order, then point number: LU1, LU2 … LI1 … CV24, then the extra points by code. */
export function comparePoints(a: { id: string; meridian: string }, b: { id: string; meridian: string }): number {
  const ma = ORDER.indexOf(a.meridian);
  const mb = ORDER.indexOf(b.meridian);
  if (ma !== mb) return (ma < 0 ? 99 : ma) - (mb < 0 ? 99 : mb);
  const na = pointNumber(a.id);
  const nb = pointNumber(b.id);
  if (na && nb && na.stem === nb.stem) return Number(na.digits) - Number(nb.digits);
  return compareIds(a.id, b.id);
}
