// Session 12: one routine of the user's made `list` 4.3× slower, for reading its cues for point
// names walked all 59 point files of the snapshot and keyed 1,600 names. The built-in points'
// names now ship keyed (names.json, core/name-table.ts), the routines' heads and uses follow a
// routine set since, and a point file is read only for a point a routine names.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSnapshot } from '../src/store/snapshot.js';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { catalogFrom } from '../src/model/catalog.js';
import { forgetNames, pointsNamedInText } from '../src/core/names-in-text.js';
import { factsFor } from '../src/core/routine-facts.js';
import type { Point, Routine, WithOrigin } from '../src/model/types.js';
import { ROOT } from './helpers.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the built snapshot with these files damaged: reading one is an error naming it. */
function damaged(files: (name: string) => boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'acupress-names-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'dist/data'), dir, { recursive: true });
  for (const f of readdirSync(dir)) if (files(f)) writeFileSync(join(dir, f), 'not JSON');
  return dir;
}
/** Every point file damaged but `keep`. */
const pointFilesBut = (...keep: string[]) => damaged((f) => /^points-.*\.json$/.test(f) && !keep.includes(f));

const user = { source: 'user' as const, file: '~/.config/acupress/routines/mine.yaml' };
const MINE: WithOrigin<Point> = {
  id: 'EX-ME1', pinyin: 'Wodian', hanzi: '我点', hanzi_traditional: '我點', english: 'Quiet Lantern', meridian: 'EX', region: 'hand', laterality: 'bilateral',
  location: 'Here.', indications: [], cautions: [], aliases: ['Lamp Point'], sources: ['Test'], origin: user,
} as unknown as WithOrigin<Point>;

describe('names in a text, from the snapshot', () => {
  it('are found without reading a single point file', () => {
    const c = readSnapshot(pointFilesBut())!;
    expect(pointsNamedInText(c, 'Press Hegu, then Neiguan; rub 足三里 and san yin jiao, and the Union Valley again')).toEqual(['LI4', 'PC6', 'ST36', 'SP6']);
    // Had a point file been read, it would have thrown: the damage is there to be found.
    expect(() => c.points.get('ST36')).toThrow(/points-ST-5\.json is damaged/);
  });

  it('a copy of a built-in routine has its facts worked out reading only the points it presses, and they are the build\'s', () => {
    const c = readSnapshot(pointFilesBut('points-LI-1.json', 'points-PC-1.json'))!;
    const basics = c.routines.get('basics')!;
    const mine: WithOrigin<Routine> = { ...basics, id: 'my-basics', origin: user };
    c.routines.set(mine.id, mine);
    expect(factsFor(c, mine)).toEqual(c.facts!.get('basics'));
  });

  it('give every built-in point by its pinyin, English name and hanzi, as the points themselves do', () => {
    const snapshot = readSnapshot(join(ROOT, 'dist/data'))!;
    const fromYaml = catalogFrom(buildBuiltin(join(ROOT, 'data')));
    for (const p of fromYaml.points.values()) {
      const own = [`then ${p.pinyin} again`, `「${p.hanzi}」`, `「${p.hanzi_traditional}」`];
      for (const text of own) expect(pointsNamedInText(snapshot, text), `${p.id}: ${text}`).toContain(p.id);
      for (const text of [...own, `then the ${p.english} again`, ...p.aliases.map((a) => `then ${a} again`)]) {
        expect(pointsNamedInText(snapshot, text), `${p.id}: ${text}`).toEqual(pointsNamedInText(fromYaml, text));
      }
    }
  });

  it('find a user\'s point by its names too, still reading no point file', () => {
    const c = readSnapshot(pointFilesBut())!;
    c.points.set(MINE.id, MINE);
    expect(pointsNamedInText(c, 'Hegu, then the Quiet Lantern, the Lamp Point, wodian and 我點')).toEqual(['LI4', 'EX-ME1']);
    expect(pointsNamedInText(c, 'then 我点')).toEqual(['EX-ME1']);
  });

  it('a built-in point replaced or removed: the names are the points\' own again', () => {
    const c = readSnapshot(join(ROOT, 'dist/data'))!;
    expect(pointsNamedInText(c, 'press the Quiet Lantern')).toEqual([]);
    c.points.set('LI4', { ...c.points.get('LI4')!, english: 'Quiet Lantern' });
    expect(c.pointNames!()).toBeUndefined();
    // (The loader forgets a catalog's name index whenever it merges points.)
    forgetNames(c);
    expect(pointsNamedInText(c, 'press the Quiet Lantern')).toEqual(['LI4']);
    const d = readSnapshot(join(ROOT, 'dist/data'))!;
    d.points.delete('PC6');
    expect(d.pointNames!()).toBeUndefined();
    expect(pointsNamedInText(d, 'press Neiguan and Hegu')).toEqual(['LI4']);
  });
});

