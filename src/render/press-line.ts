// A point's Press line (its technique and pressure), as the point card and the printable sheet
// say it: within the pressure a condition in force allows, like a step's cue in `run`.
import type { Point } from '../model/types.js';
import type { PressureCap } from '../core/step-cautions.js';
import { GENERAL } from '../core/safety.js';
import { PRESSURES } from '../model/enums.js';
import { cautionFor } from './findings.js';

/**
 * `p.technique` said within `cap` (cap.say: "pressing firmly toward the bone" is "pressing gently
 * toward the bone" with bleeding), then its pressure in brackets unless the text already says it:
 * the point's own (`(firm pressure)`), or the cap's with for whom when a condition lowered it
 * (`(gentle pressure with bleeding)`, `(gentle pressure in pregnancy)`). Undefined for a point without a technique.
 */
export function pressLine(p: Pick<Point, 'technique' | 'pressure'>, cap?: PressureCap): string | undefined {
  if (!p.technique) return undefined;
  const own = p.pressure ?? 'moderate';
  const lowered = cap !== undefined && cap.condition !== undefined && PRESSURES.indexOf(cap.pressure) < PRESSURES.indexOf(own);
  const level = lowered ? cap.pressure : p.pressure;
  const whose = lowered && cap.condition !== GENERAL ? ` ${cautionFor(cap.condition!)}` : '';
  const text = cap ? cap.say(p.technique) : p.technique;
  // Nothing of it could be said lighter (and nothing in it guards you): the pressure alone.
  if (!text) {
    const only = level ?? cap!.pressure;
    return `${only[0]!.toUpperCase()}${only.slice(1)} pressure${whose}.`;
  }
  const said = text.toLowerCase();
  if (!level || said.includes(`${level} pressure`) || (level === 'gentle' && said.includes('light pressure'))) return text;
  return `${text} (${level} pressure${whose})`;
}
