// The printable sheet as a string: structure, figures with marked points, escaping, and no
// scripts or fetched resources. test/e2e/sheet-browser.test.ts renders it in Chromium.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogFrom, type Catalog } from '../src/model/catalog.js';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { sheetHtml, type SheetInput, type SheetItem } from '../src/render/sheet-html.js';
import { plan } from '../src/core/plan.js';
import { pointFindings, pregnancyAvoided, routineFindings } from '../src/core/safety.js';
import { pregnancyHint } from '../src/core/pregnancy-hint.js';
import { figureSvg } from '../src/render/figure-svg.js';
import { escapeHtml } from '../src/render/html.js';
import type { FigureView } from '../src/render/figure-place.js';
import { figureViewSchema } from '../src/model/figure-schema.js';
import { ROOT } from './helpers.js';

const fixture = (id: string): FigureView => figureViewSchema.parse(parse(readFileSync(join(ROOT, 'test/fixtures/figures', `${id}.yaml`), 'utf8')));
const views = new Map([['hand-back', fixture('hand-back')], ['face', fixture('face')]]);
let catalog: Catalog;

beforeAll(() => {
  catalog = catalogFrom(buildBuiltin());
  // Placements of the fixtures' own, so this test does not depend on the built-in drawings.
  Object.assign(catalog.points.get('LI4')!, { figure: { view: 'hand-back' as const, x: 0.72, y: 0.67 } });
  Object.assign(catalog.points.get('EX-HN5')!, { figure: { view: 'face' as const, x: 0.86, y: 0.45 } });
  Object.assign(catalog.points.get('GB20')!, { figure: { view: 'face' as const, x: 0.7, y: 0.3 } });
});

// What show --html hands the sheet for each kind of id (src/commands/show-html.ts).
const routine = (id: string): SheetItem => {
  const r = catalog.routines.get(id)!;
  return { kind: 'routine', routine: r, timeline: plan(r, (x) => catalog.points.get(x)), findings: routineFindings(catalog, r, []), hint: pregnancyHint(pregnancyAvoided(catalog, r)) };
};
const point = (id: string): SheetItem => ({ kind: 'point', point: catalog.points.get(id)!, findings: pointFindings(catalog.points.get(id)!, [], id) });
const condition = (id: string): SheetItem => ({ kind: 'condition', condition: catalog.conditions.get(id)! });

const input = (over: Partial<SheetInput> = {}): SheetInput => ({
  catalog, items: [routine('headache')], figures: true,
  view: (id) => views.get(id), areaView: () => views.get('face'), ...over,
});

