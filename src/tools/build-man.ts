// Build step: the man page, dist/acupress.1 (package.json "man"), from the command table
// (src/cli/spec.ts) for the commands, arguments, options, notes and examples, and from the
// contract (docs/cli.md) for exit codes, environment and files, so neither is written twice.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, exampleLines, GLOBAL_OPTIONS, PROGRAM, PROGRAM_FLAGS, type CommandName, type CommandSpec, type ExampleSpec, type OptionSpec } from '../cli/spec.js';
import { DISCLAIMER } from '../render/disclaimer.js';
import { packageRoot } from '../store/paths.js';

const root = packageRoot();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; homepage: string; bugs: { url: string } };
const repository = pkg.homepage.replace(/#.*$/, '');
const contract = readFileSync(join(root, 'docs', 'cli.md'), 'utf8');

/** Text for roff: backslashes, a leading dot or quote, and every non-ASCII character escaped. */
function esc(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/[^\x20-\x7e\n]/gu, (c) => `\\[u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`)
    .replace(/^([.'])/gm, '\\&$1');
}

/** Literal command-line text: escaped, with minus signs as roff wants them in options. */
const lit = (text: string) => esc(text).replace(/-/g, '\\-');

/** Markdown inline text (from docs/cli.md) to roff: `code` and **bold** in bold. */
const inline = (md: string) => md.split(/(`[^`]*`|\*\*[^*]*\*\*)/).map((part) =>
  part.startsWith('`') ? `\\fB${lit(part.slice(1, -1))}\\fR` : part.startsWith('**') ? `\\fB${esc(part.slice(2, -2))}\\fR` : esc(part)).join('').replace(/\\e\|/g, '|');

/** A flags string: flags in bold, value names in italics (`--hold <dur>`). */
const flags = (f: string) => f.split(/(<[^>]+>)/).map((p) => (p.startsWith('<') ? `\\fI${lit(p.slice(1, -1))}\\fR` : `\\fB${lit(p)}\\fR`)).join('');

const option = (o: OptionSpec) => ['.TP', flags(o.flags), esc(o.description + (o.choices ? ` (one of: ${o.choices.join(', ')})` : ''))];

// Laid out as --help lays them out, notes aligned.
const examples = (list: readonly ExampleSpec[]) => ['.PP', 'Examples:', '.RS', '.nf', ...exampleLines(list).map((l) => lit(l.replace(/^ {2}\$ /, ''))), '.fi', '.RE'];

/** The rows of the table under a `## heading` of docs/cli.md, as [term, text] pairs. */
function contractTable(heading: string): Array<[string, string]> {
  const section = contract.split(/\n(?=## )/).find((s) => s.startsWith(`## ${heading}\n`));
  if (!section) throw new Error(`docs/cli.md has no "## ${heading}" section`);
  const rows = section.split('\n').filter((l) => l.startsWith('|')).slice(2);
  return rows.map((row) => {
    const cells = row.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
    return [cells[0]!, cells[1]!];
  });
}

/** A cross-reference to a section of docs/cli.md ("see Terminal output") says where that is: the man page has no such section. */
const elsewhere = (text: string) => text.replace(/\bsee ("[^"]+"|[A-Z][a-z]+(?: [a-z]+)*)(?=[)\s.;,]|$)/g, (_, name: string) => `see ${name.replace(/"/g, '')} in docs/cli.md`);

const table = (heading: string) => contractTable(heading).flatMap(([term, text]) => ['.TP', inline(term), inline(elsewhere(text))]);

function command(name: CommandName, spec: CommandSpec): string[] {
  const arg = spec.argument;
  return [
    `.SS "${lit(`${PROGRAM.name} ${name}`)}${spec.options.length ? ' [\\fIoptions\\fR]' : ''}${arg ? ` \\fI${lit(arg.name)}\\fR` : ''}"`,
    esc(`${spec.description[0]!.toUpperCase()}${spec.description.slice(1)}.`),
    ...(arg ? ['.TP', `\\fI${lit(arg.name)}\\fR`, esc(arg.default ? `${arg.description} (default: ${arg.default})` : arg.description)] : []),
    ...spec.options.flatMap(option),
    ...(spec.notes ?? []).flatMap((n) => ['.PP', esc(n)]),
    ...examples(spec.examples),
  ];
}

const page = [
  `.TH ACUPRESS 1 "" "acupress ${pkg.version}" "User Commands"`,
  '.SH NAME',
  `acupress \\- ${esc(PROGRAM.description.replace(/^A /, 'a ').replace(/\.$/, ''))}`,
  '.SH SYNOPSIS',
  ...(Object.entries(COMMANDS) as Array<[CommandName, CommandSpec]>).flatMap(([name, spec]) => [
    `\\fB${lit(PROGRAM.name)} ${lit(name)}\\fR${spec.options.length ? ' [\\fIoptions\\fR]' : ''}${spec.argument ? ` \\fI${lit(spec.argument.name)}\\fR` : ''}`, '.br']),
  `\\fB${lit(PROGRAM.name)}\\fR [\\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR]`,
  '.SH DESCRIPTION',
  esc(PROGRAM.description),
  '.PP',
  esc(DISCLAIMER),
  '.PP',
  esc('Without a command in a terminal, acupress asks which routine to run. Global options are accepted before or after the command.'),
  '.SH COMMANDS',
  ...(Object.entries(COMMANDS) as Array<[CommandName, CommandSpec]>).flatMap(([name, spec]) => command(name, spec)),
  '.SH GLOBAL OPTIONS',
  ...[...GLOBAL_OPTIONS, ...Object.values(PROGRAM_FLAGS)].flatMap(option),
  ...examples(PROGRAM.examples),
  '.SH EXIT STATUS',
  ...table('Exit codes'),
  '.SH ENVIRONMENT',
  ...table('Environment'),
  '.SH FILES',
  ...table('Files'),
  '.SH SEE ALSO',
  esc(`The full contract, with the JSON shapes and the timing model: docs/cli.md in the source, ${repository}/blob/main/docs/cli.md`),
  '.SH BUGS',
  esc(`Report bugs at ${pkg.bugs.url}`),
  '',
].join('\n');

mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'acupress.1'), page);
