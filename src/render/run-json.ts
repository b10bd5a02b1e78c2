import type { Out } from '../model/io.js';
import type { RunEvent, StartEvent } from '../model/events.js';

/** What a run adds to its start event: the conditions applied and the steps skipped for them. */
export type StartFacts = Pick<StartEvent, 'conditions' | 'skipped'>;

/** NDJSON: one event per line, as emitted, the start event with the run's `facts` added. */
export function jsonSink(out: Out, facts: StartFacts = {}): (ev: RunEvent) => void {
  return (ev) => void out.write(`${JSON.stringify(ev.type === 'start' ? { ...ev, ...facts } : ev)}\n`);
}
