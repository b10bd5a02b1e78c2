// `run --rate`: "how strong is your discomfort now, 0 to 10?" before the first phase and again at the end.
import type { Io } from '../../model/io.js';
import { parseRating } from '../../core/history.js';
import { EXIT, isReportable } from '../../model/errors.js';
import { terminal, type Terminal } from '../../render/terminal.js';

/**
 * The questions, before and after the session. They name what is rated: a routine names no
 * complaint of its own (desk-break, or a single point, is for no one symptom), so the words are
 * the person's own discomfort, whatever brought them to the routine.
 */
export const RATING_QUESTIONS = {
  before: 'How strong is your discomfort now, 0 (none) to 10 (worst)? Enter or Esc skips:',
  after: 'And how strong is your discomfort now, 0 to 10? Enter or Esc skips:',
} as const;

/**
 * Ask for a rating in the terminal; undefined when the person just presses Enter, or Esc (which
 * leaves every other question too). After the session, Ctrl-C at the question also means "skip"
 * (the session is already logged); before it, Ctrl-C cancels the run like any other question
 * (exit 130 with a note). SIGTERM and SIGHUP end either question with 143 or 129, the terminal
 * restored (see prompt-guard.ts).
 */
export async function askRating(io: Io, when: 'before' | 'after', term: Terminal = terminal(io)): Promise<number | undefined> {
  const { input } = await import('@inquirer/prompts');
  const { askLeavable } = await import('../prompt-guard.js');
  let asked;
  try {
    // Esc skips, as an empty answer does.
    asked = await askLeavable(io, term, (ctx) => input({
      message: RATING_QUESTIONS[when],
      validate: (v) => v.trim() === '' || 'value' in parseRating(v) || 'a whole number from 0 to 10, or Enter to skip',
    }, ctx), { outcome: when === 'after' ? 'the session is logged' : undefined });
  } catch (e) {
    if (when === 'after' && isReportable(e) && e.exitCode === EXIT.sigint) return undefined;
    throw e;
  }
  if (asked.left) return undefined;
  const answer = asked.answer;
  const r = parseRating(answer);
  return 'value' in r ? r.value : undefined;
}
