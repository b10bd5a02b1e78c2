// Figures through the built CLI: `show --figure` in braille and ASCII, pipes without figures,
// the figure in point JSON, figures kept off the start-up path, and the locate phase's figure
// in a real terminal (tmux).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli, tempDir } from '../helpers.js';

const UTF8 = { LANG: 'C.UTF-8' };
const BRAILLE = /[\u2801-\u28ff]/;

describe('show --figure', () => {
  it('draws the back of the hand in braille with LI4 marked, below the card in a pipe', () => {
    const r = cli(['show', 'LI4', '--figure'], { env: UTF8 });
    expect(r.code).toBe(0);
    const [card, rest] = r.stdout.split(/\n\n(?=[^\n]*[\u2800-\u28ff])/);
    expect(card).toMatch(/^LI4 {2}Hégǔ/);
    const lines = rest!.split('\n');
    const figure = lines.slice(0, lines.findIndex((l) => /^acupress is not medical advice/.test(l)) - 1);
    expect(figure.filter((l) => BRAILLE.test(l)).length).toBeGreaterThan(8);
    expect(figure.filter((l) => /● LI4/.test(l))).toHaveLength(1);
    expect(figure.join('\n')).toMatch(/hand/i);
    expect(figure.length).toBeLessThanOrEqual(18);
    for (const l of figure) expect([...l].length).toBeLessThanOrEqual(40);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    // A pipe keeps the card's lines whole.
    expect(card).toMatch(/^Location {3}On the back of the hand, .*\(thumb\) side\.$/m);
  });

  it('draws ASCII strokes and @ where the locale is not UTF-8', () => {
    const r = cli(['show', 'LI4', '--figure'], { env: { LANG: 'C' } });
    expect(r.code).toBe(0);
    const figure = r.stdout.slice(r.stdout.indexOf('\n\n', r.stdout.indexOf('Sources')));
    expect(figure).toMatch(/@ LI4/);
    expect(figure).not.toMatch(/[^\x00-\x7f]/);
    expect(figure).toMatch(/[|/\\_-]{2}/);
  });

  it('marks a point on both sides of a symmetric view', () => {
    const r = cli(['show', 'GB20', '--figure'], { env: UTF8 });
    expect(r.stdout.match(/●/g)).toHaveLength(2);
    expect(r.stdout).toMatch(/both sides/);
  });

  it('a routine with --figure: each point it presses, side by side', () => {
    const r = cli(['show', 'headache', '--figure'], { env: { ...UTF8, COLUMNS: '120' } });
    expect(r.code).toBe(0);
    for (const code of ['LI4', 'EX-HN5', 'GB20']) expect(r.stdout).toContain(`● ${code}`);
  });

  it('no figure in a pipe unless asked, none with --no-figure', () => {
    for (const args of [['show', 'LI4'], ['show', 'LI4', '--no-figure'], ['show', 'headache']]) {
      const r = cli(args, { env: UTF8 });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(BRAILLE);
      expect(r.stdout).not.toContain('●');
    }
  });

  it('--json includes the figure: a known view and a place inside its box', () => {
    const p = JSON.parse(cli(['show', 'LI4', '--json']).stdout);
    expect(p.figure).toMatchObject({ view: 'hand-back' });
    expect(p.figure.x).toBeGreaterThan(0);
    expect(p.figure.x).toBeLessThan(1);
    expect(p.figure.y).toBeGreaterThan(0);
    expect(p.figure.y).toBeLessThan(1);
  });

  it('--html draws a massage step\'s area on its view: the soles for "soles of both feet"', () => {
    const r = cli(['show', 'feet', '--html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/<li class="step" data-step="1"><figure><svg[^>]*aria-label="Area: soles of both feet · Sole[^"]*"[^]*?<ellipse class="area"[^]*?<\/svg>/);
  });

  it('--html with --json is a usage error', () => {
    const r = cli(['show', 'LI4', '--html', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--html and --json/);
  });

  it('show without a figure and list never read the views nor load the path library', () => {
    const spy = join(tempDir('acupress-spy-'), 'spy.cjs');
    // Records every file the process opens whose name says figures or svgpath.
    writeFileSync(spy, `
const fs = require('node:fs');
const seen = [];
for (const name of ['readFileSync', 'openSync']) {
  const real = fs[name];
  fs[name] = function (p, ...rest) { if (/figures|svgpath/.test(String(p))) seen.push(String(p)); return real.call(this, p, ...rest); };
}
process.on('exit', () => process.stderr.write('SEEN ' + JSON.stringify(seen) + '\\n'));
`);
    const seen = (args: string[]) => {
      const r = spawnSync(process.execPath, ['-r', spy, BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: tempDir('acupress-home-'), LANG: 'C.UTF-8' } });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(/SEEN (.*)/.exec(r.stderr)![1]!) as string[];
    };
    expect(seen(['show', 'LI4'])).toEqual([]);
    expect(seen(['show', 'headache'])).toEqual([]);
    expect(seen(['list'])).toEqual([]);
    expect(seen(['list', 'points'])).toEqual([]);
    // And the spy does see them when a figure is drawn.
    expect(seen(['show', 'LI4', '--figure']).join(' ')).toMatch(/figures\.json.*svgpath|svgpath.*figures\.json/);
  });
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `acupress-fig-${process.pid}`;

describe.skipIf(!hasTmux)('the locate phase in a real terminal', () => {
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  let n = 0;
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  /** Start `acupress <args>` in a cols x rows terminal; returns a function that waits for the screen to match. */
  function start(args: string, cols: number, rows: number) {
    const name = `f${++n}`;
    const home = tempDir('acupress-fig-');
    mkdirSync(join(home, '.config/acupress'), { recursive: true });
    writeFileSync(join(home, '.config/acupress/profile.yaml'), 'conditions: []\n');
    const env = `env -u CI -u COLUMNS -u LINES HISTFILE=/dev/null LESSHISTFILE=- fish_history= HOME=${home} XDG_CONFIG_HOME=${home}/.config LANG=C.UTF-8 PS1='$ ' TERM=xterm-256color`;
    tmux('new-session', '-d', '-s', name, '-x', String(cols), '-y', String(rows), `${env} bash --norc --noprofile`);
    tmux('send-keys', '-t', name, `clear; node ${BIN} ${args}; echo EXIT=$?`, 'Enter');
    const screen = () => tmux('capture-pane', '-p', '-t', name);
    const waitFor = async (re: RegExp, ms = 10_000) => {
      const until = Date.now() + ms;
      let last = '';
      while (Date.now() < until) {
        last = screen();
        if (re.test(last)) return last;
        await sleep(100);
      }
      throw new Error(`screen never matched ${re}:\n${last}`);
    };
    return { name, screen, waitFor, keys: (...k: string[]) => tmux('send-keys', '-t', name, ...k) };
  }

  it('a tall terminal shows the hand with LI4 under the locate text, mirrored for the right hand, then the head for Taiyang', async () => {
    const t = start('run headache --no-tips --yes', 100, 45);
    const shown = await t.waitFor(/● LI4/);
    expect(shown).toMatch(/LOCATE \d:\d\d/);
    expect(shown).toMatch(/^ {2}Find LI4 \(Hégǔ, Union Valley\) on your left/m);
    const figureLines = shown.split('\n').filter((l) => BRAILLE.test(l));
    expect(figureLines.length).toBeGreaterThan(8);
    for (const l of shown.split('\n')) expect([...l].length).toBeLessThanOrEqual(100);
    // The figure goes once the pressing starts.
    t.keys('s');
    const ramp = await t.waitFor(/RAMP \d:\d\d/);
    expect(ramp).not.toContain('●');
    // Only the spinner is braille now.
    expect(ramp.split('\n').filter((l) => BRAILLE.test(l)).length).toBeLessThanOrEqual(1);
    // The switch to the right hand shows the hand again, mirrored.
    for (let i = 0; i < 6; i++) {
      t.keys('s');
      await sleep(150);
    }
    const right = await t.waitFor(/SWITCH \d:\d\d[^]*● LI4|SWITCH \d:\d\d[^]*LI4 ●/);
    expect(right).toMatch(/right/);
    // On to Taiyang's locate phase: the temple marked.
    for (let i = 0; i < 7; i++) {
      t.keys('s');
      await sleep(150);
    }
    const temple = await t.waitFor(/EX-HN5 \(Tàiyáng, Supreme Yang\) on both sides: find the spot[^]*(● EX-HN5|EX-HN5 ●)/);
    expect(temple).toMatch(/head/i);
    t.keys('q');
    await t.waitFor(/EXIT=0/);
  });

  it('show in a wide terminal puts the figure beside the card; in a narrow one, below it', async () => {
    const wide = start('show LI4', 130, 50);
    const beside = await wide.waitFor(/EXIT=0/);
    expect(beside.split('\n').some((l) => /^Location {3}On the back of the hand.*[\u2801-\u28ff]/.test(l))).toBe(true);
    expect(beside).toMatch(/● LI4/);
    for (const l of beside.split('\n')) expect([...l].length).toBeLessThanOrEqual(130);
    const narrow = start('show LI4', 70, 60);
    const below = await narrow.waitFor(/EXIT=0/);
    const lines = below.split('\n');
    const sources = lines.findIndex((l) => l.startsWith('Sources'));
    const mark = lines.findIndex((l) => l.includes('● LI4'));
    expect(mark).toBeGreaterThan(sources);
    expect(lines.filter((l) => /^Location/.test(l) && BRAILLE.test(l))).toHaveLength(0);
  });

  it('a small terminal keeps the locate text whole and draws no figure', async () => {
    const t = start('run headache --no-tips --yes', 60, 12);
    const shown = await t.waitFor(/LOCATE \d:\d\d/);
    expect(shown).toMatch(/Find LI4/);
    expect(shown).not.toContain('●');
    t.keys('q');
    await t.waitFor(/EXIT=0/);
  });
});
