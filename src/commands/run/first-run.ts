// The first interactive run asks, once, which safety conditions apply, and saves the answer.
import type { Catalog } from '../../model/catalog.js';
import type { Io } from '../../model/io.js';
import type { Profile } from '../../model/types.js';
import { UserError } from '../../model/errors.js';
import { untrusted } from '../../model/printable.js';
import { profilePath } from '../../store/profile.js';
import { choosableConditions } from '../../core/safety.js';
import { fitWidth, terminal, type Terminal } from '../../render/terminal.js';
import { wrap } from '../../render/text.js';
import { fsReason } from '../../store/fs-reason.js';
import { warn } from '../context.js';

/** The question's choices: every condition a person can have (not `general`), by title. */
export function conditionChoices(catalog: Catalog): Array<{ value: string; name: string; description: string }> {
  return choosableConditions(catalog).map((c) => ({ value: c.id, name: c.title, description: c.description }));
}

/**
 * Ask which conditions apply and add them to the profile (see addProfileConditions: in place,
 * atomically, under a lock). Returns the profile as saved, which also holds any answer another
 * run saved meanwhile. When it cannot be saved (no HOME, a read-only or full disk) the answer
 * still applies to this run, with a warning. `ask` is injectable for tests.
 */
export async function firstRun(
  catalog: Catalog,
  io: Io,
  ask?: (choices: ReturnType<typeof conditionChoices>) => Promise<string[]>,
  term: Terminal = terminal(io),
): Promise<Profile> {
  const choices = conditionChoices(catalog);
  const answer = ask ? await ask(choices) : await askConditions(choices, io, term);
  const unsaved: Profile = { conditions: answer, tips_seen: false };
  const path = profilePath(io.env);
  const w = fitWidth(term);
  if (path === undefined) {
    warn(io, 'warning: HOME is not set, so your answer cannot be saved; it applies to this run only', w);
    return unsaved;
  }
  const { addProfileConditions } = await import('../../store/profile-store.js');
  try {
    const saved = await addProfileConditions(path, answer);
    io.stdout.write(`${wrap(`Saved to ${untrusted(path, 300)}. Edit or delete it any time; --no-profile ignores it.`, w)}\n`);
    return saved;
  } catch (e) {
    if (e instanceof UserError) throw e;
    warn(io, `warning: cannot save your answer to ${path}: ${fsReason(e)}; it applies to this run only`, w);
    return unsaved;
  }
}

/** The note when the question is left with Esc or q: nothing saved or run, and it comes back. */
export const LEFT_QUESTION = 'No answer saved and nothing run; the question comes back on your next run (--no-profile skips it).';

/**
 * The question was left with Esc or q: the person's choice, not an error, so the caller says
 * LEFT_QUESTION plainly (as the picker says "No routine chosen.") and exits 0.
 */
export class QuestionLeft extends Error {
  override name = 'QuestionLeft';
}

/**
 * The question itself: space selects, Enter confirms; Esc, or q, leaves without saving or
 * running anything (QuestionLeft). inquirer's one-letter shortcuts (a selects
 * all, i inverts) are off: a stray word typed here would otherwise save every condition.
 */
async function askConditions(choices: ReturnType<typeof conditionChoices>, io: Io, term: Terminal): Promise<string[]> {
  const { checkbox } = await import('@inquirer/prompts');
  const { askLeavable } = await import('../prompt-guard.js');
  const { listRoom, fitDescription, redrawOnResize, keysHelpTip, CHECKBOX_HELP } = await import('./prompt-fit.js');
  const message = 'Before your first session: do any of these apply to you? (space selects, enter confirms, none is fine; Esc leaves)';
  // Sized to the terminal on every draw (prompt-fit.ts): the page is read first, then the
  // description is cut to the rows the page left it.
  let room = { page: 14, description: 4 };
  // Esc, as the picker and the live view read it, or q (it has no other meaning in this question)
  // leaves; left, the question goes from the screen, as the picker's does, and the caller says so in its place.
  const question = askLeavable(io, term, (ctx) => checkbox(
    {
      message,
      choices,
      get pageSize() {
        room = listRoom(io.stdout.rows, io.stdout.columns, message, CHECKBOX_HELP, 14);
        return room.page;
      },
      theme: {
        style: {
          description: (text: string) => fitDescription(text, io.stdout.columns, room.description, term.glyphs.ellipsis),
          // The list wraps around with no sign of its end: the help line says how many are out of sight.
          keysHelpTip: (keys: Array<[string, string]>) => keysHelpTip(keys, Math.max(0, choices.length - room.page), term.color > 0),
        },
      },
      shortcuts: { all: null, invert: null },
    },
    ctx,
  ), { keys: ['escape', 'q'], clear: true });
  // This list wraps around, so down and back up always lands where it was.
  const offResize = redrawOnResize(io, () => ['down', 'up']);
  try {
    const asked = await question;
    if (asked.left) throw new QuestionLeft(LEFT_QUESTION);
    return asked.answer;
  } finally {
    offResize();
  }
}
