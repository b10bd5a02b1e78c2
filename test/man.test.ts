// The man page (dist/acupress.1) is built from the command table and docs/cli.md: it must name
// every command and flag the table declares, and render without a warning.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, flagNames, GLOBAL_OPTIONS, PROGRAM_FLAGS } from '../src/cli/spec.js';
import { ROOT } from './helpers.js';

const groff = spawnSync('groff', ['--version']).status === 0;
const page = readFileSync(join(ROOT, 'dist', 'acupress.1'), 'utf8');
/** The page as man shows it, 100 columns wide, without hyphenation or adjustment to trip over. */
const rendered = () => spawnSync('groff', ['-man', '-Tutf8', '-P', '-cbou', '-rLL=100n', '-rHY=0', '-dAD=l', join(ROOT, 'dist', 'acupress.1')], { encoding: 'utf8' }).stdout;

describe('the man page', () => {
  it('is the package\'s man page', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).man).toEqual(['./dist/acupress.1']);
    expect(page).toMatch(/^\.TH ACUPRESS 1 /);
  });

  it.skipIf(!groff)('renders without a warning', () => {
    const r = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-z', join(ROOT, 'dist', 'acupress.1')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(!groff)('names every command, argument, flag and example of the table, and the exit codes', () => {
    const text = rendered();
    for (const [name, spec] of Object.entries(COMMANDS)) {
      expect(text).toContain(`acupress ${name} `);
      if ('argument' in spec) expect(text).toContain(spec.argument.name);
      for (const o of spec.options) for (const f of flagNames(o.flags)) expect(text, `${name} ${f}`).toContain(f);
      for (const e of spec.examples) expect(text).toContain(e.line);
    }
    for (const o of [...GLOBAL_OPTIONS, ...Object.values(PROGRAM_FLAGS)]) for (const f of flagNames(o.flags)) expect(text).toContain(f);
    expect(text).toMatch(/EXIT STATUS\n\s+0\s+success/);
    expect(text).toContain('ACUPRESS_DATA');
    expect(text).toContain('not medical advice');
  });
});
