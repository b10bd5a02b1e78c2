// run's session log, `history`, `stats` and `rate`, in-process on the fake clock and calendar.
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as runCmd, type RunOptions } from '../src/commands/run.js';
import { run as history } from '../src/commands/history.js';
import { run as stats } from '../src/commands/stats.js';
import { run as rate } from '../src/commands/rate.js';
import { historyPath } from '../src/store/history-file.js';
import { fakeIo, routineObj, tempTree } from './helpers.js';
import { isSession } from '../src/core/session-record.js';
import type { Timeline } from '../src/model/timeline.js';

type Fake = ReturnType<typeof fakeIo>;

/** A routine of one press on the left (locate, ramp, hold, release: 1 s each) and a 1 s rest: 5 s in all. */
const DATA = tempTree({ 'routines/tiny.yaml': routineObj({ id: 'tiny', title: 'Tiny', timing: { locate: '1s', ramp: '1s', hold: '1s', release: '1s', rounds: 1, switch: '1s' }, steps: [{ press: 'LI4', sides: 'left' }, { rest: '1s' }] }) });

/** Run `tiny` (or another target) to its end on the fake clock; `during` may act mid-run. */
async function runTiny(f: Fake, o: Partial<RunOptions> = {}, during?: () => void, atMs = 1500): Promise<number | unknown> {
  const done = runCmd({ args: ['tiny'], data: [DATA], plain: true, tips: false, profile: true, ...o }, f.io).catch((e: unknown) => e);
  for (let i = 0; i < 400 && f.clock.pending() === 0; i++) await new Promise((r) => setTimeout(r, 5));
  if (during) {
    f.clock.advance(atMs);
    during();
  }
  f.clock.runAll();
  return done;
}

