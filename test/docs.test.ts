import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { catalogFrom } from '../src/model/catalog.js';
import { routinesMarkdown } from '../src/render/routines-md.js';
import { factsFor } from '../src/core/routine-facts.js';
import { ROOT } from './helpers.js';

it('docs/routines.md is current (run `npm run docs` after changing data/routines)', () => {
  const catalog = catalogFrom(buildBuiltin(join(ROOT, 'data')));
  const want = routinesMarkdown(catalog, (r) => factsFor(catalog, r).total_ms);
  expect(readFileSync(join(ROOT, 'docs/routines.md'), 'utf8')).toBe(want);
});
