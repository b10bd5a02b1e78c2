// Where a point's marks go on its view, for one side of the body or both. Shared by the terminal
// figure and the printable sheet, so both always mark the same places.
import type { Side } from '../model/timeline.js';

/**
 * A body view as the figure data describes it (data/figures/<id>.yaml): outlines in SVG path data
 * in a box of `box.width` x `box.height` units, y downward. `side` is which side of the body a
 * one-sided view shows; a `mirror` view is symmetric about x = 0.5 and its placements are the
 * person's left.
 */
export interface FigureView {
  id: string;
  title: string;
  side: 'left' | 'right' | 'none';
  mirror?: boolean;
  box: { width: number; height: number };
  outlines: string[];
  /** Lighter lines (creases, nails, hairline) that a small drawing may leave out. */
  details?: string[];
}

/** A point's place on a view: x and y from 0 to 1 of the view's box, y downward. */
export interface PointFigure {
  view: string;
  x: number;
  y: number;
  /** Further marks of a point that is a group of places, on the same side as the main one. */
  also?: Array<{ x: number; y: number }>;
}

/** What `placeMarks` needs of a point. */
export interface FigurePoint {
  id: string;
  laterality: 'bilateral' | 'midline';
  figure?: PointFigure;
}

/** One mark: the point's code at x, y (0 to 1 of the box, after any flip); `label` on a main mark. */
export interface Mark {
  code: string;
  x: number;
  y: number;
  label: boolean;
}

/** The marks on a view, whether to draw the view mirrored, and its caption. */
export interface Placed {
  flip: boolean;
  marks: Mark[];
  /** The view's title for the side shown: "Back of the right hand", "Face, both sides". */
  caption: string;
}

/**
 * Place a point on its view for a side of the body (`left`, `right`, `both`; undefined means both,
 * as on a card). A symmetric view gets one mark per side; a one-sided view is mirrored to show
 * the other side. Throws when the point has no figure.
 */
export function placeMarks(view: FigureView, p: FigurePoint, side?: Side): Placed {
  const f = p.figure;
  if (!f) throw new Error(`${p.id} has no figure`);
  const places = [{ x: f.x, y: f.y }, ...(f.also ?? [])];
  const marks = (mirrored: boolean): Mark[] => places.map((m, i) => ({ code: p.id, x: mirrored ? 1 - m.x : m.x, y: m.y, label: i === 0 }));
  const title = view.title;
  if (p.laterality === 'midline' || side === 'center') return { flip: false, marks: marks(false), caption: title };
  if (view.mirror) {
    // Placements on a symmetric view are the person's left; the right is its mirror image.
    if (side === 'left') return { flip: false, marks: marks(false), caption: `${title}, left side` };
    if (side === 'right') return { flip: false, marks: marks(true), caption: `${title}, right side` };
    return { flip: false, marks: [...marks(false), ...marks(true)], caption: `${title}, both sides` };
  }
  if (view.side === 'none') return { flip: false, marks: marks(false), caption: title };
  if (side === 'left' || side === 'right') {
    const flip = side !== view.side;
    return { flip, marks: marks(flip), caption: sideTitle(flip ? swapSides(title) : title, side) };
  }
  const other = view.side === 'left' ? 'right' : 'left';
  return { flip: false, marks: marks(false), caption: `${sideTitle(title, view.side)} (mirror it for the ${other})` };
}

/** The title, saying the side when it does not already. */
function sideTitle(title: string, side: 'left' | 'right'): string {
  return new RegExp(`\\b${side}\\b`, 'i').test(title) ? title : `${title}, ${side} side`;
}

/** A one-sided view's title for its mirror image: left and right change places. */
export function swapSides(title: string): string {
  const swap: Record<string, string> = { left: 'right', right: 'left', Left: 'Right', Right: 'Left', LEFT: 'RIGHT', RIGHT: 'LEFT' };
  return title.replace(/\b(left|right)\b/gi, (w) => swap[w] ?? w);
}
