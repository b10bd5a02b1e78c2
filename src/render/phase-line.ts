import type { Phase, Timeline } from '../model/timeline.js';
import { formatClock, formatDuration } from '../model/duration.js';
import type { Paint } from './paint.js';
import { wrap } from './text.js';
import { escapeHiddenText } from '../model/printable.js';

/** "LI4 left · round 1/3": where in the routine a phase is. `dot` separates the facts. */
export function phaseWhere(p: Pick<Phase, 'point' | 'side' | 'round' | 'rounds'>, dot = '·'): string {
  const parts: string[] = [];
  if (p.point) parts.push(p.side && p.side !== 'center' ? `${p.point} ${p.side}` : p.point);
  if (p.round !== undefined) parts.push(`round ${p.round}/${p.rounds}`);
  return parts.join(` ${dot} `);
}

/** The widths of a phase line's offset and length columns. */
export interface PhaseColumns { clock: number; length: number }

const NARROWEST: PhaseColumns = { clock: 5, length: 5 };

/**
 * Columns wide enough for every phase of a plan, so its lines stay aligned: at least "12:34" and
 * "1m30s"; a plan past an hour has offsets like "1:02:03", a long step lengths like "12m30s".
 */
export function phaseColumns(t: Pick<Timeline, 'phases' | 'total_ms'>): PhaseColumns {
  let length = NARROWEST.length;
  for (const p of t.phases) length = Math.max(length, formatDuration(p.duration_ms).length);
  return { clock: Math.max(NARROWEST.clock, formatClock(t.total_ms).length), length };
}

/** Columns before a phase line's text: offset, two spaces, kind (7), a space, length, a space. */
const lead = (cols: PhaseColumns) => cols.clock + 2 + 7 + 1 + cols.length + 1;

/**
 * One plain line for a phase: start offset, kind, length, where, and the instruction, in the
 * columns `cols` (phaseColumns of its plan). In a terminal (`width` finite) it wraps under the
 * text, or, when the terminal is too narrow for a hanging column, the text goes under the timing
 * with a two-space indent; elsewhere it stays one line.
 */
export function phaseLine(p: Phase, c: Paint, width = Infinity, cols: PhaseColumns = NARROWEST): string {
  const kind = (c.kind[p.kind] ?? c.bold)(p.kind.padEnd(7));
  const where = phaseWhere(p, c.g.dot);
  const head = `${formatClock(p.offset_ms).padStart(cols.clock)}  ${kind} ${formatDuration(p.duration_ms).padEnd(cols.length)} `;
  const text = `${where ? `${c.dim(escapeHiddenText(where))}  ` : ''}${escapeHiddenText(p.text)}`;
  const LEAD = lead(cols);
  if (width === Infinity) return head + text;
  if (width - LEAD >= 24) return head + wrap(text, width - LEAD, ' '.repeat(LEAD));
  return `${head.trimEnd()}\n  ${wrap(text, width - 2, '  ')}`;
}

/**
 * A step's caution under its phase line ("With pregnancy: use only light pressure …"), marked with
 * the warning glyph and lined up with the phase's text (`cols` as its phase line's); one line off
 * a terminal, as phase lines are.
 */
export function cautionLine(text: string, c: Paint, width = Infinity, cols: PhaseColumns = NARROWEST): string {
  const said = `${c.g.warn} ${text}`;
  const LEAD = lead(cols);
  if (width === Infinity) return `${' '.repeat(LEAD)}${c.caution(said)}`;
  if (width - LEAD >= 24) return `${' '.repeat(LEAD)}${c.caution(wrap(said, width - LEAD - 2, ' '.repeat(LEAD + 2), width - LEAD))}`;
  return `  ${c.caution(wrap(said, width - 4, '    ', width - 2))}`;
}
