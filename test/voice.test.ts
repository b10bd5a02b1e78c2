// Speech: cue text reaches the engine as one literal argument, never through a shell.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../src/core/clock.js';
import { findEngine, speaker, STOP_GRACE_MS } from '../src/render/voice.js';
import { cli, cliAsync, fakeIo, routineObj, tempTree } from './helpers.js';
import { pressCue, rampCue } from '../src/core/cues.js';
import { speechMs, spokenCue, SPEECH_MARGIN, SPEECH_WPM } from '../src/core/spoken-cue.js';
import { run as runCmd } from '../src/commands/run.js';
import { buildBuiltin } from '../src/store/build-builtin.js';
import type { Point } from '../src/model/types.js';
import type { PhaseKind, Side } from '../src/model/timeline.js';

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

/**
 * A speaker over the speech command `script` (which writes its own pid and its child's to
 * "pids" beside it), on a fake clock, saying one cue: once both pids are written.
 */
async function speaking(script: string) {
  const dir = tempTree({ 'say.sh': script });
  chmodSync(join(dir, 'say.sh'), 0o755);
  const clock = new FakeClock();
  const s = speaker({ command: join(dir, 'say.sh'), args: [] }, (m) => { throw new Error(m); }, undefined, clock);
  s.say('a cue');
  for (let i = 0; i < 100 && !existsSync(join(dir, 'pids')); i++) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 50));
  return { s, clock, pids: readFileSync(join(dir, 'pids'), 'utf8').trim().split(' ').map(Number) };
}

