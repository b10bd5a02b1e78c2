import { UserError } from './errors.js';
import { compareIds, normalizeKey, suggest } from '../core/text.js';

/** The 14 channels (and the extra points) with their English names. */
export const MERIDIAN_NAMES: Record<string, string> = {
  LU: 'Lung', LI: 'Large Intestine', ST: 'Stomach', SP: 'Spleen', HT: 'Heart', SI: 'Small Intestine',
  BL: 'Bladder', KI: 'Kidney', PC: 'Pericardium', TE: 'Triple Energizer', GB: 'Gallbladder', LR: 'Liver',
  GV: 'Governor Vessel', CV: 'Conception Vessel', EX: 'Extra points',
};

/** Legacy and alternative channel abbreviations still printed in many books and apps. */
export const LEGACY_CHANNELS: Record<string, string[]> = {
  LU: ['L'], ST: ['S'], HT: ['H', 'HE'], BL: ['UB', 'B'], KI: ['K', 'KID'],
  PC: ['P', 'PE', 'HC'], TE: ['SJ', 'TB', 'TH', 'TW'], GB: ['G'], LR: ['LV', 'LIV'],
  GV: ['DU', 'GO'], CV: ['REN', 'RN', 'CO'],
};

/** The same table read the other way, lower-case: lv → LR, sj → TE … */
export const CHANNEL_ALIASES: Record<string, string> = Object.fromEntries(
  Object.entries(LEGACY_CHANNELS).flatMap(([code, olds]) => olds.map((o) => [o.toLowerCase(), code])),
);

/** Resolve a meridian code, legacy code or English name: LV, "liver", SJ → LR, LR, TE. */
export function resolveMeridian(input: string): string {
  const key = normalizeKey(input);
  const upper = key.toUpperCase();
  if (MERIDIAN_NAMES[upper]) return upper;
  if (CHANNEL_ALIASES[key]) return CHANNEL_ALIASES[key]!;
  for (const [code, name] of Object.entries(MERIDIAN_NAMES)) if (normalizeKey(name) === key) return code;
  const near = suggest(input, [...Object.keys(MERIDIAN_NAMES), ...Object.values(MERIDIAN_NAMES)], 2);
  throw new UserError(`--meridian: unknown meridian "${input}"${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`);
}

const ORDER = Object.keys(MERIDIAN_NAMES);

/** Channel order, then point number: LU1, LU2 … LI1 … CV24, then the extra points by code. */
export function comparePoints(a: { id: string; meridian: string }, b: { id: string; meridian: string }): number {
  const ma = ORDER.indexOf(a.meridian);
  const mb = ORDER.indexOf(b.meridian);
  if (ma !== mb) return (ma < 0 ? 99 : ma) - (mb < 0 ? 99 : mb);
  const na = /^(.*?)(\d+)$/.exec(a.id);
  const nb = /^(.*?)(\d+)$/.exec(b.id);
  if (na && nb && na[1] === nb[1]) return Number(na[2]) - Number(nb[2]);
  return compareIds(a.id, b.id);
}
