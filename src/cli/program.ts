// Only commander wiring lives here, built from the command table (spec.ts): each command's
// handler is imported lazily (dispatch.ts), so `acupress list` never loads the timer, ora or inquirer.
import { Argument, Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { COMMANDS, GLOBAL_OPTIONS, PROGRAM, PROGRAM_FLAGS, type CommandName, type CommandSpec, type OptionSpec } from './spec.js';
import { HELP_MIN_WRAP, helpAfter, helpItem, programAfter, usageLine } from './help.js';
import { dispatcher, QUICK_HANDLERS, type Dispatch } from './dispatch.js';
import { EXIT } from '../model/errors.js';
import type { Io } from '../model/io.js';
import { helpWidth } from '../render/terminal.js';
import { safeLines } from '../model/printable.js';
import { usageMessage } from './usage-message.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** Every command's handler: the quick ones, and those only commander reaches. */
const runCommand = dispatcher({
  ...QUICK_HANDLERS,
  run: () => import('../commands/run.js'),
  validate: () => import('../commands/validate.js'),
  completion: () => import('../commands/completion.js'),
  history: () => import('../commands/history.js'),
  stats: () => import('../commands/stats.js'),
  rate: () => import('../commands/rate.js'),
});

/** A commander Option from one row of the table. */
function option(o: OptionSpec): Option {
  const opt = new Option(o.flags, o.description);
  if (o.choices) opt.choices(o.choices);
  if (o.repeatable) opt.argParser(collect);
  return opt;
}

/**
 * Build the commander program from the command table (spec.ts); `io` receives all output.
 * Nothing runs until parseAsync. `dispatch` runs the chosen command (tests pass one that records).
 */
export function buildProgram(io: Io, setExit: (code: number) => void = () => {}, dispatch: Dispatch = runCommand): Command {
  // A commander action: hand the positionals and the options (globals merged in) to dispatch.
  const action = (name: string) => async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    setExit(await dispatch(name, { ...cmd.optsWithGlobals(), args: cmd.processedArgs }, io));
  };

  // A usage error as one acupress line, naming `command` where it helps (usage-message.ts).
  const usageOut = (command?: string) => (s: string, write: (s: string) => void) => write(`acupress: ${safeLines(usageMessage(s, command), 300)}\n`);
  // The width of the stream help goes to: stderr after a usage error, else stdout.
  const afterWidth = (error: boolean) => helpWidth(io.env, error ? io.stderr : io.stdout);
  const program = new Command(PROGRAM.name)
    .description(PROGRAM.description)
    .version(pkg.version, PROGRAM_FLAGS.version.flags, PROGRAM_FLAGS.version.description)
    .helpOption(PROGRAM_FLAGS.help.flags, PROGRAM_FLAGS.help.description)
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      // Commander echoes what was typed ("unknown command '…'"): escaped and cut like every echo.
      outputError: usageOut(),
      // Help wraps to our streams' width (80 when not a terminal) and has no colour; commander
      // would ask process.stdout, which costs milliseconds to build. help.ts does the same.
      getOutHelpWidth: () => helpWidth(io.env, io.stdout),
      getErrHelpWidth: () => helpWidth(io.env, io.stderr),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .exitOverride()
    // Each command's help lists the global flags too, as its completion offers them.
    // Items and the text after them are laid out by help.ts, so narrow terminals get the same
    // page from commander as from the quick path (descriptions under their terms).
    .configureHelp({
      showGlobalOptions: true,
      minWidthToWrap: HELP_MIN_WRAP,
      formatItem: (term, termWidth, description, helper) => helpItem(term, termWidth, description, helper.helpWidth ?? 80),
      // commander writes "Usage: " and then this: the usage wrapped as help.ts wraps it.
      styleUsage(this: { helpWidth?: number }, usage: string) {
        return usageLine(usage, this.helpWidth ?? 80).slice('Usage: '.length);
      },
    })
    .addHelpText('after', (ctx) => programAfter(afterWidth(ctx.error)));
  for (const o of GLOBAL_OPTIONS) program.addOption(option(o));

  for (const [name, spec] of Object.entries(COMMANDS) as Array<[CommandName, CommandSpec]>) {
    // Its usage errors name it: "show: missing the argument <id> (see: acupress show --help)".
    const cmd = program.command(name).description(spec.description)
      .configureOutput({ outputError: usageOut(name) });
    if (spec.argument) {
      const arg = new Argument(spec.argument.name, spec.argument.description);
      if (spec.argument.default !== undefined) arg.default(spec.argument.default);
      cmd.addArgument(arg);
    }
    for (const o of spec.options) cmd.addOption(option(o));
    cmd.addHelpText('after', (ctx) => helpAfter(spec, afterWidth(ctx.error))).action(action(name));
  }

  return program;
}

/** Parse argv and run the chosen command; resolves to the exit code. Errors propagate to main. */
export async function runCli(argv: string[], io: Io, dispatch: Dispatch = runCommand): Promise<number> {
  // Hidden: the completion scripts call this with the words typed so far. Taken before commander,
  // which would read a typed `--data` or `--help` as its own and leave the wrong words.
  if (argv[0] === '__complete') {
    const { complete } = await import('../commands/completion.js');
    return complete({ args: [argv.slice(1)], table: { commands: COMMANDS, globals: GLOBAL_OPTIONS, programFlags: Object.values(PROGRAM_FLAGS) } }, io);
  }
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => (exitCode = code), dispatch);
  // Bare `acupress`: the picker in a terminal; otherwise the help, as a usage error.
  if (argv.every((a) => a === '--no-color')) {
    const mod = await import('../commands/run.js');
    if (!mod.canPrompt(io, {})) {
      program.outputHelp({ error: true });
      return EXIT.usage;
    }
    return (await mod.run({ color: !argv.includes('--no-color'), profile: true, args: [undefined] }, io)) ?? EXIT.ok;
  }
  // `-v` alone is what many people type for the version; commander allows one short flag a
  // option, and -V is the documented one.
  if (argv.length === 1 && argv[0] === '-v') argv = ['--version'];
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; every other commander error is a usage error.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw e;
  }
  return exitCode;
}
