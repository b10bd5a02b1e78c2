// Putting terminal figures next to text: a card with its figure beside it when the terminal is
// wide enough, below it when not, and a row of figures that wraps at the terminal's width.
import { padEnd, width as textWidth } from './text.js';

/** A drawn figure: its lines (with colour codes when the paint has colour) and its visible width. */
export interface TermFigure {
  lines: string[];
  width: number;
}

/** A terminal figure's usual size: about 40 columns by 18 rows. */
export const FIGURE_COLS = 40;
export const FIGURE_ROWS = 18;
/** Columns between a card and the figure beside it, and between figures in a row. */
export const GAP = 3;
/** A card beside a figure keeps at least this many columns, or the figure goes below it. */
export const MIN_CARD = 56;

/**
 * A card and its figure: beside it when `columns` leaves the card at least MIN_CARD columns,
 * otherwise below it after a blank line. `card(width)` renders the card wrapped to a width;
 * `maxCard` caps the card's width for reading comfort.
 */
export function withFigure(card: (width: number) => string, fig: TermFigure, columns: number, maxCard: number): string {
  const room = columns - fig.width - GAP;
  if (room < MIN_CARD) return `${card(Math.min(columns, maxCard))}\n\n${fig.lines.join('\n')}`;
  const left = card(Math.min(room, maxCard)).split('\n');
  const w = Math.max(...left.map(textWidth));
  const rows = Math.max(left.length, fig.lines.length);
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    const r = fig.lines[i];
    out.push(r === undefined ? (left[i] ?? '') : `${padEnd(left[i] ?? '', w + GAP)}${r}`);
  }
  return out.join('\n');
}

/** Figures side by side, as many to a row as fit in `columns`, rows separated by a blank line. */
export function figureRows(figs: TermFigure[], columns: number): string {
  const rows: TermFigure[][] = [];
  let row: TermFigure[] = [];
  let used = 0;
  for (const f of figs) {
    const need = row.length ? used + GAP + f.width : f.width;
    if (row.length && need > columns) {
      rows.push(row);
      row = [];
      used = 0;
    }
    used = row.length ? used + GAP + f.width : f.width;
    row.push(f);
  }
  if (row.length) rows.push(row);
  return rows.map((r) => {
    const height = Math.max(...r.map((f) => f.lines.length));
    const lines: string[] = [];
    for (let i = 0; i < height; i++) {
      // Figures are aligned at the bottom, so their captions share a line.
      const cells = r.map((f) => f.lines[i - (height - f.lines.length)] ?? '');
      lines.push(cells.map((cell, k) => (k === r.length - 1 ? cell : padEnd(cell, r[k]!.width + GAP))).join('').trimEnd());
    }
    return lines.join('\n');
  }).join('\n\n');
}
