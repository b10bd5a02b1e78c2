// A body view drawn in the terminal: the outlines rasterised into braille dots (or ASCII strokes),
// each marked point as a bright dot with its code beside it, and a caption underneath.
import { escapeHidden } from '../model/printable.js';
import { flattenPath } from './figure-geometry.js';
import type { FigureView, Placed } from './figure-place.js';
import { CELL_H, CELL_W, DotGrid } from './figure-raster.js';
import type { Paint } from './paint.js';
import { truncate, width as textWidth, wrap } from './text.js';

import type { TermFigure } from './figure-layout.js';

export type { TermFigure } from './figure-layout.js';

/** How big a terminal figure may be, and what the terminal can show. */
export interface TermFigureOptions {
  /** Braille and ● where the locale is UTF-8; ASCII strokes and @ otherwise. */
  unicode: boolean;
  /** The most columns the figure may take; it never takes more. */
  maxCols: number;
  /** The most rows, caption included (at least 3). */
  maxRows: number;
  paint: Paint;
}

/** The smallest detail drawn, across its bounding box, in dots. */
const MIN_DETAIL = 9;
/** The narrowest a caption is wrapped to. */
const CAPTION = 30;


type Ink = 'line' | 'mark' | 'label';

/**
 * Draw `view` with the marks of `placed`, fitted into `maxCols` x `maxRows` and keeping the view's
 * proportions (a braille dot is as wide as it is tall in a cell twice as tall as wide). Throws an
 * Error when an outline's path data does not parse.
 */
export function terminalFigure(view: FigureView, placed: Placed, o: TermFigureOptions): TermFigure {
  const maxCols = Math.max(1, Math.floor(o.maxCols));
  // The caption is wrapped to the drawing's width (at least CAPTION columns): room is reserved
  // for it at that narrowest width first, and a wider drawing can only make it shorter.
  // The longest it can be names the points too, for when a label finds no room.
  const captionText = escapeHidden(placed.caption);
  const codes = [...new Set(placed.marks.map((m) => escapeHidden(m.code)))].join(', ');
  const named = (text: string) => (codes ? `${codes}: ${text}` : text);
  const reserved = captionLines(named(captionText), Math.min(maxCols, CAPTION), o.unicode).length;
  const drawRows = Math.max(2, Math.floor(o.maxRows) - reserved);
  const { width: w, height: h } = view.box;
  // Half a dot of margin on each side, so strokes along the box's edges stay on the grid.
  const scale = Math.min((maxCols * CELL_W - 1) / w, (drawRows * CELL_H - 1) / h);
  const grid = new DotGrid(Math.floor(w * scale) + 1, Math.floor(h * scale) + 1);
  const at = { scale, dx: 0.5, dy: 0.5, flipWidth: placed.flip ? w : undefined };
  for (const d of view.outlines) grid.polylines(flattenPath(d, at, 0.5));
  // The lighter lines (an ear, an eye, a crease) only in braille, and only those big enough on
  // this grid to read as a shape rather than a smudge (nails and knuckles at this size are not).
  if (o.unicode) {
    for (const d of view.details ?? []) {
      const lines = flattenPath(d, at, 0.5);
      const xs = lines.flat().map(([x]) => x);
      const ys = lines.flat().map(([, y]) => y);
      if (Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) >= MIN_DETAIL) grid.polylines(lines);
    }
  }
  const cells = o.unicode ? grid.braille() : grid.ascii();
  const ink: Ink[][] = cells.map((row) => row.map(() => 'line'));
  const taken = new Set<string>();
  const cellOf = (x: number, y: number) => [
    Math.min(grid.cols - 1, Math.max(0, Math.floor((x * w * scale + 0.5) / CELL_W))),
    Math.min(grid.rows - 1, Math.max(0, Math.floor((y * h * scale + 0.5) / CELL_H))),
  ] as const;
  for (const m of placed.marks) {
    const [c, r] = cellOf(m.x, m.y);
    cells[r]![c] = o.unicode ? '●' : '@';
    ink[r]![c] = 'mark';
    taken.add(`${c},${r}`);
  }
  const labelled = new Set<string>();
  let unlabelled = false;
  for (const m of placed.marks) {
    if (!m.label) continue;
    const [c, r] = cellOf(m.x, m.y);
    const label = escapeHidden(m.code);
    // Labels point away from the midline, out of the body; the second mark of a pair (both
    // sides) goes without one rather than cover the drawing.
    const right = { from: c + 1, to: c + 1 + label.length }; // a space, then the label
    const left = { from: c - 1 - label.length, to: c - 1 };
    const order = m.x < 0.5 ? [left, right] : [right, left];
    const tries = labelled.has(m.code) ? order.slice(0, 1) : order;
    const span = tries.find((t) => t.from >= 0 && t.to < maxCols && !spanTaken(taken, t.from, t.to, r));
    if (!span) {
      if (!labelled.has(m.code)) unlabelled = true;
      continue;
    }
    labelled.add(m.code);
    widen(cells[r]!, ink[r]!, span.to + 1);
    const text = span === right ? ` ${label}` : `${label} `;
    for (let k = 0; k < text.length; k++) {
      cells[r]![span.from + k] = text[k]!;
      ink[r]![span.from + k] = 'label';
      taken.add(`${span.from + k},${r}`);
    }
  }
  const out = trimBlank(cells, ink).map(([row, inks]) => paintRow(row, inks, o.paint));
  // A mark whose label found no room is named in the caption instead.
  const drawn = Math.max(0, ...out.map(textWidth));
  const capWidth = Math.min(maxCols, Math.max(CAPTION, drawn));
  for (const l of captionLines(unlabelled ? named(captionText) : captionText, capWidth, o.unicode)) out.push(o.paint.dim(l));
  return { lines: out, width: Math.max(0, ...out.map(textWidth)) };
}

