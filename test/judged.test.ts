// The build judges every built-in routine under each condition alone (judged.json), so `list`
// and the safer routines under a condition read no routine's texts. Its answer for any set of
// conditions must be what routineFindings finds, and it must step aside when it cannot know.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../src/store/snapshot.js';
import { flagsFromSnapshot, hasAvoid, routineFindings } from '../src/core/safety.js';
import type { Condition, Point, WithOrigin } from '../src/model/types.js';
import { ROOT } from './helpers.js';

const catalog = readSnapshot(join(ROOT, 'dist/data'))!;
const conditions = [...catalog.conditions.values()];
const routines = [...catalog.routines.values()];

const live = (r: (typeof routines)[number], cs: Condition[]) => {
  const findings = routineFindings(catalog, r, cs);
  return { flagged: findings.length > 0, avoid: hasAvoid(findings) };
};

describe("the build's condition flags", () => {
  it('answer for every built-in routine under each condition alone as routineFindings does', () => {
    expect(conditions.length).toBeGreaterThan(10);
    let avoided = 0;
    for (const r of routines) {
      for (const c of conditions) {
        const known = flagsFromSnapshot(catalog, r, [c]);
        expect(known, `${r.id} ${c.id}`).toEqual(live(r, [c]));
        if (known!.avoid) avoided++;
      }
    }
    // The table is not all "nothing": pregnancy alone avoids several routines.
    expect(avoided).toBeGreaterThan(10);
  });

  it('answer for every pair of conditions as routineFindings does (a finding is one condition\'s)', () => {
    for (const r of routines) {
      for (let i = 0; i < conditions.length; i++) {
        for (let j = i + 1; j < conditions.length; j++) {
          const pair = [conditions[i]!, conditions[j]!];
          expect(flagsFromSnapshot(catalog, r, pair), `${r.id} ${pair.map((c) => c.id)}`).toEqual(live(r, pair));
        }
      }
    }
  }, 60_000);

  it('step aside for a routine of the user\'s, no condition, a condition the build never judged by, or a point of the user\'s', () => {
    const headache = catalog.routines.get('headache')!;
    const pregnancy = catalog.conditions.get('pregnancy')!;
    expect(flagsFromSnapshot(catalog, headache, [pregnancy])).toBeDefined();
    expect(flagsFromSnapshot(catalog, { ...headache, origin: { source: 'user', file: '/x/headache.yaml' } } as typeof headache, [pregnancy])).toBeUndefined();
    expect(flagsFromSnapshot(catalog, headache, [])).toBeUndefined();
    expect(flagsFromSnapshot(catalog, headache, [{ ...pregnancy, id: 'not-built-in' }])).toBeUndefined();
    // A point of the user's could be named in a built-in cue: the texts are read again.
    const mine = readSnapshot(join(ROOT, 'dist/data'))!;
    mine.points.set('X-MINE1', { ...catalog.points.get('LI4')!, id: 'X-MINE1', origin: { source: 'user', file: '/x/p.yaml' } } as WithOrigin<Point>);
    expect(flagsFromSnapshot(mine, mine.routines.get('headache')!, [pregnancy])).toBeUndefined();
    // So does a built-in point replaced in the catalog (added() cannot say what was added then).
    const replaced = readSnapshot(join(ROOT, 'dist/data'))!;
    replaced.points.set('LI4', { ...catalog.points.get('LI4')!, cautions: [] });
    expect(flagsFromSnapshot(replaced, replaced.routines.get('headache')!, [pregnancy])).toBeUndefined();
  });
});
