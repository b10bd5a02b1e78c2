// The one table of channels: codes, English names and the legacy abbreviations still in use.

/** The 14 channels and the extra points, in the standard order. */
export const CHANNELS = ['LU', 'LI', 'ST', 'SP', 'HT', 'SI', 'BL', 'KI', 'PC', 'TE', 'GB', 'LR', 'GV', 'CV', 'EX'] as const;

/** A channel code. */
export type Channel = (typeof CHANNELS)[number];

/** Each channel's English name. */
export const MERIDIAN_NAMES: Record<Channel, string> = {
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
export const CHANNEL_ALIASES: Record<string, string> = {};
// Plain loops: every start builds this, and a cold process's first flatMap and fromEntries
// cost about 0.15 ms.
for (const code in LEGACY_CHANNELS) for (const old of LEGACY_CHANNELS[code]!) CHANNEL_ALIASES[old.toLowerCase()] = code;
