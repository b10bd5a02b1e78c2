// The left leg from the front, the inner side, the outer side and behind, in B-cun (WHO 2008:
// upper border of the pubic symphysis to the medial epicondyle of the femur 18 cun; medial condyle
// of the tibia to the medial malleolus 13 cun; gluteal fold to popliteal crease 14 cun; greater
// trochanter to popliteal crease 19 cun; popliteal crease to the lateral malleolus 16 cun).
import { ellipse, smooth, type Place, type Shape, type ViewSpec } from '../lib.js';

// ---- leg-front: y = 0 at ST35 (knee eyes, level with the popliteal crease), lateral to the right ----
const frontOutline = smooth([
  [4.3, -21.6], [4.15, -17.0], [3.75, -11.0], [3.2, -6.5], [2.55, -2.6], [2.35, 0.0], [2.55, 3.0], [2.4, 7.0], [1.8, 11.5],
  [1.5, 14.8], [1.8, 16.0], [1.95, 16.9], [2.4, 18.5], [2.2, 19.2], [0.4, 19.45], [-1.5, 19.3], [-1.95, 18.4],
  [-1.6, 16.7], [-1.7, 15.5], [-1.45, 14.6], [-1.75, 11.0], [-2.3, 6.5], [-2.55, 3.0], [-2.25, 0.2], [-2.6, -2.5],
  [-3.05, -7.0], [-3.35, -12.0], [-3.3, -15.5], [-3.0, -17.6],
], false);
const frontDetails: Shape[] = [
  smooth([[-3.0, -17.6], [-0.5, -18.8], [2.0, -20.0], [4.3, -21.6]], false), // groin crease
  ellipse(0.05, -1.5, 1.05, 1.15), // patella
  smooth([[-0.35, -0.4], [-0.38, 1.9]], false), smooth([[0.35, -0.4], [0.38, 1.9]], false), // patellar ligament
  smooth([[0.0, 2.2], [-0.1, 6.0], [-0.35, 10.5], [-0.6, 14.0]], false), // crest of the tibia
  smooth([[-1.2, 15.9], [0.2, 16.05], [1.6, 15.9]], false), // ankle crease
  smooth([[-0.9, 18.6], [-0.85, 19.35]], false), smooth([[-0.2, 18.7], [-0.2, 19.4]], false), smooth([[0.45, 18.65], [0.5, 19.4]], false), smooth([[1.1, 18.55], [1.15, 19.3]], false), // toes
];
const front: Record<string, Place> = {
  ST31: [2.4, -17.5], // below the ASIS, between sartorius, tensor fasciae latae and rectus femoris
  ST32: [1.6, -8.6], // 6 cun above the base of the patella, on the line to the ASIS
  ST33: [1.35, -5.6], // 3 cun above the base of the patella
  ST34: [1.3, -4.6], // 2 cun above the base of the patella
  ST35: [0.75, 0.0], // lateral to the patellar ligament
  ST36: [1.0, 3.0], // 3 cun below ST35, a finger-breadth lateral to the tibial crest
  ST37: [1.0, 6.0], // 6 cun below ST35
  ST38: [1.0, 8.0], // 8 cun below ST35
  ST39: [1.0, 9.0], // 9 cun below ST35
  ST40: [2.0, 8.0], // 8 cun above the lateral malleolus, level with ST38, a finger-breadth lateral
  'EX-LE1': { at: [-0.2, -4.6], also: [[2.8, -4.6]] }, // 1.5 cun each side of ST34
  'EX-LE2': [0.05, -3.05], // above the middle of the base of the patella
  'EX-LE4': [-0.75, 0.0], // medial knee eye
  'EX-LE5': { at: [-0.75, 0.0], also: [[0.75, 0.0]] }, // both knee eyes
  'EX-LE7': [1.0, 5.0], // 5 cun below ST35
};
export const legFront: ViewSpec = {
  id: 'leg-front',
  title: 'Front of the left leg',
  shows: 'front',
  side: 'left',
  frame: [-4.6, -22.3, 5.2, 19.9],
  note: 'The left leg from the front: its outer side on your right, the inner side on your left. B-cun: pubic symphysis to the knee 18 cun, knee crease to the ankle 16 cun.',
  outlines: [frontOutline],
  details: frontDetails,
  areas: { thigh: [0.3, -11.0, 3.1, 7.0], knee: [0.05, -1.2, 2.4, 2.2], leg: [0.2, 7.5, 2.2, 6.5] },
  landmarks: { 'base of the patella': [0.05, -2.65], 'apex of the patella': [0.05, -0.35], 'tibial tuberosity': [0, 2.0], 'ankle crease': [0.2, 16.0] },
  points: front,
};

