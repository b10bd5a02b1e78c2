// Point names in a massage step's area text that pointsNamedInText leaves to its capitals rule:
// a pinyin written as separate syllables in any case ("he gu", "Hé gǔ", "He-gu", "sān yīn jiāo")
// and a point's hanzi (合谷). An area says where hands work, so a name there is taken as meant;
// a check may only find more. The text comes through plainText first (fullwidth, zero-width).
import type { Catalog } from '../model/catalog.js';
import { foldText, normalizeKey } from './text.js';
import { isPinyinWord } from './resolve.js';

interface NameIndex {
  /** A pinyin's loose key (hegu) → the points it names (Futu names two). */
  pinyin: Map<string, string[]>;
  /** Each point's hanzi, simplified and traditional, longest first. */
  hanzi: Array<[string, string[]]>;
}

const indexes = new WeakMap<Catalog, NameIndex>();

function indexOf(catalog: Catalog): NameIndex {
  let idx = indexes.get(catalog);
  if (idx) return idx;
  idx = { pinyin: new Map(), hanzi: [] };
  const hanzi = new Map<string, string[]>();
  for (const p of catalog.points.values()) {
    const key = normalizeKey(p.pinyin);
    if (key) idx.pinyin.set(key, [...(idx.pinyin.get(key) ?? []), p.id]);
    for (const h of new Set([p.hanzi, p.hanzi_traditional])) if (h) hanzi.set(h, [...(hanzi.get(h) ?? []), p.id]);
  }
  idx.hanzi = [...hanzi].sort((a, b) => b[0].length - a[0].length);
  indexes.set(catalog, idx);
  return idx;
}

// The most syllables a point's pinyin has, with one to spare, and the longest a syllable may be.
const MOST_WORDS = 5;
const LONGEST_WORD = 6;
// Latin letters and digits make a word; the words of one name stand apart by spaces or dashes only.
const WORD = /[a-z0-9]+/g;
const BETWEEN = /^[\s\-\u2010-\u2015]+$/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The points an area text names by a pinyin written in separate syllables (any case, tone marks
 * or none, spaces or dashes between) or by hanzi. `text` is already plainText. In order, once each.
 */
export function areaNames(catalog: Catalog, text: string): string[] {
  return areaNameSpans(catalog, text).ids;
}

/**
 * areaNames, with where in `text` each pinyin it read stands ([start, end) indexes), so that a
 * reader of the same text can leave those words alone: the longest name wins there too.
 */
export function areaNameSpans(catalog: Catalog, text: string): { ids: string[]; spans: Array<[number, number]> } {
  const out = new Set<string>();
  const spans: Array<[number, number]> = [];
  const { folded, start, end } = folding(text);
  const words = [...folded.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  // Each run of two or more short words that reads as pinyin is a candidate; only a text with one
  // builds the index (which reads every point).
  const runs: string[][] = words.map(() => []);
  let any = false;
  for (let i = 0; i < words.length; i++) {
    let key = words[i]!.word;
    if (key.length > LONGEST_WORD) continue;
    for (let k = 1; k < MOST_WORDS && i + k < words.length; k++) {
      const next = words[i + k]!;
      if (next.word.length > LONGEST_WORD || !BETWEEN.test(folded.slice(words[i + k - 1]!.end, next.start))) break;
      key += next.word;
      runs[i]!.push(key);
      any ||= isPinyinWord(key);
    }
  }
  const han = HAN.test(text);
  if (!any && !han) return { ids: [], spans };
  const idx = indexOf(catalog);
  // The longest name wins, and the words it took name nothing else: "san yin jiao" is SP6,
  // not also GV28 and CV7 (Yinjiao) in its last two syllables.
  for (let i = 0; i < words.length; i++) {
    const runsHere = runs[i]!;
    for (let k = runsHere.length - 1; k >= 0; k--) {
      const ids = idx.pinyin.get(runsHere[k]!);
      if (ids) {
        ids.forEach((id) => out.add(id));
        spans.push([start(words[i]!.start), end(words[i + k + 1]!.end - 1)]);
        i += k + 1;
        break;
      }
    }
  }
  if (han) {
    // Longest first, and a name found is taken out: 三阴交 is SP6, not also 阴交 (CV7).
    let rest = text;
    for (const [h, ids] of idx.hanzi) {
      if (rest.includes(h)) {
        ids.forEach((id) => out.add(id));
        rest = rest.split(h).join(' ');
      }
    }
  }
  return { ids: [...out], spans };
}

/**
 * foldText of a text, with where in `text` the character that gave each folded character starts
 * and ends (folding drops tone marks, so the two lengths may differ).
 */
function folding(text: string): { folded: string; start: (i: number) => number; end: (i: number) => number } {
  // ASCII folds to itself, one character for one.
  if (/^[\x00-\x7f]*$/.test(text)) return { folded: text.toLowerCase(), start: (i) => i, end: (i) => i + 1 };
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const ch of text) {
    const f = foldText(ch);
    for (let j = 0; j < f.length; j++) {
      starts.push(at);
      ends.push(at + ch.length);
    }
    folded += f;
    at += ch.length;
  }
  return { folded, start: (i) => starts[i]!, end: (i) => ends[i]! };
}
