import type { Out } from '../model/io.js';
import { escapeJsonHidden } from '../model/printable.js';
import type { RunEvent, StartEvent } from '../model/events.js';
import type { Worked } from '../core/session-record.js';
import type { StepCaution } from '../core/step-cautions.js';

/** What a run adds to its start event: the conditions applied and the steps skipped for them. */
export type StartFacts = Pick<StartEvent, 'conditions' | 'skipped'>;

/**
 * NDJSON: one event per line, as emitted, the start event with the run's `facts` added, each phase
 * event with its step's `cautions` (when it has any), and the end event with the points the run
 * worked (`worked`, read when the run ends: see pointsWorked), so a script can tell which points
 * and sides were done without reading the summary.
 */
export function jsonSink(out: Out, facts: StartFacts = {}, worked?: () => Worked, cautions?: (index: number) => StepCaution[] | undefined): (ev: RunEvent) => void {
  return (ev) => {
    const said = ev.type === 'phase' ? cautions?.(ev.index) : undefined;
    const line = ev.type === 'start' ? { ...ev, ...facts } : ev.type === 'end' && worked ? { ...ev, ...worked() } : said?.length ? { ...ev, cautions: said } : ev;
    void out.write(`${escapeJsonHidden(JSON.stringify(line))}\n`);
  };
}
