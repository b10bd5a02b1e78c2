// The session log's pure parts (calendar, folding, filters, stats, streak) and its file store.
import { execFileSync } from 'node:child_process';
import * as realFs from 'node:fs';
import { appendFileSync, constants, mkdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoLocal, parseSince, startOfDay, today } from '../src/core/calendar.js';
import { foldHistory, parseRating, selectSessions, stats, streak, MIN_RATED, type NumberedLine } from '../src/core/history.js';
import { pointsWorked, ratingLine, sessionId, sessionRecord } from '../src/core/session-record.js';
import { historyLineSchema, sessionSchema, type Session } from '../src/model/history.js';
import { appendHistory, clearHistory, historyPath, readHistory, type AppendFs } from '../src/store/history-file.js';
import { stateDir } from '../src/store/paths.js';
import type { Timeline } from '../src/model/timeline.js';
import { tryAppend } from '../src/commands/session-log.js';
import { fakeIo, tempDir } from './helpers.js';

const H = 3_600_000;
const D = 24 * H;
const at = (iso: string) => Date.parse(iso);
const fixed = (min: number) => () => min;

/** A valid session, ending `active` ms after `start`, tweaked per test. */
function session(start: string, over: Partial<Session> = {}): Session {
  const t = Date.parse(start);
  return sessionSchema.parse({
    type: 'session', v: 1, session: `s-${start}-${over.target ?? 'headache'}`, start, end: isoLocal(t + 60_000, 0),
    kind: 'routine', target: 'headache', title: 'Headache relief', planned_ms: 60_000, active_ms: 60_000,
    completed: true, reason: 'done', points: [{ point: 'LI4', sides: ['left', 'right'] }], conditions: [], ...over,
  });
}
const numbered = (values: NumberedLine['value'][]): NumberedLine[] => values.map((value, i) => ({ line: i + 1, value }));

describe('a log that is not a regular file', () => {
  it('a FIFO or a device in its place is refused at once, never read (a FIFO would block, /dev/zero stream forever)', async () => {
    const dir = tempDir('acupress-fifo-');
    const fifo = join(dir, 'history.jsonl');
    execFileSync('mkfifo', [fifo]);
    await expect(readHistory(fifo)).rejects.toThrow(/not a regular file/);
    const zero = join(dir, 'zero.jsonl');
    symlinkSync('/dev/zero', zero);
    await expect(readHistory(zero)).rejects.toThrow(/not a regular file/);
  });
});

describe('calendar', () => {
  it('writes ISO 8601 with the local offset', () => {
    const t = Date.UTC(2025, 2, 1, 8, 30, 0, 123);
    expect(isoLocal(t, 60)).toBe('2025-03-01T09:30:00.123+01:00');
    expect(isoLocal(t, -330)).toBe('2025-03-01T03:00:00.123-05:30');
    expect(isoLocal(t, 0)).toBe('2025-03-01T08:30:00.123+00:00');
    expect(isoLocal(t, -0)).toBe('2025-03-01T08:30:00.123+00:00');
    // The written stamp names the same instant.
    expect(Date.parse(isoLocal(t, 345))).toBe(t);
  });

  it('knows real dates from impossible ones', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-02-29')).toBe(dayNumber('2024-02-28') + 1);
    expect(dayNumber('2025-02-29')).toBeNaN();
    expect(dayNumber('2025-13-01')).toBeNaN();
  });

  const now = Date.UTC(2025, 2, 10, 12, 0); // 13:00 at +01:00
  it.each([
    ['7d', now - 7 * D], ['2w', now - 14 * D], ['12h', now - 12 * H], ['1D', now - D],
    ['2025-03-01', Date.UTC(2025, 1, 28, 23, 0)], // local midnight at +01:00
    ['2025-03-01T09:00', Date.UTC(2025, 2, 1, 8, 0)],
    ['2025-03-01 09:00:30', Date.UTC(2025, 2, 1, 8, 0, 30)],
    ['2025-03-01T09:00:00Z', Date.UTC(2025, 2, 1, 9, 0)],
    ['2025-03-01T09:00:00+05:30', Date.UTC(2025, 2, 1, 3, 30)],
    ['today', Date.UTC(2025, 2, 9, 23, 0)], ['yesterday', Date.UTC(2025, 2, 8, 23, 0)],
  ])('--since %s', (text, ms) => expect(parseSince(text, now, fixed(60))).toEqual({ ms }));

  it.each(['7', 'last week', '2025-02-30', '2025-03-01T25:00', '-7d', '7 days', ''])('--since %j is refused', (text) => {
    expect(parseSince(text, now, fixed(60))).toHaveProperty('error');
  });

  it('finds local midnight across a daylight-saving change', () => {
    // A zone at +01:00 that moves to +02:00 at 2025-03-30T01:00Z (as Europe/Berlin does).
    const change = Date.UTC(2025, 2, 30, 1, 0);
    const berlin = (ms: number) => (ms >= change ? 120 : 60);
    expect(startOfDay('2025-03-30', berlin)).toBe(Date.UTC(2025, 2, 29, 23, 0));
    expect(startOfDay('2025-03-31', berlin)).toBe(Date.UTC(2025, 2, 30, 22, 0));
    expect(today(Date.UTC(2025, 2, 30, 22, 30), berlin)).toBe('2025-03-31');
  });
});

