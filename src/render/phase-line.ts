import type { Phase } from '../model/timeline.js';
import { formatClock, formatDuration } from '../model/duration.js';
import type { Paint } from './paint.js';
import { wrap } from './text.js';

/** "LI4 left · round 1/3": where in the routine a phase is. `dot` separates the facts. */
export function phaseWhere(p: Pick<Phase, 'point' | 'side' | 'round' | 'rounds'>, dot = '·'): string {
  const parts: string[] = [];
  if (p.point) parts.push(p.side && p.side !== 'center' ? `${p.point} ${p.side}` : p.point);
  if (p.round !== undefined) parts.push(`round ${p.round}/${p.rounds}`);
  return parts.join(` ${dot} `);
}

/** Columns before a phase line's text: offset (5), two spaces, kind (7), a space, length (5), a space. */
const LEAD = 21;

/**
 * One plain line for a phase: start offset, kind, length, where, and the instruction. In a
 * terminal (`width` finite) it wraps under the text, or, when the terminal is too narrow for a
 * hanging column, the text goes under the timing with a two-space indent; elsewhere it stays one line.
 */
export function phaseLine(p: Phase, c: Paint, width = Infinity): string {
  const kind = (c.kind[p.kind] ?? c.bold)(p.kind.padEnd(7));
  const where = phaseWhere(p, c.g.dot);
  const lead = `${formatClock(p.offset_ms).padStart(5)}  ${kind} ${formatDuration(p.duration_ms).padEnd(5)} `;
  const text = `${where ? `${c.dim(where)}  ` : ''}${p.text}`;
  if (width === Infinity) return lead + text;
  if (width - LEAD >= 24) return lead + wrap(text, width - LEAD, ' '.repeat(LEAD));
  return `${lead.trimEnd()}\n  ${wrap(text, width - 2, '  ')}`;
}

/**
 * A step's caution under its phase line ("With pregnancy: use only light pressure …"), marked with
 * the warning glyph and lined up with the phase's text; one line off a terminal, as phase lines are.
 */
export function cautionLine(text: string, c: Paint, width = Infinity): string {
  const said = `${c.g.warn} ${text}`;
  if (width === Infinity) return `${' '.repeat(LEAD)}${c.caution(said)}`;
  if (width - LEAD >= 24) return `${' '.repeat(LEAD)}${c.caution(wrap(said, width - LEAD - 2, ' '.repeat(LEAD + 2), width - LEAD))}`;
  return `  ${c.caution(wrap(said, width - 4, '    ', width - 2))}`;
}
