// The streams the interactive prompts (inquirer) draw on. Inquirer picks its own colours and
// symbols from process-wide checks that know nothing of --no-color or the locale, so when colour
// is off or the terminal is not UTF-8 its output passes through a filter that takes colour codes
// out and folds text to ASCII, while keeping what inquirer needs of a terminal (size, resize).
import { Writable } from 'node:stream';
import type { Io } from '../../model/io.js';
import type { Terminal } from '../../render/terminal.js';

const SGR = /\x1b\[[0-9;]*m/g;

/** `{ input, output }` for an inquirer prompt in this terminal. */
export async function promptContext(io: Io, term: Pick<Terminal, 'color' | 'unicode'>): Promise<{ input: NodeJS.ReadableStream; output: NodeJS.WritableStream }> {
  const input = io.stdin as NodeJS.ReadableStream;
  const out = io.stdout.raw ?? io.stdout;
  if (term.color > 0 && term.unicode) return { input, output: out as NodeJS.WritableStream };
  const { toAscii } = await import('../../render/ascii.js');
  const filter = (s: string) => {
    const bare = term.color > 0 ? s : s.replace(SGR, '');
    return term.unicode ? bare : toAscii(bare);
  };
  const output = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      out.write(filter(String(chunk)));
      done();
    },
  });
  Object.defineProperties(output, {
    isTTY: { get: () => out.isTTY },
    columns: { get: () => out.columns },
    rows: { get: () => out.rows },
  });
  const onResize = () => output.emit('resize');
  out.on?.('resize', onResize);
  output.on('finish', () => out.off?.('resize', onResize));
  return { input, output };
}
