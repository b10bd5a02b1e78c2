// The left foot from above, the inner side, the outer side and below, in cun (about 2.2 cm).
// foot-top: as you look down at your own left foot, toes up, big toe on the right, the ankle crease
// (ST41) at y = 0. foot-inner and foot-outer: y = 0 at the prominence of the malleolus, the sole
// 3 cun below it. sole: the sole of the left foot, toes up, big toe on the left, heel at the bottom.
import { ellipse, smooth, type Knot, type Place, type Pt, type Shape, type ViewSpec } from '../lib.js';

// Toe axes on the top view (base at the joint with the foot, tip) and half-widths; big toe first.
const TOES: Array<{ base: Pt; tip: Pt; w: number }> = [
  { base: [1.1, -5.0], tip: [1.15, -7.35], w: 0.55 },
  { base: [0.0, -5.4], tip: [0.05, -7.25], w: 0.28 },
  { base: [-0.75, -5.3], tip: [-0.8, -6.95], w: 0.27 },
  { base: [-1.45, -5.1], tip: [-1.55, -6.6], w: 0.26 },
  { base: [-2.1, -4.75], tip: [-2.3, -6.05], w: 0.25 },
];
const webs: Pt[] = [[0.5, -5.65], [-0.38, -5.55], [-1.1, -5.4], [-1.8, -5.2]];
const toeKnots = (i: number): Knot[] => {
  const { base, tip, w } = TOES[i]!;
  const y1 = base[1] + (tip[1] - base[1]) * 0.72;
  return [[base[0] - w, base[1] - 0.5], [tip[0] - w * 0.95, y1], [tip[0] - w * 0.5, tip[1] + 0.1], [tip[0] + w * 0.5, tip[1] + 0.1], [tip[0] + w * 0.95, y1], [base[0] + w, base[1] - 0.5]];
};
const topOutline = smooth([
  [-1.55, 2.4], [-1.7, 0.9], [-1.95, 0.3], [-2.25, -1.2], [-2.55, -3.2], [-2.6, -4.3],
  ...toeKnots(4), webs[3]!, ...toeKnots(3), webs[2]!, ...toeKnots(2), webs[1]!, ...toeKnots(1), webs[0]!, ...toeKnots(0),
  [1.75, -4.5], [1.5, -2.5], [1.5, -0.6], [1.35, 0.5], [1.25, 2.4],
], false, 0.85);
const nail = (i: number): Shape => {
  const { tip, w } = TOES[i]!;
  return smooth([[tip[0] - w * 0.6, tip[1] + 0.25], [tip[0], tip[1] + 0.2], [tip[0] + w * 0.6, tip[1] + 0.25], [tip[0] + w * 0.55, tip[1] + (i ? 0.5 : 0.8)], [tip[0] - w * 0.55, tip[1] + (i ? 0.5 : 0.8)]], true, 0.6);
};
const topDetails: Shape[] = [
  ...TOES.map((_, i) => nail(i)),
  smooth([[-1.5, 0.05], [0.1, 0.15], [1.4, 0.05]], false), // ankle crease
  smooth([[0.35, 0.2], [0.75, -2.5], [1.0, -4.8]], false), // extensor hallucis longus tendon
  ...[[0.0, -5.0], [-0.75, -4.9], [-1.45, -4.7], [-2.1, -4.35]].map(([x, y]) => smooth([[-0.45 + x! * 0.15, 0.1], [x! * 0.55 - 0.3, -2.2], [x!, y!]], false)), // extensor digitorum tendons
];
const top: Record<string, Place> = {
  ST41: [0.1, 0.0], // middle of the front of the ankle, between the long extensor tendons
  ST42: [0.05, -1.7], // over the dorsalis pedis artery, base of the 2nd metatarsal
  ST43: [-0.4, -3.9], // between the 2nd and 3rd metatarsals, behind the 2nd toe joint
  ST44: [-0.38, -5.42], // web between the 2nd and 3rd toes
  ST45: [-0.17, -6.95], // outer corner of the 2nd toenail
  LR1: [0.72, -6.85], // outer corner of the big toenail
  LR2: [0.5, -5.45], // web between the 1st and 2nd toes
  LR3: [0.55, -3.0], // between the 1st and 2nd metatarsals, in front of their bases
  LR4: [0.95, -0.05], // in front of the medial malleolus, inside the tibialis anterior tendon
  GB41: [-1.85, -2.6], // in front of the junction of the 4th and 5th metatarsal bases
  GB42: [-1.6, -4.0], // between the 4th and 5th metatarsals, behind the 4th toe joint
  GB43: [-1.8, -5.02], // web between the 4th and 5th toes
  GB44: [-1.76, -6.3], // outer corner of the 4th toenail
  // Bafeng: the four webs.
  'EX-LE10': { at: [0.5, -5.52], also: [[-0.38, -5.45], [-1.1, -5.3], [-1.8, -5.1]] },
  // Qiduan: the tips of the toes.
  'EX-LE12': { at: [1.15, -7.45], also: TOES.slice(1).map((t): Pt => [t.tip[0], t.tip[1] - 0.1]) },
};
export const footTop: ViewSpec = {
  id: 'foot-top',
  title: 'Top of the left foot',
  shows: 'top',
  side: 'left',
  frame: [-3.4, -8.1, 2.6, 2.6],
  note: 'The top of the left foot as you look down at your own: toes up, big toe on the right, the ankle crease at the bottom.',
  outlines: [topOutline],
  details: topDetails,
  areas: { foot: [-0.4, -3.6, 2.2, 3.6] },
  landmarks: { 'ankle crease': [0.1, 0.05], 'first metatarsophalangeal joint': [1.45, -4.9] },
  points: top,
};

