// The cautions a run shows at the step they are about, not only in the notes before the run:
// a person pressing KI3 with --pregnant reads "use only light pressure" while pressing it.
import type { Finding } from './safety.js';
import { GENERAL } from './safety.js';

/** One caution of a step, as the phase events of `run --json` carry it. */
export interface StepCaution {
  condition: string;
  point?: string;
  region?: string;
  reason: string;
}

/**
 * The cautions (not avoids: those steps are refused or skipped) for each step, by step index,
 * one per rule and place, in the findings' order.
 */
export function cautionsByStep(findings: readonly Finding[]): Map<number, StepCaution[]> {
  const out = new Map<number, StepCaution[]>();
  const seen = new Set<string>();
  for (const f of findings) {
    if (f.level !== 'caution' || f.step === undefined) continue;
    const key = `${f.step}\u0000${f.condition}\u0000${f.reason}\u0000${f.point ?? ''}\u0000${f.region ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = out.get(f.step) ?? [];
    list.push({ condition: f.condition, ...(f.point ? { point: f.point } : {}), ...(f.region ? { region: f.region } : {}), reason: f.reason });
    out.set(f.step, list);
  }
  return out;
}

/**
 * What a caution asks of the person, short enough for a line beside the countdown: its reason's
 * last sentence, which in every rule says what to do ("Because the sources disagree, use only
 * light pressure on it, or ask your practitioner first."); the whole reason was in the notes
 * before the run, and is in `check`.
 */
export function cautionAsk(reason: string): string {
  const sentences = reason.trim().split(/(?<=[.!?])\s+(?=[A-Z"'(])/);
  return sentences.at(-1)!.trim();
}

/**
 * The lines a step's cautions take on screen, one per condition and what it asks, each
 * `With pregnancy: …` (or `Caution: …` for a rule for everyone), without the warning glyph.
 */
export function cautionLines(cautions: readonly StepCaution[]): string[] {
  const lines: string[] = [];
  for (const x of cautions) {
    const line = `${x.condition === GENERAL ? 'Caution' : `With ${x.condition}`}: ${cautionAsk(x.reason)}`;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}
