// Point names written into free text (a step's cue, a massage area), in one pass over the text's
// words, so a long text costs what its length does. Codes are codes-in-text.ts's work; the names
// themselves, as keys to look up, are name-table.ts's.
import type { Catalog, NameTable } from '../model/catalog.js';
import { normalizeKey } from './text.js';
import { isChannelPoint } from './codes-in-text.js';
import { capital, nameIndex, nameTable, type Name, type NameIndex } from './name-table.js';
import { withoutToneNumbers } from './pinyin-words.js';

const indexes = new WeakMap<Catalog, NameIndex>();

/**
 * The names of every point (once per catalog): the snapshot's table of the built-in points'
 * names, made at build time, and a table of the points added since (a user's own). Reading one
 * routine's cues for names then reads no point, and works out no built-in name's key: walking
 * `points` for them read all 59 files of the snapshot, and keying their 1,600 names cost `list`
 * more than all its other work (BENCHMARKS.md, session 12). A catalog without the table (or
 * whose built-in points changed) has its points' names keyed here, by the same code.
 */
function indexOf(catalog: Catalog): NameIndex {
  let idx = indexes.get(catalog);
  if (idx) return idx;
  const names = catalog.pointNames?.();
  const tables: NameTable[] = names ? [names.table, ...(names.added.length > 0 ? [nameTable(names.added)] : [])] : [nameTable(catalog.points.values())];
  idx = nameIndex(tables);
  indexes.set(catalog, idx);
  return idx;
}

/** Drop a catalog's name index after its points changed (the loader, merging user points). */
export function forgetNames(catalog: Catalog): void {
  indexes.delete(catalog);
}

// The words of one name stand apart only by spaces or dashes ("Union Valley", "He-gu", "san–yin").
const isJoin = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2d || (c >= 0x2010 && c <= 0x2015) || c === 0x2212;
// What ends a sentence, so that a one-word English name after it is read as prose ("Return to…").
const isStop = (c: number) => c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x3b;
const isHan = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isApostrophe = (c: number) => c === 0x27 || c === 0x2019;

// Whether a character outside the ranges wordChar knows is a letter or digit, asked of ICU once
// per character (a text has few distinct ones).
let letterOrDigit: RegExp | undefined;
const otherChars = new Map<number, boolean>();

/**
 * Whether the code point `c` is a letter or a digit (\p{L} or \p{N}): what words are made of.
 * Read by hand, not by a \p{…} pattern over the text, which took 50 ms for 300,000 hanzi.
 */
function wordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  // Latin letters with accents and tone marks (but × and ÷), and the ideographs.
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return true;
  let known = otherChars.get(c);
  if (known === undefined) otherChars.set(c, (known = (letterOrDigit ??= /^[\p{L}\p{N}]$/u).test(String.fromCodePoint(c))));
  return known;
}

