import { Chalk, type ChalkInstance } from 'chalk';
import type { Io } from '../io.js';

/** Colour depth from --no-color, NO_COLOR, FORCE_COLOR and whether stdout is a terminal. */
export function colorLevel(io: Pick<Io, 'env' | 'stdout'>, flag?: boolean): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  const { env } = io;
  if (env.NO_COLOR) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n >= 3 ? 3 : n === 2 ? 2 : 1;
  }
  if (!io.stdout.isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return env.TERM?.includes('256') ? 2 : 1;
}

/** A chalk instance for this invocation; never reads process globals itself. */
export function colors(io: Pick<Io, 'env' | 'stdout'>, flag?: boolean): ChalkInstance {
  return new Chalk({ level: colorLevel(io, flag) });
}

/** The colour of each phase kind and level, used consistently across renderers. */
export function paint(c: ChalkInstance) {
  return {
    kind: {
      locate: c.cyan, ramp: c.yellow, hold: c.green, release: c.blue, switch: c.magenta, massage: c.cyan, rest: c.gray,
    } as Record<string, ChalkInstance>,
    avoid: c.red.bold,
    caution: c.yellow,
    dim: c.dim,
    bold: c.bold,
    title: c.bold.underline,
    ok: c.green,
    user: c.magenta,
  };
}
