// A sink that keeps every line within the terminal's width: messages on stderr (errors, warnings,
// notes such as "No sessions logged yet") are written from many places, and most are one sentence
// that the terminal would otherwise break mid-word. A line wider than the terminal is wrapped
// between words (a word longer than the line, such as a path, left whole), its continuation
// indented two more columns than the line itself. Lines that fit,
// and everything written to a pipe or file, pass through untouched.
import type { Io, Out } from '../model/io.js';
import { filteredOut } from './filtered-out.js';
import { terminalColumns } from './terminal.js';
import { wrap } from './text.js';
import { width } from './width.js';

/** Cursor movement, erasing and mode changes: a line holding any of these is drawn, not wrapped. */
const CONTROL = /\x1b\[[0-9;?]*[A-Za-ln-z]|\r|\x1b\]/;

/** One line fitted to `columns`: unchanged when it fits; else wrapped, continuations hanging two columns in. */
export function fitLine(line: string, columns: number): string {
  if (width(line) <= columns || CONTROL.test(line)) return line;
  const lead = /^ */.exec(line)![0];
  const room = columns - lead.length;
  if (room < 4) return line;
  const body = wrap(line.slice(lead.length), room - 2, `${lead}  `, room, 'whole');
  return `${lead}${body}`;
}

/** `out`, with each line written to a terminal fitted to its width at the time of writing. */
export function fittedOut(out: Out, env: Io['env']): Out {
  return filteredOut(out, (s) => {
    const { columns } = terminalColumns({ env, stdout: out });
    if (columns === undefined || !s.includes('\n')) return s;
    return s.split('\n').map((l) => fitLine(l, columns)).join('\n');
  });
}
