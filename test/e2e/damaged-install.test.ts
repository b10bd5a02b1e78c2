// A damaged installation (a bundle or a data file of the package truncated or missing) is one
// line naming the file and saying to reinstall, exit 70: never a stack trace, a page of minified
// code, or a JSON parser's message.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const copy = mkdtempSync(join(tmpdir(), 'acupress-install-'));
cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
const home = mkdtempSync(join(tmpdir(), 'acupress-install-home-'));
afterAll(() => [copy, home].forEach((d) => rmSync(d, { recursive: true, force: true })));

const run = (...args: string[]) => spawnSync(process.execPath, [join(copy, 'dist/main.cjs'), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home }, timeout: 20_000 });

/** Run `args` with `file` (under the copy) truncated, or removed; then put it back. */
function withDamage(file: string, how: 'truncated' | 'emptied' | 'missing', args: string[]) {
  const path = join(copy, file);
  const good = readFileSync(path);
  if (how === 'missing') rmSync(path);
  else writeFileSync(path, how === 'emptied' ? '' : good.subarray(0, 4000));
  try {
    return run(...args);
  } finally {
    writeFileSync(path, good);
  }
}

describe('a damaged installation', () => {
  const cases: Array<[string, 'truncated' | 'emptied' | 'missing', string[]]> = [
    ['dist/info.cjs', 'truncated', ['--help']],
    ['dist/info.cjs', 'emptied', ['--help']],
    ['dist/app.cjs', 'emptied', ['show', 'LI4']],
    ['dist/vendor/yaml.cjs', 'emptied', ['validate', 'x.yaml']],
    ['dist/cli.cjs', 'emptied', ['run', 'LI4', '--dry-run']],
    ['dist/info.cjs', 'missing', ['--version']],
    ['dist/app.cjs', 'truncated', ['show', 'LI4']],
    ['dist/cli.cjs', 'truncated', ['run', 'LI4', '--dry-run']],
    ['dist/cli.cjs', 'missing', ['validate', 'x.yaml']],
    ['dist/data/routines.json', 'truncated', ['show', 'headache']],
    ['dist/data/points-LI-1.json', 'missing', ['show', 'LI4']],
  ];
  it.each(cases)('%s %s: `acupress %s` says so in one line, exit 70', (file, how, args) => {
    // A first, undamaged run makes the code caches, as an earlier run would have.
    expect(run(...args).status).not.toBe(70);
    const r = withDamage(file, how, args);
    expect(r.status).toBe(70);
    expect(r.stdout).toBe('');
    const name = file.split('/').at(-1)!.replace('.', '\\.');
    expect(r.stderr).toMatch(new RegExp(`^acupress: the (built-in data )?file \\S*${name} (is missing|is damaged \\(.+\\)); reinstall acupress\\n$`));
    // Put back, it works again (no cache kept the damage).
    expect(run(...args).status).not.toBe(70);
  });
});
