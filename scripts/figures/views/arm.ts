// The left arm held out to the side (abducted), thumb side up, in B-cun along the arm (WHO 2008:
// anterior axillary fold to cubital crease 9 cun; cubital crease to wrist crease 12 cun).
// arm-inner: the flexor (palm) side seen from the front, shoulder on the left, hand on the right;
// y = 0 is the middle of the flexor surface (the Pericardium line), the radial side above.
// arm-outer: the extensor side seen from behind, hand on the left, shoulder on the right; the
// radial side (Large Intestine) above, the Triple Energizer line in the middle, the ulnar side
// (Small Intestine) below. Its x runs from the acromion: a point `a` cun down the arm is at 31 - a.
import { ellipse, smooth, type Place, type Pt, type Shape, type ViewSpec } from '../lib.js';

// ---- arm-inner ----
const innerOutline = smooth([
  [-3.6, -3.1], [-1.0, -2.55], [2.0, -2.25], [5.5, -2.15], [9.0, -2.05], [12.5, -1.95], [17.0, -1.5], [21.0, -1.3],
  [22.4, -1.75], [23.4, -2.05], [24.8, -2.55], [25.9, -2.75], [26.3, -2.45], [25.4, -1.9], [25.3, -1.55],
  [28.6, -1.45], [29.3, -0.5], [29.15, 0.5], [28.0, 1.35], [25.4, 1.75], [23.0, 1.7], [21.0, 1.38],
  [17.0, 1.45], [13.0, 1.75], [9.0, 2.0], [4.5, 2.05], [-0.3, 2.1, 'corner'], [-1.4, 3.2], [-2.0, 4.0],
], false, 0.9);
const innerDetails: Shape[] = [
  smooth([[9.2, -1.7], [8.9, 0], [9.2, 1.8]], false), // cubital crease
  smooth([[21.0, -1.2], [20.85, 0], [21.0, 1.25]], false), // palmar wrist crease
  smooth([[1.5, -0.7], [4.5, -0.95], [8.2, -0.45]], false), // biceps belly
  smooth([[16.5, -0.3], [21.0, -0.3]], false), // flexor carpi radialis tendon
  smooth([[16.5, 0.22], [21.0, 0.22]], false), // palmaris longus tendon
  smooth([[25.3, -0.75], [28.7, -0.8]], false), smooth([[25.4, 0.05], [29.0, 0.1]], false), smooth([[25.4, 0.85], [28.3, 0.95]], false), // between the fingers
  smooth([[22.3, -1.3], [23.6, -0.7], [25.1, -1.0]], false), // thenar crease
];
const inner: Record<string, Place> = {
  HT1: [-0.15, 1.45], // centre of the axilla
  HT2: [6.0, 1.0], // 3 cun above the cubital crease, medial to biceps
  HT3: [9.0, 1.72], // medial end of the cubital crease
  HT4: [19.5, 0.95], // 1.5 cun above the wrist crease, radial to the flexor carpi ulnaris tendon
  HT5: [20.0, 0.95], // 1 cun
  HT6: [20.5, 0.95], // 0.5 cun
  HT7: [21.0, 0.95], // on the wrist crease
  PC2: [2.0, 0.1], // 2 cun below the anterior axillary fold, between the heads of biceps
  PC3: [9.0, 0.45], // cubital crease, ulnar to the biceps tendon
  PC4: [16.0, 0.0], // 5 cun above the wrist crease, between palmaris longus and flexor carpi radialis
  PC5: [18.0, 0.0], // 3 cun
  PC6: [19.0, 0.0], // 2 cun
  PC7: [21.0, 0.0], // on the wrist crease, between the same tendons
  LU3: [3.0, -1.0], // 3 cun below the anterior axillary fold, radial border of biceps
  LU4: [4.0, -1.0], // 4 cun below the fold
  LU5: [9.0, -0.75], // cubital crease, radial to the biceps tendon
  LU6: [14.0, -0.95], // 7 cun above the wrist crease on the line LU5-LU9
  LU7: [19.5, -1.15], // 1.5 cun above the wrist crease, above the radial styloid
  LU8: [20.0, -1.0], // 1 cun above the wrist crease, beside the radial artery
  LU9: [21.0, -0.95], // wrist crease, radial to the radial artery
  'EX-UE2': { at: [17.0, -0.5], also: [[17.0, 0.0]] }, // 4 cun above the wrist crease, each side of flexor carpi radialis
};

export const armInner: ViewSpec = {
  id: 'arm-inner',
  title: 'Inner (palm side of the) left arm',
  shows: 'inner',
  side: 'left',
  frame: [-3.8, -3.9, 29.8, 4.2],
  note: 'The left arm held out to the side, palm toward you: shoulder and armpit on the left, hand on the right, thumb side up. B-cun along the arm: armpit fold to elbow crease 9 cun, elbow crease to wrist crease 12 cun.',
  outlines: [innerOutline],
  details: innerDetails,
  areas: { forearm: [15.0, 0, 6.0, 1.6], wrist: [21.0, 0, 1.3, 1.4] },
  landmarks: { 'anterior axillary fold': [0, -2.3], 'cubital crease': [9, 0], 'palmar wrist crease': [21, 0] },
  points: inner,
};

