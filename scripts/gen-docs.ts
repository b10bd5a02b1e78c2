// Regenerate docs/routines.md from data/ (npm run docs). A test fails when it is out of date.
import { writeFileSync } from 'node:fs';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { catalogFrom } from '../src/model/catalog.js';
import { routinesMarkdown } from '../src/render/routines-md.js';
import { factsFor } from '../src/core/routine-facts.js';

const catalog = catalogFrom(buildBuiltin());
writeFileSync(new URL('../docs/routines.md', import.meta.url), routinesMarkdown(catalog, (r) => factsFor(catalog, r).total_ms));
console.log('wrote docs/routines.md');
