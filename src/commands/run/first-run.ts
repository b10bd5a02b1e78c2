// The first interactive run asks, once, which safety conditions apply, and saves the answer.
import type { Catalog } from '../../model/catalog.js';
import type { Io } from '../../model/io.js';
import type { Profile } from '../../model/types.js';
import { profilePath } from '../../store/profile.js';
import { choosableConditions } from '../../core/safety.js';
import { fitWidth, terminal, type Terminal } from '../../render/terminal.js';
import { wrap } from '../../render/text.js';
import { promptContext } from './prompt-io.js';

/** The question's choices: every condition a person can have (not `general`), by title. */
export function conditionChoices(catalog: Catalog): Array<{ value: string; name: string; description: string }> {
  return choosableConditions(catalog).map((c) => ({ value: c.id, name: c.title, description: c.description }));
}

/** Ask which conditions apply and save them atomically. `ask` is injectable for tests. */
export async function firstRun(
  catalog: Catalog,
  io: Io,
  ask?: (choices: ReturnType<typeof conditionChoices>) => Promise<string[]>,
  term: Terminal = terminal(io),
): Promise<Profile> {
  const choices = conditionChoices(catalog);
  const answer = ask
    ? await ask(choices)
    : await (async () => {
      const { checkbox } = await import('@inquirer/prompts');
      const context = await promptContext(io, term);
      return checkbox(
        {
          message: 'Before your first session: do any of these apply to you? (space selects, enter confirms; none is fine)',
          choices,
          pageSize: 14,
        },
        context,
      );
    })();
  const { saveProfile } = await import('../../store/profile-store.js');
  const path = profilePath(io.env);
  const profile: Profile = { conditions: answer, tips_seen: false };
  saveProfile(path, profile);
  io.stdout.write(`${wrap(`Saved to ${path}. Edit or delete it any time; --no-profile ignores it.`, fitWidth(term))}\n`);
  return profile;
}
