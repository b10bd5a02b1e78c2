import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointFileSchema, routineSchema } from '../src/model/schema.js';
import { checkYamlText, formatProblem, loadYamlFile } from '../src/store/yaml-load.js';
import { tempTree } from './helpers.js';

const routine = (text: string) => {
  const r = checkYamlText(text, 'routines/neck.yaml', routineSchema);
  return r.ok ? [] : r.problems.map(formatProblem);
};

const head = 'id: neck\ntitle: Neck\nsummary: Test.\nsources: [Test]\n';

describe('routine loader messages', () => {
  it('cue_one_side is an optional press-step field: accepted on a press, refused on a rest, never required', () => {
    expect(routine(`${head}steps:\n  - press: GB20\n    sides: both\n    cue: Both thumbs.\n    cue_one_side: One thumb.\n`)).toEqual([]);
    expect(routine(`${head}steps:\n  - press: GB20\n    sides: both\n    cue: Both thumbs.\n`)).toEqual([]);
    expect(routine(`${head}steps:\n  - rest: 20s\n    cue_one_side: Rest one hand.\n`)).toEqual([
      'routines/neck.yaml:7:19 steps[0].cue_one_side: "cue_one_side" does not apply to a rest step',
    ]);
  });

  it('names file:line:col, the field path and what was expected', () => {
    expect(routine(`${head}steps:\n  - press: LI4\n  - press: GB20\n  - press: GB21\n    hold: forever\n`)).toEqual([
      'routines/neck.yaml:9:11 steps[2].hold: expected a duration like 45s, 2m or 1m30s, got "forever"',
    ]);
  });

  it('an empty key is reported at its own line:col, written as `? tips` too (that was 1:1); !!omap is an ordered mapping, not a set', () => {
    const steps = 'steps:\n  - press: LI4\n';
    expect(routine(`${head}${steps}tips:\n`)).toEqual(['routines/neck.yaml:7:6 tips: expected a list, got an empty value']);
    expect(routine(`${head}${steps}? tips\n`)).toEqual(['routines/neck.yaml:7:3 tips: expected a list, got an empty value']);
    expect(routine(`${head}${steps}timing:\n  ? hold\n`)).toEqual(['routines/neck.yaml:8:5 timing.hold: expected a duration like 45s, 2m or 1m30s, got an empty value']);
    expect(routine(`${head}steps: !!omap\n  - a: 1\n`)).toEqual(['routines/neck.yaml:6:3 steps: expected a list, got an ordered mapping (!!omap)']);
    expect(routine(`${head}steps: !!set\n  ? a\n`)).toEqual(['routines/neck.yaml:6:3 steps: expected a list, got a set']);
  });

  it('suggests the nearest key for an unknown key', () => {
    expect(routine(`${head}timing:\n  hodl: 30s\nsteps:\n  - press: LI4\n`)).toEqual([
      'routines/neck.yaml:6:3 timing.hodl: unknown key "hodl"; did you mean "hold"?',
    ]);
  });

  it('reports a missing field at its parent', () => {
    expect(routine('id: neck\ntitle: Neck\nsources: [x]\nsteps:\n  - press: LI4\n')).toEqual([
      'routines/neck.yaml:1:1 summary: missing, expected text',
    ]);
  });

  it('reports wrong types and bad enum values with a suggestion', () => {
    expect(routine(`${head}steps:\n  - massage: palm\n    motion: kneed\n    duration: 1m\n  - press: LI4\n    rounds: abc\n`)).toEqual([
      'routines/neck.yaml:7:13 steps[0].motion: expected one of pressure, circles, kneading, rolling, tapping, stretching, stroking or pinching, got "kneed"',
      'routines/neck.yaml:10:13 steps[1].rounds: expected a whole number of rounds from 1 to 10, got "abc"',
    ]);
  });

  it('bounds durations and rounds', () => {
    expect(routine(`${head}steps:\n  - press: LI4\n    hold: 11m\n    rounds: 1000\n`)).toEqual([
      'routines/neck.yaml:7:11 steps[0].hold: expected a duration from 1s to 10m, got "11m"',
      'routines/neck.yaml:8:13 steps[0].rounds: expected a whole number of rounds from 1 to 10, got 1000',
    ]);
  });

  it('a step must be exactly one kind', () => {
    expect(routine(`${head}steps:\n  - cue: hi\n  - press: LI4\n    rest: 5s\n`)).toEqual([
      'routines/neck.yaml:6:5 steps[0]: expected a step with one of press, massage or rest',
      'routines/neck.yaml:7:5 steps[1]: expected only one of press, massage or rest, got press and rest',
    ]);
  });

  it('YAML syntax errors keep their position', () => {
    expect(routine('id: a\nid: b\n')).toEqual(['routines/neck.yaml:2:1: duplicate key "id" in the same mapping']);
    expect(routine('id: a\n\tsteps: []\n')).toEqual(['routines/neck.yaml:2:1: tabs are not allowed for indentation in YAML; use spaces']);
    expect(routine('')).toEqual(['routines/neck.yaml:1:1: file is empty, expected a YAML mapping']);
    expect(routine('# only a comment\n')).toEqual(['routines/neck.yaml:1:1: file is empty, expected a YAML mapping']);
  });

  it('refuses an alias bomb quickly', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const started = performance.now();
    const r = checkYamlText(bomb, 'bomb.yaml', routineSchema);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/^invalid YAML: its aliases expand more than 100 times/);
  });
  // A fuzzed `&a \r\nid: *a` (a mapping holding itself) overflowed the stack of the walk that
  // counts an alias's text: an internal error instead of a line.
  it.each(['&a \r\nid: *a', '&a\nid: *a\n', '&a [*a]', 'x: &a {y: [*a]}\n', 'points: &p\n  - *p\n'])('refuses a value that holds itself (%j) at its alias, in one line', (text) => {
    for (const schema of [routineSchema, pointFileSchema] as const) {
      const r = checkYamlText(text, 'self.yaml', schema as typeof routineSchema);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(formatProblem(r.problems[0]!)).toMatch(/^self\.yaml:\d+:\d+: invalid YAML: an alias stands inside the value it names/);
    }
  });
});

