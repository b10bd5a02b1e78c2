// Speech: cue text reaches the engine as one literal argument, never through a shell.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEngine, speaker } from '../src/render/voice.js';
import { cli, routineObj, tempTree } from './helpers.js';

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

  it('a finished run lets the last cue be heard out, then says it is done', () => {
    // Each utterance takes 1.5 s; the last cue starts 1 s before the run ends, so a run that
    // killed its speech at the end would cut it short.
    const dir = tempTree({
      // The engine gets "--" and then the cue (docs/cli.md): the cue is the last argument.
      'say.sh': '#!/bin/sh\nlog="$(dirname "$0")/spoken.log"\nfor cue; do :; done\necho "start $cue" >> "$log"\nsleep 1.5\necho "end $cue" >> "$log"\n',
      'routines/two.yaml': routineObj({ id: 'two', title: 'Two rests', steps: [{ rest: '1s', cue: 'first cue' }, { rest: '1s', cue: 'last cue' }] }),
    });
    chmodSync(join(dir, 'say.sh'), 0o755);
    const r = cli(['--data', dir, 'run', 'two', '--voice', '--plain', '--no-tips'], { env: { ACUPRESS_SPEECH: join(dir, 'say.sh') } });
    expect(r.code).toBe(0);
    const log = readFileSync(join(dir, 'spoken.log'), 'utf8').trim().split('\n');
    expect(log.slice(-4)).toEqual(['start last cue', 'end last cue', 'start Done. Two rests is complete.', 'end Done. Two rests is complete.']);
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
