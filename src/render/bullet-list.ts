// A heading over a bulleted list of texts, as a routine's own notes (who should not use it, red
// flags, tips) are printed in a card, check's text and the notes before a run.
import { wrap } from './text.js';
import { escapeHiddenText } from '../model/printable.js';

/** `heading` (painted by the caller) then each text as "  • text" (hidden characters escaped: a user's own), wrapped to `width` under its bullet. */
export function bulletList(heading: string, items: readonly string[], bullet: string, width: number): string {
  return [heading, ...items.map((f) => `  ${bullet} ${wrap(escapeHiddenText(f), width - 4, '    ')}`)].join('\n');
}

/** The heading of a routine's contraindications wherever they are shown. */
export const CONTRAINDICATIONS = 'Who should not use this routine';
/** The heading of a routine's red flags in its card, sheet and the notes before a run. */
export const RED_FLAGS = 'Get medical help instead if';
