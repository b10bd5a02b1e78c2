// The trunk: front (chest and belly), the left side with the arm raised, and the back.
// Front, in B-cun from the anterior midline: suprasternal notch to the xiphisternal junction
// 9 cun, to the navel 8 more, navel to the top of the pubic symphysis 5 (WHO 2008); nipples 8 cun
// apart. Those vertical cun are shorter than the horizontal ones on a real body, so the drawing
// maps them to its own units (Y below); x is drawn in cun as measured.
import { both, ellipse, lerp, piecewise, smooth, type Place, type Pt, type Shape, type ViewSpec } from '../lib.js';

// ---- chest-belly ----
/** Vertical cun below the suprasternal notch → drawing units. */
const Y = piecewise([[0, 0], [9, 6.8], [17, 13.2], [22, 18.4]]);
/** An intercostal space at the sternum (in cun below the notch), drawn `d` cun from the midline: the spaces fall slightly outward. */
const ics = (n: number) => [0, 2.6, 4.2, 5.8, 7.4, 9.0, 10.6, 12.2][n]!;
const C = (d: number, cun: number): Pt => [d, Y(cun)];
const Ci = (d: number, n: number): Pt => [d, Y(ics(n) + 0.1 * d)];

const side = smooth([
  [2.6, -2.3], [2.7, -1.1], [5.5, -0.5], [8.2, 0.0], [9.3, 1.4], [9.7, 4.5], [9.6, 9.5], [9.2, 11.0], [8.4, 11.3], [7.8, 10.8],
  [7.6, 7.0], [7.05, 3.8, 'corner'], [6.8, 6.5], [6.2, 9.5], [5.7, 12.0], [6.0, 14.5], [6.8, 17.0], [7.1, 19.5], [6.9, 22.2],
], false);
const frontDetails: Shape[] = [
  ...both(smooth([[0.8, 0.1], [3.5, 0.0], [6.5, -0.4], [8.0, -0.2]], false)), // clavicles
  smooth([[-0.8, 0.0], [0, 0.3], [0.8, 0.0]], false), // suprasternal notch
  ...both(ellipse(4, Y(7.8), 0.22, 0.22)), // nipples
  ellipse(0, Y(17), 0.3, 0.4), // navel
  ...both(smooth([[0.15, Y(9.3)], [2.5, Y(11.5)], [4.5, Y(13.8)], [5.4, Y(14.9)]], false)), // costal margin
  ...both(smooth([[1.1, 6.0], [4.0, 6.6], [6.7, 4.6]], false)), // lower edge of pectoralis major
  ...both(smooth([[6.1, Y(19.8)], [3.5, Y(21.0)], [1.2, Y(22.3)]], false)), // inguinal groove from the anterior superior iliac spine
  smooth([[-1.2, Y(22.1)], [0, Y(22.0)], [1.2, Y(22.1)]], false), // top of the pubic symphysis
  smooth([[-1.3, 22.2], [-0.4, 20.6], [0, 20.3], [0.4, 20.6], [1.3, 22.2]], false), // between the thighs
  smooth([[0, Y(9.1)], [0, Y(9.6)]], false), // xiphoid
];
// Bilateral points on the person's left, which faces the viewer's right: +x.
const front: Record<string, Place> = {
  CV1: [0, 19.9], // perineum (between the thighs)
  CV2: C(0, 22), CV3: C(0, 21), CV4: C(0, 20), CV5: C(0, 19), CV6: C(0, 18.5), CV7: C(0, 18), CV8: C(0, 17),
  CV9: C(0, 16), CV10: C(0, 15), CV11: C(0, 14), CV12: C(0, 13), CV13: C(0, 12), CV14: C(0, 11), CV15: C(0, 10),
  CV16: C(0, 9), // xiphisternal junction
  CV17: Ci(0, 4), CV18: Ci(0, 3), CV19: Ci(0, 2), CV20: Ci(0, 1), // 4th to 1st intercostal spaces
  CV21: C(0, 1.0), // 1 cun below the suprasternal notch
  // Kidney: 0.5 cun lateral on the belly, 2 cun lateral on the chest.
  KI11: C(0.5, 22), KI12: C(0.5, 21), KI13: C(0.5, 20), KI14: C(0.5, 19), KI15: C(0.5, 18), KI16: C(0.5, 17),
  KI17: C(0.5, 15), KI18: C(0.5, 14), KI19: C(0.5, 13), KI20: C(0.5, 12), KI21: C(0.5, 11),
  KI22: Ci(2, 5), KI23: Ci(2, 4), KI24: Ci(2, 3), KI25: Ci(2, 2), KI26: Ci(2, 1), KI27: [2, 0.55],
  // Stomach: 4 cun lateral on the chest, 2 cun on the belly.
  ST13: [4, 0.45], ST14: Ci(4, 1), ST15: Ci(4, 2), ST16: Ci(4, 3), ST17: Ci(4, 4), ST18: Ci(4, 5),
  ST19: C(2, 11), ST20: C(2, 12), ST21: C(2, 13), ST22: C(2, 14), ST23: C(2, 15), ST24: C(2, 16), ST25: C(2, 17),
  ST26: C(2, 18), ST27: C(2, 19), ST28: C(2, 20), ST29: C(2, 21), ST30: C(2, 22),
  // Spleen: 4 cun lateral on the belly, 6 cun on the chest.
  SP12: C(3.5, 22), SP13: C(4, 21.3), SP14: C(4, 18.3), SP15: C(4, 17), SP16: C(4, 14),
  SP17: Ci(6, 5), SP18: Ci(6, 4), SP19: Ci(6, 3), SP20: Ci(6, 2),
  LU1: [6, 1.25], // 1st intercostal space, 6 cun lateral, about 1 cun below LU2
  LU2: [6, 0.45], // infraclavicular fossa, 6 cun lateral
  PC1: Ci(5, 4), // 4th intercostal space, 1 cun lateral to the nipple
  LR12: C(2.5, 22), // groin, 2.5 cun lateral, level with the top of the pubic symphysis
  LR14: Ci(4, 6), // 6th intercostal space below the nipple
  GB24: Ci(4, 7), // 7th intercostal space below the nipple
  GB27: C(5.4, 20), // 3 cun below the navel, just medial to the anterior superior iliac spine
  GB28: C(5.75, 20.3), // 0.5 cun below and medial to the anterior superior iliac spine
  'EX-CA1': C(3, 21), // 4 cun below the navel, 3 cun lateral
};
export const chestBelly: ViewSpec = {
  id: 'chest-belly',
  title: 'Chest and belly',
  shows: 'front',
  side: 'none',
  personLeft: 'viewer-right',
  frame: [-10.2, -2.6, 10.2, 22.4],
  note: 'Facing you: the person\'s left is on your right. Across in B-cun from the midline (nipples 4 cun out); down, the notch-xiphoid 9 cun, xiphoid-navel 8 cun and navel-pubis 5 cun are drawn to a body\'s proportions.',
  outlines: both(side),
  details: frontDetails,
  areas: { chest: [0, 3.6, 6.0, 3.4], abdomen: [0, Y(17), 5.0, 4.6] },
  landmarks: { 'suprasternal notch': [0, 0], 'anterior superior iliac spine': [6.1, Y(19.8)], 'xiphisternal junction': C(0, 9), navel: C(0, 17), 'top of the pubic symphysis': C(0, 22), nipple: C(4, 7.8) },
  points: front,
};

