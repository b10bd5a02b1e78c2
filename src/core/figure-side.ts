// Where a point is drawn for one side of the body. Placements are stored once, for the person's
// left (model/figure-schema.ts); this turns one into the marks a renderer draws for a given side.
import type { Figure, FigureView } from '../model/types.js';

/** A placement resolved for one side: the marks to draw, and whether to draw the view mirrored. */
export interface SidedFigure {
  view: string;
  /** The main mark and then any further marks of a group, as fractions of the view's box. */
  marks: Array<{ x: number; y: number }>;
  /**
   * True when the whole view must be drawn mirrored (x → 1 - x, outlines included): the right side
   * on a one-sided view, which is drawn of the person's left. The marks here are already mirrored.
   */
  flip: boolean;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/**
 * The marks of `figure` on `view` for `side`. Midline points (and 'center') are drawn as placed.
 * On a mirrored view the right side is the placement mirrored about x = 0.5; on a one-sided view
 * the right side is the whole drawing mirrored (`flip`), marks included.
 */
export function figureOnSide(figure: Figure, view: Pick<FigureView, 'id' | 'mirror' | 'side'>, side: 'left' | 'right' | 'center'): SidedFigure {
  const marks = [{ x: figure.x, y: figure.y }, ...(figure.also ?? []).map((m) => ({ x: m.x, y: m.y }))];
  const right = side === 'right' && (view.mirror || view.side === 'left');
  const wrongSide = side === 'left' && view.side === 'right';
  const mirrored = right || wrongSide;
  return {
    view: view.id,
    marks: mirrored ? marks.map((m) => ({ x: round(1 - m.x), y: m.y })) : marks,
    flip: mirrored && !view.mirror,
  };
}
