const ASCII = /^[\x00-\x7f]*$/;

/** Strip tone marks and accents ("Hégǔ" → "Hegu"); ASCII text has none, so it skips the work. */
function stripMarks(text: string): string {
  return ASCII.test(text) ? text : text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

// Characters that split a word without showing anything: the soft hyphen, zero-width spaces and
// joiners, the word joiner, a byte-order mark inside text, and the direction controls.
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]/g;

/**
 * Text as a reader sees it: compatibility forms folded (fullwidth "Ｈｅｇｕ" and "LI４" read as
 * Hegu and LI4, a no-break space as a space) and invisible characters dropped ("He\u200bgu" is
 * Hegu). ASCII text is returned as it is.
 */
export function plainText(text: string): string {
  return ASCII.test(text) ? text : text.normalize('NFKC').replace(INVISIBLE, '');
}

/** Lower-case, strip tone marks and accents, and drop spaces, hyphens and apostrophes: "Hé Gǔ" → "hegu". */
export function normalizeKey(text: string): string {
  return stripMarks(text)
    .toLowerCase()
    .replace(/[\s\-_'\u2019.]+/g, '');
}

/** Lower-case and strip accents but keep word boundaries, for free-text search. */
export function foldText(text: string): string {
  return stripMarks(text).toLowerCase();
}

/**
 * A text as --tag and --search compare it: folded (foldText), with every run of spaces, hyphens
 * and underscores one space, so "chest pain", "chest-pain" and "Chest_Pain" are one text: a card
 * prints the indication chest-pain as "chest pain", and a person types what the card says.
 */
export function matchText(text: string): string {
  return foldText(text).replace(/[\s_\-\u2010-\u2015]+/g, ' ').trim();
}

/** Edit distance counting a swap of two neighbours as one edit ("hodl" → "hold"), bounded by max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, cur[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    rows.push(cur);
  }
  return rows[a.length]![b.length]!;
}

/** The closest candidates to `input`, nearest first, within a distance that scales with length. */
export function suggest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const key = normalizeKey(input);
  const max = key.length <= 3 ? 1 : key.length <= 6 ? 2 : 3;
  const scored: Array<[number, string]> = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c)) continue;
    seen.add(c);
    const d = editDistance(key, normalizeKey(c), max);
    if (d <= max) scored.push([d, c]);
  }
  scored.sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1]));
  return scored.slice(0, limit).map(([, c]) => c);
}

/**
 * The noun for `n` of it: `noun` for exactly 1, else `many` (by default the noun and an "s"):
 * plural(2, 'phase') → 'phases', plural(1, 'is', 'are') → 'is'. The one place our plurals are made.
 */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return n === 1 ? noun : many;
}

/** `n` and the noun, plural unless n is 1: count(1, 'file') → '1 file', count(3, 'problem') → '3 problems'. */
export function count(n: number, noun: string, many?: string): string {
  return `${n} ${plural(n, noun, many)}`;
}

/** "a", "a or b", "a, b or c". */
export function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/**
 * Order ids by code unit. Our ids are ASCII, and the first localeCompare of a process builds an
 * ICU collator (about 9 ms of `acupress list`), so machine ids never go through it.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
