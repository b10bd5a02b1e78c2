// The live view's locate phase with the point's figure: below the text in a tall terminal, beside
// it in a wide one, and left out when neither has room, so the text always stays readable.
import { FIGURE_COLS, FIGURE_ROWS, GAP, type TermFigure } from './figure-layout.js';
import { padEnd, width as textWidth } from './text.js';

/** Draws the phase's figure within a size, or undefined when there is none. */
export type FigureAt = (maxCols: number, maxRows: number) => TermFigure | undefined;

/** The fewest rows a figure is worth drawing in. */
export const MIN_FIGURE_ROWS = 8;
/** The fewest columns left for the text when the figure goes beside it. */
export const MIN_TEXT = 36;
/** The fewest columns a figure beside the text is drawn in; narrower, it goes below or is left out. */
export const MIN_FIGURE_COLS = 24;

/** A phase's frame as laid out: its text, the width the text was wrapped to, and whether the figure is in it. */
export interface FigureFrame {
  frame: string;
  /** The columns `text` was given for the text that is shown (narrower than the frame beside a figure). */
  textColumns: number;
  /** The figure was drawn (below or beside the text). */
  figure: boolean;
}

/**
 * The frame for a phase: `text(columns)` is the live view wrapped to a width; `figure` draws the
 * point (or is undefined outside a locate phase). The frame never has more lines than `rows - 1`
 * (the cursor's line) nor lines wider than `columns`. Beside the text, the figure gives way to
 * it: it is drawn narrower so that the text keeps `minText` columns (the live view asks for room
 * for its whole key hint line), and not beside it at all when that leaves under MIN_FIGURE_COLS.
 */
export function frameWithFigure(text: (columns: number) => string, figure: FigureAt | undefined, columns: number, rows: number | undefined, minText = MIN_TEXT): string {
  return layFigure(text, figure, columns, rows, minText).frame;
}

/** frameWithFigure, saying how it laid the frame out (the live view checks that nothing was left out). */
export function layFigure(text: (columns: number) => string, figure: FigureAt | undefined, columns: number, rows: number | undefined, minText = MIN_TEXT): FigureFrame {
  const full = text(columns);
  const alone = { frame: full, textColumns: columns, figure: false };
  if (!figure || rows === undefined) return alone;
  const height = full.split('\n').length;
  // Below the text (indented like its body, after a blank line) or beside it (the text wrapped
  // narrower, the figure from the second line on: the spinner stands before the first),
  // whichever leaves the figure taller.
  const below = Math.min(FIGURE_ROWS, rows - 1 - height - 1);
  const side = Math.min(FIGURE_ROWS, rows - 2);
  const canBelow = below >= MIN_FIGURE_ROWS && columns - 2 >= 20;
  const sideCols = Math.min(FIGURE_COLS, columns - GAP - Math.max(MIN_TEXT, minText));
  const canSide = side >= MIN_FIGURE_ROWS && sideCols >= MIN_FIGURE_COLS;
  if (canSide && (!canBelow || side > below)) {
    const f = figure(sideCols, side);
    const left = f ? text(columns - GAP - f.width).split('\n') : [];
    const w = Math.max(0, ...left.map(textWidth));
    if (f && w + GAP + f.width <= columns) {
      const n = Math.max(left.length, f.lines.length + 1);
      const out: string[] = [];
      for (let i = 0; i < n; i++) {
        const r = i === 0 ? undefined : f.lines[i - 1];
        out.push(r === undefined ? (left[i] ?? '') : `${padEnd(left[i] ?? '', w + GAP)}${r}`);
      }
      return { frame: out.join('\n'), textColumns: columns - GAP - f.width, figure: true };
    }
  }
  if (canBelow) {
    const f = figure(Math.min(FIGURE_COLS, columns - 2), below);
    if (f) return { frame: `${full}\n\n${f.lines.map((l) => `  ${l}`).join('\n')}`, textColumns: columns, figure: true };
  }
  return alone;
}
