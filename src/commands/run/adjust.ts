// After picking a routine interactively: start, or adjust rounds and hold first. A routine with
// steps to avoid offers to skip them, or to choose another routine, rather than a dead end.
import type { Io } from '../../model/io.js';
import { checkDuration, BOUNDS } from '../../model/duration.js';
import type { Terminal } from '../../render/terminal.js';

/** What the person chose: flag-style overrides (strings, validated later like flags) and whether to skip the steps to avoid. */
export type Confirmed = { overrides: { rounds?: string; hold?: string }; skipUnsafe: boolean };

/** The steps to avoid in the chosen routine: what they press, and whether that is every step. */
export interface Avoided { what: string; every: boolean }

/** The choices of the "Ready?" question. */
export function readyChoices(avoided?: Avoided): Array<{ value: string; name: string }> {
  if (avoided?.every) {
    return [
      { value: 'back', name: 'Choose another routine (every step of this one is to be avoided)' },
      { value: 'cancel', name: 'Cancel' },
    ];
  }
  return [
    avoided ? { value: 'start', name: `Start, skipping the steps to avoid (${avoided.what})` } : { value: 'start', name: 'Start now' },
    { value: 'adjust', name: avoided ? 'Adjust rounds and hold first (still skipping them)' : 'Adjust rounds and hold first' },
    ...(avoided ? [{ value: 'back', name: 'Choose another routine' }] : []),
    { value: 'cancel', name: 'Cancel' },
  ];
}

/** The routine's own rounds and hold, as the adjust questions name them ("3", "20s" or "20s-1m"). */
export interface OwnTiming { rounds: string; hold: string }

/**
 * Ask whether to start, adjust, choose again or cancel. The adjust questions say what an empty
 * answer keeps: the routine's own rounds and hold (`own`).
 */
export async function confirmOrAdjust(io: Io, term: Terminal, avoided?: Avoided, own?: OwnTiming): Promise<Confirmed | 'cancel' | 'back'> {
  const { select, input } = await import('@inquirer/prompts');
  const { askGuarded } = await import('../prompt-guard.js');
  const choice = await askGuarded(io, term, (ctx) => select({ message: 'Ready?', choices: readyChoices(avoided) }, ctx));
  if (choice === 'cancel' || choice === 'back') return choice;
  const skipUnsafe = avoided !== undefined;
  if (choice === 'start') return { overrides: {}, skipUnsafe };
  const rounds = await askGuarded(io, term, (ctx) => input({
    message: `Rounds per point (1-10; empty keeps the routine's${own ? ` ${own.rounds}` : ''}):`,
    validate: (v) => v.trim() === '' || (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 10) || 'a whole number from 1 to 10',
  }, ctx));
  const hold = await askGuarded(io, term, (ctx) => input({
    message: `Hold time (e.g. 45s or 1m; empty keeps the routine's${own ? ` ${own.hold}` : ''}):`,
    validate: (v) => {
      if (v.trim() === '') return true;
      const r = checkDuration(v, BOUNDS.minPhaseMs, BOUNDS.maxHoldMs);
      return 'error' in r ? r.error : true;
    },
  }, ctx));
  return { overrides: { ...(rounds.trim() ? { rounds: rounds.trim() } : {}), ...(hold.trim() ? { hold: hold.trim() } : {}) }, skipUnsafe };
}
