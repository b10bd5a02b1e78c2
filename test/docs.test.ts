import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { catalogFrom, type CatalogData } from '../src/model/catalog.js';
import { routinesMarkdown } from '../src/render/routines-md.js';
import { factsFor } from '../src/core/routine-facts.js';
import { buildFigureViews } from '../src/store/build-figures.js';
import { atlasPages } from '../src/render/atlas-pages.js';
import type { FigureView } from '../src/model/types.js';
import { ROOT } from './helpers.js';

// Parsed once, each in its own step, so no single step keeps the worker from answering vitest.
let data: CatalogData;
let views: FigureView[];
beforeAll(() => { data = buildBuiltin(join(ROOT, 'data')); });
beforeAll(() => { views = buildFigureViews(join(ROOT, 'data')); });

it('docs/routines.md is current (run `npm run docs` after changing data/routines)', () => {
  const catalog = catalogFrom(data);
  const want = routinesMarkdown(catalog, (r) => factsFor(catalog, r).total_ms);
  expect(readFileSync(join(ROOT, 'docs/routines.md'), 'utf8')).toBe(want);
});

it('docs/atlas/ is current: one SVG per view with every point placed (run `npm run docs` after changing data/)', () => {
  const pages = atlasPages(views, data.points);
  expect(readdirSync(join(ROOT, 'docs/atlas')).sort()).toEqual([...pages.keys()].sort());
  for (const [name, text] of pages) expect(readFileSync(join(ROOT, 'docs/atlas', name), 'utf8'), name).toBe(text);
  // Every point is marked once, by code, on its view's page.
  const marked = [...pages.values()].flatMap((t) => [...t.matchAll(/class="mark" data-point="([^"]+)"/g)].map((m) => m[1]));
  expect(marked).toHaveLength(410);
  expect(new Set(marked).size).toBe(410);
});

it('the JSON examples in README and docs/cli.md have every key the real shapes always carry', async () => {
  const { checkReportSchema, runEventSchema } = await import('../src/model/json-schemas.js');
  for (const file of ['README.md', 'docs/cli.md']) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    // check --json: every key of the report is always present, red_flags included.
    const report = JSON.parse(/```\n\s*(\{"ok":false[\s\S]*?)```/.exec(text)![1]!) as Record<string, unknown>;
    expect(Object.keys(report).sort(), file).toEqual(Object.keys(checkReportSchema.shape).sort());
    // run --json: the start event says what safety changed.
    const start = JSON.parse(/^\{"type":"start".*$/m.exec(text)![0]) as Record<string, unknown>;
    expect(runEventSchema.parse(start), file).toMatchObject({ conditions: [], skipped: [] });
  }
});
