import { UserError } from '../errors.js';
import { normalizeKey, suggest } from '../util/text.js';

/** The 14 channels (and the extra points) with their English names. */
export const MERIDIAN_NAMES: Record<string, string> = {
  LU: 'Lung', LI: 'Large Intestine', ST: 'Stomach', SP: 'Spleen', HT: 'Heart', SI: 'Small Intestine',
  BL: 'Bladder', KI: 'Kidney', PC: 'Pericardium', TE: 'Triple Energizer', GB: 'Gallbladder', LR: 'Liver',
  GV: 'Governor Vessel', CV: 'Conception Vessel', EX: 'Extra points',
};

const ALIASES: Record<string, string> = {
  lv: 'LR', liv: 'LR', sj: 'TE', tb: 'TE', th: 'TE', tw: 'TE', p: 'PC', pe: 'PC', hc: 'PC', ren: 'CV', rn: 'CV', co: 'CV',
  du: 'GV', go: 'GV', k: 'KI', kid: 'KI', h: 'HT', he: 'HT', ub: 'BL', b: 'BL', l: 'LU', s: 'ST', g: 'GB',
};

/** Resolve a meridian code, legacy code or English name: LV, "liver", SJ → LR, LR, TE. */
export function resolveMeridian(input: string): string {
  const key = normalizeKey(input);
  const upper = key.toUpperCase();
  if (MERIDIAN_NAMES[upper]) return upper;
  if (ALIASES[key]) return ALIASES[key]!;
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
  return a.id.localeCompare(b.id);
}
