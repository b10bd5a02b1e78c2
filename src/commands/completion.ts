// Shell completion: `acupress completion bash|zsh|fish` prints a script, and the script calls
// back into `acupress __complete <words…>` so user routines and points complete too.
// Hand-written rather than a library: the candidates come from our own catalog, and the
// maintained completion libraries either want a different CLI framework or pull in far more.
import { UserError } from '../model/errors.js';
import type { Io } from '../model/io.js';
import type { Catalog } from '../model/catalog.js';
import { catalogFor, type Common } from './context.js';

type Spec = { commands: Record<string, string[]> };

/** The candidates for the word being completed, given the words before it. Pure. */
export function candidates(catalog: Catalog, spec: Spec, words: string[]): string[] {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const command = before.find((w) => !w.startsWith('-') && w in spec.commands);
  const prev = before.at(-1);
  let pool: string[];
  if (!command) pool = current.startsWith('-') ? ['--data', '--no-color', '--version', '--help'] : Object.keys(spec.commands);
  else if (current.startsWith('-')) pool = spec.commands[command]!;
  else if (prev === '--condition') pool = [...catalog.conditions.keys()];
  else if (prev === '--side') pool = ['left', 'right', 'both'];
  else if (prev === '--data') return [];
  else if (command === 'list') pool = ['routines', 'points', 'meridians', 'conditions'];
  else if (command === 'completion') pool = ['bash', 'zsh', 'fish'];
  else if (command === 'validate') return [];
  else {
    pool = [...catalog.routines.keys(), ...catalog.points.keys()];
    if (command === 'show') pool.push(...catalog.conditions.keys());
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
  return 0;
}

/** The hidden `acupress __complete <words…>` mode used by the scripts. */
export async function complete(options: Common & { args?: [string[]]; spec: Spec }, io: Io): Promise<number> {
  let catalog: Catalog;
  try {
    catalog = await catalogFor(options, io);
  } catch {
    // A broken user file must not break the shell's tab key; offer commands only.
    catalog = { points: new Map(), routines: new Map(), conditions: new Map(), notices: [] };
  }
  const words = options.args?.[0] ?? [];
  const out = candidates(catalog, options.spec, words.length ? words : ['']);
  if (out.length) io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
