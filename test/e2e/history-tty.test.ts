// `run --rate` and `history --clear` in a real terminal: tmux drives the built CLI and reads the screen.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, routineObj, tempDir, tempTree } from '../helpers.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `acupress-history-${process.pid}`;
let n = 0;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = (s: string) => tmux('capture-pane', '-p', '-J', '-t', s);
const keys = (s: string, ...k: string[]) => tmux('send-keys', '-t', s, ...k);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait until the screen matches, or fail with what it showed (generous: the machine may be busy). */
async function waitFor(s: string, re: RegExp, ms = 20_000): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    last = screen(s);
    if (re.test(last)) return last;
    await sleep(100);
  }
  throw new Error(`screen never matched ${re}:\n${last}`);
}

/** A terminal with a profile already saved (no first-run questions) and its own state directory. */
function terminal() {
  const home = tempDir('acupress-tty-');
  mkdirSync(join(home, '.config/acupress'), { recursive: true });
  writeFileSync(join(home, '.config/acupress/profile.yaml'), 'conditions: []\n');
  const name = `h${++n}`;
  // A tmux server still shutting down from the last test can refuse a new session; retry.
  for (let attempt = 1; ; attempt++) {
    try {
      tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '30', `env -u CI HISTFILE=/dev/null LESSHISTFILE=- fish_history= HOME=${home} XDG_CONFIG_HOME=${home}/.config XDG_STATE_HOME=${home}/state PS1='$ ' TERM=xterm-256color bash --norc --noprofile`);
      break;
    } catch (e) {
      if (attempt >= 5) throw e;
      execFileSync('sleep', ['0.2']);
    }
  }
  return { name, log: join(home, 'state/acupress/history.jsonl'), run: (args: string) => keys(name, `clear; node ${BIN} ${args}; echo EXIT=$?`, 'Enter') };
}

const data = tempTree({ 'routines/tiny.yaml': routineObj({ id: 'tiny', title: 'Tiny', timing: { locate: '1s', ramp: '1s', hold: '1s', release: '1s', rounds: 1 }, steps: [{ press: 'LI4', sides: 'left' }, { rest: '1s' }] }) });

describe.skipIf(!hasTmux)('session log in a terminal', { timeout: 90_000 }, () => {
  afterEach(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('run --rate asks before the first phase and at the end, refuses 12, and logs both ratings', async () => {
    const t = terminal();
    t.run(`run tiny --data ${data} --rate --no-tips`);
    await waitFor(t.name, /How strong is your discomfort now, 0 \(none\) to 10 \(worst\)\? Enter or Esc skips:/);
    keys(t.name, '12', 'Enter');
    await waitFor(t.name, /a whole number from 0 to 10, or Enter to skip/);
    keys(t.name, 'BSpace', 'BSpace', '7', 'Enter');
    await waitFor(t.name, /(LOCATE|RAMP|HOLD|RELEASE|REST) \d:\d\d/);
    await waitFor(t.name, /Done: Tiny[\s\S]*And how strong is your discomfort now, 0 to 10\? Enter or Esc skips:/);
    keys(t.name, '3', 'Enter');
    // One line says what was recorded.
    await waitFor(t.name, /\nRecorded: tiny, before 7, after 3 \(−4\)\.\nEXIT=0/);
    const lines = readFileSync(t.log, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({ type: 'session', target: 'tiny', completed: true, before: 7 }),
      expect.objectContaining({ type: 'rating', session: lines[0].session, after: 3 }),
    ]);
    t.run('history');
    await waitFor(t.name, /WHEN +DONE +RATING +ID +TITLE\n.* 0:05 of 0:05 +7 → 3 \(−4\) +tiny +Tiny/);
  });

  it('Esc (as at every other question) or Enter skips each question; the session is still logged, without ratings', async () => {
    const t = terminal();
    t.run(`run tiny --data ${data} --rate --no-tips`);
    await waitFor(t.name, /How strong is your discomfort now/);
    keys(t.name, 'Escape');
    await waitFor(t.name, /And how strong is your discomfort now/);
    keys(t.name, 'Enter');
    await waitFor(t.name, /\nRecorded: tiny, no ratings\.\nEXIT=0/);
    const [session, ...rest] = readFileSync(t.log, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rest).toEqual([]);
    expect(session).not.toHaveProperty('before');
  });

  it('history --clear asks, keeps the log on "no", and deletes it on "yes"', async () => {
    const t = terminal();
    t.run(`run tiny --data ${data} --plain --no-tips`);
    await waitFor(t.name, /EXIT=0/);
    t.run('history --clear');
    // inquirer wraps the question itself, so any whitespace may be a line break.
    await waitFor(t.name, /Delete the session log \(1 session in [^)]+\)\?\s+This\s+cannot\s+be\s+undone\.\s+\(y\/N\)/);
    keys(t.name, 'Enter');
    await waitFor(t.name, /Kept the session log\.\nEXIT=0/);
    expect(existsSync(t.log)).toBe(true);
    // Esc leaves it as it leaves every other question: the log is kept, the question goes.
    t.run('history --clear');
    await waitFor(t.name, /\(y\/N\)/);
    keys(t.name, 'Escape');
    const left = await waitFor(t.name, /Kept the session log\.\nEXIT=0/);
    expect(left).not.toMatch(/Delete the session log/);
    expect(existsSync(t.log)).toBe(true);
    t.run('history --clear');
    await waitFor(t.name, /\(y\/N\)/);
    keys(t.name, 'y', 'Enter');
    await waitFor(t.name, /Deleted the session log \(1 session in .*\)\.\nEXIT=0/);
    expect(existsSync(t.log)).toBe(false);
  });
});
