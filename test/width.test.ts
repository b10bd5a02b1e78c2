import { describe, expect, it } from 'vitest';
import { widthRanges, codePointWidth as fromData } from '../src/tools/width-ranges.js';
import { WIDTH_ENDS, WIDTH_OF, WIDTH_STARTS, WIDTH_UNICODE } from '../src/render/width-table.js';
import { clusters, codePointWidth, stripEscapes, width } from '../src/render/width.js';
import { truncate } from '../src/render/text.js';

describe('display width', () => {
  it.each([
    ['plain ASCII', 'LI4 Union Valley', 16],
    ['pinyin with tone marks', 'Hégǔ Zúsānlǐ', 12],
    ['decomposed tone marks', 'He\u0301gu\u030c', 4],
    ['Chinese', '合谷', 4],
    ['Japanese with kana', '合谷を押す', 10],
    ['Korean syllables', '합곡', 4],
    ['Korean jamo building one syllable', '\u1100\u1161\u11a8', 2],
    ['halfwidth katakana', 'ｱｲｳ', 3],
    ['fullwidth letters and punctuation', 'ＡＢ，。', 8],
    ['an emoji', '🙂', 2],
    ['emoji with text', 'Calm 🧘 breath', 14],
    ['a text-default symbol', '⚠', 1],
    ['the same symbol as emoji (VS16)', '⚠️', 2],
    ['a keycap', '1️⃣', 2],
    ['a skin-tone modifier', '👍🏽', 2],
    ['a ZWJ family', '👨‍👩‍👧‍👦', 2],
    ['a flag', '🇨🇳🇯🇵', 4],
    ['zero-width space and joiner', 'a\u200bb\u200dc', 3],
    ['soft hyphen', 'acu\u00adpress', 8],
    ['colour codes', '\x1b[1m\x1b[31mLI4\x1b[39m\x1b[22m', 3],
    ['a hyperlink', '\x1b]8;;https://who.int\x07WHO\x1b]8;;\x07', 3],
    ['box drawing and symbols we draw', '✔ ⏸ · … — █░ ← →', 16],
  ])('%s', (_, text, w) => {
    expect(width(text)).toBe(w);
  });

  it('keeps a character with its marks, and an emoji sequence, in one cluster', () => {
    expect(clusters('e\u0301👨‍👩‍👧🇯🇵x').map((c) => [c.text, c.width])).toEqual([['e\u0301', 1], ['👨‍👩‍👧', 2], ['🇯🇵', 2], ['x', 1]]);
    expect(clusters('\x1b[31m合\x1b[39m').map((c) => [c.text, c.width, Boolean(c.escape)])).toEqual([['\x1b[31m', 0, true], ['合', 2, false], ['\x1b[39m', 0, true]]);
  });

  it('cuts by width with an ellipsis, never inside a character or an escape sequence', () => {
    expect(truncate('合谷合谷', 5)).toBe('合谷…');
    expect(truncate('👨‍👩‍👧👨‍👩‍👧', 3)).toBe('👨‍👩‍👧…');
    expect(truncate('He\u0301gu\u030c and more', 4)).toBe('He\u0301g…');
    expect(truncate('\x1b[31mHeadache relief\x1b[39m', 8)).toBe('\x1b[31mHeadach…\x1b[39m');
    expect(truncate('Headache relief', 8, '...')).toBe('Heads...'.replace('s', 'a'));
    expect(truncate('short', 8)).toBe('short');
    expect(stripEscapes('\x1b[1mbold\x1b[22m')).toBe('bold');
  });

  it('width.ts finds every range of the generated table at its bounds', () => {
    // The binary search is what width.ts does; every range boundary must come back exactly.
    const ranges = widthRanges();
    for (const r of ranges) {
      for (const cp of new Set([r.start, r.end, (r.start + r.end) >> 1])) {
        if (cp < 0x300 || (cp >= 0x4e00 && cp <= 0x9fff)) continue; // width.ts answers these without the table
        expect(codePointWidth(cp), cp.toString(16)).toBe(r.width);
      }
      const before = r.start - 1;
      if (before > 0x300 && !ranges.some((x) => x.end === before)) expect(codePointWidth(before), before.toString(16)).toBe(1);
    }
  });

  it.skipIf(process.versions.unicode !== WIDTH_UNICODE)('the table is current with get-east-asian-width and this Unicode version (npm run gen:width)', () => {
    expect(widthRanges()).toEqual(WIDTH_STARTS.map((start, i) => ({ start, end: WIDTH_ENDS[i], width: WIDTH_OF[i] })));
    // Spot-check the fast paths against the data too.
    for (const cp of [0x41, 0xe9, 0x301, 0xad, 0x4e00, 0x9fff, 0xac00, 0x1f642, 0x200b, 0xfe0f, 0x3099]) expect(codePointWidth(cp), cp.toString(16)).toBe(fromData(cp));
  });
});