describe('point files', () => {
  it('checks region values and point codes', () => {
    const r = checkYamlText('points:\n  - id: li4\n    pinyin: Hégǔ\n    hanzi: 合谷\n    hanzi_traditional: 合谷\n    english: Union Valley\n    meridian: LI\n    region: palm\n    laterality: bilateral\n    location: Hand.\n', 'points/li.yaml', pointFileSchema);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'points/li.yaml:2:9 points[0].id: expected a point code in capitals such as LI4 or EX-HN3, got "li4"',
      expect.stringMatching(/^points\/li.yaml:8:13 points\[0\]\.region: expected one of head, .* got "palm"; did you mean "hand"\?$/),
    ]);
  });
});

describe('files', () => {
  it('strips a BOM, accepts CRLF, and refuses binary, invalid UTF-8, huge files and directories', () => {
    const dir = tempTree({
      'bom.yaml': `\uFEFF${head}steps:\n  - press: LI4\n`,
      'crlf.yaml': `${head}steps:\n  - press: LI4\n`.replace(/\n/g, '\r\n'),
      'bin.yaml': Buffer.from([0x69, 0x64, 0x00, 0x01]),
      'latin1.yaml': Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]),
      'huge.yaml': `# ${'x'.repeat(1024 * 1024)}\n`,
      'sub/keep': '',
    });
    expect(loadYamlFile(join(dir, 'bom.yaml'), routineSchema, 'bom.yaml').id).toBe('neck');
    expect(loadYamlFile(join(dir, 'crlf.yaml'), routineSchema, 'crlf.yaml').title).toBe('Neck');
    expect(() => loadYamlFile(join(dir, 'bin.yaml'), routineSchema, 'bin.yaml')).toThrow('bin.yaml: looks like a binary file, expected YAML text');
    expect(() => loadYamlFile(join(dir, 'latin1.yaml'), routineSchema, 'latin1.yaml')).toThrow('latin1.yaml: is not valid UTF-8 text');
    expect(() => loadYamlFile(join(dir, 'huge.yaml'), routineSchema, 'huge.yaml')).toThrow('huge.yaml: file is 1025 KiB, larger than the 1024 KiB limit');
    expect(() => loadYamlFile(join(dir, 'sub'), routineSchema, 'sub')).toThrow('sub: is a directory, expected a YAML file');
    expect(() => loadYamlFile(join(dir, 'missing.yaml'), routineSchema, 'missing.yaml')).toThrow('missing.yaml: no such file');
  });
});
