// Audits of the built-in data, validated by the same schemas as user files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { asciiJson, readSnapshot } from '../src/store/snapshot.js';
import { factsFor, routineFacts, storedFacts } from '../src/core/routine-facts.js';
import { mergeInto } from '../src/store/merge.js';
import { catalogFrom, pressing, routinesUsing, type Catalog, type CatalogData } from '../src/model/catalog.js';
import { REGIONS } from '../src/model/regions.js';
import { conditionNames, legacyCodes, lookup } from '../src/core/resolve.js';
import { choosableConditions, hasAvoid, massagePoints, neverPress, pointFindings, routineFindings, saferAlternatives, unsafeSteps, urgentFor } from '../src/core/safety.js';
import { routinesWithoutAvoid } from '../src/core/check-report.js';
import type { Condition } from '../src/model/types.js';
import { sourceKinds, sourceProblem, ALSO } from '../src/core/sources.js';
import { exceeds, pressureAsked, withinPressure } from '../src/core/pressure-words.js';
import { guardAt } from '../src/core/safety-words.js';
import { plan } from '../src/core/plan.js';
import { BOUNDS } from '../src/model/duration.js';
import { normalizeKey } from '../src/core/text.js';
import { limbWord, pressCue } from '../src/core/cues.js';
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

  it('stores routine heads, the routines pressing each point and condition names that match the data, brought up to date as the routines change', () => {
    const snapshot = readSnapshot(join(ROOT, 'dist/data'))!;
    expect(snapshot.routineHeads).toEqual(JSON.parse(JSON.stringify(data.routines.map(({ id, title, summary, tags, aliases, origin }) => ({ id, title, summary, tags, aliases, origin })))));
    for (const p of data.points) expect(routinesUsing(snapshot, p.id), p.id).toEqual(pressing(data.routines, p.id));
    expect(routinesUsing(snapshot, 'LI4').length).toBeGreaterThan(0);
    expect(snapshot.conditionNames).toEqual(Object.fromEntries(data.conditions.map((c) => [c.id, conditionNames(c)])));
    // A user routine pressing LI4, and one replacing a built-in routine: the heads and uses are
    // the routines' as they now are, as walking every routine's steps would give them.
    const origin = { source: 'user' as const, file: 'mine.yaml' };
    const mine = { ...catalog.routines.get('headache')!, id: 'mine', aliases: [], title: 'Mine', origin };
    const neck = { ...catalog.routines.get('basics')!, id: 'neck', aliases: [], title: 'My neck', origin };
    const wrap = <T,>(value: T) => ({ value, locate: () => ({ line: 1, col: 1 }), shown: 'mine.yaml' });
    mergeInto(snapshot, { points: [], routines: [wrap(mine), wrap(neck)], conditions: [], problems: [] });
    expect(routinesUsing(snapshot, 'LI4')).toContain('mine');
    expect(lookup(snapshot, 'Mine')).toEqual({ kind: 'routine', id: 'mine' });
    expect(lookup(snapshot, 'My neck')).toEqual({ kind: 'routine', id: 'neck' });
    const now = [...data.routines.map((r) => (r.id === 'neck' ? neck : r)), mine];
    expect(snapshot.routineHeads!.map((h) => `${h.id} ${h.title}`)).toEqual(now.map((r) => `${r.id} ${r.title}`));
    for (const p of data.points) expect(snapshot.uses!(p.id), p.id).toEqual(pressing(now, p.id));
  });

  it('stores the snapshot as ASCII JSON (V8 would hold any other text at twice the size)', () => {
    for (const f of readdirSync(join(ROOT, 'dist/data')).filter((n) => n.endsWith('.json'))) {
      expect(readFileSync(join(ROOT, 'dist/data', f), 'latin1'), f).toMatch(/^[\x00-\x7f]*$/);
    }
    const text = asciiJson({ a: 'Hégǔ 合谷 \u{1F600}' });
    expect(text).toMatch(/^[\x00-\x7f]*$/);
    expect(JSON.parse(text)).toEqual({ a: 'Hégǔ 合谷 \u{1F600}' });
  });

  it('stores facts for list that match working them out, taken only for a built-in routine', () => {
    const snapshot = readSnapshot(join(ROOT, 'dist/data'))!;
    expect(snapshot.facts?.size).toBe(catalog.routines.size);
    for (const r of catalog.routines.values()) expect(snapshot.facts?.get(r.id), r.id).toEqual(routineFacts(catalog, r));
    expect([...snapshot.facts!.values()].some((f) => f.flagged)).toBe(true);
    const origin = { source: 'user' as const, file: 'mine.yaml' };
    const wrap = <T,>(value: T) => ({ value, locate: () => ({ line: 1, col: 1 }), shown: 'mine.yaml' });
    const headache = { ...catalog.routines.get('headache')!, origin };
    mergeInto(snapshot, { points: [], routines: [wrap(headache)], conditions: [], problems: [] });
    // A user routine's facts are worked out from the points it presses, never taken from the
    // store, even under a built-in routine's id.
    const shorter = { ...headache, id: 'headache', steps: headache.steps.slice(0, 1) };
    mergeInto(snapshot, { points: [], routines: [wrap(shorter)], conditions: [], problems: [] });
    expect(storedFacts(snapshot, shorter)).toBeUndefined();
    expect(factsFor(snapshot, shorter)).toEqual(routineFacts(snapshot, shorter));
    expect(factsFor(snapshot, shorter).total_ms).toBeLessThan(snapshot.facts!.get('headache')!.total_ms);
    expect(storedFacts(snapshot, snapshot.routines.get('neck')!)).toEqual(snapshot.facts!.get('neck'));
    // A user point can never replace a built-in one (its safety facts and the routines' facts rest
    // on it), so the stored facts of built-in routines stay true.
    const problems = mergeInto(snapshot, { points: [wrap({ ...catalog.points.get('LI4')!, laterality: 'midline' as const, origin })], routines: [], conditions: [], problems: [] });
    expect(problems.map((p) => p.message)).toEqual(['"LI4" is a built-in point; a point of your own needs a code of its own']);
    expect(snapshot.points.get('LI4')!.laterality).toBe('bilateral');
    expect(snapshot.facts?.get('neck')).toEqual(routineFacts(catalog, catalog.routines.get('neck')!));
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

describe('conditions', () => {
  it('word their advice for any layout: it is printed in cards, sheets and before a run, where what it could point at comes first', () => {
    // "skip the points listed below" read wrong before a run, whose skipped points are listed above it.
    for (const c of data.conditions) expect(c.advice, c.id).not.toMatch(/\b(below|above)\b/i);
  });

  it('cap every press at light pressure where their advice asks for it everywhere, and only there', () => {
    // Pregnancy's advice said "Keep the pressure light" while KI1's cue said "Press firmly with your thumb".
    const capped = data.conditions.filter((c) => c.pressure !== undefined);
    expect(capped.map((c) => [c.id, c.pressure])).toEqual([['pregnancy', 'gentle'], ['bleeding', 'gentle'], ['osteoporosis', 'gentle']]);
    for (const c of capped) expect(pressureAsked(c.advice), c.id).toBe('gentle');
    // The rest ask for light pressure in one place at most (the legs, a limb, the base of the skull, a scar), or not at all.
    const oneplace: Record<string, RegExp> = { cancer: /gentle on an arm or leg/, 'neck-arteries': /base of the skull light/, 'varicose-veins': /light on the legs/, scars: /scars only need gentle/ };
    for (const c of data.conditions) {
      if (c.pressure !== undefined || c.id === 'general') continue;
      if (pressureAsked(c.advice) === 'gentle') expect(c.advice, c.id).toMatch(oneplace[c.id] ?? /^$/);
    }
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

  it('the morning sickness routine has nothing to avoid in pregnancy, and its title claims no more than the evidence', () => {
    const preg = [catalog.conditions.get('pregnancy')!];
    const r = catalog.routines.get('morning-sickness')!;
    expect(routineFindings(catalog, r, preg).filter((f) => f.level === 'avoid')).toEqual([]);
    expect(r.title).not.toMatch(/safe/i);
    expect(r.tags).not.toContain('pregnancy-safe');
  });
});

// Issue 18: the safety content corrected, each change pinned here.
const cond = (id: string) => catalog.conditions.get(id)!;
const levelsFor = (pointId: string, conditions: string[]) =>
  pointFindings(catalog.points.get(pointId)!, conditions.map(cond), pointId).map((f) => `${f.condition}:${f.level}`);

describe('sources', () => {
  it('every safety rule, caution, recommendation and urgent warning cites a clinical or academic source; seeds only as "Also described in"', () => {
    const bad: string[] = [];
    const check = (where: string, source: string) => {
      const problem = sourceProblem(source);
      if (problem) bad.push(`${where}: ${problem}`);
    };
    for (const c of data.conditions) {
      c.rules.forEach((r, i) => check(`${c.id} rules[${i}]`, r.source));
      c.recommended.forEach((r, i) => check(`${c.id} recommended[${i}]`, r.source));
      c.urgent.forEach((r, i) => check(`${c.id} urgent[${i}]`, r.source));
    }
    for (const p of data.points) p.cautions.forEach((k, i) => check(`${p.id} cautions[${i}]`, k.source));
    expect(bad).toEqual([]);
  });

  it('the source rule tells the kinds apart', () => {
    expect(sourceProblem('Verywell Health, "Acupressure: Points, Uses, and Side Effects".')).toMatch(/seed/);
    expect(sourceProblem('A blog post.')).toMatch(/no clinical or academic source/);
    expect(sourceProblem(`NHS, "Chest pain". ${ALSO} Verywell Health.`)).toBeUndefined();
    expect(sourceKinds('Betts D, Budd S. Acupunct Med 2011;29(2):137-139.')).toEqual(['journal']);
    expect(sourceKinds('Cochrane Database Syst Rev 2015;(9):CD007575')).toContain('journal');
  });

  it('every routine cites a clinical or academic source, and names seed articles only as "Also described in"', () => {
    for (const r of data.routines) {
      expect(r.sources.some((s) => !s.startsWith(ALSO) && sourceKinds(s).some((k) => k !== 'seed')), r.id).toBe(true);
      for (const s of r.sources) if (sourceKinds(s).includes('seed')) expect(s.startsWith(ALSO), `${r.id}: ${s}`).toBe(true);
    }
  });
});

describe('pressure', () => {
  const LIGHT = /\b(?:light(?:ly)?(?!-headed)|gentl[ey]|light touch)\b|do not press (?:hard|deeply)/i;

  it('a point whose caution says to press lightly sets pressure: gentle', () => {
    const wrong = data.points.filter((p) => p.cautions.some((k) => k.level === 'caution' && LIGHT.test(k.reason)) && p.pressure !== 'gentle').map((p) => p.id);
    expect(wrong).toEqual([]);
    for (const id of ['ST10', 'ST11', 'ST12', 'LI18', 'SI16', 'SI17', 'HT1', 'SP11', 'SP12', 'LR12', 'CV23', 'ST30']) expect(catalog.points.get(id)!.pressure, id).toBe('gentle');
    expect(catalog.points.get('SI16')!.cautions.some((k) => k.condition === 'general' && /carotid/.test(k.reason))).toBe(true);
  });

  it('no cue or find asks for more pressure than its point allows, and no technique more than its own pressure', () => {
    const over: string[] = [];
    for (const r of data.routines) {
      r.steps.forEach((s, i) => {
        const ids = s.kind === 'press' ? [s.point] : s.kind === 'massage' ? massagePoints(s) : [];
        for (const id of ids) {
          const p = catalog.points.get(id)!;
          for (const text of [s.cue, s.kind === 'press' ? s.find : undefined]) {
            if (text && exceeds(pressureAsked(text), p.pressure)) over.push(`${r.id} steps[${i}] ${id} (${p.pressure ?? 'moderate'}): ${text}`);
          }
        }
      });
    }
    for (const p of data.points) if (p.technique && exceeds(pressureAsked(p.technique), p.pressure)) over.push(`${p.id} technique (${p.pressure ?? 'moderate'})`);
    expect(over).toEqual([]);
  });

  it('a cue said within a caution\'s pressure keeps every clause that guards the person, and asks for no more than the cap', () => {
    // Every built-in press cue, at both caps a caution can set: what a clause says not to do, to
    // keep off, or when to stop survives word for word from its safety word on.
    const lost: string[] = [];
    for (const r of data.routines) {
      r.steps.forEach((s, i) => {
        if (s.kind !== 'press') return;
        for (const cue of [s.cue, s.cueOneSide]) {
          if (!cue) continue;
          const guards = cue.split(/[.;:,!?]\s+|\s+(?=but\s)/).flatMap((c) => {
            const at = guardAt(c);
            return at >= 0 ? [c.slice(at).replace(/[.;:,!?]+$/, '').toLowerCase()] : [];
          });
          for (const cap of ['gentle', 'moderate'] as const) {
            const said = withinPressure(cue, cap);
            if (exceeds(pressureAsked(said), cap)) lost.push(`${r.id} steps[${i}] at ${cap} asks for more: ${said}`);
            for (const g of guards) if (!said.toLowerCase().includes(g)) lost.push(`${r.id} steps[${i}] at ${cap} lost "${g}": ${said}`);
          }
        }
      });
    }
    expect(lost).toEqual([]);
  });

  it('reads pressure words in context', () => {
    expect(pressureAsked('Press down firmly.')).toBe('firm');
    expect(pressureAsked('Lean back into them.')).toBe('firm');
    expect(pressureAsked('Press gently up into the brow bone, never hard into the eye.')).toBe('gentle');
    expect(pressureAsked('It is hard to reach; breathe deeply.')).toBeUndefined();
    expect(pressureAsked('Use gentle to moderate pressure.')).toBe('moderate');
    expect(exceeds('firm', 'moderate')).toBe(true);
    expect(exceeds('moderate', undefined)).toBe(false);
  });

  // GB20's "let your head grow heavy on your thumbs" stood beside neck-arteries' "keep pressure
  // here light": the head's weight is more than a light touch, so a light cap says the cue without it.
  it('the head\'s weight on the thumbs asks for moderate pressure, and a light cap leaves that clause out', () => {
    for (const cue of ['Press up and in, and let your head grow heavy on your thumbs.', 'Press up and in, and rest your head on them.', 'Press up and in, and let your head grow heavy.']) {
      expect(pressureAsked(cue), cue).toBe('moderate');
      expect(withinPressure(cue, 'gentle'), cue).toBe('Press up and in.');
      expect(withinPressure(cue, 'moderate'), cue).toBe(cue);
    }
    expect(pressureAsked('Rest your head in your hands.')).toBeUndefined();
  });

  it('the fixed cues: GV20, PC6 and LR3 are no longer pressed firmly, and BL23 no longer leans body weight', () => {
    const cue = (r: string, point: string) => catalog.routines.get(r)!.steps.find((s) => s.kind === 'press' && s.point === point)!.cue!;
    expect(cue('energy', 'GV20')).not.toMatch(/firm/i);
    expect(cue('nausea', 'PC6')).not.toMatch(/firm/i);
    expect(cue('menstrual-cramps', 'LR3')).not.toMatch(/firm/i);
    expect(cue('feet', 'LR3')).toMatch(/pulse/);
    expect(cue('low-back', 'BL23')).not.toMatch(/waist|lean back/i);
    expect(cue('low-back', 'BL23')).toMatch(/bottom of your ribs/);
  });
});

describe('points never to press yourself', () => {
  it('ST9, GV1, CV1, ST1 and the points inside the mouth and nostril are avoid for everyone', () => {
    for (const id of ['ST9', 'GV1', 'CV1', 'ST1', 'GV28', 'EX-HN7', 'EX-HN10']) expect(levelsFor(id, []), id).toContain('general:avoid');
    const ids = neverPress(catalog).map((n) => n.point.id);
    expect(ids).toEqual(expect.arrayContaining(['ST1', 'ST9', 'GV1', 'CV1']));
    // Not the points people are meant to press.
    for (const id of ['LI4', 'PC6', 'ST36', 'GB20', 'ST2', 'BL2']) expect(ids).not.toContain(id);
  });
});

describe('routine text', () => {
  it('the ST36 find text measures four finger-widths from the top edge of the index finger', () => {
    expect(catalog.points.get('ST36')!.find).toMatch(/top edge of the index finger at the hollow/);
  });

  it('summaries name each point as its file does (id or pinyin of a point the routine uses)', () => {
    const wrong: string[] = [];
    for (const r of data.routines) {
      const used = r.steps.flatMap((s) => (s.kind === 'press' ? [s.point] : s.kind === 'massage' ? massagePoints(s) : []));
      const names = new Set(used.flatMap((id) => [id, plain(catalog.points.get(id)!.pinyin)]));
      for (const m of r.summary.matchAll(/\(([^)]*)\)/g)) {
        for (const tok of m[1]!.split(/,\s*|\s+/)) if (/^[A-Z]/.test(tok) && !names.has(tok) && !names.has(plain(tok))) wrong.push(`${r.id}: ${tok}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('headache red flags include pre-eclampsia and a headache that wakes you or worsens lying down or coughing', () => {
    const flags = catalog.routines.get('headache')!.red_flags.join('\n');
    expect(flags).toMatch(/pregnant or in the weeks after giving birth/);
    expect(flags).toMatch(/wakes you .*lie down, cough/);
  });

  it('nausea names its red-flag symptoms as alternatives; eye-strain says to take out contact lenses', () => {
    expect(catalog.routines.get('nausea')!.red_flags.join('\n')).toMatch(/any one of these/);
    const eye = catalog.routines.get('eye-strain')!;
    expect(eye.steps[0]!.cue).toMatch(/contact lenses/);
    expect(eye.contraindications.join('\n')).toMatch(/eye surgery, with an eye infection or with glaucoma/);
    expect(eye.tips).toEqual(['Take out contact lenses before you start.']);
  });

  // A red flag is shown as "Get medical help instead if" (check: "Get help first, not acupressure"):
  // each must send the reader to someone who can help, by name ("get it checked" names no one);
  // how hard to press or what to skip is a tip, and who should not use the routine a contraindication.
  const WHOM = /\b(?:(?:see|talk to|contact|call|ask) (?:a |an |your )?(?:doctor|GP|dentist|midwife|therapist|maternity service|foot-care team)|(?:urgent )?(?:medical|dental)(?: or (?:medical|dental))? help|emergency services|emergency department|urgent care|crisis line)\b/i;
  it('the pattern for whom to get help from fails on text that names no one', () => {
    for (const vague of ['Shoulder pain after a fall: get it checked.', 'Thoughts of self-harm: get help now.', 'Chest pain: get help.', 'A hot joint: seek advice.', 'Emergency: stop.']) expect(vague).not.toMatch(WHOM);
    for (const named of ['see a doctor.', 'call emergency services or a crisis line now.', 'get urgent dental or medical help.', 'contact your maternity service now.']) expect(named).toMatch(WHOM);
  });
  it('every red flag says whom to get help from; everyday advice is in tips', () => {
    for (const r of catalog.routines.values()) {
      for (const f of r.red_flags) expect(f, `${r.id}: ${f}`).toMatch(WHOM);
      for (const f of r.red_flags) expect(f, `${r.id}: ${f}`).not.toMatch(/should never hurt|^If you (?:are|might be) pregnant|^Skip |^Avoid areas|^If you have diabetes/i);
    }
    expect(catalog.routines.get('basics')!.red_flags).toEqual([]);
    expect(catalog.routines.get('basics')!.tips.join('\n')).toMatch(/Pressure should never hurt/);
    // The wound the diabetes note watches for is a red flag; who should ask first, a contraindication.
    const feet = catalog.routines.get('feet')!;
    expect(feet.contraindications.join('\n')).toMatch(/diabetes or numb feet, ask your doctor or foot-care team .* press gently/);
    expect(feet.red_flags.join('\n')).toMatch(/wound, blister or sore .* see your doctor or foot-care team/);
  });

  // Who should not use a routine is never a tip (--no-tips hides tips): each contraindication names
  // whom it concerns and whom to ask, and no tip is about a group of people.
  it('every contraindication names whom it concerns and whom to ask; no tip names a condition', () => {
    const concerns = /^(?:If you (?:are|have|take)|After eye surgery)\b/;
    const ask = /\b(?:ask|asked|talk to)\b[^.]*?\b(?:doctor|midwife|obstetrician|foot-care team)\b/i;
    const groups = /pregnan|bleeding disorder|blood thinners|osteoporosis|glaucoma|eye surgery|diabetes|numb feet/i;
    for (const r of catalog.routines.values()) {
      for (const f of r.contraindications) {
        expect(f, `${r.id}: ${f}`).toMatch(concerns);
        expect(f, `${r.id}: ${f}`).toMatch(ask);
      }
      for (const f of r.tips) expect(f, `${r.id}: ${f}`).not.toMatch(groups);
      for (const f of r.red_flags) expect(f, `${r.id}: ${f}`).not.toMatch(/^If you (?:are|might be|have)/);
    }
    // Each routine whose own text says it is not for pregnancy says so as a contraindication.
    for (const id of ['basics', 'classic', 'constipation', 'menstrual-cramps', 'nausea', 'techniques']) {
      expect(catalog.routines.get(id)!.contraindications.join('\n'), id).toMatch(/^If you (?:are|are or might be) pregnant/m);
    }
    expect(catalog.routines.get('techniques')!.contraindications.join('\n')).toMatch(/bleeding disorder or take blood thinners, ask your doctor first, .* leave out the kneading/);
  });
});

// A contraindication about a condition acupress knows names the flag that makes acupress act on it
// (--pregnant, --condition bleeding): that is how a reader without a profile learns the way to skip
// the steps, and how these tests link the text to the rules `check` applies. One that names no flag
// (diabetes or numb feet, a routine to use instead) is general and is not linked.
const FLAG_END = '(?![\\w-])';
function namedConditions(text: string, conditions: Condition[]): string[] {
  return conditions.filter((c) => new RegExp(`--condition ${c.id}${FLAG_END}`).test(text) || (c.flag !== undefined && new RegExp(`--${c.flag}${FLAG_END}`).test(text))).map((c) => c.id);
}

describe('contraindications and the rules check applies', () => {
  it('link a text to a condition by its flag, and only by its own', () => {
    const all = choosableConditions(catalog);
    expect(namedConditions('If you have, or may have, a blood clot (--condition blood-clot --skip-unsafe skips it).', all)).toEqual(['blood-clot']);
    expect(namedConditions('If you are pregnant, skip LI4 (--pregnant --skip-unsafe skips it).', all)).toEqual(['pregnancy']);
    expect(namedConditions('If you have a bleeding disorder or take blood thinners, ask your doctor first.', all)).toEqual([]);
    expect(namedConditions('(--condition eye-conditions --skip-unsafe skips them)', all)).toEqual(['eye-conditions']);
  });

  // Contraindications are shown before every run, with or without a profile (run shoulders --yes
  // from cron): whoever is on blood thinners must read there what check bleeding refuses.
  it('every condition under which check finds something to avoid in a routine is named by its contraindications', () => {
    const missing: string[] = [];
    for (const r of catalog.routines.values()) {
      const named = new Set(r.contraindications.flatMap((t) => namedConditions(t, choosableConditions(catalog))));
      for (const c of choosableConditions(catalog)) {
        const avoid = routineFindings(catalog, r, [c]).filter((f) => f.condition === c.id && f.level === 'avoid');
        if (avoid.length > 0 && !named.has(c.id)) missing.push(`${r.id}: ${c.id} (${[...new Set(avoid.map((f) => f.point ?? f.region ?? f.technique))].join(', ')})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no contraindication names a condition under which nothing in the routine is flagged', () => {
    const claims: string[] = [];
    for (const r of catalog.routines.values()) {
      for (const text of r.contraindications) {
        for (const id of namedConditions(text, choosableConditions(catalog))) {
          if (!routineFindings(catalog, r, [cond(id)]).some((f) => f.condition === id)) claims.push(`${r.id}: ${id}`);
        }
      }
    }
    expect(claims).toEqual([]);
    // techniques once warned about osteoporosis, which flags nothing in it, and left out neck arteries.
    const techniques = catalog.routines.get('techniques')!.contraindications.join('\n');
    expect(techniques).not.toMatch(/osteoporosis/);
    expect(techniques).toMatch(/--condition neck-arteries/);
  });

  it('shoulders says, before every run, what to leave out on blood thinners and with osteoporosis', () => {
    const text = catalog.routines.get('shoulders')!.contraindications.join('\n');
    expect(text).toMatch(/blood thinners, .*leave out the kneading of the shoulder tops.*--condition bleeding --skip-unsafe/);
    expect(text).toMatch(/osteoporosis, .*leaning into a ball for SI11.*--condition osteoporosis --skip-unsafe/);
  });
});

describe('conditions read with others', () => {
  it('read_also names known conditions, never itself, exactly when the advice says to read their advice too', () => {
    for (const c of catalog.conditions.values()) {
      for (const id of c.read_also) {
        expect(catalog.conditions.has(id), `${c.id} reads ${id}`).toBe(true);
        expect(id, c.id).not.toBe(c.id);
      }
      const said = [...c.advice.matchAll(/\bread the ([a-z-]+) advice\b/g)].map((m) => m[1]);
      expect(said, c.id).toEqual(c.read_also);
    }
    expect(cond('blood-clot').read_also).toEqual(['bleeding']);
  });

  it('offers as safer only routines with nothing to avoid under the condition and those it reads too', () => {
    for (const c of choosableConditions(catalog)) {
      // Spelled out here, not by withReadAlso, so a withReadAlso that forgot them would fail.
      const judged = [c, ...c.read_also.map(cond)];
      const avoids = (id: string) => hasAvoid(routineFindings(catalog, catalog.routines.get(id)!, judged));
      for (const r of routinesWithoutAvoid(catalog, [c])) expect(avoids(r.id), `${c.id}: ${r.id}`).toBe(false);
      for (const r of catalog.routines.values()) {
        if (!hasAvoid(routineFindings(catalog, r, [c]))) continue;
        for (const s of saferAlternatives(catalog, r, [c])) expect(avoids(s.id), `${c.id}, instead of ${r.id}: ${s.id}`).toBe(false);
      }
    }
    // The tester's case: with a clot, shoulders (kneading, which bleeding avoids) is not offered,
    // though nothing in it is avoided for the clot itself.
    const clot = [cond('blood-clot')];
    expect(hasAvoid(routineFindings(catalog, catalog.routines.get('shoulders')!, clot))).toBe(false);
    expect(routinesWithoutAvoid(catalog, clot).map((r) => r.id)).not.toContain('shoulders');
    expect(saferAlternatives(catalog, catalog.routines.get('energy')!, clot).map((r) => r.id)).not.toContain('shoulders');
    expect(routinesWithoutAvoid(catalog, clot).length).toBeGreaterThan(3);
  });
});

describe('massage steps', () => {
  it('every built-in massage step names its region', () => {
    for (const r of data.routines) r.steps.forEach((s, i) => { if (s.kind === 'massage') expect(s.regions.length, `${r.id} steps[${i}]`).toBeGreaterThan(0); });
  });

  it('massage on the tops of the shoulders works GB21, named or inferred from the area', () => {
    for (const r of data.routines) {
      r.steps.forEach((s, i) => {
        if (s.kind === 'massage' && /top|squeeze|knead/i.test(`${s.area} ${s.cue ?? ''}`) && /shoulder/i.test(`${s.area} ${s.cue ?? ''}`) && s.motion !== 'stretching') {
          expect(massagePoints(s), `${r.id} steps[${i}]`).toContain('GB21');
        }
      });
    }
    expect(massagePoints({ area: 'the tops of both shoulders', points: [] })).toEqual(['GB21']);
    expect(massagePoints({ area: 'shoulder tops', points: [] })).toEqual(['GB21']);
    expect(massagePoints({ area: 'palms of both hands', points: [] })).toEqual([]);
  });

  it('pregnancy avoids the shoulder-top massage in techniques, shoulders, evening and neck, so --skip-unsafe skips it', () => {
    const preg = [cond('pregnancy')];
    for (const id of ['techniques', 'shoulders', 'evening', 'neck']) {
      const r = catalog.routines.get(id)!;
      const skipped = unsafeSteps(routineFindings(catalog, r, preg));
      const massage = r.steps.findIndex((s) => s.kind === 'massage' && s.points.includes('GB21'));
      expect(massage, id).toBeGreaterThanOrEqual(0);
      expect(skipped.has(massage), id).toBe(true);
    }
  });
});

describe('conditions, corrected', () => {
  it('CV4 is avoid in pregnancy; the sacral points keep the tradition without an unsupported mechanism', () => {
    expect(levelsFor('CV4', ['pregnancy'])).toContain('pregnancy:avoid');
    const sacral = cond('pregnancy').rules.find((r) => r.points?.includes('BL31'))!;
    expect(sacral.reason).not.toMatch(/nerve/i);
  });

  // GB21 and BL60 cited a source that included Birch, whose most-named points are LI4, SP6, CV4
  // and BL67: a reader of [n] would think Birch named them too.
  it('each core pregnancy point cites exactly the works its cited_by names, in texts check prints once each', () => {
    const core = cond('pregnancy').rules.filter((r) => r.points && ['LI4', 'SP6', 'GB21', 'BL60', 'BL67'].includes(r.points[0]!));
    expect(core).toHaveLength(5);
    const works: Record<string, RegExp> = { 'Deadman 2007': /Deadman P/, 'Betts 2006': /Betts D\. The Essential Guide/, 'Betts & Budd 2011': /Betts D, Budd S/, 'Birch (undated)': /Birch S\./ };
    for (const r of core) {
      const cited = Object.keys(works).filter((w) => works[w]!.test(r.source));
      expect(cited, r.points!.join(' ')).toEqual(Object.keys(works).filter((w) => r.cited_by!.includes(w)));
    }
    expect(new Set(core.map((r) => r.source)).size).toBe(2);
  });

  it('pregnancy cites no seed article, not even as "also described in" the physiotherapy clinic article; its clinical sources carry the claim', () => {
    const preg = cond('pregnancy');
    const sources = [...preg.rules, ...preg.recommended].map((r) => r.source);
    for (const src of sources) expect(src).not.toMatch(/physiotherapy clinic|Synergy of Two|downtownphysio/i);
    // Asking before trying it at all rests on the University of Minnesota and Mayo Clinic pages.
    const ask = preg.rules.find((r) => r.practice && /before you try/.test(r.reason))!;
    expect(ask.source).toMatch(/University of Minnesota.*pregnant.*consult/s);
    expect(ask.source).toMatch(/Mayo Clinic/);
  });

  it('every short name in cited_by has a year (or says the paper is undated), and its full reference is in the source', () => {
    for (const c of catalog.conditions.values()) {
      for (const r of c.rules) {
        for (const name of r.cited_by ?? []) {
          expect(name, `${c.id}: ${name}`).toMatch(/ (?:(?:19|20)\d{2}|\(undated\))$/);
          const author = name.split(/[ ,&]/)[0]!;
          expect(r.source, `${c.id}: ${name}`).toMatch(new RegExp(`\\b${author} [A-Z]`));
        }
      }
    }
    // Birch: author, title, that it is undated, who published it and where it is.
    const birch = cond('pregnancy').rules.find((r) => r.points?.[0] === 'CV4')!;
    expect(birch.cited_by).toContain('Birch (undated)');
    expect(birch.source).toMatch(/^Birch S\. The problem of acupoint contraindications in pregnancy\. Foundation for the Study of Traditional East Asian Medicine, Amsterdam; undated paper \(after 1999\), Paradigm Publications, http:\/\/www\.paradigm-pubs\.com\/Birch-Contra/);
  });

  it('heart disease asks only what its sources support: tell your team, and stop for warning signs; no seed article', () => {
    const heart = cond('heart-disease');
    const practice = heart.rules.find((r) => r.practice)!;
    expect(practice.level).toBe('caution');
    expect(practice.reason).not.toMatch(/check with your cardiology team before/i);
    expect(practice.reason).toMatch(/^Acupressure is not a treatment for heart disease\. Tell your doctor or cardiology team/);
    expect(practice.source).toMatch(/^NCCIH, "Acupuncture: An Introduction" \(tell your health care providers/);
    expect(practice.source).toMatch(/American Heart Association, "Warning Signs of a Heart Attack"/);
    for (const r of heart.rules) expect(sourceKinds(r.source)).not.toContain('seed');
    expect(heart.advice).not.toMatch(/lie flat|before you start/);
    // The carotid rule's "not after a heart attack" is the Newcastle protocol's three months, cited.
    const carotid = heart.rules.find((r) => r.points?.includes('ST9'))!;
    expect(carotid.reason).toMatch(/not at all within three months of a heart attack\.$/);
    expect(carotid.source).toMatch(/O'Shea D, Parry SW\. The Newcastle protocol for carotid sinus massage\. J Am Geriatr Soc 2001;49\(2\):236-237/);
  });

  it('KI3 and LU7 each have their own pregnancy caution, naming only themselves', () => {
    const ki3 = pointFindings(catalog.points.get('KI3')!, [cond('pregnancy')], 'KI3');
    expect(ki3.map((f) => `${f.condition}:${f.level}`)).toEqual(['pregnancy:caution']);
    expect(ki3[0]!.reason).toMatch(/^Taixi, behind the inner ankle bone/);
    expect(ki3[0]!.reason).not.toMatch(/Lieque|LU7|wrist/);
    const lu7 = pointFindings(catalog.points.get('LU7')!, [cond('pregnancy')], 'LU7');
    expect(lu7[0]!.reason).toMatch(/^Lieque, above the wrist/);
    expect(lu7[0]!.reason).not.toMatch(/Taixi|KI3|ankle/);
  });

  it('GB20 is found and pressed with one hand for one side (run --side left), both hands only for both sides', () => {
    const gb20 = catalog.points.get('GB20')!;
    expect(gb20.find).not.toMatch(/\bthumbs\b/);
    expect(gb20.find).toMatch(/^Rest a thumb at the base of the skull just behind the ear/);
    expect(gb20.find).toMatch(/One hand finds one side; use both hands to find both sides at once\.$/);
    expect(gb20.technique).not.toMatch(/\bboth thumbs\b/);
  });

  it('a blood clot leaves out the hip and groin, and cautions about the arm after a line', () => {
    for (const id of ['GB30', 'ST30', 'SP12', 'LR12']) expect(levelsFor(id, ['blood-clot']), id).toContain('blood-clot:avoid');
    const arm = cond('blood-clot').rules.find((r) => r.regions?.includes('arm'))!;
    expect(arm.level).toBe('caution');
    expect(arm.reason).toMatch(/PICC/);
  });

  it('artery disease and a neck injury caution GB20 and BL10; eye conditions avoid the points around the eye', () => {
    for (const id of ['GB20', 'BL10']) {
      expect(levelsFor(id, ['neck-arteries']), id).toContain('neck-arteries:caution');
      expect(levelsFor(id, ['recent-injury']), id).toContain('recent-injury:caution');
    }
    expect(levelsFor('ST9', ['neck-arteries'])).toContain('neck-arteries:avoid');
    for (const id of ['BL1', 'BL2', 'ST1', 'ST2', 'GB1', 'TE23', 'EX-HN4']) expect(levelsFor(id, ['eye-conditions']), id).toContain('eye-conditions:avoid');
  });

  it('indications that can be emergencies carry an urgent-care warning wherever they appear', () => {
    const EMERGENCIES = ['chest-pain', 'chest-tightness', 'shortness-of-breath', 'breathlessness', 'wheezing', 'asthma', 'palpitations', 'fainting', 'epilepsy', 'facial-paralysis'];
    const missing: string[] = [];
    for (const p of data.points) {
      for (const tag of p.indications.filter((t) => EMERGENCIES.includes(t))) {
        if (!urgentFor(catalog, p).some((u) => u.matched.includes(tag))) missing.push(`${p.id} ${tag}`);
      }
    }
    expect(missing).toEqual([]);
    expect(urgentFor(catalog, catalog.points.get('PC4')!).map((u) => u.matched).flat()).toContain('chest-pain');
  });

  it('general is not a condition anyone chooses, and says how to press for everyone', () => {
    const g = cond('general');
    expect(g.flag).toBeUndefined();
    expect(g.rules.every((r) => r.practice && r.level === 'caution')).toBe(true);
  });
});

describe('the body part a cue names for each side', () => {
  // Each word a cue may say, and what the point's own location must mention for it to be true.
  const MENTIONS: Record<string, RegExp> = {
    hand: /\b(?:hand|finger|thumb|palm|knuckle|metacarpal|nail)/i,
    wrist: /\bwrist/i,
    forearm: /\bforearm/i,
    arm: /\b(?:arm|elbow|olecranon|biceps|humerus|deltoid)/i,
    foot: /\b(?:foot|toe|sole|ankle|heel|malleol|achilles|metatarsal|instep)/i,
  };

  it('every one of the 410 points: its cue says the part its location is on (PC6, TE5, LU7 and LI10 the forearm; LI11 the arm), or a side', () => {
    expect(data.points.length).toBe(410);
    for (const p of data.points) {
      const left = pressCue('locate', p, 'left', {});
      const word = limbWord(p.region);
      if (p.laterality === 'midline') continue;
      expect(left, p.id).toContain(`on your left ${word}:`);
      expect(pressCue('hold', p, 'right', {}), p.id).toContain(`, right ${word}.`);
      expect(pressCue('switch', p, 'left', { next: 'right' }), p.id).toBe(`Switch to the right ${word}.`);
      if (word === 'side') expect(['hand', 'wrist', 'forearm', 'arm', 'foot', 'ankle'], p.id).not.toContain(p.region);
      else expect(p.location, `${p.id} (${p.region}) is said to be on the ${word}`).toMatch(MENTIONS[word]!);
    }
    const said = (id: string) => pressCue('locate', catalog.points.get(id)!, 'left', {});
    for (const id of ['PC6', 'TE5', 'LU7', 'LI10']) expect(said(id), id).toContain('on your left forearm:');
    expect(said('LI11')).toContain('on your left arm:');
    expect(said('LI4')).toContain('on your left hand:');
    expect(said('PC7')).toContain('on your left wrist:');
    expect(said('ST36')).toContain('on your left side:');
  });
});
