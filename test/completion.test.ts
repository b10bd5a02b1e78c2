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
    [['run', 'headac'], [':files', 'headache']],
    [['validate', ''], [':files']],
    [['run', '--data', ''], [':dirs']],
    [['--data', 'x', 'run', 'headac'], [':files', 'headache']],
    [['--data', 'run', 'h'], ['history']],
    [['run', '--ro'], ['--rounds']],
    [['run', '--side', ''], ['left', 'right', 'both']],
    [['check', '--condition', 'preg'], ['pregnancy']],
    [['list', 'po'], ['points']],
    [['completion', ''], ['bash', 'zsh', 'fish']],
    [['show', 'st3'], [':files', 'ST3', 'ST30', 'ST31', 'ST32', 'ST33', 'ST34', 'ST35', 'ST36', 'ST37', 'ST38', 'ST39']],
  ] as Array<[string[], string[]]>)('%j → %j', (words, want) => {
    expect(candidates(catalog, spec, words)).toEqual(want);
  });
  it('show also completes conditions; run does not', () => {
    expect(candidates(catalog, spec, ['show', 'pregn'])).toEqual([':files', 'pregnancy']);
    expect(candidates(catalog, spec, ['run', 'pregn'])).toEqual([':files']);
  });
});

describe('the hidden __complete mode', () => {
  it('includes user routines', () => {
    const dir = tempTree({ 'routines/zz-mine.yaml': routineObj({ id: 'zz-mine' }) });
    expect(cli(['__complete', 'run', 'zz'], { env: { ACUPRESS_DATA: dir } }).stdout).toBe(':files\nzz-mine\n');
  });
  it('reads routines from a --data directory typed on the line, and a typed --help or --data is not commander\'s', () => {
    const dir = tempTree({ 'routines/zz-typed.yaml': routineObj({ id: 'zz-typed' }) });
    expect(cli(['__complete', '--data', dir, 'run', 'zz'])).toMatchObject({ code: 0, stdout: ':files\nzz-typed\n', stderr: '' });
    expect(cli(['__complete', 'run', '--data', ''])).toMatchObject({ code: 0, stdout: ':dirs\n' });
    expect(cli(['__complete', 'run', '--help', '--s'])).toMatchObject({ code: 0, stdout: '--side\n--skip-unsafe\n' });
  });
  it('lists real flags from the command definitions', () => {
    expect(cli(['__complete', 'run', '--ski']).stdout).toBe('--skip-unsafe\n');
  });
});

/** Whether `shell` is installed here; .ci/run installs all three. */
const installed = (shell: string) => spawnSync(shell, ['--version']).status === 0;

describe('scripts', () => {
  it.each(['bash', 'zsh', 'fish'])('%s script calls back into acupress', (shell) => {
    expect(script(shell)).toContain('acupress __complete');
  });
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
let sessions = 0;

/** Type `line`, press Tab in `shell` with acupress's completion loaded, and return the screen once it shows `want`. */
async function tabIn(shell: 'bash' | 'zsh' | 'fish', line: string, want: RegExp): Promise<string> {
  const home = tempDir(`acupress-comp-${shell}-`);
  const bin = join(home, 'bin');
  mkdirSync(bin);
  symlinkSync(BIN, join(bin, 'acupress'));
  chmodSync(BIN, 0o755);
  writeFileSync(join(home, 'my-routine.yaml'), 'id: mine\n');
  mkdirSync(join(home, 'my-data'));
  const rc = {
    bash: [join(home, '.bashrc'), `PS1='$ '\nexport PATH=${bin}:$PATH\neval "$(acupress completion bash)"\n`, `bash --rcfile ${home}/.bashrc -i`],
    zsh: [join(home, '.zshrc'), `PS1='$ '\nexport PATH=${bin}:$PATH\nautoload -Uz compinit && compinit -u\neval "$(acupress completion zsh)"\n`, 'zsh -i'],
    fish: [join(home, '.config/fish/config.fish'), `function fish_prompt; echo -n '$ '; end\nset -gx PATH ${bin} $PATH\nacupress completion fish | source\n`, 'fish -i'],
  }[shell];
  mkdirSync(join(rc[0]!, '..'), { recursive: true });
  writeFileSync(rc[0]!, rc[1]!);
  const sock = `acupress-comp-${shell}-${process.pid}-${++sessions}`;
  const tmux = (...a: string[]) => execFileSync('tmux', ['-L', sock, ...a], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  let screen = '';
  try {
    // No shell may write in home after the test: no history (bash, zsh, fish), and fish's first start
    // would otherwise spawn a background job writing man-page completions there (skipped under
    // FISH_UNIT_TESTS_RUNNING, an internal of fish 3's config scripts that may skip other start-up
    // work too; the test needs none of it); a late write made removing the temp dir fail with ENOTEMPTY.
    tmux('new-session', '-d', '-s', 'c', '-x', '100', '-y', '20', '-c', home, `env -u CI HISTFILE=/dev/null LESSHISTFILE=- fish_history= FISH_UNIT_TESTS_RUNNING=1 HOME=${home} ZDOTDIR=${home} XDG_CONFIG_HOME=${home}/.config ${rc[2]}`);
    for (let i = 0; i < 50 && !/^\$/m.test(screen); i++) {
      await new Promise((r) => setTimeout(r, 100));
      screen = tmux('capture-pane', '-p', '-t', 'c');
    }
    tmux('send-keys', '-t', 'c', line, 'Tab');
    for (let i = 0; i < 50 && !want.test(screen); i++) {
      await new Promise((r) => setTimeout(r, 100));
      screen = tmux('capture-pane', '-p', '-t', 'c');
    }
    return screen;
  } finally {
    spawnSync('tmux', ['-L', sock, 'kill-server']);
  }
}

describe.skipIf(!hasTmux)('path completion in a terminal', () => {
  for (const shell of ['bash', 'zsh', 'fish'] as const) {
    it.skipIf(!installed(shell))(`${shell}: validate and --data complete paths from the shell`, async () => {
      expect(await tabIn(shell, 'acupress validate my-ro', /acupress validate my-routine\.yaml/)).toMatch(/acupress validate my-routine\.yaml/);
      expect(await tabIn(shell, 'acupress run --data my-d', /acupress run --data my-data\//)).toMatch(/acupress run --data my-data\//);
    });
  }
  it.skipIf(!installed('zsh'))('zsh: completes a routine id', async () => {
    expect(await tabIn('zsh', 'acupress run headac', /acupress run headache/)).toMatch(/acupress run headache/);
  });
});

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
      tmux('new-session', '-d', '-s', 'c', '-x', '100', '-y', '20', `env -u CI HISTFILE=/dev/null LESSHISTFILE=- fish_history= HOME=${home} bash --rcfile ${home}/.bashrc -i`);
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
