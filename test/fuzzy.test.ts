// The picker's search: typed text finds routines by id, title, tag or alias, best first.
import { describe, expect, it } from 'vitest';
import { fuzzyRank, fuzzyScore } from '../src/core/fuzzy.js';
import { loadBuiltin } from '../src/store/load-catalog.js';

describe('fuzzy search', async () => {
  const catalog = await loadBuiltin();
  const routines = [...catalog.routines.values()];
  const top = (q: string) => fuzzyRank(routines, q, (r) => [r.id, r.title, ...r.tags, ...r.aliases]).slice(0, 3).map((r) => r.id);

  it.each([
    ['desk', 'desk-break'],
    ['hedache', 'headache'],
    ['Headache', 'headache'],
    ['low back', 'low-back'],
    ['nausea', 'nausea'],
    ['eyes', 'eye-strain'],
  ])('%s finds %s first', (q, id) => expect(top(q)[0]).toBe(id));

  it('letters must come in order', () => {
    expect(fuzzyScore('kesd', 'desk')).toBeUndefined();
    expect(fuzzyScore('dsk', 'desk')).toBeGreaterThan(0);
  });
  it('a match at the start beats one inside a word, which beats scattered letters', () => {
    expect(fuzzyScore('desk', 'desk break')!).toBeGreaterThan(fuzzyScore('desk', 'two-minute desk break')!);
    expect(fuzzyScore('desk', 'two-minute desk break')!).toBeGreaterThan(fuzzyScore('dsk', 'desk')!);
  });
  it('ignores accents and case', () => expect(fuzzyScore('hegu', 'Hégǔ')).toBeDefined());
});
