// `acupress history` and `acupress stats` as text: tables of sessions and of per-routine
// figures. Every string read from the log is escaped: the file is the user's, and may hold anything.
import type { Session } from '../model/history.js';
import { formatClock } from '../model/duration.js';
import { escapeHidden } from '../model/printable.js';
import { MIN_RATED, ratingChange, type Stats, type Streak, type TargetStats } from '../core/history.js';
import type { Paint } from './paint.js';
import { hang, table, width as textWidth, wrap } from './text.js';
import { count } from '../core/text.js';

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

/**
 * "7:35 of 7:35", or "1:10 of 7:35, quit" for a run that did not finish ("output closed" when its
 * output went: no one interrupted it; "skipped" when it reached its end with a hold skipped).
 */
export function doneLabel(s: Session): string {
  const text = `${formatClock(s.active_ms, 'down')} of ${formatClock(s.planned_ms)}`;
  if (s.completed) return text;
  const how = s.reason === 'done' ? 'skipped' : s.reason !== 'interrupted' ? s.reason : s.signal === 'SIGINT' ? 'Ctrl-C' : s.signal === 'SIGPIPE' ? 'output closed' : s.reason;
  return `${text}, ${how}`;
}

/** "7 → 3 (−4)", "7 → ?", "? → 3", or "" when the session has no rating. */
export function ratingLabel(s: Session): string {
  if (s.before === undefined && s.after === undefined) return '';
  const change = ratingChange(s);
  return `${s.before ?? '?'} → ${s.after ?? '?'}${change !== undefined ? ` (${signed(change)})` : ''}`;
}

/** Whether the columns `need` fit `totalWidth` whole, side by side, two columns apart. */
function fitWhole(rows: string[][], need: number[], totalWidth: number): boolean {
  const natural = need.map((i) => Math.max(...rows.map((r) => textWidth(r[i] ?? ''))));
  return natural.reduce((s, w) => s + w, 0) + 2 * (need.length - 1) <= totalWidth;
}

/**
 * A record as two or more lines, for a terminal too narrow for its table: `head` at the margin,
 * then `facts` indented by 2, joined by a dot and broken only between facts (a fact wider than a
 * line wraps under itself). Nothing is cut.
 */
function stacked(head: string, facts: string[], c: Paint, totalWidth: number): string[] {
  const lines = [hang(head, totalWidth)];
  const put = (text: string) => lines.push(`  ${wrap(text, totalWidth - 4, '    ', totalWidth - 2)}`);
  const sep = ` ${c.g.dot} `;
  let line = '';
  for (const fact of facts.filter(Boolean)) {
    if (line && textWidth(line + sep + fact) <= totalWidth - 2) line += sep + fact;
    else {
      if (line) put(line);
      line = fact;
    }
  }
  if (line) put(line);
  return lines;
}

/**
 * The history table: one row per session as given (newest first), with a header in a terminal.
 * The title gives way first (the id names the routine); when when, done, rating and id do not fit
 * whole, each session takes two lines instead, so how a session ended and its ratings never go.
 */
export function historyTable(sessions: readonly Session[], c: Paint, width: number, header: boolean, home?: string): string[] {
  const rated = sessions.some((s) => ratingLabel(s) !== '');
  const done = (s: Session) => (s.completed ? doneLabel(s) : c.caution(doneLabel(s)));
  const rows = sessions.map((s) => [whenLabel(s.start), done(s), ratingLabel(s), targetLabel(s, home), escapeHidden(s.title)]);
  if (!fitWhole(rows, rated ? [0, 1, 2, 3] : [0, 1, 3], width)) {
    return rows.flatMap(([when, doneText, rating, id]) => stacked(`${when}  ${id}`, [`done ${doneText}`, rating ? `rated ${rating}` : ''], c, width));
  }
  // A RATING column with no ratings in it is left out; a narrow terminal drops the title.
  const shown = (r: string[]) => (rated ? r : r.filter((_, i) => i !== 2));
  return table([
    ...(header ? [shown([c.bold('WHEN'), c.bold('DONE'), c.bold('RATING'), c.bold('ID'), c.bold('TITLE')])] : []),
    ...rows.map(shown),
  ], width, { ellipsis: c.g.ellipsis, keep: rated ? [0, 3] : [0, 2], drop: rated ? [4] : [3] });
}

/** "−2.4 (6 rated)", "−4.0 (1 rated; too few)", or "not rated". */
export function changeLabel(t: TargetStats): string {
  if (t.mean_change === null) return 'not rated';
  return `${signed(t.mean_change, 1)} (${t.rated} rated${t.enough ? '' : '; too few'})`;
}

/** "3 days, through today", "1 day, through yesterday: a session today keeps it going", or "none". */
export function streakLabel(s: Streak, todayDay: string): string {
  if (s.days === 0 || s.through === null) return 'none yet (a session today starts one)';
  const n = count(s.days, 'day');
  return s.through === todayDay ? `${n}, through today` : `${n}, through yesterday: a session today keeps it going`;
}

/** The stats report: a headline, the streak, a table per routine, and what the change column means. */
export function statsText(st: Stats, streakNow: Streak, todayDay: string, scope: string, c: Paint, width: number, home?: string): string[] {
  const lines = [
    wrap(`${count(st.sessions, 'session')} ${scope}, ${formatClock(st.active_ms, 'down')} in all, ${st.completed} completed.`, width),
    hang(`Streak: ${streakLabel(streakNow, todayDay)}.`, width),
  ];
  if (st.routines.length === 0) return lines;
  lines.push('');
  // The title gives way first (the id names the routine), then a CHANGE column with no ratings in
  // it; when the figures do not fit whole, each routine takes two lines instead, so none is cut.
  const rated = st.routines.some((t) => t.mean_change !== null);
  const rows = st.routines.map((t) => [
    targetLabel(t, home),
    String(t.sessions),
    formatClock(t.active_ms, 'down'),
    `${Math.round(t.completed_share * 100)}%`,
    t.mean_change === null || t.enough ? changeLabel(t) : c.dim(changeLabel(t)),
    escapeHidden(t.title),
  ]);
  const head = [c.bold('ID'), c.bold('SESSIONS'), c.bold('TIME'), c.bold('COMPLETED'), c.bold('CHANGE'), c.bold('TITLE')];
  if (fitWhole([head, ...rows], rated ? [0, 1, 2, 3, 4] : [0, 1, 2, 3], width)) {
    lines.push(...table([head, ...rows], width, { ellipsis: c.g.ellipsis, keep: [0], drop: rated ? [5] : [4, 5] }));
  } else {
    lines.push(...st.routines.flatMap((t, i) => stacked(rows[i]![0]!, [
      count(t.sessions, 'session'), `${rows[i]![2]} in all`, `${rows[i]![3]} completed`, rated ? `change ${rows[i]![4]}` : '',
    ], c, width)));
  }
  if (st.routines.some((t) => t.rated > 0)) {
    lines.push('');
    lines.push(c.dim(wrap(`Change: the mean of after minus before, on the 0 to 10 scale, over sessions rated both times; below zero it eased. Fewer than ${MIN_RATED} rated sessions are too few to mean much.`, width)));
  }
  return lines;
}
