// The saved safety profile ($XDG_CONFIG_HOME/acupress/profile.yaml). Checking that it exists
// is cheap; yaml and zod are loaded only when there is a profile to read.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Io } from '../model/io.js';
import type { Profile } from '../model/types.js';
import { configDir } from './paths.js';

/** Where the profile lives. */
export function profilePath(env: Io['env']): string {
  return join(configDir(env), 'profile.yaml');
}

/** The saved profile, or undefined when there is none. A corrupt profile is a UserError naming the file. */
export async function readProfile(io: Pick<Io, 'env'>): Promise<Profile | undefined> {
  const path = profilePath(io.env);
  if (!existsSync(path)) return undefined;
  const { loadProfile } = await import('./profile-store.js');
  return loadProfile(path);
}
