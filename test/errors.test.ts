// Our error types are recognised across the built CLI's bundles, each of which has its own copy
// of the classes (app.cjs, info.cjs, user.cjs, cli.cjs, figures.cjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ExitError, isReportable, UserError } from '../src/model/errors.js';
import { ROOT } from './helpers.js';

/** A second copy of model/errors.ts's classes, as another bundle has: compiled from the source on its own. */
async function secondCopy(): Promise<{ UserError: typeof UserError; ExitError: typeof ExitError }> {
  const { transform } = await import('esbuild');
  const src = readFileSync(join(ROOT, 'src/model/errors.ts'), 'utf8');
  const { code } = await transform(src, { loader: 'ts', format: 'cjs', target: 'node20' });
  const module = { exports: {} as Record<string, unknown> };
  // Same realm (Symbol.for is per realm, as the bundles share one), separate class objects.
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports as never;
}

describe('errors across bundles', () => {
  it('a UserError or ExitError from another copy of the classes is recognised, with its exit code', async () => {
    const other = await secondCopy();
    expect(other.UserError).not.toBe(UserError);
    const u = new other.UserError('bad flag');
    const x = new other.ExitError(1, 'refused');
    expect(u instanceof UserError).toBe(true);
    expect(x instanceof ExitError).toBe(true);
    expect(isReportable(u) && u.exitCode).toBe(2);
    expect(isReportable(x) && x.exitCode).toBe(1);
    expect(new UserError('x') instanceof other.UserError).toBe(true);
  });
  it('a plain Error, or one merely named UserError, is not ours', () => {
    const impostor = Object.assign(new Error('x'), { name: 'UserError', exitCode: 0 });
    expect(isReportable(impostor)).toBe(false);
    expect(impostor instanceof UserError).toBe(false);
    expect(new UserError('x') instanceof ExitError).toBe(false);
    expect(isReportable(runInNewContext('new Error("x")'))).toBe(false);
  });
});
