// The left hand, fingers up, in cun (1 cun = the width of the thumb's interphalangeal joint,
// about 2 cm): x from the axis of the third metacarpal toward the thumb, y down from... with the
// dorsal (or palmar) wrist crease at y = 0 and the knuckles (metacarpophalangeal joints) at y = -4.6.
// hand-back is the back of the left hand as its owner sees it (thumb on the right); palm is the
// palm of the left hand as its owner sees it (thumb on the left): the same drawing mirrored.
import { ellipse, mirrorX, smooth, type Knot, type Place, type Pt, type Shape, type ViewSpec } from '../lib.js';

// Finger axes: [base at the knuckle, tip]; index, middle, ring, little (radial side is +x).
const FINGERS: Array<{ base: Pt; tip: Pt; w: number; pip: number; dip: number }> = [
  { base: [1.5, -4.75], tip: [1.85, -9.15], w: 0.42, pip: 0.42, dip: 0.73 },
  { base: [0.35, -5.0], tip: [0.4, -9.75], w: 0.44, pip: 0.42, dip: 0.74 },
  { base: [-0.8, -4.85], tip: [-1.0, -9.3], w: 0.42, pip: 0.42, dip: 0.74 },
  { base: [-1.85, -4.45], tip: [-2.35, -7.9], w: 0.37, pip: 0.42, dip: 0.74 },
];
const along = (a: Pt, b: Pt, t: number, off = 0): Pt => {
  const dx = b[0] - a[0], dy = b[1] - a[1], L = Math.hypot(dx, dy);
  // A positive offset is to the left of the direction a→b (the ulnar side of an upright finger on the back of the hand).
  return [a[0] + dx * t + (dy / L) * off, a[1] + dy * t - (dx / L) * off];
};

// The outline runs from the wrist on the ulnar side (-x), round the little finger, the fingers
// and the thumb, back to the wrist on the radial side.
function fingerKnots(f: (typeof FINGERS)[number], webBefore: Pt | undefined): Knot[] {
  const { base, tip, w } = f;
  const left: Pt = along(base, tip, 0.2, w), right: Pt = along(base, tip, 0.2, -w);
  const ks: Knot[] = [];
  if (webBefore) ks.push(webBefore);
  ks.push(left, along(base, tip, 0.55, w * 0.95), along(base, tip, 0.9, w * 0.85), along(base, tip, 1, 0), along(base, tip, 0.9, -w * 0.85), along(base, tip, 0.55, -w * 0.95), right);
  return ks;
}
const webs: Pt[] = [[-1.33, -5.5], [-0.22, -5.62], [0.93, -5.52]];
const thumb = { base: [2.1, -1.0] as Pt, mcp: [3.2, -2.9] as Pt, tip: [4.45, -5.85] as Pt };
const handKnots: Knot[] = [
  [-2.05, 1.6], [-2.15, 0.0], [-2.45, -1.8], [-2.45, -3.6],
  ...fingerKnots(FINGERS[3]!, undefined).slice(0),
  ...fingerKnots(FINGERS[2]!, webs[0]),
  ...fingerKnots(FINGERS[1]!, webs[1]),
  ...fingerKnots(FINGERS[0]!, webs[2]),
  [2.0, -4.0], [2.55, -3.7, 'corner'],
  // thumb: inner (web) side up to the tip, round it, outer side down to the wrist
  along(thumb.mcp, thumb.tip, 0.2, 0.42), along(thumb.mcp, thumb.tip, 0.7, 0.4), along(thumb.mcp, thumb.tip, 0.95, 0.25), thumb.tip,
  along(thumb.mcp, thumb.tip, 0.9, -0.45), along(thumb.mcp, thumb.tip, 0.45, -0.5), along(thumb.base, thumb.mcp, 0.7, -0.62), along(thumb.base, thumb.mcp, 0.1, -0.6),
  [2.3, 0.2], [2.15, 1.6],
];
const outline = smooth(handKnots, false, 0.9);

