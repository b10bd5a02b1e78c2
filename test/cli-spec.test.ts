// The command table (src/cli/spec.ts) is the one source of the command line: help, completion
// and the contract in docs/cli.md must offer exactly what it declares.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, flagNames, GLOBAL_OPTIONS, PROGRAM_FLAGS } from '../src/cli/spec.js';
import { cli, ROOT } from './helpers.js';

/** The flags a help text lists in its option sections. */
function helpFlags(help: string): string[] {
  const sections = help.split(/\n(?=\S)/).filter((s) => /^(Global )?Options:/.test(s));
  return sections.flatMap((s) => s.split('\n').slice(1).flatMap((line) => {
    const m = /^ {2}(-\S.*?)(?: {2,}|$)/.exec(line);
    return m ? flagNames(m[1]!) : [];
  })).sort();
}

describe('help and completion come from one table', () => {
  it.each(Object.keys(COMMANDS))('%s: --help and completion offer the same flags, exactly the table\'s', (name) => {
    const help = cli([name, '--help']);
    expect(help.code).toBe(0);
    const completed = cli(['__complete', name, '-']).stdout.trim().split('\n').sort();
    const table = [...COMMANDS[name as keyof typeof COMMANDS].options, ...GLOBAL_OPTIONS, ...Object.values(PROGRAM_FLAGS)].flatMap((o) => flagNames(o.flags)).sort();
    expect(helpFlags(help.stdout)).toEqual(table);
    expect(completed).toEqual(table);
  });

  it('the version is package.json\'s', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(cli(['--version']).stdout).toBe(`${pkg.version}\n`);
  });

  it('every choice the table declares is completed', () => {
    expect(cli(['__complete', 'run', '--side', '']).stdout).toBe('left\nright\nboth\n');
    expect(cli(['__complete', 'list', '']).stdout).toBe('routines\npoints\nmeridians\nconditions\n');
    expect(cli(['__complete', 'completion', '']).stdout).toBe('bash\nzsh\nfish\n');
  });
});

describe('docs/cli.md states the contract the table declares', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
  it.each(Object.keys(COMMANDS))('%s and every one of its flags are documented', (name) => {
    const spec = COMMANDS[name as keyof typeof COMMANDS];
    const section = doc.split(/\n(?=## )/).find((s) => s.startsWith(`## acupress ${name}`));
    expect(section, `a "## acupress ${name}" section`).toBeDefined();
    for (const o of spec.options) for (const f of flagNames(o.flags).filter((f) => f.startsWith('--'))) expect(section, f).toContain(`\`${f}`);
  });
  it('documents the global flags', () => {
    for (const o of GLOBAL_OPTIONS) for (const f of flagNames(o.flags)) expect(doc).toContain(`\`${f}`);
  });
});
