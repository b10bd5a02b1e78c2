// A routine file full of unknown points: each spelling is looked up once, and past the first 50
// one line counts the rest (62,496 such steps took 50 s and 470 MB of suggestions before).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeIo, tempDir } from './helpers.js';

const calls = vi.hoisted(() => ({ suggest: 0 }));
vi.mock('../src/core/text.js', async (original) => {
  const real = await original<typeof import('../src/core/text.js')>();
  return { ...real, suggest: (...args: Parameters<typeof real.suggest>) => (calls.suggest++, real.suggest(...args)) };
});

describe('a routine file naming many unknown points', () => {
  it('is told of the first 50, then one line counts the rest; each spelling is looked up once', async () => {
    const { run: validate } = await import('../src/commands/validate.js');
    const dir = tempDir('acupress-many-');
    const steps = [...Array.from({ length: 70 }, () => '  - press: XX99'), '  - press: YY98', '  - press: LI4'];
    writeFileSync(join(dir, 'many.yaml'), `id: many\ntitle: Many\nsummary: x.\nsources: [x]\nsteps:\n${steps.join('\n')}\n`);
    const f = fakeIo();
    calls.suggest = 0;
    expect(await validate({ args: [[join(dir, 'many.yaml')]] } as never, { ...f.io, cwd: dir })).toBe(2);
    const lines = f.stderr.text().trimEnd().split('\n');
    expect(lines).toHaveLength(52);
    expect(lines[0]).toBe('many.yaml:6:12 steps[0].press: unknown point "XX99"; did you mean EX-B9?');
    expect(lines[49]).toBe('many.yaml:55:12 steps[49].press: unknown point "XX99"; did you mean EX-B9?');
    expect(lines[50]).toBe('many.yaml:6:3 steps: and 21 more steps naming a point acupress does not know (only the first 50 are listed)');
    expect(lines[51]).toBe('51 problems in 1 file');
    expect(calls.suggest).toBe(1);
  });
});
