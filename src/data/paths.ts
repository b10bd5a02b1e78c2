import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package root (holding package.json and data/), from dist/ when built or src/ in dev. */
export function packageRoot(): string {
  if (root) return root;
  // import.meta.dirname is __dirname in the CommonJS CLI bundle (no URL work at start-up);
  // Node before 20.11 lacks it in ESM, hence the fallback.
  const here = import.meta.dirname ?? fileURLToPath(new URL('.', import.meta.url));
  for (const up of ['..', '../..', '../../..']) {
    const dir = resolve(here, up);
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return (root = dir);
  }
  return (root = resolve(here, '..'));
}

/** $XDG_CONFIG_HOME/acupress, defaulting to ~/.config/acupress. */
export function configDir(env: Record<string, string | undefined>): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(base, 'acupress');
}

/** $XDG_CACHE_HOME/acupress, defaulting to ~/.cache/acupress. */
export function cacheDir(env: Record<string, string | undefined>): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), '.cache');
  return join(base, 'acupress');
}

/**
 * The user data directories in priority order (later wins): XDG config, ACUPRESS_DATA, --data.
 * Only --data and ACUPRESS_DATA must exist; the XDG directory is optional.
 */
export function userDataDirs(env: Record<string, string | undefined>, cwd: string, flag?: string[]): Array<{ dir: string; required: boolean; label: string }> {
  // `label` names the directory as the user gave it, for messages.
  const dirs: Array<{ dir: string; required: boolean; label: string }> = [{ dir: configDir(env), required: false, label: configDir(env) }];
  for (const d of (env.ACUPRESS_DATA ?? '').split(':').filter(Boolean)) dirs.push({ dir: resolve(cwd, d), required: true, label: `ACUPRESS_DATA ${d}` });
  for (const d of flag ?? []) dirs.push({ dir: resolve(cwd, d), required: true, label: `--data ${d}` });
  return dirs;
}
