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

/** Does `asked` go beyond what a point allows (`allowed`, moderate when unset)? */
export function exceeds(asked: Pressure | undefined, allowed: Pressure | undefined): boolean {
  if (asked === undefined) return false;
  return PRESSURES.indexOf(asked) > PRESSURES.indexOf(allowed ?? 'moderate');
}
