import { MERIDIAN_NAMES } from '../model/channels.js';
import { filterPoints, filterRoutines } from '../core/filters.js';
import type { Point } from '../model/types.js';
import type { RoutineHead } from '../model/catalog.js';
import { EXIT, UserError } from '../model/errors.js';
import { escapeHidden, quote } from '../model/printable.js';
import type { Io } from '../model/io.js';
import { painter } from '../render/paint.js';
import { fitWidth, terminal } from '../render/terminal.js';
import { hang, table, width as textWidth } from '../render/text.js';
import { formatClock } from '../model/duration.js';
import { count, orList, suggest } from '../core/text.js';
import { choosableConditions, GENERAL, leavesOut, pointFindings, urgentForText } from '../core/safety.js';
import { activeConditions, catalogFor, showAllHint, writeJson, type Common } from './context.js';
import { pointFilter, routineFilter, type FilterFlags } from './filter-flags.js';
import { bareSecondsHint } from './duration-hint.js';

export interface ListOptions extends Common, FilterFlags {
  args?: string[];
}

const KINDS = ['routines', 'points', 'meridians', 'conditions'] as const;

/** Which lists each filter flag filters; any other list refuses it rather than ignore it. */
const FILTERS: ReadonlyArray<[flag: keyof FilterFlags, kinds: ReadonlyArray<(typeof KINDS)[number]>]> = [
  ['meridian', ['points']], ['region', ['points']], ['tag', ['routines', 'points']], ['search', ['routines', 'points']], ['max', ['routines']],
];

/** The lists a condition leaves things out of; meridians and conditions have nothing to avoid. */
const CONDITION_KINDS: ReadonlyArray<(typeof KINDS)[number]> = ['routines', 'points'];

/** A filter flag given to a list it does not filter is a usage error, never silently ignored. */
function refuseIgnoredFilters(options: FilterFlags & Common, kind: (typeof KINDS)[number]): void {
  for (const [flag, kinds] of FILTERS) {
    if (options[flag] === undefined || kinds.includes(kind)) continue;
    throw new UserError(`list ${kind}: --${flag} filters ${kinds.length > 1 ? kinds.join(' and ') : `${kinds[0]} only`}, not ${kind}`);
  }
  // --pregnant and --condition too: "list meridians --pregnant" must not look checked.
  const flag = options.pregnant ? '--pregnant' : options.condition?.length ? '--condition' : undefined;
  if (flag && !CONDITION_KINDS.includes(kind)) throw new UserError(`list ${kind}: ${flag} leaves out routines and points, not ${kind}`);
}

