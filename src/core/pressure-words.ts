// How much pressure a piece of cue text asks for, so a cue never asks for more than its point
// allows (a "press firmly" over an artery marked moderate). Used by the data tests on every
// built-in cue and technique, by `validate` to warn about a user's cue, and by run, show and the
// sheet to say a step's cue within what a caution in force allows.
import { PRESSURES } from '../model/enums.js';
import { ENCOURAGE, KEEP_GOING, TO_PAIN, lower, safetyAt, sentences, withoutFalseLimits } from './safety-words.js';
import { plainText } from './text.js';

export { PRESSURES };
/** A pressure level, weakest first in PRESSURES. A point without `pressure` is treated as moderate. */
export type Pressure = (typeof PRESSURES)[number];

// Every pattern here reads lower-case text (lower(), folded as a reader sees it: "ｆｉｒｍｌｙ" and
// "fir\u180bmly" are firmly), without the i flag: V8's first case-insensitive pattern with a class
// in it sets up Unicode case folding, 14 million instructions that `show <routine> --condition …`
// would pay for these alone.
//
// Words that ask for each level. Only words about pressure count: "hard to reach", "the hard bony
// bump", "makes the hollow deeper" and "breathe deeply" ask for nothing, and "steady" (as in "hold it
// steady") is about keeping still, while "steadily" is the moderate ramp cue's own word. "Lean
// back into" and "your weight" put body weight behind a press. The head's weight on the thumbs
// ("let your head grow heavy on your thumbs", "rest your head on them", "letting the head rest back
// into the thumbs": the words techniques.ts reads as neck-weight) is more than a light
// touch, so a caution asking for light pressure (neck-arteries at GB20) leaves that clause out.
// Pressing until it hurts is a firm ask too (read in asked()).
//
// "Hard" and "deep" ask when they say how a verb of pressing goes, up to three words after it
// ("press hard", "dig your thumb in deep", "go deeper"): at the end of a clause or before a word
// such as "into", not before a noun ("press on the hard bony bump", "the deep hollow").
const PRESS_VERB = String.raw`\b(?:(?:press|push|dig|sink|squeez|lean|grind|knead|rub|jab|poke|drill|bor)\w*|go(?:es|ing)?|get(?:s|ting)?|work(?:s|ing)?|driv(?:e|es|ing)|bear(?:s|ing)?\s+down)\s+(?:[\w']+\s+){0,3}?`;
const HOW_HARD = String.raw`(?:hard(?:er|est)?|deep(?:er|ly)?)\b(?=\s*(?:$|[.,;:!?)\u2013\u2014-])|\s+(?:into|in|on|onto|against|with|enough|as|and|or|until|till|so|for|at|down|up|there|here|now|then|but|while|through|inside|under|over|toward|towards|without|if|when|each|every|again|from|all|than|too|very)\b)`;
const PRESSURE_NOUN = String.raw`\s+(?:pressure|press|push|squeeze|grip|touch|force)\b`;
const STRONG_WORD = String.raw`(?:deep(?:er)?|strong(?:er)?|hard(?:er)?|heav(?:y|ier)|intense|forceful|vigorous|full|maximum|max)`;
const ASKS: Record<Pressure, RegExp> = {
  firm: new RegExp(
    [
      String.raw`\bfirm(?:ly|er)?\b|\bhard(?:er|est)\b`,
      `${PRESS_VERB}${HOW_HARD}`,
      String.raw`\b${STRONG_WORD}${PRESSURE_NOUN}|\b(?:strong|forceful|vigorous|intense|heavi)ly\b|\bwith\s+(?:\w+\s+)?force\b`,
      String.raw`\b(?:body|your) weight\b|\blean(?:ing)? back\b|\bdig(?:s|ging)?\s+in\b|\ball (?:of )?your (?:strength|might|force|power|weight)\b|\bas (?:hard|deep(?:ly)?|strongly|firmly) as\b`,
    ].join('|'),
  ),
  moderate: /\bsteadily\b|\bmoderate(?:ly)?\b|\bhead\s+(?:\w+\s+){0,2}heavy\b|\bhead\s+(?:\w+\s+){0,3}(?:on|onto|into|against)\s+(?:\w+\s+)?(?:them|it|thumbs?|fingers?|fingertips|knuckles?|hands?|fists?|balls?)\b/,
  gentle: /\bgentl[ey]\b|\blight(?:ly)?\b(?!-headed)|\bsoft(?:ly)?\b/,
};
const STRONGEST_FIRST = [...PRESSURES].reverse();
// A clause that says what not to do ("never press hard", "do not dig in deeply", "keep your weight
// off them") asks for nothing, up to where that clause ends: a punctuation mark, a dash, or "and",
// "but" or "then" ("do not press on the bone - dig in beside it" asks to dig in; any dash: a hyphen
// between spaces, a figure, en or em dash, a bar or a minus), but not a comma
// inside a list of what pressure ("avoid long, hard pressure").
const UNTIL_CLAUSE_ENDS = String.raw`(?:,\s+(?:[\w-]+\s+){0,2}?(?:pressure|press|push|squeeze|grip|touch|force)\b|(?!\s(?:and|but|then)\b|\s[-\u2010-\u2015\u2212])[^.,;:!?\u2012-\u2015\u2212])*`;
const NEGATED = new RegExp(String.raw`\b(?:never|not|no|without|avoid|don't|dont|rather than)\b${UNTIL_CLAUSE_ENDS}|\b(?:keep|take|lift)\w*\s+(?:\w+\s+){0,3}?off\b${UNTIL_CLAUSE_ENDS}`, 'g');
// "no more than light pressure" is not a negation: it asks for light pressure at most.
const NOT_MORE = /\b(?:no|not|never|nothing)\b(?:\s+\w+){0,2}?\s+(?:more|harder|firmer|stronger|deeper)(?:\s+\w+)?\s+than\b/g;
// "gentle to moderate", "moderate-to-firm": a range asks for its top.
const RANGE = /\b(?:gentle|gently|light|moderate)(?:\s+|-)(?:to|or)(?:\s+|-)(?:light-)?(moderate(?:ly)?|firm)\b/g;

