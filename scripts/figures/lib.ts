// Drawing helpers for the figure generator (npm run figures). Views are drawn in cun: the WHO 2008
// proportional unit, so a point "3 B-cun below ST35" is placed 3 units below it. The generator
// scales each view to its box (10 box units to the cun) and writes data/figures/*.yaml.
export type Pt = [number, number];
/** A point of a smooth line; a third element 'corner' makes the line turn sharply there. */
export type Knot = Pt | [number, number, 'corner'];
type Cmd = { c: 'M' | 'L' | 'C' | 'Z'; p: Pt[] };
/** A path in cun coordinates, serialised to absolute M/L/C/Z when the view is written. */
export type Shape = Cmd[];

const corner = (k: Knot) => k.length === 3;
const xy = (k: Knot): Pt => [k[0], k[1]];

/**
 * A smooth line through the knots (Catmull-Rom turned into cubic Béziers), open or closed.
 * `tension` 1 is the usual curve; lower is tighter.
 */
export function smooth(knots: Knot[], closed = false, tension = 1): Shape {
  const n = knots.length;
  const P = knots.map(xy);
  const at = (i: number) => (closed ? P[(i + n) % n]! : P[Math.max(0, Math.min(n - 1, i))]!);
  const tangent = (i: number): Pt => {
    if (corner(knots[(i + n) % n]!) || (!closed && (i === 0 || i === n - 1))) return [0, 0];
    const a = at(i - 1), b = at(i + 1);
    return [((b[0] - a[0]) / 2) * tension, ((b[1] - a[1]) / 2) * tension];
  };
  const out: Shape = [{ c: 'M', p: [P[0]!] }];
  const segs = closed ? n : n - 1;
  for (let i = 0; i < segs; i++) {
    const a = at(i), b = at(i + 1);
    const ta = tangent(i), tb = tangent(i + 1);
    if (ta[0] === 0 && ta[1] === 0 && tb[0] === 0 && tb[1] === 0) out.push({ c: 'L', p: [b] });
    else out.push({ c: 'C', p: [[a[0] + ta[0] / 3, a[1] + ta[1] / 3], [b[0] - tb[0] / 3, b[1] - tb[1] / 3], b] });
  }
  if (closed) out.push({ c: 'Z', p: [] });
  return out;
}

/** Straight segments through the points. */
export function line(points: Pt[], closed = false): Shape {
  const out: Shape = [{ c: 'M', p: [points[0]!] }, ...points.slice(1).map((p) => ({ c: 'L' as const, p: [p] }))];
  if (closed) out.push({ c: 'Z', p: [] });
  return out;
}

/** An ellipse (four Bézier quarters), optionally turned by `deg` degrees. */
export function ellipse(cx: number, cy: number, rx: number, ry: number, deg = 0): Shape {
  const k = 0.5523;
  const r = (deg * Math.PI) / 180;
  const T = (x: number, y: number): Pt => [cx + x * Math.cos(r) - y * Math.sin(r), cy + x * Math.sin(r) + y * Math.cos(r)];
  return [
    { c: 'M', p: [T(rx, 0)] },
    { c: 'C', p: [T(rx, k * ry), T(k * rx, ry), T(0, ry)] },
    { c: 'C', p: [T(-k * rx, ry), T(-rx, k * ry), T(-rx, 0)] },
    { c: 'C', p: [T(-rx, -k * ry), T(-k * rx, -ry), T(0, -ry)] },
    { c: 'C', p: [T(k * rx, -ry), T(rx, -k * ry), T(rx, 0)] },
    { c: 'Z', p: [] },
  ];
}

/** A shape moved, scaled about the origin or mirrored (x → -x). */
export function transform(s: Shape, f: (p: Pt) => Pt): Shape {
  return s.map((cmd) => ({ c: cmd.c, p: cmd.p.map(f) }));
}
export const mirrorX = (s: Shape): Shape => transform(s, ([x, y]) => [-x, y]);
export const both = (s: Shape): Shape[] => [s, mirrorX(s)];
export const shift = (s: Shape, dx: number, dy: number): Shape => transform(s, ([x, y]) => [x + dx, y + dy]);

