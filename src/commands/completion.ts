// Shell completion: `acupress completion bash|zsh|fish` prints a script, and the script calls
// back into `acupress __complete <words…>` so user routines and points complete too.
// Hand-written rather than a library: the candidates come from our own catalog, and the
// maintained completion libraries either want a different CLI framework or pull in far more.
import { EXIT, UserError } from '../model/errors.js';
import type { Io } from '../model/io.js';
import type { Catalog } from '../model/catalog.js';
import { catalogFor, type Common } from './context.js';
import { choosableConditions } from '../core/safety.js';

/** What completion reads of an option or argument in the command table (src/cli/spec.ts). */
interface ValueShape {
  choices?: readonly string[];
  completes?: readonly string[];
}
interface OptionShape extends ValueShape {
  flags: string;
}

/** The command table, as completion reads it; the CLI passes src/cli/spec.ts in. */
export interface CompletionTable {
  commands: Record<string, { argument?: ValueShape; options: readonly OptionShape[] }>;
  globals: readonly OptionShape[];
  /** The program's own flags (--version, --help). */
  programFlags: readonly OptionShape[];
}

/** `-y, --yes` → ['-y', '--yes']; `--side <side>` → ['--side']. */
const names = (o: OptionShape) => o.flags.split(/[ ,]+/).filter((w) => w.startsWith('-'));
const takesValue = (o: OptionShape) => o.flags.includes('<');

/** Every flag a command's --help lists: its own, then the global ones and the program's. */
export function commandFlags(table: CompletionTable, command: string): string[] {
  return [...table.commands[command]!.options, ...table.globals, ...table.programFlags].flatMap(names);
}

/** The ids of the kinds the catalog knows; files and directories are the shell's to complete. */
function lookup(catalog: Catalog, kinds: readonly string[] = []): string[] {
  // Conditions a person can name: the general rules apply to everyone and are not one of them.
  const conditions = new Map(choosableConditions(catalog).map((c) => [c.id, c]));
  const ids = { routines: catalog.routines, points: catalog.points, conditions } as Record<string, Map<string, unknown> | undefined>;
  return kinds.flatMap((k) => [...(ids[k]?.keys() ?? [])]);
}

/** The candidates for the word being completed, given the words before it. Pure. */
export function candidates(catalog: Catalog, table: CompletionTable, words: string[]): string[] {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const command = before.find((w) => !w.startsWith('-') && Object.hasOwn(table.commands, w));
  const prev = before.at(-1);
  const options = [...(command ? table.commands[command]!.options : []), ...table.globals];
  const prevOption = prev?.startsWith('-') ? options.find((o) => takesValue(o) && names(o).includes(prev)) : undefined;
  let pool: string[];
  if (prevOption) {
    // The value of a flag: its choices, or ids of the kind it takes; a file is the shell's to complete.
    pool = prevOption.choices ? [...prevOption.choices] : lookup(catalog, prevOption.completes);
  } else if (!command) pool = current.startsWith('-') ? [...table.globals, ...table.programFlags].flatMap(names).filter((n) => n.startsWith('--')) : Object.keys(table.commands);
  else if (current.startsWith('-')) pool = commandFlags(table, command);
  else {
    const arg = table.commands[command]!.argument;
    pool = arg?.choices ? [...arg.choices] : lookup(catalog, arg?.completes);
  }
  const lower = current.toLowerCase();
  return pool.filter((c) => c.toLowerCase().startsWith(lower));
}

const SCRIPTS: Record<string, string> = {
  bash: `# acupress completion for bash: add to ~/.bashrc
#   eval "$(acupress completion bash)"
_acupress_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(acupress __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _acupress_complete acupress
`,
  zsh: `# acupress completion for zsh: add to ~/.zshrc
#   eval "$(acupress completion zsh)"
_acupress_complete() {
  local -a items
  items=("\${(@f)$(acupress __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -a items
}
compdef _acupress_complete acupress
`,
  fish: `# acupress completion for fish: save as ~/.config/fish/completions/acupress.fish
#   acupress completion fish > ~/.config/fish/completions/acupress.fish
complete -c acupress -f -a '(acupress __complete (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
`,
};

/** `acupress completion <shell>`: print the script. */
export function script(shell: string): string {
  const s = SCRIPTS[shell];
  if (!s) throw new UserError(`completion: unknown shell "${shell}"; expected bash, zsh or fish`);
  return s;
}

/** `acupress completion <shell>`. */
export async function run(options: Common & { args?: [string] }, io: Io): Promise<number> {
  io.stdout.write(script(options.args?.[0] ?? ''));
  return EXIT.ok;
}

/** The hidden `acupress __complete <words…>` mode used by the scripts. */
export async function complete(options: Common & { args?: [string[]]; table: CompletionTable }, io: Io): Promise<number> {
  let catalog: Catalog;
  try {
    catalog = await catalogFor(options, io);
  } catch {
    // A broken user file must not break the shell's tab key; offer commands only.
    catalog = { points: new Map(), routines: new Map(), conditions: new Map(), notices: [] };
  }
  const words = options.args?.[0] ?? [];
  const out = candidates(catalog, options.table, words.length ? words : ['']);
  if (out.length) io.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
}
