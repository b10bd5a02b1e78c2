import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../model/errors.js';

let root: string | undefined;

/**
 * The package root, from dist/ when built or src/ in dev: the first directory up holding
 * package.json and the built-in data (the YAML in data/ in a clone, the snapshot in dist/data/
 * in the installed package, which ships no YAML).
 */
export function packageRoot(): string {
  if (root) return root;
  // import.meta.dirname is __dirname in the CommonJS CLI bundle (no URL work at start-up);
  // Node before 20.11 lacks it in ESM, hence the fallback.
  const here = import.meta.dirname ?? fileURLToPath(new URL('.', import.meta.url));
  for (const up of ['..', '../..', '../../..']) {
    const dir = resolve(here, up);
    if (existsSync(join(dir, 'package.json')) && (existsSync(join(dir, 'data')) || existsSync(join(dir, 'dist', 'data')))) return (root = dir);
  }
  return (root = resolve(here, '..'));
}

/** $XDG_CONFIG_HOME/acupress, defaulting to ~/.config/acupress. */
export function configDir(env: Record<string, string | undefined>): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(home(env), '.config');
  return join(base, 'acupress');
}

/** $XDG_CACHE_HOME/acupress, defaulting to ~/.cache/acupress. */
export function cacheDir(env: Record<string, string | undefined>): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(home(env), '.cache');
  return join(base, 'acupress');
}

/** $XDG_STATE_HOME/acupress, defaulting to ~/.local/state/acupress (the session log lives here). */
export function stateDir(env: Record<string, string | undefined>): string {
  // The XDG spec says a relative path is invalid and is to be ignored.
  const base = env.XDG_STATE_HOME && env.XDG_STATE_HOME.startsWith('/') ? env.XDG_STATE_HOME : join(home(env), '.local', 'state');
  return join(base, 'acupress');
}

/**
 * The home directory from the environment. The CLI's shell (main.ts) fills HOME from the
 * system when it is unset, so node:os stays out of every start; a library caller passes it.
 */
function home(env: Record<string, string | undefined>): string {
  if (!env.HOME) throw new UserError('HOME is not set; set HOME (or XDG_CONFIG_HOME, XDG_CACHE_HOME and XDG_STATE_HOME)');
  return env.HOME;
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
