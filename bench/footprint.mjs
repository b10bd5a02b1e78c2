// The package as a user meets it, for bench/run.mjs (issue 21): the packed tarball's size, what
// installing it adds (packages and bytes), and a cold `npx` of it against a one-file package.
//
//   node bench/footprint.mjs [--runs N]
//
// "Cold" means an empty npm cache for every run (the tarballs are local files, so only npm's own
// work and ours are timed, never the network). The one-file package is made here: a bin that
// prints its version, the least any CLI can be.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './startup.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bytes of every file under a directory. */
const du = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? du(join(dir, e.name)) : e.isFile() ? statSync(join(dir, e.name)).size : 0), 0);

/** The packages under a node_modules tree (each directory holding a package.json). */
function packages(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name.startsWith('.')) continue;
    const sub = join(dir, e.name);
    if (e.name.startsWith('@')) n += packages(sub);
    else {
      n++;
      try {
        n += packages(join(sub, 'node_modules'));
      } catch {
        // no nested node_modules
      }
    }
  }
  return n;
}

const npmEnv = (home) => ({ PATH: process.env.PATH, HOME: home });
const npmFlags = (cache) => ['--cache', cache, '--userconfig', join(cache, '.npmrc'), '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel', 'warn'];

/** Pack, install and npx the package; returns { tarball, unpacked, installed, packages, warnings, npx }. */
export function footprint({ runs = 5 } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'acupress-footprint-'));
  try {
    // The build is already there (the bench builds first), so pack what it made.
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const tgz = join(work, packed.filename);

    const prefix = join(work, 'prefix');
    const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, ...npmFlags(join(work, 'cache-install')), tgz], { encoding: 'utf8', env: npmEnv(work) });
    if (install.status !== 0) throw new Error(`npm install failed: ${install.stderr}`);
    const modules = join(prefix, 'lib', 'node_modules');
    const warnings = `${install.stdout}${install.stderr}`.split('\n').filter((l) => /\bwarn\b/i.test(l));

    // The one-file package to compare with.
    const one = join(work, 'onefile');
    mkdirSync(join(one, 'bin'), { recursive: true });
    writeFileSync(join(one, 'package.json'), JSON.stringify({ name: 'onefile', version: '1.0.0', bin: { onefile: 'bin/onefile.js' } }));
    writeFileSync(join(one, 'bin', 'onefile.js'), '#!/usr/bin/env node\nconsole.log("1.0.0");\n');
    chmodSync(join(one, 'bin', 'onefile.js'), 0o755);
    const [onePacked] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: one, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const oneTgz = join(work, onePacked.filename);

    // Interleaved, each with an empty cache: `npx --package=<tarball> <bin> --version`.
    const npx = (tarball, bin) => {
      const cache = mkdtempSync(join(work, 'cache-npx-'));
      const t = process.hrtime.bigint();
      const r = spawnSync('npx', ['--yes', ...npmFlags(cache), `--package=${tarball}`, bin, '--version'], { encoding: 'utf8', env: npmEnv(cache) });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (r.status !== 0) throw new Error(`npx ${bin} failed: ${r.stderr}`);
      rmSync(cache, { recursive: true, force: true });
      return ms;
    };
    const ours = [];
    const theirs = [];
    const ratios = [];
    for (let i = 0; i < runs; i++) {
      const a = npx(tgz, 'acupress');
      const b = npx(oneTgz, 'onefile');
      ours.push(a);
      theirs.push(b);
      ratios.push(a / b);
    }
    return {
      tarball: packed.size,
      unpacked: packed.unpackedSize,
      files: packed.entryCount,
      installed: du(join(modules, 'acupress')),
      packages: packages(modules),
      warnings,
      npx: { ratio: median(ratios), ms: median(ours), onefile_ms: median(theirs) },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--runs');
  console.log(JSON.stringify(footprint({ runs: i < 0 ? 5 : Number(process.argv[i + 1]) }), null, 2));
}
