import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { catalogFrom, type Catalog } from '../src/model/catalog.js';
import { resolveMeridian } from '../src/core/channels.js';
import { lookup, lookupSlow, pointNames, resolve, type Kind } from '../src/core/resolve.js';
import { normalizeKey } from '../src/core/text.js';
import { ROOT } from './helpers.js';

let catalog: Catalog;
beforeAll(() => {
  catalog = catalogFrom(buildBuiltin(join(ROOT, 'data')));
});

describe('id resolution', () => {
  it.each([
    ['LI4', 'LI4'], ['li4', 'LI4'], ['LI-4', 'LI4'], ['hegu', 'LI4'], ['Hégǔ', 'LI4'], ['he gu', 'LI4'], ['Hé Gǔ', 'LI4'], ['Union Valley', 'LI4'],
    ['LV3', 'LR3'], ['SJ5', 'TE5'], ['TB5', 'TE5'], ['P6', 'PC6'], ['UB40', 'BL40'], ['Ren12', 'CV12'], ['Du20', 'GV20'], ['K1', 'KI1'], ['H7', 'HT7'],
    ['GV29', 'EX-HN3'], ['yintang', 'EX-HN3'], ['Taiyang', 'EX-HN5'], ['zusanli', 'ST36'], ['Leg Three Miles', 'ST36'], ['neiguan', 'PC6'],
  ])('%s → point %s', (q, id) => expect(resolve(catalog, q)).toEqual({ kind: 'point', id }));

  it.each([['headache', 'headache'], ['migraine', 'headache'], ['HEADACHE', 'headache'], ['motion-sickness', 'nausea'], ['total hand massage', 'hand']])(
    '%s → routine %s', (q, id) => expect(resolve(catalog, q)).toEqual({ kind: 'routine', id }),
  );

  it.each([['pregnant', 'pregnancy'], ['pregnancy', 'pregnancy'], ['bleeding', 'bleeding']])('%s → condition %s', (q, id) => {
    expect(resolve(catalog, q, ['condition'])).toEqual({ kind: 'condition', id });
  });

  it('answers through the fast paths exactly as through the full index', () => {
    const ids = [...catalog.routines.keys(), ...catalog.points.keys(), ...[...catalog.points.keys()].map((k) => k.toLowerCase()), ...catalog.conditions.keys()];
    const kindSets: Kind[][] = [['routine', 'point', 'condition'], ['routine', 'point'], ['point'], ['condition'], ['routine']];
    let compared = 0;
    for (const id of ids) {
      for (const kinds of kindSets) {
        expect(lookup(catalog, id, kinds), `${id} as ${kinds.join('/')}`).toEqual(lookupSlow(catalog, id, kinds));
        compared++;
      }
    }
    expect(compared).toBe(ids.length * kindSets.length);
  });

  it('does not take the condition fast path when another condition shares the name', () => {
    const twin = catalogFrom(buildBuiltin(join(ROOT, 'data')));
    const bleeding = twin.conditions.get('bleeding')!;
    twin.conditions.set('clotting', { ...bleeding, id: 'clotting', aliases: ['pregnancy'] });
    expect(() => lookup(twin, 'pregnancy', ['condition'])).toThrow(/"pregnancy" is ambiguous/);
  });

  it('a point or condition name always means the point or condition, even if a routine answers to it (second line of defence)', () => {
    const twin = catalogFrom(buildBuiltin(join(ROOT, 'data')));
    const base = twin.routines.get('neck')!;
    // The loader refuses such routines; here they are put in directly, as a hand-edited cache might.
    twin.routines.set('li4', { ...base, id: 'li4', aliases: ['hegu', 'Union Valley', 'pregnant'] });
    for (const q of ['LI4', 'li4', 'hegu', 'Hégǔ', 'union valley']) {
      for (const kinds of [['routine', 'point'], ['routine', 'point', 'condition']] as Kind[][]) {
        expect(lookup(twin, q, kinds), q).toEqual({ kind: 'point', id: 'LI4' });
        expect(lookupSlow(twin, q, kinds), q).toEqual({ kind: 'point', id: 'LI4' });
      }
    }
    expect(lookup(twin, 'pregnant')).toEqual({ kind: 'condition', id: 'pregnancy' });
  });

  it('built-in names never mean two kinds of thing (so the precedence changes no built-in answer)', () => {
    const owners = new Map<string, Set<Kind>>();
    const put = (kind: Kind, names: string[]) => names.forEach((n) => owners.set(normalizeKey(n), (owners.get(normalizeKey(n)) ?? new Set()).add(kind)));
    for (const r of catalog.routines.values()) put('routine', [r.id, ...r.aliases, r.title]);
    for (const p of catalog.points.values()) put('point', pointNames(p));
    for (const c of catalog.conditions.values()) put('condition', [c.id, ...(c.flag ? [c.flag] : []), ...c.aliases, c.title]);
    expect([...owners].filter(([, kinds]) => kinds.size > 1).map(([name]) => name)).toEqual([]);
  });

  it('echoes an unknown id escaped and cut', () => {
    expect(() => resolve(catalog, `\u001b]0;x\u0007${'y'.repeat(100)}`)).toThrow(/^unknown routine, point or condition "\\u001b\]0;x\\u0007y{34}…"$/);
  });

  it('fails with suggestions for an unknown id', () => {
    expect(() => resolve(catalog, 'headach')).toThrow('unknown routine, point or condition "headach"; did you mean "headache"');
    expect(() => resolve(catalog, 'LI44', ['point'])).toThrow(/unknown point "LI44"; did you mean .*"LI4"/);
    expect(() => resolve(catalog, 'hegoo')).toThrow(/did you mean "LI4"/);
  });

  it('says when plain pinyin names two points, and tone marks settle it', () => {
    expect(() => resolve(catalog, 'futu')).toThrow(/ambiguous: it could be LI18 .*, ST32/);
    const li18 = catalog.points.get('LI18')!;
    expect(resolve(catalog, li18.pinyin)).toEqual({ kind: 'point', id: 'LI18' });
  });
});

describe('meridians', () => {
  it.each([['LV', 'LR'], ['liver', 'LR'], ['SJ', 'TE'], ['tb', 'TE'], ['P', 'PC'], ['Ren', 'CV'], ['du', 'GV'], ['lu', 'LU'], ['Triple Energizer', 'TE']])(
    '%s → %s', (q, code) => expect(resolveMeridian(q)).toBe(code),
  );
  it('rejects an unknown meridian with a suggestion', () => expect(() => resolveMeridian('LX')).toThrow(/unknown meridian "LX"/));
  // Before the fix "constructor" matched a property of Object in the alias table.
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('%s is an unknown meridian, not a property of every object', (q) =>
    expect(() => resolveMeridian(q)).toThrow(new RegExp(`^unknown meridian "${q}"`)));
});
