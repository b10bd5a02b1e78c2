// Path maths for the terminal figures: SVG path data in, straight polylines out. svgpath does the
// parsing, the arc-to-curve conversion and the transforms; we only flatten the curves it leaves.
import svgpath from 'svgpath';

/** A point in the plane, [x, y]. */
export type Xy = [number, number];

/** An affine placement: x' = flip ? (width - x) * scale + dx : x * scale + dx; y' = y * scale + dy. */
export interface Placement {
  scale: number;
  dx: number;
  dy: number;
  /** Mirror left and right about the middle of a box this wide (in source units). */
  flipWidth?: number;
}

/**
 * Flatten SVG path data into polylines (one per subpath), placed by `at`. Curves are cut into
 * straight pieces no longer than `step` output units, so a curve looks smooth on the grid it is
 * drawn on. Throws an Error naming the fault when the path data does not parse.
 */
export function flattenPath(d: string, at: Placement, step = 0.5): Xy[][] {
  let p = svgpath(d);
  if ((p as unknown as { err?: string }).err) throw new Error((p as unknown as { err: string }).err);
  // svgpath applies transforms in the order they are called.
  if (at.flipWidth !== undefined) p = p.scale(-1, 1).translate(at.flipWidth, 0);
  p = p.scale(at.scale).translate(at.dx, at.dy).abs().unarc().unshort();
  const lines: Xy[][] = [];
  let line: Xy[] = [];
  let start: Xy = [0, 0];
  const to = (x: number, y: number) => line.push([x, y]);
  p.iterate((seg, _i, x, y) => {
    switch (seg[0]) {
      case 'M':
        if (line.length > 1) lines.push(line);
        line = [[seg[1], seg[2]]];
        start = [seg[1], seg[2]];
        break;
      case 'L': to(seg[1], seg[2]); break;
      case 'H': to(seg[1], y); break;
      case 'V': to(x, seg[1]); break;
      case 'C': curve([[x, y], [seg[1], seg[2]], [seg[3], seg[4]], [seg[5], seg[6]]], step, to); break;
      case 'Q': curve([[x, y], [seg[1], seg[2]], [seg[3], seg[4]]], step, to); break;
      case 'Z': case 'z':
        to(start[0], start[1]);
        break;
      default:
        // abs().unarc().unshort() leaves only the commands above.
        throw new Error(`unexpected path command ${seg[0]}`);
    }
    // A drawing command right after Z continues from the subpath's start.
    if ((seg[0] === 'Z' || seg[0] === 'z') && line.length > 1) {
      lines.push(line);
      line = [start];
    }
  });
  if (line.length > 1) lines.push(line);
  return lines;
}

/** Cut a Bézier curve (quadratic or cubic, given by its control points) into short straight pieces. */
function curve(ctrl: Xy[], step: number, to: (x: number, y: number) => void): void {
  // The control polygon is never shorter than the curve, so this many pieces are short enough.
  let length = 0;
  for (let i = 1; i < ctrl.length; i++) length += Math.hypot(ctrl[i]![0] - ctrl[i - 1]![0], ctrl[i]![1] - ctrl[i - 1]![1]);
  const n = Math.min(512, Math.max(1, Math.ceil(length / step)));
  for (let k = 1; k <= n; k++) {
    const [x, y] = bezier(ctrl, k / n);
    to(x, y);
  }
}

/** A point on a Bézier curve at parameter t, by de Casteljau's construction. */
function bezier(ctrl: Xy[], t: number): Xy {
  let pts = ctrl;
  while (pts.length > 1) {
    const next: Xy[] = [];
    for (let i = 1; i < pts.length; i++) {
      next.push([pts[i - 1]![0] + (pts[i]![0] - pts[i - 1]![0]) * t, pts[i - 1]![1] + (pts[i]![1] - pts[i - 1]![1]) * t]);
    }
    pts = next;
  }
  return pts[0]!;
}