const crease = (f: (typeof FINGERS)[number], t: number): Shape => smooth([along(f.base, f.tip, t, f.w * 0.8), along(f.base, f.tip, t, 0), along(f.base, f.tip, t, -f.w * 0.8)], false);
const nail = (a: Pt, b: Pt, w: number): Shape => smooth([along(a, b, 0.8, w * 0.6), along(a, b, 0.72, 0), along(a, b, 0.8, -w * 0.6), along(a, b, 0.97, -w * 0.5), along(a, b, 0.97, w * 0.5)], true, 0.6);
const wrist = smooth([[-2.1, 0], [0, 0.12], [2.25, 0]], false);

const indexF = FINGERS[0]!, middleF = FINGERS[1]!, ringF = FINGERS[2]!, littleF = FINGERS[3]!;

// Placements on the back of the hand (x toward the thumb).
const back: Record<string, Place> = {
  LI1: along(indexF.base, indexF.tip, 0.93, -indexF.w * 0.85), // radial corner of the index fingernail
  LI2: along(indexF.base, indexF.tip, 0.1, -indexF.w * 1.05), // distal to the 2nd MCP joint, radial side
  LI3: [1.98, -4.1], // proximal to the 2nd MCP joint, radial side
  LI4: [1.92, -2.55], // radial side of the middle of the 2nd metacarpal
  SI1: along(littleF.base, littleF.tip, 0.93, littleF.w * 0.85), // ulnar corner of the little fingernail
  SI2: along(littleF.base, littleF.tip, 0.1, littleF.w * 1.05), // distal to the 5th MCP joint, ulnar side
  SI3: [-2.4, -3.75], // proximal to the 5th MCP joint, ulnar side
  SI4: [-2.2, -0.75], // between the base of the 5th metacarpal and the triquetrum
  TE1: along(ringF.base, ringF.tip, 0.93, ringF.w * 0.85), // ulnar corner of the ring fingernail
  TE2: [-1.35, -5.35], // web between ring and little fingers, proximal to its margin
  TE3: [-1.38, -4.0], // between the 4th and 5th metacarpals, proximal to the 4th MCP joint
  HT9: along(littleF.base, littleF.tip, 0.93, -littleF.w * 0.85), // radial corner of the little fingernail
  LU11: along(thumb.mcp, thumb.tip, 0.9, -0.4), // radial corner of the thumbnail
  'EX-UE4': along(middleF.base, middleF.tip, middleF.pip, 0), // back of the middle finger, PIP joint
  'EX-UE5': along(thumb.mcp, thumb.tip, 0.5, 0), // back of the thumb, interphalangeal joint
  'EX-UE6': along(littleF.base, littleF.tip, littleF.pip, 0), // back of the little finger, PIP joint
  // Yaotongdian: between the 2nd/3rd and the 4th/5th metacarpals, midway from wrist crease to knuckles.
  'EX-UE7': { at: [0.9, -2.4], also: [[-1.35, -2.3]] },
  'EX-UE8': [0.92, -4.15], // between the 2nd and 3rd metacarpals, 0.5 cun proximal to the knuckles
  // Baxie: the four webs, thumb-index first.
  'EX-UE9': { at: [2.5, -3.95], also: [[0.95, -5.45], [-0.22, -5.55], [-1.35, -5.42]] },
  // Shixuan: the tips of the fingers and thumb, 0.1 F-cun beyond the nail.
  'EX-UE11': { at: along(indexF.base, indexF.tip, 1.02, 0), also: [along(thumb.mcp, thumb.tip, 1.03, 0), along(middleF.base, middleF.tip, 1.02, 0), along(ringF.base, ringF.tip, 1.02, 0), along(littleF.base, littleF.tip, 1.03, 0)] },
};

