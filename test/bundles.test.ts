// The shape of the built CLI bundles that start-up depends on (scripts/build.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULE_HEAD, MODULE_TAIL } from '../src/boot/code-cache.js';
import { COMMANDS, GLOBAL_OPTIONS, type CommandSpec } from '../src/cli/spec.js';
import { flagOf } from '../src/cli/quick-argv.js';
import { ROOT } from './helpers.js';

const dist = join(ROOT, 'dist');
const cjs = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cjs'));

describe('the built bundles', () => {
  it('are pure ASCII (V8 holds any other source as a two-byte string, twice the memory)', () => {
    expect(cjs.length).toBeGreaterThan(5);
    for (const f of cjs) expect(readFileSync(join(dist, f), 'latin1'), f).toMatch(/^[\x00-\x7f]*$/);
  });

  it('carry the CommonJS wrapper the loader expects, so it never copies their text to wrap it', () => {
    // Ours, not the libraries' (dist/vendor/, also loaded by the library through require).
    // main.cjs and its slow path are loaded by Node itself, never through a code cache.
    const ours = cjs.filter((f) => !f.includes('/') && f !== 'main.cjs' && f !== 'slow-load.cjs');
    expect(ours.sort()).toEqual(['app.cjs', 'caps.cjs', 'cli.cjs', 'figures.cjs', 'info.cjs', 'user.cjs']);
    for (const f of ours) {
      const text = readFileSync(join(dist, f), 'utf8');
      expect(text.startsWith(MODULE_HEAD), f).toBe(true);
      expect(text.endsWith(`${MODULE_TAIL}\n`) || text.endsWith(MODULE_TAIL), f).toBe(true);
    }
  });

  it('the build writes the same wrapper as the loader checks for', () => {
    const build = readFileSync(join(ROOT, 'scripts/build.mjs'), 'utf8');
    expect(build).toContain(`const MODULE_HEAD = '${MODULE_HEAD}';`);
    expect(build).toContain(`const MODULE_TAIL = '${MODULE_TAIL.replace('\n', '\\n')}';`);
  });

  it("app.cjs holds the quick path's slice of the command table, each flag read as flagOf reads it, and not the help texts", () => {
    const app = readFileSync(join(dist, 'app.cjs'), 'utf8');
    // esbuild prints the build's table as object literals: parsed:["--x",{key:"x",kind:"bool"}].
    const parsed = [...app.matchAll(/parsed:\["(--[a-z-]+)",\{key:"([A-Za-z]+)",kind:"([a-z]+)"\}\]/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    const options = [...GLOBAL_OPTIONS, ...(Object.values(COMMANDS) as CommandSpec[]).filter((c) => c.quick).flatMap((c) => c.options)];
    expect(parsed.sort()).toEqual(options.map((o) => flagOf(o)).map(([flag, f]) => `${flag} ${f.key} ${f.kind}`).sort());
    // Each option of the slice is its flags and that reading, without a description.
    expect(app.match(/\{flags:"--[a-z-]+(?: <[a-z.]+>)?",(?:repeatable:!0,)?parsed:/g)).toHaveLength(parsed.length);
  });
});
