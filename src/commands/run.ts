// `acupress run`: resolve the target, apply safety, plan, then either print the plan
// (--dry-run) or run it live with the chosen renderer and cue sinks.
import type { Catalog } from '../model/catalog.js';
import type { Condition, Profile, Routine } from '../model/types.js';
import { EXIT, UserError, withFlag } from '../model/errors.js';
import type { Io } from '../model/io.js';
import { painter } from '../render/paint.js';
import { fitWidth, terminal, type Terminal } from '../render/terminal.js';
import { DISCLAIMER } from '../render/disclaimer.js';
import { printPlan } from '../render/dry-run.js';
import { describeFindings } from '../render/findings.js';
import { live, type OnEnd } from './run/live.js';
import { planOptionsFrom, type TimingFlags } from './run/plan-options.js';
import { isPathLike, routineFor } from './run/target.js';
import { resolve as resolvePath } from 'node:path';
import { parseRating } from '../core/history.js';
import { isSession, ratingLine, sessionId, sessionRecord, type SessionTarget } from '../core/session-record.js';
import { historyOffInProfile, tryAppend } from './session-log.js';
import { findingPlace, pointTags, PREGNANCY, pregnancyAvoided, pregnancyInForce, routineFindings, saferAlternatives, skippedSteps, stepPoints, unsafeSteps } from '../core/safety.js';
import { cautionsByStep, pressureCaps } from '../core/step-cautions.js';
import { pregnancyHint } from '../core/pregnancy-hint.js';
import { bareSecondsHint } from './duration-hint.js';
import { refusalText } from '../render/refusal.js';
import { FIT_CEILINGS, followableFit, plan } from '../core/plan.js';
import { BOUNDS, flagDuration, formatDuration } from '../model/duration.js';
import { canPrompt, catalogFor, conditionsFor, warn, type Common } from './context.js';
import { withSkippedHint } from './skipped-hint.js';
import { wrap } from '../render/text.js';
import { bulletList, CONTRAINDICATIONS, RED_FLAGS } from '../render/bullet-list.js';
import { countRows } from './run/row-count.js';
import type { EndEvent } from '../model/events.js';
import type { Timeline } from '../model/timeline.js';
import { count } from '../core/text.js';
import { escapeHidden } from '../model/printable.js';

export interface RunOptions extends Common, TimingFlags {
  args?: [string | undefined];
  random?: boolean;
  max?: string;
  tag?: string;
  skipUnsafe?: boolean;
  dryRun?: boolean;
  plain?: boolean;
  quiet?: boolean;
  bell?: boolean;
  voice?: boolean;
  warn?: string;
  tips?: boolean;
  yes?: boolean;
  /** --rate: ask how strong it is before and after, in a terminal. */
  rate?: boolean;
  /** --before <0-10>: the before rating, given rather than asked. */
  before?: string;
  /** false with --no-history: log nothing. */
  history?: boolean;
}

export const TIPS = 'Before you start: have a drink of water, skip a heavy meal just before, wear loose clothing, and sit or lie somewhere quiet. (--no-tips hides this)';

// canPrompt lives with the shared plumbing (history --clear asks too); cli/program.ts reaches it here.
export { canPrompt };