// ---- leg-inner: y = 0 at SP9 (below the medial condyle of the tibia), front of the leg to the right ----
const innerOutline = smooth([
  [3.2, -21.6], [3.6, -15.0], [3.05, -8.0], [2.55, -4.6], [2.75, -2.8], [2.45, -1.2], [2.25, 0.3], [1.9, 4.0], [1.5, 10.0],
  [1.55, 12.7], [3.0, 13.8], [6.0, 14.7], [8.6, 15.5], [9.55, 16.05], [9.3, 16.6], [7.0, 16.6], [4.0, 16.1], [1.5, 16.2],
  [-0.6, 16.65], [-1.95, 16.0], [-1.75, 13.5], [-1.45, 11.5], [-2.45, 6.5], [-3.3, 2.5], [-3.2, 0.0], [-2.95, -2.0],
  [-3.6, -8.0], [-4.2, -15.0], [-4.3, -19.6],
], false);
const innerDetails: Shape[] = [
  smooth([[-4.3, -19.6], [-1.0, -20.8], [3.2, -21.6]], false), // groin and fold of the inner thigh
  ellipse(0.25, 13.0, 0.6, 0.65), // medial malleolus
  smooth([[2.5, -4.6], [1.85, -3.4], [2.3, -2.2]], false), // inner edge of the patella
  smooth([[-0.1, 0.4], [-0.15, 6.0], [0.0, 12.3]], false), // medial border of the tibia
  smooth([[-3.0, -2.0], [-2.3, -1.9], [-1.6, -2.1]], false), // inner end of the knee crease
  smooth([[8.4, 15.6], [8.8, 15.6], [9.2, 15.8]], false), // nail of the big toe
];
const inner: Record<string, Place> = {
  SP6: [-0.1, 10.0], // 3 cun above the medial malleolus, behind the medial border of the tibia
  SP7: [-0.1, 7.0], // 6 cun above the medial malleolus
  SP8: [-0.1, 3.0], // 3 cun below SP9
  SP9: [0.0, 0.0], // below the medial condyle of the tibia
  SP10: [1.3, -6.5], // 2 cun above the medial end of the base of the patella
  SP11: [0.9, -15.8], // a third of the way from SP12 to the base of the patella
  LR5: [0.7, 8.0], // 5 cun above the medial malleolus, middle of the medial face of the tibia
  LR6: [0.7, 6.0], // 7 cun above the medial malleolus
  LR7: [-1.0, 0.0], // 1 cun behind SP9
  LR8: [-1.35, -2.1], // medial end of the knee crease, in front of the semitendinosus tendon
  LR9: [-0.7, -8.5], // 4 cun above the base of the patella, between gracilis and sartorius
  LR10: [1.1, -18.5], // 3 cun below ST30
  LR11: [1.2, -19.5], // 2 cun below ST30
  KI7: [-1.3, 11.0], // 2 cun above the medial malleolus, in front of the Achilles tendon
  KI8: [-0.45, 11.0], // 2 cun above, behind the medial border of the tibia
  KI9: [-1.55, 8.0], // 5 cun above, between soleus and the Achilles tendon
  KI10: [-2.3, -2.0], // medial end of the knee crease, beside the semitendinosus tendon
  'EX-LE3': [1.2, -7.5], // 3 cun above the medial end of the base of the patella
};
export const legInner: ViewSpec = {
  id: 'leg-inner',
  title: 'Inner side of the left leg',
  shows: 'inner',
  side: 'left',
  frame: [-5.0, -22.3, 10.3, 17.3],
  note: 'The inner side of the left leg: its front on your right, the foot pointing right. B-cun: pubic symphysis to the knee 18 cun, below the knee (SP9) to the medial malleolus 13 cun.',
  outlines: [innerOutline],
  details: innerDetails,
  landmarks: { 'medial condyle of the tibia': [0, -0.5], 'medial malleolus': [0.25, 13.0], 'base of the patella': [2.4, -4.5] },
  points: inner,
};

