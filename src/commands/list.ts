import { MERIDIAN_NAMES } from '../model/channels.js';
import { filterPoints, filterRoutines } from '../core/filters.js';
import type { Routine, WithOrigin } from '../model/types.js';
import { EXIT, UserError } from '../model/errors.js';
import type { Io } from '../model/io.js';
import { painter } from '../render/paint.js';
import { fitWidth, terminal } from '../render/terminal.js';
import { table } from '../render/text.js';
import { formatClock } from '../model/duration.js';
import { orList, suggest } from '../core/text.js';
import { choosableConditions } from '../core/safety.js';
import { catalogFor, conditionsFor, writeJson, type Common } from './context.js';
import { pointFilter, routineFilter, type FilterFlags } from './filter-flags.js';
import { bareSecondsHint } from './duration-hint.js';

export interface ListOptions extends Common, FilterFlags {
  args?: string[];
}

const KINDS = ['routines', 'points', 'meridians', 'conditions'] as const;

/** `acupress list [routines|points|meridians|conditions]`. */
export async function run(options: ListOptions, io: Io): Promise<number> {
  const kind = pickKind(options.args?.[0] ?? 'routines');
  const catalog = await catalogFor(options, io);
  const conditions = await conditionsFor(options, catalog, io);
  const t = terminal(io, options.color);
  const c = await painter(t);
  const width = fitWidth(t);
  const header = t.tty && !options.json;
  if (kind === 'routines') {
    const rows = filterRoutines(catalog, routineFilter(options), conditions);
    if (options.json) return writeJson(io, rows.map(({ routine, total }) => routineJson(routine, total)));
    const lines = table([
      ...(header ? [[c.bold('ID'), c.bold('TIME'), c.bold('TITLE')]] : []),
      ...rows.map(({ routine, total, cautions }) => [
        routine.origin.source === 'user' ? c.user(routine.id) : routine.id,
        formatClock(total),
        `${routine.title}${cautions ? ' ⚠' : ''}${routine.origin.source === 'user' ? ' (user)' : ''}`,
      ]),
    ], width);
    io.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    if (rows.length === 0) io.stderr.write(`No routines match${bareSecondsHint('--max', options.max)}.\n`);
    return EXIT.ok;
  }
  if (kind === 'points') {
    const points = filterPoints(catalog, pointFilter(options), conditions);
    if (options.json) return writeJson(io, points);
    const lines = table([
      ...(header ? [[c.bold('CODE'), c.bold('PINYIN'), c.bold('汉字'), c.bold('REGION'), c.bold('ENGLISH')]] : []),
      ...points.map((p) => [p.id, p.pinyin, p.hanzi, p.region, p.english]),
    ], width);
    io.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    if (points.length === 0) io.stderr.write('No points match.\n');
    return EXIT.ok;
  }
  if (kind === 'meridians') {
    const counts = new Map<string, number>();
    for (const p of catalog.points.values()) counts.set(p.meridian, (counts.get(p.meridian) ?? 0) + 1);
    const rows = Object.entries(MERIDIAN_NAMES).map(([code, name]) => ({ code, name, points: counts.get(code) ?? 0 }));
    if (options.json) return writeJson(io, rows);
    const lines = table([...(header ? [[c.bold('CODE'), c.bold('POINTS'), c.bold('CHANNEL')]] : []), ...rows.map((r) => [r.code, String(r.points), r.name])], width);
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  }
  const list = choosableConditions(catalog);
  if (options.json) return writeJson(io, list);
  const lines = table([
    ...(header ? [[c.bold('ID'), c.bold('FLAG'), c.bold('CONDITION')]] : []),
    ...list.map((x) => [x.id, x.flag ? `--${x.flag}` : `--condition ${x.id}`, x.title]),
  ], width);
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

function pickKind(what: string): (typeof KINDS)[number] {
  const k = what.toLowerCase();
  const hit = KINDS.find((x) => x === k || x === `${k}s` || x.startsWith(k));
  if (hit && k.length >= 2) return hit;
  const near = suggest(what, KINDS, 1);
  throw new UserError(`list: unknown list "${what}"; expected ${orList([...KINDS])}${near.length ? ` (did you mean "${near[0]}"?)` : ''}`);
}

function routineJson(r: WithOrigin<Routine>, total: number) {
  return { id: r.id, title: r.title, summary: r.summary, tags: r.tags, aliases: r.aliases, duration_ms: total, source: r.origin.source };
}
