// The session log as the commands see it: where it is, whether it is on, reading it with a
// warning for each bad line, and appending with one warning (never a failure) when it cannot.
import type { Io } from '../model/io.js';
import type { HistoryLine, Session } from '../model/history.js';
import { UserError } from '../model/errors.js';
import { escapeHidden, safeLines } from '../model/printable.js';
import { foldHistory, type BadLine } from '../core/history.js';
import { appendHistory, historyPath, readHistory } from '../store/history-file.js';
import { fsReason } from '../store/fs-reason.js';
import { count } from '../core/text.js';

/** How many bad lines are named one by one before the rest are counted. */
const MAX_WARNINGS = 5;

/** One warning line per bad line (up to MAX_WARNINGS, then a count), naming the file and line. */
export function warnBadLines(io: Io, path: string, bad: readonly BadLine[]): void {
  const sorted = [...bad].sort((a, b) => a.line - b.line);
  for (const b of sorted.slice(0, MAX_WARNINGS)) {
    io.stderr.write(`warning: ${escapeHidden(path)}:${b.line}: ${escapeHidden(b.message)}; line skipped\n`);
  }
  const more = sorted.length - MAX_WARNINGS;
  if (more > 0) io.stderr.write(`warning: ${escapeHidden(path)}: ${count(more, 'more bad line')} skipped\n`);
}

/** The log's sessions in file order, ratings folded in; bad lines are warned about and skipped. */
export async function loadSessions(io: Io): Promise<{ path: string; sessions: Session[]; missing: boolean }> {
  const path = historyPath(io.env);
  let read;
  try {
    read = await readHistory(path);
  } catch (e) {
    throw new UserError(`cannot read the session log ${escapeHidden(path)}: ${fsReason(e)}`);
  }
  const { sessions, bad } = foldHistory(read.lines);
  warnBadLines(io, path, [...read.bad, ...bad]);
  return { path, sessions, missing: read.missing };
}

/**
 * Append a line to the log. A log that cannot be written (no HOME, a read-only or full disk,
 * a state directory that is a file) gives one warning and `false`: a run never fails for it.
 */
export function tryAppend(io: Io, line: HistoryLine, what = 'the session'): boolean {
  let path = '$XDG_STATE_HOME/acupress/history.jsonl';
  try {
    path = historyPath(io.env);
    appendHistory(path, line);
    return true;
  } catch (e) {
    io.stderr.write(`warning: could not write the session log ${escapeHidden(path)} (${e instanceof UserError ? escapeHidden(e.message) : fsReason(e)}); ${what} is not logged\n`);
    return false;
  }
}

/**
 * Whether the profile turns the log off (`history: false`), checked even with --no-profile:
 * that flag sets aside the profile's safety conditions, while the log is a privacy choice.
 * A profile that cannot be read says nothing, so the log keeps its default (on), with a warning
 * saying so: `rate` must not claim the profile said `history: false` when it said nothing.
 */
export async function historyOffInProfile(io: Io): Promise<boolean> {
  const { readProfile, profilePath } = await import('../store/profile.js');
  try {
    return (await readProfile(io))?.history === false;
  } catch (e) {
    // The message may quote the file's name or text: escaped, like every line that reaches the terminal.
    io.stderr.write(`warning: ${safeLines(e instanceof Error ? e.message : String(e))}; the session log stays on, as without a profile, until ${escapeHidden(profilePath(io.env) ?? 'the profile')} can be read\n`);
    return false;
  }
}
