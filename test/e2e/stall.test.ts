// A stopped process (kill -STOP, a debugger, a starved machine) must not bunch its phases when
// it runs again: the stop counts as paused time, shows in the output, and every later phase
// keeps its planned length. Real processes, real signals, real time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runEventSchema } from '../../src/model/json-schemas.js';
import type { RunEvent } from '../../src/model/events.js';
import { routineObj, spawnCli, tempDir } from '../helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A midline point (no sides to switch): locate 2 s, ramp 2 s, hold 8 s, release 2 s. */
function routineFile(timing: Record<string, string | number>): string {
  const dir = tempDir('acupress-stall-');
  const file = join(dir, 'stall.yaml');
  writeFileSync(file, stringify(routineObj({ id: 'stall', steps: [{ press: 'GV20' }], timing })));
  return file;
}

/** Spawn a run and record each stdout line with the time it arrived. */
function record(args: string[]) {
  const child = spawnCli(args);
  const lines: Array<{ at: number; line: string }> = [];
  let buf = '';
  child.stdout.on('data', (d) => {
    buf += d;
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      lines.push({ at: performance.now(), line: buf.slice(0, i) });
      buf = buf.slice(i + 1);
    }
  });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  let done = false;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => ((done = true), resolve(code))));
  const waitFor = async (re: RegExp) => {
    while (!lines.some((l) => re.test(l.line))) {
      if (done) throw new Error(`exited before ${re}: ${err}`);
      await sleep(20);
    }
    return lines.find((l) => re.test(l.line))!;
  };
  return { child, lines, exited, waitFor, err: () => err };
}

describe('a stopped run', () => {
  it.concurrent('--json: a 6 s stop in the middle of a hold shows as a stall, and every later phase keeps its planned length', async () => {
    const file = routineFile({ locate: '2s', ramp: '2s', hold: '8s', release: '2s', rounds: 1 });
    const r = record(['run', file, '--json']);
    await r.waitFor(/"kind":"hold"/);
    await sleep(3_000);
    r.child.kill('SIGSTOP');
    await sleep(6_000);
    r.child.kill('SIGCONT');
    expect(await r.exited).toBe(0);
    const events = r.lines.map((l) => ({ at: l.at, ev: runEventSchema.parse(JSON.parse(l.line)) as RunEvent }));

    const stall = events.filter((e) => e.ev.type === 'pause' || e.ev.type === 'resume').map((e) => e.ev);
    expect(stall.map((e) => [e.type, 'reason' in e && e.reason])).toEqual([['pause', 'stall'], ['resume', 'stall']]);
    const resume = stall[1] as Extract<RunEvent, { type: 'resume' }>;
    // The gap counted from the last moment the process was seen running: the stop, plus up to a tick.
    expect(resume.paused_ms).toBeGreaterThanOrEqual(6_000 - 200);
    expect(resume.paused_ms).toBeLessThanOrEqual(6_000 + 1_300);
    expect(resume.elapsed_ms).toBeGreaterThanOrEqual(4_000); // inside the hold (4 s to 12 s)
    expect(resume.elapsed_ms).toBeLessThan(12_000);

    // Active time: every phase starts at its planned offset and the run ends at the planned total.
    const phases = events.filter((e) => e.ev.type === 'phase') as Array<{ at: number; ev: Extract<RunEvent, { type: 'phase' }> }>;
    expect(phases.map((p) => p.ev.kind)).toEqual(['locate', 'ramp', 'hold', 'release']);
    for (const p of phases) expect(Math.abs(p.ev.elapsed_ms! - p.ev.planned_ms)).toBeLessThanOrEqual(50);
    const end = events.at(-1)!;
    expect(end.ev).toMatchObject({ type: 'end', completed: true, reason: 'done' });
    expect((end.ev as { elapsed_ms: number }).elapsed_ms).toBeGreaterThanOrEqual(14_000);
    expect((end.ev as { elapsed_ms: number }).elapsed_ms).toBeLessThanOrEqual(14_100);

    // Clock time as a reader sees it: the hold lasted its 8 s plus the stall; the release, after
    // it, its planned 2 s (before the fix it came the moment the process ran again).
    const wall = (i: number) => (i + 1 < phases.length ? phases[i + 1]!.at : end.at) - phases[i]!.at;
    expect(Math.abs(wall(0) - 2_000)).toBeLessThan(400);
    expect(Math.abs(wall(1) - 2_000)).toBeLessThan(400);
    expect(Math.abs(wall(2) - (8_000 + resume.paused_ms))).toBeLessThan(400);
    expect(Math.abs(wall(3) - 2_000)).toBeLessThan(400);
  }, 40_000);

  it.concurrent('--plain --bell: no phase lines or bells bunch after a stop; the stall is one line', async () => {
    const file = routineFile({ locate: '2s', ramp: '2s', hold: '4s', release: '2s', rounds: 1 });
    const r = record(['run', file, '--plain', '--bell', '--no-tips']);
    await r.waitFor(/ ramp /);
    await sleep(500);
    r.child.kill('SIGSTOP');
    await sleep(7_000); // past the ramp, the hold and the release
    r.child.kill('SIGCONT');
    expect(await r.exited).toBe(0);
    const phaseLines = r.lines.filter((l) => /^\x07? ?\d+:\d\d {2}(locate|ramp|hold|release)/.test(l.line));
    expect(phaseLines.map((l) => /(locate|ramp|hold|release)/.exec(l.line)![1])).toEqual(['locate', 'ramp', 'hold', 'release']);
    for (let i = 1; i < phaseLines.length; i++) expect(phaseLines[i]!.at - phaseLines[i - 1]!.at).toBeGreaterThan(1_500);
    expect(r.lines.filter((l) => /^\x07?stalled for 0:0[78] at 0:0[23]; going on from there$/.test(l.line))).toHaveLength(1);
  }, 40_000);
});