/** Run a routine; resolves to the exit code. */
export async function run(options: RunOptions, given: Io): Promise<number> {
  // Every row printed before the run (warnings, the profile's line, skipped steps, the notes) is
  // counted: the live view keeps them on screen until the first hold, and needs to know how many.
  const shown = countRows(given);
  const io = shown.io;
  if (options.json && options.plain) throw new UserError('--json and --plain cannot be used together');
  const warnMs = options.warn !== undefined ? flagDuration('--warn', options.warn, BOUNDS.minPhaseMs, BOUNDS.maxPhaseMs) : undefined;
  planOptionsFrom(options); // Check the flags before any question is asked.
  const before = options.before !== undefined ? ratingFlag('--before', options.before) : undefined;
  if (options.history === false && (before !== undefined || options.rate)) {
    throw new UserError(`${options.rate ? '--rate' : '--before'} records a rating in the session log, which --no-history turns off`);
  }
  const catalog = await catalogFor(options, io);
  const term = terminal(io, options.color);
  // The profile is read once here and shared: conditions come from it, and it remembers the tips.
  const asked = options.profile === true ? await profileFor(catalog, io, options, term, shown.reset) : undefined;
  if (asked === 'left') return EXIT.ok;
  const profile = asked;
  const conditions = await conditionsFor(options, catalog, io, profile ?? null);
  const c = await painter(term);
  const chosen = await chooseRoutine(catalog, options, io, conditions, term);
  if (chosen === 'cancel') return EXIT.ok;
  // The picker redraws as it goes: only what is printed after it is counted, as after the first-run question.
  if (!options.args?.[0] && !options.random) shown.reset();
  const { routine, overrides, target } = chosen;
  const skipUnsafe = Boolean(options.skipUnsafe || chosen.skipUnsafe);
  const planOptions = planOptionsFrom({ ...options, ...overrides });

  // Safety first: refuse (exit 1) or skip what the conditions say to avoid. The routine's texts
  // are read once, for this and the pregnancy hint.
  const read = stepPoints(catalog, routine);
  const findings = routineFindings(catalog, routine, conditions, read);
  const unsafe = unsafeSteps(findings);
  const avoid = findings.filter((f) => f.level === 'avoid');
  if (unsafe.size > 0) {
    if (!skipUnsafe || unsafe.size === routine.steps.length) {
      // A point run has no tags of its own: the routines that press the point, its indications and region stand in.
      const point = target.kind === 'point' ? catalog.points.get(routine.id) : undefined;
      const safer = saferAlternatives(catalog, point ? { id: routine.id, tags: pointTags(catalog, point) } : routine, conditions).map((r) => r.id);
      io.stderr.write(`${refusalText(catalog, routine, avoid, { unsafeSteps: unsafe.size, skipUnsafe, safer, width: fitWidth(term), c, point: Boolean(point) })}\n`);
      return EXIT.safety;
    }
    io.stderr.write(`Skipping ${count(unsafe.size, 'unsafe step')}:\n${describeFindings(catalog, avoid, fitWidth(term))}\n`);
    planOptions.skipSteps = unsafe;
  }
  // A ramp cue asks for no more pressure than a caution in force or its point allows (KI3 with pregnancy: gently).
  planOptions.pressureCaps = pressureCaps(routine, (id) => catalog.points.get(id), findings, conditions, catalog);
  // A budget too short to fit is worded as being about the flag that asked for it; without one,
  // the planner's own words (a routine's unknown point is not a --quick problem).
  let timeline;
  try {
    const flag = planOptions.fit !== undefined ? '--fit' : planOptions.quick ? '--quick' : undefined;
    const planned = () => plan(routine, (id) => catalog.points.get(id), planOptions);
    timeline = flag ? withFlag(flag, planned) : planned();
  } catch (e) {
    const hint = bareSecondsHint('--fit', options.fit);
    throw e instanceof UserError && hint ? new UserError(`${e.message}${hint}`, e.exitCode) : e;
  }
  // Under the followable pace, --fit still fits (a second a phase at worst), but say it is too
  // short to be of use, and what would be enough.
  if (planOptions.fit !== undefined) {
    const enough = followableFit(routine, (id) => catalog.points.get(id), planOptions);
    if (planOptions.fit < enough) {
      warn(io, `warning: --fit ${formatDuration(planOptions.fit)} is too short to follow "${routine.id}": some phases last only ${formatDuration(Math.min(...timeline.phases.map((p) => p.duration_ms)))}; one round at a pace you can follow needs --fit ${formatDuration(Math.ceil(enough / 1000) * 1000)}`, fitWidth(term));
    }
  }
  // Stretching stops where every phase is at its longest: say so rather than fall short silently.
  if (planOptions.fit !== undefined && timeline.total_ms < planOptions.fit - 1_000) {
    const rounds = Math.max(0, ...timeline.phases.map((p) => p.rounds ?? 0));
    // More rounds is the way on while there can be more; at ten a point (or with none to repeat), this is the longest.
    const more = rounds > 0 && rounds < 10 ? '; --rounds <n> adds rounds' : rounds === 10 ? ', at ten rounds a point' : '';
    warn(io, `warning: --fit ${formatDuration(planOptions.fit)} is longer than "${routine.id}" stretches: it runs ${formatDuration(timeline.total_ms)}, its holds at most ${formatDuration(FIT_CEILINGS.hold)} and its ramps and releases ${formatDuration(FIT_CEILINGS.ramp)}, as the guides pace them${more}`, fitWidth(term));
  }
  const cautions = findings.filter((f) => f.level === 'caution' && !(f.step !== undefined && unsafe.has(f.step)));
  // Everything that is not the event stream goes to stderr in JSON mode, so stdout stays NDJSON.
  // Before the live view, the notes are held back for it to print: where they cannot stay beside
  // it, it shows them a screenful at a time and waits for a key (see live). Not with --rate,
  // whose question comes between them and the run, as it always has.
  let held: string | undefined;
  const toView = !options.json && !options.plain && !options.quiet && !options.dryRun && !options.rate && term.live;
  const notes = toView ? { write: (s: string) => void (held = (held ?? '') + s) } : options.json ? io.stderr : io.stdout;
  const w = fitWidth(term);
  // The heading wraps too: "Who should not use this routine:" is wider than a 30-column terminal.
  const list = (heading: string, items: readonly string[]) => notes.write(`${bulletList(c.bold(wrap(heading, w)), items, c.g.bullet, w)}\n`);
  // Who should not use the routine comes first and whatever else is hidden (--quiet, --no-tips;
  // with --json on stderr): before, a cron line's --no-tips hid "do not use this if pregnant".
  if (routine.contraindications.length) {
    list(`${CONTRAINDICATIONS}:`, routine.contraindications);
    // --quiet has no disclaimer to end the notes: a blank line sets them apart from the phase lines.
    if (options.quiet && !options.json) notes.write('\n');
  }
  if (!options.quiet) {
    if (cautions.length) notes.write(`${c.caution('Cautions:')}\n${describeFindings(catalog, cautions, w)}\n`);
    // Each condition's general advice (whether and how to press at all with it) belongs where
    // the pressing happens: `check` showed it, a run with nothing to avoid said nothing.
    for (const cond of options.json ? [] : conditions) notes.write(`${c.caution(`With ${cond.id}:`)}\n  ${c.g.bullet} ${wrap(cond.advice, w - 4, '    ')}\n`);
    // A saved profile has answered the pregnancy question (with "none" or with pregnancy), so the
    // hint is for runs without one: a run is done again and again, and would say it every time
    // (and hold a run in a small terminal for it). show and check, which look things up, give it
    // whenever pregnancy is not in force. It is safety, not a tip: --no-tips keeps it.
    // Another condition given (--condition bleeding) says nothing of pregnancy: the hint stays.
    const hintDue = !pregnancyInForce(conditions) && !profile && !options.json;
    const avoidedInPregnancy = hintDue ? pregnancyAvoided(catalog, routine, read) : [];
    // A single point has no rest to run: the hint names routines safe in pregnancy instead.
    const point = target.kind === 'point' && avoidedInPregnancy.length ? catalog.points.get(routine.id) : undefined;
    const pregnancy = point && catalog.conditions.get(PREGNANCY);
    const insteadOfPoint = point ? { id: point.id, safer: pregnancy ? saferAlternatives(catalog, { id: point.id, tags: pointTags(catalog, point) }, [pregnancy]).map((r) => r.id) : [] } : undefined;
    const hint = pregnancyHint(avoidedInPregnancy, insteadOfPoint);
    if (hint) notes.write(`${c.caution(wrap(hint, w))}\n`);
    if (routine.red_flags.length && !options.json) list(`${RED_FLAGS}:`, routine.red_flags);
    // The routine's own tips (how hard to press, what to skip) go with the other tips under --no-tips.
    if (routine.tips.length && options.tips !== false && !options.json) list('Tips:', routine.tips);
    // A dry run is no session: the tips wait for the first real one.
    if (options.tips !== false && !options.json && !options.dryRun && (await tipsDue(io, profile))) notes.write(`${c.dim(wrap(TIPS, w))}\n`);
    if (!options.json) notes.write(`${c.dim(wrap(DISCLAIMER, w))}\n\n`);
  }
  // The plan comes with the safety notes the run would print first (who should not use it,
  // cautions, each condition's advice, red flags, tips): a plan read ahead of time said nothing of
  // a step that needs care. With --json, only who should not use it and the cautions are printed,
  // to stderr, as a run's are, and stdout stays the plan's events. Each step's cautions are also
  // where the run shows them: under its first phase line, on its phase events.
  // What safety changed, for the start event of the plan and of the run alike.
  const startFacts = { conditions: conditions.map((x) => x.id), skipped: skippedSteps(findings, unsafe) };
  if (options.dryRun) {
    printPlan(io, timeline, Boolean(options.json), c, fitWidth(term), startFacts, cautionsByStep(cautions));
    return EXIT.ok;
  }
  // The session log: one record when the run ends, however it ends; ratings if asked for.
  const logging = options.history !== false && !(profile ? profile.history === false : await historyOffInProfile(io));
  if (!logging && options.history !== false && (before !== undefined || options.rate)) {
    io.stderr.write('warning: the session log is off in your profile (history: false), so no rating is recorded\n');
  }
  const ask = logging && options.rate === true && canPrompt(io, options) && !options.json;
  if (logging && options.rate && !ask) {
    io.stderr.write('warning: --rate asks only in a terminal (not with --json, --yes or CI); use --before <0-10> and "acupress rate <0-10>" instead\n');
  }
  const rated = before ?? (ask ? await askRating(io, 'before', term) : undefined);
  const startMs = io.calendar.now();
  const session = sessionId(startMs, Math.random);
  let logged = false;
  const onEnd: OnEnd | undefined = logging
    ? (end, progress) => {
      // No session: its output closed before it began, or it ended before its first hold.
      if (outputClosedEarly(timeline, end, progress.started)) return;
      if (!isSession(timeline, progress.started)) {
        // A rating given for it would vanish without a word: say where it went.
        if (rated !== undefined) io.stderr.write(`note: not logged: the run ended before its first hold, so it is no session, and the rating before it (${rated}) is not kept\n`);
        return;
      }
      const endMs = io.calendar.now();
      logged = tryAppend(io, sessionRecord(timeline, end, progress, {
        ...target, session, startMs, endMs, startOffset: io.calendar.offset(startMs), endOffset: io.calendar.offset(endMs),
        conditions: conditions.map((x) => x.id), before: rated,
      }));
    }
    : undefined;
  // The end-of-run reminder is about the steps that ran, not the ones skipped.
  const ran = findings.filter((f) => !(f.step !== undefined && unsafe.has(f.step)));
  // A rating question asked since has moved the notes up out of reach: keep none then.
  // Adjusted at the picker, the run's length is no longer the routine's: the header says both.
  const ownMs = Object.keys(overrides).length ? plan(routine, (id) => catalog.points.get(id), { skipSteps: planOptions.skipSteps, texts: false }).total_ms : undefined;
  const code = await live(given, catalog, timeline, ran, { ...options, above: ask ? 0 : shown.rows(), notes: held, ownMs, start: startFacts }, c, term, warnMs, onEnd);
  if (logged && ask) {
    const asked = await askRating(io, 'after', term);
    let after: number | undefined;
    if (asked !== undefined) {
      const at = io.calendar.now();
      if (tryAppend(io, ratingLine(session, asked, at, io.calendar.offset(at)), 'the rating')) after = asked;
    }
    // Say what the log now holds, so a skipped or mistyped answer shows before it is forgotten.
    const { recordedLine } = await import('../render/run-rated.js');
    io.stdout.write(`${recordedLine(target.kind === 'file' ? escapeHidden(timeline.title) : target.target, rated, after)}\n`);
  }
  return code;
}

