// The interactive routine picker (inquirer), used only when both ends are a terminal.
import type { Catalog } from '../../model/catalog.js';
import type { Condition, Routine } from '../../model/types.js';
import type { Io } from '../../model/io.js';
import { routineFindings } from '../../core/safety.js';
import { plan } from '../../core/plan.js';
import { formatClock } from '../../model/duration.js';

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

/** Ask which routine to run. */
export async function pickRoutine(catalog: Catalog, conditions: Condition[], io: Io): Promise<Routine> {
  const { select, Separator } = await import('@inquirer/prompts');
  const choices = pickerChoices(catalog, conditions);
  const items: Array<InstanceType<typeof Separator> | { value: string; name: string; description: string }> = [];
  let group = '';
  for (const ch of choices) {
    if (ch.group !== group) {
      group = ch.group;
      items.push(new Separator(`── ${group} ──`));
    }
    items.push({ value: ch.value, name: ch.name, description: ch.description });
  }
  const id = await select(
    { message: 'Which routine?', choices: items, pageSize: 15, loop: false },
    { input: io.stdin as NodeJS.ReadableStream, output: io.stdout as NodeJS.WritableStream },
  );
  return catalog.routines.get(id)!;
}
