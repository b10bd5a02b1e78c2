// Pinyin as texts write it: a point's name as one word (Hegu, Sanyinjiao), or with tone numbers
// (he2 gu3). Read by names-in-text.ts and, to key the names, by name-table.ts.
import { foldText } from './text.js';

// One pinyin syllable, tone marks folded away: an initial and a final, or "er" alone.
const SYLLABLE = '(?:(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u|v)|er)';
// A point's pinyin written as one word (Hegu, Sanyinjiao, Fu'ai): two syllables or more. Built on first use.
let pinyinWord: RegExp | undefined;

// One syllable alone, to read pinyin written with tone numbers (he2 gu3, san1yin1jiao1); built on first use.
let oneSyllable: RegExp | undefined;

/**
 * A lower-case word of ASCII letters and digits as its pinyin without tone numbers: "gu3" is gu,
 * "san1yin1jiao1" sanyinjiao, when every digit (1 to 5) ends a syllable; any other word as it is.
 * The digits split the syllables, so each is read once (no backtracking over a long word).
 */
export function withoutToneNumbers(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  if (last < 0x31 || last > 0x35) return word;
  const parts = word.slice(0, -1).split(/[1-5]/);
  oneSyllable ??= new RegExp(`^${SYLLABLE}$`);
  for (const part of parts) if (!oneSyllable.test(part)) return word;
  return parts.join('');
}

/** Whether a word reads as a point's pinyin written as one word (accents and case aside). */
export function isPinyinWord(word: string): boolean {
  pinyinWord ??= new RegExp(`^(?:${SYLLABLE}'?){2,}$`);
  return pinyinWord.test(foldText(word).replace(/\u2019/g, "'"));
}
