// Speaking cues through the system's speech command. Text is always passed as one argument
// in an argument array (spawn, no shell), so routine text can never run a command, and always
// after "--", so a cue that starts with "-" (say "-w/tmp/x" or "-f~/.ssh/id_rsa") can never be
// read as an option: espeak-ng, espeak, spd-say and say all stop reading options there.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Clock } from '../model/clock.js';
import { untrusted } from '../model/printable.js';

/**
 * A speech engine: the program and the arguments that come before the text. The text follows
 * `--` as the last argument, or, with `env`, travels in that environment variable instead.
 */
export interface Engine { command: string; args: string[]; env?: string }

const LINUX = ['espeak-ng', 'espeak', 'spd-say'];

/** The environment variable that carries the text to an engine that takes it from there. */
const SPEECH_TEXT = 'ACUPRESS_SPEECH_TEXT';

/**
 * The argument list and environment for speaking `text` with `engine`: the text after `--`, or,
 * for an engine that takes it from the environment, `env` (the run's own) plus that variable.
 */
export function speechCall(engine: Engine, text: string, env: Record<string, string | undefined> = {}): { args: string[]; env?: Record<string, string | undefined> } {
  if (engine.env) return { args: engine.args, env: { ...env, [engine.env]: text } };
  return { args: [...engine.args, '--', text] };
}

/** Find a program on PATH without a shell. */
export function which(cmd: string, env: Record<string, string | undefined>): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const full = join(dir, cmd);
    try {
      accessSync(full, constants.X_OK);
      return full;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The engine for this platform, honouring ACUPRESS_SPEECH (a program given `--` and then the text as its last argument). */
export function findEngine(platform: string, env: Record<string, string | undefined>): Engine | undefined {
  if (env.ACUPRESS_SPEECH) {
    const path = env.ACUPRESS_SPEECH.includes('/') ? env.ACUPRESS_SPEECH : which(env.ACUPRESS_SPEECH, env);
    return path ? { command: path, args: [] } : undefined;
  }
  if (platform === 'darwin') return which('say', env) ? { command: 'say', args: [] } : undefined;
  if (platform === 'win32') {
    // PowerShell joins every argument after -Command into the script it runs, so text passed as
    // an argument would be code. It reads the text from the environment instead.
    return { command: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-Command', `Add-Type -AssemblyName System.Speech; (New-Object System.Speech.Synthesis.SpeechSynthesizer).Speak($env:${SPEECH_TEXT})`], env: SPEECH_TEXT };
  }
  for (const name of LINUX) {
    const path = which(name, env);
    if (path) return { command: path, args: name === 'spd-say' ? ['--wait'] : [] };
  }
  return undefined;
}

/** How long a speech process asked to stop (SIGTERM) has before it is killed (SIGKILL), in ms. */
export const STOP_GRACE_MS = 300;

/** The timers a speaker waits on: the run's clock, or plain timers. */
type Timers = Pick<Clock, 'setTimeout' | 'clearTimeout'>;
const plainTimers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

/**
 * A speaker that interrupts itself: a new cue stops the one still being spoken. `env` is the
 * environment the engine runs in (the io's); `timers` times the grace a stopping engine gets.
 * A slow or stuck engine never holds the run up: it is stopped (SIGTERM, then SIGKILL after
 * STOP_GRACE_MS) and waited on no longer than that.
 */
export function speaker(engine: Engine, onError: (message: string) => void, env?: Record<string, string | undefined>, timers: Timers = plainTimers) {
  let current: ChildProcess | undefined;
  let failed = false;
  // Off Windows the engine leads its own process group, so stopping it stops what it started
  // too: a wrapper script's espeak-ng would otherwise go on speaking a stale cue.
  const grouped = process.platform !== 'win32';
  const gone = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null || child.pid === undefined;
  /** Resolves when this child has exited (at once if it already has, or failed to start). */
  const exited = (child: ChildProcess | undefined) => new Promise<void>((done) => {
    if (!child || gone(child)) return done();
    child.once('exit', () => done());
    child.once('error', () => done());
  });
  const signal = (child: ChildProcess, sig: NodeJS.Signals) => {
    try {
      if (grouped && child.pid !== undefined) process.kill(-child.pid, sig);
      else child.kill(sig);
    } catch {
      // Already gone.
    }
  };
  /** Whether a process of the child's group is still there (its leader may have gone before the rest). */
  const groupLeft = (child: ChildProcess) => {
    if (!grouped || child.pid === undefined) return false;
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  /**
   * Stop a speaking child: SIGTERM to its group, and SIGKILL to the whole group if any of it is
   * still there after the grace: a member that ignores SIGTERM outlives a leader that exits on it,
   * and would go on speaking. Resolves when the group has gone, at the SIGKILL when the leader
   * had already exited, or one more grace after it (a process stuck in the kernel): then the
   * child is unref'd, so it cannot keep acupress from exiting.
   */
  const hush = (child: ChildProcess | undefined): Promise<void> => {
    if (!child || gone(child)) return Promise.resolve();
    signal(child, 'SIGTERM');
    return new Promise<void>((done) => {
      let killed = false;
      let timer = timers.setTimeout(() => {
        // To the group (a negative pid), even when its leader has gone: the group id stays
        // taken while any member lives, so it names no other process.
        signal(child, 'SIGKILL');
        killed = true;
        if (gone(child)) return done();
        timer = timers.setTimeout(() => {
          child.unref();
          done();
        }, STOP_GRACE_MS);
      }, STOP_GRACE_MS);
      void exited(child).then(() => {
        // The leader has gone on SIGTERM; the rest of its group waits for the SIGKILL. (After
        // the SIGKILL, members not yet reaped still answer as there: they are not waited on.)
        if (!killed && groupLeft(child)) return;
        timers.clearTimeout(timer);
        done();
      });
    });
  };
  const say = (text: string): ChildProcess | undefined => {
    if (failed) return undefined;
    void hush(current);
    const call = speechCall(engine, text, env);
    const child = spawn(engine.command, call.args, { stdio: 'ignore', shell: false, detached: grouped, ...(call.env ? { env: call.env } : env ? { env } : {}) });
    child.on('error', (e) => {
      if (failed) return;
      failed = true;
      onError(`voice: cannot run ${untrusted(engine.command, 200)} (${untrusted((e as NodeJS.ErrnoException).code ?? e.message)}); continuing without speech`);
    });
    current = child;
    return child;
  };
  return {
    say(text: string) {
      say(text);
    },
    /**
     * Speak `text` (stopping any cue still being spoken) and resolve when it has been said, or
     * after `ms` at most, when it is stopped: the last words never hold the run's end hostage.
     */
    async finish(text: string, ms: number): Promise<void> {
      const child = say(text);
      if (!child) return;
      let cap: unknown;
      await Promise.race([exited(child), new Promise<void>((r) => (cap = timers.setTimeout(r, ms)))]);
      timers.clearTimeout(cap);
      await hush(child);
      if (current === child) current = undefined;
    },
    /** Stop the cue being spoken; resolves when its process has gone (within about twice STOP_GRACE_MS). */
    stop(): Promise<void> {
      const child = current;
      current = undefined;
      return hush(child);
    },
  };
}
