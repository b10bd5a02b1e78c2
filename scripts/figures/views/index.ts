// Every view the generator writes, in the order of FIGURE_VIEWS.
import type { ViewSpec } from '../lib.js';
import { face } from './face.js';
import { headBack, headSide, headTop } from './head.js';
import { back, chestBelly, trunkSideView } from './trunk.js';
import { handBack, palm } from './hand.js';
import { armInner, armOuter } from './arm.js';
import { legBack, legFront, legInner, legOuter } from './leg.js';
import { footInner, footOuter, footTop, sole } from './foot.js';

export const VIEWS: ViewSpec[] = [
  face, headSide, headBack, headTop, chestBelly, trunkSideView, back,
  armInner, armOuter, handBack, palm, legFront, legInner, legOuter, legBack, footTop, footInner, footOuter, sole,
];
