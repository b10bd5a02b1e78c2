// No code path hands user text to a shell: forbid the APIs that would.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

// shell: true; a bare exec()/execSync() call (RegExp#exec, written .exec(, is fine); importing them.
const FORBIDDEN = /shell:\s*true|(?<![.\w])exec(Sync)?\(|child_process\.exec|\bexec(Sync)?\b[^}]*\}\s*from\s*['"](node:)?child_process/;

it('src/ never uses shell: true, exec() or execSync()', () => {
  const offenders = sources(join(ROOT, 'src')).flatMap((file) =>
    readFileSync(file, 'utf8').split('\n').flatMap((line, i) =>
      FORBIDDEN.test(line) ? [`${file.slice(ROOT.length + 1)}:${i + 1}: ${line.trim()}`] : []));
  expect(offenders).toEqual([]);
});

it('the rule itself catches what it should', () => {
  for (const bad of ["spawn('say', [t], { shell: true })", 'exec(`say ${t}`)', 'execSync(cmd)', "import { exec } from 'node:child_process';", 'child_process.exec(cmd)']) {
    expect(FORBIDDEN.test(bad), bad).toBe(true);
  }
  for (const fine of ['const m = /x/.exec(id);', "spawn(cmd, [text], { shell: false })", "import { spawn } from 'node:child_process';"]) {
    expect(FORBIDDEN.test(fine), fine).toBe(false);
  }
});
