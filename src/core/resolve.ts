import { UserError } from '../model/errors.js';
import { foldText, normalizeKey, suggest } from './text.js';
import type { Catalog } from '../model/catalog.js';
import type { Condition, Point, Routine } from '../model/types.js';
import { LEGACY_CHANNELS } from '../model/channels.js';
import { quote } from '../model/printable.js';

export type Kind = 'routine' | 'point' | 'condition';
export type Ref = { kind: Kind; id: string };

/** Every legacy spelling of a WHO code: LR3 → LV3, LIV3; TE5 → SJ5, TB5 … */
export function legacyCodes(id: string): string[] {
  const m = /^([A-Z]{2})(\d+)$/.exec(id);
  if (!m) return [];
  return (LEGACY_CHANNELS[m[1]!] ?? []).map((p) => `${p}${m[2]}`);
}

/** Keep tone marks (so Fútū and Fútù stay apart) but ignore case and spacing. */
function toneKey(text: string): string {
  // ASCII is already in normal form; skip normalize() for it (most ids and flags).
  return (/^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFC')).toLowerCase().replace(/[\s\-_'\u2019.]+/g, '');
}

interface Index {
  exact: Map<string, Ref[]>;
  loose: Map<string, Ref[]>;
  names: string[];
}

const indexes = new WeakMap<Catalog, Index>();

function add(map: Map<string, Ref[]>, key: string, ref: Ref): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [ref]);
  else if (!list.some((r) => r.kind === ref.kind && r.id === ref.id)) list.push(ref);
}

/** Every name a routine answers to; the index and the fast path's scan both use this list. */
export function routineNames(r: Pick<Routine, 'id' | 'aliases' | 'title'>): string[] {
  return [r.id, ...r.aliases, r.title];
}

/** Every name a point answers to: its code, legacy codes, aliases, pinyin and English name. */
export function pointNames(p: Point): string[] {
  return [p.id, ...legacyCodes(p.id), ...p.aliases, p.pinyin, p.english];
}

/** The names a condition answers to: its id, its flag, its aliases and its title. */
export function conditionNames(c: Condition): string[] {
  return [c.id, ...(c.flag ? [c.flag] : []), ...c.aliases, c.title];
}

/** Each condition's id and names: the snapshot's list while it holds (no condition file read), else from the conditions. */
function conditionNameLists(catalog: Catalog): Array<[string, string[]]> {
  return catalog.conditionNames ? Object.entries(catalog.conditionNames) : [...catalog.conditions.values()].map((c) => [c.id, conditionNames(c)]);
}

/** Build (once per catalog) the lookup tables for every id, code, alias, pinyin and name. */
function indexOf(catalog: Catalog): Index {
  let idx = indexes.get(catalog);
  if (idx) return idx;
  idx = { exact: new Map(), loose: new Map(), names: [] };
  const put = (ref: Ref, names: string[]) => {
    for (const n of names) {
      add(idx!.exact, toneKey(n), ref);
      add(idx!.loose, normalizeKey(n), ref);
      idx!.names.push(n);
    }
  };
  // The heads, while they hold, have every routine's names without its steps.
  for (const r of catalog.routineHeads ?? catalog.routines.values()) put({ kind: 'routine', id: r.id }, routineNames(r));
  for (const p of catalog.points.values()) put({ kind: 'point', id: p.id }, pointNames(p));
  for (const [id, names] of conditionNameLists(catalog)) put({ kind: 'condition', id }, names);
  indexes.set(catalog, idx);
  return idx;
}

/** Drop a catalog's lookup index after its records changed (the loader, merging user data). */
export function forgetIndex(catalog: Catalog): void {
  indexes.delete(catalog);
}

const ALL: Kind[] = ['routine', 'point', 'condition'];

/**
 * Which kind wins when one name means several things: points, then conditions, then routines. A
 * safety answer must not be shadowed, so "LI4" means the point whatever a user routine calls
 * itself (the loader also refuses such routines; this is the second line of defence). Built-in
 * names never overlap across kinds (test/resolve.test.ts), so the order changes nothing else.
 */
const PRECEDENCE: Kind[] = ['point', 'condition', 'routine'];

/** Find what a user typed, or undefined. Throws when it names two things of the same kind. */
export function lookup(catalog: Catalog, query: string, kinds: Kind[] = ALL): Ref | undefined {
  // Fast paths for exact point codes and routine ids (the common case from scripts): no index
  // to build. A point code comes first, as in the slow path, so the two always agree.
  const upper = query.toUpperCase();
  if (kinds.includes('point') && catalog.points.has(upper)) return { kind: 'point', id: upper };
  // A routine id is never also a point's or condition's name: the loader refuses such routines,
  // and built-in names do not overlap.
  if (kinds.includes('routine') && catalog.routines.has(query)) return { kind: 'routine', id: query };
  // --pregnant and --condition name conditions by id; a scan of a dozen beats the index.
  if (kinds.length === 1 && kinds[0] === 'condition' && catalog.conditions.has(query) && conditionsNamed(catalog, query) === 1) {
    return { kind: 'condition', id: query };
  }
  return lookupSlow(catalog, query, kinds);
}

