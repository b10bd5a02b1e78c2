// Run a command by name: import its module only now, so `acupress list` never loads the timer.
// The quick path (quick-argv.ts) knows only the table's quick commands; program.ts adds the rest,
// so the built CLI's start-up file never holds the timer or the validator (see scripts/build.mjs).
import type { Io } from '../model/io.js';
import { isUtf8Locale } from '../render/terminal.js';

/** A command module: its run(options, io) returns the exit code (none means 0). */
export type Handler = { run(options: Record<string, unknown>, io: Io): Promise<number | void> | number | void };

/** The parsed options of one command: its flags (globals merged in) and `args`, the positionals. */
export type CommandOptions = Record<string, unknown> & { args: unknown[] };

/** Signature of dispatch, so tests can capture what a parser would run. */
export type Dispatch = (command: string, options: CommandOptions, io: Io) => Promise<number>;

/** The read-only commands, which the quick path may run without commander. */
export const QUICK_HANDLERS: Record<string, () => Promise<Handler>> = {
  list: () => import('../commands/list.js'),
  show: () => import('../commands/show.js'),
  check: () => import('../commands/check.js'),
};

/** Make a dispatch over these handlers: import the command's module, run it, return its code. */
export function dispatcher(handlers: Record<string, () => Promise<Handler>>): Dispatch {
  return async (command, options, io) => {
    const load = handlers[command];
    if (!load) throw new Error(`no handler for command "${command}"`);
    // A terminal whose locale is not UTF-8 gets ASCII (machine formats keep their characters).
    const shown = isUtf8Locale(io.env, io.platform) ? io : (await import('../render/ascii.js')).asciiIo(io, Boolean(options.json || options.yaml));
    const code = await (await load()).run(options, shown);
    return typeof code === 'number' ? code : 0;
  };
}
