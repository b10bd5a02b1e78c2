// Signals and streams against the real process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, spawnCli, tempDir } from '../helpers.js';

/**
 * A parent (Python: Node cannot make a raw pipe) that fills a pipe to the brim, starts
 * `acupress run headache --json --yes` writing into it and never reads: the first event finds
 * no room. Once the child is stuck in the write (wchan) or has made the pipe non-blocking
 * (libuv's stream), the parent sends SIGTERM and waits for the exit, up to 20 s.
 */
const STUCK_READER = `
import fcntl, json, os, signal, subprocess, sys, time
r, w = os.pipe()
os.set_blocking(w, False)
try:
    while True:
        os.write(w, b'x' * 4096)
except BlockingIOError:
    pass
os.set_blocking(w, True)
child = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=w, stderr=subprocess.PIPE)
for _ in range(600):
    try:
        wchan = open('/proc/%d/wchan' % child.pid).read()
    except OSError:
        wchan = ''
    if 'pipe_write' in wchan or fcntl.fcntl(w, fcntl.F_GETFL) & os.O_NONBLOCK:
        break
    time.sleep(0.05)
time.sleep(0.5)
child.send_signal(signal.SIGTERM)
try:
    code = child.wait(timeout=20)
except subprocess.TimeoutExpired:
    code = 'still running 20 s after SIGTERM'
    child.kill()
    child.wait()
print(json.dumps({'code': code, 'stderr': child.stderr.read().decode()}))
`;
const python = spawnSync('python3', ['--version']).status === 0;

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
    // With --json, who should not use the routine goes to stderr first; the summary is its own line.
    expect(r.err()).toMatch(new RegExp(`^Stopped \\(interrupted, ${sig}\\) after 0:0\\d of \\d+:\\d\\d: Headache relief\\.`, 'm'));
    expect(r.err()).toMatch(/^Who should not use this routine:\n/);
  });

  it.skipIf(!python || !existsSync('/proc/self/wchan'))('a reader that never reads does not block the run: SIGTERM still ends it with 143, and the session is logged', () => {
    const home = tempDir('acupress-home-');
    const env = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_STATE_HOME: join(home, 'state') };
    // A routine that starts with a massage: a session from its first second (a press needs its hold to have begun).
    const data = tempDir('acupress-rub-');
    mkdirSync(join(data, 'routines'));
    writeFileSync(join(data, 'routines', 'rub.yaml'), 'id: rub\ntitle: Rub\nsummary: One massage.\nsources: [me]\nsteps:\n  - massage: the tops of both shoulders\n    region: shoulder\n    motion: kneading\n    duration: 1m\n');
    const r = spawnSync('python3', ['-c', STUCK_READER, process.execPath, BIN, 'run', 'rub', '--data', data, '--json', '--yes'], { env, encoding: 'utf8', timeout: 90_000 });
    expect(JSON.parse(r.stdout)).toEqual({ code: 143, stderr: expect.stringMatching(/^Stopped \(interrupted, SIGTERM\) after 0:0\d of 1:00: Rub\.\n$/) });
    const log = readFileSync(join(home, 'state', 'acupress', 'history.jsonl'), 'utf8').trim().split('\n');
    expect(log.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ type: 'session', target: 'rub', completed: false, reason: 'interrupted', signal: 'SIGTERM' })]);
  }, 100_000);

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
