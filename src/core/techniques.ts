// What a step does besides pressing a point, read from its motion, the regions it works and the
// words a person is told: a condition's `techniques:` rule is checked against these, so advice
// such as "no kneading" (bleeding) or "without turning or tilting your head" (neck arteries)
// meets every step that asks for it, not only the steps on a listed point or region.
import type { Region, Step } from '../model/types.js';
import type { TECHNIQUES } from '../model/enums.js';
import { plainText } from './text.js';

/** One thing a step may do that a condition can restrict. */
export type Technique = (typeof TECHNIQUES)[number];

// The patterns, built on first use: most starts check no technique (no condition in force has a
// `techniques` rule), and a regular expression made at every start costs a cold process.
let patterns: { knead: RegExp; neck: RegExp[]; weight: RegExp[]; headWeight: RegExp[]; skull: RegExp } | undefined;
function built(): NonNullable<typeof patterns> {
  if (patterns) return patterns;
  // The head's weight on the hands or a ball: "let your head grow heavy", "your head heavy on
  // your thumbs", "let your head rest on them", "rest the back of your head on the ball" ("rest
  // your head in your hands", or on a pillow, presses no point): leaning weight, and weight the
  // neck takes (neck-weight), wherever the point is.
  const headWeight = [
    /\bhead\s+(?:\w+\s+){0,2}heavy\b/i,
    /\bhead\s+(?:\w+\s+){0,3}(?:on|onto|into|against)\s+(?:\w+\s+)?(?:them|it|thumbs?|fingers?|fingertips|knuckles?|hands?|fists?|balls?)\b/i,
  ];
  return patterns = {
    headWeight,
    // The back of the head, where the vertebral arteries run up into the skull, and the mastoid
    // behind the ear, over the carotid: weight leant there ("lie back on two tennis balls at the
    // base of your skull", "a ball under the point behind your ear") is weight on the neck.
    skull: /\b(?:skull|occiput|occipital|mastoids?|nape)\b|\bbehind\s+(?:\w+\s+){0,2}ears?\b|\b(?:back|base)\s+of\s+(?:\w+\s+)?head\b/i,
    // Kneading in any form of the word ("Knead the sole", "kneading the forearm"), and kneading by
    // another name: rolling or squeezing the muscle or skin, working it "like dough" or "like
    // bread dough".
    knead: /\bknead|\b(?:roll|rolls|rolling|squeeze|squeezes|squeezing)\s+(?:\w+\s+){0,4}(?:muscles?|skin|flesh|tissue)\b|\blike\s+(?:\w+\s+){0,2}dough\b/i,
    // A cue that moves the head or neck: turning, tilting, rolling, bending or stretching it, an ear
    // toward a shoulder, the chin toward the chest, looking over a shoulder, "side to side".
    neck: [
      /\b(?:turn|turning|tilt|tilting|tip|tipping|roll|rolling|rotate|rotating|twist|twisting|nod|nodding|shake|shaking|bend|bending|drop|dropping|lower|lowering|lift|lifting|raise|raising|circle|circling|stretch|stretching)\s+(?:\w+\s+){0,2}(?:head|neck)\b/i,
      /\b(?:head|neck)\s+(?:\w+\s+){0,2}(?:from\s+)?side\s+to\s+side\b/i,
      // ("the base of the neck down to the shoulder blades" is a stretch of the body, not a movement.)
      /\bhead\s+(?:rolls?|circles?|turns?|tilts?|stretch(?:es)?|back|forward|down)\b|\bneck\s+(?:rolls?|circles?|turns?|tilts?|stretch(?:es)?|back|forward|down(?!\s+to\b))\b/i,
      // "Gently nod.", "nod yes": a nod is the head moving, whatever follows.
      /\b(?:nod|nods|nodding)\b/i,
      /\bears?\s+(?:\w+\s+){0,3}(?:to|toward|towards|over|down\s+to)\s+(?:\w+\s+){0,2}shoulders?\b/i,
      /\bchin\s+(?:\w+\s+){0,3}(?:to|toward|towards|onto|over|up|down)\b/i,
      // ("look at the back of your hand" says where to look, not to turn.)
      /\blook(?:s|ing)?\s+(?:\w+\s+){0,2}(?:over\s+(?:\w+\s+){0,2}shoulders?|behind|left|right|up|back(?!\s+of\b)|around|sideways)\b/i,
    ],
    // Leaning the body's weight, or the head's, into a point: "lean gently into the ball", "lying
    // on two tennis balls", "press your back against a wall", "your body weight", "let your head
    // grow heavy on your thumbs", "rest your head on them", "letting your weight press the point",
    // "sit back against a foam roller".
    weight: [
      /\blean(?:s|ing)?\s+(?:\w+\s+){0,3}(?:into|on|onto|against)\b/i,
      /\b(?:lie|lying|lay)\s+(?:\w+\s+){0,3}on\s+(?:\w+\s+){0,3}balls?\b/i,
      /\b(?:against|into)\s+(?:a|the)\s+wall\b/i,
      /\bbody\s*weight\b/i,
      // "sink your weight onto the ball", "letting your body sink onto it" (a finger that "sinks
      // into a soft hollow", or fingertips that "sink slowly down into the belly", as CV4's and
      // many points' directions say, are finding or pressing the point).
      /\b(?:sink|sinks|sinking)\s+(?:\w+\s+){0,4}(?:on|onto|into|against)\b(?!\s+(?:a|the)\s+(?:\w+\s+)?(?:hollow|groove|dip|depression|gap|notch|belly|abdomen|skin|muscle|flesh|tissue)\b)/i,
      /\bweight\s+(?:\w+\s+){0,2}(?:on|onto|into|against)\b/i,
      // "let your weight press the point", "use your body weight", "putting your weight behind it"
      // (not "keep your weight off them": that says what not to do).
      /\b(?:let|lets|letting|put|puts|putting|use|uses|using)\s+(?:your|the|my|some|all)\s+(?:\w+\s+)?weight\b/i,
      // The head's weight on the hands or a ball (above), or anything "heavy on" a point.
      ...headWeight,
      /\bheavy\s+(?:on|onto|into|against)\b/i,
      // Sitting or lying back against something, a foam roller in any use.
      /\b(?:sit|sits|sitting|lie|lies|lying|lay|rest|rests|resting|settle|settles|settling|press|presses|pressing|push|pushes|pushing)\s+back\s+(?:\w+\s+){0,2}(?:against|into|onto)\b/i,
      /\bfoam\s+roll(?:er|ers|ing)?\b/i,
      // "rest your back gently against a tennis ball on a wall" (GV14's directions): the back
      // against something, or a ball on a wall, door or floor.
      /\b(?:rest|rests|resting|press|presses|pressing|push|pushes|pushing|put|puts|putting)\s+(?:your|the|my)\s+(?:\w+\s+)?(?:back|spine|shoulders?|body)\s+(?:\w+\s+)?(?:against|into|onto)\b/i,
      /\bballs?\s+(?:\w+\s+){0,2}(?:on|against)\s+(?:a|the)\s+(?:wall|door|floor)\b/i,
    ],
  };
}

