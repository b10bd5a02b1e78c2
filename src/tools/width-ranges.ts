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

/**
 * The ranges as TypeScript source: three parallel arrays of numbers (first and last code point,
 * width), `perLine` numbers to a line. Array literals, not a packed string: a cold process takes
 * 0.4–0.7 ms to run the decoding loop over 507 ranges, and V8 builds a literal from the code
 * cache at no cost worth measuring.
 */
export function rangesSource(ranges: WidthRange[], perLine = 16): string {
  const list = (name: string, doc: string, values: number[]) => {
    const lines: string[] = [];
    for (let i = 0; i < values.length; i += perLine) lines.push(`  ${values.slice(i, i + perLine).join(', ')},`);
    return `/** ${doc} */\nexport const ${name}: readonly number[] = [\n${lines.join('\n')}\n];\n`;
  };
  return [
    list('WIDTH_STARTS', 'The first code point of each range, ascending.', ranges.map((r) => r.start)),
    list('WIDTH_ENDS', 'The last code point of each range.', ranges.map((r) => r.end)),
    list('WIDTH_OF', 'The columns each code point of the range takes: 0 or 2.', ranges.map((r) => r.width)),
  ].join('\n');
}
