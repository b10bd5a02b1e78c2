// Start-up against `node -e 0` of the same Node, for bench/run.mjs and CI (.ci/run):
//
//   node bench/startup.mjs [--runs N] [--nodes 20,22,24] [--bin path/to/main.cjs]
//
// Every run of a command sits between two `node -e 0` runs and is divided by their mean; a
// figure is the median of those ratios, because this machine's noise comes in bursts that a
// ratio of overall medians does not cancel. Each command line gets a first, unmeasured run (it
// fills the user's caches, as any earlier run would have): the figures are "from the second run on".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The command lines whose start-up is a target (issue 21). */
export const COMMANDS = [['show', 'LI4'], ['list'], ['check', 'LI4', '--pregnant'], ['--help'], ['--version']];

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Did this run of acupress end as it should? Exit 0, or 1 for `check` (its answer "something to
 * avoid", docs/cli.md); anything else, Node's own exit 1 for a missing bin among them, is no
 * start-up figure.
 */
const ended = (args, r) => r.status === 0 || (r.status === 1 && args[0] === 'check');

/** Milliseconds of one run of `cmd args` (output discarded); throws when it fails. */
export function once(cmd, args, env) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { env, stdio: 'ignore' });
  if (r.error) throw r.error;
  // `node -e 0`, or acupress: args[0] is its bin, args[1] the command.
  if (!ended(args[0] === '-e' ? [] : args.slice(1), r)) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/**
 * Start-up of each command line under `node`, against `node -e 0` of the same binary.
 * Returns [{ args, ratio, ms, node_ms, first_ms }]. `first_ms` is the median of a few runs with
 * an empty cache directory each (a first run after install), for information.
 */
export function startup({ node = process.execPath, bin = join(ROOT, 'dist/main.cjs'), commands = COMMANDS, runs = 31, env = {} } = {}) {
  const home = mkdtempSync(join(tmpdir(), 'acupress-startup-'));
  const base = { PATH: process.env.PATH, HOME: home, ...env };
  const out = [];
  try {
    for (let i = 0; i < 3; i++) once(node, ['-e', '0'], base);
    for (const args of commands) {
      const first = [];
      for (let i = 0; i < 3; i++) {
        const fresh = mkdtempSync(join(tmpdir(), 'acupress-first-'));
        first.push(once(node, [bin, ...args], { ...base, XDG_CACHE_HOME: fresh }));
        rmSync(fresh, { recursive: true, force: true });
      }
      once(node, [bin, ...args], base); // the first run: fills the caches
      const ours = [];
      const nodes = [];
      const ratios = [];
      let before = once(node, ['-e', '0'], base);
      for (let i = 0; i < runs; i++) {
        const t = once(node, [bin, ...args], base);
        const after = once(node, ['-e', '0'], base);
        ours.push(t);
        nodes.push(before);
        ratios.push(t / ((before + after) / 2));
        before = after;
      }
      out.push({ args, ratio: median(ratios), ms: median(ours), node_ms: median(nodes), first_ms: median(first) });
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  return out;
}

/**
 * How many garbage collections each command line runs at start-up under `node` (from the
 * second run on; --trace-gc prints a line per collection). Start-up should run none: V8's young
 * generation starts at 1 MB, Node's own start fills a third of it, and a scavenge costs about
 * 1 ms (BENCHMARKS.md, session 6). Returns [{ args, gcs }]; throws when a run fails.
 */
export function gcCounts({ node = process.execPath, bin = join(ROOT, 'dist/main.cjs'), commands = COMMANDS } = {}) {
  const home = mkdtempSync(join(tmpdir(), 'acupress-gc-'));
  const env = { PATH: process.env.PATH, HOME: home };
  try {
    return commands.map((args) => {
      const run = () => {
        const r = spawnSync(node, ['--trace-gc', bin, ...args], { env, encoding: 'utf8' });
        // A run that failed counts as failed, never as "no collection".
        if (r.error || !ended(args, r)) throw new Error(`acupress ${args.join(' ')} failed under ${node}: ${r.error?.message ?? `exit ${r.status}`}`);
        return r.stdout;
      };
      run(); // fills the caches (the flag gives it caches of its own)
      return { args, gcs: run().split('\n').filter((l) => /\b(Scavenge|Mark-Compact|Mark-sweep|Minor Mark)/i.test(l)).length };
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(name);
    return i < 0 ? dflt : process.argv[i + 1];
  };
  const { nodeBinaries } = await import('../scripts/node-versions.mjs');
  const majors = arg('--nodes', undefined)?.split(',');
  const runs = Number(arg('--runs', '21'));
  const bin = arg('--bin', join(ROOT, 'dist/main.cjs'));
  const target = Number(arg('--target', '1.15'));
  let worst = 0;
  for (const n of nodeBinaries(majors ? { majors } : {})) {
    for (const r of startup({ node: n.path, bin, runs })) {
      worst = Math.max(worst, r.ratio);
      console.log(`node ${n.version.padEnd(8)} ${`acupress ${r.args.join(' ')}`.padEnd(32)} ${r.ratio.toFixed(2)}x  (${r.ms.toFixed(1)} ms vs ${r.node_ms.toFixed(1)} ms; first run ${r.first_ms.toFixed(1)} ms)${r.ratio <= target ? '' : `  over ${target}x`}`);
    }
  }
  console.log(`worst ${worst.toFixed(2)}x (target ${target}x; a benchmark, not a test: timing on a shared machine is noisy)`);
}
