#!/usr/bin/env node
// Start-up as instructions executed (valgrind's callgrind), against `node -e 0` of the same Node:
// a count that a loaded machine cannot spoil, unlike the timings of bench/startup.mjs, so a
// change of 0.2 ms can be seen while other work runs. Slow (about 15 s a command line) and
// needs valgrind (Debian: valgrind); not part of `npm run bench`.
//
//   node bench/instructions.mjs [--nodes 20,22,24] [--bin dist/main.cjs] [-- <args>...]
//
// Each command line runs three times first (the code caches are made and then used), then once
// under callgrind with a clean environment (PATH and a HOME of its own) and address-space
// randomisation off. V8 seeds its string hashes at random, and the search for a prime in that
// (`detail::sprp`, `__popcountdi2` and `HashSeed::InitializeRoots` itself) runs a random number
// of instructions (±3 million): their count is left out, which brings the spread of one command
// line to about ±0.15 million.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBinaries } from '../scripts/node-versions.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const COMMANDS = [['show', 'LI4'], ['list'], ['check', 'LI4', '--pregnant'], ['--help'], ['--version']];

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const nodes = nodeBinaries({ majors: opt('--nodes', '20,22,24').split(',') });
const bin = opt('--bin', join(ROOT, 'dist/main.cjs'));
const own = args.includes('--') ? [args.slice(args.indexOf('--') + 1)] : COMMANDS;

if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('bench/instructions.mjs: valgrind is not installed (apt-get install valgrind)');
  process.exit(2);
}

/** Instructions of one run of `node args`, without the hash-seed prime search's. */
const SEED = /detail::sprp|HashSeed::InitializeRoots|__popcountdi2/;
function count(node, nodeArgs, env) {
  const out = join(env.HOME, 'callgrind.out');
  spawnSync('setarch', ['-R', 'valgrind', '--tool=callgrind', `--callgrind-out-file=${out}`, node, ...nodeArgs], { env, stdio: 'ignore' });
  const text = spawnSync('callgrind_annotate', ['--threshold=100', out], { encoding: 'utf8' }).stdout;
  let total = 0;
  let seed = 0;
  for (const line of text.split('\n')) {
    const m = /^\s*([\d,]+) \(/.exec(line);
    if (!m) continue;
    const n = Number(m[1].replaceAll(',', ''));
    if (line.includes('PROGRAM TOTALS')) total = n;
    else if (SEED.test(line)) seed += n;
  }
  rmSync(out, { force: true });
  return total - seed;
}

for (const { version, path: node } of nodes) {
  const home = mkdtempSync(join(tmpdir(), 'acupress-icount-'));
  try {
    const env = { PATH: process.env.PATH, HOME: home };
    const base = count(node, ['-e', '0'], env);
    const cells = [`node -e 0 ${(base / 1e6).toFixed(1)}M`];
    for (const c of own) {
      for (let i = 0; i < 3; i++) spawnSync(node, [bin, ...c], { env, stdio: 'ignore' });
      const n = count(node, [bin, ...c], env);
      cells.push(`${c.join(' ')} ${(n / 1e6).toFixed(1)}M ${(n / base).toFixed(3)}×`);
    }
    console.log(`Node ${version}: ${cells.join(' | ')}`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