// ---- foot-inner: y = 0 at the prominence of the medial malleolus, toes to the right ----
const innerOutline = smooth([
  [1.5, -5.0], [1.45, -1.2], [3.0, -0.3], [5.5, 0.55], [7.6, 1.1], [8.9, 1.55], [9.7, 2.25], [9.5, 2.85], [7.2, 3.0],
  [5.5, 2.75], [3.0, 2.45], [1.0, 2.8], [-1.5, 3.05], [-2.75, 2.2], [-2.6, 0.5], [-2.1, -1.5], [-2.35, -5.0],
], false);
const innerDetails: Shape[] = [
  ellipse(0, 0, 0.6, 0.65), // medial malleolus
  smooth([[8.7, 1.55], [9.2, 1.7], [9.5, 2.0]], false), // big toenail
  ellipse(2.5, 1.85, 0.35, 0.25), // tuberosity of the navicular
  smooth([[7.3, 2.9], [7.2, 2.2], [7.35, 1.3]], false), // first toe joint
  smooth([[-1.75, -4.8], [-1.55, -1.3], [-1.7, 1.2]], false), // Achilles tendon
];
const innerPoints: Record<string, Place> = {
  SP1: [9.1, 1.75], // inner corner of the big toenail
  SP2: [7.9, 2.55], // in front of the 1st toe joint, at the edge of the sole
  SP3: [6.5, 2.55], // behind the 1st toe joint, at the edge of the sole
  SP4: [4.1, 2.35], // in front of and below the base of the 1st metatarsal
  SP5: [1.3, 1.2], // midway between the navicular tuberosity and the tip of the medial malleolus
  KI2: [2.5, 2.45], // below the navicular tuberosity
  KI3: [-1.35, 0.0], // between the medial malleolus and the Achilles tendon
  KI4: [-1.5, 0.6], // below and behind the malleolus, in front of the Achilles attachment
  KI5: [-1.35, 1.0], // 1 cun below KI3
  KI6: [0.0, 1.0], // 1 cun below the medial malleolus
  'EX-LE8': [0.0, 0.0], // prominence of the medial malleolus
};
export const footInner: ViewSpec = {
  id: 'foot-inner',
  title: 'Inner side of the left foot',
  shows: 'inner',
  side: 'left',
  frame: [-3.4, -5.4, 10.2, 3.6],
  note: 'The inner side of the left foot and ankle: toes on your right, heel on your left.',
  outlines: [innerOutline],
  details: innerDetails,
  areas: { ankle: [-0.4, 0.4, 2.0, 1.6] },
  landmarks: { 'medial malleolus': [0, 0], 'navicular tuberosity': [2.5, 1.85], 'first metatarsophalangeal joint': [7.2, 2.2] },
  points: innerPoints,
};

