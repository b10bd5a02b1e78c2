// A damaged installation (a bundle or a data file of the package truncated or missing) is one
// line naming the file and saying to reinstall, exit 70: never a stack trace, a page of minified
// code, or a JSON parser's message.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const copy = mkdtempSync(join(tmpdir(), 'acupress-install-'));
cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
const home = mkdtempSync(join(tmpdir(), 'acupress-install-home-'));
// A routine file named on the command line: every run parses it, with dist/user.cjs's code.
const routineFile = join(home, 'mine.yaml');
writeFileSync(routineFile, readFileSync(join(ROOT, 'data/routines/basics.yaml'), 'utf8').replace(/^id: .*$/m, 'id: mine'));
afterAll(() => [copy, home].forEach((d) => rmSync(d, { recursive: true, force: true })));

const run = (...args: string[]) => spawnSync(process.execPath, [join(copy, 'dist/main.cjs'), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home }, timeout: 20_000 });

type Damage = 'truncated' | 'emptied' | 'missing' | 'a FIFO' | 'a link to /dev/zero' | 'a 9 MB file';

/** Run `args` with `file` (under the copy) damaged as `how` says; then put it back. */
function withDamage(file: string, how: Damage, args: string[]) {
  const path = join(copy, file);
  const good = readFileSync(path);
  if (how === 'truncated' || how === 'emptied') writeFileSync(path, how === 'emptied' ? '' : good.subarray(0, 4000));
  else rmSync(path);
  if (how === 'a FIFO') spawnSync('mkfifo', [path]);
  if (how === 'a link to /dev/zero') symlinkSync('/dev/zero', path);
  if (how === 'a 9 MB file') {
    writeFileSync(path, '');
    truncateSync(path, 9 * 1024 * 1024);
  }
  try {
    return run(...args);
  } finally {
    rmSync(path, { force: true });
    writeFileSync(path, good);
  }
}

describe('a damaged installation', () => {
  const cases: Array<[string, Damage, string[]]> = [
    ['dist/info.cjs', 'truncated', ['--help']],
    ['dist/info.cjs', 'emptied', ['--help']],
    ['dist/app.cjs', 'emptied', ['show', 'LI4']],
    ['dist/vendor/yaml.cjs', 'emptied', ['validate', 'x.yaml']],
    ['dist/cli.cjs', 'emptied', ['run', 'LI4', '--dry-run']],
    ['dist/info.cjs', 'missing', ['--version']],
    ['dist/app.cjs', 'truncated', ['show', 'LI4']],
    ['dist/cli.cjs', 'truncated', ['run', 'LI4', '--dry-run']],
    ['dist/cli.cjs', 'missing', ['validate', 'x.yaml']],
    // Read only by a run that parses YAML: here a routine file named on the command line.
    ['dist/user.cjs', 'missing', ['check', routineFile]],
    ['dist/user.cjs', 'truncated', ['check', routineFile, '--pregnant']],
    ['dist/data/routines.json', 'truncated', ['show', 'headache']],
    ['dist/data/points-LI-1.json', 'missing', ['show', 'LI4']],
    // Reading these waited forever (a FIFO: open blocks for a writer; /dev/zero never ends).
    ['dist/data/index.json', 'a FIFO', ['show', 'LI4']],
    ['dist/data/index.json', 'a link to /dev/zero', ['check', 'LI4', '--pregnant']],
    ['dist/data/points-LI-1.json', 'a FIFO', ['show', 'LI4']],
    ['dist/data/figures.json', 'a link to /dev/zero', ['show', 'LI4', '--html']],
    ['dist/data/conditions-pregnancy.json', 'a 9 MB file', ['check', 'LI4', '--pregnant']],
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