// ---- trunk-side: the left side, arm raised; x from the midaxillary line (front to the left),
// y down from the apex of the axilla (axilla to the free end of the 11th rib 12 cun) ----
const sideFront = smooth([
  [-2.7, -8.2], [-2.5, -5.5], [-2.5, -3.4], [-3.3, -0.8], [-4.5, 1.5], [-4.9, 4.0], [-4.7, 7.0], [-4.2, 10.0], [-4.0, 12.5], [-4.4, 15.0], [-4.6, 17.4],
], false);
const sideBack = smooth([
  [2.1, -8.2], [2.0, -5.5], [2.0, -3.4], [3.0, -1.0], [4.4, 1.5], [4.9, 4.5], [4.6, 8.0], [4.0, 11.5], [3.6, 13.5], [4.3, 16.0], [4.8, 17.4],
], false);
const armpit = smooth([[-2.5, -3.4], [-1.3, -1.0], [0.0, -0.2], [1.1, -0.9], [2.0, -3.4]], false);
const sideDetails: Shape[] = [
  ...[1.6, 3.0, 4.5, 6.0, 7.5, 9.0].map((y) => smooth([[3.6, y - 1.1], [0, y], [-3.6, y + 1.3]], false)), // ribs, falling toward the front
  smooth([[-3.9, 9.6], [-2.2, 10.6], [-1.0, 11.2], [0.8, 11.7], [2.4, 12.2]], false), // lower edge of the ribs (11th and 12th rib ends)
  smooth([[-3.8, 15.6], [0.0, 15.0], [3.6, 15.4]], false), // iliac crest
  smooth([[-2.5, -3.4], [-2.9, -1.6], [-3.9, 0.2]], false), // front fold of the armpit
  smooth([[2.0, -3.4], [2.6, -1.8], [3.6, -0.2]], false), // back fold of the armpit
];
const trunkSide: Record<string, Place> = {
  GB22: [0, 3.0], // midaxillary line, 4th intercostal space
  GB23: [-1.0, 3.0], // 1 cun in front of GB22
  SP21: [0, 6.0], // midaxillary line, 6th intercostal space
  LR13: [-1.0, 11.6], // below the free end of the 11th rib
  GB25: [2.4, 12.6], // below the free end of the 12th rib
  GB26: [-1.0, 13.8], // below LR13, level with the navel
};
export const trunkSideView: ViewSpec = {
  id: 'trunk-side',
  title: 'Left side of the trunk, arm raised',
  shows: 'left',
  side: 'left',
  frame: [-6.0, -8.4, 6.0, 17.6],
  note: 'The left side of the trunk with the arm raised: front on your left, back on your right. B-cun down from the apex of the armpit (12 cun to the free end of the 11th rib).',
  outlines: [sideFront, sideBack, armpit],
  details: sideDetails,
  landmarks: { 'apex of the axilla': [0, 0], 'free end of the 11th rib': [-1.0, 11.2], 'free end of the 12th rib': [2.4, 12.2], 'midaxillary line': [0, 8] },
  points: trunkSide,
};

