import { UserError } from '../model/errors.js';
import { foldText, matchText, normalizeKey, suggest } from './text.js';
import type { Catalog } from '../model/catalog.js';
import type { Condition, Point, Routine } from '../model/types.js';
import { LEGACY_CHANNELS } from '../model/channels.js';
import { pointNumber } from '../model/point-number.js';
import { quote } from '../model/printable.js';
import { codeSpelledAs } from './codes-in-text.js';
import { forgetNames } from './names-in-text.js';

export type Kind = 'routine' | 'point' | 'condition';
export type Ref = { kind: Kind; id: string };

/** Every legacy spelling of a WHO code: LR3 → LV3, LIV3; TE5 → SJ5, TB5 … */
export function legacyCodes(id: string): string[] {
  const m = pointNumber(id);
  // Own keys only: "constructor" is a property of every object, not a channel.
  if (!m || !Object.hasOwn(LEGACY_CHANNELS, m.stem)) return [];
  return LEGACY_CHANNELS[m.stem]!.map((p) => `${p}${m.digits}`);
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
  forgetNames(catalog);
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
    if (kind === 'point') {
      const ref = pointSpelled(catalog, query);
      if (ref) return ref;
    }
  }
  return undefined;
}

/**
 * The point a name spells as a code in a way no index holds ("Spleen 6", "LI—4", "L.I. 4"; see
 * codes-in-text.ts), read as cues and areas read it, so that the command line and a check agree.
 * GV29 and the like go through the point's aliases (EX-HN3).
 */
function pointSpelled(catalog: Catalog, name: string): Ref | undefined {
  const code = codeSpelledAs(name);
  if (code === undefined) return undefined;
  if (catalog.points.has(code)) return { kind: 'point', id: code };
  const hits = (indexOf(catalog).exact.get(toneKey(code)) ?? []).filter((r) => r.kind === 'point');
  return hits.length === 1 ? hits[0] : undefined;
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
    // A name that spells a point's code ("Spleen 6" is SP6) is that point's too: the command line reads it so.
    owners: (name) => {
      const own = map.get(normalizeKey(name));
      if (own) return own;
      const code = codeSpelledAs(name);
      return code === undefined ? [] : (map.get(normalizeKey(code)) ?? []).filter((r) => r.kind === 'point');
    },
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
  // Spaces and hyphens alike (matchText): "chest pain" finds the indication chest-pain.
  const q = matchText(text);
  const compact = normalizeKey(text);
  return (p) => {
    const hay = matchText([p.id, p.english, p.location, p.indications.join(' '), p.aliases.join(' ')].join(' \u0000 '));
    return hay.includes(q) || normalizeKey(p.pinyin).includes(compact) || normalizeKey(p.id) === compact
      || p.hanzi.includes(text) || p.hanzi_traditional.includes(text) || legacyCodes(p.id).some((c) => normalizeKey(c) === compact);
  };
}
