// The library's declarations, dist/lib/index.d.ts: tsc declares src/index.ts and what it
// reaches (without type-checking: `npm run typecheck` does that), and rollup-plugin-dts joins
// them into one file with the types of zod written in (our schemas are zod schemas, and Point or
// Routine are inferred from them). The package bundles zod rather than depending on it, so its
// types must not need zod installed either.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const require = createRequire(import.meta.url);

/** Write <outFile> from <entry> (run from the package root). */
export async function buildTypes(entry = 'src/index.ts', outFile = 'dist/lib/index.d.ts') {
  // Inside node_modules, so the declarations' imports of zod resolve as they do from src/; one
  // folder per build, as checkouts that share a node_modules (git worktrees) may build at once.
  const tmp = join('node_modules', '.cache', `acupress-types-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), entry, '--declaration', '--emitDeclarationOnly', '--noCheck', '--outDir', tmp,
      '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--strict', '--skipLibCheck', '--types', 'node'], { stdio: 'inherit' });
    const bundle = await rollup({ input: join(tmp, 'index.d.ts'), plugins: [dts({ respectExternal: true })], onwarn: (w) => { throw new Error(`types: ${w.message}`); } });
    await bundle.write({ file: outFile, format: 'es' });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
