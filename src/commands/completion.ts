// Shell completion: `acupress completion bash|zsh|fish` prints a script, and the script calls
// back into `acupress __complete <words…>` so user routines and points complete too.
// Hand-written rather than a library: the candidates come from our own catalog, and the
// maintained completion libraries either want a different CLI framework or pull in far more.
import { EXIT, UserError } from '../model/errors.js';
import { quote } from '../model/printable.js';
import type { Io } from '../model/io.js';
import type { Catalog } from '../model/catalog.js';
import { catalogFor, type Common } from './context.js';
import { choosableConditions } from '../core/safety.js';
import { flagNames } from '../model/option-flags.js';

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

const names = (o: OptionShape) => flagNames(o.flags);
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

/**
 * The lines the shell scripts read: `:files` or `:dirs` first when the value may be a path (the
 * shell completes those itself; no id starts with a colon), then the matching ids.
 */
function withPaths(kinds: readonly string[] = [], ids: string[]): string[] {
  const directive = kinds.includes('files') ? [':files'] : kinds.includes('dirs') ? [':dirs'] : [];
  return [...directive, ...ids];
}

/**
 * The candidates for the word being completed, given the words before it: ids, flags and
 * choices that start with it, led by a `:files` or `:dirs` line when a path fits there. Pure.
 */
export function candidates(catalog: Catalog, table: CompletionTable, words: string[]): string[] {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const options = (command?: string) => [...(command ? table.commands[command]!.options : []), ...table.globals];
  // A flag's value is not the command: in `--data dir run`, `dir` is skipped.
  let command: string | undefined;
  for (let i = 0; i < before.length && !command; i++) {
    const w = before[i]!;
    if (w.startsWith('-')) {
      if (!w.includes('=') && options().some((o) => takesValue(o) && names(o).includes(w))) i++;
    } else if (Object.hasOwn(table.commands, w)) command = w;
  }
  const prev = before.at(-1);
  const prevOption = prev?.startsWith('-') ? options(command).find((o) => takesValue(o) && names(o).includes(prev)) : undefined;
  const lower = current.toLowerCase();
  const matching = (pool: string[]) => pool.filter((c) => c.toLowerCase().startsWith(lower));
  // The value of a flag: its choices, or ids of the kind it takes, or a path.
  if (prevOption) return prevOption.choices ? matching([...prevOption.choices]) : withPaths(prevOption.completes, matching(lookup(catalog, prevOption.completes)));
  if (!command) return matching(current.startsWith('-') ? [...table.globals, ...table.programFlags].flatMap(names).filter((n) => n.startsWith('--')) : Object.keys(table.commands));
  if (current.startsWith('-')) return matching(commandFlags(table, command));
  const arg = table.commands[command]!.argument;
  return arg?.choices ? matching([...arg.choices]) : withPaths(arg?.completes, matching(lookup(catalog, arg?.completes)));
}

/** The --data directories already typed in `words` (not the word being completed). */
export function typedDataDirs(words: string[]): string[] {
  const dirs: string[] = [];
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i]!;
    if (w === '--data' && i + 1 < words.length - 1) dirs.push(words[++i]!);
    else if (w.startsWith('--data=')) dirs.push(w.slice('--data='.length));
  }
  return dirs;
}

// Each script asks `acupress __complete` for the words so far and adds the ids it prints; a
// `:files` or `:dirs` line hands path completion to the shell's own (routine files, --data).
const SCRIPTS: Record<string, string> = {
  bash: `# acupress completion for bash: add to ~/.bashrc
#   eval "$(acupress completion bash)"
_acupress_complete() {
  local IFS=$'\\n' cur="\${COMP_WORDS[COMP_CWORD]}" line
  COMPREPLY=()
  for line in $(acupress __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null); do
    case "$line" in
      :files) COMPREPLY+=($(compgen -f -- "$cur")) ;;
      :dirs) COMPREPLY+=($(compgen -d -- "$cur")) ;;
      *) COMPREPLY+=("$line") ;;
    esac
  done
}
complete -o filenames -F _acupress_complete acupress
`,
  zsh: `# acupress completion for zsh: add to ~/.zshrc
#   eval "$(acupress completion zsh)"
_acupress_complete() {
  local -a lines ids
  local line paths=''
  lines=("\${(@f)$(acupress __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  for line in "\${lines[@]}"; do
    case "$line" in
      :files) paths=files ;;
      :dirs) paths=dirs ;;
      ?*) ids+=("$line") ;;
    esac
  done
  (( \${#ids} )) && compadd -a ids
  if [[ $paths == files ]]; then _files
  elif [[ $paths == dirs ]]; then _files -/
  fi
  return 0
}
compdef _acupress_complete acupress
`,
  fish: `# acupress completion for fish: save as ~/.config/fish/completions/acupress.fish
#   acupress completion fish > ~/.config/fish/completions/acupress.fish
function __acupress_complete
  set -l current (commandline -ct)
  for line in (acupress __complete (commandline -opc)[2..-1] $current 2>/dev/null)
    switch $line
      case :files
        __fish_complete_path $current
      case :dirs
        __fish_complete_directories $current
      case '*'
        echo $line
    end
  end
end
complete -c acupress -f -a '(__acupress_complete)'
`,
};

/** `acupress completion <shell>`: print the script. */
export function script(shell: string): string {
  // Own keys only: "constructor" names a property of every object, not a shell.
  const s = Object.hasOwn(SCRIPTS, shell) ? SCRIPTS[shell] : undefined;
  if (!s) throw new UserError(`completion: unknown shell ${quote(shell)}; expected bash, zsh or fish`);
  return s;
}

/** `acupress completion <shell>`. */
export async function run(options: Common & { args?: [string] }, io: Io): Promise<number> {
  io.stdout.write(script(options.args?.[0] ?? ''));
  return EXIT.ok;
}

/** The hidden `acupress __complete <words…>` mode used by the scripts: the words typed so far, the last being completed. */
export async function complete(options: Common & { args?: [string[]]; table: CompletionTable }, io: Io): Promise<number> {
  const words = options.args?.[0] ?? [];
  let catalog: Catalog;
  try {
    catalog = await catalogFor({ ...options, data: [...(options.data ?? []), ...typedDataDirs(words)] }, { ...io, stderr: { isTTY: false, write: () => true } });
  } catch {
    // A broken user file must not break the shell's tab key; offer commands only.
    catalog = { points: new Map(), routines: new Map(), conditions: new Map(), notices: [] };
  }
  const out = candidates(catalog, options.table, words.length ? words : ['']);
  if (out.length) io.stdout.write(`${out.join('\n')}\n`);
  return EXIT.ok;
}
