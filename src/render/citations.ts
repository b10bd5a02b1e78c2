// Sources said once: each distinct source gets a number the first time a line cites it, and the
// list prints at the end, so a citation shared by five rules is printed once, not five times.
import { wrap } from './text.js';

/** A numbered list of sources, filled as lines cite them. */
export class Citations {
  private readonly list: string[] = [];

  /** The reference for a source, e.g. "[2]", numbering it on first use. */
  ref(source: string): string {
    let i = this.list.indexOf(source);
    if (i < 0) i = this.list.push(source) - 1;
    return `[${i + 1}]`;
  }

  /** How many sources have been cited. */
  get size(): number {
    return this.list.length;
  }

  /** The numbered list, each entry wrapped to `width` under its number (a URL left whole, to be copied). */
  lines(width: number): string[] {
    const pad = String(this.list.length).length + 4;
    return this.list.map((s, i) => `  ${`[${i + 1}]`.padEnd(pad - 1)}${wrap(s, width - pad - 1, ' '.repeat(pad + 1), width - pad - 1, 'whole')}`);
  }
}
