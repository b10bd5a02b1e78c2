// The npm tarball as a user meets it: installed into a temporary prefix, it adds one package,
// prints no warning, and its CLI and library work without anything from node_modules.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, tempTree } from '../helpers.js';

/**
 * Run a command without blocking the test worker (npm and tsc take seconds, and a worker that
 * cannot answer vitest for long fails the run): its exit code and output.
 */
function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { ...opts, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Bytes under a directory. */
const du = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);

describe('npm pack', () => {
  it('ships only what runs, installs as one package without a warning, and the installed CLI runs', async () => {
    const out = tempDir('acupress-pack-');
    const packed = JSON.parse((await run('npm', ['pack', '--json', '--pack-destination', out, '--ignore-scripts'], { cwd: ROOT })).stdout);
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path);
    for (const f of ['dist/main.cjs', 'dist/app.cjs', 'dist/info.cjs', 'dist/user.cjs', 'dist/cli.cjs', 'dist/figures.cjs', 'dist/data/routines.json', 'dist/data/conditions-general.json', 'dist/data/conditions-pregnancy.json', 'dist/vendor/commander.cjs', 'dist/vendor/zod.cjs', 'dist/vendor/LICENSES.md', 'dist/data/index.json', 'dist/data/heads.json', 'dist/data/points-LI-1.json', 'dist/data/figures.json', 'dist/lib/index.js', 'dist/lib/index.d.ts', 'dist/acupress.1', 'LICENSE', 'README.md', 'package.json']) expect(files).toContain(f);
    // Nothing for building or developing, no YAML sources (the snapshot has them), no code cache
    // (made per Node on the user's machine), and each library once.
    expect(files.filter((f) => /^(src|test|scripts|bench|data|node_modules|dist\/tools)\//.test(f) || f.endsWith('.cache'))).toEqual([]);
    expect(files.filter((f) => /zod/.test(f))).toEqual(['dist/vendor/zod.cjs']);
    expect(packed[0].size).toBeLessThanOrEqual(600 * 1024);

    const tgz = join(out, packed[0].filename);
    const prefix = tempDir('acupress-prefix-');
    // An empty npm cache and no user config: what a first install prints (less npm's notice of
    // its own new versions).
    const npm = await run('npm', ['install', '-g', '--prefix', prefix, '--cache', join(prefix, '.npm'), '--userconfig', join(prefix, '.npmrc'), '--no-audit', '--no-fund', '--no-update-notifier', tgz]);
    expect(npm.status).toBe(0);
    expect(`${npm.stdout}${npm.stderr}`.trim()).toMatch(/^added 1 package in [\d.]+m?s$/);
    const installed = join(prefix, 'lib', 'node_modules', 'acupress');
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    expect(du(installed)).toBeLessThanOrEqual(2.5e6);
    // npm links the man page where `man acupress` finds it.
    expect(readFileSync(join(prefix, 'share', 'man', 'man1', 'acupress.1'), 'utf8')).toMatch(/^\.TH ACUPRESS 1 /);

    const bin = join(prefix, 'bin', 'acupress');
    const env = { PATH: process.env.PATH, HOME: prefix };
    const acupress = (...args: string[]) => run(bin, args, { env });
    expect((await acupress('--version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await acupress('list')).stdout).toMatch(/^headache\s/m);
    expect((await acupress('show', 'LI4')).stdout).toMatch(/^LI4 {2}Hégǔ/);
    const dry = await acupress('run', 'LI4', '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/locate/);
    // YAML and zod load from the vendor files: a user routine is validated.
    const mine = tempTree({ 'mine.yaml': 'id: mine\ntitle: Mine\nsummary: Mine.\nsources: [me]\nsteps:\n  - press: LI4\n' });
    const valid = await acupress('validate', join(mine, 'mine.yaml'));
    expect(valid.stderr).toBe('');
    expect(valid.status).toBe(0);
    // The package's exported zod schemas validate what its CLI prints.
    const lines = (await acupress('run', 'LI4', '--dry-run', '--json')).stdout.trim().split('\n');
    const script = `const { runEventSchema, plan } = await import(${JSON.stringify(join(installed, 'dist', 'lib', 'index.js'))});
      for (const l of ${JSON.stringify(lines)}) runEventSchema.parse(JSON.parse(l));
      console.log(typeof plan);`;
    expect((await run(process.execPath, ['--input-type=module', '-e', script])).stdout).toBe('function\n');

    // The library's types, as a TypeScript user meets them: found through package.json, fully
    // typed (a wrong use is an error, so nothing is `any`), and needing no zod installed.
    const project = tempTree({
      'package.json': '{ "type": "module" }',
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "nodenext", "target": "es2022", "types": [], "noEmit": true }, "files": ["use.ts"] }',
      'use.ts': `import { loadCatalog, plan, runEventSchema, parseDuration, type RunEvent, type Timeline } from 'acupress';
const catalog = await loadCatalog({ env: { HOME: '/tmp' }, cwd: '/tmp' });
const point = catalog.points.get('LI4');
const name: string | undefined = point?.pinyin;
// @ts-expect-error: pinyin is a string
const wrong: number | undefined = point?.pinyin;
const timeline: Timeline = plan(catalog.routines.get('headache')!, (id) => catalog.points.get(id));
const event: RunEvent = runEventSchema.parse({});
// @ts-expect-error: a duration parses to milliseconds, a number
const ms: string = parseDuration('1m');
export { name, wrong, timeline, event, ms };
`,
    });
    symlinkSync(join(prefix, 'lib', 'node_modules'), join(project, 'node_modules'));
    // Wherever Node finds our typescript (the project's node_modules or a parent's).
    const tsc = await run(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', '.'], { cwd: project });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 180_000);
});
