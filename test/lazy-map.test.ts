import { describe, expect, it } from 'vitest';
import { groupedKeys, LazyMap, ownedBy } from '../src/store/lazy-map.js';

type V = { id: string; n: number };
/** A source of three groups that records which groups were loaded. */
function source() {
  const loads: string[] = [];
  const data: Record<string, V[]> = { a: [{ id: 'a1', n: 1 }, { id: 'a2', n: 2 }], b: [{ id: 'b1', n: 3 }], c: [{ id: 'c1', n: 4 }, { id: 'c2', n: 5 }] };
  const owner = Object.fromEntries(Object.entries(data).flatMap(([g, vs]) => vs.map((v) => [v.id, g])));
  return { loads, src: { ...ownedBy(owner), load: (g: string) => (loads.push(g), data[g]!) } };
}

describe('LazyMap', () => {
  it('loads only the group a key is in', () => {
    const { loads, src } = source();
    const m = new LazyMap<V>(src);
    expect(m.has('c2')).toBe(true);
    expect(m.has('zz')).toBe(false);
    expect(loads).toEqual([]);
    expect(m.get('b1')).toEqual({ id: 'b1', n: 3 });
    expect(m.get('b1')).toBe(m.get('b1'));
    expect(m.get('zz')).toBeUndefined();
    expect(loads).toEqual(['b']);
  });

  it('walks every entry in canonical order, whatever was read first', () => {
    const { src } = source();
    const m = new LazyMap<V>(src);
    m.get('c2');
    m.get('a1');
    expect([...m.keys()]).toEqual(['a1', 'a2', 'b1', 'c1', 'c2']);
    expect(m.size).toBe(5);
    expect([...m.values()].map((v) => v.n)).toEqual([1, 2, 3, 4, 5]);
    expect(new Map(m).get('c1')).toEqual({ id: 'c1', n: 4 });
  });

  it('behaves as a Map when changed: an override keeps its place, a new key goes last', () => {
    const { src } = source();
    const m = new LazyMap<V>(src);
    m.set('b1', { id: 'b1', n: 30 }).set('new', { id: 'new', n: 9 });
    expect([...m.entries()].map(([k, v]) => `${k}=${v.n}`)).toEqual(['a1=1', 'a2=2', 'b1=30', 'c1=4', 'c2=5', 'new=9']);
    expect(m.delete('a2')).toBe(true);
    expect(m.has('a2')).toBe(false);
    const seen: string[] = [];
    m.forEach((_, k) => seen.push(k));
    expect(seen).toEqual(['a1', 'b1', 'c1', 'c2', 'new']);
    m.clear();
    expect(m.size).toBe(0);
    expect(m.get('a1')).toBeUndefined();
  });

  it('a change reads no group, and a group read later never undoes it (session 12: one user routine read all of routines.json)', () => {
    const { loads, src } = source();
    const m = new LazyMap<V>(src);
    m.set('b1', { id: 'b1', n: 30 }).set('new', { id: 'new', n: 9 });
    expect(m.delete('a2')).toBe(true);
    expect(m.delete('nothing')).toBe(false);
    expect(loads).toEqual([]);
    expect(m.get('b1')!.n).toBe(30);
    expect(m.has('a2')).toBe(false);
    expect(m.get('a1')!.n).toBe(1);
    expect(m.get('a2')).toBeUndefined();
    expect(loads).toEqual(['a']);
    expect([...m.entries()].map(([k, v]) => `${k}=${v.n}`)).toEqual(['a1=1', 'b1=30', 'c1=4', 'c2=5', 'new=9']);
    expect(loads.sort()).toEqual(['a', 'b', 'c']);
  });

  it('overlays the changes on what was derived from the source, in the map\'s order, reading nothing', () => {
    const { loads, src } = source();
    const m = new LazyMap<V>(src);
    const base = ['a1', 'a2', 'b1', 'c1', 'c2'].map((id) => ({ id, head: true }));
    expect(m.overlay(base)).toBe(base);
    expect(m.added()).toEqual([]);
    m.set('new', { id: 'new', n: 9 });
    expect(m.added()).toEqual([{ id: 'new', n: 9 }]);
    m.set('b1', { id: 'b1', n: 30 });
    m.delete('c1');
    expect(m.overlay(base)!.map((x) => ('n' in x ? `${x.id}=${x.n}` : x.id))).toEqual(['a1', 'a2', 'b1=30', 'c2', 'new=9']);
    // A key of the source changed: what was derived from it whole no longer holds.
    expect(m.added()).toBeUndefined();
    expect(loads).toEqual([]);
    m.clear();
    expect(m.overlay(base)).toBeUndefined();
    expect(m.added()).toBeUndefined();
  });

  it('a group whose read fails stays pending, and is read again on the next ask', () => {
    let fail = true;
    const m = new LazyMap<V>({ ...ownedBy({ a1: 'a' }), load: () => {
      if (fail) throw new Error('EIO');
      return [{ id: 'a1', n: 1 }];
    } });
    expect(() => m.get('a1')).toThrow('EIO');
    expect(m.has('a1')).toBe(true);
    fail = false;
    expect(m.get('a1')).toEqual({ id: 'a1', n: 1 });
  });

  it('never answers for a property of Object (the index is a plain object)', () => {
    const { loads, src } = source();
    const m = new LazyMap<V>(src);
    for (const k of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(m.has(k)).toBe(false);
      expect(m.get(k)).toBeUndefined();
    }
    expect(loads).toEqual([]);
  });

  it('tells the source once, before the first change, whatever the change', () => {
    for (const change of [(m: LazyMap<V>) => m.set('x', { id: 'x', n: 0 }), (m: LazyMap<V>) => m.delete('a1'), (m: LazyMap<V>) => m.clear()]) {
      const { src } = source();
      const seen: number[] = [];
      const m = new LazyMap<V>({ ...src, onChange: () => seen.push(m.has('a1') ? 1 : 0) });
      change(m);
      expect(seen).toEqual([1]); // before the change: a1 was still there
      m.set('y', { id: 'y', n: 0 });
      expect(seen).toEqual([1]);
    }
  });

  it('after clear() nothing is pending, and no group is read again', () => {
    const { loads, src } = source();
    const m = new LazyMap<V>(src);
    m.clear();
    expect(m.has('a1')).toBe(false);
    expect(m.get('b1')).toBeUndefined();
    expect([...m.keys()]).toEqual([]);
    expect(loads).toEqual([]);
  });

  it('reads every group once, however often it is walked', () => {
    const { loads, src } = source();
    const m = new LazyMap<V>(src);
    expect(m.size).toBe(5);
    expect([...m.keys()].length).toBe(5);
    expect(loads.sort()).toEqual(['a', 'b', 'c']);
  });

  it('finds keys in lines of space-separated groups (the snapshot\'s points), and only whole keys', () => {
    const keys = groupedKeys('LI LI1 LI2 LI10\nEX EX-HN3 EX-B2');
    expect(keys.groupOf('LI1')).toBe('LI');
    expect(keys.groupOf('LI10')).toBe('LI');
    expect(keys.groupOf('EX-HN3')).toBe('EX');
    expect(keys.groupOf('EX-B2')).toBe('EX');
    // A group's name is no key, nor is anything across a line's end.
    for (const k of ['LI', 'EX', 'I1', 'LI1 LI2', '', ' ', 'LI3', 'EX-HN', 'constructor', 'LI10\nEX', '\n']) expect(keys.groupOf(k), JSON.stringify(k)).toBeUndefined();
    expect(keys.keys()).toEqual(['LI1', 'LI2', 'LI10', 'EX-HN3', 'EX-B2']);
    const m = new LazyMap<{ id: string }>({ ...keys, load: (g) => (g === 'LI' ? [{ id: 'LI1' }, { id: 'LI2' }, { id: 'LI10' }, { id: 'LI99' }] : [{ id: 'EX-HN3' }, { id: 'EX-B2' }]) });
    expect(m.get('LI10')).toEqual({ id: 'LI10' });
    // A record its group does not list is not taken.
    expect(m.has('LI99')).toBe(false);
    expect([...m.keys()]).toEqual(['LI1', 'LI2', 'LI10', 'EX-HN3', 'EX-B2']);
  });
});
