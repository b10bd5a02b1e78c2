// How much pressure a piece of cue text asks for, so a cue never asks for more than its point
// allows (a "press firmly" over an artery marked moderate). Used by the data tests on every
// built-in cue and technique, and by `validate` to warn about a user's cue.

/** The pressure levels, weakest first. A point without `pressure` is treated as moderate. */
export const PRESSURES = ['gentle', 'moderate', 'firm'] as const;
export type Pressure = (typeof PRESSURES)[number];

// Words that ask for each level. Only words about pressure count: "hard to reach" and
// "breathe deeply" ask for nothing, and "steady" (as in "hold it steady") is about keeping
// still, while "steadily" is the moderate ramp cue's own word. "Lean back into" and "your
// weight" put body weight behind a press.
const ASKS: Array<[Pressure, RegExp]> = [
  ['firm', /\bfirm(?:ly|er)?\b|\bharder\b|\b(?:press|push|dig|sink)\w*\s+(?:\w+\s+)?(?:hard|deep(?:ly)?)\b|\b(?:deep|strong)(?:er)?\s+pressure\b|\b(?:body|your) weight\b|\blean(?:ing)? back\b/i],
  ['moderate', /\bsteadily\b|\bmoderate(?:ly)?\b/i],
  ['gentle', /\bgentl[ey]\b|\blight(?:ly)?\b(?!-headed)|\bsoft(?:ly)?\b/i],
];
// A clause that says what not to do ("never press hard", "do not dig in deeply") asks for nothing.
const NEGATED = /\b(?:never|not|no|without|avoid|don't|rather than)\b[^.,;:!?]*/gi;
// "gentle to moderate", "moderate-to-firm": a range asks for its top.
const RANGE = /\b(?:gentle|gently|light|moderate)(?:\s+|-)(?:to|or)(?:\s+|-)(?:light-)?(moderate(?:ly)?|firm)\b/gi;

/** The strongest pressure a text asks for, or undefined when it names none. */
export function pressureAsked(text: string): Pressure | undefined {
  const plain = text.replace(NEGATED, ' ').replace(RANGE, (_m, hi: string) => hi);
  for (const [level, re] of ASKS) if (re.test(plain)) return level;
  return undefined;
}

/**
 * The most pressure a caution lets you use: the lightest level it names ("use only light pressure
 * on it" is gentle, "steady, moderate pressure beside the pulse" moderate), or undefined when it
 * names none. "Firm" there says what to avoid ("Firm pressure bruises easily"), never allows it;
 * a clause saying what not to do names nothing.
 */
export function pressureAllowed(text: string): Pressure | undefined {
  const plain = text.replace(NEGATED, ' ').replace(RANGE, (_m, hi: string) => hi);
  for (const level of ['gentle', 'moderate'] as const) if (ASKS.find(([l]) => l === level)![1].test(plain)) return level;
  return undefined;
}

// The words for each level a sentence asking for more is said again in: "Press firmly with your
// thumb" is "Press gently with your thumb" under a light-pressure caution.
const SAID_AS: Record<Exclude<Pressure, 'firm'>, Record<string, string>> = {
  gentle: { firmly: 'gently', steadily: 'gently', moderately: 'lightly', firmer: 'lighter', firm: 'light', moderate: 'light' },
  moderate: { firmly: 'steadily', firmer: 'steadier', firm: 'moderate' },
};
// "gentle but firm pressure" said again is "gentle pressure", not "gentle but light pressure".
const SAID_TWICE = /\b(gentl[ey]|light(?:ly)?|steady|steadily) (?:but|and|or) (?:gentl[ey]|light(?:ly)?|steady|steadily)\b/gi;
const PRESSURE_WORD = /\b(?:firmly|steadily|moderately|firmer|(?:firm|moderate)(?=\s+(?:pressure|press|touch|grip|squeeze)\b))\b/gi;

/**
 * `text` asking for no more pressure than `allowed`: a sentence that asks for more says it in the
 * allowed level's words ("Press steadily; if you feel a pulse…" is "Press gently; if you feel a
 * pulse…"), the rest of it kept; one that still asks for more ("lean your weight into it") is
 * left out.
 */
export function withinPressure(text: string, allowed: Pressure): string {
  if (allowed === 'firm') return text;
  const words = SAID_AS[allowed];
  return text.split(/(?<=[.!?])\s+(?=[A-Z"'(])/).map((s) => {
    if (!exceeds(pressureAsked(s), allowed)) return s;
    const said = s.replace(PRESSURE_WORD, (w) => {
      const to = words[w.toLowerCase()] ?? w;
      return w[0] === w[0]!.toUpperCase() ? `${to[0]!.toUpperCase()}${to.slice(1)}` : to;
    }).replace(SAID_TWICE, (both, first: string) => (/\b(?:gentl|light)/i.test(both.slice(first.length)) ? first : both));
    return exceeds(pressureAsked(said), allowed) ? '' : said;
  }).filter(Boolean).join(' ');
}

/** Does `asked` go beyond what a point allows (`allowed`, moderate when unset)? */
export function exceeds(asked: Pressure | undefined, allowed: Pressure | undefined): boolean {
  if (asked === undefined) return false;
  return PRESSURES.indexOf(asked) > PRESSURES.indexOf(allowed ?? 'moderate');
}
