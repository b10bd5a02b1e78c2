// The terminal figure: path flattening, the dot grid and its braille and ASCII read-outs, where
// marks go for each side, and the fitted, labelled figure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Chalk } from 'chalk';
import { flattenPath } from '../src/render/figure-geometry.js';
import { placeMarks, type FigureView } from '../src/render/figure-place.js';
import { figureViewSchema } from '../src/model/figure-schema.js';
import { DotGrid } from '../src/render/figure-raster.js';
import { terminalFigure } from '../src/render/figure-term.js';
import { paint } from '../src/render/color.js';
import { plainPaint } from '../src/render/paint.js';
import { width } from '../src/render/text.js';
import { ROOT } from './helpers.js';

// The fixtures are in the figure data format: the views' own schema reads them.
const fixture = (id: string): FigureView => figureViewSchema.parse(parse(readFileSync(join(ROOT, 'test/fixtures/figures', `${id}.yaml`), 'utf8')));
const hand = fixture('hand-back');
const face = fixture('face');
const LI4 = { id: 'LI4', laterality: 'bilateral' as const, figure: { view: 'hand-back' as const, x: 0.72, y: 0.67 } };
const TAIYANG = { id: 'EX-HN5', laterality: 'bilateral' as const, figure: { view: 'face' as const, x: 0.86, y: 0.45 } };
const SQUARE: FigureView = { id: 'face', title: 'Square', shows: 'front', side: 'none', mirror: false, box: { width: 10, height: 10 }, outlines: ['M0 0 H10 V10 H0 Z'], details: [], landmarks: [], areas: [] };
const at = (scale = 1) => ({ scale, dx: 0, dy: 0 });
const text = (cells: string[][]) => cells.map((r) => r.join(''));