const lines = (f: Fake) => readFileSync(historyPath(f.io.env), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const json = (f: Fake) => JSON.parse(f.stdout.text());

/** A second fake io sharing the first's home (and so its log), with its calendar moved on by `laterMs`. */
function later(f: Fake, laterMs = 60_000): Fake {
  const g = fakeIo(f.io.env);
  g.clock.advance(f.clock.now() + laterMs);
  return g;
}

describe('run logs the session', () => {
  it('when it completes: what, when, how long, points, conditions and the before rating', async () => {
    const f = fakeIo();
    expect(await runTiny(f, { before: '7' })).toBe(0);
    const [rec] = lines(f);
    expect(rec).toMatchObject({
      type: 'session', v: 1, kind: 'routine', target: 'tiny', title: 'Tiny', completed: true, reason: 'done',
      start: '2025-03-01T09:00:00.000+01:00', planned_ms: 5000, active_ms: 5000, points: [{ point: 'LI4', sides: ['left'] }], conditions: [], before: 7,
    });
    expect(rec.end).toMatch(/^2025-03-01T09:00:05\.\d{3}\+01:00$/);
  });

  it('when quit or interrupted by a signal once its first hold has begun, saying how it ended', async () => {
    const f = fakeIo();
    const code = await runTiny(f, {}, () => f.signal('SIGINT'), 2_200);
    expect(code).toMatchObject({ name: 'ExitError', exitCode: 130 });
    // 2.2 s in: located, ramped, and 0.2 s into the 1 s hold, so LI4 is not worked, not even partly.
    expect(lines(f)[0]).toMatchObject({ completed: false, reason: 'interrupted', signal: 'SIGINT', active_ms: 2200, points: [] });
    expect(lines(f)[0]).not.toHaveProperty('partly');
  });

  it('not when it ended before its first hold began (found and pressed into, never held): that is no session', async () => {
    const f = fakeIo();
    // 1.5 s in: in the ramp.
    expect(await runTiny(f, {}, () => f.signal('SIGINT'))).toMatchObject({ name: 'ExitError', exitCode: 130 });
    expect(existsSync(historyPath(f.io.env))).toBe(false);
  });

  it('the rule, in one place (isSession): a hold or massage has begun; a plan with neither is always a session', () => {
    const tl = (kinds: string[]) => ({ routine: 'x', title: 'X', total_ms: 1, points: [], phases: kinds.map((kind, index) => ({ index, kind, step: 0, offset_ms: index, duration_ms: 1, text: 't' })) }) as unknown as Timeline;
    const press = tl(['locate', 'ramp', 'hold', 'release']);
    expect(isSession(press, [0])).toBe(false);
    expect(isSession(press, [0, 1])).toBe(false);
    expect(isSession(press, [0, 1, 2])).toBe(true);
    // Skipped into the hold (s): it began.
    expect(isSession(press, [0, 2])).toBe(true);
    expect(isSession(tl(['massage', 'rest']), [0])).toBe(true);
    expect(isSession(tl(['rest']), [0])).toBe(true);
  });

  it('names a point by its id and a routine file by its absolute path, with the conditions applied', async () => {
    const f = fakeIo();
    expect(await runTiny(f, { args: ['nei guan'], fit: '30s', pregnant: true })).toBe(0);
    const g = fakeIo(f.io.env);
    await runTiny(g, { args: [join(DATA, 'routines/tiny.yaml')] });
    const [point, file] = lines(g);
    expect(point).toMatchObject({ kind: 'point', target: 'PC6', title: expect.stringMatching(/^PC6 Nèiguān/), conditions: ['pregnancy'], completed: true });
    expect(point.planned_ms).toBeLessThanOrEqual(30_000);
    expect(file).toMatchObject({ kind: 'file', target: join(DATA, 'routines/tiny.yaml'), title: 'Tiny', conditions: [] });
  });

  it('logs nothing for --dry-run, --no-history or history: false in the profile (even with --no-profile)', async () => {
    const f = fakeIo();
    await runTiny(f, { dryRun: true });
    await runTiny(f, { history: false });
    expect(existsSync(historyPath(f.io.env))).toBe(false);
    mkdirSync(join(f.home, '.config/acupress'), { recursive: true });
    writeFileSync(join(f.home, '.config/acupress/profile.yaml'), 'conditions: []\nhistory: false\n');
    await runTiny(f, {});
    await runTiny(f, { profile: false, before: '5' });
    expect(existsSync(historyPath(f.io.env))).toBe(false);
    expect(f.stderr.text()).toMatch(/^warning: the session log is off in your profile \(history: false\), so no rating is recorded$/m);
  });

  it('an unwritable state directory is one warning, and the run still succeeds', async () => {
    const f = fakeIo();
    writeFileSync(join(f.home, 'state'), 'not a directory');
    f.io.env.XDG_STATE_HOME = join(f.home, 'state');
    expect(await runTiny(f)).toBe(0);
    const warnings = f.stderr.text().split('\n').filter((l) => /warning/.test(l));
    expect(warnings).toEqual([expect.stringMatching(/^warning: could not write the session log .*state\/acupress\/history\.jsonl \(.*\); the session is not logged$/)]);
    expect(f.stdout.text()).toMatch(/Done: Tiny/);
  });

  // A real full disk (EFBIG under a file size limit, worded by store/fs-reason.ts) is in
  // test/e2e/history.test.ts; /dev/full in the log's place is a device, refused as such.
  it.skipIf(!existsSync('/dev/full'))('a link to /dev/full in the log\'s place is refused as a device: one warning, the run exits 0', async () => {
    const f = fakeIo();
    const state = join(f.home, 'state');
    mkdirSync(join(state, 'acupress'), { recursive: true });
    symlinkSync('/dev/full', join(state, 'acupress', 'history.jsonl'));
    f.io.env.XDG_STATE_HOME = state;
    expect(await runTiny(f)).toBe(0);
    expect(f.stderr.text()).toContain(`warning: could not write the session log ${join(state, 'acupress', 'history.jsonl')} (not a regular file (a pipe or a device is in its place)); the session is not logged\n`);
  });

  it('a profile that cannot be read is warned about with its message escaped', async () => {
    const f = fakeIo();
    // A profile folder whose name holds an escape sequence, and a profile that is not YAML.
    const config = join(f.home, 'conf\x1b]0;pwned\x07');
    mkdirSync(join(config, 'acupress'), { recursive: true });
    writeFileSync(join(config, 'acupress', 'profile.yaml'), 'conditions: [\n');
    f.io.env.XDG_CONFIG_HOME = config;
    expect(await runTiny(f, { profile: false })).toBe(0);
    expect(f.stderr.text()).toMatch(/warning: .*profile\.yaml.*; the session log stays on, as without a profile, until .*profile\.yaml can be read\n/);
    expect(f.stderr.text()).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    // It said nothing about the log, whose default is on: the session is logged.
    expect(lines(f)).toHaveLength(1);
  });

  it('rate with a profile that cannot be read warns and rates: it never claims the profile says history: false', async () => {
    const f = fakeIo();
    await runTiny(f);
    const config = join(f.home, 'conf');
    mkdirSync(join(config, 'acupress'), { recursive: true });
    writeFileSync(join(config, 'acupress', 'profile.yaml'), 'conditions: [\n');
    const r = later(f);
    r.io.env.XDG_CONFIG_HOME = config;
    expect(await rate({ args: ['3'] }, r.io)).toBe(0);
    expect(r.stderr.text()).toMatch(/^warning: .*profile\.yaml.*; the session log stays on/);
    expect(r.stderr.text()).not.toMatch(/history: false/);
    expect(lines(f).map((l) => l.type)).toEqual(['session', 'rating']);
  });

  it.each([
    [{ before: '11' }, /^--before: expected a whole number from 0 \(none\) to 10 \(worst\), got "11"$/],
    [{ before: '3', history: false }, /^--before records a rating in the session log, which --no-history turns off$/],
    [{ rate: true, history: false }, /^--rate records a rating/],
  ])('%j is a usage error', async (o, message) => {
    const f = fakeIo();
    await expect(runCmd({ args: ['tiny'], data: [DATA], ...o }, f.io)).rejects.toMatchObject({ name: 'UserError', exitCode: 2, message: expect.stringMatching(message) });
  });

  it('--rate outside a terminal says how to rate from a script, and still logs', async () => {
    const f = fakeIo();
    await runTiny(f, { rate: true });
    expect(f.stderr.text()).toMatch(/^warning: --rate asks only in a terminal .*use --before <0-10> and "acupress rate <0-10>" instead$/m);
    expect(lines(f)).toHaveLength(1);
  });
});

describe('rate, history and stats', () => {
  it('--before 7 then rate 3: history shows both ratings and stats a mean change of -4', async () => {
    const f = fakeIo();
    await runTiny(f, { before: '7' });
    await runTiny(later(f, 10_000), {});
    const r = later(f, 60_000);
    expect(await rate({ args: ['3'] }, r.io)).toBe(0);
    // No rating before that session: said in words, never "? → 3".
    expect(r.stdout.text()).toMatch(/^Rated Tiny, 2025-03-01 09:00, 0:05 of 0:05: now 3 \(no rating from before the session to compare with\)\.\n$/);
    expect(r.stdout.text()).not.toMatch(/\?/);
    // The latest session got the rating: that was the second run. Rate the first, as a script would, by running again.
    const g = fakeIo();
    await runTiny(g, { before: '7' });
    const h = later(g);
    await rate({ args: ['3'] }, h.io);
    expect(h.stdout.text()).toMatch(/: 7 → 3 \(−4\)\.\n$/);
    const q = later(g);
    await history({ json: true }, q.io);
    expect(json(q)).toEqual([expect.objectContaining({ target: 'tiny', before: 7, after: 3, completed: true })]);
    const s = later(g);
    await stats({ json: true }, s.io);
    expect(json(s)).toMatchObject({ sessions: 1, streak: { days: 1, through: '2025-03-01' }, routines: [{ target: 'tiny', sessions: 1, rated: 1, mean_change: -4, enough: false }] });
    // The log holds the session and a rating line; nothing was rewritten.
    expect(lines(g).map((l) => l.type)).toEqual(['session', 'rating']);
  });

  it('rate refuses when there is no session in the last 6 h, and when the rating is not 0 to 10', async () => {
    const f = fakeIo();
    await expect(rate({ args: ['3'] }, f.io)).rejects.toMatchObject({ exitCode: 1, message: expect.stringMatching(/^rate: no session logged yet; rate a session within 6 h/) });
    await runTiny(f);
    await expect(rate({ args: ['3'] }, later(f, 7 * 3_600_000).io)).rejects.toMatchObject({ exitCode: 1, message: expect.stringMatching(/^rate: no session in the last 6 h to rate \(the latest, Tiny, started 2025-03-01 09:00\)/) });
    await expect(rate({ args: ['eleven'] }, later(f).io)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^rate: expected a whole number from 0/) });
    await expect(rate({ args: [undefined] }, later(f).io)).rejects.toMatchObject({ exitCode: 2 });
    const ok = later(f, 3 * 3_600_000);
    expect(await rate({ args: ['0'] }, ok.io)).toBe(0);
  });

  it('history: a table, newest first, with --since and --routine (by alias too)', async () => {
    const f = fakeIo();
    await runTiny(f, { before: '6' });
    const g = later(f, 2 * 86_400_000);
    await runTiny(g, { args: ['LI4'], fit: '20s' });
    const t = later(g, 60_000);
    await history({}, t.io);
    expect(t.stdout.text()).toBe('2025-03-03 09:00  0:20 of 0:20         LI4   LI4 Hégǔ (Union Valley)\n2025-03-01 09:00  0:05 of 0:05  6 → ?  tiny  Tiny\n');
    const since = later(g, 60_000);
    await history({ since: '2025-03-02', json: true }, since.io);
    expect(json(since).map((s: { target: string }) => s.target)).toEqual(['LI4']);
    const alias = later(g, 60_000);
    await history({ routine: 'he gu', json: true }, alias.io);
    expect(json(alias).map((s: { target: string }) => s.target)).toEqual(['LI4']);
    await expect(history({ routine: 'no-such-thing' }, later(g).io)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^--routine: /) });
    await expect(history({ since: 'last tuesday' }, later(g).io)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^--since: expected a date \(2025-03-01\).* got "last tuesday"$/) });
    const limited = later(g);
    await history({ limit: '1' }, limited.io);
    expect(limited.stdout.text().trim().split('\n')).toHaveLength(1);
    expect(limited.stderr.text()).toBe('1 of 2 sessions shown; --limit 0 shows all.\n');
  });

  it('a corrupt line is skipped with a warning naming the file and line; the file is left as it is', async () => {
    const f = fakeIo();
    await runTiny(f);
    appendFileSync(historyPath(f.io.env), 'this is not JSON\n{"type":"session"}\n');
    await runTiny(later(f));
    const before = readFileSync(historyPath(f.io.env), 'utf8');
    const q = later(f, 120_000);
    await history({ json: true }, q.io);
    expect(json(q)).toHaveLength(2);
    const path = historyPath(f.io.env);
    expect(q.stderr.text()).toBe(`warning: ${path}:2: not valid JSON; line skipped\nwarning: ${path}:3: v: expected a format version (a whole number from 1); line skipped\n`);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('a line the schema refuses says which field and what was expected, in acupress\'s words, never zod\'s', async () => {
    const f = fakeIo();
    await runTiny(f);
    const path = historyPath(f.io.env);
    const good = JSON.parse(readFileSync(path, 'utf8').trim().split('\n')[0]!);
    const bad = [
      // (Five at most are named, the rest counted.)
      { ...good, title: 'x'.repeat(1001) }, { ...good, title: '' }, { ...good, kind: 'macro' }, { ...good, points: [{ point: 'LI4', sides: ['up'] }] }, 7,
    ];
    appendFileSync(path, bad.map((x) => JSON.stringify(x)).join('\n') + '\n');
    const q = later(f, 120_000);
    await history({ json: true }, q.io);
    expect(json(q)).toHaveLength(1);
    const said = q.stderr.text().split('\n').filter(Boolean);
    expect(said).toEqual([
      `warning: ${path}:2: title: expected text of at most 1000 characters; line skipped`,
      `warning: ${path}:3: title: expected text, got an empty string; line skipped`,
      `warning: ${path}:4: kind: expected one of routine, point, file; line skipped`,
      `warning: ${path}:5: points[0].sides[0]: expected one of left, right, both; line skipped`,
      `warning: ${path}:6: expected a JSON object; line skipped`,
    ]);
  });

  it('stats with nothing logged, or nothing in the window, says so instead of a table of zeros', async () => {
    const f = fakeIo();
    await stats({}, f.io);
    expect(f.stdout.text()).toBe('');
    expect(f.stderr.text()).toBe('No sessions logged yet: each "acupress run" adds one.\n');
    await runTiny(f, {});
    const s = later(f, 3 * 86_400_000);
    await stats({ since: '1d' }, s.io);
    expect(s.stdout.text()).toBe('');
    expect(s.stderr.text()).toBe('No sessions match.\n');
  });

  it('stats: per routine, with the streak and a plain word when there are too few ratings', async () => {
    const f = fakeIo();
    await runTiny(f, { before: '8' });
    const r = later(f);
    await rate({ args: ['5'] }, r.io);
    const s = later(f, 120_000);
    await stats({}, s.io);
    const text = s.stdout.text();
    expect(text).toMatch(/^1 session logged, 0:05 in all, 1 completed\.\nStreak: 1 day, through today\.\n/);
    expect(text).toMatch(/tiny {2}1 {9}0:05 {2}100% {7}−3\.0 \(1 rated; too few\) {2}Tiny/);
    expect(text.replace(/\s+/g, ' ')).toMatch(/Fewer than 5 rated sessions are too few to mean much\./);
  });

  it('history --clear asks in a terminal, needs --yes elsewhere, and takes no filters', async () => {
    const f = fakeIo();
    await runTiny(f);
    await expect(history({ clear: true }, later(f).io)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/add --yes/) });
    await expect(history({ clear: true, yes: true, since: '7d' }, later(f).io)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/takes no --since/) });
    expect(existsSync(historyPath(f.io.env))).toBe(true);
    const y = later(f);
    expect(await history({ clear: true, yes: true }, y.io)).toBe(0);
    expect(y.stdout.text()).toMatch(/^Deleted the session log \(1 session in .*history\.jsonl\)\.\n$/);
    expect(existsSync(historyPath(f.io.env))).toBe(false);
    const empty = later(f);
    await history({}, empty.io);
    expect(empty.stderr.text()).toBe('No sessions logged yet: each "acupress run" adds one.\n');
  });

  it('an unreadable log is one clear error', async () => {
    const f = fakeIo();
    await runTiny(f);
    chmodSync(historyPath(f.io.env), 0o000);
    const g = later(f);
    if (process.getuid?.() === 0) return; // root reads anything
    await expect(history({}, g.io)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^cannot read the session log .*: permission denied$/) });
  });
});
