// Measure text the way terminals do: East Asian Wide and Fullwidth characters and emoji take two
// columns; combining marks, zero-width and format characters none; escape sequences none. The
// table (width-table.ts, generated from Unicode data) is searched only for text that is not
// printable ASCII or Latin, most of what we print.
// Intl.Segmenter and \p{RGI_Emoji} would do the clustering for us, but each costs 10-20 ms on
// first use; the few rules below cover what terminals actually join into one cell.
import { WIDTH_ENDS, WIDTH_OF, WIDTH_STARTS } from './width-table.js';

/** Text of printable ASCII only: one column a character (one regular expression for text.ts too: each is compiled afresh at every start). */
export const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** CSI (colours, cursor), OSC (titles, links) and two-character escape sequences. */
const ESCAPE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]/g;

/** Columns one code point takes on its own: 0, 1 or 2. */
export function codePointWidth(cp: number): number {
  if (cp < 0x300) return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xad ? 0 : 1;
  if (cp >= 0x4e00 && cp <= 0x9fff) return 2; // CJK Unified Ideographs, the common case
  let lo = 0;
  let hi = WIDTH_STARTS.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < WIDTH_STARTS[mid]!) hi = mid - 1;
    else if (cp > WIDTH_ENDS[mid]!) lo = mid + 1;
    else return WIDTH_OF[mid]!;
  }
  return 1;
}

const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const isModifier = (cp: number) => cp >= 0x1f3fb && cp <= 0x1f3ff;
const isRegional = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;
/** Pictographs that may start or continue an emoji ZWJ sequence. */
const isPictograph = (cp: number) => (cp >= 0x2190 && cp <= 0x2bff) || (cp >= 0x1f000 && cp <= 0x1faff) || cp === 0x00a9 || cp === 0x00ae;

/** One thing a terminal draws in one place: a character with its marks, an emoji sequence, or an escape sequence (width 0). */
export interface Cluster {
  text: string;
  width: number;
  /** An escape sequence: it draws nothing and must never be cut. */
  escape?: boolean;
}

/**
 * Split text into clusters, left to right. Marks, variation selectors and zero-width characters
 * join the character before them; an emoji joined by ZWJ, a skin-tone modifier or the second
 * regional indicator of a flag joins the emoji before it; VS16 makes a one-column emoji two.
 */
export function clusters(text: string): Cluster[] {
  const out: Cluster[] = [];
  let cur: Cluster | undefined;
  let base = -1; // the first code point of `cur`
  let joinNext = false;
  let lastIndex = 0;
  ESCAPE.lastIndex = 0;
  const hasEscape = text.includes('\x1b') || text.includes('\x9b');
  const push = (c: Cluster) => (out.push(c), c);
  const walk = (s: string) => {
    for (const ch of s) {
      const cp = ch.codePointAt(0)!;
      if (cur && !cur.escape) {
        if (joinNext) {
          joinNext = false;
          if (isPictograph(cp) || codePointWidth(cp) === 2) {
            cur.text += ch;
            continue;
          }
        }
        if (cp === ZWJ) {
          cur.text += ch;
          joinNext = isPictograph(base) || cur.width === 2;
          continue;
        }
        if (cp === VS16) {
          cur.text += ch;
          if (cur.width === 1) cur.width = 2; // emoji presentation: ⚠️, ❤️, 1️⃣
          continue;
        }
        if ((isModifier(cp) && cur.width === 2) || (isRegional(cp) && isRegional(base) && [...cur.text].length === 1)) {
          cur.text += ch;
          continue;
        }
        const w = codePointWidth(cp);
        if (w === 0 && cp >= 0x20) {
          cur.text += ch;
          continue;
        }
        cur = push({ text: ch, width: w });
      } else {
        joinNext = false;
        cur = push({ text: ch, width: codePointWidth(cp) });
      }
      base = cp;
    }
  };
  if (!hasEscape) walk(text);
  else {
    for (let m = ESCAPE.exec(text); m; m = ESCAPE.exec(text)) {
      walk(text.slice(lastIndex, m.index));
      cur = push({ text: m[0], width: 0, escape: true });
      lastIndex = m.index + m[0].length;
    }
    walk(text.slice(lastIndex));
  }
  return out;
}

/** Columns `text` takes in a terminal: escape sequences count for nothing, wide characters and emoji for two. */
export function width(text: string): number {
  // Most text is printable ASCII: one column per character, no need to walk it.
  if (PRINTABLE_ASCII.test(text)) return text.length;
  // Next most is pinyin and Chinese: add up code points, unless one joins its neighbours.
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) cp = text.codePointAt(i++)!;
    if (cp === 0x1b || cp === 0x9b || cp === ZWJ || cp === VS16 || isModifier(cp) || isRegional(cp)) return clusterWidth(text);
    w += codePointWidth(cp);
  }
  return w;
}

function clusterWidth(text: string): number {
  let w = 0;
  for (const c of clusters(text)) w += c.width;
  return w;
}

/** Remove escape sequences (colours, links), leaving the text a person sees. */
export function stripEscapes(text: string): string {
  return text.includes('\x1b') || text.includes('\x9b') ? text.replace(ESCAPE, '') : text;
}
