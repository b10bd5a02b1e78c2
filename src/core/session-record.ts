// What a finished run leaves in the session log: built from the plan, the run's end and the
// phases it ran through or cut short. Pure; the caller supplies the instants and the offset.
import type { EndEvent } from '../model/events.js';
import type { RatingLine, Session, WorkedPoint } from '../model/history.js';
import type { Timeline } from '../model/timeline.js';
import { isoLocal } from './calendar.js';

type Side = WorkedPoint['sides'][number];

/**
 * The version written into every line of the log. Kept here, not beside the schemas, so a run
 * can write its record without loading zod; readers accept any version whose fields parse.
 */
export const HISTORY_VERSION = 1;

/** What a run did, as the scheduler's state keeps it: the phases that ran to their end, and those left before it. */
export interface RunProgress {
  readonly ranThrough: readonly number[];
  /** Each phase left before its end, with the active time it had run (ms). */
  readonly cutShort: readonly (readonly [index: number, ms: number])[];
}

/** The points a run worked: fully (`points`), and only partly (`partly`). */
export interface Worked {
  /** Each point with the sides on which a hold ran to its end (no sides: a midline point). */
  points: WorkedPoint[];
  /** Each point with the sides on which no hold ran to its end, but one ran at least half its length. */
  partly: WorkedPoint[];
}

/**
 * The points a run worked, in the plan's order. A side is worked when one of its holds ran to its
 * end, as a completed session needs every hold to; it is worked partly when none did but one ran
 * for at least half its length (active time, pauses not counted) before it was skipped or the run
 * stopped. Less is not counted, and neither is finding a point, ramping up or easing off: a point
 * skipped past, or quit before its hold, is in neither list.
 */
export function pointsWorked(timeline: Timeline, progress: RunProgress): Worked {
  const through = new Set(progress.ranThrough);
  const longest = new Map<number, number>();
  for (const [i, ms] of progress.cutShort) longest.set(i, Math.max(ms, longest.get(i) ?? 0));
  const full = new Map<string, Set<Side>>();
  const part = new Map<string, Set<Side>>();
  for (const p of timeline.phases) {
    if (!p.point || p.kind !== 'hold') continue;
    const into = through.has(p.index) ? full : 2 * (longest.get(p.index) ?? 0) >= p.duration_ms ? part : undefined;
    if (!into) continue;
    const sides = into.get(p.point) ?? new Set();
    if (p.side && p.side !== 'center') sides.add(p.side);
    into.set(p.point, sides);
  }
  // A side held through once is worked, however often it was cut short besides.
  for (const [point, sides] of full) {
    const cut = part.get(point);
    if (!cut) continue;
    for (const side of sides) cut.delete(side);
    if (!cut.size) part.delete(point);
  }
  const list = (m: Map<string, Set<Side>>) => [...m].map(([point, sides]) => ({ point, sides: [...sides] }));
  return { points: list(full), partly: list(part) };
}

/** Each point's sides in `worked`, looked up by id: those held through (`full`) and those only partly (`part`); undefined where none. */
export function sidesWorked(worked: Worked): (id: string) => { full: Side[] | undefined; part: Side[] | undefined } {
  // Indexed once: a find per point over every point was quadratic in a long routine.
  const full = new Map(worked.points.map((w) => [w.point, w.sides]));
  const part = new Map(worked.partly.map((w) => [w.point, w.sides]));
  return (id) => ({ full: full.get(id), part: part.get(id) });
}

/**
 * sidesWorked for one point at a time while a run goes on, as pointsWorked would say it then (the
 * live view's line for each finished point). Each call reads only what `progress` gained since the
 * last (the scheduler's lists only grow) and that point's holds, so a whole run costs time linear in
 * its phases, where pointsWorked for each finished point cost points × phases.
 */