// ---- leg-outer: y = 0 at GB34 (below the head of the fibula), front of the leg to the left ----
const outerOutline = smooth([
  [-2.6, -24.6], [-3.35, -18.0], [-3.3, -10.0], [-2.75, -4.6], [-2.85, -3.0], [-2.4, -0.6], [-2.0, 4.0], [-1.6, 10.0],
  [-1.6, 12.9], [-3.0, 14.5], [-6.0, 15.55], [-8.3, 16.2], [-8.9, 16.6], [-8.0, 16.8], [-4.0, 16.7], [1.0, 16.8],
  [2.1, 15.9], [1.75, 13.0], [1.5, 11.0], [2.7, 5.0], [3.2, 1.0], [2.9, -2.0], [3.6, -8.0], [4.1, -15.0], [4.8, -20.0],
  [4.2, -24.2], [1.0, -26.1], [-1.5, -25.9],
], true);
const outerDetails: Shape[] = [
  ellipse(0.0, 14.0, 0.6, 0.7), // lateral malleolus
  ellipse(0.6, -0.9, 0.45, 0.4), // head of the fibula
  ellipse(0.5, -21.0, 0.9, 0.8), // greater trochanter
  smooth([[-2.7, -4.7], [-2.0, -3.6], [-2.6, -2.4]], false), // outer edge of the patella
  smooth([[0.5, -20.2], [0.2, -12.0], [-0.3, -3.6]], false), // iliotibial band
  smooth([[2.9, -2.0], [2.2, -1.9], [1.6, -2.05]], false), // outer end of the knee crease
  smooth([[-2.6, -24.6], [-1.4, -24.4], [-0.2, -24.8]], false), // anterior superior iliac spine
];
const outer: Record<string, Place> = {
  GB29: [-1.05, -22.75], // midway between the ASIS and the greater trochanter
  GB31: [0.2, -11.0], // where the middle fingertip rests, behind the iliotibial band (about 9 cun above the knee crease)
  GB32: [0.2, -9.0], // 7 cun above the knee crease
  GB33: [0.45, -3.1], // above the lateral epicondyle of the femur
  GB34: [-0.2, 0.0], // in front of and below the head of the fibula
  GB35: [0.65, 7.0], // 7 cun above the lateral malleolus, behind the fibula
  GB36: [-0.05, 7.0], // 7 cun above, in front of the fibula
  GB37: [-0.15, 9.0], // 5 cun above
  GB38: [-0.2, 10.0], // 4 cun above
  GB39: [-0.25, 11.0], // 3 cun above
  'EX-LE6': [-0.05, 1.6], // about 2 cun below the head of the fibula
};
export const legOuter: ViewSpec = {
  id: 'leg-outer',
  title: 'Outer side of the left leg',
  shows: 'outer',
  side: 'left',
  frame: [-9.6, -26.8, 5.6, 17.4],
  note: 'The outer side of the left leg and hip: its front on your left, the foot pointing left. B-cun: greater trochanter to the knee crease 19 cun, knee crease to the lateral malleolus 16 cun.',
  outlines: [outerOutline],
  details: outerDetails,
  areas: { hip: [0.0, -22.3, 3.2, 3.2] },
  landmarks: { 'greater trochanter': [0.5, -21.0], 'head of the fibula': [0.6, -0.9], 'lateral malleolus': [0, 14.0], 'anterior superior iliac spine': [-2.6, -24.6] },
  points: outer,
};

// ---- leg-back: y = 0 at the popliteal crease (BL40), outer side to the left ----
const backOutline = smooth([
  [3.5, -19.6], [2.0, -21.0], [-1.0, -21.6], [-3.6, -21.0], [-4.85, -19.0], [-4.9, -16.0], [-4.35, -13.8], [-3.9, -8.0],
  [-2.9, -1.0], [-3.05, 3.0], [-2.6, 7.0], [-1.45, 12.0], [-1.2, 14.5], [-1.5, 16.0], [-1.15, 17.8], [0.0, 18.45],
  [1.1, 17.8], [1.45, 15.6], [1.2, 14.2], [1.55, 11.0], [2.85, 5.0], [3.1, 2.0], [2.8, -1.0], [3.3, -8.0], [3.55, -13.0], [3.4, -15.6],
], false);
const backDetails: Shape[] = [
  smooth([[3.4, -14.7], [0.0, -14.15], [-3.3, -14.7], [-4.3, -13.9]], false), // gluteal fold
  smooth([[3.5, -19.6], [3.45, -17.0], [3.4, -15.6]], false), // cleft between the buttocks
  smooth([[-1.9, -0.05], [0.0, 0.08], [1.9, -0.05]], false), // knee crease
  smooth([[-2.2, 10.3], [0.0, 8.0], [2.3, 9.9]], false), // lower borders of the gastrocnemius
  smooth([[0.0, 1.4], [0.0, 7.9]], false), // between the heads of the gastrocnemius
  smooth([[-0.45, 10.5], [-0.35, 16.8]], false), smooth([[0.45, 10.5], [0.35, 16.8]], false), // Achilles tendon
  ellipse(-1.35, 16.0, 0.4, 0.55), ellipse(1.3, 15.6, 0.4, 0.55), // malleoli
];
const back: Record<string, Place> = {
  BL36: [-0.3, -14.1], // middle of the gluteal fold
  BL37: [-0.2, -8.0], // 6 cun below BL36
  BL38: [-1.3, -1.0], // 1 cun above BL39, inside the biceps femoris tendon
  BL39: [-1.3, 0.0], // outer part of the knee crease, inside the biceps femoris tendon
  BL40: [0.0, 0.0], // middle of the knee crease
  BL55: [0.0, 2.0], // 2 cun below BL40
  BL56: [0.0, 5.0], // 5 cun below BL40
  BL57: [0.0, 8.0], // apex of the gastrocnemius Λ, about halfway to the ankle
  BL58: [-1.0, 9.0], // 7 cun above BL60, 1 cun below and outside BL57
  BL59: [-0.95, 13.0], // 3 cun above BL60
};
export const legBack: ViewSpec = {
  id: 'leg-back',
  title: 'Back of the left leg',
  shows: 'back',
  side: 'left',
  frame: [-5.5, -22.3, 4.5, 19.1],
  note: 'The left leg from behind: its outer side on your left. B-cun: gluteal fold to the knee crease 14 cun, knee crease to the lateral malleolus 16 cun.',
  outlines: [backOutline],
  details: backDetails,
  landmarks: { 'gluteal fold': [-0.3, -14.15], 'popliteal crease': [0, 0], 'lateral malleolus': [-1.35, 16.0] },
  points: back,
};
