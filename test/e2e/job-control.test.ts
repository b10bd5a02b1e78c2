// Job control, keys and signals in a real terminal, as a person meets them: Ctrl-Z and fg in the
// live view and at the questions, kill -TSTP from outside, arrow and function keys, a paste,
// and signals at a prompt.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, sleep, tmuxServer } from './tmux.js';

const t = tmuxServer('jobctl');
const COUNTDOWN = /LOCATE (\d:\d\d)/;
const countdown = (screen: string) => COUNTDOWN.exec(screen)?.[1];

/** Type `echo EXIT=$?` at the shell and read the status of the last foreground job. */
async function exitStatus(s: string): Promise<number> {
  await t.waitFor(s, /(^|\n)\$ ?\n*$/); // the shell's prompt is the last line
  t.keys(s, 'echo EXIT=$?', 'Enter');
  return Number(/EXIT=(\d+)/.exec(await t.waitFor(s, /EXIT=\d+/))![1]);
}

describe.skipIf(!hasTmux)('job control in a real terminal', () => {
  afterEach(() => t.kill());

  it('Ctrl-Z in the live view gives the shell a clean terminal; fg brings the view back paused, and keys work', async () => {
    const { s } = t.session('run LI4 --no-tips');
    await t.waitFor(s, /LOCATE 0:0[5-9]/);
    t.keys(s, 'C-z');
    const stopped = await t.waitFor(s, /Stopped\s+node .*\n\$ ?\n*$/);
    expect(stopped).not.toMatch(/LOCATE \d:\d\d/); // the frame was cleared
    expect(t.cursorShown(s)).toBe(true);
    t.keys(s, 'echo cooked', 'Enter'); // the shell's terminal is in cooked mode: typing echoes
    await t.waitFor(s, /^cooked$/m);
    await sleep(1500); // stopped time is not active time
    t.keys(s, 'fg', 'Enter');
    const back = await t.waitFor(s, /LOCATE \d:\d\d {2}PAUSED/);
    expect(t.cursorShown(s)).toBe(false);
    const frozen = countdown(back);
    await sleep(2200);
    expect(countdown(t.screen(s))).toBe(frozen); // still paused: the person decides
    t.keys(s, ' '); // keys are alive after fg without pressing Enter
    await t.waitFor(s, new RegExp(`LOCATE (?!${frozen})\\d:\\d\\d(?!.*PAUSED)`), 4000);
    t.keys(s, 'q');
    expect(await exitStatus(s)).toBe(0);
    expect(t.screen(s)).toMatch(/Stopped \(quit\) after/);
    expect(t.cursorShown(s)).toBe(true);
  });

  it('kill -TSTP from outside does the same; after kill -STOP, fg comes back paused too', async () => {
    const { s } = t.session('run LI4 --no-tips');
    await t.waitFor(s, /LOCATE/);
    const pid = t.childPid(s);
    process.kill(pid, 'SIGTSTP');
    await t.waitFor(s, /Stopped\s+node/);
    expect(t.cursorShown(s)).toBe(true);
    t.keys(s, 'fg', 'Enter');
    const frozen = countdown(await t.waitFor(s, /PAUSED/));
    t.keys(s, ' ');
    await t.waitFor(s, new RegExp(`LOCATE (?!${frozen})\\d:\\d\\d\\n`), 4000);
    // SIGSTOP cannot be caught: the shell takes the terminal back, and fg (SIGCONT) brings the
    // view back in raw mode, paused.
    process.kill(pid, 'SIGSTOP');
    // The frame with its figure is tall: look through the scrollback for both stops.
    await t.waitFor(s, /Stopped[^\n]*node[\s\S]*Stopped[^\n]*node/, 8000, true);
    await sleep(1000); // a person takes a moment to type fg
    t.keys(s, 'fg', 'Enter');
    await t.waitFor(s, /Stopped[^\n]*node[\s\S]*Stopped[^\n]*node[\s\S]*PAUSED/, 8000, true);
    t.keys(s, ' ');
    await t.waitFor(s, /LOCATE \d:\d\d\n/);
    t.keys(s, 'q');
    expect(await exitStatus(s)).toBe(0);
  });

  it('kill -TSTP, then kill -CONT while in the background, then fg: one clean paused frame (no stale copy), in the live view and in plain lines', async () => {
    for (const [args, once] of [['run LI4 --no-tips', /LOCATE \d:\d\d {2}PAUSED/g], ['run LI4 --no-tips --plain', /^PAUSED — space resumes$/gm]] as const) {
      const { s } = t.session(args);
      await t.waitFor(s, /locate|LOCATE/);
      const pid = t.childPid(s);
      process.kill(pid, 'SIGTSTP');
      await t.waitFor(s, /Stopped\s+node/);
      process.kill(pid, 'SIGCONT'); // continued in the background: it must not draw there
      await sleep(1000);
      expect(t.screen(s), args).toMatch(/Stopped\s+node[^$]*\n\$ ?\n*$/); // nothing drawn after the prompt
      t.keys(s, 'fg', 'Enter');
      await t.waitFor(s, once);
      await sleep(1000); // the second SIGCONT (fg's own) has been handled
      const screen = t.tmux('capture-pane', '-p', '-S', '-', '-t', s); // the scrollback too: the frame is tall
      const afterFg = screen.slice(screen.lastIndexOf('\n$ fg'));
      expect(afterFg, screen).toMatch(/^\n\$ fg/);
      expect(afterFg.match(once)?.length, `${args}:\n${screen}`).toBe(1);
      if (!args.includes('--plain')) expect(afterFg).not.toMatch(/keys⏸/); // no frame glued to the last one
      t.keys(s, 'q');
      expect(await exitStatus(s)).toBe(0);
    }
  });

  it('stdin not a terminal (< /dev/null): the view promises no key, and after Ctrl-Z and fg it goes on by itself', async () => {
    const { s } = t.session('run LI4 --no-tips < /dev/null');
    const first = await t.waitFor(s, /LOCATE \d:\d\d/);
    expect(first).toMatch(/keys off: stdin is not a terminal/);
    expect(first).not.toMatch(/space pause|q quit|\? keys/);
    t.keys(s, 'C-z');
    await t.waitFor(s, /Stopped\s+node/);
    expect(t.cursorShown(s)).toBe(true);
    t.keys(s, 'fg', 'Enter');
    const back = countdown(await t.waitFor(s, /fg\n[\s\S]*LOCATE \d:\d\d/));
    // No key could resume it, so it never waits for one: the countdown moves on.
    await t.waitFor(s, new RegExp(`LOCATE (?!${back})\\d:\\d\\d`), 4000);
    expect(t.screen(s)).not.toMatch(/PAUSED|space resumes/);
    t.keys(s, 'C-c');
    expect(await exitStatus(s)).toBe(130);
  });

  // A parent that waits for acupress (npx, a script) is in the same job. Before the fix Ctrl-Z
  // stopped acupress alone: the parent kept the terminal, and the shell never came back.
  const underSh = (cmd: string) => `sh -c '${cmd}; echo "sh saw $?"'`;

  it('Ctrl-Z in the live view under a parent that waits stops the whole job: the prompt is back, fg resumes, q ends both', async () => {
    const { s } = t.session('run LI4 --no-tips', { wrap: underSh });
    await t.waitFor(s, /LOCATE 0:0[5-9]/);
    t.keys(s, 'C-z');
    await t.waitFor(s, /Stopped\s+sh -c [\s\S]*\n\$ ?\n*$/);
    expect(t.cursorShown(s)).toBe(true);
    t.keys(s, 'fg', 'Enter');
    await t.waitFor(s, /LOCATE \d:\d\d {2}PAUSED/);
    t.keys(s, ' ');
    await t.waitFor(s, /LOCATE \d:\d\d\n/);
    t.keys(s, 'q');
    await t.waitFor(s, /^sh saw 0$/m);
    expect(await exitStatus(s)).toBe(0);
  });

  it('Ctrl-Z at a question under a parent that waits stops the whole job; fg brings the question back', async () => {
    const { s } = t.session('run headache --no-tips', { profile: false, wrap: underSh });
    await t.waitFor(s, /do any of these apply to you/);
    t.keys(s, 'C-z');
    await t.waitFor(s, /Stopped\s+sh -c [\s\S]*\n\$ ?\n*$/);
    expect(t.cursorShown(s)).toBe(true);
    t.keys(s, 'fg', 'Enter');
    await t.waitFor(s, /fg\n.*\n\? Before your first session/);
    t.keys(s, 'C-c');
    await t.waitFor(s, /^sh saw 130$/m);
    expect(t.screen(s)).toMatch(/^acupress: interrupted by SIGINT at a question; nothing was saved or run$/m);
    expect(await exitStatus(s)).toBe(0);
  });

  it('Ctrl-Z at the first-run question, then fg: the question is back and answers as before', async () => {
    const { s, home } = t.session('run morning-sickness --no-tips', { profile: false });
    await t.waitFor(s, /do any of these apply to you/);
    t.keys(s, 'C-z');
    await t.waitFor(s, /Stopped\s+node/);
    expect(t.cursorShown(s)).toBe(true);
    t.keys(s, 'fg', 'Enter');
    const back = await t.waitFor(s, /fg\n.*\n\? Before your first session/);
    expect(back).toMatch(/❯◯ Pregnancy/);
    t.keys(s, 'Space', 'Enter'); // the first condition is pregnancy
    await t.waitFor(s, /Using your safety profile: pregnancy/);
    t.keys(s, 'q');
    expect(await exitStatus(s)).toBe(0);
    expect(execFileSync('cat', [`${home}/.config/acupress/profile.yaml`], { encoding: 'utf8' })).toMatch(/- pregnancy/);
  });

  it('Ctrl-Z at the first-run question, fg, then Ctrl-C: the note, exit 130, and the process ends', async () => {
    const { s } = t.session('run headache --no-tips', { profile: false });
    await t.waitFor(s, /do any of these apply to you/);
    t.keys(s, 'C-z');
    await t.waitFor(s, /Stopped\s+node/);
    t.keys(s, 'fg', 'Enter');
    await t.waitFor(s, /fg\n.*\n\? Before your first session/);
    t.keys(s, 'C-c');
    // Before the fix the note came and the process stayed, reading a terminal nobody drew on.
    expect(await exitStatus(s)).toBe(130);
    expect(t.screen(s)).toMatch(/^acupress: interrupted by SIGINT at a question; nothing was saved or run$/m);
    expect(t.cursorShown(s)).toBe(true);
  });

  it('Ctrl-Z at the picker, then fg: the picker is back, keys move it, and Esc leaves', async () => {
    const { s } = t.session('');
    await t.waitFor(s, /Which routine\?/);
    t.keys(s, 'C-z');
    await t.waitFor(s, /Stopped\s+node/);
    expect(t.cursorShown(s)).toBe(true);
    t.keys(s, 'fg', 'Enter');
    const back = await t.waitFor(s, /fg\n.*\n\? Which routine\?[\s\S]*❯/);
    const first = /❯ (.*)/.exec(back)![1];
    t.keys(s, 'Down');
    await t.waitFor(s, new RegExp(`❯ (?!${first!.replace(/[()]/g, '.')}).*`));
    t.keys(s, 'Escape');
    expect(await exitStatus(s)).toBe(0);
    expect(t.screen(s)).toMatch(/No routine chosen\./);
    expect(t.cursorShown(s)).toBe(true);
  });

  it('kill -TSTP at the picker, then fg: the picker is back, and Enter still chooses', async () => {
    const { s } = t.session('');
    await t.waitFor(s, /Which routine\?/);
    process.kill(t.childPid(s), 'SIGTSTP');
    await t.waitFor(s, /Stopped\s+node/);
    expect(t.cursorShown(s)).toBe(true);
    t.keys(s, 'fg', 'Enter');
    await t.waitFor(s, /fg\n.*\n\? Which routine\?/);
    t.keys(s, 'Enter');
    await t.waitFor(s, /Start now/);
    t.keys(s, 'Enter');
    // The first choice's notes (low-back's contraindications and red flags) may not fit above the
    // view: then the run waits for space first.
    const first = await t.waitFor(s, /(LOCATE|MASSAGE|REST) \d:\d\d|^space starts the run · q quit$/m);
    if (/space starts the run/.test(first)) t.keys(s, ' ');
    await t.waitFor(s, /(LOCATE|MASSAGE|REST) \d:\d\d/);
    t.keys(s, 'q');
    expect(await exitStatus(s)).toBe(0);
  });

  it.each([['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130]] as const)('%s at a question restores the cursor and exits %i with a one-line note', async (sig, code) => {
    const { s } = t.session('run headache --no-tips', { profile: false });
    await t.waitFor(s, /do any of these apply to you/);
    expect(t.cursorShown(s)).toBe(false);
    process.kill(t.childPid(s), sig);
    expect(await exitStatus(s)).toBe(code);
    expect(t.screen(s)).toMatch(new RegExp(`^acupress: interrupted by ${sig} at a question; nothing was saved or run$`, 'm'));
    expect(t.cursorShown(s)).toBe(true);
    t.keys(s, 'echo typed', 'Enter'); // cooked mode again
    await t.waitFor(s, /^typed$/m);
  });

  it('Ctrl-C at the picker exits 130 with the same note', async () => {
    const { s } = t.session('');
    await t.waitFor(s, /Which routine\?/);
    t.keys(s, 'C-c');
    expect(await exitStatus(s)).toBe(130);
    expect(t.screen(s)).toMatch(/^acupress: interrupted by SIGINT at a question; nothing was saved or run$/m);
    expect(t.cursorShown(s)).toBe(true);
  });
});

describe.skipIf(!hasTmux)('keys at the picker', () => {
  afterEach(() => t.kill());

  it('arrow, page and function keys never leave the picker; Esc read together with typed text still does', async () => {
    const { s } = t.session('');
    await t.waitFor(s, /Which routine\?[\s\S]*❯/);
    t.keys(s, 'Down', 'Up', 'PageDown', 'PageUp', 'Home', 'End', 'F1', 'F5', 'Right', 'Left');
    t.raw(s, '\x1bOB\x1bOA'); // arrows in application mode
    await sleep(1000);
    expect(t.screen(s)).toMatch(/Which routine\?/);
    // A search and its Esc in one write, so the program reads them together (before the fix,
    // only an Esc that came alone was seen).
    t.raw(s, 'nec\x1b');
    expect(await exitStatus(s)).toBe(0);
    expect(t.screen(s)).toMatch(/No routine chosen\./);
  });
});

describe.skipIf(!hasTmux)('keys in the live view', () => {
  afterEach(() => t.kill());

  it('arrow, page, function and mouse keys and pasted text never quit, skip or go back', async () => {
    const { s } = t.session('run LI4 --no-tips');
    await t.waitFor(s, /LOCATE 0:0[5-9]/);
    t.keys(s, 'Up', 'Down', 'PageUp', 'PageDown', 'Home', 'End', 'Insert', 'DC', 'F2', 'F5', 'F12', 'M-s', 'M-q', 'S-Up', 'C-Down');
    t.raw(s, '\x1b[M sq'); // an X10 mouse click whose bytes spell s and q
    t.raw(s, '\x1b[<0;115;98M'); // an SGR mouse click
    t.raw(s, '\x1bOA\x1bOB'); // arrows in application mode
    t.tmux('set-buffer', 'qsb quit skip back ');
    t.tmux('paste-buffer', '-p', '-t', s); // bracketed, since the view asked for it
    await sleep(1500);
    const screen = t.screen(s);
    expect(screen).toMatch(/LOCATE \d:\d\d\n/); // same phase, running, not paused
    expect(screen).not.toMatch(/Stopped|paused/);
    t.keys(s, 'Right');
    await t.waitFor(s, /RAMP \d:\d\d/);
    t.keys(s, 'Left');
    await t.waitFor(s, /LOCATE \d:\d\d/);
    t.keys(s, 'Escape'); // a lone Esc still quits, once the short wait is over
    expect(await exitStatus(s)).toBe(0);
    expect(t.screen(s)).toMatch(/Stopped \(quit\) after/);
  });

  it('the key panel (? or F1) lists the arrows, F1 and Ctrl-Z', async () => {
    const { s } = t.session('run LI4 --no-tips');
    const screen = await t.waitFor(s, /LOCATE[\s\S]*\? keys/);
    expect(screen).toMatch(/^ {2}space pause · s skip · b back · q quit · \? keys( |$)/m); // a figure may stand beside it
    t.keys(s, 'F1');
    const panel = await t.waitFor(s, /^ {2}Keys\b/m);
    expect(panel).toMatch(/s or n or → +skip to the next phase/);
    expect(panel).toMatch(/b or ← +go back one phase/);
    expect(panel).toMatch(/Ctrl-Z +suspend; fg brings the run back, paused/);
    expect(panel).toMatch(/\? or h or F1 +show or hide this help/);
    t.keys(s, 'q');
    expect(await exitStatus(s)).toBe(0);
  });
});
