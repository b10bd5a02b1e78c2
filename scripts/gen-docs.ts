// Regenerate docs/routines.md and docs/atlas/<view>.svg from data/ (npm run docs). A test fails
// when either is out of date.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { buildFigureViews } from '../src/store/build-figures.js';
import { catalogFrom } from '../src/model/catalog.js';
import { routinesMarkdown } from '../src/render/routines-md.js';
import { factsFor } from '../src/core/routine-facts.js';
import { atlasPages } from '../src/render/atlas-pages.js';

const data = buildBuiltin();
const catalog = catalogFrom(data);
writeFileSync(new URL('../docs/routines.md', import.meta.url), routinesMarkdown(catalog, (r) => factsFor(catalog, r).total_ms));
console.log('wrote docs/routines.md');

const dir = new URL('../docs/atlas/', import.meta.url);
mkdirSync(dir, { recursive: true });
const pages = atlasPages(buildFigureViews(), data.points);
// A view that is gone leaves no stale page behind.
for (const f of readdirSync(dir)) if (!pages.has(f)) rmSync(new URL(f, dir));
for (const [name, text] of pages) writeFileSync(new URL(name, dir), text);
console.log(`wrote docs/atlas/ (${pages.size} files)`);
