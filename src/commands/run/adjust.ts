// After picking a routine interactively: start, or adjust rounds and hold first.
import type { Io } from '../../model/io.js';
import { checkDuration, BOUNDS } from '../../model/duration.js';

/** Ask whether to start or adjust; returns flag-style overrides (strings, validated later like flags). */
export async function confirmOrAdjust(io: Io): Promise<{ rounds?: string; hold?: string } | 'cancel'> {
  const { select, input } = await import('@inquirer/prompts');
  const ctx = { input: io.stdin as NodeJS.ReadableStream, output: io.stdout as NodeJS.WritableStream };
  const choice = await select({
    message: 'Ready?',
    choices: [
      { value: 'start', name: 'Start now' },
      { value: 'adjust', name: 'Adjust rounds and hold first' },
      { value: 'cancel', name: 'Cancel' },
    ],
  }, ctx);
  if (choice === 'cancel') return 'cancel';
  if (choice === 'start') return {};
  const rounds = await input({
    message: 'Rounds per point (1-10, empty keeps the routine\'s):',
    validate: (v) => v.trim() === '' || (/^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 10) || 'a whole number from 1 to 10',
  }, ctx);
  const hold = await input({
    message: 'Hold time (e.g. 45s or 1m, empty keeps the routine\'s):',
    validate: (v) => {
      if (v.trim() === '') return true;
      const r = checkDuration(v, BOUNDS.minPhaseMs, BOUNDS.maxHoldMs);
      return 'error' in r ? r.error : true;
    },
  }, ctx);
  return { ...(rounds.trim() ? { rounds: rounds.trim() } : {}), ...(hold.trim() ? { hold: hold.trim() } : {}) };
}