/** The words a person reads or hears at a step: its cue, its one-side cue and locate text, or a massage's area. */
function stepTexts(step: Step): string[] {
  if (step.kind === 'press') return [step.cue, step.cueOneSide, step.find].filter((t): t is string => t !== undefined);
  if (step.kind === 'massage') return [step.area, step.cue].filter((t): t is string => t !== undefined);
  return step.cue ? [step.cue] : [];
}

/** A text as the patterns read it: plain, hyphens and underscores as spaces ("ear-to-shoulder", "head-turns"). */
function readable(text: string): string {
  return plainText(text).replace(/[-_\u2010-\u2015]+/g, ' ');
}

/**
 * What the words of a text ask for: kneading, moving the head, leaning weight into a point, and
 * weight on the neck: the head's weight on the hands, weight leant in while the head moves, or
 * weight leant at the skull, the back of the head or behind the ear.
 */
function wordTechniques(text: string): Technique[] {
  const re = built();
  const out: Technique[] = [];
  if (re.knead.test(text)) out.push('kneading');
  const moves = re.neck.some((x) => x.test(text));
  if (moves) out.push('neck-movement');
  if (re.weight.some((x) => x.test(text))) {
    out.push('body-weight');
    if (moves || re.headWeight.some((x) => x.test(text)) || re.skull.test(text)) out.push('neck-weight');
  }
  return out;
}

/** `neck-weight` added where weight is leant on a point of the neck (`neck`: the point, or the step, works the neck). */
function onNeck(ts: Technique[], neck: boolean): Technique[] {
  return neck && ts.includes('body-weight') && !ts.includes('neck-weight') ? [...ts, 'neck-weight'] : ts;
}

/**
 * Whether weight leant on a point of this region is weight on the neck: the neck's own points, and
 * the head's (the base of the skull, BL9 and GB19, and the mastoid behind the ear, GB12 and TE17,
 * are over the neck's arteries; a lean on a point of the crown or the temple is taken with care too,
 * since a region cannot tell them apart: when unsure, caution).
 */
export function neckTakesWeight(region: Region | undefined): boolean {
  return region === 'neck' || region === 'head';
}

