// The run-time entry to data. The common case (no user YAML) reads the JSON snapshot
// validated at build time (snapshot.ts), so list/show never load yaml or zod.
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { EXIT, ExitError, UserError } from '../model/errors.js';
import { damagedInstall } from '../model/damaged-install.js';
import { catalogFrom, type Catalog } from '../model/catalog.js';
import { cacheDir, configDir, home, mangledVariable, packageRoot, userDataDirs } from './paths.js';
import { readSnapshot } from './snapshot.js';
import { dataPath, fsError } from './source-file.js';
import { fsReason } from './fs-reason.js';
import { isYamlName } from './yaml-name.js';
import { joinPath } from './join-path.js';

export interface LoadOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  /** Directories from --data. */
  data?: string[];
}

/** Directory of the build-time snapshot of the built-in data. */
export function snapshotDir(): string {
  return joinPath(packageRoot(), 'dist', 'data');
}

/** The built-in data: the snapshot when built, else (in development) the YAML itself. */
export async function loadBuiltin(): Promise<Catalog> {
  const snapshot = readSnapshot(snapshotDir());
  if (snapshot) return snapshot;
  // An installed package ships the snapshot and not the YAML: without it, the install is broken.
  if (!existsSync(joinPath(packageRoot(), 'data'))) {
    throw new ExitError(EXIT.internal, damagedInstall(`built-in data file ${joinPath(snapshotDir(), 'index.json')}`, 'is missing'));
  }
  const { buildBuiltin } = await import('./build-builtin.js');
  return catalogFrom(buildBuiltin());
}

/**
 * Built-in data plus every user data directory, validated and merged. A directory named by
 * --data or ACUPRESS_DATA must exist (a UserError otherwise); the XDG one is optional, and
 * anything odd about it (a file, a dangling link, no permission) is a warning in
 * catalog.notices. Bad files inside any of them are skipped with a warning each.
 */
export async function loadCatalog(opts: LoadOptions): Promise<Catalog> {
  const catalog = await loadBuiltin();
  const dirs = userDataDirs(opts.env, opts.cwd, opts.data);
  const h = home(opts.env);
  const mangledVar = mangledVariable(opts.env);
  if (mangledVar) {
    catalog.notices.push(`warning: ${mangledVar} is not valid UTF-8 text, so acupress cannot use the places under it${configDir(opts.env) === undefined ? ' (your own routines, points and profile are not read)' : ''}; rename the directory or set ${mangledVar} to another`);
  } else if (configDir(opts.env) === undefined) {
    catalog.notices.push('warning: HOME is not set (or not an absolute path), so your own routines, points and profile are not read; set HOME or XDG_CONFIG_HOME');
  }
  const withFiles: string[] = [];
  for (const d of dirs) {
    let isDir = false;
    try {
      // No exception for the usual case, an optional directory that is not there: building one
      // costs a cold process about 0.1 ms.
      const st = statSync(d.dir, { throwIfNoEntry: !!d.required });
      if (!st) {
        if (isDanglingLink(d.dir)) catalog.notices.push(`warning: ${dataPath(d.dir, h)}: is a symbolic link to nothing, so your own routines and points are not read`);
        continue;
      }
      isDir = st.isDirectory();
    } catch (e) {
      if (d.required) throw fsError(d.label, e, 'directory');
      const odd = oddConfigDir(e);
      if (odd) catalog.notices.push(`warning: ${dataPath(d.dir, h)}: ${odd}, so your own routines and points are not read`);
      continue;
    }
    if (!isDir) {
      if (d.required) throw new UserError(`${d.label}: is not a directory`);
      catalog.notices.push(`warning: ${dataPath(d.dir, h)}: is not a directory, so your own routines and points are not read`);
      continue;
    }
    // A folder named on purpose (--data, ACUPRESS_DATA) with YAML at its top level was meant to
    // hold data; say where the files go instead of ignoring them without a word.
    if (d.required) {
      const stray = strayYaml(d.dir);
      if (stray) catalog.notices.push(`note: ${d.label}: ${stray} YAML file${stray === 1 ? ' is' : 's are'} at the top of the folder and not read; routines go in its routines/ folder and points in points/`);
    }
    withFiles.push(d.dir);
  }
  if (withFiles.length === 0) return catalog;
  const { loadUserDirs } = await import('./load-user.js');
  await loadUserDirs(catalog, withFiles, {
    home: h,
    cacheDir: opts.env.ACUPRESS_NO_CACHE ? undefined : cacheDir(opts.env),
    release: catalog.release ?? 'source',
  });
  return catalog;
}

/** How many YAML files sit directly in a data folder (where nothing is read). */
function strayYaml(dir: string): number {
  try {
    return readdirSync(dir).filter(isYamlName).length;
  } catch {
    return 0;
  }
}

/** Is `dir`, which stat found nothing at, a symbolic link to nothing (worth a warning)? */
function isDanglingLink(dir: string): boolean {
  try {
    return lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
  } catch {
    return false;
  }
}

/**
 * Why the optional config directory could not be opened, when that is worth a warning: not when
 * HOME itself is a file (ENOTDIR), but when the user cannot read it, or a link loops.
 */
function oddConfigDir(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code === 'ENOTDIR' ? undefined : fsReason(e);
}
