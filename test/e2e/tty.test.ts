// Pseudo-terminal tests: drive the real CLI inside tmux and look at the screen.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `acupress-test-${process.pid}`;
let n = 0;
let lastHome = '';

function tmux(...args: string[]): string {
  // stderr is captured (and shown in a failure), not echoed into the test run's output.
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * Start `acupress <args>` in a fresh tmux session running bash; returns the session name. 100x36:
 * headache's notes (its contraindications, then its red flags) stay above the live view without a hold.
 */
function session(args: string, opts: { profile?: boolean | string } = {}, cols = 100, rows = 36): string {
  const name = `s${++n}`;
  const home = tempDir('acupress-tty-');
  // Most tests skip the first-run safety questions by having a profile already.
  if (opts.profile !== false) {
    mkdirSync(join(home, '.config/acupress'), { recursive: true });
    writeFileSync(join(home, '.config/acupress/profile.yaml'), typeof opts.profile === 'string' ? opts.profile : 'conditions: []\n');
  }
  lastHome = home;
  const env = `env -u CI HISTFILE=/dev/null LESSHISTFILE=- fish_history= HOME=${home} XDG_CONFIG_HOME=${home}/.config PS1='$ ' TERM=xterm-256color`;
  // A tmux server that is still shutting down from the last test can refuse a new session; retry.
  for (let attempt = 1; ; attempt++) {
    try {
      tmux('new-session', '-d', '-s', name, '-x', String(cols), '-y', String(rows), `${env} bash --norc --noprofile`);
      break;
    } catch (e) {
      if (attempt >= 5) throw e;
      execFileSync('sleep', ['0.2']);
    }
  }
  tmux('send-keys', '-t', name, `node ${BIN} ${args}; echo EXIT=$?`, 'Enter');
  return name;
}

/** The visible screen, or with `history` the scrollback above it too. */
const screen = (s: string, history = false) => tmux('capture-pane', '-p', ...(history ? ['-S', '-'] : []), '-t', s);
const keys = (s: string, ...k: string[]) => tmux('send-keys', '-t', s, ...k);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait until the screen (with `history`, the scrollback too) matches, or fail with what it showed. */
async function waitFor(s: string, re: RegExp, ms = 8000, history = false): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    last = screen(s, history);
    if (re.test(last)) return last;
    await sleep(100);
  }
  throw new Error(`screen never matched ${re}:\n${last}`);
}

