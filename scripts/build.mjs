// Build dist/: the CLI as CommonJS (dist/main.cjs plus one file per dependency in dist/vendor/),
// the library as ESM (dist/lib/), and the built-in data as a snapshot validated at build time.
//
// Why CommonJS for the CLI: on Node 20 an ESM entry costs about 5 ms more than a CommonJS one
// (the ESM loader), a fifth of `node -e 0`, and start-up is a feature (BENCHMARKS.md). The source
// stays ESM TypeScript; only the shipped CLI bundle is CommonJS.
//
// Why dependencies in their own files: our code is ~90 KB minified and V8 pre-parses all of a
// file it loads, so commander, zod, yaml, ora and inquirer (1.3 MB together) stay out of
// main.cjs and are required only on the paths that need them.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VENDORS = ['commander', 'chalk', 'ora', '@inquirer/prompts', 'yaml', 'zod'];
const vendorFile = (pkg) => `${pkg.replace(/^@/, '').replace(/\//g, '-')}.cjs`;

// commander requires child_process at load time for executable subcommands, which we never
// use; loading it costs ~4 ms of every start. Give commander a proxy that loads it on first use.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('node_modules/commander') ? { path: 'lazy-child-process', namespace: 'acupress' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'acupress' }, () => ({
      contents: "let m; const load = () => (m ??= require('node:child_process')); module.exports = new Proxy({}, { get: (_, k) => load()[k] });",
      loader: 'js',
    }));
  },
};