describe('flattenPath', () => {
  it('keeps straight lines as they are, one polyline per subpath, closing back to the start', () => {
    expect(flattenPath('M0 0 H10 V10 H0 Z M 20 20 l 5 0', at())).toEqual([
      [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
      [[20, 20], [25, 20]],
    ]);
  });

  it('flattens arcs and curves onto the true curve, in pieces no longer than the step', () => {
    // A circle of radius 10 about (10, 10) as two arcs, and a quadratic curve.
    const [circle] = flattenPath('M0 10 A10 10 0 0 1 20 10 A10 10 0 0 1 0 10', at(), 0.5);
    expect(circle!.length).toBeGreaterThan(60);
    for (const [x, y] of circle!) expect(Math.hypot(x - 10, y - 10)).toBeCloseTo(10, 1);
    for (let k = 1; k < circle!.length; k++) expect(Math.hypot(circle![k]![0] - circle![k - 1]![0], circle![k]![1] - circle![k - 1]![1])).toBeLessThan(0.6);
    const [q] = flattenPath('M0 0 Q 5 10 10 0', at(), 0.5);
    // The quadratic's apex is halfway to its control point.
    expect(Math.max(...q!.map(([, y]) => y))).toBeCloseTo(5, 1);
  });

  it('scales, shifts and mirrors', () => {
    expect(flattenPath('M1 2 L3 4', { scale: 2, dx: 1, dy: 0.5 })).toEqual([[[3, 4.5], [7, 8.5]]]);
    expect(flattenPath('M1 2 L3 4', { scale: 1, dx: 0, dy: 0, flipWidth: 10 })).toEqual([[[9, 2], [7, 4]]]);
  });

  it('names the fault in bad path data', () => {
    expect(() => flattenPath('M 0 0 L x', at())).toThrow(/param should start with/);
  });
});

describe('DotGrid', () => {
  it('a level line fills the top row of dots of each cell: ⠉', () => {
    const g = new DotGrid(8, 4);
    g.line([0.5, 0.5], [7.5, 0.5]);
    expect(text(g.braille())).toEqual(['⠉⠉⠉⠉']);
    expect(text(g.ascii())).toEqual(['----']);
  });

  it('a level line low in the cells reads as _ in ASCII', () => {
    const g = new DotGrid(8, 4);
    g.line([0.5, 3.5], [7.5, 3.5]);
    expect(text(g.braille())).toEqual(['⣀⣀⣀⣀']);
    expect(text(g.ascii())).toEqual(['____']);
  });

  it('an upright line fills the left column of dots: ⡇', () => {
    const g = new DotGrid(4, 8);
    g.line([0.5, 0.5], [0.5, 7.5]);
    expect(text(g.braille())).toEqual(['⡇ ', '⡇ ']);
    expect(text(g.ascii())).toEqual(['| ', '| ']);
  });

  it('diagonals: one dot per column and row, / rising and \\ falling', () => {
    const g = new DotGrid(4, 4);
    g.line([0.5, 0.5], [3.5, 3.5]);
    // Dots (0,0) (1,1) in the first cell, (2,2) (3,3) in the second.
    expect(text(g.braille())).toEqual([String.fromCharCode(0x2800 + 0x01 + 0x10) + String.fromCharCode(0x2800 + 0x04 + 0x80)]);
    expect(text(g.ascii())).toEqual(['\\\\']);
    const h = new DotGrid(4, 4);
    h.line([0.5, 3.5], [3.5, 0.5]);
    expect(text(h.ascii())).toEqual(['//']);
  });

  it('a square drawn edge to edge on 6 x 3 cells draws its four sides on the outer dots', () => {
    const g = new DotGrid(12, 12);
    g.polylines(flattenPath(SQUARE.outlines[0]!, { scale: 1.1, dx: 0.5, dy: 0.5 }));
    expect(text(g.braille())).toEqual(['⡏⠉⠉⠉⠉⢹', '⡇    ⢸', '⣇⣀⣀⣀⣀⣸']);
    expect(text(g.ascii())).toEqual(['|----|', '|    |', '|____|']);
  });

  it('ignores dots off the grid', () => {
    const g = new DotGrid(2, 4);
    g.line([-5, -5], [-1, -1]);
    expect(text(g.braille())).toEqual([' ']);
  });
});

describe('placeMarks', () => {
  it('a one-sided view: as drawn for its own side, mirrored for the other', () => {
    expect(placeMarks(hand, LI4, 'left')).toEqual({ flip: false, marks: [{ code: 'LI4', x: 0.72, y: 0.67, label: true }], caption: 'Back of the hand, left side' });
    const right = placeMarks(hand, LI4, 'right');
    expect(right.flip).toBe(true);
    expect(right.marks[0]!.x).toBeCloseTo(0.28);
    expect(right.caption).toBe('Back of the hand, right side');
    expect(placeMarks(hand, LI4).caption).toBe('Back of the hand, left side (mirror it for the right)');
    // A title that names its side names the other one when mirrored.
    const own = { ...hand, title: 'Back of the left hand' };
    expect(placeMarks(own, LI4, 'left').caption).toBe('Back of the left hand');
    expect(placeMarks(own, LI4, 'right').caption).toBe('Back of the right hand');
    expect(placeMarks({ ...hand, title: 'Left side of the head' }, LI4, 'right').caption).toBe('Right side of the head');
    expect(placeMarks(own, LI4).caption).toBe('Back of the left hand (mirror it for the right)');
  });

  it('a symmetric view: the left as placed, the right mirrored about the midline, both when no side is given', () => {
    expect(placeMarks(face, TAIYANG, 'left').marks).toEqual([{ code: 'EX-HN5', x: 0.86, y: 0.45, label: true }]);
    expect(placeMarks(face, TAIYANG, 'right').marks[0]!.x).toBeCloseTo(0.14);
    expect(placeMarks(face, TAIYANG, 'both').marks.map((m) => m.x.toFixed(2))).toEqual(['0.86', '0.14']);
    expect(placeMarks(face, TAIYANG).caption).toBe('Face, both sides');
  });

  it('a group of places: every mark mirrored with the main one, only the main one labelled', () => {
    const group = { id: 'EX-UE9', laterality: 'bilateral' as const, figure: { view: 'hand-back' as const, x: 0.3, y: 0.4, also: [{ x: 0.4, y: 0.4 }] } };
    expect(placeMarks(hand, group, 'right').marks.map((m) => [m.x.toFixed(1), m.label])).toEqual([['0.7', true], ['0.6', false]]);
    expect(placeMarks(face, { ...group, figure: { ...group.figure, view: 'face' } }).marks).toHaveLength(4);
  });

  it('a midline point gets one mark and no side', () => {
    const gv = { id: 'GV24', laterality: 'midline' as const, figure: { view: 'face' as const, x: 0.5, y: 0.1 } };
    expect(placeMarks(face, gv, 'left')).toEqual({ flip: false, marks: [{ code: 'GV24', x: 0.5, y: 0.1, label: true }], caption: 'Face' });
  });
});

describe('terminalFigure', () => {
  const draw = (unicode: boolean, maxCols = 40, maxRows = 18, side?: 'left' | 'right') =>
    terminalFigure(hand, placeMarks(hand, LI4, side), { unicode, maxCols, maxRows, paint: plainPaint() });

  it('draws the hand in braille within 40 x 18, LI4 as ● with its code, and a caption', () => {
    const f = draw(true);
    expect(f.lines.length).toBeLessThanOrEqual(18);
    expect(f.lines.length).toBeGreaterThan(12);
    for (const l of f.lines) expect(width(l)).toBeLessThanOrEqual(40);
    const marked = f.lines.filter((l) => l.includes('● LI4'));
    expect(marked).toHaveLength(1);
    expect(f.lines.join('\n')).toMatch(/[\u2801-\u28ff]/);
    expect(f.lines.at(-2)! + f.lines.at(-1)!).toMatch(/^Back of the hand, left side/);
  });

  it('puts the mark where the placement says: LI4 right of the middle on the left hand, left of it when mirrored', () => {
    const col = (f: ReturnType<typeof draw>) => f.lines.find((l) => l.includes('●'))!.indexOf('●');
    const left = draw(true, 40, 18, 'left');
    const right = draw(true, 40, 18, 'right');
    const wide = Math.max(...left.lines.slice(0, -2).map((l) => l.length));
    expect(col(left)).toBeGreaterThan(wide / 2);
    expect(col(right)).toBeLessThan(wide / 2);
    expect(right.lines.find((l) => l.includes('●'))).toContain('LI4 ●');
    expect(right.lines.at(-1)).toBe('Back of the hand, right side');
  });

  it('in ASCII uses only printable ASCII, with @ for the point', () => {
    const f = draw(false);
    for (const l of f.lines) expect(l).toMatch(/^[\x20-\x7e]*$/);
    expect(f.lines.join('\n')).toContain('@ LI4');
    expect(f.lines.join('\n')).toMatch(/[|/\\_-]/);
  });

  it('never takes more than the columns and rows allowed, down to tiny sizes', () => {
    for (const [cols, rows] of [[40, 18], [30, 12], [20, 8], [12, 5], [6, 3]] as const) {
      for (const unicode of [true, false]) {
        const f = draw(unicode, cols, rows);
        expect(f.lines.length).toBeLessThanOrEqual(rows);
        for (const l of f.lines) expect(width(l)).toBeLessThanOrEqual(cols);
        expect(f.width).toBeLessThanOrEqual(cols);
        expect(f.lines.join('\n')).toContain(unicode ? '●' : '@');
      }
    }
  });

  it('names the point in the caption when its label finds no room', () => {
    const f = draw(true, 8, 6);
    expect(f.lines.join(' ')).toContain('LI4');
  });

  it('both sides on a symmetric view: two marks, one label, outward', () => {
    const f = terminalFigure(face, placeMarks(face, TAIYANG), { unicode: true, maxCols: 40, maxRows: 18, paint: plainPaint() });
    const all = f.lines.join('\n');
    expect(all.match(/●/g)).toHaveLength(2);
    expect(all.match(/EX-HN5/g)).toHaveLength(1);
    expect(all).toMatch(/● EX-HN5$/m);
    expect(f.lines.at(-1)).toBe('Face, both sides');
  });

  it('paints the mark bright and the label bold when there is colour', () => {
    const f = terminalFigure(hand, placeMarks(hand, LI4, 'left'), { unicode: true, maxCols: 40, maxRows: 18, paint: paint(new Chalk({ level: 1 })) });
    expect(f.lines.join('\n')).toContain('\x1b[91m\x1b[1m●\x1b[22m\x1b[39m\x1b[1m LI4\x1b[22m');
  });

  it('escapes control characters in titles', () => {
    const evil: FigureView = { ...SQUARE, title: 'Sq\x1b[31muare' };
    const f = terminalFigure(evil, { flip: false, marks: [], caption: evil.title }, { unicode: true, maxCols: 40, maxRows: 10, paint: plainPaint() });
    expect(f.lines.join('')).not.toContain('\x1b');
    expect(f.lines.at(-1)).toBe('Sq\\u001b[31muare');
  });
});
