// Bundle the CLI with esbuild (code-split so each command loads only what it needs),
// then validate the built-in data into a JSON snapshot.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

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

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const common = {
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // Dependencies are bundled too: one file per lazy chunk starts faster than resolving node_modules.
  banner: { js: "import { createRequire as __acupressRequire } from 'node:module'; const require = __acupressRequire(import.meta.url);" },
  plugins: [lazyChildProcess],
  sourcemap: false,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
};
// The CLI is built on its own so that the library entry and the snapshot builder do not split
// its chunks further; the library lands in dist/lib/ with its own chunks.
await build({ ...common, entryPoints: ['src/main.ts'] });
await build({ ...common, entryPoints: ['src/build-snapshot.ts'], outdir: 'dist/tools' });
await build({ ...common, entryPoints: { index: 'src/index.ts' }, outdir: 'dist/lib', chunkNames: 'chunks/[name]-[hash]' });
execFileSync(process.execPath, ['dist/tools/build-snapshot.js'], { stdio: 'inherit' });
