// The terminal width of every code point, computed from Unicode data: East Asian Width from
// get-east-asian-width (generated from EastAsianWidth.txt), and V8's own Unicode properties for
// marks, format characters and emoji presentation. scripts/gen-width.ts encodes the result into
// src/render/width-table.ts; test/width.test.ts checks that table is current.
import { eastAsianWidth } from 'get-east-asian-width';

/** A run of code points sharing a width other than one column. */
export interface WidthRange { start: number; end: number; width: 0 | 2 }

const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}]$/u;
const EMOJI = /^\p{Emoji_Presentation}$/u;
// Hangul vowel and final jamo join the leading consonant into one syllable cell.
const isJamoTail = (cp: number) => (cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff);

/** Columns one code point takes on its own: 0 (marks, format, controls), 2 (wide, fullwidth, emoji), else 1. */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp >= 0xd800 && cp <= 0xdfff) return 1; // lone surrogates: unassignable, shown as a replacement
  const ch = String.fromCodePoint(cp);
  if (ZERO.test(ch) || isJamoTail(cp)) return 0;
  if (eastAsianWidth(cp) === 2 || EMOJI.test(ch)) return 2;
  return 1;
}

/** Every range of code points whose width is not 1, in order, adjacent runs of one width merged. */
export function widthRanges(): WidthRange[] {
  const out: WidthRange[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const w = codePointWidth(cp);
    if (w === 1) continue;
    const last = out[out.length - 1];
    if (last && last.width === w && last.end === cp - 1) last.end = cp;
    else out.push({ start: cp, end: cp, width: w });
  }
  return out;
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/** A whole number as base-32 digits, most significant first; every digit but the last is marked (+32). */
function varint(n: number): string {
  const digits: number[] = [];
  do {
    digits.unshift(n % 32);
    n = Math.floor(n / 32);
  } while (n > 0);
  return digits.map((d, i) => ALPHABET[i < digits.length - 1 ? d + 32 : d]).join('');
}

/** The ranges as a compact string: per range, (gap from the last range × 2 + wide?) then (length − 1). */
export function encodeRanges(ranges: WidthRange[]): string {
  let next = 0;
  let s = '';
  for (const r of ranges) {
    s += varint((r.start - next) * 2 + (r.width === 2 ? 1 : 0)) + varint(r.end - r.start);
    next = r.end + 1;
  }
  return s;
}