/**
 * A closed outline symmetric about x = 0: `half` runs down one side from the top of the midline
 * to the bottom of the midline (x >= 0); the other side is its mirror.
 */
export function symmetric(half: Knot[], tension = 1): Shape {
  const back = half.slice(1, -1).reverse().map((k): Knot => (k.length === 3 ? [-k[0], k[1], 'corner'] : [-k[0], k[1]]));
  return smooth([...half, ...back], true, tension);
}

/** A placement: one mark, or a main mark with further marks of the same point (a group). */
export type Place = Pt | { at: Pt; also: Pt[] };

export interface ViewSpec {
  id: string;
  title: string;
  shows: 'front' | 'back' | 'left' | 'right' | 'top' | 'bottom' | 'inner' | 'outer';
  side: 'left' | 'right' | 'none';
  /** Symmetric views: which half of the drawing holds the person's left (midline at x = 0). */
  personLeft?: 'viewer-left' | 'viewer-right';
  /** The drawn area in cun: [left, top, right, bottom]. */
  frame: [number, number, number, number];
  /** A comment for the YAML file: orientation and how the view is measured. */
  note: string;
  outlines: Shape[];
  details: Shape[];
  landmarks: Record<string, Pt>;
  /** Body regions drawn as ellipses for massage steps: [centre x, centre y, rx, ry] in cun. */
  areas?: Record<string, [number, number, number, number]>;
  points: Record<string, Place>;
}

/** Box units per cun. */
export const UNIT = 10;

const num = (v: number) => {
  const r = Math.round(v * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
};

/** A shape as SVG path data in the view's box units. */
export function pathData(s: Shape, frame: ViewSpec['frame']): string {
  const f = ([x, y]: Pt) => `${num((x - frame[0]) * UNIT)} ${num((y - frame[1]) * UNIT)}`;
  return s.map((cmd) => (cmd.c === 'Z' ? 'Z' : `${cmd.c} ${cmd.p.map(f).join(' ')}`)).join(' ');
}

/** A cun position as fractions of the view's box, rounded to 1/1000. */
export function fractionOf([x, y]: Pt, frame: ViewSpec['frame']): Pt {
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return [r((x - frame[0]) / (frame[2] - frame[0])), r((y - frame[1]) / (frame[3] - frame[1]))];
}

/** Linear interpolation between two positions: t = 0 gives a, 1 gives b. */
export const lerp = (a: Pt, b: Pt, t: number): Pt => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** A point on the quadratic Bézier from a to b pulled toward c, at t (0..1): for "the curved line from … to …". */
export const qbez = (a: Pt, c: Pt, b: Pt, t: number): Pt => [
  (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * c[0] + t ** 2 * b[0],
  (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * c[1] + t ** 2 * b[1],
];

/**
 * An open outline symmetric about x = 0: `half` runs from the top of the midline (x = 0) down one
 * side to where the line stops; the result runs up the mirrored side, over the top and down.
 */
export function symmetricOpen(half: Knot[], tension = 1): Shape {
  const mirrored = half.slice(1).reverse().map((k): Knot => (k.length === 3 ? [-k[0], k[1], 'corner'] : [-k[0], k[1]]));
  return smooth([...mirrored, ...half], false, tension);
}

/** Piecewise-linear map through [from, to] pairs (sorted by from), extended at the ends. */
export function piecewise(pairs: Array<[number, number]>): (v: number) => number {
  return (v) => {
    let i = 0;
    while (i < pairs.length - 2 && v > pairs[i + 1]![0]) i++;
    const [a0, b0] = pairs[i]!, [a1, b1] = pairs[i + 1]!;
    return b0 + ((v - a0) * (b1 - b0)) / (a1 - a0);
  };
}
