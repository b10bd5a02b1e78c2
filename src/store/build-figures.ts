// Load and validate the built-in body views (data/figures/*.yaml) at build time and in tests.
// Pulls in yaml and zod; the CLI reads the views from the snapshot instead (figures.ts).
import { join } from 'node:path';
import { UserError } from '../model/errors.js';
import { FIGURE_VIEWS, figureViewSchema } from '../model/figure-schema.js';
import type { FigureView } from '../model/types.js';
import { packageRoot } from './paths.js';
import { yamlFiles } from './load-files.js';
import { displayPath } from './source-file.js';
import { checkYamlFile, formatProblem, type Problem } from './yaml-load.js';

/**
 * Every view in `<dataDir>/figures`, validated, in FIGURE_VIEWS order. Throws one UserError
 * listing every problem: a bad file, a file named other than its id, a view missing or twice.
 */
export function buildFigureViews(dataDir: string = join(packageRoot(), 'data')): FigureView[] {
  const problems: Problem[] = [];
  const found = new Map<string, FigureView>();
  const listing = yamlFiles(join(dataDir, 'figures'), (f) => displayPath(f, join(dataDir, '..')));
  problems.push(...listing.problems);
  for (const file of listing.files) {
    const shown = displayPath(file, join(dataDir, '..'));
    const r = checkYamlFile(file, figureViewSchema, shown);
    if (!r.ok) { problems.push(...r.problems); continue; }
    const stem = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
    const at = { file: shown, ...r.locate(['id']), path: 'id' };
    if (stem !== r.value.id) problems.push({ ...at, message: `expected id "${stem}" to match the file name` });
    else if (found.has(r.value.id)) problems.push({ ...at, message: `duplicate view "${r.value.id}"` });
    else found.set(r.value.id, r.value);
  }
  const missing = FIGURE_VIEWS.filter((id) => !found.has(id));
  if (missing.length > 0) problems.push({ file: displayPath(join(dataDir, 'figures'), join(dataDir, '..')), line: 1, col: 1, path: '', message: `missing view file(s): ${missing.join(', ')}` });
  if (problems.length > 0) throw new UserError(`built-in figures have ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  return FIGURE_VIEWS.map((id) => found.get(id)!);
}