/** The phases that are pressing or rubbing (finding a point, switching sides and resting are not). */
const PRESSING = new Set(['ramp', 'hold', 'release', 'massage']);

/**
 * A run that ended because its output closed (a reader of `run --json | head -1` had its line) or
 * failed before any pressing phase had run through: the person did no session, and the reader
 * is not the person interrupting, so the log keeps no record of it. A closed pipe is only noticed
 * at the next write (a JSON tick, a plain phase line), so the phase the run was in when it noticed
 * may have begun after the reader left: a first massage, or the ramp a plain line announced, is
 * not yet a session. Once a ramp, hold, release or massage has run through, the record is kept, as
 * ended by SIGPIPE, which history shows as "output closed".
 */
export function outputClosedEarly(timeline: Timeline, end: EndEvent, started: readonly number[]): boolean {
  if (end.reason !== 'interrupted' || end.signal !== 'SIGPIPE') return false;
  // Every phase but the last one begun was run through (or skipped past).
  return started.slice(0, -1).every((i) => !PRESSING.has(timeline.phases[i]?.kind ?? 'locate'));
}

/** A rating flag's value (0 to 10), or a usage error naming the flag. */
function ratingFlag(flag: string, text: string): number {
  const r = parseRating(text);
  if ('error' in r) throw new UserError(`${flag}: ${r.error}`);
  return r.value;
}

