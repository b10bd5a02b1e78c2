// Styling without loading chalk: when colour is off (pipes, NO_COLOR), every style is the identity,
// and chalk is imported only when a terminal will actually show colour.
import type { Io } from '../model/io.js';

export type Style = (s: string) => string;

/** The colours used for meaning: phase kinds, safety levels, emphasis. */
export interface Paint {
  kind: Record<string, Style>;
  avoid: Style;
  caution: Style;
  dim: Style;
  bold: Style;
  title: Style;
  ok: Style;
  user: Style;
}

const same: Style = (s) => s;

/** The no-colour paint. */
export const plainPaint: Paint = {
  kind: {}, avoid: same, caution: same, dim: same, bold: same, title: same, ok: same, user: same,
};

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

/** The paint for this invocation: identity when colour is off, chalk otherwise. */
export async function painter(io: Pick<Io, 'env' | 'stdout'>, flag?: boolean): Promise<Paint> {
  const level = colorLevel(io, flag);
  if (level === 0) return plainPaint;
  const { chalkPaint } = await import('./color.js');
  return chalkPaint(level);
}
