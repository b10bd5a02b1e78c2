import { existsSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';
import { plainJoin } from '../model/plain-join.js';
import { fileURLToPath } from 'node:url';
import { joinPath } from './join-path.js';

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
  const built = builtRoot(here);
  if (built) return (root = built);
  for (const up of ['..', '../..', '../../..']) {
    const dir = resolve(here, up);
    if (existsSync(joinPath(dir, 'package.json')) && (existsSync(joinPath(dir, 'data')) || existsSync(joinPath(dir, 'dist', 'data')))) return (root = dir);
  }
  return (root = resolve(here, '..'));
}

/**
 * The package root of a built file's directory, dist/ (the CLI) or dist/lib/ (the library),
 * worked out from the path alone: three stats at every start saved. Undefined for any other
 * directory (the sources, under tsx and the tests), which packageRoot looks for on disk.
 */
export function builtRoot(here: string): string | undefined {
  // Read with string code, not a regular expression: model/point-number.ts says why.
  const isSep = (c: string | undefined) => c === '/' || c === '\\';
  const trimmed = isSep(here.at(-1)) ? here.slice(0, -1) : here;
  // Whether path `p` ends in a directory called `name`.
  const under = (p: string, name: string) => p.endsWith(name) && isSep(p.at(-name.length - 1));
  const up = under(trimmed, 'dist') ? 1 : under(trimmed, 'lib') && under(trimmed.slice(0, -4), 'dist') ? 2 : 0;
  if (up === 0) return undefined;
  // The parent by slicing when `here` is a plain absolute path (a built file's __dirname), not
  // path.resolve's normalizing a character at a time (model/plain-join.ts says why).
  if (here.startsWith('/') && plainJoin(sep, here) === here) {
    let dir = here;
    for (let i = 0; i < up; i++) dir = dir.slice(0, dir.lastIndexOf('/'));
    if (dir !== '') return dir;
  }
  return resolve(here, up === 2 ? '../..' : '..');
}

type Env = Record<string, string | undefined>;

/**
 * An XDG base directory joined with "acupress": the variable when it holds an absolute path (the
 * spec says to ignore a relative one), else `fallback` under HOME. Undefined when neither is
 * usable (HOME unset, empty or relative): callers then go without that place rather than fail.
 */
function xdg(env: Env, variable: string, fallback: string): string | undefined {
  const base = env[variable];
  // A name Node could not decode is no place to read or write (see mangledVariable).
  if (base && isAbsolute(base)) return mangled(base) ? undefined : joinPath(base, 'acupress');
  const h = home(env);
  return h === undefined ? undefined : joinPath(h, fallback, 'acupress');
}

/** $XDG_CONFIG_HOME/acupress, defaulting to ~/.config/acupress: the user's routines, points and profile. */
export function configDir(env: Env): string | undefined {
  return xdg(env, 'XDG_CONFIG_HOME', '.config');
}

/** $XDG_CACHE_HOME/acupress, defaulting to ~/.cache/acupress: the validated-data cache. */
export function cacheDir(env: Env): string | undefined {
  return xdg(env, 'XDG_CACHE_HOME', '.cache');
}

/** $XDG_STATE_HOME/acupress, defaulting to ~/.local/state/acupress: machine state (tips seen, the session log). */
export function stateDir(env: Env): string | undefined {
  return xdg(env, 'XDG_STATE_HOME', '.local/state');
}

/**
 * The home directory from the environment, if it is an absolute path. The CLI's shell
 * (boot/loader.ts) fills HOME from the system when it is unset, so node:os stays out of every
 * start; a library caller passes it.
 */
export function home(env: Env): string | undefined {
  const h = env.HOME;
  return h && isAbsolute(h) && !mangled(h) ? h : undefined;
}

/**
 * Does this value hold U+FFFD, the mark Node leaves where the environment held bytes that are
 * not UTF-8 (HOME=/home/j\xfcrgen in a Latin-1 locale)? The real name cannot be rebuilt from
 * it, and a directory made under the mangled name would be a stranger's, so such a place is
 * not used at all.
 */
function mangled(value: string): boolean {
  return value.includes('\ufffd');
}

/** The first of HOME and the XDG variables acupress reads that is not valid UTF-8 text, for a warning. */
export function mangledVariable(env: Env): string | undefined {
  return ['HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'].find((v) => env[v] !== undefined && mangled(env[v]!));
}

/**
 * The user data directories in priority order (later wins): XDG config, ACUPRESS_DATA, --data.
 * Only --data and ACUPRESS_DATA must exist; the XDG directory is optional.
 */
export function userDataDirs(env: Env, cwd: string, flag?: string[]): Array<{ dir: string; required: boolean; label: string }> {
  // `label` names the directory as the user gave it, for messages.
  const config = configDir(env);
  const dirs: Array<{ dir: string; required: boolean; label: string }> = config ? [{ dir: config, required: false, label: config }] : [];
  for (const d of (env.ACUPRESS_DATA ?? '').split(':').filter(Boolean)) dirs.push({ dir: resolve(cwd, d), required: true, label: `ACUPRESS_DATA ${d}` });
  for (const d of flag ?? []) dirs.push({ dir: resolve(cwd, d), required: true, label: `--data ${d}` });
  return dirs;
}
