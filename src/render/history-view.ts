// `acupress history` and `acupress stats` as text: tables of sessions and of per-routine
// figures. Every string read from the log is escaped: the file is the user's, and may hold anything.
import type { Session } from '../model/history.js';
import { formatClock } from '../model/duration.js';
import { escapeHidden } from '../model/printable.js';
import { MIN_RATED, ratingChange, type Stats, type Streak, type TargetStats } from '../core/history.js';
import type { Paint } from './paint.js';
import { hang, table, wrap } from './text.js';

/** A signed number with a real minus sign: −4, +1.5, 0. */
export function signed(x: number, digits = 0): string {
  const t = Math.abs(x).toFixed(digits);
  return x < 0 ? `−${t}` : x > 0 ? `+${t}` : t;
}

/** A session's target as a person reads it: ids as they are, a file's path with ~ for the home directory. */
export function targetLabel(s: Pick<Session, 'kind' | 'target'>, home?: string): string {
  const t = s.kind === 'file' && home && s.target.startsWith(`${home}/`) ? `~${s.target.slice(home.length)}` : s.target;
  return escapeHidden(t);
}

/** "2025-03-01 09:30": the local date and time the session started, where it was run. */
export function whenLabel(start: string): string {
  return `${start.slice(0, 10)} ${start.slice(11, 16)}`;
}

/** "7:35 of 7:35", or "1:10 of 7:35, quit" for a run that did not finish ("output closed" when its output went: no one interrupted it). */
export function doneLabel(s: Session): string {
  const text = `${formatClock(s.active_ms, 'down')} of ${formatClock(s.planned_ms)}`;
  if (s.completed) return text;
  const how = s.reason !== 'interrupted' ? s.reason : s.signal === 'SIGINT' ? 'Ctrl-C' : s.signal === 'SIGPIPE' ? 'output closed' : s.reason;
  return `${text}, ${how}`;
}

/** "7 → 3 (−4)", "7 → ?", "? → 3", or "" when the session has no rating. */
export function ratingLabel(s: Session): string {
  if (s.before === undefined && s.after === undefined) return '';
  const change = ratingChange(s);
  return `${s.before ?? '?'} → ${s.after ?? '?'}${change !== undefined ? ` (${signed(change)})` : ''}`;
}

/** The history table: one row per session as given (newest first), with a header in a terminal. */
export function historyTable(sessions: readonly Session[], c: Paint, width: number, header: boolean, home?: string): string[] {
  // Narrow terminals lose whole columns rather than show cut figures: an empty RATING column
  // first, then the title (the id names the routine), then how much was done, then the ratings.
  const rated = sessions.some((s) => ratingLabel(s) !== '');
  return table([
    ...(header ? [[c.bold('WHEN'), c.bold('DONE'), c.bold('RATING'), c.bold('ID'), c.bold('TITLE')]] : []),
    ...sessions.map((s) => [
      whenLabel(s.start),
      s.completed ? doneLabel(s) : c.caution(doneLabel(s)),
      ratingLabel(s),
      targetLabel(s, home),
      escapeHidden(s.title),
    ]),
  ], width, { ellipsis: c.g.ellipsis, keep: [0, 3], drop: rated ? [4, 1, 2] : [2, 4, 1] });
}

/** "−2.4 (6 rated)", "−4.0 (1 rated; too few)", or "not rated". */
export function changeLabel(t: TargetStats): string {
  if (t.mean_change === null) return 'not rated';
  return `${signed(t.mean_change, 1)} (${t.rated} rated${t.enough ? '' : '; too few'})`;
}

/** "3 days, through today", "1 day, through yesterday: a session today keeps it going", or "none". */
export function streakLabel(s: Streak, todayDay: string): string {
  if (s.days === 0 || s.through === null) return 'none yet (a session today starts one)';
  const n = `${s.days} day${s.days === 1 ? '' : 's'}`;
  return s.through === todayDay ? `${n}, through today` : `${n}, through yesterday: a session today keeps it going`;
}

/** The stats report: a headline, the streak, a table per routine, and what the change column means. */
export function statsText(st: Stats, streakNow: Streak, todayDay: string, scope: string, c: Paint, width: number, home?: string): string[] {
  const lines = [
    wrap(`${st.sessions} session${st.sessions === 1 ? '' : 's'} ${scope}, ${formatClock(st.active_ms, 'down')} in all, ${st.completed} completed.`, width),
    hang(`Streak: ${streakLabel(streakNow, todayDay)}.`, width),
  ];
  if (st.routines.length === 0) return lines;
  lines.push('');
  // Narrow terminals lose whole columns, least needed first: a CHANGE column with no ratings in
  // it, the title (the id names the routine), the completed share, the session count.
  const rated = st.routines.some((t) => t.mean_change !== null);
  lines.push(...table([
    [c.bold('ID'), c.bold('SESSIONS'), c.bold('TIME'), c.bold('COMPLETED'), c.bold('CHANGE'), c.bold('TITLE')],
    ...st.routines.map((t) => [
      targetLabel(t, home),
      String(t.sessions),
      formatClock(t.active_ms, 'down'),
      `${Math.round(t.completed_share * 100)}%`,
      t.mean_change === null || t.enough ? changeLabel(t) : c.dim(changeLabel(t)),
      escapeHidden(t.title),
    ]),
  ], width, { ellipsis: c.g.ellipsis, keep: [0], drop: rated ? [5, 3, 1, 4] : [4, 5, 3, 1] }));
  if (st.routines.some((t) => t.rated > 0)) {
    lines.push('');
    lines.push(c.dim(wrap(`Change: the mean of after minus before, on the 0 to 10 scale, over sessions rated both times; below zero it eased. Fewer than ${MIN_RATED} rated sessions are too few to mean much.`, width)));
  }
  return lines;
}