/**
 * `text` as read for what it asks: in lower case; negated gentleness and restraint as a firm ask
 * ("avoid being gentle", "don't be afraid to", "never hold back"); a negated stop as what follows it
 * ("do not stop pressing harder"); "no more than" dropped, what not to do left out, a range as its top.
 */
function asked(text: string): string {
  return lower(text).replace(ENCOURAGE, ' firmly ').replace(TO_PAIN, ' firmly ').replace(KEEP_GOING, ' ').replace(NOT_MORE, ' ').replace(NEGATED, ' ').replace(RANGE, (_m, hi: string) => hi);
}

/**
 * `text` with each run of white space as its first character. The lookbehinds and clause splits
 * below rescan a run at every place in it: a cue of "press firmly." and 100,000 spaces took 69 s
 * to cap. A linear pass first makes every run one character.
 */
const squeezed = (text: string): string => text.replace(/(\s)\s+/g, '$1');

/** The strongest pressure a text asks for, or undefined when it names none. */
export function pressureAsked(text: string): Pressure | undefined {
  const plain = asked(squeezed(text));
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
  text = squeezed(text);
  const plain = asked(text);
  if (ASKS.gentle.test(plain)) return 'gentle';
  if (ASKS.moderate.test(plain)) return 'moderate';
  for (const m of withoutFalseLimits(lower(text)).replace(NOT_MORE, ' ').matchAll(NEGATED)) if (ASKS.firm.test(m[0])) return 'moderate';
  return undefined;
}

// A word asking for more, said again at a lower level: "Press firmly with your thumb" is "Press
// gently with your thumb" under a light-pressure caution, "dig in deeply" is "dig in steadily"
// under a moderate one, "go deeper" is "go lighter". How a word reads (how to press, what
// pressure, more of it) picks its table; a word with no lighter form (undefined) stays, and its
// clause is left out if it still asks for more.
const ADVERB = new RegExp(String.raw`\b(?:firmly|steadily|moderately|strongly|forcefully|vigorously|intensely|heavily)\b|(?<=${PRESS_VERB})${HOW_HARD}`, 'g');
const ADJECTIVE = new RegExp(String.raw`\b(?:${STRONG_WORD}|firm(?:er)?|moderate)(?=${PRESSURE_NOUN})`, 'g');
const COMPARATIVE = /\b(?:firmer|harder|hardest)\b/g;
const lighter = (w: string, gentle: string) => (w.endsWith('est') ? 'lightest' : w.endsWith('er') ? 'lighter' : gentle);
const SAID_AS: Record<Exclude<Pressure, 'firm'>, Array<[RegExp, (word: string) => string | undefined]>> = {
  gentle: [[ADVERB, (w) => lighter(w, w === 'moderately' ? 'lightly' : 'gently')], [ADJECTIVE, () => 'light'], [COMPARATIVE, (w) => lighter(w, 'gently')]],
  moderate: [
    [ADVERB, (w) => (w === 'steadily' || w === 'moderately' || w.endsWith('est') ? undefined : w.endsWith('er') ? 'steadier' : 'steadily')],
    [ADJECTIVE, (w) => (w === 'moderate' ? undefined : 'moderate')],
    [COMPARATIVE, (w) => (w.endsWith('est') ? undefined : 'steadier')],
  ],
};
// "gentle but firm pressure" said again is "gentle pressure", not "gentle but light pressure".
const SAID_TWICE = /\b(gentl[ey]|light(?:ly)?|steady|steadily) (?:but|and|or) (?:gentl[ey]|light(?:ly)?|steady|steadily)\b/g;
// Where a sentence divides into clauses: after a comma, semicolon or colon, at a dash, and before "but".
const CLAUSE = /([,;:]\s+|\s+[-\u2010-\u2015\u2212]+\s+|\s*[\u2012-\u2015]\s*|\s+(?=[Bb]ut\s))/;
const LEADING_JOIN = /^(?:[Bb]ut|[Aa]nd|[Ss]o|[Tt]hen)\s+/;
// Where the part of a clause a safety word is in starts.
const PART = /\b(?:and|or|but|then|so|while|if|unless|when|before)\s+/g;

