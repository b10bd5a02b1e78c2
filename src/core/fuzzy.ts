// Fuzzy matching for the routine picker: what a person types ("desk", "hedache", "neck pain")
// finds the routine by its id, title, tags or aliases, best matches first.
import { foldText as fold } from './text.js';

/**
 * How well `query` matches `text`, or undefined when it does not: the letters of the query must
 * appear in order (case and accents ignored). Higher is better: whole words and a match at the
 * start of a word score most, scattered letters least. Pure.
 */
export function fuzzyScore(query: string, text: string): number | undefined {
  const q = fold(query).replace(/\s+/g, ' ').trim();
  const t = fold(text);
  if (!q) return 0;
  const at = t.indexOf(q);
  if (at >= 0) {
    // A contiguous match: best at the start of the text, then at the start of a word.
    const wordStart = at === 0 || !/[a-z0-9]/.test(t[at - 1]!);
    return 1000 - at + (at === 0 ? 500 : wordStart ? 300 : 0) + (t.length === q.length ? 200 : 0);
  }
  // Letters in order, each gap costing a little; a query without its spaces may still match.
  const letters = q.replace(/ /g, '');
  let score = 0;
  let from = 0;
  for (const ch of letters) {
    const i = t.indexOf(ch, from);
    if (i < 0) return undefined;
    score += i === from ? 10 : i === 0 || !/[a-z0-9]/.test(t[i - 1]!) ? 6 : 1;
    from = i + 1;
  }
  return score;
}

/** The items matching `query` on any of their texts (most telling first, such as the id), best first; ties keep the given order. */
export function fuzzyRank<T>(items: readonly T[], query: string, texts: (item: T) => readonly string[]): T[] {
  const scored: Array<{ item: T; score: number; index: number }> = [];
  items.forEach((item, index) => {
    let best: number | undefined;
    // Texts come in priority order (an id before a tag): equal matches go to the earlier text.
    texts(item).forEach((t, k) => {
      const raw = fuzzyScore(query, t);
      const s = raw === undefined ? undefined : raw - k / 100;
      if (s !== undefined && (best === undefined || s > best)) best = s;
    });
    if (best !== undefined) scored.push({ item, score: best, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((s) => s.item);
}
