import { describe, expect, it } from 'vitest';
import { checkYamlText } from '../src/store/yaml-load.js';
import { routineSchema } from '../src/model/schema.js';
import { MAX_DEPTH, tooDeepAt } from '../src/store/yaml-depth.js';

const open = (n: number) => '['.repeat(n);

describe('nesting depth, checked before parsing', () => {
  it.each([
    ['flow lists at the limit', `steps: ${open(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}\n`, undefined],
    ['one flow list past it', `steps: ${open(MAX_DEPTH + 1)}\n`, 7 + MAX_DEPTH],
    ['mappings count too', `a: ${'{'.repeat(MAX_DEPTH + 5)}\n`, 3 + MAX_DEPTH],
    ['brackets in quotes', `a: "${open(500)}"\nb: '${open(500)}'' ${open(500)}'\n`, undefined],
    ['brackets in comments', `a: 1 # ${open(500)}\n`, undefined],
    ['closed lists do not add up', `${'a: [[]]\n'.repeat(500)}`, undefined],
    ['compact block lists on one line', `${'- '.repeat(MAX_DEPTH + 1)}x\n`, 2 * MAX_DEPTH],
    ['block lists at the limit', `${'- '.repeat(MAX_DEPTH)}x\n`, undefined],
  ])('%s', (_, text, want) => expect(tooDeepAt(text)).toBe(want));

  it('reports the deep spot of a real file by line and column', () => {
    const r = checkYamlText(`id: deep\ntitle: Deep\nsteps: ${open(400)}\n`, 'deep.yaml', routineSchema);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([`3:${8 + MAX_DEPTH} invalid YAML: lists or mappings are nested too deeply`]);
  });
});