// ---- foot-outer: y = 0 at the prominence of the lateral malleolus, toes to the left ----
const outerOutline = smooth([
  [-1.6, -5.0], [-1.55, -1.3], [-3.0, -0.5], [-5.5, 0.4], [-7.3, 1.0], [-8.1, 1.35], [-8.55, 2.0], [-8.2, 2.5], [-6.5, 2.6],
  [-3.5, 2.55], [1.0, 2.65], [2.3, 1.9], [2.2, 0.3], [1.8, -1.5], [2.2, -5.0],
], false);
const outerDetails: Shape[] = [
  ellipse(0, 0, 0.55, 0.7), // lateral malleolus
  ellipse(-3.4, 2.15, 0.4, 0.28), // tuberosity of the 5th metatarsal
  smooth([[-7.75, 1.3], [-8.1, 1.4], [-8.35, 1.65]], false), // little toenail
  smooth([[-6.2, 2.5], [-6.3, 1.8], [-6.15, 1.2]], false), // fifth toe joint
  smooth([[1.55, -4.8], [1.3, -1.3], [1.45, 1.2]], false), // Achilles tendon
];
const outerPoints: Record<string, Place> = {
  BL60: [1.3, 0.0], // between the lateral malleolus and the Achilles tendon
  BL61: [1.3, 1.5], // 1.5 cun below BL60, on the calcaneus
  BL62: [0.0, 0.95], // in the hollow below the tip of the lateral malleolus
  BL63: [-1.5, 1.6], // in front of and below BL62, below the cuboid
  BL64: [-3.75, 2.15], // in front of the tuberosity of the 5th metatarsal, at the edge of the sole
  BL65: [-5.8, 2.15], // behind the 5th toe joint
  BL66: [-6.75, 2.15], // in front of the 5th toe joint
  BL67: [-7.95, 1.55], // outer corner of the little toenail
  GB40: [-1.1, 0.55], // in front of and below the lateral malleolus
  'EX-LE9': [0.0, 0.0], // prominence of the lateral malleolus
};
export const footOuter: ViewSpec = {
  id: 'foot-outer',
  title: 'Outer side of the left foot',
  shows: 'outer',
  side: 'left',
  frame: [-9.2, -5.4, 3.0, 3.4],
  note: 'The outer side of the left foot and ankle: toes on your left, heel on your right.',
  outlines: [outerOutline],
  details: outerDetails,
  landmarks: { 'lateral malleolus': [0, 0], 'tuberosity of the 5th metatarsal': [-3.4, 2.15], 'fifth metatarsophalangeal joint': [-6.3, 1.9] },
  points: outerPoints,
};

// ---- sole: toes up, big toe on the left, heel at the bottom ----
const soleOutline = smooth([
  [0.2, 11.1], [-0.95, 10.85], [-1.4, 9.8], [-1.3, 8.3], [-1.35, 6.5], [-1.95, 4.5], [-2.05, 3.2], [-2.1, 1.6], [-1.9, 0.5],
  [-1.3, 0.1], [-0.7, 0.5], [-0.6, 1.6], [-0.5, 2.3], [-0.35, 0.7], [0.0, 0.25], [0.3, 0.6], [0.35, 2.25], [0.55, 0.95], [0.85, 0.65],
  [1.1, 1.05], [1.05, 2.35], [1.35, 1.4], [1.6, 1.25], [1.8, 1.6], [1.75, 2.55], [2.0, 1.95], [2.25, 2.05], [2.45, 2.7],
  [2.35, 3.6], [2.15, 5.0], [1.75, 8.0], [1.45, 9.8], [1.2, 10.7],
], true, 0.85);
const soleDetails: Shape[] = [
  smooth([[-1.9, 3.0], [-0.5, 2.75], [1.0, 2.85], [2.3, 3.2]], false), // crease under the toes
  smooth([[-1.9, 1.6], [-1.3, 1.75], [-0.7, 1.6]], false), // crease of the big toe
  ellipse(0.2, 9.5, 1.0, 0.9), // heel pad
  smooth([[-1.2, 4.6], [0.3, 4.4], [2.0, 4.9]], false), // back edge of the ball of the foot
];
const solePoints: Record<string, Place> = {
  KI1: [0.3, 5.2], // a third of the way from the base of the 2nd and 3rd toes to the heel
  'EX-LE11': [-0.02, 0.95], // crease of the end joint of the 2nd toe
};
export const sole: ViewSpec = {
  id: 'sole',
  title: 'Sole of the left foot',
  shows: 'bottom',
  side: 'left',
  frame: [-3.0, -0.5, 3.3, 11.7],
  note: 'The sole of the left foot, toes up, big toe on your left, heel at the bottom.',
  outlines: [soleOutline],
  details: soleDetails,
  areas: { foot: [0.2, 5.6, 2.1, 5.2] },
  landmarks: { 'base of the 2nd and 3rd toes': [0.35, 2.3], 'back of the heel': [0.2, 11.1] },
  points: solePoints,
};