/** `acupress list [routines|points|meridians|conditions]`. */
export async function run(options: ListOptions, io: Io): Promise<number> {
  const kind = pickKind(options.args?.[0] ?? 'routines');
  refuseIgnoredFilters(options, kind);
  const catalog = await catalogFor(options, io);
  // The saved profile has nothing to leave out of the meridians or the conditions: not read, not announced.
  const active = CONDITION_KINDS.includes(kind) ? await activeConditions(options, catalog, io) : { conditions: [], flagged: [], saved: [] };
  const { conditions } = active;
  // Names what put the conditions in force (a flag, the profile), so the hint says what to change.
  // Only a condition with something to avoid, itself or in one it says to read too, leaves anything out.
  const leaves = (x: (typeof conditions)[number]) => leavesOut(catalog, x);
  const showAll = showAllHint({ flagged: active.flagged.filter(leaves), saved: active.saved.filter(leaves) });
  const t = terminal(io, options.color);
  const c = await painter(t);
  const width = fitWidth(t);
  const header = t.tty && !options.json;
  const who = conditions.map((x) => x.id).join(', ');
  const warn = t.glyphs.warn;
  if (kind === 'routines') {
    const all = filterRoutines(catalog, routineFilter(options), conditions, true);
    // With conditions, what they say to avoid is left out (and counted); with none, a routine
    // with a point never to press yourself stays, marked.
    const rows = conditions.length ? all.filter((r) => !r.avoid) : all;
    const left = all.length - rows.length;
    if (options.json) return writeJson(io, rows.map(({ routine, total }) => routineJson(routine, total)));
    const marks = new Set<string>();
    const mark = (r: (typeof rows)[number]) => {
      const m = r.avoid ? ` ${warn} avoid` : r.cautions ? ` ${warn}` : '';
      if (m) marks.add(m.trim());
      if (r.routine.origin.source === 'user') marks.add('(user)');
      return `${m}${r.routine.origin.source === 'user' ? ' (user)' : ''}`.trim() || undefined;
    };
    // Marks ride in the table's own slot after the title, so a narrow terminal cuts the title, never a
    // mark; where even a mark has no room (30 columns), TIME goes whole rather than an id be cut.
    const lines = table([
      ...(header ? [[c.bold('ID'), c.bold('TIME'), c.bold('TITLE')]] : []),
      ...rows.map((r) => [
        r.routine.origin.source === 'user' ? c.user(r.routine.id) : r.routine.id,
        formatClock(r.total),
        escapeHidden(r.routine.title),
      ]),
    ], width, { ellipsis: c.g.ellipsis, keep: [0, 1], drop: [1], marks: [...(header ? [undefined] : []), ...rows.map(mark)] });
    io.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    writeLegend(io, [...marks], { [`${warn} avoid`]: 'has a step never to press yourself; run refuses it (acupress check <id> says why)', [warn]: `a caution applies${who ? ` (for everyone, or with ${who})` : ''}; acupress show <id> says which`, '(user)': 'your own routine' }, c, width);
    // A search for a complaint that can be an emergency says where to get help, as list points does.
    // Only with a search: the general rules are read from disk on first use, and a plain list never needs them.
    if (options.search !== undefined) for (const u of urgentForText(catalog, { search: options.search }, conditions)) io.stderr.write(`${hang(`${warn} ${u.reason}`, width)}\n`);
    if (left > 0) io.stderr.write(`${hang(`Left out ${count(left, 'routine')} to avoid with ${who} (acupress check <id> says why${showAll ? `; ${showAll}` : ''}).`, width)}\n`);
    if (rows.length === 0) io.stderr.write(`No routines match${bareSecondsHint('--max', options.max)}.\n`);
    return EXIT.ok;
  }
  if (kind === 'points') {
    const filter = pointFilter(options);
    const points = filterPoints(catalog, filter, conditions);
    const left = conditions.length ? filterPoints(catalog, filter, []).length - points.length : 0;
    if (options.json) return writeJson(io, points);
    const marks = new Set<string>();
    // As routines are marked: a point never to press yourself, or one a caution applies to (for
    // everyone, or with a condition in force); the card says which.
    const mark = (p: (typeof points)[number]) => {
      const m = p.cautions.some((k) => k.condition === GENERAL && k.level === 'avoid') ? `${warn} avoid` : pointFindings(p, conditions, p.id).length > 0 ? warn : undefined;
      if (m) marks.add(m);
      return m;
    };
    // Columns give way in a narrow terminal, least needed first; characters only where they show.
    const columns = fitColumns([
      { head: 'CODE', cell: (p: Point) => p.id },
      { head: 'PINYIN', cell: (p: Point) => p.pinyin },
      ...(c.g.hanzi ? [{ head: '汉字', cell: (p: Point) => p.hanzi, drop: 2 }] : []),
      { head: 'REGION', cell: (p: Point) => p.region, drop: 1 },
      { head: 'ENGLISH', cell: (p: Point) => p.english },
    ], points, width);
    const lines = table([
      ...(header ? [columns.map((col) => c.bold(col.head))] : []),
      ...points.map((p) => columns.map((col) => col.cell(p))),
    ], width, { ellipsis: c.g.ellipsis, keep: [0], marks: [...(header ? [undefined] : []), ...points.map(mark)] });
    io.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    writeLegend(io, [...marks], { [`${warn} avoid`]: 'never press this point yourself (acupress show <code> says why)', [warn]: `a caution applies${who ? ` (for everyone, or with ${who})` : ''}; acupress show <code> says which` }, c, width);
    // An indication that can be an emergency, by --tag or --search, says where to get help, as the point card does.
    if (filter.tag !== undefined || filter.search !== undefined) for (const u of urgentForText(catalog, { tag: filter.tag, search: filter.search }, conditions)) io.stderr.write(`${hang(`${warn} ${u.reason}`, width)}\n`);
    if (left > 0) io.stderr.write(`${hang(`Left out ${count(left, 'point')} to avoid with ${who} (acupress check <code> says why${showAll ? `; ${showAll}` : ''}).`, width)}\n`);
    if (points.length === 0) io.stderr.write('No points match.\n');
    return EXIT.ok;
  }
  if (kind === 'meridians') {
    const counts = new Map<string, number>();
    for (const p of catalog.points.values()) counts.set(p.meridian, (counts.get(p.meridian) ?? 0) + 1);
    const rows = Object.entries(MERIDIAN_NAMES).map(([code, name]) => ({ code, name, points: counts.get(code) ?? 0 }));
    if (options.json) return writeJson(io, rows);
    const lines = table([...(header ? [[c.bold('CODE'), c.bold('POINTS'), c.bold('CHANNEL')]] : []), ...rows.map((r) => [r.code, String(r.points), r.name])], width, { ellipsis: c.g.ellipsis, keep: [0] });
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  }
  const list = choosableConditions(catalog);
  if (options.json) return writeJson(io, list);
  const lines = table([
    ...(header ? [[c.bold('ID'), c.bold('FLAG'), c.bold('CONDITION')]] : []),
    ...list.map((x) => [x.id, x.flag ? `--${x.flag}` : `--condition ${x.id}`, x.title]),
  ], width, { ellipsis: c.g.ellipsis, keep: [0, 1] });
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/**
 * Below a table, after an empty line, one line per mark it uses, saying what the mark means, fitted to
 * `width`. Into a pipe or file too: whoever reads the marks there needs them explained as much.
 */
function writeLegend(io: Io, used: string[], meanings: Record<string, string>, c: { dim: (s: string) => string }, width: number): void {
  const lines = used.filter((m) => meanings[m]).map((m) => c.dim(hang(`${m}  ${meanings[m]}`, width, '    ')));
  if (lines.length) io.stdout.write(`\n${lines.join('\n')}\n`);
}

type Column<T> = { head: string; cell: (x: T) => string; drop?: number };

/** The columns that fit `width` at their natural widths (with 10 left for the last), dropping the `drop` ones in order. */
function fitColumns<T>(columns: Column<T>[], rows: T[], width: number): Column<T>[] {
  if (width === Infinity) return columns;
  let shown = columns;
  const need = (cols: Column<T>[]) => cols.slice(0, -1).reduce((sum, col) => sum + Math.max(textWidth(col.head), ...rows.map((r) => textWidth(col.cell(r)))) + 2, 0) + 10;
  for (const order of [1, 2]) {
    if (need(shown) <= width) break;
    shown = shown.filter((col) => col.drop !== order);
  }
  return shown;
}

function pickKind(what: string): (typeof KINDS)[number] {
  const k = what.toLowerCase();
  const hit = KINDS.find((x) => x === k || x === `${k}s` || x.startsWith(k));
  if (hit && k.length >= 2) return hit;
  const near = suggest(what, KINDS, 1);
  throw new UserError(`list: unknown list ${quote(what)}; expected ${orList([...KINDS])}${near.length ? ` (did you mean "${near[0]}"?)` : ''}`);
}

function routineJson(r: RoutineHead, total: number) {
  return { id: r.id, title: r.title, summary: r.summary, tags: r.tags, aliases: r.aliases, duration_ms: total, source: r.origin.source };
}
