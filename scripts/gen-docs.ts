// Regenerate docs/routines.md from data/ (npm run docs). A test fails when it is out of date.
import { writeFileSync } from 'node:fs';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { catalogFrom } from '../src/model/catalog.js';
import { routinesMarkdown } from '../src/render/routines-md.js';

writeFileSync(new URL('../docs/routines.md', import.meta.url), routinesMarkdown(catalogFrom(buildBuiltin())));
console.log('wrote docs/routines.md');