function spanTaken(taken: Set<string>, from: number, to: number, r: number): boolean {
  for (let k = from; k <= to; k++) if (taken.has(`${k},${r}`)) return true;
  return false;
}

function widen(row: string[], inks: Ink[], n: number): void {
  while (row.length < n) {
    row.push(' ');
    inks.push('line');
  }
}

/** Drop blank rows above and below the drawing and the blank columns left of it all. */
function trimBlank(cells: string[][], ink: Ink[][]): Array<[string[], Ink[]]> {
  const blank = (row: string[]) => row.every((ch) => ch === ' ');
  let top = 0;
  let bottom = cells.length;
  while (top < bottom && blank(cells[top]!)) top++;
  while (bottom > top && blank(cells[bottom - 1]!)) bottom--;
  const rows = cells.slice(top, bottom);
  const lead = Math.min(...rows.map((row) => {
    const i = row.findIndex((ch) => ch !== ' ');
    return i < 0 ? Infinity : i;
  }));
  const cut = Number.isFinite(lead) ? lead : 0;
  return rows.map((row, i) => [row.slice(cut), ink[top + i]!.slice(cut)]);
}

/** One row of cells as text, each run of marks or labels in its style, without trailing blanks. */
function paintRow(row: string[], inks: Ink[], paint: Paint): string {
  const style = { line: (s: string) => s, mark: paint.mark, label: paint.bold };
  let end = row.length;
  while (end > 0 && row[end - 1] === ' ') end--;
  let out = '';
  for (let k = 0; k < end;) {
    const kind = inks[k]!;
    let run = '';
    while (k < end && inks[k] === kind) run += row[k++];
    out += style[kind](run);
  }
  return out;
}

/** The caption in lines of at most `cols` columns: two lines at most, cut with an ellipsis. */
function captionLines(text: string, cols: number, unicode: boolean): string[] {
  const lines = cols >= 20 ? wrap(text, cols).split('\n') : [text];
  const two = lines.length > 2 ? [lines[0]!, lines.slice(1).join(' ')] : lines;
  return two.map((l) => cut(l, cols, unicode));
}

/** Cut to `cols` columns with an ellipsis: … where the terminal has Unicode, ... where not. */
function cut(text: string, cols: number, unicode: boolean): string {
  if (textWidth(text) <= cols) return text;
  if (unicode) return truncate(text, cols);
  return `${text.slice(0, Math.max(0, cols - 3))}...`;
}
