// A sink that changes what is written and passes everything else through: the terminal's size
// and events, and the sink beneath (`raw`) for libraries that need the real stream.
import type { Out } from '../model/io.js';

/** `out`, with every chunk passed through `change` before it is written; size, events and `raw` are out's. */
export function filteredOut(out: Out, change: (s: string) => string): Out {
  return {
    write: (s: string) => out.write(change(s)),
    get isTTY() {
      return out.isTTY;
    },
    get columns() {
      return out.columns;
    },
    get rows() {
      return out.rows;
    },
    on: out.on && ((e, fn) => out.on!(e, fn)),
    off: out.off && ((e, fn) => out.off!(e, fn)),
    raw: out.raw ?? out,
  };
}
