// The guided run as a fresh user reviewed it (session 8): a run whose holds were all skipped is
// not a completed session, and the words on screen say what they mean.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers.js';
import { hasTmux, tmuxServer } from './tmux.js';

const t = tmuxServer('newuser');

/** Page through notes longer than the screen (headache's contraindication, the pregnancy hint and its red flags at 80x24) to the hold before the run. */
async function toRunHold(s: string): Promise<string> {
  for (;;) {
    const page = await t.waitFor(s, /^space (?:more|starts the run) · q quit$/m);
    if (/^space starts the run · q quit$/m.test(page)) return page;
    t.keys(s, ' ');
    await t.waitFor(s, /^space starts the run · q quit$/m).catch(() => undefined);
  }
}

describe.skipIf(!hasTmux)('the guided run, as a new user meets it', () => {
  afterEach(() => t.kill());

  it('skipping every phase of desk-break ends "Skipped to the end", and history and stats do not count it as completed', async () => {
    const { s, home } = t.session('run desk-break --no-tips', { cols: 100, rows: 30 });
    await t.waitFor(s, /MASSAGE \d:\d\d/);
    // desk-break has 14 phases: one s each, the last one ending the run.
    for (let i = 0; i < 14; i++) t.keys(s, 's');
    const end = await t.waitFor(s, /Skipped to the end: Two-minute desk break, \d:\d\d of 1:58, not counted as completed/, 8000, true);
    expect(end).not.toMatch(/Done: /);
    const env = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
    const cli = (cmd: string) => spawnSync(process.execPath, [BIN, cmd], { encoding: 'utf8', env }).stdout;
    expect(cli('history')).toMatch(/\d:\d\d of 1:58, skipped +desk-break/);
    expect(cli('stats')).toMatch(/1 session.*0 completed[\s\S]*desk-break\s+1\s+\d:\d\d\s+0%/);
  });

  it('paused (by space, or by Ctrl-Z and fg), the hint line says "space resume"; going on, "space pause"', async () => {
    const { s } = t.session('run LI4 --yes --no-tips', { cols: 100, rows: 30 });
    await t.waitFor(s, /LOCATE \d:\d\d[\s\S]*space pause · s skip/);
    t.keys(s, ' ');
    const paused = await t.waitFor(s, /PAUSED[\s\S]*space resume · s skip/);
    expect(paused).not.toMatch(/space pause/);
    t.keys(s, ' ');
    await t.waitFor(s, /^(?![\s\S]*PAUSED)[\s\S]*space pause · s skip/);
    t.keys(s, 'C-z');
    await t.waitFor(s, /Stopped/);
    t.keys(s, 'fg', 'Enter');
    await t.waitFor(s, /PAUSED[\s\S]*space resume · s skip/);
    t.keys(s, 'q');
    // Up to the shell's prompt: the session is logged after the summary, before the home goes (no echo: after Ctrl-Z the shell would run it at once).
    await t.waitFor(s, /Stopped \(quit\)[\s\S]*^\$$/m, 8000, true);
  });

  it('in --plain lines, ? prints the keys and says it prints them (there is nothing to hide)', async () => {
    const { s } = t.session('run LI4 --plain --yes --no-tips; echo EXIT=$?', { cols: 100, rows: 30 });
    await t.waitFor(s, /locate/);
    t.keys(s, '?');
    const shown = await t.waitFor(s, /\? or h or F1: print these keys/);
    expect(shown).not.toMatch(/show or hide/);
    t.keys(s, 'q');
    // Up to the shell: the session is logged after the summary, before the home directory goes.
    const end = await t.waitFor(s, /Stopped \(quit\)[\s\S]*EXIT=0/, 8000, true);
    // Printed keys cover nothing, so the run never paused for them: no "PAUSED", and no "resumed"
    // just before the quit (it read as a run quit while paused that said it went on).
    expect(end).not.toMatch(/PAUSED|resumed/);
  });

  it('Esc at the first-run question says so plainly, as the picker does: no error prefix, exit 0, the question gone', async () => {
    const { s } = t.session('run headache --no-tips; echo EXIT=$?', { profile: false });
    await t.waitFor(s, /do any of these apply to you/);
    t.keys(s, 'Escape');
    const after = await t.waitFor(s, /EXIT=\d/);
    expect(after).toMatch(/^No answer saved and nothing run;/m);
    expect(after).not.toMatch(/acupress: No answer/);
    expect(after).not.toMatch(/do any of these apply to you/);
    expect(after).toMatch(/EXIT=0/);
  });

  it('q in a fresh picker leaves it, and the screen keeps no question with a q typed into it', async () => {
    const { s } = t.session('run; echo EXIT=$?');
    await t.waitFor(s, /Which routine\?[\s\S]*navigate/);
    t.keys(s, 'q');
    const after = await t.waitFor(s, /EXIT=\d/);
    expect(after).toMatch(/^No routine chosen\.$/m);
    expect(after).not.toMatch(/Which routine\?/);
    expect(after).toMatch(/EXIT=0/);
  });

  it('adjusting at the picker: the questions say what empty keeps, and the header names the routine\'s own length beside the new one', async () => {
    const { s } = t.session('run --no-tips; echo EXIT=$?', { cols: 100, rows: 30 });
    await t.waitFor(s, /Which routine\?[\s\S]*navigate/);
    t.raw(s, 'desk-break');
    await t.waitFor(s, /❯ .*Two-minute desk break/);
    t.keys(s, 'Enter');
    await t.waitFor(s, /Ready\?/);
    t.keys(s, 'Down', 'Enter');
    await t.waitFor(s, /Rounds per point \(1-10; empty keeps the routine's 1\):/);
    t.keys(s, '3', 'Enter');
    await t.waitFor(s, /Hold time \(e\.g\. 45s or 1m; empty keeps the routine's \d+s(-\d+s)?\):/);
    t.keys(s, '1m', 'Enter');
    await t.waitFor(s, /Two-minute desk break · \d+:\d\d \(adjusted from 1:58\) ·/, 8000, true);
    t.keys(s, 'q');
    // Up to the shell: the session is logged after the summary, before the home directory goes.
    await t.waitFor(s, /Stopped \(quit\)[\s\S]*EXIT=0/, 8000, true);
  });

  it('at 80x24 after the first-run question, the notes (the urgent warning first) are held on screen until a key; going on, the first phase gets the whole screen, text and figure', async () => {
    const { s } = t.session('run headache', { profile: false, cols: 80, rows: 24 });
    await t.waitFor(s, /do any of these apply to you/);
    t.keys(s, 'Enter');
    const held = await toRunHold(s);
    // The whole of the red flags, from their heading, on the last page: nothing scrolled off above.
    expect(held).toMatch(/^Get medical help instead if:\n  • A sudden, severe headache that peaks within a minute or so \(the worst of\n    your life\): call emergency services\./m);
    expect(held).toMatch(/age 50: see a doctor\./);
    await new Promise((r) => setTimeout(r, 1500));
    expect(t.screen(s)).toContain('Get medical help instead if:');
    expect(t.screen(s)).not.toMatch(/LOCATE/);
    t.keys(s, ' ');
    // The whole locate text, to its last words, with nothing cut.
    const shown = await t.waitFor(s, /LOCATE \d:\d\d(?! {2}PAUSED)[\s\S]*index-finger[\s\S]*bone\./);
    const frame = shown.slice(shown.indexOf('LOCATE'));
    expect(frame).not.toMatch(/…/);
    // The hand figure beside the text: lines wider than the text's column carry its drawing.
    expect(frame.split('\n').filter((l) => l.length > 50).length).toBeGreaterThan(3);
    t.keys(s, 'q');
    await t.waitFor(s, /Stopped \(quit\)[\s\S]*^\$$/m, 8000, true);
  });
  it('notes longer than the screen are shown a screenful at a time; q at the hold runs and logs nothing', async () => {
    const { s, home } = t.session('run headache --no-profile; echo EXIT=$?', { cols: 80, rows: 16 });
    const first = await t.waitFor(s, /^space more · q quit$/m);
    expect(first).toMatch(/^Who should not use this routine:\n  • If you are pregnant/m);
    const last = await toRunHold(s);
    expect(last).toMatch(/age 50: see a doctor\./);
    expect(last).not.toMatch(/space more/);
    t.keys(s, 'q');
    const end = await t.waitFor(s, /EXIT=\d/);
    expect(end).toMatch(/^Nothing run\.\nEXIT=0$/m);
    expect(end).not.toMatch(/space starts the run|LOCATE|Stopped/);
    const env = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
    expect(spawnSync(process.execPath, [BIN, 'history', '--json'], { encoding: 'utf8', env }).stdout.trim()).toBe('[]');
  });
  it('Ctrl-Z at the notes\' hold gives the shell its terminal; after fg the hold is back and still waits, and space starts the run', async () => {
    const { s } = t.session('run headache --no-profile', { cols: 80, rows: 24 });
    await toRunHold(s);
    t.keys(s, 'C-z');
    await t.waitFor(s, /Stopped/);
    t.keys(s, 'fg', 'Enter');
    await t.waitFor(s, /^\$ fg\n.*\nspace starts the run · q quit$/m);
    await new Promise((r) => setTimeout(r, 1500));
    expect(t.screen(s)).not.toMatch(/LOCATE/);
    t.keys(s, ' ');
    await t.waitFor(s, /Headache relief · 7:35[\s\S]*LOCATE 0:0\d/);
    t.keys(s, 'q');
    await t.waitFor(s, /Stopped \(quit\)[\s\S]*^\$$/m, 8000, true);
  });
  it('at 80x24, a condition\'s caution for the point is on screen at its step, beside the countdown (KI3 with --pregnant: light pressure only)', async () => {
    const { s } = t.session('run KI3 --pregnant --yes --no-tips; echo EXIT=$?', { cols: 80, rows: 24 });
    const shown = await t.waitFor(s, /LOCATE \d:\d\d[\s\S]*space pause/);
    const frame = shown.slice(shown.indexOf('LOCATE'));
    expect(frame).toMatch(/^ {2}⚠ With pregnancy: Because the sources disagree,/m);
    // The figure's braille dots beside the text left out, the caution reads whole.
    expect(frame.replace(/[\u2800-\u28ff]+/g, ' ').replace(/\s+/g, ' ')).toMatch(/⚠ With pregnancy: Because the sources disagree, use only light pressure on it, or ask your practitioner first\./);
    // Still there in the hold, when the notes before the run are long gone.
    t.keys(s, 's');
    const ramp = await t.waitFor(s, /RAMP \d:\d\d[\s\S]*space pause/);
    expect(ramp.slice(ramp.indexOf('RAMP')).replace(/\s+/g, ' ')).toMatch(/⚠ With pregnancy: Because the sources disagree, use only light pressure on it, or ask your practitioner first\./);
    t.keys(s, 'q');
    await t.waitFor(s, /Stopped \(quit\)[\s\S]*EXIT=0/, 8000, true);
  });
  it('points worked: quit in the next point\'s ramp, only the point held through is worked, in the summary and the log alike', async () => {
    const data = tempDir('acupress-worked-');
    mkdirSync(join(data, 'routines'));
    writeFileSync(join(data, 'routines', 'two.yaml'), [
      'id: two-points', 'title: Two points', 'summary: LI4 then PC6.', 'sources: [me]',
      'timing: { locate: 1s, ramp: 1s, hold: 2s, release: 1s, switch: 1s, rounds: 1 }',
      'steps:', '  - press: LI4', '  - press: PC6', '    ramp: 30s', '',
    ].join('\n'));
    const { s, home } = t.session(`run two-points --yes --no-tips --data ${data}; echo EXIT=$?`, { cols: 100, rows: 30 });
    // LI4 runs through on both hands; PC6's ramp has begun, its hold not, when q quits.
    await t.waitFor(s, /RAMP \d:\d\d[\s\S]*point 2\/2/, 20_000);
    t.keys(s, 'q');
    const end = await t.waitFor(s, /EXIT=0/, 8000, true);
    expect(end).toMatch(/^✔ LI4 Hégǔ, left and right$/m);
    expect(end).toMatch(/^Points worked: LI4 Hégǔ, left and right\.$/m);
    expect(end).not.toMatch(/PC6 Nèiguān, (left|right|both)/);
    const env = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
    const [rec] = JSON.parse(spawnSync(process.execPath, [BIN, 'history', '--json'], { encoding: 'utf8', env }).stdout);
    expect(rec).toMatchObject({ target: 'two-points', reason: 'quit', points: [{ point: 'LI4', sides: ['left', 'right'] }] });
    expect(rec).not.toHaveProperty('partly');
  });
});