export function workedSoFar(timeline: Timeline): (progress: RunProgress, id: string) => { full: Side[] | undefined; part: Side[] | undefined } {
  const holds = new Map<string, Timeline['phases'][number][]>();
  for (const p of timeline.phases) {
    if (!p.point || p.kind !== 'hold') continue;
    const list = holds.get(p.point);
    if (list) list.push(p);
    else holds.set(p.point, [p]);
  }
  let through = new Set<number>();
  let longest = new Map<number, number>();
  let ran = 0;
  let cut = 0;
  return (progress, id) => {
    // Shorter lists than read so far: another run's progress; start over.
    if (progress.ranThrough.length < ran || progress.cutShort.length < cut) [through, longest, ran, cut] = [new Set(), new Map(), 0, 0];
    for (; ran < progress.ranThrough.length; ran++) through.add(progress.ranThrough[ran]!);
    for (; cut < progress.cutShort.length; cut++) {
      const [i, ms] = progress.cutShort[cut]!;
      longest.set(i, Math.max(ms, longest.get(i) ?? 0));
    }
    // As pointsWorked does for this point alone.
    let full: Set<Side> | undefined;
    let part: Set<Side> | undefined;
    for (const p of holds.get(id) ?? []) {
      const into = through.has(p.index) ? (full ??= new Set()) : 2 * (longest.get(p.index) ?? 0) >= p.duration_ms ? (part ??= new Set()) : undefined;
      if (into && p.side && p.side !== 'center') into.add(p.side);
    }
    if (full && part) {
      for (const side of full) part.delete(side);
      if (!part.size) part = undefined;
    }
    return { full: full && [...full], part: part && [...part] };
  };
}

/** What was run, as the log names it (see sessionSchema's `target`). */
export interface SessionTarget {
  kind: Session['kind'];
  /** Routine id, point id, or the routine file's absolute path. */
  target: string;
}

/** Everything a session record needs besides the plan and the end. */
export interface SessionFacts extends SessionTarget {
  /** A unique id for the session, which rating lines refer to. */
  session: string;
  /** Wall-clock instants (ms since 1970) of the start and end, and the local offset at each (minutes). */
  startMs: number;
  endMs: number;
  startOffset: number;
  endOffset: number;
  /** Ids of the safety conditions applied. */
  conditions: string[];
  before?: number;
}

/** The phases whose beginning makes a run a session: a hold, or a massage (a routine of massages has no hold). */
const WORK = new Set(['hold', 'massage']);

/**
 * Is a run that began the phases `started` a session, for the log and so for `history`, `stats`
 * and `rate`? Only once its first hold (or massage) has begun: a run stopped while the point was
 * still being found or the pressure was still building (a Ctrl-C two seconds in, a quit at the
 * first locate) pressed nothing to speak of, and `rate` should attach to the session before it.
 * A plan with no hold or massage at all is a session however it ended.
 */
export function isSession(timeline: Timeline, started: readonly number[]): boolean {
  if (!timeline.phases.some((p) => WORK.has(p.kind))) return true;
  return started.some((i) => WORK.has(timeline.phases[i]?.kind ?? 'locate'));
}

/** The session line for a run that ended with `end`, having done what `progress` says. */
export function sessionRecord(timeline: Timeline, end: EndEvent, progress: RunProgress, f: SessionFacts): Session {
  const worked = pointsWorked(timeline, progress);
  const record: Session = {
    type: 'session',
    v: HISTORY_VERSION,
    session: f.session,
    start: isoLocal(f.startMs, f.startOffset),
    end: isoLocal(Math.max(f.endMs, f.startMs), f.endOffset),
    kind: f.kind,
    target: f.target,
    title: timeline.title,
    planned_ms: timeline.total_ms,
    active_ms: end.elapsed_ms ?? 0,
    completed: end.completed,
    reason: end.reason,
    ...(end.signal ? { signal: end.signal } : {}),
    points: worked.points,
    ...(worked.partly.length ? { partly: worked.partly } : {}),
    conditions: f.conditions,
    ...(f.before !== undefined ? { before: f.before } : {}),
  };
  return record;
}

/** A session id: the start instant in base 36 and four random characters (from `random`, 0 ≤ x < 1). */
export function sessionId(startMs: number, random: () => number): string {
  const tail = Array.from({ length: 4 }, () => Math.floor(random() * 36).toString(36)).join('');
  return `${Math.round(startMs).toString(36)}-${tail}`;
}

/** A rating line: the after-rating of `session`, given at `atMs` (offset in minutes). */
export function ratingLine(session: string, after: number, atMs: number, offsetMin: number): RatingLine {
  return { type: 'rating', v: HISTORY_VERSION, session, at: isoLocal(atMs, offsetMin), after };
}
