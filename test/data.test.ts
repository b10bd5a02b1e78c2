// Audits of the built-in data, validated by the same schemas as user files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { readSnapshot } from '../src/store/snapshot.js';
import { routineFacts } from '../src/core/routine-facts.js';
import { mergeInto } from '../src/store/merge.js';
import { catalogFrom, type Catalog, type CatalogData } from '../src/model/catalog.js';
import { REGIONS } from '../src/model/regions.js';
import { legacyCodes } from '../src/core/resolve.js';
import { pointFindings, routineFindings } from '../src/core/safety.js';
import { plan } from '../src/core/plan.js';
import { BOUNDS } from '../src/model/duration.js';
import { normalizeKey } from '../src/core/text.js';
import { ROOT } from './helpers.js';

let data: CatalogData;
let catalog: Catalog;
beforeAll(() => {
  data = buildBuiltin(join(ROOT, 'data'));
  catalog = catalogFrom(data);
});

const csv = readFileSync(join(ROOT, 'test/fixtures/who-acupoint-codes.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\s'-]/g, '').toLowerCase();

describe('built-in data', () => {
  it('validates and matches the build-time snapshot', () => {
    const snapshot = readSnapshot(join(ROOT, 'dist/data'))!;
    expect([...snapshot.points.values()]).toEqual(JSON.parse(JSON.stringify(data.points)));
    expect([...snapshot.routines.values()]).toEqual(JSON.parse(JSON.stringify(data.routines)));
    expect([...snapshot.conditions.values()]).toEqual(JSON.parse(JSON.stringify(data.conditions)));
  });

  it('stores facts for list that match working them out, and merging drops the ones it may change', () => {
    const snapshot = readSnapshot(join(ROOT, 'dist/data'))!;
    expect(snapshot.facts?.size).toBe(catalog.routines.size);
    for (const r of catalog.routines.values()) expect(snapshot.facts?.get(r.id), r.id).toEqual(routineFacts(catalog, r));
    expect([...snapshot.facts!.values()].some((f) => f.flagged)).toBe(true);
    const origin = { source: 'user' as const, file: 'mine.yaml' };
    const wrap = <T,>(value: T) => ({ value, locate: () => ({ line: 1, col: 1 }), shown: 'mine.yaml' });
    const headache = { ...catalog.routines.get('headache')!, origin };
    mergeInto(snapshot, { points: [], routines: [wrap(headache)], conditions: [], problems: [] });
    // A user routine's facts are worked out as it is merged, from the points it presses.
    const shorter = { ...headache, id: 'short', steps: headache.steps.slice(0, 1) };
    mergeInto(snapshot, { points: [], routines: [wrap(shorter)], conditions: [], problems: [] });
    expect(snapshot.facts?.get('headache')).toEqual(routineFacts(snapshot, headache));
    expect(snapshot.facts?.get('short')).toEqual(routineFacts(snapshot, shorter));
    expect(snapshot.facts?.get('short')?.total_ms).toBeLessThan(snapshot.facts!.get('headache')!.total_ms);
    expect(snapshot.facts?.has('neck')).toBe(true);
    mergeInto(snapshot, { points: [wrap({ ...catalog.points.get('LI4')!, laterality: 'midline' as const, origin })], routines: [], conditions: [], problems: [] });
    expect(snapshot.facts).toBeUndefined();
  });
});

