import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileWithCache } from '../src/boot/code-cache.js';
import { ROOT, tempDir } from './helpers.js';

const require = createRequire(import.meta.url);

describe('the V8 code cache', () => {
  it.each([['app', 'app'], ['app', 'app.show'], ['app', 'app.list'], ['app', 'app.check'], ['cli', 'cli']])('made by the build is accepted by this Node: dist/%s.cjs with %s.cache', (name, cache) => {
    const { script } = compileWithCache(join(ROOT, `dist/${name}.cjs`), join(ROOT, `dist/${cache}.cache`));
    expect(readFileSync(join(ROOT, `dist/${cache}.cache`)).length).toBeGreaterThan(10_000);
    expect(script.cachedDataRejected).toBe(false);
  });

  it('can run the built app: no real import() is left in it (vm.Script has no loader for one)', () => {
    for (const file of ['dist/app.cjs', 'dist/cli.cjs']) expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/\bimport\(/);
  });

  it('is rejected, and the file compiled afresh, when it belongs to other code', () => {
    const dir = tempDir('acupress-cache-');
    writeFileSync(join(dir, 'other.cjs'), 'module.exports = { answer: 42 };\n');
    copyFileSync(join(ROOT, 'dist/app.cache'), join(dir, 'other.cache'));
    const { script, run } = compileWithCache(join(dir, 'other.cjs'), join(dir, 'other.cache'));
    expect(script.cachedDataRejected).toBe(true);
    const mod = { exports: {} as { answer?: number } };
    run(mod.exports, require, mod, join(dir, 'other.cjs'), dir);
    expect(mod.exports.answer).toBe(42);
  });

  it('is optional: without one the file still compiles and runs', () => {
    const dir = tempDir('acupress-cache-');
    writeFileSync(join(dir, 'plain.cjs'), 'module.exports = 7;\n');
    const { script, run } = compileWithCache(join(dir, 'plain.cjs'), join(dir, 'missing.cache'));
    expect(script.cachedDataRejected).toBeUndefined();
    const mod = { exports: {} as unknown };
    run({}, require, mod, join(dir, 'plain.cjs'), dir);
    expect(mod.exports).toBe(7);
  });
});
