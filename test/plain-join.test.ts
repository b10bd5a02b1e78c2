// model/plain-join.ts: concatenation only where it is path.join's own answer.
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainJoin } from '../src/model/plain-join.js';
import { builtRoot } from '../src/store/paths.js';
import { joinPath } from '../src/store/join-path.js';

/** A small deterministic generator (mulberry32), so a failure names a case that can be run again. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('plainJoin', () => {
  it('answers as path.join does, or not at all, on 20,000 generated paths', () => {
    const next = random(21);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
    const parts = ['', '/', '//', '.', '..', 'a', 'bc', '.cache', '..x', 'x.', ' ', '\\', 'd\u00e9j\u00e0'];
    const text = () => Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(parts)).join('');
    let answered = 0;
    for (let i = 0; i < 20_000; i++) {
      const dir = text();
      const names = Array.from({ length: Math.floor(next() * 4) }, text);
      const plain = plainJoin('/', dir, ...names);
      if (plain === undefined) continue;
      answered++;
      expect(plain, JSON.stringify([dir, ...names])).toBe(posix.join(dir, ...names));
    }
    // It must take the common case, or it saves nothing.
    expect(answered).toBeGreaterThan(1000);
  });

  it("takes the start-up paths acupress builds, and leaves Windows' and odd ones to path.join", () => {
    expect(plainJoin('/', '/home/ana', '.config', 'acupress')).toBe('/home/ana/.config/acupress');
    expect(plainJoin('/', '/opt/acupress/dist/data', 'points-LI-1.json')).toBe('/opt/acupress/dist/data/points-LI-1.json');
    for (const [dir, name] of [['/home/ana/', '.cache'], ['/home//ana', 'x'], ['/home/./ana', 'x'], ['/home/ana/..', 'x'], ['./a', 'x'], ['/a', '..'], ['/a', 'b/c'], ['/', 'x'], ['', 'x']]) {
      expect(plainJoin('/', dir!, name!), `${dir} ${name}`).toBeUndefined();
      expect(joinPath(dir!, name!)).toBe(posix.join(dir!, name!));
    }
    expect(plainJoin('\\', 'C:\\Users\\ana', 'x')).toBeUndefined();
  });

  it("gives builtRoot the parent of a plain path by slicing, and path.resolve's answer for any other", () => {
    expect(builtRoot('/opt/acupress/dist')).toBe('/opt/acupress');
    expect(builtRoot('/opt/acupress/dist/lib/')).toBe('/opt/acupress');
    expect(builtRoot('/opt/x/../acupress/dist')).toBe('/opt/acupress');
    expect(builtRoot('/opt//acupress/dist/lib')).toBe('/opt/acupress');
  });
});
