import { mkdirSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';
import { profileSchema } from '../model/schema.js';
import type { Profile } from '../model/types.js';
import { loadYamlFile } from './yaml-load.js';

/** Read and validate a profile file; errors name the file, line and field. */
export function loadProfile(path: string): Profile {
  return loadYamlFile(path, profileSchema);
}

/** Write the profile atomically: a temp file in the same directory, then rename over the old one. */
export function saveProfile(path: string, profile: Profile): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const text = `# acupress safety profile: the conditions applied to every run and check.\n# Edit freely, or delete this file to be asked again. Add "history: false" to stop logging sessions.\n${stringify(profile)}`;
  try {
    writeFileSync(tmp, text, { mode: 0o600 });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
