// The guided run as a new user meets it in small and ordinary terminals: the first-run question
// and the picker at 40x12 and through a resize, the key help panel (it pauses the run, and shows
// the keys even at 30x6), and the figure beside the text at 80x24.
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, sleep, tmuxServer } from './tmux.js';

const t = tmuxServer('runui');
const COUNTDOWN = /LOCATE (\d:\d\d)/;
const countdown = (screen: string) => COUNTDOWN.exec(screen)?.[1];
/** The choices a picker page shows: routine lines end with their length. */
const choices = (screen: string) => screen.split('\n').filter((l) => /\(\d+:\d\d\)( ⚠.*)?$/.test(l)).length;

describe.skipIf(!hasTmux)('the guided run in small terminals', () => {
  afterEach(() => t.kill());

  it('at 40x12 the first-run question keeps its top on screen, with a choice, a description and the keys', async () => {
    const { s } = t.session('run headache --no-tips', { profile: false, cols: 40, rows: 12 });
    // The key line, which at this size says how many conditions are out of sight.
    const shown = await t.waitFor(s, /↑↓ \d+ more • space select/);
    // The visible screen, not the scrollback: the question's first line is still there.
    expect(shown).toMatch(/^\? Before your first session/m);
    expect(shown).toMatch(/^❯◯ Pregnancy$/m);
    expect(shown).toMatch(/Being pregnant/);
    t.keys(s, 'Escape');
    await t.waitFor(s, /No answer saved/);
  });

  it('at 40x12 the picker keeps its question on screen, and re-flows when the terminal is resized', async () => {
    const { s } = t.session('run', { cols: 80, rows: 24 });
    const tall = await t.waitFor(s, /Which routine\?[\s\S]*\(\d+:\d\d\)[\s\S]*navigate/);
    const many = choices(tall);
    t.tmux('resize-window', '-t', s, '-x', '40', '-y', '12');
    // Drawn again at the new size: the question at the top, a shorter page, the keys at the bottom.
    const small = await t.waitFor(s, /^\? Which routine\?[\s\S]*\(\d+:\d\d\)[\s\S]*navigate/m);
    expect(choices(small)).toBeGreaterThan(0);
    expect(choices(small)).toBeLessThan(many);
    for (const l of small.split('\n')) expect(l.length).toBeLessThanOrEqual(40);
    t.tmux('resize-window', '-t', s, '-x', '80', '-y', '24');
    await t.waitFor(s, /^\? Which routine\?[\s\S]*navigate/m);
    await sleep(300);
    expect(choices(t.screen(s))).toBe(many);
    t.keys(s, 'Escape');
    await t.waitFor(s, /No routine chosen/);
  });

  it('at 30x6 the key help panel shows the keys, packed and cut to fit, rather than nothing', async () => {
    const { s } = t.session('run LI4 --yes --no-tips', { cols: 30, rows: 6 });
    await t.waitFor(s, /LOCATE \d:\d\d/);
    t.keys(s, '?');
    // The pause and the panel are two draws a moment apart: wait for both.
    // Cut to its rows, the panel still says first how to close it.
    const panel = await t.waitFor(s, /PAUSED[\s\S]*\? close · space pause[\s\S]*s skip/);
    expect(panel).toMatch(/q quit/);
    expect(panel).toMatch(/Ctrl-C stop/);
    for (const l of panel.split('\n')) expect(l.length).toBeLessThanOrEqual(30);
    t.keys(s, 'q');
    await t.waitFor(s, /Stopped \(quit\)/, 8000, true);
  });

  it('? pauses the run while the panel is up, says so, and closing it goes on; a run paused before stays paused', async () => {
    const { s } = t.session('run LI4 --yes --no-tips', { cols: 100, rows: 30 });
    await t.waitFor(s, /LOCATE 0:0[5-9]/);
    t.keys(s, '?');
    const open = await t.waitFor(s, /LOCATE \d:\d\d {2}PAUSED[\s\S]*Keys \(paused while this is open; \? goes on\)/);
    const frozen = countdown(open);
    await sleep(2200);
    expect(countdown(t.screen(s))).toBe(frozen);
    t.keys(s, '?');
    // Closed, and counting down again.
    await t.waitFor(s, new RegExp(`LOCATE (?!${frozen})\\d:\\d\\d(?!.*PAUSED)`), 4000);
    expect(t.screen(s)).toMatch(/space pause · s skip · b back · q quit · \? keys/);
    // Paused by the person first: the panel leaves it paused when it closes.
    t.keys(s, ' ');
    const paused = countdown(await t.waitFor(s, /PAUSED/));
    t.keys(s, '?');
    await t.waitFor(s, /^ {2}Keys \(\? closes\)/m);
    t.keys(s, '?');
    await t.waitFor(s, /\? keys/);
    await sleep(1500);
    expect(t.screen(s)).toMatch(/PAUSED/);
    expect(countdown(t.screen(s))).toBe(paused);
    t.keys(s, 'q');
    await t.waitFor(s, /Stopped \(quit\)/, 8000, true);
  });

  it('at 80x24 the figure gives way to the text: the whole key hint line, and the text wider than the figure', async () => {
    const { s } = t.session('run GB20 --yes --no-tips', { cols: 80, rows: 24 });
    const shown = await t.waitFor(s, /● GB20|GB20 ●/);
    expect(shown).toMatch(/^ {2}space pause · s skip · b back · q quit · \? keys/m);
    // The instruction's first line runs on to at least 45 columns before the figure begins.
    const first = /^ {2}Find GB20 .*$/m.exec(shown)![0];
    expect(first.replace(/\s{3,}\S.*$/, '').length).toBeGreaterThanOrEqual(45);
    t.keys(s, 'q');
    await t.waitFor(s, /Stopped \(quit\)/, 8000, true);
  });
});
