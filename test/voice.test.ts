// Speech: cue text reaches the engine as one literal argument, never through a shell.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../src/core/clock.js';
import { findEngine, speaker, STOP_GRACE_MS } from '../src/render/voice.js';
import { cli, cliAsync, routineObj, tempTree } from './helpers.js';

/** Whether a process is running (a zombie, killed and waiting to be reaped, is not). */
function alive(pid: number): boolean {
  try {
    // The state is the field after the command's name, which is in parentheses.
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const hostile = '$(touch /tmp/acupress-pwned); rm -rf ~; `id`';

describe('voice', () => {
  it('passes a hostile cue as one argument to the speech command', () => {
    const dir = tempTree({
      'say.sh': '#!/bin/sh\nfor a in "$@"; do printf "%s\\n--\\n" "$a" >> "$(dirname "$0")/spoken.txt"; done\n',
      'routines/evil.yaml': routineObj({ id: 'evil', steps: [{ rest: '1s', cue: hostile }, { rest: '1s', cue: 'second cue' }] }),
    });
    chmodSync(join(dir, 'say.sh'), 0o755);
    const r = cli(['--data', dir, 'run', 'evil', '--voice', '--json'], { env: { ACUPRESS_SPEECH: join(dir, 'say.sh') } });
    expect(r.code).toBe(0);
    // The second cue may cut the first short, but each arrived whole, as a single argument.
    const spoken = readFileSync(join(dir, 'spoken.txt'), 'utf8').split('\n--\n').filter(Boolean);
    expect(spoken).toContain(hostile);
    expect(existsSync('/tmp/acupress-pwned')).toBe(false);
  });

  it('stops the cue being spoken at the end, says "done", and never waits long on a slow speech command', async () => {
    // The speech command takes 30 s for anything it says and leaves a note of each process it
    // ran. The routine lasts 1 s; before issue 9b's fix the run waited for the stale cue and the
    // "done" (20 s cap): the log's end came 20 s late and the process lingered as long.
    const dir = tempTree({
      'say.sh': '#!/bin/sh\nd="$(dirname "$0")"\nfor cue; do :; done\necho "$$" >> "$d/pids"\necho "start $cue" >> "$d/spoken.log"\nsleep 30\necho "end $cue" >> "$d/spoken.log"\n',
      'routines/one.yaml': routineObj({ id: 'one', title: 'One rest', steps: [{ rest: '1s', cue: 'last cue' }] }),
    });
    chmodSync(join(dir, 'say.sh'), 0o755);
    const r = await cliAsync(['--data', dir, 'run', 'one', '--voice', '--plain', '--no-tips'], { env: { ACUPRESS_SPEECH: join(dir, 'say.sh'), HOME: dir } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Done: One rest');
    // The session log ends when the routine did, not when the speech gave up.
    const record = JSON.parse(readFileSync(join(dir, '.local/state/acupress/history.jsonl'), 'utf8').trim().split('\n').at(-1)!);
    expect(Date.parse(record.end) - Date.parse(record.start)).toBeLessThan(2_500);
    // The stale cue was cut short and "done" was said; no cue was heard out, and once acupress
    // has exited no speech process is left running.
    const log = readFileSync(join(dir, 'spoken.log'), 'utf8').trim().split('\n');
    expect(log).toEqual(['start last cue', 'start Done. One rest is complete.']);
    if (existsSync('/proc/self/stat')) for (const pid of readFileSync(join(dir, 'pids'), 'utf8').trim().split('\n')) expect(alive(Number(pid))).toBe(false);
  }, 30_000);

  it.skipIf(!existsSync('/proc/self/stat'))('kills a speech command that ignores SIGTERM after a short grace, with what it started', async () => {
    // The engine ignores SIGTERM (and so does the sleep it starts, which inherits that).
    const dir = tempTree({ 'say.sh': '#!/bin/sh\ntrap "" TERM\nsleep 30 &\necho "$$ $!" > "$(dirname "$0")/pids"\nwait\n' });
    chmodSync(join(dir, 'say.sh'), 0o755);
    const clock = new FakeClock();
    const s = speaker({ command: join(dir, 'say.sh'), args: [] }, (m) => { throw new Error(m); }, undefined, clock);
    s.say('a cue');
    for (let i = 0; i < 100 && !existsSync(join(dir, 'pids')); i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 50));
    const pids = readFileSync(join(dir, 'pids'), 'utf8').trim().split(' ').map(Number);
    expect(pids).toHaveLength(2);
    const stopped = s.stop();
    await new Promise((r) => setTimeout(r, 100));
    // SIGTERM was ignored: both are still there until the grace has passed.
    expect(pids.map(alive)).toEqual([true, true]);
    clock.advance(STOP_GRACE_MS);
    await stopped;
    for (let i = 0; i < 50 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 20));
    expect(pids.map(alive)).toEqual([false, false]);
  });

  it.skipIf(!existsSync('/proc/self/stat'))('after the grace, kills the whole group: a member that ignores SIGTERM does not outlive a leader that exits on it', async () => {
    // The leader (sh) exits on SIGTERM; the sleep it started ignores it.
    const dir = tempTree({ 'say.sh': '#!/bin/sh\n(trap "" TERM; exec sleep 30) &\necho "$$ $!" > "$(dirname "$0")/pids"\nwait\n' });
    chmodSync(join(dir, 'say.sh'), 0o755);
    const clock = new FakeClock();
    const s = speaker({ command: join(dir, 'say.sh'), args: [] }, (m) => { throw new Error(m); }, undefined, clock);
    s.say('a cue');
    for (let i = 0; i < 100 && !existsSync(join(dir, 'pids')); i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 50));
    const [leader, member] = readFileSync(join(dir, 'pids'), 'utf8').trim().split(' ').map(Number) as [number, number];
    const stopped = s.stop();
    for (let i = 0; i < 50 && alive(leader); i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 50));
    expect([alive(leader), alive(member)]).toEqual([false, true]);
    clock.advance(STOP_GRACE_MS);
    await stopped;
    for (let i = 0; i < 50 && alive(member); i++) await new Promise((r) => setTimeout(r, 20));
    expect(alive(member)).toBe(false);
  });

  it('reports a missing engine once and carries on', () => {
    const dir = tempTree({ 'routines/two.yaml': routineObj({ id: 'two', steps: [{ rest: '1s' }, { rest: '1s' }] }) });
    const r = cli(['--data', dir, 'run', 'two', '--voice', '--json'], { env: { ACUPRESS_SPEECH: 'no-such-speech-engine' } });
    expect(r.code).toBe(0);
    expect(r.stderr.match(/no speech engine found/g)).toHaveLength(1);
    expect(r.stdout).toContain('"reason":"done"');
  });

  it('finds engines on PATH without a shell', () => {
    const dir = tempTree({ 'espeak-ng': '#!/bin/sh\n' });
    chmodSync(join(dir, 'espeak-ng'), 0o755);
    expect(findEngine('linux', { PATH: dir })).toEqual({ command: join(dir, 'espeak-ng'), args: [] });
    expect(findEngine('linux', { PATH: '/nonexistent' })).toBeUndefined();
    // PowerShell runs every argument after -Command as code: the text travels in the environment.
    const win = findEngine('win32', {})!;
    expect(win.args.join(' ')).toContain('$env:ACUPRESS_SPEECH_TEXT');
    expect(win.env).toBe('ACUPRESS_SPEECH_TEXT');
  });

  const hasEspeak = spawnSync('espeak-ng', ['--version']).status === 0;
  it.skipIf(!hasEspeak)('a real espeak-ng writes the cue to a WAV file', async () => {
    const dir = tempTree({});
    const wav = join(dir, 'cue.wav');
    const s = speaker({ command: 'espeak-ng', args: ['-w', wav] }, (m) => { throw new Error(m); });
    s.say('Hold steady pressure on LI4.');
    for (let i = 0; i < 50 && !(existsSync(wav) && statSync(wav).size > 1000); i++) await new Promise((r) => setTimeout(r, 100));
    expect(readFileSync(wav).subarray(0, 4).toString()).toBe('RIFF');
  });
});

describe('speech arguments (issue 15)', () => {
  it('puts "--" before the text for every engine that takes it as an argument', async () => {
    const { speechCall } = await import('../src/render/voice.js');
    for (const engine of [{ command: 'espeak-ng', args: [] }, { command: 'spd-say', args: ['--wait'] }, { command: 'say', args: [] }, { command: '/my/speech', args: [] }]) {
      expect(speechCall(engine, '-f/etc/passwd').args).toEqual([...engine.args, '--', '-f/etc/passwd']);
    }
    const win = findEngine('win32', {})!;
    const call = speechCall(win, '"); Remove-Item -Recurse C:\\; ("', { PATH: '/x' });
    expect(call.args).toEqual(win.args);
    expect(call.env!.PATH).toBe('/x');
    expect(call.env!.ACUPRESS_SPEECH_TEXT).toBe('"); Remove-Item -Recurse C:\\; ("');
  });
});
