// Help text from the command table (spec.ts), as commander prints it. The quick path prints
// `--help` and `<command> --help` with it, without loading commander (about 15 ms of start-up on
// a 27 ms `node -e 0`); program.ts hands commander the same closing text (examples, notes).
// test/help.test.ts checks every page against commander's own at several widths, so the two
// cannot drift apart.
import { COMMANDS, exampleLines, GLOBAL_OPTIONS, PROGRAM, PROGRAM_FLAGS, type ArgumentSpec, type CommandName, type CommandSpec, type OptionSpec } from './spec.js';

/** The text after a command's options: its notes, then its examples. */
export function helpAfter(spec: CommandSpec): string {
  return ['', ...(spec.notes ?? []).flatMap((n) => [n, '']), 'Examples:', ...exampleLines(spec.examples)].join('\n');
}

/** The text after the program's commands: examples and the closing line. */
export function programAfter(): string {
  return ['', 'Examples:', ...exampleLines(PROGRAM.examples), '', PROGRAM.footer].join('\n');
}

// commander's layout (its Help class): items indented 2, terms padded to the longest, 2 spaces,
// then the description wrapped to the width when at least 40 columns are left for it.
const MIN_WRAP = 40;

/** Wrap text to `width` columns at spaces, as commander's boxWrap does. */
function boxWrap(text: string, width: number): string {
  if (width < MIN_WRAP) return text;
  return text.split(/\r\n|\n/).map((line) => {
    const chunks = line.match(/\s*\S+/g);
    if (!chunks) return '';
    const lines: string[] = [];
    let current = chunks[0]!;
    for (const chunk of chunks.slice(1)) {
      if (current.length + chunk.length <= width) current += chunk;
      else {
        lines.push(current);
        current = chunk.trimStart();
      }
    }
    lines.push(current);
    return lines.join('\n');
  }).join('\n');
}

/** One `term  description` line (or more, wrapped). */
function item(term: string, termWidth: number, description: string, width: number): string {
  if (!description) return `  ${term}`;
  const remaining = width - termWidth - 4;
  // commander leaves a description alone when it looks preformatted (a newline then a space).
  const wrapped = remaining < MIN_WRAP || /\n[^\S\r\n]/.test(description) ? description : boxWrap(description, remaining).replace(/\n/g, `\n${' '.repeat(termWidth + 2)}`);
  return `  ${term.padEnd(termWidth)}  ${wrapped.replace(/\n/g, '\n  ')}`;
}

/** `<id...>` → id, as commander names an argument in its list. */
const argName = (a: ArgumentSpec) => a.name.slice(1, -1).replace(/\.\.\.$/, '');
const argDescription = (a: ArgumentSpec) => (a.default === undefined ? a.description : `${a.description} (default: ${JSON.stringify(a.default)})`);
const optionDescription = (o: OptionSpec) => (o.choices ? `${o.description} (choices: ${o.choices.map((c) => JSON.stringify(c)).join(', ')})` : o.description);
const optionItems = (options: readonly OptionSpec[]) => options.map((o): [string, string] => [o.flags, optionDescription(o)]);

/** A page: usage, description, then titled lists of items, as commander's formatHelp. */
function page(usage: string, description: string, sections: Array<[title: string, items: Array<[string, string]>]>, width: number): string {
  const termWidth = Math.max(0, ...sections.flatMap(([, items]) => items.map(([t]) => t.length)));
  const out = [`Usage: ${usage}`, '', boxWrap(description, width), ''];
  for (const [title, items] of sections) if (items.length) out.push(title, ...items.map(([t, d]) => item(t, termWidth, d, width)), '');
  return out.join('\n');
}

const versionItem: [string, string] = [PROGRAM_FLAGS.version.flags, PROGRAM_FLAGS.version.description];
const helpItem: [string, string] = [PROGRAM_FLAGS.help.flags, PROGRAM_FLAGS.help.description];

/** `acupress --help`, for a terminal `width` columns wide (80 when not a terminal). */
export function programHelp(width: number): string {
  const commands = (Object.entries(COMMANDS) as Array<[CommandName, CommandSpec]>).map(([name, spec]): [string, string] =>
    [`${name}${spec.options.length ? ' [options]' : ''}${spec.argument ? ` ${spec.argument.name}` : ''}`, spec.description]);
  return `${page(`${PROGRAM.name} [options] [command]`, PROGRAM.description, [
    ['Options:', [versionItem, ...optionItems(GLOBAL_OPTIONS), helpItem]],
    ['Commands:', [...commands, ['help [command]', 'display help for command']]],
  ], width)}${programAfter()}\n`;
}

/** `acupress <command> --help`, for a terminal `width` columns wide (80 when not a terminal). */
export function commandHelp(name: CommandName, width: number): string {
  const spec: CommandSpec = COMMANDS[name];
  return `${page(`${PROGRAM.name} ${name} [options]${spec.argument ? ` ${spec.argument.name}` : ''}`, spec.description, [
    ['Arguments:', spec.argument ? [[argName(spec.argument), argDescription(spec.argument)]] : []],
    ['Options:', [...optionItems(spec.options), helpItem]],
    ['Global Options:', [versionItem, ...optionItems(GLOBAL_OPTIONS)]],
  ], width)}${helpAfter(spec)}\n`;
}
