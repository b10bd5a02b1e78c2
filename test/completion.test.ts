// Shell completion: the candidate lists, the scripts' syntax, and bash completing in a real terminal.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, GLOBAL_OPTIONS, PROGRAM_FLAGS } from '../src/cli/spec.js';
import { candidates, script } from '../src/commands/completion.js';
import { loadBuiltin } from '../src/store/load-catalog.js';
import { BIN, cli, routineObj, tempDir, tempTree } from './helpers.js';

const spec = { commands: COMMANDS, globals: GLOBAL_OPTIONS, programFlags: Object.values(PROGRAM_FLAGS) };

describe('candidates', async () => {
  const catalog = await loadBuiltin();
  it.each([
    [['r'], ['run', 'rate']],
    [['ru'], ['run']],
    [['rate', ''], ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']],
    [['history', '--routine', 'headac'], ['headache']],
    [['stats', '--routine', 'LI1'], ['LI1', 'LI10', 'LI11', 'LI12', 'LI13', 'LI14', 'LI15', 'LI16', 'LI17', 'LI18', 'LI19']],
    [['history', '--s'], ['--since']],
    [['run', 'headac'], ['headache']],
    [['run', '--ro'], ['--rounds']],
    [['run', '--side', ''], ['left', 'right', 'both']],
    [['check', '--condition', 'preg'], ['pregnancy']],
    [['list', 'po'], ['points']],
    [['completion', ''], ['bash', 'zsh', 'fish']],
    [['show', 'st3'], ['ST3', 'ST30', 'ST31', 'ST32', 'ST33', 'ST34', 'ST35', 'ST36', 'ST37', 'ST38', 'ST39']],
  ] as Array<[string[], string[]]>)('%j → %j', (words, want) => {
    expect(candidates(catalog, spec, words)).toEqual(want);
  });
  it('show also completes conditions; run does not', () => {
    expect(candidates(catalog, spec, ['show', 'pregn'])).toEqual(['pregnancy']);
    expect(candidates(catalog, spec, ['run', 'pregn'])).toEqual([]);
  });
});

describe('the hidden __complete mode', () => {
  it('includes user routines', () => {
    const dir = tempTree({ 'routines/zz-mine.yaml': routineObj({ id: 'zz-mine' }) });
    expect(cli(['__complete', 'run', 'zz'], { env: { ACUPRESS_DATA: dir } }).stdout).toBe('zz-mine\n');
  });
  it('lists real flags from the command definitions', () => {
    expect(cli(['__complete', 'run', '--ski']).stdout).toBe('--skip-unsafe\n');
  });
});

describe('scripts', () => {
  it.each(['bash', 'zsh', 'fish'])('%s script calls back into acupress', (shell) => {
    expect(script(shell)).toContain('acupress __complete');
  });
  // Checked where the shell is installed; .ci/run installs all three.
  const installed = (shell: string) => spawnSync(shell, ['--version']).status === 0;
  for (const shell of ['bash', 'zsh', 'fish']) it.skipIf(!installed(shell))(`${shell} script passes the shell's syntax check`, () => {
    const text = script(shell);
    const dir = tempDir('acupress-comp-');
    writeFileSync(join(dir, 'c'), text);
    const r = spawnSync(shell, shell === 'fish' ? ['--no-execute', join(dir, 'c')] : ['-n', join(dir, 'c')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
  it('an unknown shell is a usage error', () => {
    expect(cli(['completion', 'tcsh'])).toMatchObject({ code: 2, stderr: 'acupress: completion: unknown shell "tcsh"; expected bash, zsh or fish\n' });
  });
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
describe.skipIf(!hasTmux)('bash completion in a terminal', () => {
  it('completes a routine id after Tab', async () => {
    const home = tempDir('acupress-comp-home-');
    const bin = join(home, 'bin');
    mkdirSync(bin);
    symlinkSync(BIN, join(bin, 'acupress'));
    chmodSync(BIN, 0o755);
    writeFileSync(join(home, '.bashrc'), `PS1='$ '\nexport PATH=${bin}:$PATH\neval "$(acupress completion bash)"\n`);
    const sock = `acupress-comp-${process.pid}`;
    const tmux = (...a: string[]) => execFileSync('tmux', ['-L', sock, ...a], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      tmux('new-session', '-d', '-s', 'c', '-x', '100', '-y', '20', `env -u CI HOME=${home} bash --rcfile ${home}/.bashrc -i`);
      await new Promise((r) => setTimeout(r, 500));
      tmux('send-keys', '-t', 'c', 'acupress run headac', 'Tab');
      let screen = '';
      for (let i = 0; i < 50 && !/acupress run headache/.test(screen); i++) {
        await new Promise((r) => setTimeout(r, 100));
        screen = tmux('capture-pane', '-p', '-t', 'c');
      }
      expect(screen).toMatch(/\$ acupress run headache/);
    } finally {
      spawnSync('tmux', ['-L', sock, 'kill-server']);
    }
  });
});
