// What a finished run leaves in the session log: built from the plan, the run's end and the
// phases it started. Pure; the caller supplies the instants and the offset.
import type { EndEvent } from '../model/events.js';
import type { RatingLine, Session, WorkedPoint } from '../model/history.js';
import type { Timeline } from '../model/timeline.js';
import { isoLocal } from './calendar.js';

/**
 * The version written into every line of the log. Kept here, not beside the schemas, so a run
 * can write its record without loading zod; readers accept any version whose fields parse.
 */
export const HISTORY_VERSION = 1;

/** The press phases that count as working a point (locating it does not). */
const PRESSING = new Set(['ramp', 'hold', 'release']);

/** The points pressed in the phases that started, in order, with the sides each was pressed on. */
export function pointsWorked(timeline: Timeline, started: readonly number[]): WorkedPoint[] {
  const worked = new Map<string, Set<'left' | 'right' | 'both'>>();
  for (const i of started) {
    const p = timeline.phases[i];
    if (!p?.point || !PRESSING.has(p.kind)) continue;
    const sides = worked.get(p.point) ?? new Set();
    if (p.side && p.side !== 'center') sides.add(p.side);
    worked.set(p.point, sides);
  }
  return [...worked].map(([point, sides]) => ({ point, sides: [...sides] }));
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

/** The session line for a run that ended with `end`, having started the phases in `started`. */
export function sessionRecord(timeline: Timeline, end: EndEvent, started: readonly number[], f: SessionFacts): Session {
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
    points: pointsWorked(timeline, started),
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
