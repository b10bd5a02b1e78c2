import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { catalogFrom } from '../src/model/catalog.js';
import { routinesMarkdown } from '../src/render/routines-md.js';
import { ROOT } from './helpers.js';

it('docs/routines.md is current (run `npm run docs` after changing data/routines)', () => {
  const want = routinesMarkdown(catalogFrom(buildBuiltin(join(ROOT, 'data'))));
  expect(readFileSync(join(ROOT, 'docs/routines.md'), 'utf8')).toBe(want);
});
