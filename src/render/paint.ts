// Styling without loading chalk: when colour is off (pipes, NO_COLOR), every style is the identity,
// and chalk is imported only when a terminal will actually show colour. A paint also carries the
// glyphs to draw with (Unicode or ASCII), so every renderer that styles text draws the same symbols.
import type { Paint, Style } from './style.js';
import { UNICODE_GLYPHS, type Glyphs, type Terminal } from './terminal.js';

export type { Paint, Style } from './style.js';

const same: Style = (s) => s;

/** The no-colour paint, drawing with these glyphs (Unicode unless said otherwise). */
export function plainPaint(g: Glyphs = UNICODE_GLYPHS): Paint {
  return { kind: {}, avoid: same, caution: same, dim: same, bold: same, title: same, ok: same, user: same, g, mark: same };
}

/** The paint for this terminal: identity styles when colour is off, chalk at its level otherwise. */
export async function painter(t: Pick<Terminal, 'color' | 'glyphs'>): Promise<Paint> {
  if (t.color === 0) return plainPaint(t.glyphs);
  const { chalkPaint } = await import('./color.js');
  return chalkPaint(t.color, t.glyphs);
}
