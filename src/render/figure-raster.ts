// A grid of square dots that lines are drawn into, read out as terminal cells of 2 x 4 dots:
// braille characters where the terminal can show them, plain ASCII strokes where it cannot.
import type { Xy } from './figure-geometry.js';

/** Dots across and down in one terminal cell. */
export const CELL_W = 2;
export const CELL_H = 4;

// Braille dot numbering (Unicode 2800-28FF): bit for the dot at [column][row] of the cell.
const BRAILLE_BITS = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
];

/** A dot grid `width` x `height` dots; dot (i, j) covers [i, i+1) x [j, j+1). */
export class DotGrid {
  readonly cols: number;
  readonly rows: number;
  private readonly dots: Uint8Array;
  // Per cell, the doubled-angle sum of the strokes through it (a stroke's direction has no sign).
  private readonly dirX: Float64Array;
  private readonly dirY: Float64Array;

  constructor(readonly width: number, readonly height: number) {
    this.cols = Math.ceil(width / CELL_W);
    this.rows = Math.ceil(height / CELL_H);
    this.dots = new Uint8Array(this.cols * CELL_W * this.rows * CELL_H);
    this.dirX = new Float64Array(this.cols * this.rows);
    this.dirY = new Float64Array(this.cols * this.rows);
  }

  /** Whether the dot at (i, j) is set. */
  get(i: number, j: number): boolean {
    return i >= 0 && j >= 0 && i < this.width && j < this.height && this.dots[j * this.cols * CELL_W + i] === 1;
  }

  /** Set the dot under the point (x, y); points outside the grid are ignored. */
  plot(x: number, y: number): boolean {
    const i = Math.floor(x);
    const j = Math.floor(y);
    if (i < 0 || j < 0 || i >= this.width || j >= this.height) return false;
    this.dots[j * this.cols * CELL_W + i] = 1;
    return true;
  }

  /** Draw a straight line, setting every dot it passes through closely enough to look solid. */
  line([x0, y0]: Xy, [x1, y1]: Xy): void {
    const dx = x1 - x0;
    const dy = y1 - y0;
    const length = Math.hypot(dx, dy);
    const n = Math.max(1, Math.ceil(length / 0.25));
    // Doubled angle: a stroke drawn left-to-right or right-to-left points the same way.
    const a = Math.atan2(dy, dx) * 2;
    const wx = Math.cos(a) * (length / n);
    const wy = Math.sin(a) * (length / n);
    for (let k = 0; k <= n; k++) {
      const x = x0 + (dx * k) / n;
      const y = y0 + (dy * k) / n;
      if (this.plot(x, y) && length > 0) {
        const cell = Math.floor(y / CELL_H) * this.cols + Math.floor(x / CELL_W);
        this.dirX[cell] = this.dirX[cell]! + wx;
        this.dirY[cell] = this.dirY[cell]! + wy;
      }
    }
  }

  /** Draw each polyline as joined straight lines. */
  polylines(lines: Xy[][]): void {
    for (const l of lines) for (let k = 1; k < l.length; k++) this.line(l[k - 1]!, l[k]!);
  }

  /** The cells as braille characters (a space for an empty cell), row by row. */
  braille(): string[][] {
    return this.cells((c, r) => {
      let bits = 0;
      for (let i = 0; i < CELL_W; i++) for (let j = 0; j < CELL_H; j++) if (this.get(c * CELL_W + i, r * CELL_H + j)) bits |= BRAILLE_BITS[i]![j]!;
      return bits === 0 ? ' ' : String.fromCharCode(0x2800 + bits);
    });
  }

  /**
   * The cells as ASCII strokes, row by row: each cell's stroke direction picks `-`, `|`, `/` or
   * `\` (`_` for a level stroke low in the cell, `.` for a speck with no direction).
   */
  ascii(): string[][] {
    return this.cells((c, r) => {
      let count = 0;
      let low = 0;
      for (let i = 0; i < CELL_W; i++) {
        for (let j = 0; j < CELL_H; j++) {
          if (!this.get(c * CELL_W + i, r * CELL_H + j)) continue;
          count++;
          if (j >= CELL_H / 2) low++;
        }
      }
      if (count === 0) return ' ';
      const x = this.dirX[r * this.cols + c]!;
      const y = this.dirY[r * this.cols + c]!;
      if (Math.hypot(x, y) < 1e-9) return '.';
      // Back to a single angle, in degrees from -90 to 90; y grows downward on the screen.
      const deg = (Math.atan2(y, x) / 2) * (180 / Math.PI);
      if (Math.abs(deg) <= 22.5) return low === count ? '_' : '-';
      if (Math.abs(deg) >= 67.5) return '|';
      return deg < 0 ? '/' : '\\';
    });
  }

  private cells(f: (c: number, r: number) => string): string[][] {
    return Array.from({ length: this.rows }, (_, r) => Array.from({ length: this.cols }, (_, c) => f(c, r)));
  }
}