describe('points', () => {
  it('has exactly the 361 WHO codes, with matching pinyin', () => {
    const who = data.points.filter((p) => p.meridian !== 'EX');
    expect(who.map((p) => p.id).sort()).toEqual(csv.map((r) => r[0]).sort());
    expect(who).toHaveLength(361);
    const want = new Map(csv.map((r) => [r[0]!, r[3]!]));
    const wrong = who.filter((p) => plain(p.pinyin) !== plain(want.get(p.id)!)).map((p) => `${p.id} ${p.pinyin}`);
    expect(wrong).toEqual([]);
  });

  it('each meridian has its standard count', () => {
    const counts: Record<string, number> = {};
    for (const p of data.points) counts[p.meridian] = (counts[p.meridian] ?? 0) + 1;
    expect(counts).toMatchObject({ LU: 11, LI: 20, ST: 45, SP: 21, HT: 9, SI: 19, BL: 67, KI: 27, PC: 9, TE: 23, GB: 44, LR: 14, GV: 28, CV: 24 });
    expect(counts.EX).toBeGreaterThanOrEqual(30);
  });

  it('includes the common extra points by their WHO codes', () => {
    const ex = data.points.filter((p) => p.meridian === 'EX');
    const names = new Map(ex.map((p) => [plain(p.pinyin), p.id]));
    expect(names.get('yintang')).toBe('EX-HN3');
    expect(names.get('taiyang')).toBe('EX-HN5');
    for (const n of ['sishencong', 'yuyao', 'anmian', 'baxie', 'bafeng', 'shixuan', 'dingchuan', 'jiaji', 'yaotongdian', 'xiyan', 'dannang', 'lanwei', 'zigong']) {
      expect(names.has(n), n).toBe(true);
    }
    expect(catalog.points.get('EX-HN3')!.aliases).toContain('GV29');
  });

  it('has tone marks, simplified and traditional characters for every point', () => {
    const cjk = /^[\u3400-\u9fff\u{20000}-\u{2ffff}]+$/u;
    for (const p of data.points) {
      expect(p.pinyin, p.id).toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/);
      expect(p.hanzi, p.id).toMatch(cjk);
      expect(p.hanzi_traditional, p.id).toMatch(cjk);
    }
  });

  it('uses only the fixed regions', () => {
    for (const p of data.points) expect(REGIONS, p.id).toContain(p.region);
  });

  it('has no name, code or alias that points at two points', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const p of data.points) {
      for (const name of new Set([p.id, ...legacyCodes(p.id), ...p.aliases, p.english].map(normalizeKey))) {
        const other = owner.get(name);
        if (other && other !== p.id) clashes.push(`${name}: ${other} and ${p.id}`);
        owner.set(name, p.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('gives find and technique for every point a routine uses, and for at least 60 points', () => {
    const used = new Set(data.routines.flatMap((r) => r.steps.flatMap((s) => (s.kind === 'press' ? [s.point] : []))));
    for (const id of used) {
      const p = catalog.points.get(id)!;
      expect(p.find, id).toBeTruthy();
      expect(p.technique, id).toBeTruthy();
    }
    expect(data.points.filter((p) => p.find && p.technique).length).toBeGreaterThanOrEqual(60);
  });

  it('every caution names a source', () => {
    for (const p of data.points) for (const k of p.cautions) expect(k.source.length, p.id).toBeGreaterThan(5);
  });
});

describe('routines', () => {
  it('has at least 24 routines, each with sources and an evidence note', () => {
    expect(data.routines.length).toBeGreaterThanOrEqual(24);
    for (const r of data.routines) {
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      expect(r.evidence, r.id).toBeTruthy();
    }
  });

  it('covers the needs people come with', () => {
    const ids = new Set(data.routines.map((r) => r.id));
    for (const id of ['headache', 'neck', 'eye-strain', 'desk-break', 'shoulders', 'low-back', 'menstrual-cramps', 'nausea', 'morning-sickness', 'stress', 'sleep', 'energy', 'focus', 'digestion', 'constipation', 'sinus', 'toothache', 'jaw', 'hand', 'feet', 'wrists', 'skull-base', 'evening']) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('plans every routine within bounds', () => {
    for (const r of data.routines) {
      const t = plan(r, (id) => catalog.points.get(id));
      expect(t.total_ms, r.id).toBeLessThanOrEqual(BOUNDS.maxTotalMs);
      for (const p of t.phases) {
        expect(p.duration_ms).toBeGreaterThanOrEqual(BOUNDS.minPhaseMs);
        expect(p.duration_ms).toBeLessThanOrEqual(BOUNDS.maxPhaseMs);
      }
    }
    const desk = plan(catalog.routines.get('desk-break')!, (id) => catalog.points.get(id));
    expect(desk.total_ms).toBeLessThanOrEqual(2 * 60_000);
  });

  it('routine aliases are unique and do not shadow points', () => {
    const seen = new Map<string, string>();
    for (const r of data.routines) {
      for (const a of [r.id, ...r.aliases].map(normalizeKey)) {
        expect([undefined, r.id], `${a} in ${r.id}`).toContain(seen.get(a));
        seen.set(a, r.id);
      }
    }
    for (const p of data.points) for (const n of [p.id, p.english, ...p.aliases]) expect(seen.has(normalizeKey(n)), n).toBe(false);
  });

  it('the headache routine answers to migraine, and hand is the seed total hand massage with the V point', () => {
    expect(catalog.routines.get('headache')!.aliases).toContain('migraine');
    const hand = catalog.routines.get('hand')!;
    expect(hand.steps.filter((s) => s.kind === 'massage').length).toBeGreaterThanOrEqual(4);
    expect(hand.steps.some((s) => s.kind === 'press' && s.point === 'LI4')).toBe(true);
  });
});

describe('conditions', () => {
  it('covers the required conditions, and every rule names a source', () => {
    for (const id of ['pregnancy', 'bleeding', 'osteoporosis', 'recent-injury', 'cancer', 'heart-disease', 'varicose-veins', 'skin', 'inflammation', 'scars', 'devices']) {
      expect(catalog.conditions.has(id), id).toBe(true);
    }
    for (const c of data.conditions) for (const r of c.rules) expect(r.source.length, c.id).toBeGreaterThan(5);
  });

  it('lists the widely cited pregnancy points as avoid, and not PC6 or ST36', () => {
    const preg = [catalog.conditions.get('pregnancy')!];
    const level = (id: string) => pointFindings(catalog.points.get(id)!, preg, id).filter((f) => f.condition === 'pregnancy').map((f) => f.level);
    for (const id of ['LI4', 'SP6', 'GB21', 'BL60', 'BL67', 'BL31', 'BL32', 'BL33', 'BL34']) expect(level(id), id).toContain('avoid');
    for (const id of ['PC6', 'ST36']) expect(level(id), id).not.toContain('avoid');
    expect(preg[0]!.recommended.some((r) => r.points.includes('PC6'))).toBe(true);
  });

  it('flags every point in a region that a condition avoids', () => {
    for (const c of data.conditions) {
      for (const rule of c.rules.filter((r) => r.regions && r.level === 'avoid')) {
        for (const p of data.points.filter((x) => rule.regions!.includes(x.region))) {
          expect(pointFindings(p, [c], p.id).some((f) => f.level === 'avoid'), `${p.id} in ${c.id}`).toBe(true);
        }
      }
    }
  });

  it('the pregnancy-safe morning sickness routine has nothing to avoid in pregnancy', () => {
    const preg = [catalog.conditions.get('pregnancy')!];
    expect(routineFindings(catalog, catalog.routines.get('morning-sickness')!, preg).filter((f) => f.level === 'avoid')).toEqual([]);
  });
});
