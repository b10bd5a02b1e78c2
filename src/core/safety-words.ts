// The one reading of which words in a cue guard the person, and where a text's sentences end:
// `run --voice`'s shorter cues and a cue said within a caution's pressure (pressure-words.ts)
// both keep every clause these words mark, and a caution's line beside a step is its last sentence.
import { plainText } from './text.js';

// Every pattern here reads lower-case text (lower()), without the i flag: V8's first
// case-insensitive pattern with a class in it sets up Unicode case folding.

/**
 * `text` in lower case, as every pattern here and in pressure-words.ts reads it: folded as a reader
 * sees it (plainText: fullwidth "ｆｉｒｍｌｙ" is firmly, "fir\u180bmly" firmly) and with a curly
 * apostrophe straight ("don’t"). It is as long as plainText(text), so a place found in it is the
 * same place there.
 */
export function lower(text: string): string {
  const plain = plainText(text);
  let low = plain.toLowerCase();
  // A rare letter whose lower case is longer ("İ") is left as it is, to keep every place.
  if (low.length !== plain.length) low = Array.from(plain, (c) => (c.toLowerCase().length === c.length ? c.toLowerCase() : c)).join('');
  return low.replace(/[\u2018\u2019\u02bc]/g, "'");
}

/*
 * Words that read as a negation or a limit but ask for more, not less. Read before what a text
 * says not to do is left out, and never a guard:
 * - ENCOURAGE, negated gentleness or restraint: "don't be afraid to press", "no need to be gentle",
 *   "avoid being gentle", "not too gently", "never hold back", "do not ease off", "without holding
 *   back" (a firm ask);
 * - KEEP_GOING, a negated stop: "do not stop pressing harder" asks for what follows it, "without
 *   stopping" for going on (and "stop" there is no limit);
 * - TO_PAIN, pressing to pain: "until it hurts", "until it is painful", "even if it aches", "it
 *   should hurt", "through the pain" (a firm ask, and against "stop if anything hurts"). "Until the
 *   ache eases" and "it should never hurt" are not.
 */
const SOFT = String.raw`(?:gentle|gently|soft|softly|light|lightly|delicate(?:ly)?|timid(?:ly)?|shy|careful|cautious(?:ly)?|tentative(?:ly)?)`;
const DONT = String.raw`(?:don't|dont|do not|never|no need to|(?:you )?(?:don't|do not) (?:need|have) to|need not|needn't)`;
const MORE = String.raw`(?:too|so|overly|very)`;
const HOLD_BACK = String.raw`(?:be\s+afraid\s+(?:to|of)|hesitate(?:\s+to)?|hold(?:ing)?\s+back|worry(?:\s+about)?|ease\s+(?:off|up)|let(?:ting)?\s+up|back(?:ing)?\s+off|lighten(?:\s+up)?|relent|go\s+easy|take\s+it\s+easy|slacken(?:\s+off)?)`;
/** Negated gentleness or restraint: a firm ask. */
export const ENCOURAGE = new RegExp(
  String.raw`\b(?:${DONT}\s+(?:(?:be|being|to\s+be)\s+)?(?:${MORE}\s+)?${SOFT}|not\s+(?:(?:be|being)\s+)?${MORE}\s+${SOFT}|(?:avoid|without|stop|quit|forget(?:\s+about)?|enough\s+of|no\s+more)\s+being\s+(?:${MORE}\s+)?${SOFT}|(?:avoid|no)\s+(?:gentle|light|soft)\s+(?:pressure|touch|press)|(?:${DONT}|not)\s+${HOLD_BACK}|(?:without|no)\s+(?:holding\s+back|easing\s+(?:off|up)|letting\s+up|backing\s+off|mercy))\b`,
  'g',
);
/** A negated stop: what follows it is asked for. */
export const KEEP_GOING = /\b(?:don't|dont|do not|never|not|without|no)\s+(?:stop(?:ping)?|quit(?:ting)?|paus(?:e|ing)|a\s+(?:break|pause|rest))\b/g;
const PAIN = String.raw`(?:hurts?|hurting|aches?|aching|pain(?:ful|s)?|sore|bruis\w*|winces?|tears?)`;
const EASES = String.raw`(?:fades?|eases?|subsides?|goes|has|is\s+gone|passes|stops|lessens|disappears|settles|softens|melts|releases|lifts|drains|is\s+less)`;
/** Pressing to pain: a firm ask. */
export const TO_PAIN = new RegExp(
  String.raw`\b(?:(?:until|till|til|to\s+the\s+point\s+(?:of|where|that)|even\s+(?:if|when|though)|no\s+matter\s+how(?:\s+much)?)\s+(?:(?!(?:not|no|never|longer|less|nothing)\b|[a-z]*n't\b)[\w']+\s+){0,4}?${PAIN}\b(?!\s+${EASES}\b)|(?:should|must|will|has\s+to|needs?\s+to|ought\s+to|make\s+it|let\s+it)\s+(?:(?!(?:not|no|never)\b)\w+\s+)?(?:hurt|ache|be\s+(?:painful|sore))\b|(?:through|despite|ignore|ignoring|past)\s+(?:the\s+|any\s+)?(?:pain|ache|hurt|soreness)\b|no\s+pain,?\s+no\s+gain)`,
  'g',
);

/** `low` (lower()) with what only reads like a limit (ENCOURAGE, KEEP_GOING, TO_PAIN) blanked, every place kept. */
export function withoutFalseLimits(low: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return low.replace(ENCOURAGE, blank).replace(KEEP_GOING, blank).replace(TO_PAIN, blank);
}

/*
 * A clause that guards the person: what never to do, what to keep off, how far to go, when to
 * stop ("never press on the spine", "keep your weight off them", "stop if the arm tingles", "only
 * as much as is comfortable"). Read after withoutFalseLimits: "don't be gentle", "do not stop" and
 * "until it hurts" guard nothing.
 */
const SAFETY = /\b(?:never|not|don't|dont|avoid|without|stop|only|careful(?:ly)?|caution|pregnan\w*|hurts?|pain(?:ful)?|dizzy|numb|comfortabl[ey])\b|\b(?:keep|take|lift)\w*\s+(?:\w+\s+){0,3}?off\b/;

/** Does `clause` guard the person (SAFETY)? */
export function guards(clause: string): boolean {
  return guardAt(clause) >= 0;
}

/** Where in `clause` (in plainText(clause), the same place for text with nothing to fold) its first safety word starts, or -1. */
export function guardAt(clause: string): number {
  return safetyAt(withoutFalseLimits(lower(clause)));
}

/** Where the first safety word of `read` (a text already lower() and withoutFalseLimits()) starts, or -1. */
export function safetyAt(read: string): number {
  return read.search(SAFETY);
}

/** The sentences of `text`: split after a full stop, ! or ? that a capital, a quote or a bracket follows. */
export function sentences(text: string): string[] {
  return text.trim().split(/(?<=[.!?])\s+(?=[A-Z"'(])/);
}
