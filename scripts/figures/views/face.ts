// The face and the front of the neck, facing the viewer (person's left on the viewer's right).
// Cun: x from the anterior midline, y down from the anterior hairline (WHO 2008: hairline to
// glabella 3 B-cun; the two ST8 9 B-cun apart, drawn slightly inside the outline because the
// forehead curves away). The pupil line is x = 2.
import { both, ellipse, smooth, symmetric, symmetricOpen, type ViewSpec } from '../lib.js';

const head = symmetric([[0, -3.3], [2.5, -2.9], [3.95, -1.6], [4.5, 0.4], [4.6, 2.4], [4.45, 4.4], [4.2, 6.0], [3.75, 7.3], [2.8, 8.4], [1.5, 8.95], [0, 9.1]]);
const ear = smooth([[4.4, 3.1], [4.95, 2.85], [5.3, 3.5], [5.2, 4.8], [4.95, 5.7], [4.6, 6.1], [4.35, 5.8]], false);
const neck = smooth([[2.55, 7.9], [2.6, 9.8], [2.8, 11.1], [4.6, 11.8], [7.2, 12.3], [8.9, 13.2], [9.0, 14.0]], false);
const eye = smooth([[1.0, 4.05], [1.6, 3.65], [2.4, 3.62], [3.0, 3.95], [2.4, 4.3], [1.6, 4.32]], true);
const iris = ellipse(2.0, 3.98, 0.33, 0.33);
const brow = smooth([[0.8, 3.2], [1.3, 2.85], [2.0, 2.72], [2.8, 2.78], [3.45, 3.0]], false);
const nose = smooth([[0.55, 3.9], [0.7, 4.9], [0.95, 5.45], [1.1, 5.8], [0.95, 6.05], [0.55, 6.08], [0.3, 5.95]], false);
const noseTip = smooth([[-0.3, 5.95], [-0.15, 6.12], [0, 6.15], [0.15, 6.12], [0.3, 5.95]], false);
const upperLip = smooth([[-1.3, 7.0], [-0.7, 6.8], [-0.25, 6.72], [0, 6.8], [0.25, 6.72], [0.7, 6.8], [1.3, 7.0]], false);
const lipLine = smooth([[-1.3, 7.0], [-0.6, 7.06], [0, 7.08], [0.6, 7.06], [1.3, 7.0]], false);
const lowerLip = smooth([[-1.3, 7.0], [-0.7, 7.4], [0, 7.52], [0.7, 7.4], [1.3, 7.0]], false);
const hairline = symmetricOpen([[0, 0], [1.6, 0.05], [3.0, 0.25], [3.9, 0.45], [4.25, 1.3], [4.4, 2.5]]);
const clavicle = smooth([[0.8, 12.55], [2.2, 12.5], [3.8, 12.35], [5.6, 12.05], [7.4, 12.1]], false);
const scm = smooth([[3.9, 7.6], [2.6, 9.9], [1.0, 12.35]], false);
const chinGroove = smooth([[-0.6, 7.85], [0, 7.95], [0.6, 7.85]], false);
const philtrum = smooth([[0.18, 6.18], [0.22, 6.72]], false);
const larynx = smooth([[-0.45, 10.4], [0, 10.75], [0.45, 10.4]], false);
const notch = smooth([[-0.75, 12.3], [0, 12.65], [0.75, 12.3]], false);

export const face: ViewSpec = {
  id: 'face',
  title: 'Face and front of the neck',
  shows: 'front',
  side: 'none',
  personLeft: 'viewer-right',
  frame: [-9.3, -3.8, 9.3, 14.2],
  note: 'Facing you: the person\'s left is on your right. Drawn in B-cun from the anterior midline and the anterior hairline (hairline to glabella 3 cun; pupil line 2 cun out in this projection).',
  outlines: [head, ...both(ear), ...both(neck), ...both(eye), ...both(iris), ...both(brow), ...both(nose), noseTip, upperLip, lipLine, lowerLip],
  details: [hairline, ...both(clavicle), ...both(scm), chinGroove, ...both(philtrum), larynx, notch],
  landmarks: {
    'anterior hairline': [0, 0], glabella: [0, 3.0], pupil: [2.0, 3.98], 'inner canthus': [1.0, 4.05], 'outer canthus': [3.0, 3.95],
    'tip of the nose': [0, 5.6], 'angle of the mouth': [1.3, 7.0], chin: [0, 9.0], 'laryngeal prominence': [0, 10.6], 'suprasternal notch': [0, 12.45],
  },
  areas: { face: [0, 5.0, 3.9, 4.2] },
  points: {
    // Governor Vessel on the face (GV24 and up: head-top).
    GV25: [0, 5.55], // tip of the nose
    GV26: [0, 6.44], // midpoint of the philtrum (WHO 2008; nose base 6.15, lip tubercle 6.72)
    GV27: [0, 6.78], // tubercle of the upper lip
    GV28: [0, 6.92], // inside the upper lip, frenulum at the gum: drawn behind the upper lip
    CV24: [0, 7.92], // mentolabial groove
    CV23: [0, 9.85], // above the hyoid, below the chin
    CV22: [0, 12.4], // centre of the suprasternal fossa
    ST1: [2.0, 4.62], // below the pupil, between eyeball and infraorbital margin
    ST2: [2.0, 5.1], // infraorbital foramen, below ST1
    ST3: [2.0, 6.0], // pupil line, level with the lower border of the ala
    ST4: [1.7, 7.0], // 0.4 F-cun lateral to the angle of the mouth
    ST8: [3.9, -0.05], // 0.5 cun above the hairline at the corner of the forehead
    ST9: [1.5, 10.7], // level with the laryngeal prominence, anterior border of SCM
    ST10: [1.3, 11.5], // midway between ST9 and ST11, anterior border of SCM
    ST11: [1.05, 12.2], // above the medial end of the clavicle, between the SCM heads
    ST12: [4.0, 11.95], // supraclavicular fossa, 4 cun lateral
    BL1: [0.85, 3.92], // just above the inner canthus
    BL2: [0.82, 3.12], // medial end of the eyebrow
    GB1: [3.5, 3.95], // 0.5 cun lateral to the outer canthus
    GB14: [2.0, 1.72], // 1 cun above the eyebrow, above the pupil
    LI19: [0.42, 6.33], // below the lateral margin of the nostril, level with GV26
    LI20: [1.18, 5.65], // nasolabial groove, level with the middle of the ala
    SI18: [3.0, 5.65], // below the outer canthus, lower border of the zygoma
    TE23: [3.5, 3.0], // lateral end of the eyebrow
    'EX-HN3': [0, 3.0], // midway between the medial ends of the eyebrows
    'EX-HN4': [2.0, 2.78], // middle of the eyebrow, above the pupil
    'EX-HN7': [2.6, 4.62], // infraorbital margin, lateral quarter
    'EX-HN8': [0.72, 5.05], // upper end of the nasolabial groove
    'EX-HN9': [0.45, 5.95], // inside the nostril, opposite EX-HN8
    'EX-HN10': [0, 7.15], // tongue, upper surface: shown at the mouth
    'EX-HN11': [0, 7.3], // under the tongue, frenulum: shown at the mouth
    'EX-HN12': [0.22, 7.3], // vein left of the frenulum (the person's left)
    'EX-HN13': [-0.22, 7.3], // vein right of the frenulum (the person's right)
  },
};
