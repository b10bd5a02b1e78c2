// Build step: validate data/ with the zod schemas and write dist/builtin.json,
// so that the CLI's common paths never parse YAML or load zod at start-up.
import { writeFileSync } from 'node:fs';
import { buildBuiltin } from './data/build-builtin.js';
import { snapshotPath } from './data/load-catalog.js';

try {
  const data = buildBuiltin();
  writeFileSync(snapshotPath(), JSON.stringify(data));
  console.log(`snapshot: ${data.points.length} points, ${data.routines.length} routines, ${data.conditions.length} conditions`);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
