// Speaking cues through the system's speech command. Text is always passed as one argument
// in an argument array (spawn, no shell), so routine text can never run a command, and always
// after "--", so a cue that starts with "-" (say "-w/tmp/x" or "-f~/.ssh/id_rsa") can never be
// read as an option: espeak-ng, espeak, spd-say and say all stop reading options there.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
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

/** A speaker that interrupts itself: a new cue stops the one still being spoken. `env` is the environment the engine runs in (the io's). */
export function speaker(engine: Engine, onError: (message: string) => void, env?: Record<string, string | undefined>) {
  let current: ChildProcess | undefined;
  let failed = false;
  /** Resolves when this child has exited (at once if it already has, or failed to start). */
  const exited = (child: ChildProcess | undefined) => new Promise<void>((done) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.once('error', () => done());
  });
  const say = (text: string): ChildProcess | undefined => {
    if (failed) return undefined;
    current?.kill();
    const call = speechCall(engine, text, env);
    const child = spawn(engine.command, call.args, { stdio: 'ignore', shell: false, ...(call.env ? { env: call.env } : env ? { env } : {}) });
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
    /** Let the cue being spoken finish, then speak `text` and resolve when it has been said. */
    async finish(text: string): Promise<void> {
      await exited(current);
      if (failed) return;
      await exited(say(text));
      current = undefined;
    },
    stop() {
      current?.kill();
      current = undefined;
    },
  };
}
