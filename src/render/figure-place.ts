// Where a point's marks go on its view, for one side of the body or both, and what the figure's
// caption says. Shared by the terminal figure and the printable sheet, so both always mark the
// same places; the geometry of a side is core/figure-side.ts's.
import { figureOnSide } from '../core/figure-side.js';
import type { Side } from '../model/timeline.js';
import type { Figure, FigureView } from '../model/types.js';

export type { FigureView };

/** What `placeMarks` needs of a point. */
export interface FigurePoint {
  id: string;
  laterality: 'bilateral' | 'midline';
  figure?: Figure;
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
  const on = (s: 'left' | 'right' | 'center') => {
    const sided = figureOnSide(f, view, s);
    return { flip: sided.flip, marks: sided.marks.map((m, i): Mark => ({ code: p.id, x: m.x, y: m.y, label: i === 0 })) };
  };
  const title = view.title;
  if (p.laterality === 'midline' || side === 'center') return { ...on('center'), caption: title };
  if (view.mirror) {
    if (side === 'left' || side === 'right') return { ...on(side), caption: `${title}, ${side} side` };
    return { flip: false, marks: [...on('left').marks, ...on('right').marks], caption: `${title}, both sides` };
  }
  if (view.side === 'none') return { ...on('center'), caption: title };
  if (side === 'left' || side === 'right') {
    const placed = on(side);
    return { ...placed, caption: sideTitle(placed.flip ? swapSides(title) : title, side) };
  }
  // No side (a card, or both at once): the view as drawn, and how to get the other side.
  const other = view.side === 'left' ? 'right' : 'left';
  return { ...on(view.side), caption: `${sideTitle(title, view.side)} (mirror it for the ${other})` };
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
