// The head: side (left), back (with the neck and shoulders) and top, in B-cun (WHO 2008: anterior
// to posterior hairline 12 cun; the two mastoid processes 9 cun apart; GV20 5 cun behind the
// anterior hairline and 7 cun above the posterior hairline; posterior hairline to C7 3 cun).
import { both, ellipse, lerp, qbez, smooth, symmetricOpen, type Place, type Pt, type Shape, type ViewSpec } from '../lib.js';

// ---- head-side: the left side of the head; origin at the ear canal, the face to the left ----
const profile = smooth([
  [-4.9, 11.2], [-3.75, 9.4], [-3.45, 8.0], [-3.45, 6.5], [-3.1, 5.4], [-3.8, 4.9], [-5.0, 4.8], [-5.5, 4.3], [-5.3, 3.7],
  [-5.65, 3.3], [-5.5, 2.95], [-5.75, 2.6], [-5.8, 2.05], [-6.6, 1.6], [-6.1, 0.6], [-5.45, -0.9], [-5.6, -1.6],
  [-5.5, -3.5], [-5.0, -5.0], [-3.5, -6.4], [-1.0, -7.0], [0.5, -7.0], [2.6, -6.5], [4.3, -5.0], [5.0, -2.8], [4.8, -1.0],
  [4.0, 0.3], [3.55, 2.0], [3.6, 4.5], [4.5, 7.0], [6.3, 8.4], [7.4, 9.5], [7.6, 11.2],
], false);
const earOutline = smooth([[-0.45, 0.0], [-0.3, -1.0], [0.0, -1.75], [0.6, -2.0], [1.35, -1.6], [1.6, -0.6], [1.4, 0.5], [0.95, 1.2], [0.45, 1.5], [0.0, 1.3], [-0.3, 0.7], [-0.5, 0.3]], true);
const sideDetails: Shape[] = [
  smooth([[-0.3, 2.0], [-0.45, 3.05], [-1.6, 3.55], [-3.2, 4.05], [-4.6, 4.6]], false), // lower border of the mandible
  smooth([[-0.35, 1.8], [-0.4, 0.6]], false), // back edge of the ramus, below the ear
  smooth([[-1.0, -0.15], [-2.5, -0.1], [-4.0, 0.15]], false), // zygomatic arch
  smooth([[-4.6, -4.6], [-3.4, -3.2], [-1.9, -2.2], [-1.55, -0.5], [-1.2, 0.25]], false), // temple hairline and sideburn
  smooth([[-1.0, -1.7], [0.5, -2.6], [2.0, -1.4], [2.3, 1.0], [3.4, 3.4]], false), // hairline round the ear
  smooth([[1.3, 1.2], [-1.0, 5.2], [-3.3, 9.2]], false), // sternocleidomastoid
  smooth([[3.9, 0.6], [3.2, 4.0], [2.4, 8.3]], false), // front edge of trapezius
  smooth([[-3.0, 9.4], [-0.5, 8.5], [2.5, 8.4], [4.2, 9.2]], false), // top of the shoulder
  smooth([[-5.35, -0.65], [-5.0, -0.8], [-4.55, -0.65], [-5.0, -0.5], [-5.35, -0.65]], false), // eye
  smooth([[-5.6, -1.45], [-4.9, -1.65], [-4.3, -1.55]], false), // eyebrow
  smooth([[-5.55, 2.95], [-5.1, 3.0]], false), // mouth
  ellipse(0.35, 0.0, 0.45, 0.55), // concha of the ear
  smooth([[-3.75, 6.3], [-3.3, 6.5], [-3.45, 6.9]], false), // laryngeal prominence
];
const ST8s: Pt = [-4.3, -4.6], GB7: Pt = [-1.3, -2.0], c47: Pt = [-2.5, -4.35];
const GB9: Pt = [1.15, -4.3], GB12: Pt = [2.2, 1.8], c912: Pt = [3.4, -1.4];
const TE17: Pt = [1.0, 1.4], TE20: Pt = [0.6, -2.3], c1720: Pt = [2.25, -0.5];
const GB20s: Pt = [3.9, 0.7];
const side: Record<string, Place> = {
  ST5: [-2.1, 3.6], // in front of the masseter attachment, on the lower border of the mandible
  ST6: [-1.1, 2.45], // a finger-breadth in front of and above the angle of the mandible
  ST7: [-1.5, 0.35], // below the zygomatic arch, in front of the condyle
  SI19: [-0.7, 0.05], // in front of the tragus
  TE21: [-0.7, -0.75], // in front of the supratragic notch
  GB2: [-0.7, 0.8], // in front of the intertragic notch
  GB3: [-1.5, -0.55], // above ST7, on the upper border of the zygomatic arch
  GB4: qbez(ST8s, c47, GB7, 0.25), // a quarter of the way along the temple curve from ST8 to GB7
  GB5: qbez(ST8s, c47, GB7, 0.5), // halfway
  GB6: qbez(ST8s, c47, GB7, 0.75), // three quarters
  GB7: GB7, // where the back of the sideburn meets the level of the ear apex
  GB8: [0.6, -3.8], // above the ear apex, 1.5 cun above the temporal hairline (TE20)
  GB9: GB9, // above the back of the ear root, 2 cun above the hairline, 0.5 cun behind GB8
  GB10: qbez(GB9, c912, GB12, 1 / 3), // a third of the way from GB9 to GB12
  GB11: qbez(GB9, c912, GB12, 2 / 3), // two thirds
  GB12: GB12, // behind and below the mastoid process
  TE16: [0.9, 3.2], // behind the sternocleidomastoid, level with the angle of the mandible
  TE17: TE17, // behind the ear lobe, in front of the mastoid tip
  TE18: qbez(TE17, c1720, TE20, 1 / 3), // on the curve behind the ear, lower third
  TE19: qbez(TE17, c1720, TE20, 2 / 3), // upper third
  TE20: TE20, // above the ear apex, at the hairline
  TE22: [-1.05, -1.5], // back of the temple hairline, level with the root of the ear
  LI17: [-1.7, 7.3], // behind the sternocleidomastoid, level with the cricoid cartilage
  LI18: [-1.65, 6.3], // between the heads of sternocleidomastoid, level with the top of the thyroid cartilage
  SI16: [-0.95, 6.3], // behind the sternocleidomastoid, level with the top of the thyroid cartilage
  SI17: [-0.15, 3.35], // behind the angle of the mandible, in front of the sternocleidomastoid
  'EX-HN5': [-3.35, -1.05], // 1 cun behind the midpoint of the eyebrow end and the outer canthus
  'EX-HN6': [0.6, -1.95], // apex of the ear
  'EX-HN14': [1.95, 1.3], // 1 cun behind TE17, below the mastoid
  'EX-HN22': lerp(TE17, GB20s, 0.5), // midway between TE17 and GB20
};
export const headSide: ViewSpec = {
  id: 'head-side',
  title: 'Left side of the head and neck',
  shows: 'left',
  side: 'left',
  frame: [-8.0, -7.7, 8.0, 11.3],
  note: 'The left side of the head and neck: the face on your left. Drawn in B-cun from the ear canal.',
  outlines: [profile, earOutline],
  details: sideDetails,
  landmarks: { tragus: [-0.5, 0.0], 'apex of the ear': [0.6, -2.0], 'mastoid process': [1.5, 1.2], 'angle of the mandible': [-0.45, 3.05], 'outer canthus': [-4.55, -0.65] },
  points: side,
};

