// A terminal that reports zero columns (a serial console, `script`, `ssh -tt` from a pipe) once
// sent the live view into an endless loop of cursor-up codes that blocked the event loop: no
// phase advanced and no signal was heard. Run under `script` with `stty cols 0`, as a person would.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, routineObj, tempDir } from '../helpers.js';

const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A home with a profile (no first-run question) and a routine of four phases of `phase` each. */
function setup(phase: string): { home: string; file: string } {
  const home = tempDir('acupress-odd-');
  mkdirSync(join(home, '.config/acupress'), { recursive: true });
  writeFileSync(join(home, '.config/acupress/profile.yaml'), 'conditions: []\n');
  const file = join(home, 'short.yaml');
  writeFileSync(file, stringify(routineObj({ id: 'short', steps: [{ press: 'GV20' }], timing: { locate: phase, ramp: phase, hold: phase, release: phase, rounds: 1 } })));
  return { home, file };
}

/** Run `acupress <args>` in a pseudo-terminal made by `script`, after the shell commands `before`. */
function underScript(before: string, args: string, home: string) {
  const command = `${before} echo PID=$$; exec node ${BIN} ${args}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), TERM: 'xterm-256color', SHELL: '/bin/sh', LANG: 'C.UTF-8' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  let exitedAt = 0;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => ((exitedAt = performance.now()), resolve(code))));
  const waitFor = async (re: RegExp, ms = 10_000) => {
    const until = performance.now() + ms;
    while (!re.test(stripVTControlCharacters(out))) {
      if (performance.now() > until) throw new Error(`never saw ${re} in:\n${out.slice(-2000)}`);
      await sleep(20);
    }
    return performance.now();
  };
  return { child, exited, waitFor, out: () => out, exitedAt: () => exitedAt, pid: () => Number(/PID=(\d+)/.exec(out)![1]) };
}

describe.skipIf(!hasScript)('a terminal that reports zero columns', () => {
  it('gets plain lines and ends on time', async () => {
    const { home, file } = setup('1s');
    const r = underScript('stty cols 0 rows 0;', `run ${file} --no-tips`, home);
    const first = await r.waitFor(/ 0:00 {2}locate/);
    expect(await r.exited).toBe(0);
    const took = r.exitedAt() - first;
    expect(took).toBeGreaterThan(3_500);
    expect(took).toBeLessThan(6_000); // four 1 s phases, the summary and exit
    const out = stripVTControlCharacters(r.out());
    for (const kind of ['locate', 'ramp', 'hold', 'release']) expect(out).toMatch(new RegExp(`\\d:\\d\\d {2}${kind}`));
    expect(out).toMatch(/Done: /);
    expect(r.out()).not.toMatch(/\x1b\[\d*A|\x1b\[\?25l/); // no cursor-up, no hidden cursor: no live view
    expect(r.out().length).toBeLessThan(20_000);
  });

  it('obeys SIGTERM within a second', async () => {
    const { home, file } = setup('30s');
    const r = underScript('stty cols 0 rows 0;', `run ${file} --no-tips`, home);
    await r.waitFor(/ 0:00 {2}locate/);
    await sleep(500);
    const sent = performance.now();
    process.kill(r.pid(), 'SIGTERM');
    expect(await r.exited).toBe(143);
    expect(r.exitedAt() - sent).toBeLessThan(3_000); // promptly, with room for a loaded machine
    expect(stripVTControlCharacters(r.out())).toMatch(/Stopped \(interrupted, SIGTERM\) after 0:0\d/);
  });

  it('a live view whose terminal drops to zero columns mid-run goes on in plain lines, on time, and obeys SIGTERM', async () => {
    const { home, file } = setup('3s');
    const r = underScript('stty cols 100 rows 30; (sleep 2; stty cols 0 rows 0 < /dev/tty && echo RESIZED) &', `run ${file} --no-tips`, home);
    const start = await r.waitFor(/LOCATE/);
    await r.waitFor(/RESIZED/);
    // The next phase comes as a plain line at its time (3 s after the first frame), not a frame.
    const ramp = await r.waitFor(/ 0:03 {2}ramp/);
    expect(ramp - start).toBeGreaterThan(2_500);
    expect(ramp - start).toBeLessThan(4_000);
    const at = r.out().length;
    await r.waitFor(/ 0:06 {2}hold/);
    const after = r.out().slice(at);
    expect(after).not.toMatch(/\x1b\[\d*A/); // no cursor-up: plain lines
    expect(after.length).toBeLessThan(2_000); // lines, not a flood of cursor codes
    const sent = performance.now();
    process.kill(r.pid(), 'SIGTERM');
    expect(await r.exited).toBe(143);
    expect(r.exitedAt() - sent).toBeLessThan(3_000); // promptly, with room for a loaded machine
  });
});
