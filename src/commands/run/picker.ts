// The interactive routine picker (inquirer), used only when both ends are a terminal.
import type { Catalog } from '../../model/catalog.js';
import type { Condition, Routine } from '../../model/types.js';
import type { Io } from '../../model/io.js';
import { routineFindings } from '../../core/safety.js';
import { plan } from '../../core/plan.js';
import { formatClock } from '../../model/duration.js';
import { fuzzyRank } from '../../core/fuzzy.js';

/** One choice in the picker: a routine with its duration and a warning mark when it has cautions. */
export interface PickerChoice { value: string; name: string; group: string; description: string }

/** Build picker choices grouped by each routine's first tag, with durations and caution marks. */
export function pickerChoices(catalog: Catalog, conditions: Condition[]): PickerChoice[] {
  return [...catalog.routines.values()]
    .map((r) => {
      const total = plan(r, (id) => catalog.points.get(id)).total_ms;
      const findings = routineFindings(catalog, r, conditions);
      const mark = findings.some((f) => f.level === 'avoid') ? ' ⚠ avoid' : findings.length ? ' ⚠' : '';
      return { value: r.id, name: `${r.title} (${formatClock(total)})${mark}`, group: r.tags[0] ?? 'other', description: r.summary };
    })
    .sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name));
}

/** The picker was left with Esc or q: no routine, and nothing wrong. */
export class PickerLeft extends Error {
  override name = 'PickerLeft';
}

/**
 * Ask which routine to run: type to search ids, titles, tags and aliases (fuzzy), arrows to
 * move, Enter to choose; Esc, or q before typing anything, leaves (PickerLeft).
 */
export async function pickRoutine(catalog: Catalog, conditions: Condition[], io: Io): Promise<Routine> {
  const { search, Separator } = await import('@inquirer/prompts');
  const choices = pickerChoices(catalog, conditions);
  const texts = new Map([...catalog.routines.values()].map((r) => [r.id, [r.id, r.title, ...r.tags, ...r.aliases]]));
  // With nothing typed, the routines grouped by their first tag; with a search, the best first.
  const grouped: Array<InstanceType<typeof Separator> | { value: string; name: string; description: string }> = [];
  let group = '';
  for (const ch of choices) {
    if (ch.group !== group) {
      group = ch.group;
      grouped.push(new Separator(`── ${group} ──`));
    }
    grouped.push({ value: ch.value, name: ch.name, description: ch.description });
  }
  let term = '';
  const prompt = search(
    {
      message: 'Which routine? (type to search, Esc to leave)',
      pageSize: 15,
      source: (typed) => {
        term = typed ?? '';
        if (!term.trim()) return grouped;
        return fuzzyRank(choices, term, (ch) => texts.get(ch.value) ?? [ch.name]).map(({ value, name, description }) => ({ value, name, description }));
      },
    },
    { input: io.stdin as NodeJS.ReadableStream, output: io.stdout as NodeJS.WritableStream },
  );
  // Esc (alone, not the start of an arrow key's sequence), or q with nothing typed yet, leaves.
  let left = false;
  const onData = (data: Buffer | string) => {
    const key = data.toString();
    // inquirer may have read the key into the search before this listener runs, so "q typed
    // into an empty search" shows as a term of "" or "q".
    if (key === '\x1b' || (key === 'q' && (term === '' || term === 'q'))) {
      left = true;
      prompt.cancel();
    }
  };
  io.stdin.on('data', onData);
  try {
    const id = await prompt;
    return catalog.routines.get(id)!;
  } catch (e) {
    if (left) throw new PickerLeft('no routine chosen');
    throw e;
  } finally {
    io.stdin.off('data', onData);
  }
}