/**
 * The techniques a step uses, each once: `kneading` (a kneading massage, or a text that says to
 * knead), `neck-massage` (a step working the neck: a massage by its regions or its area's words,
 * any step by what its texts say to rub or knead; `regions` gives them: safety.ts stepRegions),
 * `neck-movement` (a text that moves the head or neck, or a stretching massage over the neck) and
 * `body-weight` (a text that leans the body's weight, or the head's, into a point) and
 * `neck-weight` (such weight where the neck takes it: the head's weight, weight leant at the skull
 * or behind the ear, on a point of the neck or the head (`pointRegions`: the regions of the point a
 * press step presses and of the points its texts name, neckTakesWeight), or leant in while the
 * head moves; leaning into a ball at the shoulder blade is not). Read generously, from the
 * words listed in docs/writing-routines.md: a check may find more than a step does, and a
 * phrasing those words miss is not found.
 */
export function stepTechniques(step: Step, regions: readonly Region[] = [], pointRegions: readonly (Region | undefined)[] = []): Technique[] {
  const text = stepTexts(step).map(readable).join('\n');
  const words = onNeck(wordTechniques(text), pointRegions.some(neckTakesWeight) || regions.includes('neck'));
  const out: Technique[] = [];
  // (Not every `rolling` motion: rolling the shoulders, or a sole over a ball, is no kneading.)
  if ((step.kind === 'massage' && step.motion === 'kneading') || words.includes('kneading')) out.push('kneading');
  // A press or rest step whose cue says to rub the neck massages it as a massage step does.
  const neck = regions.includes('neck');
  if (neck) out.push('neck-massage');
  if ((neck && step.kind === 'massage' && step.motion === 'stretching') || words.includes('neck-movement')) out.push('neck-movement');
  if (words.includes('body-weight')) out.push('body-weight');
  if (words.includes('neck-weight')) out.push('neck-weight');
  return out;
}

/** How a point's own text asks for a technique: in finding it (`find`) or in pressing it (`press`), and whether as the way to press it. */
export interface PointAsk { technique: Technique; text: 'find' | 'press'; way: boolean }

// A sentence that offers another way ("holding or kneading", "also works", "alternatively") or
// says not to: the technique is one choice among others, or none.
const CHOICE = /\b(?:or|alternatively|also|can|could|optionally|not|never|no|without|avoid)\b|n't\b/i;

/**
 * What a point's own texts ask for, as a step's are read (its location and `find:`, shown when
 * you look for it, and its `technique:`, shown as how to press it), with `rubbed` the regions a
 * text says to massage (body-words.ts massagedRegions: the neck is neck-massage). One per
 * technique, the strongest: a technique its pressing text opens with and offers no other way to
 * ("Lie on your back on two tennis balls", first sentence) is `way`; one pressing text offers
 * among others ("holding or kneading in circles") is `press`; one in the finding texts ("Bend
 * your head forward and find…") is `find`.
 */
export function pointTechniques(point: { location: string; find?: string | undefined; technique?: string | undefined; region?: Region | undefined }, rubbed: (text: string) => readonly Region[]): PointAsk[] {
  // Weight leant on a point of the neck or the head is weight on the neck (neck-weight), as at a step pressing it.
  const read = (text: string) => [...onNeck(wordTechniques(readable(text)), neckTakesWeight(point.region)), ...(rubbed(text).includes('neck') ? ['neck-massage' as const] : [])];
  const out = new Map<Technique, PointAsk>();
  for (const text of [point.location, point.find]) for (const t of text ? read(text) : []) if (!out.has(t)) out.set(t, { technique: t, text: 'find', way: false });
  if (point.technique) {
    const first = /^[^.!?]*[.!?]?/.exec(plainText(point.technique))![0];
    const way = CHOICE.test(first) ? [] : read(first);
    for (const t of read(point.technique)) out.set(t, { technique: t, text: 'press', way: way.includes(t) });
  }
  return [...out.values()];
}

const WORDS: Record<Technique, string> = {
  'kneading': 'kneading',
  'neck-massage': 'massage on the neck',
  'neck-movement': 'turning or tilting the head',
  'body-weight': 'leaning your weight into a point',
  'neck-weight': 'your head\'s or body\'s weight on the neck',
};

/** A technique as a person reads it in a list of places: "kneading", "massage on the neck" (one it does not know, as written). */
export function techniqueWords(t: string): string {
  return Object.hasOwn(WORDS, t) ? WORDS[t as Technique] : t;
}

/** Techniques as one phrase: "massage on the neck and turning or tilting the head". */
export function techniquesWords(ts: readonly string[]): string {
  const words = ts.map(techniqueWords);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
}
