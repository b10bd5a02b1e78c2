// The shape of a paint: styles for meaning and the glyphs to draw with. Its own module so that
// paint.ts (which loads chalk lazily through color.ts) and color.ts share it without a cycle.
import type { Glyphs } from './terminal.js';

/** A style: text in, the same text with escape codes (or not) out. */
export type Style = (s: string) => string;

/** The colours used for meaning (phase kinds, safety levels, emphasis) and the glyphs to draw with. */
export interface Paint {
  kind: Record<string, Style>;
  avoid: Style;
  caution: Style;
  dim: Style;
  bold: Style;
  title: Style;
  ok: Style;
  user: Style;
  /** Symbols for this terminal: Unicode, or ASCII when the locale is not UTF-8. */
  g: Glyphs;
  /** A point marked on a figure: the brightest thing on the screen. */
  mark: Style;
}
