import type { Phase } from '../model/timeline.js';
import { formatClock, formatDuration } from '../model/duration.js';
import type { Paint } from './paint.js';


/** "LI4 left · round 1/3" — where in the routine a phase is. */
export function phaseWhere(p: Pick<Phase, 'point' | 'side' | 'round' | 'rounds'>): string {
  const parts: string[] = [];
  if (p.point) parts.push(p.side && p.side !== 'center' ? `${p.point} ${p.side}` : p.point);
  if (p.round !== undefined) parts.push(`round ${p.round}/${p.rounds}`);
  return parts.join(' · ');
}

/** One plain line for a phase: start offset, kind, where, length, and the instruction. */
export function phaseLine(p: Phase, c: Paint): string {
  const kind = (c.kind[p.kind] ?? c.bold)(p.kind.padEnd(7));
  const where = phaseWhere(p);
  return `${formatClock(p.offset_ms).padStart(5)}  ${kind} ${formatDuration(p.duration_ms).padEnd(5)} ${where ? `${c.dim(where)}  ` : ''}${p.text}`;
}
