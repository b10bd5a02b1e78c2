import type { Out } from '../io.js';
import type { RunEvent } from '../schedule/events.js';

/** NDJSON: one event per line, exactly as emitted. */
export function jsonSink(out: Out): (ev: RunEvent) => void {
  return (ev) => void out.write(`${JSON.stringify(ev)}\n`);
}
