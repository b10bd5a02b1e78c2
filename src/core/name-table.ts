// Points' names as keys to look up in a text (names-in-text.ts), kept as a table of lines: the
// build writes the built-in points' table into the snapshot (names.json), so a command reading
// one routine's cues neither reads every point nor keys 1,600 names again (BENCHMARKS.md,
// session 12); a user's points get a table of their own at run time, made by the same code.
import type { NameTable, PointNames } from '../model/catalog.js';
import { normalizeKey } from './text.js';
import { isPinyinWord } from './pinyin-words.js';

// Whether a word starts with a capital. Built on first use: a \p{…} class takes a cold process
// about 0.4 ms to build from ICU's tables, and most commands never look for names in a text.
let upperFirst: RegExp | undefined;
/** Whether a word starts with a capital letter (any script). */
export const capital = (word: string): boolean => (upperFirst ??= /^\p{Lu}/u).test(word);

/** One of a point's names (pinyin, English name, alias) as a text may write it. */
export interface Name {
  id: string;
  /** The point's own pinyin: counts in any case, as one word or syllables apart. */
  pinyin: boolean;
  /** Counts as one word in any case: the pinyin, or an alias that reads as one (Hoku). */
  anyCaseAlone: boolean;
  /** Whether each of the name's words (split at spaces and dashes) starts with a capital. */
  capitals: boolean[];
}

/** The names with one key: the points they name in any case, written as one word or as more, and the names that need capitals. */
export interface KeyNames { alone: string[]; apart: string[]; cased: Name[] }

/**
 * The table of these points' names, in their order: each name's key ("Union Valley" is
 * unionvalley), and what names-in-text needs to know of it, decided here once. A name is an
 * entry "LI4 pa" or "LI4 --CC": its point, then p for the point's own pinyin, a for counting as
 * one word in any case, and C or c for each of its words, with a capital or without.
 */
export function nameTable(points: Iterable<PointNames>): NameTable {
  const latin = new Map<string, string[]>();
  const hanzi = new Map<string, string[]>();
  let longest = 0;
  for (const p of points) {
    for (const name of new Set([p.pinyin, p.english, ...p.aliases])) {
      const key = normalizeKey(name);
      if (!key) continue;
      const parts = name.split(/[\s-]+/).filter(Boolean);
      const own = name === p.pinyin;
      const alone = own || (parts.length === 1 && isPinyinWord(name));
      const entry = `${p.id} ${own ? 'p' : '-'}${alone ? 'a' : '-'}${parts.map((w) => (capital(w) ? 'C' : 'c')).join('')}`;
      const entries = latin.get(key);
      if (entries) entries.push(entry);
      else latin.set(key, [entry]);
      longest = Math.max(longest, key.length);
    }
    for (const h of new Set([p.hanzi, p.hanzi_traditional])) {
      if (!h) continue;
      const ids = hanzi.get(h);
      if (ids) ids.push(p.id);
      else hanzi.set(h, [p.id]);
    }
  }
  // Sorted by key: a key has no tab or character below it (names have no control characters and
  // keys no white space), so the lines sort as their keys do, and a binary search finds one.
  return {
    latin: [...latin].map(([key, entries]) => `${key}\t${entries.join('\t')}`).sort().join('\n'),
    hanzi: [...hanzi].map(([h, ids]) => `${h}\t${ids.join('\t')}`).join('\n'),
    longest,
  };
}

/** The first index of sorted `lines` whose line is not below `text` (lines.length if none). */
function lowerBound(lines: readonly string[], text: string): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lines[mid]! < text) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Add one entry of a table's line to its key's names. */
function addName(names: KeyNames, entry: string): void {
  const at = entry.indexOf(' ');
  const id = entry.slice(0, at);
  const pinyin = entry[at + 1] === 'p';
  const anyCaseAlone = entry[at + 2] === 'a';
  if (anyCaseAlone && !names.alone.includes(id)) names.alone.push(id);
  if (pinyin && !names.apart.includes(id)) names.apart.push(id);
  if (!anyCaseAlone || !pinyin) names.cased.push({ id, pinyin, anyCaseAlone, capitals: [...entry.slice(at + 3)].map((c) => c === 'C') });
}

/** Tables of names (the built-in points', then a user's) read as one (nameIndex). */
export interface NameIndex {
  /** The longest key's length: a much longer word is no name and is not folded. */
  longestKey: number;
  /** The names with this loose key (hegu, unionvalley), from every table in order (Futu names two points); undefined for none. */
  names(key: string): KeyNames | undefined;
  /** Whether `key` is a proper prefix of some name's key: a run of words that is none can be no name, so reading stops. */
  isPrefix(key: string): boolean;
  /** Each point's hanzi (simplified and traditional) with its points, by first character, longest first. */
  hanzi(): Map<number, Array<[string, string[]]>>;
}

/**
 * The tables read as one: a key's names are found by a binary search of each table's lines when
 * a text first asks, not put into a map of every name. (A function, not a class: a class's
 * methods would be set up at every start, with the module.)
 */
export function nameIndex(tables: readonly NameTable[]): NameIndex {
  // Each table's lines, sorted by key.
  const latin = tables.map((t) => (t.latin === '' ? [] : t.latin.split('\n')));
  const found = new Map<string, KeyNames | undefined>();
  let hanzi: Map<number, Array<[string, string[]]>> | undefined;
  return {
    longestKey: Math.max(0, ...tables.map((t) => t.longest)),
    names(key) {
      if (found.has(key)) return found.get(key);
      let names: KeyNames | undefined;
      const head = `${key}\t`;
      for (const lines of latin) {
        const line = lines[lowerBound(lines, head)];
        if (line === undefined || !line.startsWith(head)) continue;
        names ??= { alone: [], apart: [], cased: [] };
        for (const entry of line.slice(head.length).split('\t')) addName(names, entry);
      }
      found.set(key, names);
      return names;
    },
    isPrefix(key) {
      if (key === '') return false;
      for (const lines of latin) {
        // The lines starting with `key` follow one another: its own (key, tab) first, if any.
        for (let i = lowerBound(lines, key); i < lines.length && lines[i]!.startsWith(key); i++) {
          if (lines[i]!.charCodeAt(key.length) !== 0x09) return true;
        }
      }
      return false;
    },
    hanzi() {
      if (hanzi) return hanzi;
      const all = new Map<string, string[]>();
      for (const t of tables) {
        if (t.hanzi === '') continue;
        for (const line of t.hanzi.split('\n')) {
          const [h, ...ids] = line.split('\t');
          all.set(h!, [...(all.get(h!) ?? []), ...ids]);
        }
      }
      hanzi = new Map();
      for (const [h, ids] of [...all].sort((a, b) => b[0].length - a[0].length)) {
        const first = h.charCodeAt(0);
        hanzi.set(first, [...(hanzi.get(first) ?? []), [h, ids]]);
      }
      return hanzi;
    },
  };
}
