import { Chalk, type ChalkInstance } from 'chalk';
import type { Paint } from './style.js';
import { UNICODE_GLYPHS, type Glyphs } from './terminal.js';

/** Build the paint from a chalk instance and the glyphs to draw with. */
export function paint(c: ChalkInstance, g: Glyphs = UNICODE_GLYPHS): Paint {
  return {
    kind: { locate: c.cyan, ramp: c.yellow, hold: c.green, release: c.blue, switch: c.magenta, massage: c.cyan, rest: c.gray },
    avoid: c.red.bold,
    caution: c.yellow,
    dim: c.dim,
    bold: c.bold,
    title: c.bold.underline,
    ok: c.green,
    user: c.magenta,
    g,
    mark: c.redBright.bold,
  };
}

/** The chalk paint at a given colour level; never reads process globals. */
export function chalkPaint(level: 1 | 2 | 3, g: Glyphs = UNICODE_GLYPHS): Paint {
  return paint(new Chalk({ level }), g);
}