// ---- back: from behind, the person's left on the viewer's left; x from the posterior midline
// (6 cun between the medial borders of the scapulae), y down from the spinous process of C7 ----
// The level below each spinous process: thoracic 1.1 cun apart, lumbar 1.4, then the sacral foramina.
const V = (name: string): number => {
  const m = /^([CTLS])(\d+)$/.exec(name)!;
  const n = Number(m[2]);
  if (m[1] === 'C') return 0;
  if (m[1] === 'T') return 1.1 * n;
  if (m[1] === 'L') return 13.2 + 1.4 * n;
  return 20.2 + 1.0 * n; // S1..S4: the sacral foramina
};
const B = (x: number, level: string | number): Pt => [-x, typeof level === 'number' ? level : V(level)];
const backOutline = smooth([
  [-2.6, -2.3], [-2.7, -1.3], [-5.5, -0.7], [-8.0, -0.2], [-9.2, 1.2], [-9.6, 4.5], [-9.5, 9.5], [-9.1, 11.0], [-8.4, 11.3], [-7.8, 10.8],
  [-7.6, 7.5], [-7.1, 5.0, 'corner'], [-6.8, 8.5], [-6.1, 12.5], [-5.8, 16.0], [-6.4, 19.0], [-7.3, 23.0], [-7.6, 26.5], [-7.0, 29.5], [-5.0, 31.0],
  [-2.0, 30.8], [-0.3, 29.8, 'corner'],
], false);
const scapula = smooth([[3.2, 3.3], [3.0, 5.0], [3.7, 7.7], [5.2, 6.2], [6.6, 3.8], [7.3, 1.8], [5.6, 1.55], [3.6, 1.6]], true, 0.8);
const scapSpine = smooth([[3.2, 3.3], [5.5, 1.6], [7.9, -0.1]], false);
const backDetails: Shape[] = [
  ...both(scapula), ...both(scapSpine),
  ...['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'L1', 'L2', 'L3', 'L4', 'L5'].map((v) => ellipse(0, V(v) - 0.45, 0.2, 0.25)), // spinous processes
  ellipse(0, -0.3, 0.28, 0.22), // C7
  smooth([[-0.9, V('S1') - 0.4], [-0.55, V('S4') + 1.0], [0, 25.9], [0.55, V('S4') + 1.0], [0.9, V('S1') - 0.4]], false), // sacrum
  ...both(smooth([[0.1, V('L4') + 0.2], [3.0, 17.6], [5.9, 17.0]], false)), // iliac crests
  smooth([[0, 26.0], [0, 29.8]], false), // cleft between the buttocks
  ...both(smooth([[0.6, 30.2], [3.0, 31.0], [6.0, 30.4]], false)), // gluteal folds
];
const TROCHANTER: Pt = [-7.4, 27.8];
const backPoints: Record<string, Place> = {
  // Governor Vessel below the spinous processes.
  GV1: [0, 26.9], // between the tip of the coccyx and the anus
  GV2: [0, 25.0], // sacral hiatus
  GV3: B(0, 'L4'), GV4: B(0, 'L2'), GV5: B(0, 'L1'), GV6: B(0, 'T11'), GV7: B(0, 'T10'), GV8: B(0, 'T9'),
  GV9: B(0, 'T7'), GV10: B(0, 'T6'), GV11: B(0, 'T5'), GV12: B(0, 'T3'), GV13: B(0, 'T1'),
  // Bladder, inner line: 1.5 cun lateral.
  BL11: B(1.5, 'T1'), BL12: B(1.5, 'T2'), BL13: B(1.5, 'T3'), BL14: B(1.5, 'T4'), BL15: B(1.5, 'T5'), BL16: B(1.5, 'T6'),
  BL17: B(1.5, 'T7'), BL18: B(1.5, 'T9'), BL19: B(1.5, 'T10'), BL20: B(1.5, 'T11'), BL21: B(1.5, 'T12'),
  BL22: B(1.5, 'L1'), BL23: B(1.5, 'L2'), BL24: B(1.5, 'L3'), BL25: B(1.5, 'L4'), BL26: B(1.5, 'L5'),
  BL27: B(1.5, 'S1'), BL28: B(1.5, 'S2'), BL29: B(1.5, 'S3'), BL30: B(1.5, 'S4'),
  // The sacral foramina, closer to the midline as they go down.
  BL31: B(0.9, 'S1'), BL32: B(0.8, 'S2'), BL33: B(0.7, 'S3'), BL34: B(0.6, 'S4'),
  BL35: B(0.5, 26.3), // 0.5 cun lateral to the tip of the coccyx
  // Bladder, outer line: 3 cun lateral.
  BL41: B(3, 'T2'), BL42: B(3, 'T3'), BL43: B(3, 'T4'), BL44: B(3, 'T5'), BL45: B(3, 'T6'), BL46: B(3, 'T7'),
  BL47: B(3, 'T9'), BL48: B(3, 'T10'), BL49: B(3, 'T11'), BL50: B(3, 'T12'), BL51: B(3, 'L1'), BL52: B(3, 'L2'),
  BL53: B(3, 'S2'), BL54: B(3, 'S4'),
  // Small Intestine on the scapula.
  SI9: B(7.3, 4.2), // 1 cun above the posterior axillary fold
  SI10: B(7.2, 1.7), // above SI9, below the spine of the scapula
  SI11: B(5.0, 3.6), // infraspinous fossa, a third of the way from the spine to the inferior angle
  SI12: B(5.5, 0.85), // suprascapular fossa, above the middle of the spine
  SI13: B(3.8, 2.3), // above the medial end of the spine of the scapula
  SI14: B(3, 'T1'), // 3 cun lateral to T1
  SI15: B(2, 'C7'), // 2 cun lateral to C7
  TE15: B(3.9, 1.0), // above the superior angle of the scapula, midway between GB21 and SI13
  LI16: B(7.0, -0.3), // between the acromial end of the clavicle and the spine of the scapula
  GB30: lerp(TROCHANTER, [0, 25.0], 1 / 3), // a third of the way from the greater trochanter to the sacral hiatus
  // Extra points.
  'EX-B2': { at: B(0.5, 'T7'), also: ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T8', 'T9', 'T10', 'T11', 'T12', 'L1', 'L2', 'L3', 'L4', 'L5'].map((v) => B(0.5, v)) },
  'EX-B3': B(1.5, 'T8'), // 1.5 cun lateral to T8
  'EX-B4': B(3.5, 'L1'), // 3.5 cun lateral to L1
  'EX-B5': B(0, 'L3'), // below L3
  'EX-B6': B(3, 'L4'), // 3 cun lateral to L4
  'EX-B7': B(3.5, 'L4'), // 3.5 cun lateral to L4
  'EX-B8': B(0, 'L5'), // below L5
  'EX-B9': [0, 24.5], // 2 cun above the tip of the coccyx
};
export const back: ViewSpec = {
  id: 'back',
  title: 'Back',
  shows: 'back',
  side: 'none',
  personLeft: 'viewer-left',
  frame: [-10.2, -2.6, 10.2, 31.6],
  note: 'From behind: the person\'s left is on your left. B-cun from the posterior midline (6 cun between the scapulae, the Bladder lines 1.5 and 3 cun out); levels by the spinous processes from C7 down.',
  outlines: both(backOutline),
  details: backDetails,
  areas: { 'upper-back': [0, 5.5, 6.4, 5.0], 'lower-back': [0, 18.8, 5.4, 3.4] },
  landmarks: { 'spinous process of C7': [0, -0.3], 'inferior angle of the scapula (T7)': B(3.7, 7.7), 'iliac crest (L4)': B(5.0, 17.3), 'sacral hiatus': [0, 25.0], 'tip of the coccyx': [0, 26.3], 'greater trochanter': TROCHANTER },
  points: backPoints,
};
