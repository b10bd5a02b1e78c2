// Figures as data (issue 19): the views validate, every built-in point is placed, and the
// placements keep anatomical order, proportional cun, the midline and the person's left side.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../src/store/snapshot.js';
import { buildFigureViews } from '../src/store/build-figures.js';
import { loadFigureViews } from '../src/store/figures.js';
import { FIGURE_VIEWS, figureSchema, figureViewSchema } from '../src/model/figure-schema.js';
import { pointFileSchema, pointSchema, REGIONS } from '../src/model/schema.js';
import { figureOnSide } from '../src/core/figure-side.js';
import type { FigureView, Point } from '../src/model/types.js';
import { checkYamlText } from '../src/store/yaml-load.js';
import { ExitError } from '../src/model/errors.js';
import { ROOT, cli, tempDir } from './helpers.js';

let points: Map<string, Point>;
let views: Map<string, FigureView>;
// From the build snapshot (data.test.ts checks it matches the YAML), so no worker spends long
// seconds parsing YAML; the views once from YAML, since their validation is under test here.
beforeAll(() => {
  points = readSnapshot(join(ROOT, 'dist/data'))!.points as Map<string, Point>;
  views = new Map(buildFigureViews(join(ROOT, 'data')).map((v) => [v.id, v]));
});
const fig = (id: string) => {
  const f = points.get(id)?.figure;
  if (!f) throw new Error(`${id} has no figure`);
  return f;
};

