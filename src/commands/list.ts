import type { Catalog } from '../model/catalog.js';
import { comparePoints, MERIDIAN_NAMES, resolveMeridian } from '../model/channels.js';
import { pointMatches } from '../core/resolve.js';
import type { Condition, Point, Routine, WithOrigin } from '../model/types.js';
import { REGIONS } from '../model/regions.js';
import { factsFor } from '../core/routine-facts.js';
import { UserError } from '../model/errors.js';
import type { Io } from '../model/io.js';
import { painter } from '../render/paint.js';
import { fitWidth, terminal } from '../render/terminal.js';
import { table } from '../render/text.js';
import { hasAvoid, pointFindings, routineFindings } from '../core/safety.js';
import { flagDuration, formatClock, BOUNDS } from '../model/duration.js';
import { compareIds, foldText, orList, suggest } from '../core/text.js';
import { catalogFor, conditionsFor, writeJson, type Common } from './context.js';

export interface ListOptions extends Common {
  args?: string[];
  meridian?: string;
  region?: string;
  tag?: string;
  search?: string;
  max?: string;
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
    const rows = filterRoutines(catalog, options, conditions);
    if (options.json) return writeJson(io, rows.map(({ routine, total }) => routineJson(routine, total))), 0;
    const lines = table([
      ...(header ? [[c.bold('ID'), c.bold('TIME'), c.bold('TITLE')]] : []),
      ...rows.map(({ routine, total, cautions }) => [
        routine.origin.source === 'user' ? c.user(routine.id) : routine.id,
        formatClock(total),
        `${routine.title}${cautions ? ' ⚠' : ''}${routine.origin.source === 'user' ? ' (user)' : ''}`,
      ]),
    ], width);
    io.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    if (rows.length === 0) io.stderr.write('No routines match.\n');
    return 0;
  }
  if (kind === 'points') {
    const points = filterPoints(catalog, options, conditions);
    if (options.json) return writeJson(io, points), 0;
    const lines = table([
      ...(header ? [[c.bold('CODE'), c.bold('PINYIN'), c.bold('汉字'), c.bold('REGION'), c.bold('ENGLISH')]] : []),
      ...points.map((p) => [p.id, p.pinyin, p.hanzi, p.region, p.english]),
    ], width);
    io.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    if (points.length === 0) io.stderr.write('No points match.\n');
    return 0;
  }
  if (kind === 'meridians') {
    const counts = new Map<string, number>();
    for (const p of catalog.points.values()) counts.set(p.meridian, (counts.get(p.meridian) ?? 0) + 1);
    const rows = Object.entries(MERIDIAN_NAMES).map(([code, name]) => ({ code, name, points: counts.get(code) ?? 0 }));
    if (options.json) return writeJson(io, rows), 0;
    const lines = table([...(header ? [[c.bold('CODE'), c.bold('POINTS'), c.bold('CHANNEL')]] : []), ...rows.map((r) => [r.code, String(r.points), r.name])], width);
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }
  const list = [...catalog.conditions.values()];
  if (options.json) return writeJson(io, list), 0;
  const lines = table([
    ...(header ? [[c.bold('ID'), c.bold('FLAG'), c.bold('CONDITION')]] : []),
    ...list.map((x) => [x.id, x.flag ? `--${x.flag}` : `--condition ${x.id}`, x.title]),
  ], width);
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function pickKind(what: string): (typeof KINDS)[number] {
  const k = what.toLowerCase();
  const hit = KINDS.find((x) => x === k || x === `${k}s` || x.startsWith(k));
  if (hit && k.length >= 2) return hit;
  const near = suggest(what, KINDS, 1);
  throw new UserError(`list: unknown list "${what}"; expected ${orList([...KINDS])}${near.length ? ` (did you mean "${near[0]}"?)` : ''}`);
}

type Row = { routine: WithOrigin<Routine>; total: number; cautions: boolean };

/** Routines matching the filters, with their planned duration. */
export function filterRoutines(catalog: Catalog, o: ListOptions, conditions: Condition[]): Row[] {
  const max = o.max !== undefined ? flagDuration('--max', o.max, BOUNDS.minPhaseMs, BOUNDS.maxTotalMs) : undefined;
  const tag = o.tag ? foldText(o.tag) : undefined;
  const search = o.search ? foldText(o.search) : undefined;
  const out: Row[] = [];
  for (const routine of catalog.routines.values()) {
    if (tag && !routine.tags.includes(tag)) continue;
    if (search && !foldText([routine.id, routine.title, routine.summary, ...routine.tags, ...routine.aliases].join(' ')).includes(search)) continue;
    const facts = factsFor(catalog, routine);
    const total = facts.total_ms;
    if (max !== undefined && total > max) continue;
    if (conditions.length === 0) {
      out.push({ routine, total, cautions: facts.flagged });
      continue;
    }
    const findings = routineFindings(catalog, routine, conditions);
    if (conditions.length > 0 && hasAvoid(findings)) continue;
    out.push({ routine, total, cautions: findings.length > 0 });
  }
  return out.sort((a, b) => compareIds(a.routine.id, b.routine.id));
}

/** Points matching the filters, in channel order. */
export function filterPoints(catalog: Catalog, o: ListOptions, conditions: Condition[]): WithOrigin<Point>[] {
  const meridian = o.meridian ? resolveMeridian(o.meridian) : undefined;
  if (o.region && !(REGIONS as readonly string[]).includes(o.region)) {
    const near = suggest(o.region, REGIONS, 1);
    throw new UserError(`--region: unknown region "${o.region}"; expected one of ${REGIONS.join(', ')}${near.length ? ` (did you mean "${near[0]}"?)` : ''}`);
  }
  const tag = o.tag ? foldText(o.tag) : undefined;
  const all = [...catalog.points.values()];
  // Built-in points are stored in order; user points may add to any channel.
  if (all.some((p) => p.origin.source === 'user')) all.sort(comparePoints);
  return all.filter((p) =>
    (!meridian || p.meridian === meridian)
    && (!o.region || p.region === o.region)
    && (!tag || p.indications.some((i) => foldText(i) === tag))
    && (!o.search || pointMatches(p, o.search))
    && (conditions.length === 0 || !hasAvoid(pointFindings(p, conditions, p.id))),
  );
}

function routineJson(r: WithOrigin<Routine>, total: number) {
  return { id: r.id, title: r.title, summary: r.summary, tags: r.tags, aliases: r.aliases, duration_ms: total, source: r.origin.source };
}
