// commander's usage errors, reworded in the style of every other acupress message: the flag or
// command first, then what was expected and what was typed, quoted, and a suggestion on the
// same line ("--side: expected left, right or both, got "up""). Messages this does not know
// pass through unchanged, so a commander upgrade can only make a message plainer, never lose it.

/** Join choices as prose: ['a', 'b', 'c'] → 'a, b or c'. */
const either = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs.at(-1)}`);
/** commander's "(Did you mean x?)" or "(Did you mean one of x, y?)" suffix as our "; did you mean "x"?". */
const suggestion = (s: string | undefined) => (s ? `; did you mean ${either(s.split(', ').map((x) => `"${x}"`))}?` : '');

const RULES: Array<[RegExp, (...m: string[]) => string]> = [
  [/^option '([^' ]+)[^']*' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s, (flag, got, choices) => `${flag}: expected ${either(choices!.split(', '))}, got "${got}"`],
  [/^argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s, (got, choices) => `expected ${either(choices!.split(', '))}, got "${got}"`],
  // A command that looks like an option came after "--", which makes every word an operand;
  // commander's suggestion for it is nonsense ("--help" → "--lp": it cuts two characters off
  // each command name to compare option names).
  [/^unknown command '(-[^\n]+)'(?:\n\(Did you mean .*\?\))?$/s, (name) => `unknown command "${name}"; after "--" no word is an option (see: acupress --help)`],
  [/^unknown command '(.*)'(?:\n\(Did you mean (?:one of )?(.*)\?\))?$/s, (name, similar) => `unknown command "${name}"${suggestion(similar)} (see: acupress --help)`],
  [/^unknown option '(.*)'(?:\n\(Did you mean (?:one of )?(.*)\?\))?$/s, (flag, similar) => `unknown option "${flag}"${suggestion(similar)}`],
  [/^missing required argument '(.*)'$/s, (name) => `missing the argument <${name}>`],
  [/^option '([^' ]+)[^']*' argument missing$/s, (flag) => `${flag}: expected a value after it`],
  [/^too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/s, (cmd, want, got) => `${cmd}: expected ${want === '0' ? 'no arguments' : want === '1' ? 'one argument' : `${want} arguments`}, got ${got}; quote a name with spaces ("union valley"), and give durations as 3m, not 3 minutes`],
];

/**
 * One commander error ("error: …", possibly with a suggestion line) as one acupress line, without
 * the "acupress: " prefix. `command`: the command whose line it is, named with its help when the
 * message alone would not say whose argument or option it means ("show: missing the argument <id>").
 */
export function usageMessage(commanderText: string, command?: string): string {
  const text = commanderText.replace(/^error: /, '').replace(/\n+$/, '');
  for (const [re, say] of RULES) {
    const m = re.exec(text);
    if (!m) continue;
    const said = say(...m.slice(1).map((x) => x ?? ''));
    return command && /^(missing the argument|unknown option) /.test(said) ? `${command}: ${said} (see: acupress ${command} --help)` : said;
  }
  return text.replace(/\n\(Did you mean (?:one of )?(.*)\?\)$/, (_, s: string) => suggestion(s));
}
