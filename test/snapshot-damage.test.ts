// A damaged installation: a snapshot file truncated, emptied, replaced or missing is one line
// naming the file and saying to reinstall (exit 70), whichever command first reads it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSnapshot } from '../src/store/snapshot.js';
import { ExitError } from '../src/model/errors.js';
import { ROOT } from './helpers.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the built snapshot with `file` replaced by `text` (undefined: removed). */
function damagedCopy(file: string, text: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'acupress-snapshot-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'dist/data'), dir, { recursive: true });
  if (text === undefined) rmSync(join(dir, file));
  else writeFileSync(join(dir, file), text);
  return dir;
}

const original = (file: string) => readFileSync(join(ROOT, 'dist/data', file), 'utf8');

/** What reading the snapshot and then using `touch` on it throws. */
function failure(dir: string, touch: (c: NonNullable<ReturnType<typeof readSnapshot>>) => unknown): unknown {
  try {
    touch(readSnapshot(dir)!);
  } catch (e) {
    return e;
  }
  return undefined;
}

const damages: Array<[string, (f: string) => string | undefined]> = [
  ['truncated', (f) => original(f).slice(0, 200)],
  ['null', () => 'null'],
  ['an empty list', () => '[]'],
  ['another file\'s records', (f) => (f === 'points-LI-1.json' ? original('points-ST-1.json') : original('points-LI-1.json'))],
  ['missing', () => undefined],
];

const uses: Array<[string, (c: NonNullable<ReturnType<typeof readSnapshot>>) => unknown]> = [
  ['points-LI-1.json', (c) => c.points.get('LI4')],
  ['routines.json', (c) => c.routines.get('headache')!.steps.length],
  ['heads.json', (c) => c.routineHeads!.length],
  ['conditions-pregnancy.json', (c) => c.conditions.get('pregnancy')!.rules.length],
];

describe('a damaged snapshot file', () => {
  for (const [file, touch] of uses) {
    it.each(damages)(`${file} %s: one line naming it, exit 70`, (_, make) => {
      const e = failure(damagedCopy(file, make(file)), touch);
      expect(e).toBeInstanceOf(ExitError);
      expect((e as ExitError).exitCode).toBe(70);
      expect((e as ExitError).message).toMatch(new RegExp(`^the built-in data file .*${file.replace('.', '\\.')} is damaged \\(.+\\); reinstall acupress$`));
    });
  }

  it.each([['truncated', original('index.json').slice(0, 300)], ['null', 'null'], ['of another format', original('index.json').replace(/"version":\d+/, '"version":1')]])('index.json %s: one line naming it, exit 70', (_, text) => {
    const e = failure(damagedCopy('index.json', text), (c) => c.points.get('LI4'));
    expect((e as ExitError).exitCode).toBe(70);
    expect((e as ExitError).message).toMatch(/index\.json is damaged/);
  });

  it('without index.json there is no snapshot (a source checkout before its first build)', () => {
    expect(readSnapshot(damagedCopy('index.json', undefined))).toBeUndefined();
  });

  it('an undamaged copy reads as the build wrote it', () => {
    expect(failure(damagedCopy('figures.json', original('figures.json')), (c) => [c.points.get('LI4')!.id, c.routines.get('headache')!.id, c.conditions.get('pregnancy')!.id])).toBeUndefined();
  });
});
