// Build step: validate data/ with the zod schemas and write the snapshot in dist/data/,
// so that the CLI's common paths never parse YAML or load zod at start-up.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBuiltin } from '../store/build-builtin.js';
import { buildFigureViews } from '../store/build-figures.js';
import { FIGURES_FILE, figuresJson } from '../store/figures.js';
import { snapshotDir } from '../store/load-catalog.js';
import { writeSnapshot } from '../store/snapshot.js';

try {
  const data = buildBuiltin();
  const views = buildFigureViews();
  writeSnapshot(data, snapshotDir());
  // The views in a file of their own, read only when a figure is drawn.
  writeFileSync(join(snapshotDir(), FIGURES_FILE), figuresJson(views));
  const placed = data.points.filter((p) => p.figure).length;
  console.log(`snapshot: ${data.points.length} points (${placed} placed on ${views.length} figure views), ${data.routines.length} routines, ${data.conditions.length} conditions`);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