/** How many conditions answer to this name exactly; more than one is the slow path's ambiguity error. */
function conditionsNamed(catalog: Catalog, query: string): number {
  const key = toneKey(query);
  let n = 0;
  for (const [, names] of conditionNameLists(catalog)) if (names.some((name) => toneKey(name) === key)) n++;
  return n;
}

/** Find through the full name index (built once per catalog); lookup's fast paths must agree with it. */
export function lookupSlow(catalog: Catalog, query: string, kinds: Kind[]): Ref | undefined {
  const idx = indexOf(catalog);
  const exact = idx.exact.get(toneKey(query)) ?? [];
  const loose = idx.loose.get(normalizeKey(query)) ?? [];
  // Kind before closeness: a name that loosely means a point ("hegu" for Hégǔ) means the point
  // even when a routine answers to it exactly.
  for (const kind of PRECEDENCE) {
    if (!kinds.includes(kind)) continue;
    for (const hits of [exact, loose]) {
      const same = hits.filter((r) => r.kind === kind);
      if (same.length === 1) return same[0];
      if (same.length > 1) {
        const names = same.map((r) => describeAmbiguous(catalog, r)).join(', ');
        const hint = kind === 'point' ? 'use the code or the pinyin with tone marks' : `use its id`;
        throw new UserError(`${quote(query)} is ambiguous: it could be ${names}; ${hint}`);
      }
    }
  }
  return undefined;
}

/** Resolve or fail with a "did you mean" usage error. */
export function resolve(catalog: Catalog, query: string, kinds: Kind[] = ALL): Ref {
  const ref = lookup(catalog, query, kinds);
  if (ref) return ref;
  const what = kinds.length === 1 ? kinds[0] : kinds.length === 2 ? `${kinds[0]} or ${kinds[1]}` : 'routine, point or condition';
  const near = suggestFor(catalog, query, kinds);
  const hint = near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
  throw new UserError(`unknown ${what} ${quote(query)}${hint}`);
}

/**
 * Near matches for an unknown name, shown by canonical id: names whose words the query spells
 * out or begins (`union` → LI4, "Union Valley"), then names within a small edit distance.
 */
export function suggestFor(catalog: Catalog, query: string, kinds: Kind[] = ALL): string[] {
  const idx = indexOf(catalog);
  const out: string[] = [];
  // Words as spaces between letters and digits: "three yin" finds "Three Yin Intersection".
  const words = (t: string) => ` ${foldText(t).replace(/[^a-z0-9]+/g, ' ').trim()} `;
  const q = words(query).trimEnd();
  const byWord = q.length < 4 ? [] : idx.names.filter((name) => words(name).includes(q.length >= 5 ? q : `${q} `));
  for (const name of [...byWord, ...suggest(query, idx.names, 12)]) {
    for (const ref of idx.loose.get(normalizeKey(name)) ?? []) {
      if (kinds.includes(ref.kind) && !out.includes(ref.id)) out.push(ref.id);
    }
  }
  return out.slice(0, 3);
}

/**
 * Who already answers to each name, by the loosest key a lookup uses: every point and condition
 * name, and each routine's id, aliases and title (lookup matches titles too, so a user point
 * named "Headache relief" would take that name from the routine). Built afresh for each use (the loader's clash check,
 * while the catalog is still changing), never cached like the lookup index.
 */
export function nameOwners(catalog: Catalog): NameOwners {
  const map = new Map<string, Ref[]>();
  const put = (ref: Ref, names: string[]) => names.forEach((n) => add(map, normalizeKey(n), ref));
  for (const p of catalog.points.values()) put({ kind: 'point', id: p.id }, pointNames(p));
  for (const [id, names] of conditionNameLists(catalog)) put({ kind: 'condition', id }, names);
  for (const r of catalog.routineHeads ?? catalog.routines.values()) put({ kind: 'routine', id: r.id }, routineNames(r));
  return {
    owners: (name) => map.get(normalizeKey(name)) ?? [],
    add: (ref, names) => put(ref, names),
  };
}

/** The table nameOwners builds: who answers to a name, and a way to add newly accepted records. */
export interface NameOwners {
  owners(name: string): Ref[];
  add(ref: Ref, names: string[]): void;
}

/** A reference as a person reads it: "the point LI4 (Hégǔ)", "the condition pregnancy". */
export function describeRef(catalog: Catalog, r: Ref): string {
  if (r.kind === 'point') {
    const p = catalog.points.get(r.id);
    return `the point ${p ? `${p.id} (${p.pinyin})` : r.id}`;
  }
  return `the ${r.kind} ${r.id}`;
}

function describeAmbiguous(catalog: Catalog, r: Ref): string {
  if (r.kind === 'point') {
    const p = catalog.points.get(r.id);
    return p ? `${p.id} (${p.pinyin})` : r.id;
  }
  return `${r.kind} ${r.id}`;
}

