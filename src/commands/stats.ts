// `acupress stats`: per routine, how often, how long, how often finished, and whether the
// ratings say it helps; and the current streak of days with a session.
import type { Io } from '../model/io.js';
import { isoLocal, today } from '../core/calendar.js';
import { selectSessions, stats, streak } from '../core/history.js';
import { painter } from '../render/paint.js';
import { fitWidth, terminal } from '../render/terminal.js';
import { statsText, whenLabel } from '../render/history-view.js';
import { writeJson, type Common } from './context.js';
import { routineTargets, sinceFlag } from './history-filters.js';
import { loadSessions } from './session-log.js';

export interface StatsOptions extends Common {
  since?: string;
  routine?: string;
}

/** `acupress stats`; resolves to the exit code. */
export async function run(options: StatsOptions, io: Io): Promise<number> {
  const sinceMs = sinceFlag(io, options.since);
  const { sessions, missing } = await loadSessions(io);
  const targets = await routineTargets(io, options, sessions, options.routine);
  const now = io.calendar.now();
  const chosen = selectSessions(sessions, { sinceMs, targets });
  const st = stats(chosen);
  // The streak is the current one, so --since does not cut it short; --routine does narrow it.
  const current = streak(targets ? selectSessions(sessions, { targets }) : sessions, now, io.calendar.offset);
  if (options.json) {
    writeJson(io, {
      since: sinceMs === undefined ? null : isoLocal(sinceMs, io.calendar.offset(sinceMs)),
      until: isoLocal(now, io.calendar.offset(now)),
      sessions: st.sessions,
      active_ms: st.active_ms,
      completed: st.completed,
      streak: current,
      routines: st.routines,
    });
    return 0;
  }
  if (chosen.length === 0) {
    // As history says it: nothing to count is not a table of zeros.
    io.stderr.write(missing ? 'No sessions logged yet: each "acupress run" adds one.\n' : 'No sessions match.\n');
    return 0;
  }
  const t = terminal(io, options.color);
  const c = await painter(t);
  const scope = sinceMs === undefined ? 'logged' : `since ${whenLabel(isoLocal(sinceMs, io.calendar.offset(sinceMs)))}`;
  const lines = statsText(st, current, today(now, io.calendar.offset), scope, c, fitWidth(t), io.env.HOME);
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
