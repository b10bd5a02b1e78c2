// Figures next to text: a card with its figure beside or below it, rows of figures, and the live
// view's locate frame, which must fit the terminal whatever its size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withFigure, figureRows, MIN_CARD } from '../src/render/figure-layout.js';
import { placeMarks, type FigureView } from '../src/render/figure-place.js';
import { figureViewSchema } from '../src/model/figure-schema.js';
import { terminalFigure } from '../src/render/figure-term.js';
import { frameWithFigure } from '../src/render/run-figure.js';
import { plainPaint } from '../src/render/paint.js';
import { width, wrap } from '../src/render/text.js';
import { areaViewId } from '../src/commands/show-html.js';
import { ROOT } from './helpers.js';

const hand: FigureView = figureViewSchema.parse(parse(readFileSync(join(ROOT, 'test/fixtures/figures/hand-back.yaml'), 'utf8')));
const LI4 = { id: 'LI4', laterality: 'bilateral' as const, figure: { view: 'hand-back' as const, x: 0.72, y: 0.67 } };
const fig = (cols = 40, rows = 18) => terminalFigure(hand, placeMarks(hand, LI4, 'left'), { unicode: true, maxCols: cols, maxRows: rows, paint: plainPaint() });
const card = (w: number) => wrap('Location: on the back of the hand, between the first and second metacarpal bones, beside the middle of the second metacarpal on its radial side.', w);

describe('withFigure', () => {
  it('puts the figure beside the card when the card keeps enough room', () => {
    const f = fig();
    const out = withFigure(card, f, MIN_CARD + 3 + f.width, 100).split('\n');
    expect(out.length).toBe(Math.max(f.lines.length, card(MIN_CARD).split('\n').length));
    expect(out.some((l) => l.startsWith('Location') && l.includes('⠀') === false && /[\u2800-\u28ff]/.test(l))).toBe(true);
    for (const l of out) expect(width(l)).toBeLessThanOrEqual(MIN_CARD + 3 + f.width);
  });

  it('puts it below, after a blank line, when the terminal is narrower', () => {
    const f = fig();
    const out = withFigure(card, f, 80, 100);
    expect(out).toBe(`${card(80)}\n\n${f.lines.join('\n')}`);
  });
});

describe('figureRows', () => {
  it('fits as many figures to a row as the width allows, captions on one line', () => {
    const figs = [fig(30, 12), fig(30, 10), fig(30, 12)];
    const out = figureRows(figs, 70);
    const rows = out.split('\n\n');
    expect(rows).toHaveLength(2);
    for (const l of out.split('\n')) expect(width(l)).toBeLessThanOrEqual(70);
    const first = rows[0]!.split('\n');
    expect(first.at(-1)).toMatch(/^Back of the hand, left side\s+Back of the hand, left side$/);
  });
});

describe('frameWithFigure', () => {
  const text = (w: number) => ['LOCATE 0:10', `  ${wrap('Find LI4 (Hegu, Union Valley) on your left hand: on the back of the hand, between the first and second metacarpal bones.', w - 4, '  ')}`, '  ████░░░░ point 1/3'].join('\n');
  const at = (c: number, r: number) => fig(c, r);

  it('a tall terminal: the figure below the text, the frame within the screen', () => {
    const out = frameWithFigure(text, at, 80, 40).split('\n');
    expect(out.length).toBeLessThanOrEqual(39);
    expect(out.join('\n')).toContain('● LI4');
    expect(out[0]).toBe('LOCATE 0:10');
    for (const l of out) expect(width(l)).toBeLessThanOrEqual(80);
  });

  it('a wide, short terminal: the figure beside the text, from the second line on', () => {
    const out = frameWithFigure(text, at, 140, 16).split('\n');
    expect(out.length).toBeLessThanOrEqual(15);
    expect(out[0]).toBe('LOCATE 0:10');
    expect(out.slice(1).some((l) => l.startsWith('  Find LI4') && /[\u2800-\u28ff]/.test(l))).toBe(true);
    for (const l of out) expect(width(l)).toBeLessThanOrEqual(140);
  });

  it('a small terminal, an unknown height or no figure: the text alone', () => {
    expect(frameWithFigure(text, at, 60, 12)).toBe(text(60));
    expect(frameWithFigure(text, at, 80, undefined)).toBe(text(80));
    expect(frameWithFigure(text, undefined, 80, 50)).toBe(text(80));
    expect(frameWithFigure(text, () => undefined, 80, 50)).toBe(text(80));
  });

  it('fits every size from 20 x 6 to 200 x 60', () => {
    for (let cols = 20; cols <= 200; cols += 15) {
      for (let rows = 6; rows <= 60; rows += 6) {
        const out = frameWithFigure(text, at, cols, rows).split('\n');
        if (out.length > text(cols).split('\n').length) expect(out.length, `${cols}x${rows}`).toBeLessThanOrEqual(rows - 1);
        for (const l of out) expect(width(l), `${cols}x${rows}`).toBeLessThanOrEqual(Math.max(cols, ...text(cols).split('\n').map(width)));
      }
    }
  });
});

describe('areaViewId', () => {
  it('picks the view by the first region, and by the words for hands and feet', () => {
    expect(areaViewId(['abdomen'], 'belly')).toBe('chest-belly');
    expect(areaViewId(['foot'], 'soles of both feet')).toBe('sole');
    expect(areaViewId(['foot'], 'tops of both feet')).toBe('foot-top');
    expect(areaViewId(['hand'], 'palms of both hands')).toBe('palm');
    expect(areaViewId(['arm', 'forearm', 'thigh', 'leg'], 'arms and legs')).toBe('arm-outer');
    expect(areaViewId([], 'whole body')).toBeUndefined();
  });
});
