// Help text from the command table (spec.ts), as commander prints it. The quick path prints
// `--help` and `<command> --help` with it, without loading commander (about 15 ms of start-up on
// a 27 ms `node -e 0`); program.ts hands commander the same closing text (examples, notes).
// test/help.test.ts checks every page against commander's own at several widths, so the two
// cannot drift apart.
import { COMMANDS, exampleLines, GLOBAL_OPTIONS, PROGRAM, PROGRAM_FLAGS, type ArgumentSpec, type CommandName, type CommandSpec, type OptionSpec } from './spec.js';

/**
 * A shell command line in `width` columns: broken at spaces outside quotes, each break marked
 * with a trailing backslash (so it still pastes into a shell), the rest indented four more.
 */
function shellLines(prefix: string, line: string, width: number): string {
  const words = line.match(/(?:[^\s'"]+|'[^']*'|"(?:[^"\\]|\\.)*")+/g) ?? [line];
  const cont = `${' '.repeat(prefix.length)}  `;
  const out: string[] = [];
  let current = prefix + words[0]!;
  for (const w of words.slice(1)) {
    if (current.length + 1 + w.length + 2 <= width) current += ` ${w}`;
    else {
      out.push(`${current} \\`);
      current = cont + w;
    }
  }
  out.push(current);
  return out.join('\n');
}

/** Examples, as `exampleLines` aligns them when they fit `width`; else each note under its command line. */
function examples(list: Parameters<typeof exampleLines>[0], width: number): string[] {
  const lines = exampleLines(list);
  if (lines.every((l) => l.length <= width)) return lines;
  return list.flatMap((e) => [shellLines('  $ ', e.line, width), ...(e.note ? [indent(boxWrap(`# ${e.note}`, width - NOTE_INDENT.length), NOTE_INDENT)] : [])]);
}

/** "Usage: acupress run [options] [target]", its words wrapped under the first when narrow. */
export function usageLine(usage: string, width: number): string {
  return `Usage: ${boxWrap(usage, width - 7).replace(/\n/g, '\n       ')}`;
}

/** The text after a command's options: its notes, then its examples, for `width` columns (80 off a terminal). */
export function helpAfter(spec: CommandSpec, width = 80): string {
  return ['', ...(spec.notes ?? []).flatMap((n) => [boxWrap(n, width), '']), 'Examples:', ...examples(spec.examples, width)].join('\n');
}

/** The text after the program's commands: examples and the closing line, for `width` columns. */
export function programAfter(width = 80): string {
  return ['', 'Examples:', ...examples(PROGRAM.examples, width), '', boxWrap(PROGRAM.footer, width)].join('\n');
}

// commander's layout (its Help class): items indented 2, terms padded to the longest, 2 spaces,
// then the description wrapped to the width when at least 40 columns are left for it. In a
// narrower terminal, where commander would leave the description whole (and the terminal would
// break it mid-word), a description that does not fit beside its term goes under it instead;
// program.ts gives commander this same layout (formatItem, minWidthToWrap), so the two agree.
const MIN_WRAP = 40;
/** The narrowest text that is still wrapped (commander's minWidthToWrap, set in program.ts). */
export const HELP_MIN_WRAP = 10;
/** Where a description under its term starts. */
const NOTE_INDENT = '      ';

const indent = (text: string, by: string) => by + text.replace(/\n/g, `\n${by}`);

/** Wrap text to `width` columns at spaces, as commander's boxWrap does. */
function boxWrap(text: string, width: number): string {
  if (width < HELP_MIN_WRAP) return text;
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

/** One `term  description` item (or more lines, wrapped), for commander's formatItem too. */
export function helpItem(term: string, termWidth: number, description: string, width: number): string {
  if (!description) return `  ${term}`;
  const remaining = width - termWidth - 4;
  // commander leaves a description alone when it looks preformatted (a newline then a space).
  const preformatted = /\n[^\S\r\n]/.test(description);
  if (remaining < MIN_WRAP && !preformatted && termWidth + 4 + description.length > width) {
    return `  ${term}\n${indent(boxWrap(description, width - NOTE_INDENT.length), NOTE_INDENT)}`;
  }
  const wrapped = remaining < MIN_WRAP || preformatted ? description : boxWrap(description, remaining).replace(/\n/g, `\n${' '.repeat(termWidth + 2)}`);
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
  const out = [usageLine(usage, width), '', boxWrap(description, width), ''];
  for (const [title, items] of sections) if (items.length) out.push(title, ...items.map(([t, d]) => helpItem(t, termWidth, d, width)), '');
  return out.join('\n');
}

const versionItem: [string, string] = [PROGRAM_FLAGS.version.flags, PROGRAM_FLAGS.version.description];
const helpFlagItem: [string, string] = [PROGRAM_FLAGS.help.flags, PROGRAM_FLAGS.help.description];

/** `acupress --help`, for a terminal `width` columns wide (80 when not a terminal). */
export function programHelp(width: number): string {
  const commands = (Object.entries(COMMANDS) as Array<[CommandName, CommandSpec]>).map(([name, spec]): [string, string] =>
    [`${name}${spec.options.length ? ' [options]' : ''}${spec.argument ? ` ${spec.argument.name}` : ''}`, spec.description]);
  return `${page(`${PROGRAM.name} [options] [command]`, PROGRAM.description, [
    ['Options:', [versionItem, ...optionItems(GLOBAL_OPTIONS), helpFlagItem]],
    ['Commands:', [...commands, ['help [command]', 'display help for command']]],
  ], width)}${programAfter(width)}\n`;
}

/** `acupress <command> --help`, for a terminal `width` columns wide (80 when not a terminal). */
export function commandHelp(name: CommandName, width: number): string {
  const spec: CommandSpec = COMMANDS[name];
  return `${page(`${PROGRAM.name} ${name} [options]${spec.argument ? ` ${spec.argument.name}` : ''}`, spec.description, [
    ['Arguments:', spec.argument ? [[argName(spec.argument), argDescription(spec.argument)]] : []],
    ['Options:', [...optionItems(spec.options), helpFlagItem]],
    ['Global Options:', [versionItem, ...optionItems(GLOBAL_OPTIONS)]],
  ], width)}${helpAfter(spec, width)}\n`;
}
