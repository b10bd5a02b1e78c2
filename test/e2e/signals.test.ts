// Signals and streams against the real process.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers.js';

function runUntilFirstPhase(args: string[]) {
  const child = spawnCli(args);
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const started = new Promise<void>((resolve) => child.stdout.on('data', () => out.includes('"type":"phase"') && resolve()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, started, exited, out: () => out, err: () => err };
}

describe('signals', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const)('%s ends the run with exit %i and a summary on stderr', async (sig, code) => {
    const r = runUntilFirstPhase(['run', 'headache', '--json']);
    await r.started;
    r.child.kill(sig);
    expect(await r.exited).toEqual({ code, signal: null });
    expect(r.out()).toContain(`"reason":"interrupted","elapsed_ms"`);
    expect(r.err()).toMatch(new RegExp(`^Stopped \\(interrupted, ${sig}\\) after 0:0\\d of \\d+:\\d\\d: Headache relief\\.`));
  });

  it.skipIf(!existsSync('/proc/self/stat'))('a closed stdin does not spin the CPU', async () => {
    const r = runUntilFirstPhase(['run', 'headache', '--json']);
    r.child.stdin.end();
    await r.started;
    const cpu = () => {
      // utime + stime, in clock ticks (normally 100 a second), from /proc/<pid>/stat.
      const fields = readFileSync(`/proc/${r.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]);
    };
    const before = cpu();
    await new Promise((res) => setTimeout(res, 3000));
    const used = cpu() - before;
    r.child.kill('SIGTERM');
    await r.exited;
    expect(used).toBeLessThan(15); // under 0.15 s of CPU in 3 s of waiting
  });
});
