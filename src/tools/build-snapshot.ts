// Build step: validate data/ with the zod schemas and write the snapshot in dist/data/,
// so that the CLI's common paths never parse YAML or load zod at start-up.
import { buildBuiltin } from '../store/build-builtin.js';
import { snapshotDir } from '../store/load-catalog.js';
import { writeSnapshot } from '../store/snapshot.js';

try {
  const data = buildBuiltin();
  writeSnapshot(data, snapshotDir());
  console.log(`snapshot: ${data.points.length} points, ${data.routines.length} routines, ${data.conditions.length} conditions`);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
