// The words a person hears or reads for each phase. Written for someone with their eyes closed.
import type { Point } from '../model/types.js';
import type { PhaseKind, Side } from '../model/timeline.js';
import type { PressureCap } from './step-cautions.js';
import { GENERAL } from './safety.js';
import { PRESSURES } from '../model/enums.js';

// The part of a limb a point's region names, as a cue says it: PC6 and LI10 are on the forearm
// (it said "left hand"), LI11 on the arm at the elbow (it said "left side"). A point at the ankle
// is found with the foot. Anywhere else, a side of the body.
const LIMB_WORDS: Readonly<Record<string, string>> = { hand: 'hand', wrist: 'wrist', forearm: 'forearm', arm: 'arm', foot: 'foot', ankle: 'foot' };

/** The body part a cue names for a point in this region ("forearm", "hand", "foot"), or "side". */
export function limbWord(region: string | undefined): string {
  return (region !== undefined && Object.hasOwn(LIMB_WORDS, region) ? LIMB_WORDS[region] : undefined) ?? 'side';
}

/** "left hand", "right forearm", "left side", "both sides at once", or "" for a midline point. */
export function sideWords(side: Side | undefined, region: string | undefined): string {
  if (!side || side === 'center') return '';
  if (side === 'both') return 'both sides at once';
  return `${side} ${limbWord(region)}`;
}

/**
 * A sentence as it reads after a colon: its first word in lower case when it is an ordinary
 * capitalised word ("Squeeze" -> "squeeze"); a point id, an acronym or "I" stays as written.
 */
export function afterColon(text: string): string {
  return /^[A-Z][a-z]+\b/.test(text) ? `${text[0]!.toLowerCase()}${text.slice(1)}` : text;
}

/** A short spoken name: "LI4 (Hegu)". */
export function shortName(point: Pick<Point, 'id' | 'pinyin'>): string {
  return `${point.id} (${point.pinyin})`;
}

type Pressure = (typeof PRESSURES)[number];
/** The ramp cue's word for each pressure level. */
export const PRESSURE_WORDS: Readonly<Record<Pressure, string>> = { gentle: 'gently', moderate: 'steadily', firm: 'firmly' };

/** A ramp phase's words: its text, and what it is made of (its pressure word as said, and the step's cue as said), which `run --voice` shortens. */
export interface RampCue {
  text: string;
  /** "steadily", or a caution's lower word and for whom: "gently (with pregnancy)". */
  pressure: string;
  /** The step's own cue, said within the cap. */
  cue?: string;
}

/**
 * The instruction for a ramp. Under a `cap` (a caution in force asking for light pressure on the
 * point, or the point's own `pressure`) it asks for no more than the cap, in its pressure word and
 * in the step's cue (cap.say: "Press firmly with your thumb." is "Press gently with your thumb."),
 * and the word says for whom a caution lowered it ("gently (with pregnancy)").
 */
export function rampCue(point: Point, side: Side | undefined, extra: { cue?: string; cap?: PressureCap }): RampCue {
  const where = sideWords(side, point.region);
  const on = where ? `${shortName(point)}, ${where}` : shortName(point);
  const own = point.pressure ?? 'moderate';
  const cap = extra.cap;
  const lowered = cap !== undefined && PRESSURES.indexOf(own) > PRESSURES.indexOf(cap.pressure);
  const whose = lowered && cap.condition !== undefined && cap.condition !== GENERAL ? ` (with ${cap.condition})` : '';
  const pressure = `${PRESSURE_WORDS[lowered ? cap.pressure : own]}${whose}`;
  const cue = cap && extra.cue ? cap.say(extra.cue) || undefined : extra.cue;
  return { text: `Slowly increase pressure on ${on}, ${pressure}.${cue ? ` ${cue}` : ''}`, pressure, ...(cue ? { cue } : {}) };
}

/** The instruction for a press-related phase (a ramp's is rampCue's text). */
export function pressCue(kind: PhaseKind, point: Point, side: Side | undefined, extra: { cue?: string; find?: string; next?: Side; cap?: PressureCap }): string {
  const name = shortName(point);
  const where = sideWords(side, point.region);
  const on = where ? `${name}, ${where}` : name;
  switch (kind) {
    case 'locate': {
      const how = extra.find ?? point.find ?? point.location;
      const on = side === 'both' ? ' on both sides' : where ? ` on your ${where}` : '';
      const named = `${point.id} (${point.pinyin}, ${point.english})${on}`;
      // After the colon the text goes on in lower case; a text that itself says "Find the spot…"
      // takes the lead verb, so it is not said twice.
      return /^find\b/i.test(how) ? `${named}: ${afterColon(how)}` : `Find ${named}: ${afterColon(how)}`;
    }
    case 'ramp':
      return rampCue(point, side, extra).text;
    case 'hold':
      return `Hold steady pressure on ${on}. Breathe slowly.`;
    case 'release':
      return `Gradually ease off ${on}.`;
    case 'switch':
      return `Switch to the ${sideWords(extra.next, point.region) || 'other side'}.`;
    default:
      return name;
  }
}

const MOTION_WORDS: Record<string, string> = {
  pressure: 'Press and release with your fingertips over',
  circles: 'Make small slow circles over',
  kneading: 'Knead, squeezing and rolling the muscle, over',
  rolling: 'Roll the skin and muscle between thumb and fingers over',
  tapping: 'Tap lightly and rhythmically with your fingertips over',
  stretching: 'Stretch gently, without forcing, through',
  stroking: 'Stroke slowly and lightly along',
  pinching: 'Pinch and lift gently along',
};

/** The instruction for a massage phase: the routine's own cue when it has one, else the motion's words. */
export function massageCue(area: string, motion: string, cue?: string): string {
  const place = `${area[0]!.toUpperCase()}${area.slice(1)}`;
  // A cue that opens with the motion's name ("Kneading. Grasp …") names it itself: said once.
  if (cue) return cueNamesMotion(motion, cue) ? `${place}: ${cue}` : `${place}, ${MOTION_NAMES[motion] ?? motion}: ${cue}`;
  return `${MOTION_WORDS[motion] ?? 'Massage'} ${area}.`;
}

/** Whether a massage cue opens with its motion's name ("Kneading. …", "Finger pressure. …"), so a label would repeat it. */
export function cueNamesMotion(motion: string, cue: string): boolean {
  const start = cue.trimStart().toLowerCase();
  return [MOTION_NAMES[motion], motion].some((name) => name !== undefined && start.startsWith(name) && !/^[\p{L}\p{N}]/u.test(start.slice(name.length)));
}

const MOTION_NAMES: Record<string, string> = {
  pressure: 'finger pressure', circles: 'small circles', kneading: 'kneading', rolling: 'rolling',
  tapping: 'tapping', stretching: 'gentle stretching', stroking: 'stroking', pinching: 'pinching',
};

/** The instruction for a rest phase. */
export function restCue(cue?: string): string {
  return cue ?? 'Rest. Let your hands go loose and breathe slowly.';
}
