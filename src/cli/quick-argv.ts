// The quick path: plain `list`, `show` and `check` command lines, and plain requests for help or
// the version, are parsed here without loading commander (about 8 ms of a 25 ms budget; see
// BENCHMARKS.md). It accepts only what it is sure of, from the same table commander is built
// from, and returns undefined for anything else (`--`, `--x=y`, short or unknown flags, a missing
// or extra argument, help mixed with other flags), so commander stays the one judge of every
// unusual or wrong command line.
import { COMMANDS, GLOBAL_OPTIONS, type CommandName, type CommandSpec, type OptionSpec } from './spec.js';
import type { CommandOptions } from './dispatch.js';

type Kind = 'bool' | 'negated' | 'value' | 'list' | 'repeat';
/** How the quick path reads one option. */
export interface Flag {
  key: string;
  kind: Kind;
}

/** `--skip-unsafe` → skipUnsafe, as commander names option keys. */
const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** How one commander flags string behaves, keyed by the literal flag. */
export function flagOf(o: OptionSpec): [string, Flag] {
  const m = /^(--[a-z][a-z-]*)(?: <[a-z]+(\.\.\.)?>)?$/.exec(o.flags);
  if (!m) throw new Error(`quick-argv cannot read the flags "${o.flags}"`);
  const [, flag, variadic] = m as unknown as [string, string, string | undefined];
  const value = o.flags.includes('<');
  if (flag.startsWith('--no-')) return [flag, { key: camel(flag.slice(5)), kind: 'negated' }];
  const kind: Kind = !value ? 'bool' : variadic ? 'list' : o.repeatable ? 'repeat' : 'value';
  return [flag, { key: camel(flag.slice(2)), kind }];
}

/** A command line the quick path understood: which command, and commander-shaped options. */
export interface QuickCommand {
  command: CommandName;
  options: CommandOptions;
}

/**
 * An option's flagOf answer. In the CLI bundle the build worked it out already (scripts/build.mjs
 * cuts the quick path's slice of the table): two regular expressions compiled and run for each
 * of 20 options cost a cold start about 0.2 ms.
 */
const flagEntry = (o: OptionSpec & { parsed?: [string, Flag] }): [string, Flag] => o.parsed ?? flagOf(o);

/** Parse a plain list/show/check command line as commander would, or return undefined. */
export function quickParse(argv: readonly string[]): QuickCommand | undefined {
  const globals = new Map(GLOBAL_OPTIONS.map(flagEntry));
  // The command is the first word that is not a flag or a global flag's value (`--data d list`).
  let first: string | undefined;
  for (let i = 0; i < argv.length && first === undefined; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) first = a;
    else if (globals.get(a)?.kind === 'repeat') i++;
  }
  if (first === undefined || !Object.hasOwn(COMMANDS, first)) return undefined;
  const command = first as CommandName;
  const spec: CommandSpec = COMMANDS[command];
  if (!spec.quick) return undefined;
  const flags = new Map([...globals, ...spec.options.map(flagEntry)]);
  const options: Record<string, unknown> = {};
  // A lone --no-x defaults x to true, as commander does; with --x beside it there is no default.
  for (const [flag, f] of flags) if (f.kind === 'negated' && !flags.has(`--${flag.slice(5)}`)) options[f.key] = true;
  const positionals: string[] = [];
  let seenCommand = false;
  let afterVariadic = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-')) {
      if (seenCommand) positionals.push(a);
      else if (a === command) seenCommand = true;
      else return undefined;
      continue;
    }
    // Before the command name only global options may appear; anything not in the table is
    // commander's to judge.
    const f = (seenCommand ? flags : globals).get(a);
    if (!f) return undefined;
    // Commander loses its way when a global flag follows a variadic one (`--condition a
    // --no-color LI4` leaves no id); let it give its own answer.
    if (afterVariadic && globals.has(a)) return undefined;
    if (f.kind === 'bool') options[f.key] = true;
    else if (f.kind === 'negated') options[f.key] = false;
    else {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('-')) return undefined;
      i++;
      if (f.kind === 'value') options[f.key] = v;
      else {
        const list = [...((options[f.key] as string[] | undefined) ?? []), v];
        if (f.kind === 'list') {
          // A variadic option takes every following word up to the next flag, as commander does.
          afterVariadic = true;
          while (i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) list.push(argv[++i]!);
        }
        options[f.key] = list;
      }
    }
  }
  // `--data list`: the command word was a flag's value, so there is no command at all.
  if (!seenCommand) return undefined;
  // A command without an argument takes no positionals; commander words the error for any.
  if (!spec.argument) return positionals.length === 0 ? { command, options: { ...options, args: [] } } : undefined;
  const name = spec.argument.name;
  const variadic = name.endsWith('...>') || name.endsWith('...]');
  const required = name.startsWith('<');
  if (required && positionals.length === 0) return undefined;
  if (!variadic && positionals.length > 1) return undefined;
  const arg = variadic ? positionals : (positionals[0] ?? spec.argument.default);
  return { command, options: { ...options, args: [arg] } };
}

/** A plain request for a help page (the program's, or a command's) or for the version. */
export type QuickInfo = { help: CommandName | undefined } | { version: true };

const isHelpFlag = (a: string | undefined) => a === '--help' || a === '-h';

/**
 * `--version`, `-V`, `--help`, `-h`, `help`, `<command> --help`, `<command> -h` and
 * `help <command>`, each alone on the line; undefined for anything else.
 */
export function quickInfo(argv: readonly string[]): QuickInfo | undefined {
  const [a, b] = argv;
  if (argv.length === 1) {
    if (a === '--version' || a === '-V') return { version: true };
    if (isHelpFlag(a) || a === 'help') return { help: undefined };
  }
  if (argv.length === 2) {
    const name = a === 'help' ? b : isHelpFlag(b) ? a : undefined;
    if (name !== undefined && Object.hasOwn(COMMANDS, name)) return { help: name as CommandName };
  }
  return undefined;
}