describe('ratings', () => {
  it.each([['0', 0], ['10', 10], [' 7 ', 7], ['07', 7]])('%j is %i', (t, v) => expect(parseRating(t)).toEqual({ value: v }));
  it.each(['11', '-1', '3.5', 'seven', '', '1e1', '100'])('%j is refused with what was expected', (t) => {
    expect(parseRating(t)).toEqual({ error: expect.stringMatching(/^expected a whole number from 0 \(none\) to 10 \(worst\), got "/) });
  });
});

describe('records', () => {
  const timeline: Timeline = {
    routine: 'r', title: 'R', total_ms: 10_000, points: ['LI4', 'CV17'],
    phases: [
      { index: 0, kind: 'locate', step: 0, point: 'LI4', side: 'left', offset_ms: 0, duration_ms: 1000, text: 'x' },
      { index: 1, kind: 'hold', step: 0, point: 'LI4', side: 'left', offset_ms: 1000, duration_ms: 1000, text: 'x' },
      { index: 2, kind: 'hold', step: 0, point: 'LI4', side: 'right', offset_ms: 2000, duration_ms: 1000, text: 'x' },
      { index: 3, kind: 'locate', step: 1, point: 'CV17', side: 'center', offset_ms: 3000, duration_ms: 1000, text: 'x' },
      { index: 4, kind: 'hold', step: 1, point: 'CV17', side: 'center', offset_ms: 4000, duration_ms: 6000, text: 'x' },
    ],
  };

  it('points worked: a side whose hold ran to its end; partly, one whose hold ran at least half before it was cut short', () => {
    const none = { points: [], partly: [] };
    // Locating is not working a point, nor is a hold skipped at once or cut short before half.
    expect(pointsWorked(timeline, { ranThrough: [0], cutShort: [] })).toEqual(none);
    expect(pointsWorked(timeline, { ranThrough: [0], cutShort: [[1, 0]] })).toEqual(none);
    expect(pointsWorked(timeline, { ranThrough: [0], cutShort: [[1, 499]] })).toEqual(none);
    expect(pointsWorked(timeline, { ranThrough: [0], cutShort: [[1, 500]] })).toEqual({ points: [], partly: [{ point: 'LI4', sides: ['left'] }] });
    expect(pointsWorked(timeline, { ranThrough: [0, 1], cutShort: [[2, 999]] })).toEqual({ points: [{ point: 'LI4', sides: ['left'] }], partly: [{ point: 'LI4', sides: ['right'] }] });
    // Cut short, then gone back to and held through: worked.
    expect(pointsWorked(timeline, { ranThrough: [0, 1, 2], cutShort: [[1, 600], [2, 100]] })).toEqual({ points: [{ point: 'LI4', sides: ['left', 'right'] }], partly: [] });
    // A midline point has no sides; 3 s of its 6 s hold is half.
    expect(pointsWorked(timeline, { ranThrough: [0, 1, 2, 3, 4], cutShort: [] })).toEqual({ points: [{ point: 'LI4', sides: ['left', 'right'] }, { point: 'CV17', sides: [] }], partly: [] });
    expect(pointsWorked(timeline, { ranThrough: [0, 1, 2, 3], cutShort: [[4, 3000]] }).partly).toEqual([{ point: 'CV17', sides: [] }]);
  });

  it('a session record is a valid line, with the signal and the before rating when there are', () => {
    const start = Date.UTC(2025, 2, 1, 8, 0);
    const rec = sessionRecord(timeline, { type: 'end', completed: false, reason: 'interrupted', elapsed_ms: 2500, signal: 'SIGINT' }, { ranThrough: [0, 1], cutShort: [[2, 500]] }, {
      session: sessionId(start, () => 0.5), kind: 'routine', target: 'r', startMs: start, endMs: start + 2600, startOffset: 60, endOffset: 60, conditions: ['pregnancy'], before: 7,
    });
    expect(historyLineSchema.parse(JSON.parse(JSON.stringify(rec)))).toEqual(rec);
    expect(rec).toMatchObject({ start: '2025-03-01T09:00:00.000+01:00', end: '2025-03-01T09:00:02.600+01:00', planned_ms: 10_000, active_ms: 2500, completed: false, reason: 'interrupted', signal: 'SIGINT', before: 7, conditions: ['pregnancy'] });
    expect(Object.keys(rec)).toEqual(['type', 'v', 'session', 'start', 'end', 'kind', 'target', 'title', 'planned_ms', 'active_ms', 'completed', 'reason', 'signal', 'points', 'partly', 'conditions', 'before']);
    expect(rec).toMatchObject({ points: [{ point: 'LI4', sides: ['left'] }], partly: [{ point: 'LI4', sides: ['right'] }] });
    expect(rec.session).toMatch(/^[0-9a-z]+-iiii$/);
  });

  it('rejects lines that are not records, and reads lines from a newer version', () => {
    const ok = session('2025-03-01T09:00:00.000+01:00');
    expect(historyLineSchema.safeParse({ ...ok, v: 2, mood: 'new field' }).success).toBe(true);
    for (const start of ['2025-03-01T09:00:00+01:00', '2025-03-01T09:00:00Z', '2024-02-29T23:59:59.5-05:30', '2025-03-01T00:00:00.123456+14:00']) {
      expect(historyLineSchema.safeParse({ ...ok, start }).success, start).toBe(true);
    }
    for (const bad of [{ ...ok, start: '2025-03-01 09:00' }, { ...ok, start: '2025-02-30T09:00:00+01:00' }, { ...ok, before: 11 }, { ...ok, reason: 'bored' }, { ...ok, active_ms: -1 }, { ...ok, type: 'note' }, 42, null, []]) {
      expect(historyLineSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('folding, filters and stats', () => {
  const a = session('2025-03-01T09:00:00.000+01:00', { before: 7 });
  const b = session('2025-03-02T09:00:00.000+01:00', { target: 'LI4', kind: 'point', title: 'LI4 Hegu', completed: false, reason: 'quit', active_ms: 20_000 });
  const c = session('2025-03-03T09:00:00.000+01:00', { before: 6, after: 5 });

  it('folds the latest after-rating into its session, and reports orphans and duplicates', () => {
    const { sessions, bad } = foldHistory(numbered([a, b, ratingLine(a.session, 4, at('2025-03-01T10:00:00Z'), 0), ratingLine(a.session, 3, at('2025-03-01T11:00:00Z'), 0), ratingLine('nope', 1, 0, 0), a, c]));
    expect(sessions.map((s) => [s.target, s.after])).toEqual([['headache', 3], ['LI4', undefined], ['headache', 5]]);
    expect(bad).toEqual([{ line: 5, message: 'a rating of session "nope", which is not in the log' }, { line: 6, message: `a second session with id "${a.session}"` }]);
    expect(a.after).toBeUndefined(); // folding copies; the parsed line is left as read
  });

  it('selects newest first, by --since and by target', () => {
    expect(selectSessions([a, b, c]).map((s) => s.start.slice(0, 10))).toEqual(['2025-03-03', '2025-03-02', '2025-03-01']);
    expect(selectSessions([a, b, c], { sinceMs: at('2025-03-02T09:00:00+01:00') })).toEqual([c, b]);
    expect(selectSessions([a, b, c], { targets: new Set(['LI4']) })).toEqual([b]);
  });

  it('works out per-routine figures and the mean change, with how many ratings are behind it', () => {
    const { sessions } = foldHistory(numbered([a, b, c, ratingLine(a.session, 3, 0, 0)]));
    const st = stats(selectSessions(sessions));
    expect(st).toMatchObject({ sessions: 3, active_ms: 140_000, completed: 2 });
    expect(st.routines).toEqual([
      { target: 'headache', kind: 'routine', title: 'Headache relief', sessions: 2, active_ms: 120_000, completed: 2, completed_share: 1, rated: 2, mean_before: 6.5, mean_after: 4, mean_change: -2.5, enough: false, last: c.start },
      { target: 'LI4', kind: 'point', title: 'LI4 Hegu', sessions: 1, active_ms: 20_000, completed: 0, completed_share: 0, rated: 0, mean_before: null, mean_after: null, mean_change: null, enough: false, last: b.start },
    ]);
    const many = Array.from({ length: MIN_RATED }, (_, i) => session(`2025-03-0${i + 1}T09:00:00.000+01:00`, { before: 5, after: i }));
    expect(stats(many).routines[0]).toMatchObject({ rated: MIN_RATED, mean_change: -3, enough: true });
  });

  it('counts the current streak of local days, through today or yesterday', () => {
    const offset = fixed(60);
    const days = ['2025-03-01', '2025-03-03', '2025-03-04', '2025-03-05'].map((d) => session(`${d}T23:30:00.000+01:00`));
    expect(streak(days, at('2025-03-05T12:00:00+01:00'), offset)).toEqual({ days: 3, through: '2025-03-05' });
    expect(streak(days, at('2025-03-06T12:00:00+01:00'), offset)).toEqual({ days: 3, through: '2025-03-05' });
    expect(streak(days, at('2025-03-07T00:30:00+01:00'), offset)).toEqual({ days: 0, through: null });
    expect(streak([], 0, offset)).toEqual({ days: 0, through: null });
    // A session's day is where it was run: 23:30 at +01:00 is 22:30 UTC the same day.
    expect(streak([session('2025-03-01T23:30:00.000+01:00')], at('2025-03-01T23:45:00+01:00'), offset).days).toBe(1);
  });
});

describe('history.jsonl', () => {
  const tmp = () => tempDir('acupress-state-');

  it('lives in $XDG_STATE_HOME/acupress, or ~/.local/state/acupress (a relative XDG path is ignored)', () => {
    expect(historyPath({ HOME: '/h', XDG_STATE_HOME: '/s' })).toBe('/s/acupress/history.jsonl');
    expect(historyPath({ HOME: '/h' })).toBe('/h/.local/state/acupress/history.jsonl');
    expect(stateDir({ HOME: '/h', XDG_STATE_HOME: 'rel' })).toBe('/h/.local/state/acupress');
    expect(() => historyPath({})).toThrow(/HOME is not set/);
  });

  it('appends one line per record to a private file, and reads them back', async () => {
    const path = join(tmp(), 'deep', 'acupress', 'history.jsonl');
    const s = session('2025-03-01T09:00:00.000+01:00');
    appendHistory(path, s);
    appendHistory(path, ratingLine(s.session, 3, 0, 0));
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
    const r = await readHistory(path);
    expect(r).toMatchObject({ bad: [], missing: false });
    expect(r.lines.map((l) => [l.line, l.value.type])).toEqual([[1, 'session'], [2, 'rating']]);
  });

  it('starts a record on a new line when the file ends mid-line, and never rewrites what is there', async () => {
    const path = join(tmp(), 'history.jsonl');
    const s = session('2025-03-01T09:00:00.000+01:00');
    writeFileSync(path, `${JSON.stringify(s)}\n{"type":"session","v":1,"sess`);
    const before = readFileSync(path, 'utf8');
    appendHistory(path, session('2025-03-02T09:00:00.000+01:00'));
    const after = readFileSync(path, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const r = await readHistory(path);
    expect(r.lines.map((l) => l.line)).toEqual([1, 3]);
    expect(r.bad).toEqual([{ line: 2, message: 'not valid JSON' }]);
  });

  it('reports each bad line with its number and why, and skips blank lines', async () => {
    const path = join(tmp(), 'history.jsonl');
    const s = session('2025-03-01T09:00:00.000+01:00');
    writeFileSync(path, [JSON.stringify(s), '', 'garbage', JSON.stringify({ ...s, before: 12 }), JSON.stringify({ type: 'mood' }), `"${'x'.repeat(70_000)}"`, '[]', JSON.stringify(s).replace('"session"', '"session" ')].join('\n'));
    const r = await readHistory(path);
    expect(r.lines.map((l) => l.line)).toEqual([1, 8]);
    expect(r.bad.map((b) => b.line)).toEqual([3, 4, 5, 6, 7]);
    expect(r.bad[1]!.message).toMatch(/^before: expected a rating from 0 to 10/);
    expect(r.bad[2]!.message).toMatch(/expected "type" to be "session" or "rating"/);
    expect(r.bad[3]!.message).toMatch(/too long to be a record/);
  });

  it('reads lines across chunk boundaries, CRLF endings, a last line without a newline, and a huge line streamed past', async () => {
    const path = join(tmp(), 'history.jsonl');
    const s = (d: number) => JSON.stringify(session(`2025-03-${String(d).padStart(2, '0')}T09:00:00.000+01:00`));
    // 3,000 sessions make several 1 MiB chunks; one line of 3 MiB (bigger than a chunk) sits among them.
    const body = Array.from({ length: 3000 }, (_, i) => s((i % 28) + 1).replace('"session":"s-', `"session":"n${i}-`));
    body.splice(1500, 0, `{"x":"${'y'.repeat(3 * 1024 * 1024)}"}`);
    writeFileSync(path, `${body.join('\r\n')}\r\n${s(1).replace('"session":"s-', '"session":"last-')}`);
    const r = await readHistory(path);
    expect(r.lines).toHaveLength(3001);
    expect(r.lines.at(-1)!.line).toBe(3002);
    expect(r.bad).toEqual([{ line: 1501, message: 'a line longer than 64 KiB, too long to be a record' }]);
  });

  it('a missing log is empty; clearing removes it, and clearing nothing is fine', async () => {
    const dir = tmp();
    const path = join(dir, 'history.jsonl');
    expect(await readHistory(path)).toEqual({ lines: [], bad: [], missing: true });
    mkdirSync(dir, { recursive: true });
    appendFileSync(path, '\n');
    clearHistory(path);
    clearHistory(path);
    expect(await readHistory(path)).toMatchObject({ missing: true });
  });

  it('throws at once where a directory cannot be made, even under /proc (where recursive mkdir spins)', () => {
    expect(() => appendHistory('/proc/acupress-no/acupress/history.jsonl', session('2025-03-01T09:00:00.000+01:00'))).toThrow(/ENOENT|EACCES|EROFS/);
  });

  it('throws when the directory cannot be written (the caller warns)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'acupress'), 'a file where the directory should be');
    expect(() => appendHistory(join(dir, 'acupress', 'history.jsonl'), session('2025-03-01T09:00:00.000+01:00'))).toThrow(/EEXIST|ENOTDIR/);
  });

  it('refuses a FIFO or a link to /dev/null or /dev/zero where the log should be, at once, writing nothing', () => {
    const dir = tmp();
    mkdirSync(dir, { recursive: true });
    const fifo = join(dir, 'fifo.jsonl');
    execFileSync('mkfifo', [fifo]);
    symlinkSync('/dev/null', join(dir, 'null.jsonl'));
    symlinkSync('/dev/zero', join(dir, 'zero.jsonl'));
    // A FIFO with no reader: a blocking open would hang here, and a read-write one swallow the record.
    for (const name of ['fifo.jsonl', 'null.jsonl', 'zero.jsonl']) {
      expect(() => appendHistory(join(dir, name), session('2025-03-01T09:00:00.000+01:00'))).toThrow(/^not a regular file \(a pipe or a device is in its place\)$/);
    }
    const f = fakeIo({ HOME: dir, XDG_STATE_HOME: dir });
    mkdirSync(join(dir, 'acupress'));
    symlinkSync('/dev/null', join(dir, 'acupress', 'history.jsonl'));
    expect(tryAppend(f.io, session('2025-03-01T09:00:00.000+01:00'))).toBe(false);
    expect(f.stderr.text()).toBe(`warning: could not write the session log ${join(dir, 'acupress', 'history.jsonl')} (not a regular file (a pipe or a device is in its place)); the session is not logged\n`);
  });

  describe('a write that fails part-way (a full disk, a size limit) never costs another run its bytes', () => {
    /**
     * node:fs, but the append's record goes in `cut` bytes at a time and fails with ENOSPC after the
     * first piece; `between` runs after that piece is written (another run appending, say).
     */
    function failingFs(cut: number, between: () => void = () => undefined): AppendFs {
      let appendFd: number | undefined;
      return {
        ...realFs,
        openSync: ((path: string, flags: number, mode?: number) => {
          const fd = realFs.openSync(path, flags, mode);
          if (flags & constants.O_APPEND) appendFd = fd;
          return fd;
        }) as AppendFs['openSync'],
        writeSync: ((fd: number, buf: Buffer, offset?: number, length?: number, position?: number | null) => {
          if (fd !== appendFd) return realFs.writeSync(fd, buf, offset, length, position);
          if (offset !== 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          const n = realFs.writeSync(fd, buf, 0, cut);
          between();
          return n;
        }) as AppendFs['writeSync'],
      };
    }
    const first = session('2025-03-01T09:00:00.000+01:00');
    const second = session('2025-03-02T09:00:00.000+01:00');
    const other = `${JSON.stringify(session('2025-03-03T09:00:00.000+01:00'))}\n`;

    it('alone, its piece is blanked out in place: a blank line readers skip, and the log reads clean', async () => {
      const path = join(tmp(), 'history.jsonl');
      appendHistory(path, first);
      const before = readFileSync(path, 'utf8');
      expect(() => appendHistory(path, second, failingFs(40))).toThrow(/ENOSPC/);
      expect(readFileSync(path, 'utf8')).toBe(`${before}${' '.repeat(39)}\n`);
      appendHistory(path, second);
      const r = await readHistory(path);
      expect(r.bad).toEqual([]);
      expect(r.lines.map((l) => [l.line, (l.value as Session).start])).toEqual([[1, first.start], [3, second.start]]);
    });

    it('with another run appending after its piece, the other run\'s record is left whole (no cut at the end)', async () => {
      const path = join(tmp(), 'history.jsonl');
      appendHistory(path, first);
      const before = readFileSync(path, 'utf8');
      const piece = JSON.stringify(second).slice(0, 40);
      expect(() => appendHistory(path, second, failingFs(40, () => appendFileSync(path, other)))).toThrow(/ENOSPC/);
      // Where its own bytes are cannot be known for sure, so they stay: the reader reports that line.
      expect(readFileSync(path, 'utf8')).toBe(`${before}${piece}${other}`);
      expect((await readHistory(path)).bad).toEqual([{ line: 2, message: 'not valid JSON' }]);
    });

    it('a log that is a symlink (a dotfiles setup) is blanked out in the file it points to', async () => {
      const dir = tmp();
      const real = join(dir, 'real.jsonl');
      const path = join(dir, 'history.jsonl');
      writeFileSync(real, '');
      symlinkSync(real, path);
      appendHistory(path, first);
      const before = readFileSync(real, 'utf8');
      expect(() => appendHistory(path, second, failingFs(40))).toThrow(/ENOSPC/);
      expect(readFileSync(real, 'utf8')).toBe(`${before}${' '.repeat(39)}\n`);
      expect((await readHistory(path)).bad).toEqual([]);
    });

    it('a file put in the log\'s place meanwhile is not written to', () => {
      const dir = tmp();
      const path = join(dir, 'history.jsonl');
      appendHistory(path, first);
      const before = readFileSync(path, 'utf8');
      // The log is moved aside and a new file made at its name after the piece is written.
      expect(() => appendHistory(path, second, failingFs(40, () => {
        renameSync(path, join(dir, 'moved.jsonl'));
        writeFileSync(path, 'x'.repeat(before.length + 40));
      }))).toThrow(/ENOSPC/);
      expect(readFileSync(path, 'utf8')).toBe('x'.repeat(before.length + 40));
      expect(readFileSync(join(dir, 'moved.jsonl'), 'utf8')).toBe(`${before}${JSON.stringify(second).slice(0, 40)}`);
    });
  });

  it('says "a directory" when a directory is where the log should be', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'history.jsonl'), { recursive: true });
    await expect(readHistory(join(dir, 'history.jsonl'))).rejects.toThrow(/^not a regular file \(a directory is in its place\)$/);
  });
});
