// Regenerate docs/routines.md from data/ (npm run docs). A test fails when it is out of date.
import { writeFileSync } from 'node:fs';
import { buildBuiltin } from '../src/data/build-builtin.js';
import { catalogFrom } from '../src/data/catalog.js';
import { routinesMarkdown } from '../src/docs/routines-md.js';

writeFileSync(new URL('../docs/routines.md', import.meta.url), routinesMarkdown(catalogFrom(buildBuiltin())));
console.log('wrote docs/routines.md');
