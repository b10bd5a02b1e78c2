// Driving the built CLI in a real terminal: tmux on a private socket, a bash per session.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, tempDir } from '../helpers.js';

/** Is tmux installed? Terminal tests skip without it. */
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A tmux server of our own (a unique -L socket), so parallel test files never meet. */
export function tmuxServer(name: string) {
  const socket = `acupress-${name}-${process.pid}`;
  let n = 0;
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = (s: string) => tmux('capture-pane', '-p', '-t', s);
  /** The screen with everything scrolled off above it. */
  const history = (s: string) => tmux('capture-pane', '-p', '-S', '-', '-t', s);
  return {
    tmux,
    screen,
    /** Send tmux key names (`Up`, `C-z`, `Enter`) or words. */
    keys: (s: string, ...k: string[]) => void tmux('send-keys', '-t', s, ...k),
    /** Send bytes exactly as given (escape sequences included). */
    raw: (s: string, text: string) => void tmux('send-keys', '-t', s, '-l', text),
    /** Is the cursor visible in the pane? */
    cursorShown: (s: string) => tmux('display-message', '-p', '-t', s, '#{cursor_flag}').trim() === '1',
    /** The process id of the pane's foreground child of bash (the CLI), for kill. */
    childPid(s: string): number {
      const shell = tmux('display-message', '-p', '-t', s, '#{pane_pid}').trim();
      const out = execFileSync('ps', ['-o', 'pid=', '--ppid', shell], { encoding: 'utf8' }).trim().split(/\s+/).filter(Boolean);
      if (out.length !== 1) throw new Error(`expected one child of bash ${shell}, got ${JSON.stringify(out)}`);
      return Number(out[0]);
    },
    /**
     * A fresh session running bash in a new home; types `node <bin> <args>` (no `; echo`, so the
     * job can be stopped and brought back with fg); `wrap` makes that command part of a longer
     * one (a parent that waits for it). Returns the session name and home.
     */
    session(args: string, opts: { profile?: boolean; cols?: number; rows?: number; wrap?: (cmd: string) => string } = {}): { s: string; home: string } {
      const s = `s${++n}`;
      const home = tempDir('acupress-tty-');
      if (opts.profile !== false) {
        mkdirSync(join(home, '.config/acupress'), { recursive: true });
        writeFileSync(join(home, '.config/acupress/profile.yaml'), 'conditions: []\n');
      }
      const env = `env -u CI HISTFILE=/dev/null LESSHISTFILE=- fish_history= HOME=${home} XDG_CONFIG_HOME=${home}/.config PS1='$ ' TERM=xterm-256color LANG=C.UTF-8`;
      for (let attempt = 1; ; attempt++) {
        try {
          tmux('new-session', '-d', '-s', s, '-x', String(opts.cols ?? 100), '-y', String(opts.rows ?? 30), `${env} bash --norc --noprofile`);
          break;
        } catch (e) {
          if (attempt >= 5) throw e;
          execFileSync('sleep', ['0.2']);
        }
      }
      const cmd = `node ${BIN} ${args}`;
      tmux('send-keys', '-t', s, opts.wrap ? opts.wrap(cmd) : cmd, 'Enter');
      return { s, home };
    },
    /** Wait until the screen (or with `scrollback`, all the pane printed) matches, or fail with what it showed. */
    async waitFor(s: string, re: RegExp, ms = 8000, scrollback = false): Promise<string> {
      const until = Date.now() + ms;
      let last = '';
      while (Date.now() < until) {
        last = scrollback ? history(s) : screen(s);
        if (re.test(last)) return last;
        await sleep(100);
      }
      throw new Error(`screen never matched ${re}:\n${last}`);
    },
    kill: () => void spawnSync('tmux', ['-L', socket, 'kill-server']),
  };
}
