// Speaking cues through the system's speech command. Text is always passed as one argument
// in an argument array (spawn, no shell), so routine text can never run a command.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A speech engine: the program and the arguments that come before the text. */
export interface Engine { command: string; args: string[] }

const LINUX = ['espeak-ng', 'espeak', 'spd-say'];

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

/** The engine for this platform, honouring ACUPRESS_SPEECH (a program given the text as its last argument). */
export function findEngine(platform: string, env: Record<string, string | undefined>): Engine | undefined {
  if (env.ACUPRESS_SPEECH) {
    const path = env.ACUPRESS_SPEECH.includes('/') ? env.ACUPRESS_SPEECH : which(env.ACUPRESS_SPEECH, env);
    return path ? { command: path, args: [] } : undefined;
  }
  if (platform === 'darwin') return which('say', env) ? { command: 'say', args: [] } : undefined;
  if (platform === 'win32') {
    // The text arrives as $args[0]; it is never spliced into the script.
    return { command: 'powershell.exe', args: ['-NoProfile', '-Command', 'Add-Type -AssemblyName System.Speech; (New-Object System.Speech.Synthesis.SpeechSynthesizer).Speak($args[0])'] };
  }
  for (const name of LINUX) {
    const path = which(name, env);
    if (path) return { command: path, args: name === 'spd-say' ? ['--wait'] : [] };
  }
  return undefined;
}

/** A speaker that interrupts itself: a new cue stops the one still being spoken. */
export function speaker(engine: Engine, onError: (message: string) => void) {
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
    const child = spawn(engine.command, [...engine.args, text], { stdio: 'ignore', shell: false });
    child.on('error', (e) => {
      if (failed) return;
      failed = true;
      onError(`voice: cannot run ${engine.command} (${(e as NodeJS.ErrnoException).code ?? e.message}); continuing without speech`);
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
