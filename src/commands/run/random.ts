import type { Catalog } from '../../model/catalog.js';
import type { Condition, Routine } from '../../model/types.js';
import { UserError } from '../../model/errors.js';
import { quote } from '../../model/printable.js';
import { filterRoutines } from '../../core/filters.js';
import { routineFilter } from '../filter-flags.js';
import { bareSecondsHint } from '../duration-hint.js';

/** Pick a routine at random among those matching --max/--tag and safe for the conditions. */
export function pickRandom(catalog: Catalog, o: { max?: string; tag?: string }, conditions: Condition[], random: () => number): Routine {
  const rows = filterRoutines(catalog, routineFilter({ max: o.max, tag: o.tag }), conditions);
  if (rows.length === 0) throw new UserError(`run --random: no routine matches${o.tag ? ` --tag ${quote(o.tag)}` : ''}${o.max ? ` --max ${quote(o.max)}` : ''}${bareSecondsHint('--max', o.max)}`);
  return rows[Math.floor(random() * rows.length)]!.routine;
}