describe('views', () => {
  it('has one file per view id, each valid', () => {
    const files = readdirSync(join(ROOT, 'data/figures')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
    expect(files).toEqual([...FIGURE_VIEWS].sort());
    expect([...views.keys()]).toEqual([...FIGURE_VIEWS]);
  });

  it('uses absolute M, L, C and Z only, inside the box', () => {
    for (const v of views.values()) {
      for (const d of [...v.outlines, ...v.details]) {
        expect(d, v.id).toMatch(/^M [\d.\s MLCZ-]+$/);
        const nums = d.replace(/[MLCZ]/g, ' ').trim().split(/\s+/).map(Number);
        expect(nums.length % 2, v.id).toBe(0);
        for (let i = 0; i < nums.length; i += 2) {
          expect(nums[i]!, `${v.id} x`).toBeGreaterThanOrEqual(0);
          expect(nums[i]!, `${v.id} x`).toBeLessThanOrEqual(v.box.width);
          expect(nums[i + 1]!, `${v.id} y`).toBeGreaterThanOrEqual(0);
          expect(nums[i + 1]!, `${v.id} y`).toBeLessThanOrEqual(v.box.height);
        }
      }
    }
  });

  it('says which side it shows: symmetric views mirror about the midline, one-sided views show the left', () => {
    for (const v of views.values()) {
      if (v.mirror) expect([v.side, typeof v.person_left], v.id).toEqual(['none', 'string']);
      else expect(v.side, v.id).toBe('left');
    }
    expect(views.get('face')!.person_left).toBe('viewer-right');
    expect(views.get('back')!.person_left).toBe('viewer-left');
  });

  it('draws every body region as an area on some view, inside the box', () => {
    const covered = new Set([...views.values()].flatMap((v) => v.areas.map((a) => a.region)));
    expect([...REGIONS].filter((r) => !covered.has(r))).toEqual([]);
    for (const v of views.values()) {
      for (const a of v.areas) {
        expect(a.x - a.rx, `${v.id} ${a.region}`).toBeGreaterThanOrEqual(-0.001);
        expect(a.x + a.rx, `${v.id} ${a.region}`).toBeLessThanOrEqual(1.001);
        expect(a.y - a.ry, `${v.id} ${a.region}`).toBeGreaterThanOrEqual(-0.001);
        expect(a.y + a.ry, `${v.id} ${a.region}`).toBeLessThanOrEqual(1.001);
        if (v.mirror && a.x !== 0.5) expect(a.x < 0.5, `${v.id} ${a.region} on the person's left`).toBe(v.person_left === 'viewer-left');
      }
    }
  });

  it('rejects a view that is not ours to draw: unknown ids, markup in path data, bad fractions', () => {
    const ok = { id: 'face', title: 'Face', shows: 'front', side: 'none', mirror: true, person_left: 'viewer-right', box: { width: 10, height: 10 }, outlines: ['M 0 0 L 10 10'] };
    expect(figureViewSchema.safeParse(ok).success).toBe(true);
    expect(figureViewSchema.safeParse({ ...ok, id: 'tail' }).success).toBe(false);
    expect(figureViewSchema.safeParse({ ...ok, outlines: ['M 0 0"/><script>'] }).success).toBe(false);
    expect(figureViewSchema.safeParse({ ...ok, side: 'left' }).success).toBe(false);
    expect(figureViewSchema.safeParse({ ...ok, person_left: undefined }).success).toBe(false);
    expect(figureViewSchema.safeParse({ ...ok, landmarks: [{ name: 'x', x: 1.2, y: 0 }] }).success).toBe(false);
  });

  it('reads the views from the build snapshot, in the same shape as the YAML', async () => {
    const built = await loadFigureViews(join(ROOT, 'dist/data'));
    expect([...built.values()]).toEqual(JSON.parse(JSON.stringify([...views.values()])));
  });

  it.each([
    ['truncated', (t: string) => t.slice(0, 200), /is damaged \(.+\)/],
    ['an empty object', () => '{}', /is damaged \(not the data this build wrote\)/],
    ['[null]', () => '[null]', /is damaged \(not the data this build wrote\)/],
    ['a view short of its outlines', (t: string) => JSON.stringify(JSON.parse(t).map((v: FigureView, i: number) => (i === 3 ? { ...v, outlines: 'M 0 0' } : v))), /is damaged \(not the data this build wrote\)/],
    ['missing beside the rest of the snapshot', () => undefined, /is missing/],
  ])('a figures.json %s is a damaged installation: one line naming it, exit 70', async (_, make, why) => {
    const dir = tempDir('acupress-figures-');
    cpSync(join(ROOT, 'dist/data'), dir, { recursive: true });
    const text = make(readFileSync(join(dir, 'figures.json'), 'utf8'));
    if (text === undefined) rmSync(join(dir, 'figures.json'));
    else writeFileSync(join(dir, 'figures.json'), text);
    const e = await loadFigureViews(dir).then(() => undefined, (err: unknown) => err);
    expect(e).toBeInstanceOf(ExitError);
    expect((e as ExitError).exitCode).toBe(70);
    expect((e as ExitError).message).toMatch(new RegExp(`^the built-in data file ${dir}/figures\\.json ${why.source}; reinstall acupress$`));
  });
});

describe('placements', () => {
  it('every built-in point has a figure on an existing view, inside its box', () => {
    expect(points.size).toBe(410);
    const missing = [...points.values()].filter((p) => !p.figure).map((p) => p.id);
    expect(missing).toEqual([]);
    for (const p of points.values()) expect(views.has(p.figure!.view), p.id).toBe(true);
  });

  it('puts every figure line right after the location line, one line per point', () => {
    for (const f of readdirSync(join(ROOT, 'data/points'))) {
      const lines = readFileSync(join(ROOT, 'data/points', f), 'utf8').split('\n');
      lines.forEach((l, i) => {
        if (/^\s+figure:/.test(l)) expect(lines[i - 1], `${f}:${i + 1}`).toMatch(/^    location: /);
      });
    }
  });

  it('midline points sit on the midline of a symmetric view', () => {
    // EX-HN12 and EX-HN13 are single points on the veins either side of the tongue's frenulum.
    const beside: Record<string, 'left' | 'right'> = { 'EX-HN12': 'left', 'EX-HN13': 'right' };
    for (const p of points.values()) {
      if (p.laterality !== 'midline') continue;
      const v = views.get(p.figure!.view)!;
      expect(v.mirror, `${p.id} on ${v.id}`).toBe(true);
      const side = beside[p.id];
      if (!side) expect(p.figure!.x, p.id).toBe(0.5);
      else {
        // On the face the person's left is on the viewer's right.
        expect(Math.abs(p.figure!.x - 0.5), p.id).toBeLessThan(0.03);
        expect(p.figure!.x > 0.5, p.id).toBe(side === 'left');
      }
    }
  });

  it('bilateral points on a symmetric view are placed on the person\'s left half', () => {
    for (const p of points.values()) {
      const v = views.get(p.figure!.view)!;
      if (p.laterality !== 'bilateral' || !v.mirror) continue;
      for (const m of [p.figure!, ...(p.figure!.also ?? [])]) {
        if (v.person_left === 'viewer-right') expect(m.x, p.id).toBeGreaterThan(0.5);
        else expect(m.x, p.id).toBeLessThan(0.5);
      }
    }
  });

  it('the marks of a midline group are symmetric (EX-HN1 around GV20)', () => {
    const f = fig('EX-HN1');
    const xs = [f.x, ...f.also!.map((m) => m.x)].map((x) => Math.round((x - 0.5) * 1000)).sort((a, b) => a - b);
    expect(xs).toEqual([...xs].map((x) => 0 - x + 0).sort((a, b) => a - b));
    expect(fig('GV20').x).toBe(0.5);
  });

  it('draws the right side as the mirror of the left', () => {
    const li4 = fig('LI4'), hand = views.get('hand-back')!;
    expect(figureOnSide(li4, hand, 'left')).toEqual({ view: 'hand-back', marks: [{ x: li4.x, y: li4.y }], flip: false });
    expect(figureOnSide(li4, hand, 'right')).toEqual({ view: 'hand-back', marks: [{ x: Math.round((1 - li4.x) * 1000) / 1000, y: li4.y }], flip: true });
    const gb20 = fig('GB20'), back = views.get('head-back')!;
    const [l, r] = (['left', 'right'] as const).map((s) => figureOnSide(gb20, back, s));
    expect(l!.flip || r!.flip).toBe(false);
    expect(l!.marks[0]!.x + r!.marks[0]!.x).toBeCloseTo(1, 6);
    expect(l!.marks[0]!.y).toBe(r!.marks[0]!.y);
    expect(figureOnSide(fig('GV20'), views.get('head-top')!, 'center').marks[0]!.x).toBe(0.5);
  });
});

// Channels in order along a shared view: `axis` and `dir` say which way the numbers run.
const ORDER: Array<{ view: string; axis: 'x' | 'y'; dir: 1 | -1; ids: string[]; why: string }> = [
  { view: 'face', axis: 'y', dir: 1, ids: ['ST1', 'ST2', 'ST3', 'ST4'], why: 'Stomach down the face below the pupil' },
  { view: 'face', axis: 'y', dir: 1, ids: ['ST9', 'ST10', 'ST11'], why: 'Stomach down the front of the neck' },
  { view: 'face', axis: 'y', dir: 1, ids: ['GV25', 'GV26', 'GV27', 'GV28', 'CV24', 'CV23', 'CV22'], why: 'the midline down the face and neck' },
  { view: 'head-side', axis: 'y', dir: 1, ids: ['GB4', 'GB5', 'GB6', 'GB7'], why: 'Gallbladder down the temple hairline' },
  { view: 'head-side', axis: 'y', dir: 1, ids: ['GB8', 'GB10', 'GB11', 'GB12'], why: 'Gallbladder down behind the ear' },
  { view: 'head-side', axis: 'y', dir: -1, ids: ['TE16', 'TE17', 'TE18', 'TE19', 'TE20'], why: 'Triple Energizer up behind the ear' },
  { view: 'head-back', axis: 'y', dir: -1, ids: ['GV14', 'GV15', 'GV16', 'GV17', 'GV18', 'GV19'], why: 'Governor Vessel up the back of the head' },
  { view: 'head-top', axis: 'y', dir: -1, ids: ['GV20', 'GV21', 'GV22', 'GV23', 'GV24'], why: 'Governor Vessel forward over the top' },
  { view: 'head-top', axis: 'y', dir: 1, ids: ['BL3', 'BL5', 'BL6', 'BL7', 'BL8'], why: 'Bladder back over the top' },
  { view: 'head-top', axis: 'y', dir: 1, ids: ['GB15', 'GB16', 'GB17', 'GB18'], why: 'Gallbladder back over the top' },
  { view: 'chest-belly', axis: 'y', dir: -1, ids: ['CV1', 'CV2', 'CV3', 'CV4', 'CV5', 'CV6', 'CV7', 'CV8', 'CV9', 'CV10', 'CV11', 'CV12', 'CV13', 'CV14', 'CV15', 'CV16', 'CV17', 'CV18', 'CV19', 'CV20', 'CV21'], why: 'Conception Vessel up the front' },
  { view: 'chest-belly', axis: 'y', dir: -1, ids: ['KI11', 'KI12', 'KI13', 'KI14', 'KI15', 'KI16', 'KI17', 'KI18', 'KI19', 'KI20', 'KI21', 'KI22', 'KI23', 'KI24', 'KI25', 'KI26', 'KI27'], why: 'Kidney up the front' },
  { view: 'chest-belly', axis: 'y', dir: 1, ids: ['ST13', 'ST14', 'ST15', 'ST16', 'ST17', 'ST18', 'ST19', 'ST20', 'ST21', 'ST22', 'ST23', 'ST24', 'ST25', 'ST26', 'ST27', 'ST28', 'ST29', 'ST30'], why: 'Stomach down the front' },
  { view: 'chest-belly', axis: 'y', dir: -1, ids: ['SP12', 'SP13', 'SP14', 'SP15', 'SP16', 'SP17', 'SP18', 'SP19', 'SP20'], why: 'Spleen up the front' },
  { view: 'back', axis: 'y', dir: -1, ids: ['GV1', 'GV2', 'GV3', 'GV4', 'GV5', 'GV6', 'GV7', 'GV8', 'GV9', 'GV10', 'GV11', 'GV12', 'GV13'], why: 'Governor Vessel up the spine' },
  { view: 'back', axis: 'y', dir: 1, ids: ['BL11', 'BL12', 'BL13', 'BL14', 'BL15', 'BL16', 'BL17', 'BL18', 'BL19', 'BL20', 'BL21', 'BL22', 'BL23', 'BL24', 'BL25', 'BL26', 'BL27', 'BL28', 'BL29', 'BL30'], why: 'Bladder inner line down the back' },
  { view: 'back', axis: 'y', dir: 1, ids: ['BL31', 'BL32', 'BL33', 'BL34', 'BL35'], why: 'Bladder down the sacral foramina' },
  { view: 'back', axis: 'y', dir: 1, ids: ['BL41', 'BL42', 'BL43', 'BL44', 'BL45', 'BL46', 'BL47', 'BL48', 'BL49', 'BL50', 'BL51', 'BL52', 'BL53', 'BL54'], why: 'Bladder outer line down the back' },
  { view: 'arm-inner', axis: 'x', dir: 1, ids: ['LU3', 'LU4', 'LU5', 'LU6', 'LU7', 'LU8', 'LU9'], why: 'Lung down the arm toward the thumb' },
  { view: 'arm-inner', axis: 'x', dir: 1, ids: ['PC2', 'PC3', 'PC4', 'PC5', 'PC6', 'PC7'], why: 'Pericardium down the arm' },
  { view: 'arm-inner', axis: 'x', dir: 1, ids: ['HT1', 'HT2', 'HT3', 'HT4', 'HT5', 'HT6', 'HT7'], why: 'Heart down the arm' },
  // arm-outer: the hand is on the left, so the numbers that run up the arm run to the right.
  { view: 'arm-outer', axis: 'x', dir: 1, ids: ['LI5', 'LI6', 'LI7', 'LI8', 'LI9', 'LI10', 'LI11', 'LI12', 'LI13', 'LI14', 'LI15'], why: 'Large Intestine up the arm' },
  { view: 'arm-outer', axis: 'x', dir: 1, ids: ['TE4', 'TE5', 'TE6', 'TE8', 'TE9', 'TE10', 'TE11', 'TE12', 'TE13', 'TE14'], why: 'Triple Energizer up the arm' },
  { view: 'arm-outer', axis: 'x', dir: 1, ids: ['SI5', 'SI6', 'SI7', 'SI8'], why: 'Small Intestine up the arm' },
  { view: 'hand-back', axis: 'y', dir: 1, ids: ['LI1', 'LI2', 'LI3', 'LI4'], why: 'Large Intestine from the index finger to the wrist' },
  { view: 'hand-back', axis: 'y', dir: 1, ids: ['SI1', 'SI2', 'SI3', 'SI4'], why: 'Small Intestine from the little finger to the wrist' },
  { view: 'hand-back', axis: 'y', dir: 1, ids: ['TE1', 'TE2', 'TE3'], why: 'Triple Energizer from the ring finger' },
  { view: 'palm', axis: 'y', dir: 1, ids: ['PC9', 'PC8'], why: 'Pericardium from the middle fingertip into the palm' },
  { view: 'leg-front', axis: 'y', dir: 1, ids: ['ST31', 'ST32', 'ST33', 'ST34', 'ST35', 'ST36', 'ST37', 'ST38', 'ST39'], why: 'Stomach down the front of the leg' },
  { view: 'leg-inner', axis: 'y', dir: -1, ids: ['SP6', 'SP7', 'SP8', 'SP9', 'SP10', 'SP11'], why: 'Spleen up the inner leg' },
  { view: 'leg-inner', axis: 'y', dir: -1, ids: ['LR5', 'LR6', 'LR7', 'LR8', 'LR9', 'LR10', 'LR11'], why: 'Liver up the inner leg' },
  { view: 'leg-inner', axis: 'y', dir: -1, ids: ['KI7', 'KI9', 'KI10'], why: 'Kidney up the inner leg' },
  { view: 'leg-outer', axis: 'y', dir: 1, ids: ['GB29', 'GB31', 'GB32', 'GB33', 'GB34', 'GB35', 'GB37', 'GB38', 'GB39'], why: 'Gallbladder down the outer leg' },
  { view: 'leg-back', axis: 'y', dir: 1, ids: ['BL36', 'BL37', 'BL38', 'BL39', 'BL55', 'BL56', 'BL57', 'BL58', 'BL59'], why: 'Bladder down the back of the leg' },
  { view: 'foot-top', axis: 'y', dir: -1, ids: ['ST41', 'ST42', 'ST43', 'ST44', 'ST45'], why: 'Stomach to the second toe' },
  { view: 'foot-top', axis: 'y', dir: 1, ids: ['LR1', 'LR2', 'LR3', 'LR4'], why: 'Liver from the big toe to the ankle' },
  { view: 'foot-top', axis: 'y', dir: -1, ids: ['GB41', 'GB42', 'GB43', 'GB44'], why: 'Gallbladder to the fourth toe' },
  { view: 'foot-inner', axis: 'x', dir: -1, ids: ['SP1', 'SP2', 'SP3', 'SP4', 'SP5'], why: 'Spleen from the big toe to the ankle' },
  { view: 'foot-outer', axis: 'x', dir: -1, ids: ['BL60', 'BL62', 'BL63', 'BL64', 'BL65', 'BL66', 'BL67'], why: 'Bladder from the ankle to the little toe' },
];

describe('anatomical order', () => {
  for (const o of ORDER) {
    it(`${o.why} (${o.view})`, () => {
      const at = o.ids.map((id) => {
        const f = fig(id);
        expect(f.view, id).toBe(o.view);
        return f[o.axis];
      });
      for (let i = 1; i < at.length; i++) expect(Math.sign(at[i]! - at[i - 1]!), `${o.ids[i - 1]} → ${o.ids[i]}`).toBe(o.dir);
    });
  }
});

// Proportional cun: where WHO 2008 gives a fraction of a landmark-to-landmark distance, the
// placement keeps it (within 1% of the view).
describe('proportional cun (WHO 2008)', () => {
  const along = (a: string, b: string, id: string, axis: 'x' | 'y') => (fig(id)[axis] - fig(a)[axis]) / (fig(b)[axis] - fig(a)[axis]);
  const landmark = (view: string, name: string) => {
    const m = views.get(view)!.landmarks.find((l) => l.name === name);
    if (!m) throw new Error(`no landmark ${name} on ${view}`);
    return m;
  };
  it('ST36 3 cun, ST37 6, ST38 8 and ST39 9 cun below ST35 (ST35 to ST41 is 16 cun, the knee to the ankle)', () => {
    const frontAnkle = landmark('leg-front', 'ankle crease').y, st35 = fig('ST35').y;
    for (const [id, cun] of [['ST36', 3], ['ST37', 6], ['ST38', 8], ['ST39', 9], ['EX-LE7', 5]] as const) {
      expect((fig(id).y - st35) / (frontAnkle - st35), id).toBeCloseTo(cun / 16, 2);
    }
    expect(fig('ST40').y).toBeCloseTo(fig('ST38').y, 3);
    expect(fig('ST40').x, 'ST40 lies lateral to ST38 (the outer side is on the right)').toBeGreaterThan(fig('ST38').x);
  });
  it('SP6 3 cun, SP7 6 cun above the medial malleolus; SP8 3 cun below SP9 (SP9 to the malleolus is 13 cun)', () => {
    const mall = landmark('leg-inner', 'medial malleolus').y, sp9 = fig('SP9').y;
    for (const [id, cun] of [['SP6', 3], ['SP7', 6], ['SP8', 10], ['LR5', 5], ['LR6', 7], ['KI7', 2], ['KI8', 2], ['KI9', 5]] as const) {
      expect((mall - fig(id).y) / (mall - sp9), id).toBeCloseTo(cun / 13, 2);
    }
  });
  it('GB20 is level with GV16, and BL10 with GV15, on the back of the head', () => {
    expect(fig('GB20').y).toBeCloseTo(fig('GV16').y, 3);
    expect(fig('BL10').y).toBeCloseTo(fig('GV15').y, 3);
    expect(fig('GB19').y).toBeCloseTo(fig('GV17').y, 3);
    expect(fig('BL9').y).toBeCloseTo(fig('GV17').y, 3);
  });
  it('PC6 2 cun, PC5 3, PC4 5 cun above the wrist crease; LU7 1.5 cun; the elbow crease is 12 cun away', () => {
    for (const [id, cun] of [['PC6', 2], ['PC5', 3], ['PC4', 5], ['HT4', 1.5], ['HT5', 1], ['HT6', 0.5], ['LU7', 1.5], ['LU8', 1], ['LU6', 7], ['EX-UE2', 4]] as const) {
      expect(along('PC7', 'PC3', id, 'x'), id).toBeCloseTo(cun / 12, 2);
    }
  });
  it('TE5 2 cun, TE6 3, TE8 4 cun above the dorsal wrist crease; LI10 2 cun below LI11 (LI5 to LI11 is 12 cun)', () => {
    for (const [id, cun] of [['TE5', 2], ['TE6', 3], ['TE7', 3], ['TE8', 4], ['LI6', 3], ['LI7', 5], ['LI10', 10], ['LI9', 9], ['LI8', 8], ['SI7', 5]] as const) {
      expect(along('LI5', 'LI11', id, 'x'), id).toBeCloseTo(cun / 12, 2);
    }
  });
  it('the belly: CV12 4 cun and CV6 1.5 cun from the navel, the pubis 5 cun below it, level across the channels', () => {
    expect(along('CV8', 'CV2', 'CV6', 'y')).toBeCloseTo(1.5 / 5, 2);
    expect(along('CV8', 'CV2', 'CV4', 'y')).toBeCloseTo(3 / 5, 2);
    expect(along('CV8', 'CV16', 'CV12', 'y')).toBeCloseTo(4 / 8, 2);
    for (const [a, b] of [['ST25', 'CV8'], ['KI16', 'CV8'], ['SP15', 'CV8'], ['ST21', 'CV12'], ['ST30', 'CV2'], ['ST28', 'CV4'], ['KI12', 'CV3']] as const) {
      expect(fig(a).y, `${a} level with ${b}`).toBeCloseTo(fig(b).y, 3);
    }
  });
  it('the back: Bladder points level with the Governor Vessel point of their vertebra', () => {
    for (const [bl, gv] of [['BL23', 'GV4'], ['BL52', 'GV4'], ['BL25', 'GV3'], ['BL17', 'GV9'], ['BL15', 'GV11'], ['BL13', 'GV12'], ['BL11', 'GV13'], ['BL20', 'GV6'], ['BL22', 'GV5']] as const) {
      expect(fig(bl).y, `${bl} level with ${gv}`).toBeCloseTo(fig(gv).y, 3);
    }
    // The inner line is 1.5 cun out and the outer 3 cun: the outer twice as far from the midline.
    expect((0.5 - fig('BL52').x) / (0.5 - fig('BL23').x)).toBeCloseTo(2, 1);
  });
  it('on the top of the head the hairline points share a line, GV20 behind them', () => {
    for (const id of ['BL3', 'BL4', 'GB13', 'GB15']) expect(fig(id).y, id).toBeCloseTo(fig('GV24').y, 3);
    expect(fig('GV20').y).toBeGreaterThan(fig('GV21').y);
  });
});

describe('the figure field', () => {
  it('is optional on user points and validated when present', () => {
    const base = { id: 'MY1', pinyin: 'Wo', hanzi: '我', hanzi_traditional: '我', english: 'Mine', meridian: 'EX', region: 'hand', laterality: 'bilateral', location: 'Somewhere on the hand.' };
    expect(pointSchema.safeParse(base).success).toBe(true);
    expect(pointSchema.safeParse({ ...base, figure: { view: 'hand-back', x: 0.4, y: 0.6 } }).success).toBe(true);
    expect(figureSchema.safeParse({ view: 'hand-back', x: 0.4, y: 0.6, also: [{ x: 0.1, y: 0.2 }] }).success).toBe(true);
    for (const bad of [{ view: 'tail', x: 0.4, y: 0.6 }, { view: 'palm', x: 1.4, y: 0.6 }, { view: 'palm', x: 0.4 }, { view: 'palm', x: 0.4, y: 0.5, z: 1 }]) {
      expect(pointSchema.safeParse({ ...base, figure: bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('names the field and what was expected in a user file', () => {
    const yaml = 'points:\n  - id: MY1\n    pinyin: Wo\n    hanzi: 我\n    hanzi_traditional: 我\n    english: Mine\n    meridian: EX\n    region: hand\n    laterality: bilateral\n    location: Somewhere.\n    figure: {view: hand, x: 0.4, y: 2}\n';
    const r = checkYamlText(yaml, 'mine.yaml', pointFileSchema);
    expect(r.ok).toBe(false);
    const text = r.ok ? '' : r.problems.map((p) => `${p.file}:${p.line}:${p.col} ${p.path}: ${p.message}`).join('\n');
    expect(text).toMatch(/mine\.yaml:11:\d+ points\[0\]\.figure\.view: expected one of face, head-side, .* or sole, got "hand"/);
    expect(text).toMatch(/points\[0\]\.figure\.y: expected a number from 0 to 1/);
  });

  it('comes out of show --json for a point', () => {
    const r = cli(['show', 'LI4', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).figure).toEqual(fig('LI4'));
    expect(fig('LI4').view).toBe('hand-back');
  });
});
