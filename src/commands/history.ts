// `acupress history`: the sessions in the log, newest first, as a table or JSON; and
// `acupress history --clear`, the one thing that ever removes what the log holds.
import type { Io } from '../model/io.js';
import { UserError } from '../model/errors.js';
import { escapeHidden } from '../model/printable.js';
import { selectSessions } from '../core/history.js';
import { clearHistory } from '../store/history-file.js';
import { painter } from '../render/paint.js';
import { fitWidth, terminal } from '../render/terminal.js';
import { historyTable } from '../render/history-view.js';
import { canPrompt, writeJson, type Common } from './context.js';
import { routineTargets, sinceFlag } from './history-filters.js';
import { loadSessions } from './session-log.js';
import { fsReason } from '../store/fs-reason.js';
import { count } from '../core/text.js';

export interface HistoryOptions extends Common {
  since?: string;
  routine?: string;
  limit?: string;
  clear?: boolean;
  yes?: boolean;
}

/** How many sessions the table shows unless --limit says otherwise. */
export const DEFAULT_LIMIT = 20;

/** `acupress history`; resolves to the exit code. */
export async function run(options: HistoryOptions, io: Io): Promise<number> {
  if (options.clear) return clear(options, io);
  const sinceMs = sinceFlag(io, options.since);
  const limit = limitFlag(options.limit);
  const { sessions, missing } = await loadSessions(io);
  const targets = await routineTargets(io, options, sessions, options.routine);
  const chosen = selectSessions(sessions, { sinceMs, targets });
  // The table shows the latest few by default; JSON is for scripts, so it holds all unless told.
  const shown = limit ?? (options.json ? 0 : DEFAULT_LIMIT);
  const out = shown > 0 ? chosen.slice(0, shown) : chosen;
  if (options.json) {
    writeJson(io, out);
    return 0;
  }
  if (chosen.length === 0) {
    io.stderr.write(missing ? 'No sessions logged yet: each "acupress run" adds one.\n' : 'No sessions match.\n');
    return 0;
  }
  const t = terminal(io, options.color);
  const lines = historyTable(out, await painter(t), fitWidth(t), t.tty, io.env.HOME);
  io.stdout.write(`${lines.join('\n')}\n`);
  if (out.length < chosen.length) io.stderr.write(`${out.length} of ${chosen.length} sessions shown; --limit 0 shows all.\n`);
  return 0;
}

/** --limit: a whole number, 0 for all. */
function limitFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}$/.test(text.trim())) throw new UserError(`--limit: expected a whole number (0 for all), got "${escapeHidden(text)}"`);
  return Number(text.trim());
}

/** `history --clear`: ask first in a terminal; elsewhere only with --yes. */
async function clear(options: HistoryOptions, io: Io): Promise<number> {
  const extra = (['since', 'routine', 'limit', 'json'] as const).filter((k) => options[k] !== undefined && options[k] !== false);
  if (extra.length) throw new UserError(`history --clear empties the whole log; it takes no --${extra[0]} (nothing is removed selectively, so the log is never rewritten)`);
  const { path, sessions, missing } = await loadSessions(io);
  if (missing) {
    io.stdout.write('There is no session log to clear.\n');
    return 0;
  }
  const what = `${count(sessions.length, 'session')} in ${escapeHidden(path)}`;
  if (!options.yes) {
    if (!canPrompt(io, options)) throw new UserError('history --clear: not asking outside a terminal; add --yes to delete the session log');
    const { confirm } = await import('@inquirer/prompts');
    const { askLeavable } = await import('./prompt-guard.js');
    // Esc answers no, as it leaves every other question (inquirer's confirm ignores it); left with
    // Esc, the question goes from the screen and the line below says what happened.
    const asked = await askLeavable(io, terminal(io, options.color), (ctx) => confirm({ message: `Delete the session log (${what})? This cannot be undone.`, default: false }, ctx), { clear: true, outcome: 'the session log is kept' });
    const sure = !asked.left && asked.answer;
    if (!sure) {
      io.stdout.write('Kept the session log.\n');
      return 0;
    }
  }
  try {
    clearHistory(path);
  } catch (e) {
    throw new UserError(`cannot delete the session log ${escapeHidden(path)}: ${fsReason(e)}`);
  }
  io.stdout.write(`Deleted the session log (${what}).\n`);
  return 0;
}
