// `acupress rate <0-10>`: the after-rating of the most recent session, for scripts that ran
// `acupress run --before N`. It appends a rating line; the session's own line is never touched.
import type { Io } from '../model/io.js';
import type { Session } from '../model/history.js';
import { EXIT, ExitError, UserError } from '../model/errors.js';
import { escapeHidden } from '../model/printable.js';
import { parseRating, ratingChange } from '../core/history.js';
import { ratingLine } from '../core/session-record.js';
import { doneLabel, signed, whenLabel } from '../render/history-view.js';
import type { Common } from './context.js';
import { historyOffInProfile, loadSessions, tryAppend } from './session-log.js';

export interface RateOptions extends Common {
  args?: [string | undefined];
}

/** How recent a session must be to take a rating: an after-rating is about how it feels now. */
export const RATE_WINDOW_MS = 6 * 3_600_000;

/** `acupress rate <0-10>`; resolves to the exit code (1 when there is no recent session to rate, 2 when the rating cannot be written). */
export async function run(options: RateOptions, io: Io): Promise<number> {
  const text = options.args?.[0];
  if (text === undefined) throw new UserError('rate: missing the rating; say how strong it is now, from 0 (none) to 10 (worst), e.g. "acupress rate 3"');
  const r = parseRating(text);
  if ('error' in r) throw new UserError(`rate: ${r.error}`);
  if (await historyOffInProfile(io)) throw new ExitError(1, 'rate: the session log is off in your profile (history: false), so there is nothing to rate');
  const { sessions } = await loadSessions(io);
  const now = io.calendar.now();
  const latest = mostRecent(sessions);
  const hours = RATE_WINDOW_MS / 3_600_000;
  if (!latest) throw new ExitError(1, `rate: no session logged yet; rate a session within ${hours} h of running it ("acupress run <routine>", then "acupress rate <0-10>")`);
  if (now - Date.parse(latest.end) > RATE_WINDOW_MS) {
    throw new ExitError(1, `rate: no session in the last ${hours} h to rate (the latest, ${escapeHidden(latest.title)}, started ${whenLabel(latest.start)}); a rating is about how it feels soon after`);
  }
  // The rating is all this command does: one that cannot be written fails it, as output that
  // cannot be written does (exit 2; the warning says why), never as "no session" (exit 1).
  if (!tryAppend(io, ratingLine(latest.session, r.value, now, io.calendar.offset(now)), 'the rating')) return EXIT.usage;
  const was = latest.after;
  const rated: Session = { ...latest, after: r.value };
  const change = ratingChange(rated);
  // Without a before-rating there is no arrow to draw: say so in words, not "? → 3".
  const ratings = rated.before === undefined
    ? `now ${r.value} (no rating from before the session to compare with)`
    : `${rated.before} → ${r.value}${change !== undefined ? ` (${signed(change)})` : ''}`;
  io.stdout.write(`Rated ${escapeHidden(latest.title)}, ${whenLabel(latest.start)}, ${doneLabel(latest)}: ${ratings}${was !== undefined && was !== r.value ? `; was ${was}` : ''}.\n`);
  return 0;
}

/** The session that ended last (file order breaks ties: the later line is the later session). */
function mostRecent(sessions: readonly Session[]): Session | undefined {
  let best: Session | undefined;
  let bestEnd = -Infinity;
  for (const s of sessions) {
    const end = Date.parse(s.end);
    if (end >= bestEnd) {
      best = s;
      bestEnd = end;
    }
  }
  return best;
}
