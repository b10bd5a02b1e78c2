// The session log end to end: the built CLI, real runs, a real signal, one state directory.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyRecordSchema, statsReportSchema } from '../../src/model/json-schemas.js';
import { BIN, cli, routineObj, spawnCli, tempDir, tempTree } from '../helpers.js';

/** A user routine of 1 s phases: locate, ramp, hold and release on LI4 (left), then a 1 s rest. */
const data = tempTree({ 'routines/tiny.yaml': routineObj({ id: 'tiny', title: 'Tiny', timing: { locate: '1s', ramp: '1s', hold: '1s', release: '1s', rounds: 1 }, steps: [{ press: 'LI4', sides: 'left' }, { rest: '1s' }] }) });

/** One person's machine: a home and a state directory shared by every command below. */
function machine() {
  const home = tempDir('acupress-home-');
  const env = { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_STATE_HOME: join(home, 'state') };
  const log = join(home, 'state', 'acupress', 'history.jsonl');
  return { env, log, acupress: (...args: string[]) => cli([...args], { env, cwd: home }) };
}

describe('session log', () => {
  it('two runs, one with --before 7 and then "acupress rate 3": history --json shows the ratings, stats --json a change of -4', () => {
    const m = machine();
    expect(m.acupress('run', 'tiny', '--data', data, '--plain', '--yes').code).toBe(0);
    expect(m.acupress('run', 'tiny', '--data', data, '--plain', '--yes', '--before', '7').code).toBe(0);
    const rated = m.acupress('rate', '3');
    expect(rated.code, rated.stderr).toBe(0);
    expect(rated.stdout).toMatch(/^Rated Tiny, \d{4}-\d\d-\d\d \d\d:\d\d, 0:05 of 0:05: 7 → 3 \(−4\)\.\n$/);

    const history = m.acupress('history', '--json');
    expect(history.code).toBe(0);
    const sessions = JSON.parse(history.stdout) as unknown[];
    for (const s of sessions) historyRecordSchema.parse(s);
    expect(sessions).toEqual([
      expect.objectContaining({ target: 'tiny', kind: 'routine', completed: true, reason: 'done', before: 7, after: 3, points: [{ point: 'LI4', sides: ['left'] }] }),
      expect.not.objectContaining({ before: expect.anything() }),
    ]);

    const stats = m.acupress('stats', '--json');
    const report = statsReportSchema.parse(JSON.parse(stats.stdout));
    expect(report.routines).toEqual([expect.objectContaining({ target: 'tiny', sessions: 2, completed: 2, rated: 1, mean_change: -4, enough: false })]);
    expect(report.streak.days).toBe(1);
    expect(stats.stderr).toBe('');

    const table = m.acupress('stats');
    expect(table.stdout).toMatch(/^tiny +2 +0:10 +100% +−4\.0 \(1 rated; too few\) +Tiny$/m);
  });

  /** Run tiny with --json and send SIGINT once a phase of `kind` has begun; resolves to the exit code. */
  async function interruptIn(m: ReturnType<typeof machine>, kind: string): Promise<unknown> {
    const child = spawnCli(['run', 'tiny', '--data', data, '--json'], m.env);
    let out = '';
    await new Promise<void>((resolve) => child.stdout.on('data', (d) => {
      out += d;
      if (out.includes(`"kind":"${kind}"`)) resolve();
    }));
    child.kill('SIGINT');
    return new Promise((resolve) => child.on('exit', resolve));
  }

  it('a run stopped with Ctrl-C (SIGINT) once its hold has begun is logged as interrupted', async () => {
    const m = machine();
    expect(await interruptIn(m, 'hold')).toBe(130);
    const [session] = JSON.parse(m.acupress('history', '--json').stdout);
    // Stopped early in the hold: LI4 was not worked, not even partly (docs/cli.md, "Keys and job control").
    expect(session).toMatchObject({ target: 'tiny', completed: false, reason: 'interrupted', signal: 'SIGINT', points: [] });
    expect(session.active_ms).toBeGreaterThanOrEqual(2000);
    expect(session.active_ms).toBeLessThan(5000);
    expect(m.acupress('history').stdout).toMatch(/ 0:0\d of 0:05, Ctrl-C {2}/);
  });

  it('a run stopped before its first hold is no session: history and stats leave it out, and rate attaches to the session before it', async () => {
    const m = machine();
    expect(m.acupress('run', 'tiny', '--data', data, '--plain', '--yes').code).toBe(0);
    // Ctrl-C in the ramp, a second or two in: the point was being found and pressed into, never held.
    expect(await interruptIn(m, 'ramp')).toBe(130);
    const sessions = JSON.parse(m.acupress('history', '--json').stdout);
    expect(sessions).toEqual([expect.objectContaining({ target: 'tiny', completed: true, reason: 'done' })]);
    expect(JSON.parse(m.acupress('stats', '--json').stdout)).toMatchObject({ sessions: 1, completed: 1 });
    const rated = m.acupress('rate', '3');
    expect(rated.code, rated.stderr).toBe(0);
    expect(rated.stdout).toMatch(/^Rated Tiny, .*, 0:05 of 0:05: now 3 /);
    // With nothing before it, there is nothing to rate; a rating given before it is said not to be kept.
    const fresh = machine();
    const child = spawnCli(['run', 'tiny', '--data', data, '--plain', '--before', '6'], fresh.env);
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    await new Promise<void>((resolve) => child.stdout.on('data', (d) => {
      out += d;
      if (/ramp/.test(out)) resolve();
    }));
    child.kill('SIGINT');
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(130);
    expect(err).toMatch(/^note: not logged: the run ended before its first hold, so it is no session, and the rating before it \(6\) is not kept$/m);
    expect(existsSync(fresh.log)).toBe(false);
    expect(fresh.acupress('rate', '3').code).toBe(1);
  });

  it('--dry-run and --no-history log nothing', () => {
    const m = machine();
    expect(m.acupress('run', 'tiny', '--data', data, '--dry-run').code).toBe(0);
    expect(m.acupress('run', 'tiny', '--data', data, '--plain', '--no-history').code).toBe(0);
    expect(existsSync(m.log)).toBe(false);
    const none = m.acupress('history');
    expect(none).toMatchObject({ code: 0, stdout: '', stderr: 'No sessions logged yet: each "acupress run" adds one.\n' });
    expect(m.acupress('rate', '3')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^acupress: rate: no session logged yet; rate a session within 6 h/) });
  });

  it('a corrupt line is skipped with a warning naming the file and line, and is left in the file', () => {
    const m = machine();
    expect(m.acupress('run', 'tiny', '--data', data, '--plain').code).toBe(0);
    appendFileSync(m.log, '{"type":"session","start":"yesterday"\n');
    expect(m.acupress('run', 'tiny', '--data', data, '--plain').code).toBe(0);
    const before = readFileSync(m.log, 'utf8');
    const r = m.acupress('stats', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sessions).toBe(2);
    expect(r.stderr).toBe(`warning: ${m.log}:2: not valid JSON; line skipped\n`);
    expect(readFileSync(m.log, 'utf8')).toBe(before);
  });

  it('history --json and stats --json escape the bidi overrides and other hidden characters of a hand-edited log, and round-trip them', () => {
    const m = machine();
    expect(m.acupress('run', 'tiny', '--data', data, '--plain').code).toBe(0);
    const record = JSON.parse(readFileSync(m.log, 'utf8').trim()) as Record<string, unknown>;
    // What a hand-edited log may hold: a right-to-left override, isolates, a zero-width space, a C1
    // control, a line separator, a no-break space and an invisible tag character.
    const title = 'Tiny \u202eevil\u202c \u2066x\u2069 \u200b \u0085 \u2028 \u00a0 z\u{e0041}';
    appendFileSync(m.log, `${JSON.stringify({ ...record, session: 'edited-1', title, target: '/tmp/a\u202eb.yaml', kind: 'file' })}\n`);
    for (const args of [['history', '--json'], ['stats', '--json']]) {
      const r = m.acupress(...args);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/[\u007f-\u00a0\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069]|\udb40/);
      expect(r.stdout).toContain('Tiny \\u202eevil\\u202c \\u2066x\\u2069 \\u200b \\u0085 \\u2028 \\u00a0 z\\udb40\\udc41');
      // The same strings to any JSON reader.
      const parsed = JSON.parse(r.stdout) as unknown;
      const texts = JSON.stringify(parsed);
      expect(texts).toContain(JSON.stringify(title).slice(1, -1));
    }
    const sessions = JSON.parse(m.acupress('history', '--json').stdout) as Array<{ title: string; target: string }>;
    expect(sessions.find((x) => x.title === title)?.target).toBe('/tmp/a\u202eb.yaml');
  });

  it('an unwritable state directory is one warning; the run still exits 0', () => {
    const m = machine();
    const r = cli(['run', 'tiny', '--data', data, '--plain'], { env: { ...m.env, XDG_STATE_HOME: '/proc/acupress-cannot-write-here' } });
    expect(r.code).toBe(0);
    expect(r.stderr.match(/warning/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/warning: could not write the session log \/proc\/acupress-cannot-write-here\/acupress\/history\.jsonl \(.+\); the session is not logged/);
  });

  it('bad ratings and --since values are one line and exit 2', () => {
    const m = machine();
    expect(m.acupress('rate', '11')).toMatchObject({ code: 2, stderr: 'acupress: rate: expected a whole number from 0 (none) to 10 (worst), got "11"\n' });
    expect(m.acupress('run', 'tiny', '--data', data, '--before', 'x')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^acupress: --before: expected a whole number from 0 \(none\) to 10 \(worst\), got "x"\n$/) });
    expect(m.acupress('stats', '--since', 'soon')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^acupress: --since: expected a date .* got "soon"\n$/) });
    expect(m.acupress('history', 'extra')).toMatchObject({ code: 2 });
  });
  it('a rating that the disk cannot take is blanked out: no half line, one line saying why, exit 2', () => {
    const m = machine();
    expect(m.acupress('run', 'tiny', '--data', data, '--plain', '--yes').code).toBe(0);
    // Fill the log to 40 bytes short of an 8 KiB file size limit (blank lines are no records):
    // the rating's write gets 40 bytes in, then EFBIG, as on a disk that fills up mid-write.
    appendFileSync(m.log, `${' '.repeat(8192 - statSync(m.log).size - 41)}\n`);
    const before = readFileSync(m.log, 'utf8');
    const r = spawnSync('bash', ['-c', 'ulimit -f 8 && exec "$0" "$@"', process.execPath, BIN, 'rate', '3'], { env: { PATH: process.env.PATH, ...m.env }, encoding: 'utf8' });
    expect(r.stderr).toBe(`warning: could not write the session log ${m.log} (file too large); the rating is not logged\n`);
    expect(r.status).toBe(2);
    // Its 40 bytes are overwritten in place with a blank line (never cut off: another run may
    // have appended since), which the reader skips without a word.
    expect(readFileSync(m.log, 'utf8')).toBe(`${before}${' '.repeat(39)}\n`);
    expect(m.acupress('history')).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('a title of your own with invisible characters', () => {
  it('is escaped wherever it reaches the terminal: list, show, the run header and summary, history, stats, rate, the dry run', () => {
    const hidden = 'Tiny\u200b \u200cwith\u200d hidden\u2060 \ufeffmarks';
    const seen = 'Tiny\\u200b \\u200cwith\\u200d hidden\\u2060 \\ufeffmarks';
    const zw = tempTree({ 'routines/zw.yaml': routineObj({ id: 'zw', title: hidden, timing: { locate: '1s', ramp: '1s', hold: '1s', release: '1s', rounds: 1 }, steps: [{ press: 'LI4', sides: 'left' }] }) });
    const m = machine();
    const raw = /[\u200b-\u200d\u2060\ufeff]/;
    const outputs = [
      m.acupress('list', '--data', zw), m.acupress('show', 'zw', '--data', zw), m.acupress('run', 'zw', '--data', zw, '--dry-run'),
      m.acupress('run', 'zw', '--data', zw, '--plain', '--yes', '--no-tips', '--before', '5'),
      m.acupress('history'), m.acupress('stats'), m.acupress('rate', '3'),
    ];
    for (const r of outputs) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(raw);
    }
    const [list, show, dry, run, history, stats, rate] = outputs.map((r) => r.stdout);
    expect(list).toContain(seen);
    expect(show!.split('\n')[0]).toBe(`${seen}  (zw)`);
    expect(dry!.split('\n').find((l) => l.includes('(dry run)'))).toMatch(/^Tiny\\u200b \\u200cwith/);
    expect(run).toMatch(new RegExp(`^${seen.replace(/\\/g, '\\\\')} · `, 'm'));
    expect(run).toContain(`Done: ${seen}, 0:04.`);
    expect(history).toContain('Tiny\\u200b');
    expect(stats).toContain('Tiny\\u200b');
    expect(rate).toContain(`Rated ${seen}, `);
    // JSON keeps the title as data: the same characters, written as JSON escapes.
    expect(JSON.parse(m.acupress('list', '--data', zw, '--json').stdout).find((r: { id: string }) => r.id === 'zw').title).toBe(hidden);
  });
});

describe('free text of your own with invisible characters', () => {
  it('summary, tips, who should not use it, cues and a massage area are escaped in show, run (dry and plain) and check, and kept as data in --json', () => {
    const zw = tempTree({ 'routines/zw.yaml': routineObj({
      id: 'zw', summary: 'Sum\u200bmary with \u2060joiner.', tips: ['Tip\u200b here.'], contraindications: ['Not\u200b for you.'],
      timing: { locate: '1s', ramp: '1s', hold: '1s', release: '1s', rounds: 1 },
      steps: [{ press: 'LI4', sides: 'left', cue: 'Cue\u200b press.' }, { massage: 'the hand\u200b', region: 'hand', duration: '2s', cue: 'Rub\u200b it.' }],
    }) });
    const m = machine();
    const raw = /[\u200b\u2060]/;
    const [show, dry, run, check] = [
      m.acupress('show', 'zw', '--data', zw, '--no-figure'), m.acupress('run', 'zw', '--data', zw, '--dry-run'),
      m.acupress('run', 'zw', '--data', zw, '--plain', '--yes', '--before', '5'), m.acupress('check', 'zw', '--data', zw),
    ];
    for (const r of [show, dry, run, check]) {
      expect(r!.code, r!.stderr).toBe(0);
      expect(r!.stdout + r!.stderr).not.toMatch(raw);
    }
    expect(show!.stdout).toContain('Sum\\u200bmary with \\u2060joiner.');
    for (const text of ['Cue\\u200b press.', 'massage the hand\\u200b', 'Rub\\u200b it.', 'Not\\u200b for you.', 'Tip\\u200b here.']) expect(show!.stdout).toContain(text);
    // The notes before a run and each phase's cue, dry and live.
    for (const r of [dry, run]) for (const text of ['Not\\u200b for you.', 'Tip\\u200b here.', 'Cue\\u200b press.', 'Rub\\u200b it.']) expect(r!.stdout + r!.stderr).toContain(text);
    for (const text of ['Not\\u200b for you.', 'Tip\\u200b here.']) expect(check!.stdout).toContain(text);
    // JSON keeps the text as data: the same characters, written as JSON escapes.
    const json = m.acupress('check', 'zw', '--data', zw, '--json').stdout;
    expect(json).toContain('Tip\\u200b here.');
    expect(JSON.parse(json).tips[0].text).toBe('Tip\u200b here.');
  });
});
