// The words `run --voice` says for a phase: the shown cue when it can be said within the phase,
// else a shorter form of the same facts, so a listener with eyes closed hears each cue to its end
// (a new cue stops the one still being spoken). Safety words are never left out.
import type { Point } from '../model/types.js';
import type { Phase } from '../model/timeline.js';
import { sideWords, shortName } from './cues.js';
import { guards } from './safety-words.js';

/** The speaking rate the estimate assumes: espeak-ng's default, in words per minute. */
export const SPEECH_WPM = 175;
/**
 * How much longer than words ÷ SPEECH_WPM a cue may take to say: espeak-ng at its default rate
 * took up to 1.23 times the plain estimate on the built-in cues (pauses at commas and full
 * stops, point codes spelt out), so 1.25.
 */
export const SPEECH_MARGIN = 1.25;

/**
 * The estimated time to say `text`, in ms: its words at SPEECH_WPM, times SPEECH_MARGIN. A point
 * code is said letter by letter ("LI4" is "L I 4": three words).
 */
export function speechMs(text: string): number {
  let words = 0;
  for (const m of text.matchAll(/[\p{L}\p{M}'\u2019]+|\d+/gu)) words += /^[A-Z]{2,3}$/.test(m[0]) ? m[0].length : 1;
  return Math.round((words * 60_000 * SPEECH_MARGIN) / SPEECH_WPM);
}

// A clause that asks for a light touch. A ramp's shorter forms say it in their pressure word
// instead (see rampWord); elsewhere such a clause is kept whole.
const GENTLE = /\bgentl[ey]\b|\blight(?:ly)?\b(?!-headed)|\bsoft(?:ly)?\b(?!\s+(?:hollow|spot|side|belly|tissue|part))/i;

/** The clauses of `text` (split at full stops, semicolons, ! and ?), each ending in a full stop. */
function clauses(text: string): string[] {
  return text.split(/(?<=[.;!?])\s+/).map((c) => c.trim().replace(/[;,:]$/, '.')).filter(Boolean).map((c) => (/[.!?]$/.test(c) ? c : `${c}.`));
}

/** The clauses of `detail` that carry a safety word (and, with `gentle`, a light-touch word), with a capital first letter. */
function safetyClauses(detail: string, gentle: boolean): string[] {
  return clauses(detail).filter((c) => guards(c) || (gentle && GENTLE.test(c))).map((c) => `${c[0]!.toUpperCase()}${c.slice(1)}`);
}

/**
 * A ramp's pressure word: the one its shown text says (plan()'s, which a caution in force may
 * have lowered: "gently (with pregnancy)"), or "gently" when its step's cue asks for a light touch
 * anywhere (the shorter forms leave that cue out, and its light touch must not go with it).
 */
function rampWord(own: string, pressure: string): string {
  return GENTLE.test(own) && !pressure.startsWith('gently') ? 'gently' : pressure;
}

/**
 * Shorter forms of a phase's cue, longest first, each a lead that says what to do: the caller
 * adds the safety clauses of `detail` (the part a shorter form leaves out) to every one.
 */
function shorter(phase: Pick<Phase, 'kind' | 'side' | 'text' | 'said'>, point: Point | undefined): { forms: string[]; detail: string } {
  const text = phase.text;
  const where = point ? sideWords(phase.side, point.region) : '';
  const on = point ? (where ? `${shortName(point)}, ${where}` : shortName(point)) : '';
  switch (phase.kind) {
    case 'locate': {
      // "Find LI4 (Hégǔ, Union Valley) on your left hand: how…": the how follows the first colon.
      const at = text.indexOf(': ');
      const how = at < 0 ? '' : text.slice(at + 2);
      if (!point) return { forms: [], detail: how };
      // A how that itself starts "Find the spot…" gives up its verb: "Find EX-HN5 (Tàiyáng): the spot…".
      const first = clauses(how)[0]?.replace(/^find\s+/i, '');
      return { forms: [...(first ? [`Find ${on}: ${first}`] : []), `Find ${on}.`], detail: how };
    }
    case 'ramp': {
      // The step's own cue and the pressure word as plan() said them (Phase.said); a phase
      // without them is said whole.
      if (!point || !phase.said) return { forms: [], detail: '' };
      const own = phase.said.cue ?? '';
      const firm = rampWord(own, phase.said.pressure);
      const ownFirst = clauses(own)[0];
      return { forms: [...(ownFirst ? [`Slowly press ${on}, ${firm}. ${ownFirst}`] : []), `Slowly press ${on}, ${firm}.`, `Press ${point.id}, ${firm}.`], detail: own };
    }
    case 'hold':
      return { forms: ['Hold. Breathe slowly.', 'Hold.'], detail: '' };
    case 'release':
      return { forms: point ? [`Ease off ${point.id}.`, 'Release.'] : ['Release.'], detail: '' };
    case 'switch':
      return { forms: ['Other side.'], detail: '' };
    case 'massage': {
      // "Area, motion: the routine's cue", or the motion's own words (which keep their safety words whole).
      const at = text.indexOf(': ');
      if (at < 0) return { forms: clauses(text).slice(0, 1), detail: text };
      const own = text.slice(at + 2);
      return { forms: [`${text.slice(0, at)}: ${clauses(own)[0] ?? ''}`.trim(), `${text.slice(0, at)}.`], detail: own };
    }
    case 'rest':
      return { forms: [clauses(text)[0] ?? 'Rest.', 'Rest.'], detail: text };
    default:
      return { forms: [], detail: text };
  }
}

/**
 * What to say for a phase: its shown text when that can be said within the phase's planned time
 * (by speechMs), else the longest shorter form that can, else the shortest. Every shorter form
 * keeps the safety clauses of what it leaves out (never, do not, stop, only as much as is
 * comfortable…; a light touch, which a ramp says in its pressure word), even when they make it
 * longer than the phase. `point` is the phase's point, when it has one.
 */
export function spokenCue(phase: Pick<Phase, 'kind' | 'side' | 'text' | 'duration_ms' | 'said'>, point?: Point): string {
  if (speechMs(phase.text) <= phase.duration_ms) return phase.text;
  const { forms, detail } = shorter(phase, point);
  if (forms.length === 0) return phase.text;
  const safety = safetyClauses(detail, phase.kind !== 'ramp');
  const said = forms.map((lead) => [lead, ...safety.filter((c) => !lead.includes(c.slice(1)))].join(' '));
  return said.find((s) => speechMs(s) <= phase.duration_ms) ?? said.at(-1)!;
}
