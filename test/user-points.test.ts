// A point of your own, as a new user writes one: a single point without its `points:` list, one
// without Chinese characters, a caution for no known condition beside schema problems, and a
// routine that presses a point kept in another file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinPointFileSchema, pointFileSchema } from '../src/model/schema.js';
import { cli, tempDir, tempTree } from './helpers.js';

const point = 'id: XN1\npinyin: Xin Dian\nenglish: New Point\nmeridian: EX\nregion: neck\nlaterality: bilateral\nlocation: At the side of the neck.\n';
const listed = `points:\n${point.replace(/^/gm, '    ').replace(/^    id:/m, '  - id:').trimEnd()}\n`;

describe('your own points', () => {
  it('a single point not under "points:" is one clear line, not one per key', () => {
    const dir = tempDir('acupress-xn-');
    writeFileSync(join(dir, 'xn1.yaml'), point);
    const r = cli(['validate', 'xn1.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('xn1.yaml:1:1: expected a points file: put the point under "points:" (a first line "points:", then "  - id: …" with the other fields indented under it)\n1 problem in 1 file\n');
    // In a data directory, the warning says the same.
    const data = tempTree({ 'points/xn1.yaml': point });
    expect(cli(['list', 'points', '--data', data, '--no-profile']).stderr).toMatch(/warning: skipped .*xn1\.yaml:1:1: expected a points file: put the point under "points:"/);
  });

  it('may leave out the Chinese characters; the built-in points may not', () => {
    const mine = pointFileSchema.parse(parse(listed));
    expect(mine.points[0]).toMatchObject({ id: 'XN1', hanzi: '', hanzi_traditional: '' });
    expect(pointFileSchema.parse(parse(listed.replace('english:', 'hanzi: 新点\n    english:'))).points[0]).toMatchObject({ hanzi: '新点', hanzi_traditional: '新点' });
    expect(builtinPointFileSchema.safeParse(parse(listed)).success).toBe(false);
    const data = tempTree({ 'points/xn.yaml': listed });
    const r = cli(['show', 'XN1', '--data', data, '--no-profile']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('XN1  Xin Dian  New Point');
  });

  it('validate reports an unknown condition together with the schema problems, in one pass', () => {
    const dir = tempDir('acupress-xn-');
    const bad = `${listed.replace('region: neck', 'region: palm')}    cautions:\n      - condition: pregnant\n        level: avoid\n        reason: x\n        source: y\n`;
    writeFileSync(join(dir, 'p.yaml'), bad);
    const r = cli(['validate', 'p.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^p\.yaml:6:13 points\[0\]\.region: expected one of .*\np\.yaml:\d+:\d+ points\[0\]\.cautions\[0\]\.condition: unknown condition "pregnant"; did you mean "pregnancy"\?\n2 problems in 1 file\n$/);
  });

  it('a routine pressing a point of yours from elsewhere: the unknown point says where your points are read from, and --data', () => {
    const data = tempTree({ 'points/xn.yaml': listed, 'routines/my-xn.yaml': 'id: my-xn\ntitle: My XN\nsummary: s\nsources: [me]\nsteps:\n  - press: XN1\n' });
    const r = cli(['validate', join(data, 'routines/my-xn.yaml')], { env: { XDG_CONFIG_HOME: join(data, 'none') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown point "XN1" \(your own points are read from .*\/points\/ or --data <dir>\/points\/: add --data <dir>, or name the point file too\)\n1 problem in 1 file\n$/);
    expect(cli(['validate', '--data', data, join(data, 'routines/my-xn.yaml')]).code).toBe(0);
  });
});

describe('docs/writing-routines.md on your own points', () => {
  it('has a complete example that validates, and a row for every field a point may have', async () => {
    const { readFileSync } = await import('node:fs');
    const { ROOT } = await import('./helpers.js');
    const text = readFileSync(join(ROOT, 'docs/writing-routines.md'), 'utf8');
    const example = /```yaml\n(points:[\s\S]*?)```/.exec(text)![1]!;
    expect(pointFileSchema.safeParse(parse(example)).success).toBe(true);
    const { schemaKeysAt } = await import('../src/model/schema-keys.js');
    for (const key of schemaKeysAt(pointFileSchema, ['points', 0])) expect(text, key).toMatch(new RegExp(`^\\| \`${key}\`|, \`${key}\``, 'm'));
    expect(text).not.toMatch(/data\/points\/` in the source/);
  });
});
