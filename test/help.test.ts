// The quick path prints help without commander (src/cli/help.ts): every page must be exactly
// commander's, at every width, and the built CLI must take the quick path for exactly the plain
// help and version lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandHelp, programHelp } from '../src/cli/help.js';
import { runCli } from '../src/cli/program.js';
import { quickInfo } from '../src/cli/quick-argv.js';
import { COMMANDS, type CommandName } from '../src/cli/spec.js';
import { cli, fakeIo, ROOT } from './helpers.js';

/** What commander prints for argv on a stream `width` columns wide (undefined: not a terminal). */
async function commanderSays(argv: string[], width: number | undefined): Promise<{ code: number; text: string }> {
  const { io, stdout } = fakeIo({}, width !== undefined);
  stdout.columns = width ?? 80;
  const code = await runCli(argv, io);
  return { code, text: stdout.text() };
}

const names = Object.keys(COMMANDS) as CommandName[];
const widths = [undefined, 20, 30, 40, 60, 79, 80, 81, 100, 132, 250];

describe('help without commander', () => {
  it.each(widths)('the program page is commander\'s at width %s', async (width) => {
    expect(programHelp(width ?? 80)).toBe((await commanderSays(['--help'], width)).text);
  });

  it.each(names.flatMap((n) => widths.map((w) => [n, w] as const)))('%s --help is commander\'s at width %s', async (name, width) => {
    const said = await commanderSays([name, '--help'], width);
    expect(said.code).toBe(0);
    expect(commandHelp(name, width ?? 80)).toBe(said.text);
    // The other spellings commander accepts print the same page.
    expect((await commanderSays(['help', name], width)).text).toBe(said.text);
    expect((await commanderSays([name, '-h'], width)).text).toBe(said.text);
  });
});

describe('help in a narrow terminal (issue 17)', () => {
  /** A line that cannot be broken: one word, or one quoted shell argument, after its indent. */
  const oneWord = (line: string) => !/ /.test(line.trim().replace(/^\$ /, '').replace(/ \\$/, '').replace(/'[^']*'|"[^"]*"/g, 'Q'));
  it.each([30, 40, 60, 80, 120])('every page fits %i columns, but for words that cannot be broken', (width) => {
    for (const text of [programHelp(width), ...names.map((n) => commandHelp(n, width))]) {
      for (const line of text.split('\n')) if (line.length > width) expect(oneWord(line), line).toBe(true);
    }
  });

  it('a description that does not fit beside its term goes under it; long examples break with a backslash', () => {
    const run = commandHelp('run', 40).split('\n');
    const at = run.indexOf('  --side <side>');
    expect(at).toBeGreaterThan(0);
    expect(run[at + 1]).toMatch(/^ {6}which side/);
    expect(commandHelp('check', 40)).toContain('Usage: acupress check [options]\n       [target...]');
    expect(commandHelp('run', 40)).toMatch(/\$ acupress run --random --max 3m \\\n {6}--tag desk --yes/);
    // Wide terminals keep commander's usual layout.
    expect(commandHelp('run', 120)).toMatch(/^ {2}--side <side> +which side/m);
  });
});

describe('which lines the quick path answers', () => {
  it('takes exactly the plain help and version lines', () => {
    expect(quickInfo(['--version'])).toEqual({ version: true });
    expect(quickInfo(['-V'])).toEqual({ version: true });
    for (const argv of [['--help'], ['-h'], ['help']]) expect(quickInfo(argv)).toEqual({ help: undefined });
    for (const argv of [['show', '--help'], ['show', '-h'], ['help', 'show']]) expect(quickInfo(argv)).toEqual({ help: 'show' });
    // Anything else is commander's to judge: unknown commands, extra words or flags, `--`.
    for (const argv of [[], ['help', 'nope'], ['nope', '--help'], ['--help', 'show'], ['show', 'LI4', '--help'], ['--no-color', '--help'], ['--version', '--help'], ['help', 'show', 'x'], ['--', '--help'], ['--vers'], ['-v'], ['version']]) {
      expect(quickInfo(argv), argv.join(' ')).toBeUndefined();
    }
  });

  it('the built CLI prints the same pages and version as commander, with exit 0', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const argv of [['--version'], ['-V']]) {
      const r = cli(argv);
      expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
      expect((await commanderSays(argv, undefined)).text).toBe(r.stdout);
    }
    for (const argv of [['--help'], ['help'], ['list', '--help'], ['help', 'run'], ['completion', '-h']]) {
      const r = cli(argv);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe((await commanderSays(argv, undefined)).text);
    }
  });
});