describe('voice', () => {
  it('passes a hostile cue as one argument to the speech command', () => {
    const dir = tempTree({
      'say.sh': '#!/bin/sh\nfor a in "$@"; do printf "%s\\n--\\n" "$a" >> "$(dirname "$0")/spoken.txt"; done\n',
      // 3 s: time enough to say the cue whole (by spokenCue's estimate), so it is not shortened.
      'routines/evil.yaml': routineObj({ id: 'evil', steps: [{ rest: '3s', cue: hostile }, { rest: '1s', cue: 'second cue' }] }),
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
    const { s, clock, pids } = await speaking('#!/bin/sh\ntrap "" TERM\nsleep 30 &\necho "$$ $!" > "$(dirname "$0")/pids"\nwait\n');
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
    const { s, clock, pids } = await speaking('#!/bin/sh\n(trap "" TERM; exec sleep 30) &\necho "$$ $!" > "$(dirname "$0")/pids"\nwait\n');
    const [leader, member] = pids as [number, number];
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

describe('spoken cues fit their phase (session 10)', () => {
  // The shown cues come from the planner, as a run shows them; the points from the built-in data.
  const data = buildBuiltin();
  const point = (id: string) => data.points.find((p) => p.id === id)!;
  const LI4 = point('LI4');
  const BL2 = point('BL2');
  // A ramp carries its words as data, as plan() makes it (rampCue); speech reads them, not its text.
  const phase = (kind: PhaseKind, p: Point, side: Side, s: number, extra: Parameters<typeof pressCue>[3] = {}) => {
    if (kind !== 'ramp') return { kind, side, duration_ms: s * 1000, text: pressCue(kind, p, side, extra) };
    const { text, ...said } = rampCue(p, side, extra);
    return { kind, side, duration_ms: s * 1000, text, said };
  };

  it('estimates words at espeak-ng\'s default rate with a margin, a point code letter by letter', () => {
    expect(speechMs('one two three')).toBe(Math.round((3 * 60_000 * SPEECH_MARGIN) / SPEECH_WPM));
    expect(speechMs('LI4')).toBe(speechMs('L I 4'));
  });

  it('says a cue that fits whole, exactly as shown', () => {
    const hold = phase('hold', LI4, 'left', 30);
    expect(spokenCue(hold, LI4)).toBe(hold.text);
    const ramp = phase('ramp', LI4, 'left', 20, { cue: 'Pinch the web of your hand firmly and breathe out slowly.' });
    expect(spokenCue(ramp, LI4)).toBe(ramp.text);
  });

  it('shortens a cue longer than its phase to a form that fits, with the point, side and action', () => {
    // The headache routine's locate (10 s) and ramp (10 s), and the desk break's (5 s each).
    const locate = phase('locate', LI4, 'left', 10);
    expect(speechMs(locate.text)).toBeGreaterThan(10_000);
    const said = spokenCue(locate, LI4);
    expect(said).toBe('Find LI4 (Hégǔ), left hand: squeeze your thumb against the side of your index finger.');
    expect(speechMs(said)).toBeLessThanOrEqual(10_000);
    expect(spokenCue({ ...locate, duration_ms: 5_000 }, LI4)).toBe('Find LI4 (Hégǔ), left hand.');
    const ramp = phase('ramp', LI4, 'right', 5, { cue: 'Pinch the web of your hand firmly and breathe out slowly.' });
    expect(spokenCue(ramp, LI4)).toBe('Slowly press LI4 (Hégǔ), right hand, firmly.');
    expect(spokenCue(phase('hold', LI4, 'left', 4), LI4)).toBe('Hold. Breathe slowly.');
    expect(spokenCue(phase('switch', LI4, 'right', 1), LI4)).toBe('Other side.');
  });

  it('never drops a safety word: what never to do stays, and a ramp says "gently" when its cue does', () => {
    const ramp = phase('ramp', BL2, 'both', 5, { cue: 'Fingertips at the inner ends of your eyebrows, beside the bridge of the nose. Press gently up into the brow bone, never into the eye.' });
    const said = spokenCue(ramp, BL2);
    expect(said).not.toBe(ramp.text);
    expect(said).toContain('gently');
    expect(said).toContain('never into the eye');
    // A moderate point whose cue asks for a light touch anywhere is pressed "gently", not "steadily".
    const pc6 = point('PC6');
    const light = phase('ramp', pc6, 'left', 3, { cue: 'Press with your thumb, gently and steadily, in small circles. Press gently with your thumb.' });
    expect(spokenCue(light, pc6)).toMatch(/gently/);
    const warned = phase('ramp', pc6, 'left', 3, { cue: 'Press with your thumb in small circles. It should never hurt.' });
    expect(spokenCue(warned, pc6)).toContain('It should never hurt.');
    // A locate's caution in the point's directions stays too.
    const eye = { ...phase('locate', BL2, 'both', 5), text: 'Find BL2 (Zǎnzhú, Gathered Bamboo) on both sides: where the eyebrow starts, feel the notch in the rim of the socket; press only up into the bone, never toward the eyeball.' };
    expect(spokenCue(eye, BL2)).toContain('Press only up into the bone, never toward the eyeball.');
  });

  it('through a run: every cue a quick desk break speaks fits its phase by the estimate', async () => {
    // The fake engine records the text it is given (its last argument) in one line each.
    const dir = tempTree({ 'say.sh': '' });
    const heard = join(dir, 'heard.txt');
    writeFileSync(join(dir, 'say.sh'), `#!/bin/sh\nfor cue; do :; done\nprintf '%s\\n' "$cue" >> '${heard}'\n`);
    chmodSync(join(dir, 'say.sh'), 0o755);
    const { io, stdout, clock } = fakeIo({ ACUPRESS_SPEECH: join(dir, 'say.sh') });
    const done = runCmd({ args: ['desk-break'], quick: true, voice: true, json: true, tips: false, history: false, yes: true, profile: false }, io);
    const lines = () => (existsSync(heard) ? readFileSync(heard, 'utf8').split('\n').filter(Boolean) : []);
    const phases = () => stdout.text().split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((e) => e.type === 'phase');
    let ended = false;
    void done.then(() => (ended = true), () => (ended = true));
    // One second at a time, each new cue heard before the next phase can cut its engine short.
    for (let i = 0; i < 2_000 && !ended; i++) {
      for (let w = 0; w < 200 && lines().length < phases().length; w++) await new Promise((r) => setTimeout(r, 10));
      clock.advance(1_000);
      await new Promise((r) => setTimeout(r, 1));
    }
    await done;
    const shown = phases();
    const said = lines().slice(0, shown.length);
    expect(shown.length).toBeGreaterThan(10);
    expect(said).toHaveLength(shown.length);
    shown.forEach((p, i) => expect({ said: said[i], ms: speechMs(said[i]!) <= p.duration_ms }).toEqual({ said: said[i], ms: true }));
    // Some cues were too long to say whole; the screen (and --json) still shows them in full.
    expect(shown.some((p, i) => p.text !== said[i])).toBe(true);
    expect(shown.find((p) => p.kind === 'locate')!.text).toMatch(/^Find GB20 \(Fēngchí, Wind Pool\) on both sides: /);
  }, 60_000);
});
