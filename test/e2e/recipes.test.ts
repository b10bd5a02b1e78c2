// Every break-reminder recipe in the README is run as written, against the built CLI.
// An `acupress` on PATH wraps the build; for `run` it adds --dry-run so a recipe that would
// guide a two-minute break finishes at once (the plan, flags and exit codes are all real).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../helpers.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The code blocks that follow `<!-- recipe: name -->`, up to the next recipe or section. */
function recipe(name: string): string[] {
  const start = readme.indexOf(`<!-- recipe: ${name} -->`);
  expect(start, `README has recipe ${name}`).toBeGreaterThan(-1);
  const rest = readme.slice(start + 1);
  const end = rest.search(/<!-- recipe: |\n## /);
  return [...rest.slice(0, end).matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

function shell(script: string, extraEnv: Record<string, string> = {}, prepare?: (home: string) => void) {
  const dir = tempDir('acupress-recipe-');
  prepare?.(dir);
  writeFileSync(join(dir, 'acupress'), `#!/bin/sh\nif [ "$1" = run ]; then exec node ${BIN} "$@" --dry-run; fi\nexec node ${BIN} "$@"\n`);
  chmodSync(join(dir, 'acupress'), 0o755);
  const env = { PATH: `${dir}:${process.env.PATH}`, HOME: dir, XDG_CONFIG_HOME: join(dir, '.config'), XDG_RUNTIME_DIR: dir, ...extraEnv };
  const r = spawnSync('bash', ['-c', script], { env, encoding: 'utf8', timeout: 60_000 });
  return { ...r, dir };
}

describe('README recipes', () => {
  it('cron: the schedule fires once an hour, and the command after it runs and exits 0', () => {
    const [line] = recipe('cron');
    const fields = line!.trim().split(/\s+/);
    // One fixed minute: a step like */50 fires at :00 and :50, ten minutes apart.
    expect(fields[0]).toMatch(/^\d{1,2}$/);
    const command = fields.slice(5).join(' ').replace(/ >\/dev\/null 2>&1$/, '');
    const r = shell(command);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\(dry run\)/);
  });

  it('systemd: the service command runs', () => {
    const [service] = recipe('systemd');
    const exec = /ExecStart=\/usr\/bin\/env (.*)/.exec(service!)![1]!;
    expect(shell(exec).status).toBe(0);
  });

  // systemd-analyze is not on every machine (containers, CI images without systemd).
  const hasSystemdAnalyze = !spawnSync('systemd-analyze', ['--version']).error;
  it('systemd: the timer counts 50 minutes from the last break, not by the clock', () => {
    const [, timer] = recipe('systemd');
    expect(timer).toMatch(/^OnUnitActiveSec=50min$/m);
    expect(timer).not.toMatch(/OnCalendar=/);
  });
  it.skipIf(!hasSystemdAnalyze)('systemd: the timer unit passes systemd-analyze verify', () => {
    const [service, timer] = recipe('systemd');
    const dir = tempDir('acupress-units-');
    writeFileSync(join(dir, 'acupress-break.service'), service!);
    writeFileSync(join(dir, 'acupress-break.timer'), timer!);
    const analyze = spawnSync('systemd-analyze', ['verify', join(dir, 'acupress-break.timer')], { encoding: 'utf8' });
    expect(analyze.status, analyze.stderr).toBe(0);
  });

  it('tmux: the loop writes the current phase, and clears it at the end, and when stopped', () => {
    const [loop] = recipe('tmux');
    const trap = `trap ': > "$status"' EXIT`;
    expect(loop).toContain(trap);
    // Without the end event and the trap, the last phase written stays.
    const withoutEnd = shell(loop!.replace(trap, '').replace('acupress run neck --json', 'acupress run neck --json | grep -v \'"type":"end"\''));
    expect(withoutEnd.status).toBe(0);
    expect(readFileSync(join(withoutEnd.dir, 'acupress-status'), 'utf8')).toMatch(/^(release|hold|ramp|massage|rest|locate|switch) ?[A-Z0-9-]*\n$/);
    const whole = shell(loop!);
    expect(whole.status).toBe(0);
    expect(readFileSync(join(whole.dir, 'acupress-status'), 'utf8')).toBe('');
    // Stopped after a phase was written (as Ctrl-C stops it: the loop dies of SIGINT), the trap clears it.
    const stopped = shell(loop!.replace('acupress run neck --json', 'acupress run neck --json | { head -3; kill -INT $BASHPID; }'));
    expect(readFileSync(join(stopped.dir, 'acupress-status'), 'utf8')).toBe('');
  });

  it('nudge: the function prints the reminder after the delay', () => {
    const [fn] = recipe('nudge');
    const r = shell(`${fn}\nacubreak 0 neck\nwait`);
    expect(r.stdout).toBe('\x07\nBreak time: acupress run neck\n');
  });

  it('loop: one round runs and the loop continues only on success', () => {
    const [loop] = recipe('loop');
    const r = shell(loop!.replace('sleep 3000', 'break'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\(dry run\)/);
  });

  it('loop: with a pregnancy profile the break still runs, leaving out the steps to avoid', () => {
    const [loop] = recipe('loop');
    const pregnant = (home: string) => {
      mkdirSync(join(home, '.config/acupress'), { recursive: true });
      writeFileSync(join(home, '.config/acupress/profile.yaml'), 'conditions:\n  - pregnancy\n');
    };
    const r = shell(loop!.replace('sleep 3000', 'break'), {}, pregnant);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\(dry run\)/);
  });

  it('weekly: the stats of the last 7 days, as text from cron and as numbers through jq', () => {
    const [cron, numbers] = recipe('weekly');
    const fields = cron!.trim().split(/\s+/);
    expect(fields.slice(0, 5)).toEqual(['0', '9', '*', '*', '1']); // Mondays at 09:00
    // A log with two rated headache sessions this week, one LI4 session, and one from a month ago.
    const seed = (home: string) => {
      const day = 86_400_000;
      const at = (ago: number) => new Date(Date.now() - ago).toISOString().replace('Z', '+00:00');
      const session = (id: string, ago: number, target: string, over: object) => JSON.stringify({
        type: 'session', v: 1, session: id, start: at(ago), end: at(ago - 60_000), kind: target === 'LI4' ? 'point' : 'routine', target,
        title: target === 'LI4' ? 'LI4 Hégǔ (Union Valley)' : 'Headache relief', planned_ms: 60_000, active_ms: 60_000,
        completed: true, reason: 'done', points: [{ point: 'LI4', sides: ['left', 'right'] }], conditions: [], ...over,
      });
      const log = join(home, '.local/state/acupress');
      mkdirSync(log, { recursive: true });
      writeFileSync(join(log, 'history.jsonl'), [
        session('old', 30 * day, 'headache', { before: 9, after: 9 }),
        session('a', 5 * day, 'headache', { before: 7 }),
        JSON.stringify({ type: 'rating', v: 1, session: 'a', at: at(5 * day - 120_000), after: 3 }),
        session('b', 2 * day, 'headache', { before: 6, after: 4 }),
        session('c', day, 'LI4', {}),
      ].join('\n') + '\n');
    };
    const text = shell(fields.slice(5).join(' '), {}, seed);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^3 sessions since \d{4}-\d\d-\d\d \d\d:\d\d, 3:00 in all, 3 completed\.\nStreak: 2 days, through yesterday: a session today keeps it going\.\n/);
    expect(text.stdout).toMatch(/^headache +2 +2:00 +100% +−3\.0 \(2 rated; too few\) +Headache relief$/m);
    if (spawnSync('jq', ['--version']).error) return; // jq is not on every machine; the text summary above still ran
    const json = shell(numbers!, {}, seed);
    expect(json.status, json.stderr).toBe(0);
    expect(json.stdout).toBe('headache: 2 sessions, change -3\nLI4: 1 sessions, change not rated\n');
  });

  it('gate: an unsafe routine never starts; a safe one does', () => {
    const [lines] = recipe('gate');
    const [unsafe, safe] = lines!.trim().split('\n');
    const a = shell(unsafe!);
    expect(a.status).toBe(1);
    expect(a.stdout).not.toMatch(/dry run/);
    const b = shell(safe!);
    expect(b.status).toBe(0);
    expect(b.stdout).toMatch(/Morning sickness .*\(dry run\)/);
  });
});