// In main.cjs an import of a dependency becomes a small ESM facade over require('./vendor/x.cjs'):
// the facade names the exports explicitly, so default and named imports keep ESM meaning.
const vendorFacades = (names) => ({
  name: 'vendor-facades',
  setup(b) {
    const filter = new RegExp(`^(${VENDORS.map((v) => v.replace(/[/@]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'vendor' }));
    b.onResolve({ filter: /^\.\/vendor\// }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => {
      const { named, hasDefault } = names[args.path];
      const lines = [`const m = require('./vendor/${vendorFile(args.path)}');`];
      if (hasDefault) lines.push('export default m.default;');
      // Through local names, since some export names are reserved words (zod exports `catch`).
      named.forEach((n, i) => lines.push(`const v${i} = m.${n};`, `export { v${i} as ${n} };`));
      return { contents: lines.join('\n'), loader: 'js', resolveDir: '.' };
    });
  },
});

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const base = { bundle: true, platform: 'node', target: 'node20', minify: true, sourcemap: false, logLevel: 'warning' };

// 1. One CommonJS file per dependency.
const names = {};
for (const pkg of VENDORS) {
  const mod = await import(pkg);
  const named = Object.keys(mod).filter((k) => k !== 'default' && /^[A-Za-z_$][\w$]*$/.test(k));
  const hasDefault = 'default' in mod;
  names[pkg] = { named, hasDefault };
  const contents = `export * from '${pkg}';${hasDefault ? ` export { default } from '${pkg}';` : ''}`;
  await build({ ...base, format: 'cjs', stdin: { contents, resolveDir: '.', sourcefile: `${pkg}-entry.js` }, outfile: `dist/vendor/${vendorFile(pkg)}`, plugins: [lazyChildProcess] });
}

// In app.cjs, cli/main.ts's import('./program.js') becomes require('./cli.cjs'): commander's side of
// the CLI is a file of its own, read only when the quick path declines a command line.
const coldCli = {
  name: 'cold-cli',
  setup(b) {
    b.onResolve({ filter: /^\.\/program\.js$/ }, (args) => (args.importer.endsWith('src/cli/main.ts') ? { path: 'cli', namespace: 'cold' } : undefined));
    b.onResolve({ filter: /^\.\/cli\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'cold' }, () => ({ contents: "module.exports = require('./cli.cjs');", loader: 'js', resolveDir: '.' }));
  },
};

// 2. The CLI, as two CommonJS files. app.cjs: the entry and the quick path (list, show, check
// and the data and rendering they use); cli.cjs: commander's wiring and the commands only it
// reaches (run, validate, completion). Modules reached only through import() are wrapped by
// esbuild and initialised on first use, so a command still runs only what it needs.
const cjs = {
  ...base,
  format: 'cjs',
  // import.meta.url (used by paths.ts) computed on first use: building a file URL loads code.
  banner: { js: "const __importMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  define: { 'import.meta.url': '__importMeta.url', 'import.meta.dirname': '__dirname' },
};
await build({ ...cjs, entryPoints: ['src/cli/main.ts'], outfile: 'dist/app.cjs', plugins: [vendorFacades(names), coldCli] });
await build({ ...cjs, entryPoints: ['src/cli/program.ts'], outfile: 'dist/cli.cjs', plugins: [vendorFacades(names)] });
// The entry the bin shim requires: compiles app.cjs with the code cache made below.
await build({ ...base, format: 'cjs', entryPoints: ['src/boot/loader.ts'], outfile: 'dist/main.cjs' });

// 3. The library (package "exports") and the snapshot builder, as ESM with shared chunks.
const esm = {
  ...base,
  splitting: true,
  format: 'esm',
  // Dependencies are bundled so the library needs nothing from node_modules at run time.
  banner: { js: "import { createRequire as __acupressRequire } from 'node:module'; const require = __acupressRequire(import.meta.url);" },
  plugins: [lazyChildProcess],
  chunkNames: 'chunks/[name]-[hash]',
};
await build({ ...esm, entryPoints: ['src/tools/build-snapshot.ts'], outdir: 'dist/tools' });
await build({ ...esm, entryPoints: { index: 'src/index.ts' }, outdir: 'dist/lib' });
execFileSync(process.execPath, ['dist/tools/build-snapshot.js'], { stdio: 'inherit' });

// 4. The V8 code caches for app.cjs and cli.cjs (see src/boot/loader.ts), made after running the
// command lines people time most, with and without a user routine read from the user-data
// cache (the path a prompt hook takes every time). A temporary HOME, so no real profile or
// user data is read.
const home = mkdtempSync(join(tmpdir(), 'acupress-build-'));
const mine = join(home, 'mine');
mkdirSync(join(mine, 'routines'), { recursive: true });
writeFileSync(join(mine, 'routines', 'mine.yaml'), 'id: mine\ntitle: Mine\nsummary: A routine of my own.\nsources: [me]\nsteps:\n  - press: LI4\n  - rest: 10s\n');
writeFileSync(join(mine, 'routines', 'two.yaml'), 'id: two\ntitle: Two\nsummary: Two short rests.\nsources: [me]\nsteps:\n  - rest: 1s\n  - rest: 1s\n');
const env = { PATH: process.env.PATH, HOME: home };
// A first run validates the user routine and caches it; it is not part of the training, so
// the YAML validator (run only when user files change) stays out of the code cache.
execFileSync(process.execPath, ['dist/main.cjs', 'list', '--data', mine], { stdio: 'ignore', env });
const hot = [['show', 'LI4'], ['show', 'headache'], ['list'], ['list', 'points'], ['check', 'LI4', '--pregnant'], ['check', 'headache', '--pregnant']];
// And commander's side: plans, and two short real runs of a cached user routine (NDJSON and
// plain lines, 2 s each).
const cold = [['--version'], ['run', 'headache', '--dry-run'], ['run', 'LI4', '--dry-run', '--json'], ['run', 'two', '--data', mine, '--json'], ['run', 'two', '--data', mine, '--plain']];
const train = (cache, lines) => execFileSync(process.execPath, ['dist/main.cjs'], { stdio: 'ignore', env: { ...env, ACUPRESS_TRAIN_CODE_CACHE: JSON.stringify({ cache, lines }) } });
// app.cache and cli.cache, for every other command line; then one app cache per read-only
// command, with only that command's code in it.
train('app', [...hot, ...hot.map((argv) => [...argv, '--data', mine]), ...cold]);
for (const word of ['show', 'list', 'check']) {
  const lines = hot.filter((argv) => argv[0] === word);
  train(`app.${word}`, [...lines, ...lines.map((argv) => [...argv, '--data', mine])]);
}
rmSync(home, { recursive: true, force: true });
