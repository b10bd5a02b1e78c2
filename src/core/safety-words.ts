// The one reading of which words in a cue guard the person, and where a text's sentences end:
// `run --voice`'s shorter cues and a cue said within a caution's pressure (pressure-words.ts)
// both keep every clause these words mark, and a caution's line beside a step is its last sentence.

/*
 * A clause that guards the person: what never to do, what to keep off, how far to go, when to
 * stop ("never press on the spine", "keep your weight off them", "stop if the arm tingles", "only
 * as much as is comfortable").
 */
const SAFETY = /\b(?:never|not|don't|avoid|without|stop|only|careful(?:ly)?|caution|pregnan\w*|hurts?|pain(?:ful)?|dizzy|numb|comfortabl[ey])\b(?!\s+(?:be\s+afraid|hesitate|hold\s+back|be\s+(?:too\s+|so\s+)?(?:gentle|shy|timid|soft|careful)|worry))|\b(?:keep|take|lift)\w*\s+(?:\w+\s+){0,3}?off\b/;

/** Does `clause` guard the person (SAFETY)? Read in lower case: a pattern without the i flag spares V8 setting up case folding. */
export function guards(clause: string): boolean {
  return SAFETY.test(clause.toLowerCase());
}

/** Where in `clause` its first safety word starts, or -1. */
export function guardAt(clause: string): number {
  return clause.toLowerCase().search(SAFETY);
}

/** The sentences of `text`: split after a full stop, ! or ? that a capital, a quote or a bracket follows. */
export function sentences(text: string): string[] {
  return text.trim().split(/(?<=[.!?])\s+(?=[A-Z"'(])/);
}
