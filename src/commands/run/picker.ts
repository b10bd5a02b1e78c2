// The interactive routine picker (inquirer), used only when both ends are a terminal.
import type { Catalog } from '../../model/catalog.js';
import type { Condition, Routine } from '../../model/types.js';
import type { Io } from '../../model/io.js';
import { routineFindings } from '../../core/safety.js';
import { plan } from '../../core/plan.js';
import { formatClock } from '../../model/duration.js';
import { fuzzyRank } from '../../core/fuzzy.js';
import { UNICODE_GLYPHS, type Glyphs, type Terminal } from '../../render/terminal.js';
import { escapeHidden } from '../../model/printable.js';

/** One choice in the picker: a routine with its duration, a mark when it has cautions, and whether a step is to be avoided. */
export interface PickerChoice { value: string; name: string; group: string; description: string; avoid: boolean; caution: boolean }

/** Build picker choices grouped by each routine's first tag, with durations, caution marks and `(user)` for your own. */
export function pickerChoices(catalog: Catalog, conditions: Condition[], g: Glyphs = UNICODE_GLYPHS): PickerChoice[] {
  return [...catalog.routines.values()]
    .map((r) => {
      const total = plan(r, (id) => catalog.points.get(id)).total_ms;
      const findings = routineFindings(catalog, r, conditions);
      const avoid = findings.some((f) => f.level === 'avoid');
      const mark = avoid ? ` ${g.warn} avoid` : findings.length ? ` ${g.warn}` : '';
      // Marked as list marks it: a copy of a built-in routine keeps its title, and would read the same.
      const user = r.origin.source === 'user' ? ' (user)' : '';
      return { value: r.id, name: `${escapeHidden(r.title)} (${formatClock(total)})${mark}${user}`, group: r.tags[0] ?? 'other', description: r.summary, avoid, caution: !avoid && findings.length > 0 };
    })
    .sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name));
}

/**
 * The list as shown before anything is typed: routines with nothing to avoid, grouped by tag,
 * then the ones with steps to avoid under a heading that says what the mark means. The cursor
 * starts on the first item, so it starts on a routine with nothing to avoid.
 */
export function groupedChoices<S>(choices: PickerChoice[], conditions: Condition[], separator: (text: string) => S, g: Glyphs = UNICODE_GLYPHS): Array<S | { value: string; name: string; description: string }> {
  const who = conditions.length ? ` with ${conditions.map((c) => c.id).join(', ')}` : '';
  const out: Array<S | { value: string; name: string; description: string }> = [];
  let group = '';
  for (const ch of [...choices.filter((c) => !c.avoid), ...choices.filter((c) => c.avoid)]) {
    const heading = ch.avoid ? `${g.warn} avoid: steps to avoid${who} (you can skip them)` : ch.group;
    if (heading !== group) {
      group = heading;
      out.push(separator(`${g.rule} ${group} ${g.rule}`));
    }
    out.push({ value: ch.value, name: ch.name, description: ch.description });
  }
  return out;
}

/** Where the cursor starts: the first routine the list shows, which has nothing to avoid when any has. */
export function defaultChoice(choices: PickerChoice[]): string | undefined {
  return choices.find((c) => !c.avoid)?.value ?? choices[0]?.value;
}

/**
 * The question, with what each mark means when the list shows it. The avoid mark is explained
 * here too, not only by its heading in the list: a search shows no headings, and a short page
 * may not reach it.
 */
export function pickerMessage(choices: PickerChoice[], g: Glyphs = UNICODE_GLYPHS): string {
  const legend = [
    ...(choices.some((c) => c.caution) ? [`${g.warn} a caution applies`] : []),
    ...(choices.some((c) => c.avoid) ? [`${g.warn} avoid: has steps to avoid (you can skip them)`] : []),
  ];
  return `Which routine? (type to search, Esc to leave${legend.map((l) => ` ${g.dot} ${l}`).join('')})`;
}

/**
 * The choices for a typed search: the fuzzy matches over ids, titles, tags and aliases, best
 * first, but those with nothing to avoid before those with steps to avoid, so the cursor (on the
 * first) rests on a safe routine whenever one matches.
 */
export function searchChoices(choices: PickerChoice[], typed: string, texts: (ch: PickerChoice) => string[]): Array<{ value: string; name: string; description: string }> {
  const ranked = fuzzyRank(choices, typed, texts);
  return [...ranked.filter((c) => !c.avoid), ...ranked.filter((c) => c.avoid)].map(({ value, name, description }) => ({ value, name, description }));
}