const fingerDetails = (withNails: boolean): Shape[] => [
  ...FINGERS.flatMap((f) => [crease(f, f.pip), crease(f, f.dip)]),
  ...(withNails ? [...FINGERS.map((f) => nail(f.base, f.tip, f.w)), nail(thumb.mcp, thumb.tip, 0.45)] : []),
  smooth([along(thumb.mcp, thumb.tip, 0.5, 0.4), along(thumb.mcp, thumb.tip, 0.5, -0.45)], false),
  wrist,
];
// Knuckle and metacarpal hints on the back of the hand.
const bones: Shape[] = [
  ...FINGERS.map((f) => smooth([[f.base[0] * 0.75, -0.6], [f.base[0] * 0.95, -2.6], [f.base[0], f.base[1] + 0.55]], false)),
  ellipse(indexF.base[0], indexF.base[1] + 0.45, 0.3, 0.2), ellipse(middleF.base[0], middleF.base[1] + 0.45, 0.3, 0.2), ellipse(ringF.base[0], ringF.base[1] + 0.45, 0.3, 0.2), ellipse(littleF.base[0], littleF.base[1] + 0.45, 0.26, 0.18),
];
// Palm creases: distal, proximal and thenar.
const palmCreases: Shape[] = [
  smooth([[-2.4, -3.5], [-1.2, -3.75], [0.1, -3.9], [0.9, -4.35]], false),
  smooth([[2.4, -3.5], [1.2, -3.25], [0.0, -3.0], [-1.4, -2.6], [-2.2, -2.35]], false),
  smooth([[2.3, -3.6], [1.4, -2.6], [1.05, -1.3], [1.0, 0.0]], false),
];

const land = (m: boolean): Record<string, Pt> => ({
  'wrist crease': [0, 0.08],
  'thumb-index web': m ? [2.55, -3.7] : [2.55, -3.7],
  'index knuckle (2nd MCP)': indexF.base, 'little knuckle (5th MCP)': littleF.base,
});

const mirrorPlace = (p: Place): Place => (Array.isArray(p) ? [-p[0], p[1]] : { at: [-p.at[0], p.at[1]], also: p.also.map(([x, y]): Pt => [-x, y]) });
const mirrorLand = (r: Record<string, Pt>) => Object.fromEntries(Object.entries(r).map(([k, [x, y]]) => [k, [-x, y] as Pt]));

export const handBack: ViewSpec = {
  id: 'hand-back',
  title: 'Back of the left hand',
  shows: 'back',
  side: 'left',
  frame: [-3.6, -10.6, 5.8, 2.0],
  note: 'The back of the left hand as you look at your own, fingers up, thumb on the right. Drawn in F-cun (the width of the thumb joint); the wrist crease is at the bottom.',
  outlines: [outline],
  details: [...fingerDetails(true), ...bones],
  areas: { hand: [0.2, -3.6, 2.9, 4.6] },
  landmarks: land(false),
  points: back,
};

// Placements on the palm, drawn as on the back and then mirrored (thumb on the left).
const palmSide: Record<string, Place> = {
  LU10: [2.95, -1.55], // thenar eminence, radial side of the middle of the 1st metacarpal
  PC8: [0.75, -3.1], // between the 2nd and 3rd metacarpals, where the middle fingertip rests in a fist
  HT8: [-1.38, -3.05], // between the 4th and 5th metacarpals, where the little fingertip rests in a fist
  PC9: along(middleF.base, middleF.tip, 0.985, 0), // centre of the tip of the middle finger
  // Sifeng: palmar PIP creases of the index, middle, ring and little fingers.
  'EX-UE10': { at: along(indexF.base, indexF.tip, indexF.pip, 0), also: [along(middleF.base, middleF.tip, middleF.pip, 0), along(ringF.base, ringF.tip, ringF.pip, 0), along(littleF.base, littleF.tip, littleF.pip, 0)] },
};

export const palm: ViewSpec = {
  id: 'palm',
  title: 'Palm of the left hand',
  shows: 'front',
  side: 'left',
  frame: [-5.8, -10.6, 3.6, 2.0],
  note: 'The palm of the left hand as you look at your own, fingers up, thumb on the left. Drawn in F-cun; the palmar wrist crease is at the bottom.',
  outlines: [mirrorX(outline)],
  details: [...fingerDetails(false), ...palmCreases].map(mirrorX),
  areas: { hand: [-0.2, -3.6, 2.9, 4.6] },
  landmarks: mirrorLand(land(true)),
  points: Object.fromEntries(Object.entries(palmSide).map(([k, p]) => [k, mirrorPlace(p)])),
};
