// How the built CLI finds its package and its snapshot without asking the disk, and the
// snapshot reader's lazy parts (store/paths.ts builtRoot, store/snapshot.ts, store/lazy-map.ts).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtRoot } from '../src/store/paths.js';
import { readSnapshot } from '../src/store/snapshot.js';
import { groupedKeys } from '../src/store/lazy-map.js';
import { ROOT } from './helpers.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('builtRoot', () => {
  it('is the package of dist/ and dist/lib/, from the path alone, and nothing for other directories', () => {
    expect(builtRoot('/opt/acupress/dist')).toBe('/opt/acupress');
    expect(builtRoot('/opt/acupress/dist/lib')).toBe('/opt/acupress');
    expect(builtRoot('/opt/acupress/dist/lib/')).toBe('/opt/acupress');
    expect(builtRoot('/tmp/dist/p/dist')).toBe('/tmp/dist/p');
    // A package at the root of the file system is still an absolute path.
    expect(builtRoot('/dist')).toBe('/');
    expect(builtRoot('C:\\acupress\\dist\\lib')).toBe(resolve('C:\\acupress\\dist\\lib', '../..'));
    for (const other of ['/opt/acupress/src/store', '/opt/distant', '/opt/dist/store', '/opt/acupress/dist-old', '/opt/xdist', '/opt/xdist/lib', '/opt/dist/xlib', '/opt/dist//', 'dist', 'dist/lib', '/lib', '']) expect(builtRoot(other), other).toBeUndefined();
  });
});

describe('the snapshot', () => {
  it('reads the routines\' heads only when something asks for them, and a heads value set or deleted before that stays as set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'acupress-heads-'));
    dirs.push(dir);
    cpSync(join(ROOT, 'dist/data'), dir, { recursive: true });
    writeFileSync(join(dir, 'heads.json'), 'not JSON');
    const c = readSnapshot(dir)!;
    // Never read: the damaged file is not noticed by what does not need it.
    expect(c.points.get('LI4')!.id).toBe('LI4');
    delete c.routineHeads;
    expect(c.routineHeads).toBeUndefined();
    expect('routineHeads' in c).toBe(false);
    c.facts = new Map();
    expect(c.facts.size).toBe(0);
    // Read on first use: the damage is then one line naming the file.
    const fresh = readSnapshot(dir)!;
    expect(() => fresh.routineHeads).toThrow(/heads\.json is damaged/);
  });

  it('finds a group\'s keys by a scan at first, then through one index, with the same answers', () => {
    const keys = groupedKeys('LI-1 LI1 LI2\nLI-2 LI9 LI10\nLU-1 LU1 LI2');
    const asked = ['LI2', 'LI10', 'LU1', 'LI3', 'I1', ''];
    const first = asked.map((k) => keys.groupOf(k));
    expect(first).toEqual(['LI-1', 'LI-2', 'LU-1', undefined, undefined, undefined]);
    for (let i = 0; i < 20; i++) keys.groupOf('LI1');
    expect(asked.map((k) => keys.groupOf(k))).toEqual(first);
    expect(keys.keys()).toEqual(['LI1', 'LI2', 'LI9', 'LI10', 'LU1']);
  });
});

describe('the snapshot shape checks', () => {
  it('accept every record the build wrote', async () => {
    const { isSnapshotCondition, isSnapshotHead, isSnapshotPoint, isSnapshotRoutine } = await import('../src/store/snapshot-shape.js');
    const c = readSnapshot(join(ROOT, 'dist/data'))!;
    expect([...c.points.values()].filter((p) => !isSnapshotPoint(p)).map((p) => p.id)).toEqual([]);
    expect([...c.routines.values()].filter((r) => !isSnapshotRoutine(r)).map((r) => r.id)).toEqual([]);
    expect(c.routineHeads!.filter((h) => !isSnapshotHead(h)).map((h) => h.id)).toEqual([]);
    expect([...c.conditions.values()].filter((x) => !isSnapshotCondition(x)).map((x) => x.id)).toEqual([]);
  });
});