/** The fields of a point a search looks in. */
type SearchablePoint = { id: string; pinyin: string; hanzi: string; hanzi_traditional: string; english: string; location: string; indications: string[]; aliases: string[] };

/**
 * Free-text match over a point's names, location and indications (accents ignored), for one
 * search text over many points: the text is folded once, not once a point.
 */
export function pointMatcher(text: string): (p: SearchablePoint) => boolean {
  const q = foldText(text).trim();
  const compact = normalizeKey(text);
  return (p) => {
    const hay = foldText([p.id, p.english, p.location, p.indications.join(' '), p.aliases.join(' ')].join(' \u0000 '));
    return hay.includes(q) || normalizeKey(p.pinyin).includes(compact) || normalizeKey(p.id) === compact
      || p.hanzi.includes(text) || p.hanzi_traditional.includes(text) || legacyCodes(p.id).some((c) => normalizeKey(c) === compact);
  };
}

// One pinyin syllable, tone marks folded away: an initial and a final, or "er" alone.
const SYLLABLE = '(?:(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|v)|er)';
// A point's pinyin written as one word (Hegu, Sanyinjiao, Fu'ai): two syllables or more.
const PINYIN_WORD = new RegExp(`^(?:${SYLLABLE}'?){2,}$`);
// A word of a text: letters and digits, with apostrophes inside (Tiger's, Fu'ai). Built on first
// use, as is `capital`'s: a \p{…} class takes a cold process about 0.4 ms to build from ICU's
// tables, and most commands never look for names in a text.
let textWord: RegExp | undefined;
let upperFirst: RegExp | undefined;
// The most words any point name has ("Three Yin Intersection" has three); a little to spare.
const NAME_WORDS = 6;

/** Whether a word reads as a point's pinyin written as one word (accents and case aside). */
export function isPinyinWord(word: string): boolean {
  return PINYIN_WORD.test(foldText(word).replace(/\u2019/g, "'"));
}

const capital = (word: string) => (upperFirst ??= /^\p{Lu}/u).test(word);

/**
 * The points a free text names by pinyin or English name (Hegu, hégǔ, "Union Valley", Hoku),
 * found through the lookup index, in order, once each. Codes are codesInText's work. So that
 * ordinary words do not count: a pinyin written as one word counts in any case; a name in
 * English words counts only with its capitals ("Upper Arm", not "the upper arm"), and a name of
 * one English word ("Return", ST29) only when it is not the first word of a sentence. A name
 * that loosely means two points (Futu) counts as both: a check may only find more.
 */
export function pointsNamedInText(catalog: Catalog, text: string): string[] {
  const words = [...text.matchAll((textWord ??= /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu))].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
  // Only a capital or a pinyin-like word can start a name: most texts never build the index
  // (which reads every point).
  if (!words.some((w) => capital(w.word) || isPinyinWord(w.word))) return [];
  const idx = indexOf(catalog);
  const out = new Set<string>();
  // The longest name wins, and the words it took name nothing else: "Three Yin Intersection" is
  // SP6, not also CV7 (Yin Intersection) in its last two words.
  for (let i = 0; i < words.length; i++) {
    const opensSentence = i === 0 || /[.!?:;]/.test(text.slice(words[i - 1]!.end, words[i]!.start));
    let longest: { k: number; ids: string[] } | undefined;
    for (let k = 1; k <= NAME_WORDS && i + k <= words.length; k++) {
      const span = words.slice(i, i + k);
      // The words of one name stand apart only by spaces or dashes ("Union Valley", "He-gu").
      if (k > 1 && !/^[\s-]+$/.test(text.slice(span[k - 2]!.end, span[k - 1]!.start))) break;
      const key = normalizeKey(span.map((w) => w.word).join(' '));
      const ids: string[] = [];
      for (const ref of idx.loose.get(key) ?? []) {
        const p = ref.kind === 'point' ? catalog.points.get(ref.id) : undefined;
        if (p && namedAs(p, key, span.map((w) => w.word), opensSentence)) ids.push(p.id);
      }
      if (ids.length > 0) longest = { k, ids };
    }
    if (longest) {
      longest.ids.forEach((id) => out.add(id));
      i += longest.k - 1;
    }
  }
  return [...out];
}

/** Whether the words of a text, which loosely spell one of the point's names, name it as the rules above say. */
function namedAs(p: Point, key: string, words: string[], opensSentence: boolean): boolean {
  return [p.pinyin, p.english, ...p.aliases].some((name) => {
    if (normalizeKey(name) !== key) return false;
    const parts = name.split(/[\s-]+/).filter(Boolean);
    // A pinyin (the point's, or an alias spelt as one) written as one word: any case.
    if (words.length === 1 && (name === p.pinyin || (parts.length === 1 && isPinyinWord(name)))) return true;
    // Syllables or English words written apart keep the name's capitals.
    if (parts.length !== words.length) return words.every(capital);
    if (!parts.every((part, j) => !capital(part) || capital(words[j]!))) return false;
    return words.length > 1 || !opensSentence;
  });
}