// ---- arm-outer ----
const X = (a: number): number => 31 - a;
const at = (a: number, y: number): Pt => [X(a), y];
const outerOutline = smooth([
  [34.8, -3.1], at(0, -2.5), at(4, -2.25), at(10.8, -2.05), at(15, -1.85), at(19, -1.45), at(22.8, -1.3),
  [7.2, -1.75], [6.0, -2.3], [5.0, -2.7], [4.6, -2.45], [5.5, -1.85], [5.6, -1.5],
  [2.4, -1.45], [1.7, -0.5], [1.85, 0.5], [3.0, 1.35], [5.5, 1.75], [7.8, 1.65], at(22.8, 1.38),
  at(19, 1.5), at(15, 1.8), at(10.8, 2.1), at(5, 2.1), [29.4, 2.2, 'corner'], [30.6, 3.2], [31.2, 4.0],
], false, 0.9);
const outerDetails: Shape[] = [
  ellipse(X(11.2), 0.55, 0.55, 0.45), // olecranon
  smooth([at(22.8, -1.2), at(22.95, 0), at(22.8, 1.25)], false), // dorsal wrist crease
  smooth([at(0.2, -2.3), at(3.2, -1.3), at(4.0, 0.0), at(2.6, 1.3), at(0.6, 2.0)], false), // deltoid
  smooth([[5.6, -0.75], [2.2, -0.8]], false), smooth([[5.5, 0.05], [1.8, 0.1]], false), smooth([[5.5, 0.85], [2.6, 0.95]], false), // between the fingers
  ellipse(5.75, -1.05, 0.25, 0.18), ellipse(5.7, -0.3, 0.25, 0.18), ellipse(5.7, 0.45, 0.25, 0.18), ellipse(5.6, 1.15, 0.22, 0.16), // knuckles
];
const outer: Record<string, Place> = {
  LI5: at(22.8, -1.05), // anatomical snuffbox, radial end of the dorsal wrist crease
  LI6: at(19.8, -1.15), // 3 cun above LI5 on the line LI5-LI11
  LI7: at(17.8, -1.3), // 5 cun above LI5
  LI8: at(14.8, -1.45), // 4 cun below LI11
  LI9: at(13.8, -1.5), // 3 cun below LI11
  LI10: at(12.8, -1.55), // 2 cun below LI11
  LI11: at(10.8, -1.78), // lateral end of the cubital crease
  LI12: at(9.6, -1.9), // 1 cun above the lateral epicondyle
  LI13: at(7.8, -1.75), // 3 cun above LI11 on the line LI11-LI15
  LI14: at(3.8, -1.5), // 7 cun above LI11, at the deltoid insertion
  LI15: at(0.6, -1.95), // the anterior depression below the acromion
  TE4: at(22.8, 0.15), // dorsal wrist crease, ulnar to the extensor digitorum tendons
  TE5: at(20.8, 0.0), // 2 cun above the dorsal wrist crease, between radius and ulna
  TE6: at(19.8, -0.05), // 3 cun
  TE7: at(19.8, 0.5), // 3 cun, radial border of the ulna (ulnar to TE6)
  TE8: at(18.8, 0.05), // 4 cun
  TE9: at(16.2, 0.05), // 5 cun below the tip of the olecranon
  TE10: at(10.2, 0.4), // 1 cun above the olecranon
  TE11: at(9.2, 0.4), // 2 cun above the olecranon
  TE12: at(6.1, 0.4), // midway between TE11 and TE13
  TE13: at(3.0, 0.4), // 3 cun below the acromial angle, posterior border of the deltoid
  TE14: at(0.5, 0.3), // the posterior depression below the acromion
  SI5: at(22.8, 1.2), // ulnar end of the dorsal wrist crease, between ulnar styloid and triquetrum
  SI6: at(21.8, 0.95), // radial to the head of the ulna, 1 cun above the wrist crease
  SI7: at(17.8, 1.2), // 5 cun above the dorsal wrist crease, medial border of the ulna
  SI8: at(11.2, 1.6), // between the olecranon and the medial epicondyle
  'EX-UE1': at(11.2, 0.55), // tip of the olecranon
  'EX-UE3': at(22.8, -0.5), // dorsal wrist crease between LI5 and TE4
};

export const armOuter: ViewSpec = {
  id: 'arm-outer',
  title: 'Outer (back of the) left arm',
  shows: 'outer',
  side: 'left',
  frame: [0.8, -3.9, 35.2, 4.2],
  note: 'The left arm held out to the side, seen from behind: hand on the left, shoulder on the right, thumb side up. B-cun along the arm: elbow crease to wrist crease 12 cun.',
  outlines: [outerOutline],
  details: outerDetails,
  areas: { arm: [X(5.5), 0, 5.0, 2.0], forearm: [X(16.8), 0, 6.0, 1.6] },
  landmarks: { acromion: at(0, -1.2), olecranon: at(11.2, 0.55), 'dorsal wrist crease': at(22.8, 0) },
  points: outer,
};
