// Run a command by name: import its module only now, so `acupress list` never loads the timer.
// Both ways in (commander in cli.ts and the quick path in main.ts) end here.
import type { Io } from './io.js';

type Handler = { run(options: Record<string, unknown>, io: Io): Promise<number | void> | number | void };

const HANDLERS: Record<string, () => Promise<Handler>> = {
  list: () => import('./commands/list.js'),
  show: () => import('./commands/show.js'),
  run: () => import('./commands/run.js'),
  check: () => import('./commands/check.js'),
  validate: () => import('./commands/validate.js'),
  completion: () => import('./commands/complete.js'),
};

/** The parsed options of one command: its flags (globals merged in) and `args`, the positionals. */
export type CommandOptions = Record<string, unknown> & { args: unknown[] };

/** Signature of dispatch, so tests can capture what a parser would run. */
export type Dispatch = (command: string, options: CommandOptions, io: Io) => Promise<number>;

/** Import the command's handler and run it; resolves to its exit code (0 when it returns none). */
export const dispatch: Dispatch = async (command, options, io) => {
  const load = HANDLERS[command];
  if (!load) throw new Error(`no handler for command "${command}"`);
  const code = await (await load()).run(options, io);
  return typeof code === 'number' ? code : 0;
};
