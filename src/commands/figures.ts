// The commands' door to figures: loads the body views once and draws points on them, lays
// figures out beside cards, and makes the printable sheet. Imported only when a figure or a
// sheet is wanted, and built into a file of its own (dist/figures.cjs, scripts/build.mjs), so
// `show` without a figure and `list` never read the views, load the path library or even parse
// this code.
import type { Side } from '../model/timeline.js';
import type { Point } from '../model/types.js';
import { placeMarks, type FigureView } from '../render/figure-place.js';
import { FIGURE_COLS, FIGURE_ROWS, type TermFigure } from '../render/figure-layout.js';
import { terminalFigure } from '../render/figure-term.js';
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
  point(p: Point, side?: Side, size?: { cols: number; rows: number }): TermFigure | undefined;
}

/** Load the views and make a drawer for this terminal. */
export async function figureDrawer(t: FigureTerminal): Promise<FigureDrawer> {
  const views = await loadFigureViews();
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