describe('the printable sheet', () => {
  it('is one self-contained page: no script, no external resource, print rules for paper', () => {
    const html = sheetHtml(input());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    expect(html).toContain('@page');
    expect(html).toContain('break-inside: avoid');
  });

  it('a routine: title, total time, each step timed with its figure and marked point, red flags, evidence, sources', () => {
    const html = sheetHtml(input());
    expect(html).toContain('<h1>Headache relief</h1>');
    expect(html).toMatch(/Total time<\/span> 7:35/);
    for (const [n, code] of [[1, 'LI4'], [2, 'EX-HN5'], [3, 'GB20']] as const) {
      const step = new RegExp(`<li class="step" data-step="${n}" data-step-point="${code}"><figure><svg[^]*?data-point="${code}"[^]*?</svg><figcaption>${code} · [^<]+</figcaption></figure>`);
      expect(html).toMatch(step);
    }
    expect(html).toMatch(/0:00–3:35/);
    expect(html).toContain('left, then right · 10s to find it · 2 × (10s ramp, 30s hold, 10s release) each side');
    expect(html).toContain('both sides at once');
    expect(html).toMatch(/<li class="step text-only" data-step="4"><div><h2>4\. Rest<\/h2>/);
    expect(html).toContain('Get medical help instead if');
    expect(html).toContain('<h3>Evidence</h3>');
    expect(html).toContain(`<h3>Sources</h3><ol class="sources"><li>${escapeHtml(catalog.routines.get('headache')!.sources[0]!)}</li>`);
    // LI4's pregnancy caution is on the sheet even with no condition given: a sheet outlives the moment.
    expect(html).toMatch(/<span class="avoid">Avoid \(pregnancy\):<\/span>/);
  });

  it('a bilateral point on a symmetric view is marked on both sides, a one-sided view says how to mirror it', () => {
    const html = sheetHtml(input());
    expect(html.match(/data-point="EX-HN5"/g)).toHaveLength(2);
    expect(html.match(/data-point="LI4"/g)).toHaveLength(1);
    expect(html).toContain('LI4 · Back of the hand, left side (mirror it for the right)');
  });

  it('a point: its card and its figure', () => {
    const html = sheetHtml(input({ items: [point('LI4')] }));
    expect(html).toContain('<article class="item point" data-point-card="LI4"><h1>LI4 Hégǔ <span lang="zh">合谷</span> · Union Valley</h1>');
    expect(html).toMatch(/<dt>Location<\/dt><dd>On the back of the hand/);
    expect(html).toMatch(/<figure><svg[^]*data-point="LI4"/);
  });

  it('several items, each from a new page; a condition as text', () => {
    const html = sheetHtml(input({ items: [routine('headache'), point('LI4'), condition('pregnancy')] }));
    expect(html).toContain('.item + .item { break-before: page; }');
    expect(html.match(/<article class="item /g)).toHaveLength(3);
    expect(html).toMatch(/<article class="item condition" data-condition="pregnancy">/);
    expect(html).toMatch(/<title>Headache relief · LI4 Hégǔ · [^<]+<\/title>/);
  });

  it('without figures (--no-figure): text only', () => {
    const html = sheetHtml(input({ figures: false }));
    expect(html).not.toContain('<svg');
    expect(html).toContain('<li class="step text-only" data-step="1" data-step-point="LI4">');
  });

  it('a point without a figure says so in its place', () => {
    const html = sheetHtml(input({ view: () => undefined }));
    expect(html).toContain('<div class="no-figure">No figure for LI4 yet</div>');
  });

  it('a massage step shows its area on the view for its region and words', () => {
    const asked: string[] = [];
    const html = sheetHtml(input({ items: [routine('feet')], areaView: (regions, area) => (asked.push(`${regions.join('+')}:${area}`), views.get('face')) }));
    expect(asked).toContain('foot:soles of both feet');
    expect(html).toMatch(/<li class="step" data-step="1"><figure><svg[^>]*aria-label="Area: soles of both feet · Face"/);
  });

  it('a massage step whose cue opens with its motion names it once (techniques: "kneading" above "Kneading. Grasp …")', () => {
    const html = sheetHtml(input({ items: [routine('techniques'), routine('shoulders')] }));
    expect(html).toContain('<h2>2. Massage back of the neck</h2><p class="when">1:00–2:00 · 1m</p><p class="cue">Kneading. Grasp');
    expect(html).not.toMatch(/<p>(kneading|pressure|rolling|tapping|stretching)<\/p><p class="cue">(Kneading|Finger pressure|Rolling|Tapping|Gentle stretching)\b/);
    // A cue that does not name its motion keeps the motion's line.
    expect(html).toContain('<p>kneading</p><p class="cue">Reach across');
  });

  it('says who should not use a routine in a boxed section before its red flags, then the tips', () => {
    const html = sheetHtml(input({ items: [routine('techniques')] }));
    const order = ['<section class="contraindications"><h3>Who should not use this routine</h3><ul><li>If you are pregnant, leave out the first step', '<section class="tips">'].map((s) => html.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toMatch(/\.red-flags, \.contraindications \{ border/);
    const feet = sheetHtml(input({ items: [routine('feet')] }));
    expect(feet.indexOf('class="contraindications"')).toBeGreaterThan(0);
    expect(feet.indexOf('class="contraindications"')).toBeLessThan(feet.indexOf('class="red-flags"'));
  });

  it('escapes every piece of text, in elements and attributes', () => {
    expect(escapeHtml(`<b title="x">&'\u0007\u202e`)).toBe('&lt;b title=&quot;x&quot;&gt;&amp;&#39;');
    const r = catalog.routines.get('headache')!;
    const evil = { ...r, id: 'evil', title: '<script>alert(1)</script>', summary: 'a "quote" & <b>', red_flags: ['<img src=x onerror=alert(1)>'], contraindications: ['<img src=y>'], tips: ['<script>t</script>'], steps: [{ ...r.steps[0]!, cue: '</p><script>x</script>' }] };
    catalog.routines.set('evil', evil as typeof r);
    const html = sheetHtml(input({ items: [routine('evil')] }));
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a &quot;quote&quot; &amp; &lt;b&gt;');
    const svg = figureSvg({ ...views.get('face')!, title: 'x', outlines: ['M0 0"/><script>'] }, { flip: false, marks: [{ code: 'A"<', x: 0.5, y: 0.5, label: true }], caption: 'x' }, '"><script>');
    expect(svg).not.toMatch(/<script/);
    expect(svg).toContain('data-point="A&quot;&lt;"');
  });

  it('draws a mirrored view with a transform, marks where placeMarks put them', () => {
    const svg = figureSvg(views.get('hand-back')!, { flip: true, marks: [{ code: 'LI4', x: 0.28, y: 0.67, label: true }], caption: 'x' }, 'LI4');
    expect(svg).toContain('<g class="outline" transform="matrix(-1 0 0 1 100 0)">');
    expect(svg).toContain('<circle cx="28" cy="80.4"');
    expect(svg).toContain('text-anchor="end"');
  });
});

describe('the sheet with a condition', () => {
  it('leads with the verdict the terminal card leads with, and says each avoid once per point', async () => {
    const { cli } = await import('./helpers.js');
    const r = cli(['show', 'headache', '--html', '--pregnant', '--no-profile']);
    expect(r.code).toBe(0);
    const html = r.stdout;
    const verdict = html.indexOf('<p class="verdict avoid-verdict">');
    expect(verdict).toBeGreaterThan(html.indexOf('<h1>Headache relief</h1>'));
    expect(verdict).toBeLessThan(html.indexOf('data-step="1"'));
    const text = html.slice(verdict, html.indexOf('</p>', verdict)).replace(/<[^>]+>/g, '');
    expect(text).toMatch(/^AVOID with pregnancy: step 1 \(LI4\)\. Run it with --skip-unsafe to leave it out; safer routines: skull-base, /);
    // LI4's step: one "Avoid (pregnancy):", with all three sources' reasons after it.
    const step1 = html.slice(html.indexOf('data-step="1"'), html.indexOf('data-step="2"'));
    expect(step1.match(/Avoid \(pregnancy\):/g)).toHaveLength(1);
    expect(step1).toContain('Hegu, in the web between thumb and index finger');
    expect(step1).toContain('Listed among the points not to stimulate during pregnancy');
  });
});
