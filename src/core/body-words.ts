// Body words in free text, read as the regions the condition rules name: a massage step's area
// ("lower belly"), and the places a cue or a point's directions say to rub or knead ("rub your
// lower belly in circles"), so that any step that massages a region is checked like one that
// says `regions:` (pregnancy avoids the abdomen and lower back; neck-arteries, massage on the neck).
import type { MassageStep, Region } from '../model/types.js';
import { plainText } from './text.js';

// The body words of the area text of a massage step ("lower belly", "the small of the back"), read as
// the regions the condition rules name, so that the step is checked like one that says
// `regions:` (pregnancy avoids the abdomen and lower back). Added to a step's own regions, never
// hidden by them: an area of "lower belly" with `region: hand` is a contradiction, and a check
// that is unsure where hands go considers both.
const AREA_REGIONS: Array<[RegExp, Region]> = [
  [/\b(?:abdomen|abdominal|belly|tummy|stomach|navel|umbilicus|bowels?|pelvis|pelvic|womb|uterus)\b/i, 'abdomen'],
  [/\b(?:lower|low|small of (?:the|your|my)) back\b|\blumbar\b|\bsacr(?:um|al)\b|\btailbone\b|\bcoccyx\b/i, 'lower-back'],
  [/\b(?:upper back|shoulder blades?|between the shoulders)\b/i, 'upper-back'],
  [/\b(?:chest|breasts?|breastbone|sternum|ribs?|rib ?cage)\b/i, 'chest'],
  [/\b(?:neck|throat)\b/i, 'neck'],
  [/\b(?:head|scalp|temples?|forehead|skull)\b/i, 'head'],
  [/\b(?:face|cheeks?|jaw|eyes?|eyebrows?|nose)\b/i, 'face'],
  [/\bshoulders?\b/i, 'shoulder'],
  [/\b(?:hips?|buttocks?|glutes?)\b/i, 'hip'],
  [/\b(?:thighs?|groin)\b/i, 'thigh'],
  [/\bknees?\b/i, 'knee'],
  [/\b(?:legs?|calf|calves|shins?)\b/i, 'leg'],
  [/\bankles?\b/i, 'ankle'],
  [/\b(?:feet|foot|soles?|toes?|heels?|arch of the foot)\b/i, 'foot'],
  [/\bforearms?\b/i, 'forearm'],
  [/\b(?:upper arms?|elbows?|arms?)\b/i, 'arm'],
  [/\bwrists?\b/i, 'wrist'],
  [/\b(?:hands?|palms?|fingers?|thumbs?)\b/i, 'hand'],
];

/** The regions a massage step works: its own and those its area text names (AREA_REGIONS), each once. */
export function massageRegions(step: Pick<MassageStep, 'area' | 'regions'>): Region[] {
  const area = plainText(step.area);
  return [...new Set([...step.regions, ...AREA_REGIONS.filter(([re]) => re.test(area)).map(([, region]) => region)])];
}

/** The regions a massage step's area text names (AREA_REGIONS) that its own regions do not. */
export function areaOnlyRegions(step: Pick<MassageStep, 'area' | 'regions'>): Region[] {
  return massageRegions(step).filter((r) => !step.regions.includes(r));
}

// A massage verb, and what ends a clause: a mark, or a word that starts another ("with the other
// hand", "while you breathe"). Built on first use, as techniques.ts's patterns are.
let massaged: { verb: RegExp; stop: RegExp; tool: RegExp } | undefined;

/**
 * The regions a text says to massage: the body words (AREA_REGIONS) in what a massage verb (rub,
 * massage, knead, stroke, squeeze, pinch, tap, roll, work) acts on, read to the end of its sentence
 * or a next step in time (then, until, before, after): when unsure what is rubbed, it counts.
 * "Squeeze LI4 while you rub the sides of your neck" works the neck; "Rest your hands on your
 * belly" works nothing. Each once.
 */
export function massagedRegions(text: string | undefined): Region[] {
  if (!text || !/\b(?:rub|massag|knead|strok|squeez|pinch|tap|roll|work)/i.test(text)) return [];
  const re = massaged ??= {
    verb: /\b(?:rub|rubs|rubbing|massage|massages|massaging|knead|kneads|kneading|stroke|strokes|stroking|squeeze|squeezes|squeezing|pinch|pinches|pinching|tap|taps|tapping|roll|rolls|rolling|work|works|working)\b/i,
    // Read to the end of the sentence, or to where another action begins ("then", "while you
    // breathe", "and press"): a list ("the shoulders, neck and jaw"), "or", "with your palm over
    // the lower belly" are what is rubbed.
    stop: /[.;:!?\n]|\b(?:then|until|before|after|while|as|so|and\s+(?:then|hold|place|put|rest|breathe|keep|let|press|cup|relax))\b/i,
    // What it is rubbed with is no region worked: "with both hands", "using your fingertips".
    tool: /\b(?:with|using)\s+(?:(?:your|the|my|both|one|two|three|other|a|an)\s+){0,3}(?:\w+\s+)?(?:hands?|fingers?|fingertips?|thumbs?|palms?|knuckles?|fists?|heels?\s+of\s+(?:your|the)\s+hands?)\b/gi,
  };
  const out = new Set<Region>();
  for (const clause of plainText(text).replace(/[-_\u2010-\u2015]+/g, ' ').split(re.stop)) {
    const verb = re.verb.exec(clause);
    if (!verb) continue;
    const object = clause.slice(verb.index + verb[0].length).replace(re.tool, ' ');
    for (const [word, region] of AREA_REGIONS) if (word.test(object)) out.add(region);
  }
  return [...out];
}