describe.skipIf(!hasTmux)('in a real terminal', () => {
  afterEach(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('with no arguments the picker lists routines, and choosing one starts it', async () => {
    const s = session('');
    // The choices come a moment after the question (the search prompt loads them).
    await waitFor(s, /Which routine\?[\s\S]*\(\d+:\d\d\)/);
    keys(s, 'Enter');
    await waitFor(s, /Start now/);
    keys(s, 'Enter');
    // The first choice's notes (low-back's contraindications and red flags) may not fit above the
    // view: then the run waits for space, as it does for any routine whose notes are long.
    const first = await waitFor(s, /(LOCATE|MASSAGE|REST) \d:\d\d|^space starts the run · q quit$/m);
    if (/space starts the run/.test(first)) keys(s, ' ');
    await waitFor(s, /(LOCATE|MASSAGE|REST) \d:\d\d/);
    keys(s, 'q');
    await waitFor(s, /EXIT=0/);
  });

  it('the picker searches ids, titles, tags and aliases as you type', async () => {
    const s = session('');
    await waitFor(s, /Which routine\?/);
    keys(s, '-l', 'desk');
    // The best match comes first and is the one Enter chooses.
    const shown = await waitFor(s, /desk\s*\n❯ Two-minute desk break/);
    expect(shown).not.toMatch(/Digestion/);
    keys(s, 'Enter');
    await waitFor(s, /Start now/);
    keys(s, 'C-c');
    await waitFor(s, /EXIT=\d+/);
  });

  it.each([['Escape'], ['q']])('%s leaves the picker with exit 0 and a note', async (key) => {
    const s = session('');
    await waitFor(s, /Which routine\?/);
    keys(s, key);
    const shown = await waitFor(s, /EXIT=\d+/);
    expect(shown).toMatch(/No routine chosen\.\s*\n\s*EXIT=0/);
  });

  it('with a pregnancy profile the picker starts on a safe routine, and a marked one offers to skip its steps', async () => {
    const s = session('run --no-tips', { profile: 'conditions:\n  - pregnancy\ntips_seen: true\n' });
    const shown = await waitFor(s, /Which routine\?[\s\S]*\(\d+:\d\d\)/);
    expect(shown.replace(/\s+/g, ' ')).toMatch(/Which routine\? \(type to search, Esc to leave · ⚠ a caution applies · ⚠ avoid: has steps to avoid \(you can skip them\)\)/);
    // The cursor starts on a routine with nothing to avoid.
    expect(shown).toMatch(/^❯ [^\n⚠]*\(\d+:\d\d\)\s*$/m);
    keys(s, '-l', 'headache');
    await waitFor(s, /❯ Headache relief \(\d+:\d\d\) ⚠ avoid/);
    keys(s, 'Enter');
    const ready = await waitFor(s, /Start, skipping the steps to avoid \(LI4\)/);
    expect(ready).toMatch(/Choose another routine/);
    keys(s, 'Enter');
    // Printed above the live view, whose figure may push it off the screen before a slow capture.
    await waitFor(s, /Skipping 1 unsafe step/, 8000, true);
    // The notes (pregnancy's advice, the red flags) do not fit beside the view: held until a key.
    await waitFor(s, /space (starts the run|more) · q quit/);
    for (let i = 0; i < 3 && !/(LOCATE|MASSAGE|REST) \d:\d\d/.test(screen(s)); i++) { keys(s, ' '); await sleep(300); }
    await waitFor(s, /(LOCATE|MASSAGE|REST) \d:\d\d/);
    keys(s, 'q');
    await waitFor(s, /EXIT=0/);
  });

  it('the first interactive run asks about safety once, saves the profile, and applies it', async () => {
    const s = session('run morning-sickness --no-tips', { profile: false });
    await waitFor(s, /do any of these apply to you/);
    keys(s, 'Space'); // the first condition in the data is pregnancy
    keys(s, 'Enter');
    await waitFor(s, /Using your safety profile: pregnancy/);
    keys(s, 'q');
    await waitFor(s, /EXIT=0/);
    expect(readFileSync(join(lastHome, '.config/acupress/profile.yaml'), 'utf8')).toMatch(/conditions:\n\s+- pregnancy/);
    keys(s, `node ${BIN} run headache --no-tips; echo EXIT2=$?`, 'Enter');
    const refused = await waitFor(s, /EXIT2=\d/);
    expect(refused).toMatch(/Refusing to run "headache"/);
    expect(refused).toMatch(/EXIT2=1/);
  });

  it.each([['Escape'], ['q']])('the first-run question: stray letters select nothing, and %s leaves it, saving and running nothing', async (key) => {
    const s = session('run headache --no-tips', { profile: false });
    await waitFor(s, /do any of these apply to you/);
    // inquirer's shortcuts (a: all, i: invert) are off; Down is not Esc.
    keys(s, 'a');
    keys(s, 'i');
    keys(s, 'Down');
    await sleep(300);
    expect(screen(s)).not.toMatch(/◉/);
    keys(s, key);
    const after = await waitFor(s, /EXIT=\d/);
    expect(after.replace(/\s+/g, ' ')).toMatch(/No answer saved and nothing run; the question comes back on your next run \(--no-profile skips it\)\. EXIT=0/);
    expect(existsSync(join(lastHome, '.config/acupress/profile.yaml'))).toBe(false);
  });

  it('space pauses and the countdown stops; space again resumes', async () => {
    const s = session('run LI4 --rounds 1 --no-tips');
    await waitFor(s, /LOCATE 0:0[5-9]/);
    keys(s, ' ');
    const paused = await waitFor(s, /PAUSED/);
    const clock = /LOCATE (\d:\d\d)/.exec(paused)![1];
    await sleep(2500);
    expect(/LOCATE (\d:\d\d)/.exec(screen(s))![1]).toBe(clock);
    keys(s, ' ');
    await waitFor(s, new RegExp(`LOCATE (?!${clock})\\d:\\d\\d(?!.*PAUSED)`), 4000);
    keys(s, 'q');
    await waitFor(s, /EXIT=0/);
  });

  it('the red flags stay on screen above the view until the first hold; where they cannot, the run waits, paused', async () => {
    // The notes' first line (the contraindications come first) and the last red flag's end.
    const first = 'Who should not use this routine:';
    const last = /age 50: see a doctor\./;
    // 100×36: every note fits above a smaller frame while the point is found.
    const s = session('run headache --no-tips');
    const locate = await waitFor(s, /LOCATE \d:\d\d/);
    expect(locate).toContain(first);
    expect(locate).toMatch(last);
    expect(locate).not.toMatch(/PAUSED/);
    keys(s, 's'); // the ramp: still there
    expect(await waitFor(s, /RAMP \d:\d\d/)).toContain(first);
    keys(s, 'q');
    await waitFor(s, /EXIT=0/);
    // 80×24 and 40×12: they cannot all stay beside the view, so they are held on screen, a
    // screenful at a time, from their first line, until space; then the run begins, running.
    for (const [cols, rows] of [[80, 24], [40, 12]] as const) {
      const small = session('run headache --no-tips', {}, cols, rows);
      const held = await waitFor(small, /space (starts the run|more) · q quit/);
      expect(held).toContain(first);
      expect(held).not.toMatch(/LOCATE/);
      await sleep(1500);
      expect(screen(small)).toContain(first);
      if (cols === 80) {
        // headache's contraindications make its notes two pages at 80x24: the last red flag is on the last.
        let page = held;
        for (let i = 0; i < 4 && !/space starts the run/.test(page); i++) { keys(small, ' '); await sleep(300); page = screen(small); }
        expect(page).toMatch(last);
      }
      for (let i = 0; i < 6 && !/LOCATE/.test(screen(small)); i++) { keys(small, ' '); await sleep(300); }
      await waitFor(small, /LOCATE 0:0\d/, 4000);
      expect(screen(small)).not.toMatch(/PAUSED/);
      // The header went up with the notes, whole: no last line of it ("  GB20 Fēngchí (both)")
      // left alone on the top row above the view.
      expect(screen(small).split('\n')[0]).not.toMatch(/Fēngchí|Points:|→/);
      keys(small, 'q');
      await waitFor(small, /EXIT=0/);
    }
    // --yes never waits for a person.
    const yes = session('run headache --no-tips --yes', {}, 80, 24);
    await waitFor(yes, /LOCATE 0:0\d/, 4000);
    expect(screen(yes)).not.toMatch(/PAUSED/);
    expect(screen(yes).split('\n')[0]).not.toMatch(/Fēngchí|Points:|→/);
    keys(yes, 'q');
    await waitFor(yes, /EXIT=0/);
  });

  it('narrowing the terminal redraws one clean frame at the new width', async () => {
    const s = session('run headache --no-tips');
    await waitFor(s, /LOCATE \d:\d\d/);
    tmux('resize-window', '-t', s, '-x', '50', '-y', '30');
    await sleep(1500); // the next tick redraws
    const screen = await waitFor(s, /LOCATE \d:\d\d/);
    expect(screen.match(/LOCATE \d:\d\d/g)).toHaveLength(1);
    expect(screen.match(/space pause/g)).toHaveLength(1);
    expect(screen).toMatch(/^ {2}Find LI4 \(Hégǔ, Union Valley\) on your left\n/m);
    keys(s, 'q');
    await waitFor(s, /EXIT=0/);
  });

  it('q quits, leaving the cursor visible and the shell usable', async () => {
    const s = session('run headache --no-tips');
    await waitFor(s, /LOCATE/);
    keys(s, 'q');
    const out = await waitFor(s, /EXIT=0/);
    expect(out).toMatch(/Stopped \(quit\) after/);
    expect(tmux('display-message', '-p', '-t', s, '#{cursor_flag}').trim()).toBe('1');
    keys(s, 'echo still-here', 'Enter');
    await waitFor(s, /^still-here$/m);
  });

  it('closing the terminal mid-run ends the run as SIGHUP (129), never with a native abort', async () => {
    // Node 20 restores the terminal's mode at exit and aborted (exit 134, a native stack) when the
    // terminal had hung up. The shell that waits ignores SIGHUP, so it outlives the terminal and
    // records the code.
    const dir = tempDir('acupress-hup-');
    mkdirSync(join(dir, '.config/acupress'), { recursive: true });
    writeFileSync(join(dir, '.config/acupress/profile.yaml'), 'conditions: []\n');
    const script = join(dir, 'go.sh');
    writeFileSync(
      script,
      [
        `trap '' HUP`,
        `env -u CI HOME=${dir} XDG_CONFIG_HOME=${dir}/.config TERM=xterm-256color node ${BIN} run headache --no-tips 2>${dir}/err`,
        `echo $? > ${dir}/rc.tmp && mv ${dir}/rc.tmp ${dir}/rc`,
      ].join('\n'),
    );
    const name = `s${++n}`;
    tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '36', `bash ${script}`);
    await waitFor(name, /LOCATE/);
    tmux('kill-session', '-t', name);
    const until = Date.now() + 15_000;
    while (!existsSync(join(dir, 'rc')) && Date.now() < until) await sleep(100);
    const err = readFileSync(join(dir, 'err'), 'utf8');
    expect(err).not.toMatch(/Assertion failed|Native stack trace/);
    expect(readFileSync(join(dir, 'rc'), 'utf8').trim()).toBe('129');
  });

  it('Ctrl-C exits 130 and prints the summary', async () => {
    const s = session('run headache --no-tips');
    await waitFor(s, /LOCATE/);
    keys(s, 'C-c');
    const out = await waitFor(s, /EXIT=\d+/);
    expect(out).toMatch(/EXIT=130/);
    expect(out).toMatch(/Stopped \(interrupted, SIGINT\) after/);
    // Raw mode is off again: typed text echoes normally.
    keys(s, 'echo typed', 'Enter');
    await waitFor(s, /^typed$/m);
  });
});
