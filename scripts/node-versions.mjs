// The Node binaries CI and the benchmark run on: every maintained line (20, 22 and 24). The
// machine's own Node serves its major; the others come from the npm registry's node-<os>-<cpu>
// packages (official Node builds inside an npm tarball), unpacked once into a cache outside the
// repository:
//
//   node scripts/node-versions.mjs            # one line per version: "<major> <version> <path>"
//   node scripts/node-versions.mjs --json     # the same as a JSON array
//   import { nodeBinaries } from './node-versions.mjs'
//
// ACUPRESS_NODE_MAJORS overrides the list (for example "22" or "20,24"); ACUPRESS_NODE_CACHE the
// cache directory (default $XDG_CACHE_HOME/acupress-dev/node). A version that cannot be fetched is
// an error: CI must not pass quietly on fewer Nodes than it claims.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The maintained release lines, oldest first. */
export const MAINTAINED = ['20', '22', '24'];

const pkg = `node-${process.platform}-${process.arch}`;

/** Where unpacked binaries live: <cache>/<version>/node. */
export function cacheDir(env = process.env) {
  if (env.ACUPRESS_NODE_CACHE) return env.ACUPRESS_NODE_CACHE;
  const base = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : join(env.HOME || homedir(), '.cache');
  return join(base, 'acupress-dev', 'node');
}

const byVersion = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
};

const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, timeout: 300_000 });

/** The newest published version of a major line, or undefined when the registry cannot say. */
function latest(major) {
  try {
    const out = JSON.parse(npm(['view', `${pkg}@${major}`, 'version', '--json']));
    const versions = (Array.isArray(out) ? out : [out]).filter((v) => /^\d+\.\d+\.\d+$/.test(v));
    return versions.sort(byVersion).at(-1);
  } catch {
    return undefined;
  }
}

/** The newest version of a major already in the cache. */
function cached(dir, major) {
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir).filter((v) => v.startsWith(`${major}.`) && existsSync(join(dir, v, 'node'))).sort(byVersion).at(-1);
}

/** Download and unpack one version into the cache (atomically: a half-done unpack is never used). */
function fetchVersion(dir, version) {
  mkdirSync(dir, { recursive: true });
  const tmp = mkdtempSync(join(dir, `.${version}-`));
  try {
    const [{ filename }] = JSON.parse(npm(['pack', `${pkg}@${version}`, '--json', '--pack-destination', tmp], tmp));
    execFileSync('tar', ['-xzf', join(tmp, filename), '-C', tmp, 'package/bin/node']);
    mkdirSync(join(tmp, 'out'));
    renameSync(join(tmp, 'package/bin/node'), join(tmp, 'out/node'));
    chmodSync(join(tmp, 'out/node'), 0o755);
    try {
      renameSync(join(tmp, 'out'), join(dir, version));
    } catch (e) {
      if (!existsSync(join(dir, version, 'node'))) throw e; // another process won the race
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * One Node binary per major: [{ major, version, path }]. The running Node answers for its own
 * major; the others are the newest release of their line (the cached one when the registry is
 * unreachable). Throws when a major is neither fetchable nor cached.
 */
export function nodeBinaries({ majors = (process.env.ACUPRESS_NODE_MAJORS || MAINTAINED.join(',')).split(','), env = process.env } = {}) {
  const dir = cacheDir(env);
  const own = process.versions.node;
  return majors.map((major) => {
    if (own.split('.')[0] === major) return { major, version: own, path: process.execPath };
    const want = latest(major);
    const version = want && !existsSync(join(dir, want, 'node')) ? (fetchVersion(dir, want), want) : (want ?? cached(dir, major));
    if (!version) throw new Error(`cannot get Node ${major}: ${pkg}@${major} is not reachable on the registry and not in ${dir}`);
    return { major, version, path: join(dir, version, 'node') };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const nodes = nodeBinaries();
    if (process.argv.includes('--json')) console.log(JSON.stringify(nodes));
    else for (const n of nodes) console.log(`${n.major} ${n.version} ${n.path}`);
  } catch (e) {
    console.error(`node-versions: ${e.message}`);
    process.exitCode = 1;
  }
}
