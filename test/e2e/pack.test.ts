// The npm tarball works on its own: installed into a temporary prefix without dev dependencies.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

describe('npm pack', () => {
  it('ships only what it needs, and the installed CLI runs', () => {
    const out = tempDir('acupress-pack-');
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out, '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain('bin/acupress.js');
    for (const f of ['dist/main.cjs', 'dist/app.cjs', 'dist/cli.cjs', 'dist/app.cache', 'dist/app.show.cache', 'dist/cli.cache', 'dist/vendor/commander.cjs']) expect(files).toContain(f);
    expect(files).toContain('bin/package.json');
    expect(files).toContain('dist/data/index.json');
    expect(files).toContain('dist/data/points-LI.json');
    expect(files).toContain('LICENSE');
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('node_modules/'))).toBe(false);
    const tgz = join(out, readdirSync(out).find((f) => f.endsWith('.tgz'))!);
    const prefix = tempDir('acupress-prefix-');
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--omit=dev', '--no-audit', '--no-fund', tgz], { stdio: 'ignore', timeout: 120_000 });
    const bin = join(prefix, 'bin', 'acupress');
    const env = { PATH: process.env.PATH, HOME: prefix };
    const run = (...args: string[]) => spawnSync(bin, args, { encoding: 'utf8', env });
    expect(run('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run('list').stdout).toMatch(/^headache\s/m);
    const dry = run('run', 'LI4', '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/locate/);
    // The package's exported zod schemas validate what its CLI prints.
    const lines = run('run', 'LI4', '--dry-run', '--json').stdout.trim().split('\n');
    const script = `const { runEventSchema } = await import(${JSON.stringify(join(prefix, 'lib', 'node_modules', 'acupress', 'dist', 'lib', 'index.js'))});
      for (const l of ${JSON.stringify(lines)}) runEventSchema.parse(JSON.parse(l));
      console.log('valid');`;
    expect(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout).toBe('valid\n');
    // No tsx or dev tool was installed alongside.
    expect(readdirSync(join(prefix, 'lib', 'node_modules', 'acupress', 'node_modules'))).not.toContain('tsx');
  }, 180_000);
});