/**
 * `text` asking for no more pressure than `allowed`. A sentence that asks for more says it in the
 * allowed level's words ("Press steadily; if you feel a pulse…" is "Press gently; if you feel a
 * pulse…"); a clause that still asks for more ("lean your body weight into it", "dig in until it
 * hurts", "avoid being gentle") is left out, all but the part of it that guards the person from
 * its safety word on (SAFETY: "lean in and stop if the arm tingles" keeps "stop if the arm
 * tingles", "lean back never onto the spine" keeps "never onto the spine"). A clause that asks
 * for nothing more is kept whole, so every such guard stays. Text with something to fold (a
 * fullwidth letter, a hidden character) comes back folded where a sentence of it is said anew.
 */
export function withinPressure(text: string, allowed: Pressure): string {
  if (allowed === 'firm' || !exceeds(pressureAsked(text), allowed)) return text;
  return sentences(squeezed(text)).map((s) => sentenceWithin(s, allowed)).filter(Boolean).join(' ');
}

function sentenceWithin(sentence: string, allowed: Exclude<Pressure, 'firm'>): string {
  if (!exceeds(pressureAsked(sentence), allowed)) return sentence;
  const said = reword(sentence, allowed);
  if (!exceeds(pressureAsked(said), allowed)) return said;
  // Pieces alternate: clause, separator, clause… Each is read for its safety words in the whole
  // sentence's reading, so an ask that spans clauses ("no pain, no gain") guards nothing.
  const pieces = said.split(CLAUSE);
  const read = withoutFalseLimits(lower(said));
  const end = /[.!?]$/.exec(sentence.trim())?.[0] ?? '.';
  const join = (only: (clause: string, read: string) => string) => {
    let out = '';
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      at += piece.length;
      if (i % 2) continue;
      const clause = only(piece, read.slice(at - piece.length, at));
      if (!clause.trim()) continue;
      out += out ? `${pieces[i - 1] ?? ' '}${clause}` : clause;
    }
    const kept = out.trim().replace(LEADING_JOIN, '').replace(/[\s,;:.!?]+$/, '');
    return kept ? `${kept[0]!.toUpperCase()}${kept.slice(1)}${end}` : '';
  };
  const out = join((c, r) => (exceeds(pressureAsked(c), allowed) ? guardedPart(c, r, allowed) : c));
  if (!exceeds(pressureAsked(out), allowed)) return out;
  // Still asking for more across clauses: only what guards the person is left.
  const guarded = join((c, r) => guardedPart(c, r, allowed));
  return exceeds(pressureAsked(guarded), allowed) ? '' : guarded;
}

/**
 * What of `clause` (plain text; `read`, its reading within its sentence) guards the person: from
 * the start of the part its first safety word is in ("and stop if it hurts"), or from the word
 * itself, whichever asks for no more than `allowed`; else nothing.
 */
function guardedPart(clause: string, read: string, allowed: Exclude<Pressure, 'firm'>): string {
  const at = safetyAt(read);
  if (at < 0) return '';
  let from = at;
  for (const m of read.slice(0, at).matchAll(PART)) from = m.index;
  for (const start of [from, at]) {
    const part = clause.slice(start);
    if (!exceeds(pressureAsked(part), allowed)) return part;
  }
  return '';
}

/**
 * `sentence` (as plainText reads it) with each word asking for more said at `allowed`, outside
 * what it says not to do ("never press hard" stays). Words are found in its lower case and
 * replaced in place, in the case the word had: a capital kept ("Firmly" is "Gently"), a word in
 * capitals in a sentence that is not ("Press HARD.") in lower case, unless it begins the sentence.
 */
function reword(sentence: string, allowed: Exclude<Pressure, 'firm'>): string {
  const base = plainText(sentence);
  const low = withoutFalseLimits(lower(sentence));
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
  const shouting = base === base.toUpperCase();
  let out = '';
  let at = 0;
  for (const [start, [length, said]] of [...swaps].sort((x, y) => x[0] - y[0])) {
    if (start < at) continue;
    const word = base.slice(start, start + length);
    const capital = word[0] !== word[0]!.toLowerCase() && (word.length === 1 || word !== word.toUpperCase() || !/[\p{L}\p{N}]/u.test(base.slice(0, start)));
    out += base.slice(at, start) + (shouting ? said.toUpperCase() : capital ? `${said[0]!.toUpperCase()}${said.slice(1)}` : said);
    at = start + length;
  }
  out += base.slice(at);
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