/** The picker was left with Esc or q: no routine, and nothing wrong. */
export class PickerLeft extends Error {
  override name = 'PickerLeft';
}

/**
 * Ask which routine to run: type to search ids, titles, tags and aliases (fuzzy), arrows to
 * move, Enter to choose; Esc, or q before typing anything, leaves (PickerLeft).
 */
export async function pickRoutine(catalog: Catalog, conditions: Condition[], io: Io, terminal: Terminal): Promise<Routine> {
  // One plain destructuring import, so the build sees which prompts are used (scripts/build.mjs).
  const { search, Separator } = await import('@inquirer/prompts');
  const { askGuarded } = await import('../prompt-guard.js');
  const { keyReader } = await import('./keys.js');
  const { listRoom, fitDescription, redrawOnResize, SEARCH_HELP } = await import('./prompt-fit.js');
  const choices = pickerChoices(catalog, conditions, terminal.glyphs);
  const texts = new Map([...catalog.routines.values()].map((r) => [r.id, [r.id, r.title, ...r.tags, ...r.aliases]]));
  // With nothing typed, the safe routines grouped by their first tag, then those with steps to
  // avoid; with a search, the best match first.
  const grouped = groupedChoices(choices, conditions, (text) => new Separator(text), terminal.glyphs);
  let term = '';
  let cancel: (() => void) | undefined;
  const message = pickerMessage(choices, terminal.glyphs);
  // Sized to the terminal on every draw (prompt-fit.ts): the page is read first, then the
  // description is cut to the rows the page left it. The typed search shares the message's line.
  let room = { page: 15, description: 4 };
  let shown: Array<{ name?: string }> = grouped as Array<{ name?: string }>;
  let active = '';
  let context: { clearPromptOnDone?: boolean } | undefined;
  const ask = askGuarded(io, terminal, (ctx) => {
    context = ctx;
    const prompt = search(
      {
        message,
        get pageSize() {
          room = listRoom(io.stdout.rows, io.stdout.columns, `${message} ${term}x`, SEARCH_HELP, 15);
          return room.page;
        },
        theme: {
          style: {
            description: (text: string) => fitDescription(text, io.stdout.columns, room.description, terminal.glyphs.ellipsis),
            highlight: (text: string) => ((active = text), `\x1b[36m${text}\x1b[39m`),
          },
        },
        source: (typed) => {
          term = typed ?? '';
          const found = term.trim() ? searchChoices(choices, term, (ch) => texts.get(ch.value) ?? [ch.name]) : grouped;
          shown = found as Array<{ name?: string }>;
          return found;
        },
      },
      ctx,
    );
    cancel = prompt.cancel;
    return prompt;
  });
  // Esc, or q with nothing typed yet, leaves. Esc is read as a whole key, the way the live view
  // reads keys: a lone ESC waits a moment for the rest of a sequence (an arrow key's ESC [ A may
  // come in two reads under load), and an Esc that arrives together with other input still counts.
  let left = false;
  const leave = () => {
    left = true;
    // Left, the question goes from the screen (with a q typed into its search) and the caller
    // says "No routine chosen." in its place.
    if (context) context.clearPromptOnDone = true;
    cancel?.();
  };
  const reader = keyReader(io.clock, (key) => {
    if (key === 'escape') leave();
  });
  const onData = (data: Buffer | string) => {
    reader.data(data);
    // inquirer may have read the key into the search before this listener runs, so "q typed
    // into an empty search" shows as a term of "" or "q".
    if (data.toString() === 'q' && (term === '' || term === 'q')) leave();
  };
  io.stdin.on('data', onData);
  // On the last choice (this list does not wrap around) the cursor can only go up and back.
  const offResize = redrawOnResize(io, () => {
    const last = [...shown].reverse().find((ch) => ch.name !== undefined);
    return last?.name !== undefined && active.endsWith(last.name) ? ['up', 'down'] : ['down', 'up'];
  });
  try {
    const id = await ask;
    return catalog.routines.get(id)!;
  } catch (e) {
    if (left) throw new PickerLeft('no routine chosen');
    throw e;
  } finally {
    offResize();
    reader.stop();
    io.stdin.off('data', onData);
  }
}