/** The words of a text (letters and digits, with apostrophes inside: Tiger's, Fu'ai) as [start, end) pairs; `plain` says a word is ASCII letters and digits only. */
function wordsOf(text: string): { starts: number[]; ends: number[]; plain: boolean[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  const plain: boolean[] = [];
  let start = -1;
  let ascii = true;
  for (let i = 0; i < text.length; ) {
    const c = text.codePointAt(i)!;
    if (wordChar(c)) {
      if (start < 0) (start = i), (ascii = true);
      if (c >= 0x80) ascii = false;
    } else if (start >= 0) {
      if (isApostrophe(c) && i + 1 < text.length && wordChar(text.codePointAt(i + 1)!)) ascii = false;
      else {
        starts.push(start);
        ends.push(i);
        plain.push(ascii);
        start = -1;
      }
    }
    i += c > 0xffff ? 2 : 1;
  }
  if (start >= 0) (starts.push(start), ends.push(text.length), plain.push(ascii));
  return { starts, ends, plain };
}

/**
 * The points a free text (plainText already) names, in order, once each:
 * - a pinyin in any case, as one word or syllables apart (Hegu, hégǔ, "he gu", "Sān-Yīn-Jiāo"),
 *   with tone marks or tone numbers ("he2 gu3", "san1yin1jiao1");
 * - hanzi (合谷, 三陰交);
 * - an English name or alias with its capitals ("Union Valley", Hoku; "the upper arm" in lower
 *   case is just the arm, not LI14 Upper Arm), and a name of one English word ("Return", ST29)
 *   only when it does not open a sentence.
 * A name's possessive or plural counts as the name (Hegu's, Hegu’s, Hegus, "Union Valley's").
 * The longest name wins: the words of a name found name nothing inside it ("San Yin Jiao" is SP6,
 * not also GV28 and CV7, Yinjiao, in its last two syllables; 三阴交 not also 阴交). Names that
 * overlap without one holding the other both count, as does a name that loosely means two points
 * (Futu): a check may only find more.
 */
export function pointsNamedInText(catalog: Catalog, text: string): string[] {
  // Each point found, with where it is first named.
  const found = new Map<string, number>();
  const add = (at: number, ids: string[]) => {
    for (const id of ids) if (!found.has(id)) found.set(id, at);
  };
  latinNames(catalog, text, add);
  hanziNames(catalog, text, add);
  return [...found].sort((a, b) => a[1] - b[1]).map(([id]) => id);
}

/** The names written in Latin letters (or any but hanzi), each given to `add` with where it starts. */
function latinNames(catalog: Catalog, text: string, add: (at: number, ids: string[]) => void): void {
  const { starts, ends, plain } = wordsOf(text);
  if (starts.length === 0) return;
  const idx = indexOf(catalog);
  const word = (i: number) => text.slice(starts[i], ends[i]);
  // Each word's key once; a word outside ASCII (tone marks) is folded once however often it comes.
  const keys: Array<string | undefined> = [];
  const folded = new Map<string, string>();
  const keyOf = (i: number): string => {
    let key = keys[i];
    if (key !== undefined) return key;
    if (plain[i]) key = withoutToneNumbers(word(i).toLowerCase());
    // (Folding drops tone marks and may spell out a syllable in three jamo: a word over four
    // times the longest key cannot fold to one.)
    else if (ends[i]! - starts[i]! > 4 * idx.longestKey) key = '\u0000';
    else {
      const w = word(i);
      key = folded.get(w);
      if (key === undefined) folded.set(w, (key = normalizeKey(w)));
    }
    return (keys[i] = key);
  };
  const joined = (i: number) => {
    for (let c = ends[i - 1]!; c < starts[i]!; c++) if (!isJoin(text.charCodeAt(c))) return false;
    return true;
  };
  const opensSentence = (i: number) => {
    if (i === 0) return true;
    for (let c = ends[i - 1]!; c < starts[i]!; c++) if (isStop(text.charCodeAt(c))) return true;
    return false;
  };
  // Words before this index belong to the last name found: a name ending inside it is a part of it.
  let covered = 0;
  for (let i = 0; i < starts.length; i++) {
    let key = keyOf(i);
    let longest: { k: number; ids: string[] } | undefined;
    // The longest name of a standard point here: one of yours that holds it ("Sanyinjiao Zone")
    // never hides it, and hides nothing itself.
    let standard: { k: number; ids: string[] } | undefined;
    for (let k = 1; ; k++) {
      // A possessive or plural reads as the name (Hegu's, Union Valley’s, Hegus: the key drops
      // the apostrophe), when the words with their s name nothing themselves.
      const names = idx.names(key) ?? (key.endsWith('s') ? idx.names(key.slice(0, -1)) : undefined);
      if (names) {
        let ids = k === 1 ? names.alone : names.apart;
        for (const n of names.cased) if (!ids.includes(n.id) && namedAs(n, i, k, word, opensSentence)) ids = [...ids, n.id];
        if (ids.length > 0) longest = { k, ids };
        const std = ids.filter((id) => isStandardId(id) || catalog.points.get(id)?.origin?.source !== 'user');
        if (std.length > 0) standard = { k, ids: std };
      }
      if (i + k >= starts.length || !idx.isPrefix(key) || !joined(i + k)) break;
      key += keyOf(i + k);
    }
    if (longest && i + longest.k > covered) add(starts[i]!, longest.ids);
    if (standard && i + standard.k > covered) {
      add(starts[i]!, standard.ids);
      covered = i + standard.k;
    }
  }
}

/** Whether an id is a standard point's (WHO 2008: LI4, SP6; or an extra point such as EX-HN3), even if a user's file holds it. */
function isStandardId(id: string): boolean {
  const m = /^([A-Z]{2})(\d{1,2})$/.exec(id);
  return m ? isChannelPoint(m[1]!, Number(m[2])) : /^EX-(?:HN|CA|B|UE|LE)\d{1,2}$/.test(id);
}

/** Whether the `k` words from word `i`, which loosely spell a name (same key), name its point, by the rules above. */
function namedAs(name: Name, i: number, k: number, word: (i: number) => string, opensSentence: (i: number) => boolean): boolean {
  if (k === 1 && name.anyCaseAlone) return true;
  // The point's pinyin in syllables apart: any case.
  if (k > 1 && name.pinyin) return true;
  // Otherwise the name's capitals: each of its words that has one, or every word when the two
  // split differently ("Three-Yin Intersection" written "Threeyin Intersection").
  if (name.capitals.length !== k) {
    for (let j = 0; j < k; j++) if (!capital(word(i + j))) return false;
    return true;
  }
  for (let j = 0; j < k; j++) if (name.capitals[j] && !capital(word(i + j))) return false;
  return k > 1 || !opensSentence(i);
}

/** The names written in hanzi, each given to `add` with where it starts: at each place the longest. */
function hanziNames(catalog: Catalog, text: string, add: (at: number, ids: string[]) => void): void {
  let hanzi: ReturnType<NameIndex['hanzi']> | undefined;
  // The end of the last name found: a name ending before it is a part of it.
  let covered = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isHan(c)) continue;
    hanzi ??= indexOf(catalog).hanzi();
    const names = hanzi.get(c);
    if (!names) continue;
    for (let n = 0; n < names.length; n++) {
      const [h, ids] = names[n]!;
      if (!text.startsWith(h, i)) continue;
      if (i + h.length > covered) {
        add(i, ids);
        covered = i + h.length;
      }
      break;
    }
  }
}
