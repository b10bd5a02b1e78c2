// Only commander wiring lives here: each command's handler is imported lazily (dispatch.ts),
// so `acupress list` never loads the timer, ora or inquirer.
import { Command, CommanderError, Option } from 'commander';
import { GLOBAL_OPTIONS, QUICK_COMMANDS, type CommandSpec } from './spec.js';
import { dispatcher, QUICK_HANDLERS, type Dispatch } from './dispatch.js';
import type { Io } from '../model/io.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** Every command's handler: the quick ones, and those only commander reaches. */
const runCommand = dispatcher({
  ...QUICK_HANDLERS,
  run: () => import('../commands/run.js'),
  validate: () => import('../commands/validate.js'),
  completion: () => import('../commands/completion.js'),
});
const VERSION = '0.1.0';

const EXAMPLES: Record<keyof typeof QUICK_COMMANDS, string> = {
  list: `
Examples:
  $ acupress list
  $ acupress list points --meridian LV
  $ acupress list points --search "union valley"
  $ acupress list --max 5m --tag desk
  $ acupress list --pregnant`,
  show: `
Examples:
  $ acupress show LI4
  $ acupress show "he gu" ST36
  $ acupress show headache --yaml > ~/.config/acupress/routines/my-headache.yaml`,
  check: `
Exit codes: 0 nothing to avoid · 1 something to avoid · 2 usage error

Examples:
  $ acupress check --pregnant
  $ acupress check headache --pregnant
  $ acupress check LI4 SP6 --condition bleeding
  $ acupress check headache --pregnant && acupress run headache --yes`,
};

/**
 * Build the commander program; `io` receives all output. Nothing runs until parseAsync.
 * `dispatch` runs the chosen command (tests pass one that records instead).
 */
export function buildProgram(io: Io, setExit: (code: number) => void = () => {}, dispatch: Dispatch = runCommand): Command {
  // A commander action: hand the positionals and the options (globals merged in) to dispatch.
  const action = (name: string) => async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    setExit(await dispatch(name, { ...cmd.optsWithGlobals(), args: cmd.processedArgs }, io));
  };

  const program = new Command('acupress')
    .description('A self-acupressure timer: guided, timed cues in the terminal, a WHO point reference and safety lookups.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(s.replace(/^error: /, 'acupress: ')),
    })
    .exitOverride()
    .addHelpText('after', `
Examples:
  $ acupress run headache              guided headache routine with live cues
  $ acupress run desk-break --quick    a two-minute break
  $ acupress check headache --pregnant safety lookup (exit 1 if something is to be avoided)
  $ acupress show LI4                  the point card for Hegu

Run "acupress <command> --help" for a command's options.`);
  for (const o of GLOBAL_OPTIONS) {
    if (o.repeatable) program.option(o.flags, o.description, collect);
    else program.option(o.flags, o.description);
  }

  for (const [name, spec] of Object.entries(QUICK_COMMANDS) as Array<[keyof typeof QUICK_COMMANDS, CommandSpec]>) {
    const cmd = program.command(name).description(spec.description).argument(spec.argument.name, spec.argument.description, spec.argument.default);
    for (const o of spec.options) cmd.option(o.flags, o.description);
    cmd.addHelpText('after', EXAMPLES[name]).action(action(name));
  }

  program.command('run')
    .description('run a routine with timed cues')
    .argument('[target]', 'routine id, point id, or path to a routine .yaml')
    .option('--rounds <n>', 'rounds per point (1-10)')
    .option('--ramp <dur>', 'time to increase pressure (e.g. 20s)')
    .option('--hold <dur>', 'time to hold (e.g. 1m)')
    .option('--release <dur>', 'time to ease off')
    .option('--rest <dur>', 'length of rest steps')
    .addOption(new Option('--side <side>', 'which side for bilateral points').choices(['left', 'right', 'both']))
    .option('--quick', 'a short version for a two-minute break')
    .option('--fit <dur>', 'scale the routine to fit this long (e.g. 3m)')
    .option('--random', 'pick a routine at random (with --max/--tag)')
    .option('--max <dur>', 'with --random: only routines at most this long')
    .option('--tag <tag>', 'with --random: only routines with this tag')
    .option('--pregnant', 'refuse steps that pregnancy says to avoid')
    .option('--condition <id...>', 'refuse steps that these conditions say to avoid')
    .option('--skip-unsafe', 'leave out unsafe steps instead of refusing')
    .option('--no-profile', 'ignore the saved safety profile')
    .option('--dry-run', 'print the plan and exit')
    .option('--json', 'stream NDJSON events')
    .option('--plain', 'one line per phase (default when not a terminal)')
    .option('--quiet', 'only phase lines')
    .option('--bell', 'ring the terminal bell at each phase (default in a terminal)')
    .option('--no-bell', 'no bell')
    .option('--voice', 'speak each cue with the system speech command')
    .option('--warn <dur>', 'say "release in …" this long before a phase ends (e.g. 5s)')
    .option('--no-tips', 'skip the pre-session tips')
    .option('-y, --yes', 'never ask questions')
    .addHelpText('after', `
Keys in a terminal: space pause/resume · s skip · b back · q quit · ? help

Examples:
  $ acupress run headache
  $ acupress run LI4 --hold 45s --rounds 2
  $ acupress run neck --fit 3m
  $ acupress run headache --dry-run
  $ acupress run stress --json | jq -c 'select(.type=="phase")'
  $ acupress run --random --max 3m --tag desk --yes`)
    .action(action('run'));

  program.command('validate')
    .description('check routine or point YAML files you wrote')
    .argument('<file...>', 'YAML files')
    .option('--json', 'print JSON')
    .addHelpText('after', `
Examples:
  $ acupress validate ~/.config/acupress/routines/*.yaml`)
    .action(action('validate'));

  program.command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', `
Examples:
  $ eval "$(acupress completion bash)"     # in ~/.bashrc
  $ eval "$(acupress completion zsh)"      # in ~/.zshrc
  $ acupress completion fish > ~/.config/fish/completions/acupress.fish`)
    .action(action('completion'));

  // Hidden: the completion scripts call this with the words typed so far.
  program.command('__complete', { hidden: true })
    .argument('[words...]')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (words: string[], _o: unknown, cmd: Command) => {
      const { complete } = await import('../commands/completion.js');
      const spec = { commands: Object.fromEntries(program.commands.filter((c) => !c.name().startsWith('_')).map((c) => [c.name(), c.options.flatMap((o) => [o.long, o.short]).filter((x): x is string => Boolean(x))])) };
      setExit(await complete({ ...cmd.optsWithGlobals(), args: [words], spec }, io));
    });

  return program;
}

/** Parse argv and run the chosen command; resolves to the exit code. Errors propagate to main. */
export async function runCli(argv: string[], io: Io, dispatch: Dispatch = runCommand): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code), dispatch);
  // Bare `acupress`: the picker in a terminal; otherwise the help, as a usage error.
  if (argv.every((a) => a === '--no-color')) {
    const mod = await import('../commands/run.js');
    if (!mod.canPrompt(io, {})) {
      program.outputHelp({ error: true });
      return 2;
    }
    return (await mod.run({ color: !argv.includes('--no-color'), profile: true, args: [undefined] }, io)) ?? 0;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; every other commander error is a usage error.
      return e.exitCode === 0 ? 0 : 2;
    }
    throw e;
  }
  return exitCode;
}
