// How much pressure a piece of cue text asks for, so a cue never asks for more than its point
// allows (a "press firmly" over an artery marked moderate). Used by the data tests on every
// built-in cue and technique, by `validate` to warn about a user's cue, and by run, show and the
// sheet to say a step's cue within what a caution in force allows.
import { PRESSURES } from '../model/enums.js';
import { guards, sentences } from './safety-words.js';

export { PRESSURES };
/** A pressure level, weakest first in PRESSURES. A point without `pressure` is treated as moderate. */
export type Pressure = (typeof PRESSURES)[number];

// Every pattern here reads lower-case text (lower()), without the i flag: V8's first
// case-insensitive pattern with a class in it sets up Unicode case folding, 14 million
// instructions that `show <routine> --condition …` would pay for these alone.
//
// Words that ask for each level. Only words about pressure count: "hard to reach" and
// "breathe deeply" ask for nothing, and "steady" (as in "hold it steady") is about keeping
// still, while "steadily" is the moderate ramp cue's own word. "Lean back into" and "your
// weight" put body weight behind a press. The head's weight on the thumbs ("let your head grow
// heavy on your thumbs", "rest your head on them") is more than a light touch, so a caution
// asking for light pressure (neck-arteries at GB20) leaves that clause out.
const ASKS: Record<Pressure, RegExp> = {
  firm: /\bfirm(?:ly|er)?\b|\bharder\b|\b(?:press|push|dig|sink|squeez)\w*\s+(?:\w+\s+)?(?:hard|deep(?:ly)?)\b|\b(?:deep|strong)(?:er)?\s+pressure\b|\b(?:body|your) weight\b|\blean(?:ing)? back\b|\bdig(?:s|ging)?\s+in\b|\ball (?:of )?your (?:strength|might)\b|\bas hard as\b/,
  moderate: /\bsteadily\b|\bmoderate(?:ly)?\b|\bhead\s+(?:\w+\s+){0,2}heavy\b|\bhead\s+(?:\w+\s+){0,3}(?:on|onto|against)\s+(?:\w+\s+)?(?:them|it|thumbs?|fingers?|fingertips|knuckles?|hands?|fists?|balls?)\b/,
  gentle: /\bgentl[ey]\b|\blight(?:ly)?\b(?!-headed)|\bsoft(?:ly)?\b/,
};
const STRONGEST_FIRST = [...PRESSURES].reverse();
// A clause that says what not to do ("never press hard", "do not dig in deeply", "keep your weight
// off them") asks for nothing.
const NEGATED = /\b(?:never|not|no|without|avoid|don't|rather than)\b[^.,;:!?]*|\b(?:keep|take|lift)\w*\s+(?:\w+\s+){0,3}?off\b[^.,;:!?]*/g;
// "no more than light pressure" is not a negation: it asks for light pressure at most.
const NOT_MORE = /\b(?:no|not|never|nothing)\b(?:\s+\w+){0,2}?\s+(?:more|harder|firmer|stronger|deeper)(?:\s+\w+)?\s+than\b/g;
// "gentle to moderate", "moderate-to-firm": a range asks for its top.
const RANGE = /\b(?:gentle|gently|light|moderate)(?:\s+|-)(?:to|or)(?:\s+|-)(?:light-)?(moderate(?:ly)?|firm)\b/g;

// Encouragement that reads like a negation: "don't be afraid to press firmly", "no need to be
// gentle", "never hold back" ask for more, never less. Read as a firm ask before what not to do is
// left out.
const ENCOURAGE = /\b(?:don't|do not|never|no need to)\s+(?:be\s+afraid\s+(?:to|of)|hesitate(?:\s+to)?|hold\s+back|be\s+(?:too\s+|so\s+)?(?:gentle|shy|timid|soft|careful)|worry(?:\s+about)?)\b/g;

/** `text` in lower case, for the patterns here, without the invisible characters a word may hide behind ("fir\u200bmly"). */
const lower = (text: string) => text.toLowerCase().replace(/[\u00ad\u034f\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g, '');

/** `text` as read for what it asks: in lower case, "no more than" dropped, what not to do left out, a range as its top. */
function asked(text: string): string {
  return lower(text).replace(ENCOURAGE, ' firmly ').replace(NOT_MORE, ' ').replace(NEGATED, ' ').replace(RANGE, (_m, hi: string) => hi);
}

/** The strongest pressure a text asks for, or undefined when it names none. */
export function pressureAsked(text: string): Pressure | undefined {
  const plain = asked(text);
  return STRONGEST_FIRST.find((level) => ASKS[level].test(plain));
}

/**
 * The most pressure a caution lets you use: the lightest level it names ("use only light pressure
 * on it" is gentle, "steady, moderate pressure beside the pulse" moderate, "no more than light
 * pressure" gentle); else moderate when it says not to press hard ("do not press hard or deeply
 * here", "avoid strong pressure"); else undefined. "Firm" said plainly there says what to avoid
 * ("Firm pressure bruises easily"), never allows it.
 */
export function pressureAllowed(text: string): Pressure | undefined {
  const plain = asked(text);
  if (ASKS.gentle.test(plain)) return 'gentle';
  if (ASKS.moderate.test(plain)) return 'moderate';
  for (const m of lower(text).replace(NOT_MORE, ' ').matchAll(NEGATED)) if (ASKS.firm.test(m[0])) return 'moderate';
  return undefined;
}

// A word asking for more, said again at a lower level: "Press firmly with your thumb" is "Press
// gently with your thumb" under a light-pressure caution, "dig in deeply" is "dig in steadily"
// under a moderate one. How a word reads (how to press, what pressure, more of it) picks its table.
const ADVERB = /\b(?:firmly|steadily|moderately)\b|(?<=\b(?:press|push|dig|sink|squeez)\w*\s+(?:\w+\s+)?)(?:hard|deep(?:ly)?)\b/g;
const ADJECTIVE = /\b(?:firm|moderate|deep|strong)(?=\s+(?:pressure|press|touch|grip|squeeze)\b)/g;
const COMPARATIVE = /\b(?:firmer|harder|deeper|stronger)\b/g;
const SAID_AS: Record<Exclude<Pressure, 'firm'>, Array<[RegExp, (word: string) => string | undefined]>> = {
  gentle: [[ADVERB, (w) => (w === 'moderately' ? 'lightly' : 'gently')], [ADJECTIVE, () => 'light'], [COMPARATIVE, () => 'lighter']],
  moderate: [[ADVERB, (w) => (w === 'steadily' || w === 'moderately' ? undefined : 'steadily')], [ADJECTIVE, (w) => (w === 'moderate' ? undefined : 'moderate')], [COMPARATIVE, () => 'steadier']],
};
// "gentle but firm pressure" said again is "gentle pressure", not "gentle but light pressure".
const SAID_TWICE = /\b(gentl[ey]|light(?:ly)?|steady|steadily) (?:but|and|or) (?:gentl[ey]|light(?:ly)?|steady|steadily)\b/g;
// Where a sentence divides into clauses: after a comma, semicolon or colon, and before "but".
const CLAUSE = /([,;:]\s+|\s+(?=[Bb]ut\s))/;
const LEADING_JOIN = /^(?:[Bb]ut|[Aa]nd|[Ss]o|[Tt]hen)\s+/;

/**
 * `text` asking for no more pressure than `allowed`. A sentence that asks for more says it in the
 * allowed level's words ("Press steadily; if you feel a pulse…" is "Press gently; if you feel a
 * pulse…"); what still asks for more ("lean your body weight into it") is left out clause by
 * clause, and a clause that guards the person (SAFETY: "stop if the arm tingles", "never press on
 * the spine", "keep your weight off them") is always kept, even beside a request left out.
 */
export function withinPressure(text: string, allowed: Pressure): string {
  if (allowed === 'firm' || !exceeds(pressureAsked(text), allowed)) return text;
  return sentences(text).map((s) => sentenceWithin(s, allowed)).filter(Boolean).join(' ');
}

function sentenceWithin(sentence: string, allowed: Exclude<Pressure, 'firm'>): string {
  if (!exceeds(pressureAsked(sentence), allowed)) return sentence;
  const said = reword(sentence, allowed);
  if (!exceeds(pressureAsked(said), allowed)) return said;
  // Pieces alternate: clause, separator, clause… A clause is kept unless it asks for more and says nothing to guard the person.
  const pieces = said.split(CLAUSE);
  let out = '';
  for (let i = 0; i < pieces.length; i += 2) {
    const clause = pieces[i]!;
    if (exceeds(pressureAsked(clause), allowed) && !guards(clause)) continue;
    out += out ? `${pieces[i - 1] ?? ' '}${clause}` : clause;
  }
  const end = /[.!?]$/.exec(sentence.trim())?.[0] ?? '.';
  const kept = out.trim().replace(LEADING_JOIN, '').replace(/[\s,;:.!?]+$/, '');
  return kept ? `${kept[0]!.toUpperCase()}${kept.slice(1)}${end}` : '';
}

/**
 * `sentence` with each word asking for more said at `allowed`, outside what it says not to do
 * ("never press hard" stays). Words are found in its lower case and replaced in place, a capital
 * kept; a sentence whose lower case is not the same length (a rare letter) is left as it is.
 */
function reword(sentence: string, allowed: Exclude<Pressure, 'firm'>): string {
  const low = lower(sentence);
  if (low.length !== sentence.length) return sentence;
  // What each word becomes, by its start, found in the lower case outside negated spans.
  const swaps = new Map<number, [number, string]>();
  const negated = [...low.matchAll(NEGATED)].map((m) => [m.index, m.index + m[0].length] as const);
  const free = (at: number) => !negated.some(([from, to]) => at >= from && at < to);
  for (const [re, to] of SAID_AS[allowed]) {
    for (const m of low.matchAll(re)) {
      const said = to(m[0]);
      if (said !== undefined && free(m.index) && !swaps.has(m.index)) swaps.set(m.index, [m[0].length, said]);
    }
  }
  let out = '';
  let at = 0;
  for (const [start, [length, said]] of [...swaps].sort((x, y) => x[0] - y[0])) {
    if (start < at) continue;
    const first = sentence[start]!;
    out += sentence.slice(at, start) + (first !== first.toLowerCase() ? `${said[0]!.toUpperCase()}${said.slice(1)}` : said);
    at = start + length;
  }
  out += sentence.slice(at);
  // "gentle but firm pressure" said again is "gentle pressure", not "gentle but light pressure".
  const twice = lower(out);
  if (twice.length !== out.length) return out;
  let kept = '';
  at = 0;
  for (const m of twice.matchAll(SAID_TWICE)) {
    if (!/\b(?:gentl|light)/.test(m[0].slice(m[1]!.length))) continue;
    kept += out.slice(at, m.index + m[1]!.length);
    at = m.index + m[0].length;
  }
  return kept + out.slice(at);
}

/** Does `asked` go beyond what a point allows (`allowed`, moderate when unset)? */
export function exceeds(asked: Pressure | undefined, allowed: Pressure | undefined): boolean {
  if (asked === undefined) return false;
  return PRESSURES.indexOf(asked) > PRESSURES.indexOf(allowed ?? 'moderate');
}
