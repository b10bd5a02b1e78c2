import type { Out } from '../model/io.js';
import type { RunEvent } from '../model/events.js';

/** NDJSON: one event per line, exactly as emitted. */
export function jsonSink(out: Out): (ev: RunEvent) => void {
  return (ev) => void out.write(`${JSON.stringify(ev)}\n`);
}
