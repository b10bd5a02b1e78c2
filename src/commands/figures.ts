// The commands' door to figures: loads the body views once and draws points on them, lays
// figures out beside cards, and makes the printable sheet. Imported only when a figure or a
// sheet is wanted, and built into a file of its own (dist/figures.cjs, scripts/build.mjs), so
// `show` without a figure and `list` never read the views, load the path library or even parse
// this code.
import type { Catalog } from '../model/catalog.js';
import type { Side } from '../model/timeline.js';
import type { Point, Region, Step } from '../model/types.js';
import { placeMarks, type FigureView, type PointFigure } from '../render/figure-place.js';
import { FIGURE_COLS, FIGURE_ROWS, terminalFigure, type TermFigure } from '../render/figure-term.js';
import type { Paint } from '../render/paint.js';
import { loadFigureViews } from '../store/figures.js';

export { figureRows, withFigure } from '../render/figure-layout.js';
export { showHtml } from './show-html.js';

/** What a terminal figure needs to know of the terminal. */
export interface FigureTerminal {
  unicode: boolean;
  /** The width figures must fit in. */
  columns: number;
  /** The terminal's height, when known: a figure never takes more than fits on one screen. */
  rows?: number;
  paint: Paint;
}

/** Draws points on their views; undefined for a point without a figure or with an unknown view. */
export interface FigureDrawer {
  views: Map<string, FigureView>;
  point(p: Point & { figure?: PointFigure }, side?: Side, size?: { cols: number; rows: number }): TermFigure | undefined;
}

/** Load the views and make a drawer for this terminal. */
export async function figureDrawer(t: FigureTerminal): Promise<FigureDrawer> {
  const views = await loadFigureViews() as Map<string, FigureView>;
  return {
    views,
    point(p, side, size) {
      const view = p.figure ? views.get(p.figure.view) : undefined;
      if (!view) return undefined;
      const cols = Math.min(size?.cols ?? FIGURE_COLS, t.columns);
      const rows = Math.min(size?.rows ?? FIGURE_ROWS, t.rows ? t.rows - 1 : FIGURE_ROWS);
      return terminalFigure(view, placeMarks(view, p, side), { unicode: t.unicode, maxCols: cols, maxRows: rows, paint: t.paint });
    },
  };
}

/** The distinct points a routine presses, in order. */
export function routinePoints(catalog: Catalog, steps: Step[]): Point[] {
  const ids = [...new Set(steps.flatMap((s) => (s.kind === 'press' ? [s.point] : [])))];
  return ids.map((id) => catalog.points.get(id)).filter((p): p is NonNullable<typeof p> => p !== undefined);
}

// Which view shows a massage step's area best: the first region named decides, and the area's
// own words pick between the faces of a hand or a foot.
const REGION_VIEWS: Record<Region, string> = {
  head: 'head-top', face: 'face', neck: 'head-back', shoulder: 'back', 'upper-back': 'back', 'lower-back': 'back',
  chest: 'chest-belly', abdomen: 'chest-belly', arm: 'arm-outer', forearm: 'arm-outer', wrist: 'arm-inner',
  hand: 'hand-back', hip: 'trunk-side', thigh: 'leg-front', knee: 'leg-front', leg: 'leg-front', ankle: 'foot-inner', foot: 'foot-top',
};

/** The view for a massage area, by its first region and the words of its area; undefined if none fits. */
export function areaViewId(regions: Region[], area: string): string | undefined {
  const first = regions[0];
  if (!first) return undefined;
  if (first === 'hand' && /\bpalms?\b/i.test(area)) return 'palm';
  if (first === 'foot' && /\bsoles?\b/i.test(area)) return 'sole';
  return REGION_VIEWS[first];
}