// ---- head-back: from behind, person's left on the viewer's left; x from the posterior midline
// (the person's left negative), y down from the posterior hairline ----
const backOutline = symmetricOpen([[0, -7.35], [2.6, -6.95], [3.9, -5.4], [4.3, -3.2], [4.1, -1.2], [3.2, -0.1], [2.6, 0.7], [2.55, 1.6], [3.6, 2.3], [6.2, 2.9], [8.3, 3.5], [9.05, 4.4], [9.2, 5.2]]);
const backEar = smooth([[4.15, -3.1], [4.6, -3.0], [4.85, -2.3], [4.7, -1.1], [4.3, -0.4], [4.05, -0.6]], false);
const backDetails: Shape[] = [
  symmetricOpen([[0, 0], [1.5, -0.1], [2.6, -0.6], [3.3, -1.3]]), // posterior hairline
  ellipse(0, -1.75, 0.45, 0.25), // external occipital protuberance
  ellipse(0, 2.75, 0.28, 0.22), // spinous process of C7
  ...both(smooth([[0.9, -1.0], [1.4, 1.0], [3.2, 2.5]], false)), // trapezius, upper edge
  ...both(smooth([[3.9, -0.5], [3.0, 1.2], [2.6, 1.7]], false)), // sternocleidomastoid behind the ear
];
const L = (x: number, y: number): Pt => [-x, y]; // the person's left is on the viewer's left
const back: Record<string, Place> = {
  GV14: [0, 3.0], // below the spinous process of C7
  GV15: [0, -0.5], // 0.5 cun above the posterior hairline
  GV16: [0, -1.0], // below the external occipital protuberance, 1 cun above the hairline
  GV17: [0, -2.5], // above the external occipital protuberance, 1.5 cun above GV16
  GV18: [0, -4.0], // 1.5 cun above GV17
  GV19: [0, -5.5], // 1.5 cun above GV18
  BL9: L(1.3, -2.5), // 1.3 cun lateral to GV17
  BL10: L(1.3, -0.5), // 1.3 cun lateral to GV15, beside trapezius
  GB19: L(2.25, -2.5), // level with GV17, above GB20
  GB20: L(2.2, -1.0), // level with GV16, between sternocleidomastoid and trapezius
  GB21: L(4.1, 2.8), // top of the shoulder, midway from GV14 to the acromion
  'EX-HN15': L(1.0, 1.0), // 2 cun above GV14, 1 cun lateral
  'EX-B1': L(0.5, 3.0), // 0.5 cun lateral to GV14
};
export const headBack: ViewSpec = {
  id: 'head-back',
  title: 'Back of the head, neck and shoulders',
  shows: 'back',
  side: 'none',
  personLeft: 'viewer-left',
  frame: [-9.6, -7.9, 9.6, 5.3],
  note: 'From behind: the person\'s left is on your left. B-cun from the posterior midline and the posterior hairline (hairline to C7 3 cun; the mastoids 9 cun apart).',
  outlines: [backOutline, ...both(backEar)],
  details: backDetails,
  areas: { neck: [0, 1.2, 2.4, 2.0], shoulder: [-5.6, 3.05, 2.6, 0.8] },
  landmarks: { 'posterior hairline': [0, 0], 'external occipital protuberance': [0, -1.75], 'spinous process of C7': [0, 2.75], 'mastoid process': [-4.0, -0.6], acromion: [-8.4, 3.6] },
  points: back,
};

