// The session log at scale, for bench/run.mjs (issue 20): `acupress history` and `acupress stats`
// over a log of 10,000 sessions (half of them rated, with their rating lines), timed as a person
// meets them: the whole built CLI, start-up included, from the second run on.
//
//   node bench/history.mjs [--runs N]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './startup.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'dist/main.cjs');

/** The command lines timed. */
export const HISTORY_COMMANDS = [['history'], ['history', '--json'], ['stats'], ['stats', '--json', '--since', '30d']];

/** Write a log of `n` sessions over the last `n / 10` days, ten a day across six routines and a point. */
function writeLog(path, n) {
  const targets = ['headache', 'neck', 'desk-break', 'stress', 'sleep', 'nausea', 'LI4'];
  const now = Date.now();
  const lines = [];
  for (let i = 0; i < n; i++) {
    const start = now - (n - i) * 8_640_000; // ten a day
    const iso = (t) => new Date(t).toISOString().replace('Z', '+00:00');
    const target = targets[i % targets.length];
    const id = `b${i.toString(36)}`;
    const rated = i % 2 === 0;
    lines.push(JSON.stringify({
      type: 'session', v: 1, session: id, start: iso(start), end: iso(start + 300_000), kind: target === 'LI4' ? 'point' : 'routine', target,
      title: `Routine ${target}`, planned_ms: 300_000, active_ms: i % 5 === 0 ? 120_000 : 300_000, completed: i % 5 !== 0, reason: i % 5 === 0 ? 'quit' : 'done',
      points: [{ point: 'LI4', sides: ['left', 'right'] }, { point: 'GB20', sides: ['left', 'right'] }, { point: 'GV20', sides: [] }], conditions: [],
      ...(rated ? { before: 6 + (i % 4) } : {}),
    }));
    if (rated) lines.push(JSON.stringify({ type: 'rating', v: 1, session: id, at: iso(start + 400_000), after: 2 + (i % 5) }));
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Median wall time (ms) of each command line over `runs` runs after a first, with the log's size. */
export function historyScale({ sessions = 10_000, runs = 7 } = {}) {
  const home = mkdtempSync(join(tmpdir(), 'acupress-bench-history-'));
  try {
    const env = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_STATE_HOME: join(home, 'state') };
    const log = join(home, 'state', 'acupress', 'history.jsonl');
    writeLog(log, sessions);
    const out = [];
    for (const args of HISTORY_COMMANDS) {
      const times = [];
      for (let i = 0; i <= runs; i++) {
        const t = process.hrtime.bigint();
        const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        if (r.status !== 0 || /warning|error/i.test(r.stderr)) throw new Error(`acupress ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
        if (i > 0) times.push(ms); // the first run fills the code cache
      }
      out.push({ args, ms: median(times), max_ms: Math.max(...times) });
    }
    return { sessions, bytes: statSync(log).size, commands: out };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--runs');
  console.log(JSON.stringify(historyScale({ runs: i < 0 ? 7 : Number(process.argv[i + 1]) }), null, 2));
}