describe('a routine set in the snapshot\'s catalog (a user\'s, merged in)', () => {
  it('is in the heads and the uses at once, in its place, and routines.json is never read', () => {
    const c = readSnapshot(damaged((f) => f === 'routines.json'))!;
    const ids = c.routineHeads!.map((h) => h.id);
    const pressLI4 = c.uses!('LI4');
    expect(pressLI4).toContain('headache');
    const mine = (id: string, point: string): WithOrigin<Routine> => ({
      id, title: `Mine ${id}`, summary: 'Mine.', aliases: [], tags: [], sources: ['Me'], red_flags: [], timing: {}, steps: [{ kind: 'press', point }], origin: user,
    } as unknown as WithOrigin<Routine>);
    c.routines.set('mine', mine('mine', 'LI4'));
    c.routines.set('headache', mine('headache', 'PC6'));
    c.routines.delete('basics');
    expect(c.routineHeads!.map((h) => h.id)).toEqual([...ids.filter((id) => id !== 'basics'), 'mine']);
    expect(c.routineHeads!.find((h) => h.id === 'headache')!.title).toBe('Mine headache');
    expect(c.uses!('LI4')).toEqual([...pressLI4.filter((id) => id !== 'headache' && id !== 'basics'), 'mine']);
    expect(c.uses!('PC6')).toContain('headache');
    expect(c.routines.get('mine')!.title).toBe('Mine mine');
    expect(c.routines.has('basics')).toBe(false);
    // Never read until now: the damage is found by the first walk of every routine.
    expect(() => [...c.routines.values()]).toThrow(/routines\.json is damaged/);
  });
});

describe('names.json damaged', () => {
  const edit = (change: (v: { latin: string; hanzi: string; longest: number }) => void) => {
    const dir = damaged(() => false);
    const file = join(dir, 'names.json');
    const v = JSON.parse(readFileSync(file, 'utf8'));
    change(v);
    writeFileSync(file, JSON.stringify(v));
    return readSnapshot(dir)!;
  };
  it.each<[string, (v: { latin: string; hanzi: string; longest: number }) => void]>([
    ['a line cut out', (v) => (v.latin = v.latin.replace(/^hegu\t.*\n/m, ''))],
    ['two lines swapped', (v) => {
      const lines = v.latin.split('\n');
      [lines[3], lines[4]] = [lines[4]!, lines[3]!];
      v.latin = lines.join('\n');
    }],
    ['an entry without its flags', (v) => (v.latin = v.latin.replace('LI4 pa', 'LI4'))],
    ['no hanzi', (v) => (v.hanzi = '')],
    ['no longest key', (v) => (v.longest = 0)],
  ])('%s: one line naming it, exit 70', (_, change) => {
    const c = edit(change);
    expect(() => pointsNamedInText(c, 'press Hegu')).toThrow(/^the built-in data file .*names\.json is damaged \(.+\); reinstall acupress$/);
  });
});