// ---- head-top: from above, the face at the top; the person's left on the viewer's left ----
// The scalp is curved: a point s cun behind the anterior hairline along the midline is drawn at
// y = 5.25 + 5.4 sin((s - 5.25) / 5.4) (the sagittal arc as a circle through the vertex), and a
// point d cun from the midline at x = 4.5 sin(d / 4.5).
const sy = (s: number) => 5.25 + 5.4 * Math.sin((s - 5.25) / 5.4);
const dx = (d: number) => 4.5 * Math.sin(d / 4.5);
const T = (d: number, s: number): Pt => [-dx(d), sy(s)];
const topOutline = smooth([[0, -0.2], [2.2, 0.1], [3.4, 0.9], [4.0, 2.3], [4.2, 4.5], [4.1, 6.6], [3.6, 8.6], [2.5, 10.0], [0, 10.75], [-2.5, 10.0], [-3.6, 8.6], [-4.1, 6.6], [-4.2, 4.5], [-4.0, 2.3], [-3.4, 0.9], [-2.2, 0.1]], true);
const topDetails: Shape[] = [
  smooth([[-0.45, -0.15], [0, -1.15], [0.45, -0.15]], false), // nose
  ...both(smooth([[4.15, 5.3], [4.65, 5.6], [4.7, 6.6], [4.15, 7.1]], false)), // ears
  smooth([[-3.75, 2.4], [-3.3, 1.45], [-2.1, 0.98], [0, sy(0)], [2.1, 0.98], [3.3, 1.45], [3.75, 2.4]], false), // anterior hairline
  smooth([[0, sy(0.3)], [0, sy(10)]], false), // midline parting, for reference
];
const top: Record<string, Place> = {
  GV20: T(0, 5), // vertex: 5 cun behind the anterior hairline
  GV21: T(0, 3.5), // 1.5 cun in front of GV20
  GV22: T(0, 2), // 2 cun behind the hairline
  GV23: T(0, 1), // 1 cun behind the hairline
  GV24: T(0, 0.5), // 0.5 cun behind the hairline
  BL3: T(0.9, 0.5), // above the inner end of the eyebrow, 0.5 cun within the hairline
  BL4: T(1.5, 0.5), // 1.5 cun lateral to GV24
  BL5: T(1.5, 1), // 1 cun within the hairline
  BL6: T(1.5, 2.5), // 2.5 cun within the hairline
  BL7: T(1.5, 4), // 4 cun within the hairline
  BL8: T(1.5, 5.5), // 5.5 cun within the hairline
  GB13: T(3, 0.5), // 0.5 cun within the hairline, 3 cun lateral
  GB15: T(2.25, 0.5), // above the pupil, 0.5 cun within the hairline
  GB16: T(2.25, 1.5), // 1 cun behind GB15
  GB17: T(2.25, 2.5), // 2.5 cun within the hairline
  GB18: T(2.25, 4), // 4 cun within the hairline
  'EX-HN1': { at: T(0, 4), also: [T(0, 6), T(1, 5), [dx(1), sy(5)]] }, // 1 cun in front of, behind and to each side of GV20
  'EX-HN2': T(2.25, 1), // above the pupil, 1 cun within the hairline
};
export const headTop: ViewSpec = {
  id: 'head-top',
  title: 'Top of the head',
  shows: 'top',
  side: 'none',
  personLeft: 'viewer-left',
  frame: [-5.2, -1.6, 5.2, 11.4],
  note: 'From above, the face at the top: the person\'s left is on your left. B-cun along the scalp from the anterior hairline (GV20 5 cun behind it), foreshortened toward the back.',
  outlines: [topOutline],
  details: topDetails,
  areas: { head: [0, 5.0, 3.7, 4.9] },
  landmarks: { 'anterior hairline': [0, sy(0)], vertex: T(0, 5), 'tip of the nose': [0, -1.15] },
  points: top,
};
