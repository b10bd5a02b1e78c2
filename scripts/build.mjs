// Bundle the CLI with esbuild (code-split so each command loads only what it needs),
// then validate the built-in data into a JSON snapshot.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts', 'src/build-snapshot.ts', 'src/index.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies are bundled too: one file per lazy chunk starts faster than resolving node_modules.
  banner: { js: "import { createRequire as __acupressRequire } from 'node:module'; const require = __acupressRequire(import.meta.url);" },
  sourcemap: false,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
execFileSync(process.execPath, ['dist/build-snapshot.js'], { stdio: 'inherit' });