/** Ask for a rating; the prompt module (and inquirer) loads only for --rate. */
async function askRating(io: Io, when: 'before' | 'after', term: Terminal): Promise<number | undefined> {
  return (await import('./run/rating-prompt.js')).askRating(io, when, term);
}

type Chosen = { routine: Routine; overrides: TimingFlags; skipUnsafe?: boolean; target: SessionTarget } | 'cancel';

async function chooseRoutine(catalog: Catalog, o: RunOptions, io: Io, conditions: Condition[], term: Terminal): Promise<Chosen> {
  const target = o.args?.[0];
  if (o.random) {
    if (target) throw new UserError('run: give a target or --random, not both');
    const { pickRandom } = await import('./run/random.js');
    const routine = pickRandom(catalog, o, conditions, Math.random);
    return { routine, overrides: {}, target: { kind: 'routine', target: routine.id } };
  }
  if (target) {
    const routine = await routineFor(catalog, target, io.cwd).catch((e: unknown) => { throw withSkippedHint(e, catalog, [target]); });
    // The log names a file by its absolute path, and a point by its id (a routine id is never a point id).
    const named: SessionTarget = isPathLike(target) ? { kind: 'file', target: resolvePath(io.cwd, target) }
      : catalog.routines.has(routine.id) ? { kind: 'routine', target: routine.id } : { kind: 'point', target: routine.id };
    return { routine, overrides: {}, target: named };
  }
  if (!canPrompt(io, o)) throw new UserError('run: missing target; say which routine, e.g. "acupress run headache" (see: acupress list)');
  const { pickRoutine, PickerLeft } = await import('./run/picker.js');
  const { confirmOrAdjust } = await import('./run/adjust.js');
  // Choosing a routine with steps to avoid offers to skip them, or to choose again.
  for (;;) {
    let routine: Routine;
    try {
      routine = await pickRoutine(catalog, conditions, io, term);
    } catch (e) {
      if (!(e instanceof PickerLeft)) throw e;
      io.stderr.write('No routine chosen.\n');
      return 'cancel';
    }
    const avoid = routineFindings(catalog, routine, conditions).filter((f) => f.level === 'avoid');
    const steps = unsafeSteps(avoid);
    const avoided = steps.size ? { what: [...new Set(avoid.map(findingPlace))].join(', '), every: steps.size === routine.steps.length } : undefined;
    const answer = await confirmOrAdjust(io, term, avoided, ownTiming(routine, catalog));
    if (answer === 'back') continue;
    if (answer === 'cancel') return 'cancel';
    return { routine, overrides: answer.overrides, skipUnsafe: answer.skipUnsafe, target: { kind: 'routine', target: routine.id } };
  }
}

/** The routine's own rounds and hold, from its plan with no flags ("3", "20s", or "20s-1m" when its holds differ). */
function ownTiming(routine: Routine, catalog: Catalog): { rounds: string; hold: string } {
  const phases = plan(routine, (id) => catalog.points.get(id), { texts: false }).phases;
  const rounds = [...new Set(phases.map((p) => p.rounds).filter((r): r is number => r !== undefined))].sort((a, b) => a - b);
  const holds = phases.filter((p) => p.kind === 'hold').map((p) => p.duration_ms);
  const range = (lo: string, hi: string) => (lo === hi ? lo : `${lo}-${hi}`);
  return {
    rounds: rounds.length ? range(String(rounds[0]), String(rounds.at(-1))) : '1',
    hold: holds.length ? range(formatDuration(Math.min(...holds)), formatDuration(Math.max(...holds))) : 'none',
  };
}

/**
 * The saved profile; the first interactive run asks for one (and saves it) when there is none.
 * 'left' when the person left that question (Esc or q): said here, without an error's prefix.
 */
async function profileFor(catalog: Catalog, io: Io, o: RunOptions, term: Terminal, asking: () => void): Promise<Profile | undefined | 'left'> {
  const { readProfile } = await import('../store/profile.js');
  const saved = await readProfile(io);
  if (saved || !canPrompt(io, o) || o.json) return saved;
  const { firstRun, QuestionLeft } = await import('./run/first-run.js');
  try {
    const answered = await firstRun(catalog, io, undefined, term);
    asking(); // The question redrew as it went: its rows are not counted (see run).
    return answered;
  } catch (e) {
    if (!(e instanceof QuestionLeft)) throw e;
    io.stderr.write(`${wrap(e.message, fitWidth(term))}\n`);
    return 'left';
  }
}

/**
 * The pre-session tips are shown until someone with a profile has seen them once in a terminal;
 * the state file remembers that (an older profile's `tips_seen: true` still counts), so the
 * user's profile is never rewritten for it. Runs without a profile (scripts, --no-profile) show
 * them every time.
 */
async function tipsDue(io: Io, profile: Profile | undefined): Promise<boolean> {
  if (!profile) return true;
  if (profile.tips_seen) return false;
  const { readState, writeState } = await import('../store/state.js');
  if (readState(io.env).tips_seen) return false;
  if (io.stdout.isTTY) {
    const failed = writeState(io.env, { tips_seen: true });
    if (failed) warn(io, failed);
  }
  return true;
}

