// Questions (inquirer prompts) that survive signals and job control. A prompt hides the cursor
// and puts the terminal in raw mode; a signal that kills the process there leaves the shell
// without a cursor, and Ctrl-Z then `fg` used to end the program (readline pauses its input on
// SIGCONT, and with nothing else pending the process exits).
import { Writable } from 'node:stream';
import { EXIT, ExitError } from '../model/errors.js';
import type { Io, Signal } from '../model/io.js';
import type { Terminal } from '../render/terminal.js';
import { stripEscapes } from '../render/width.js';
import { promptContext } from './run/prompt-io.js';

/** What inquirer's prompt functions take as their second argument. */
export interface PromptContext {
  input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal: AbortSignal;
  /** Read by inquirer when the prompt ends: set it before cancelling to erase the question. */
  clearPromptOnDone?: boolean;
}

const CODES: Record<Exclude<Signal, 'SIGPIPE'>, number> = { SIGINT: EXIT.sigint, SIGTERM: EXIT.sigterm, SIGHUP: EXIT.sighup };
const CURSOR_SHOW = '\x1b[?25h';

/**
 * Ask one question with `ask(context)`, passing the context on to inquirer: the streams of
 * prompt-io.ts for `term` (its colour and character set), and an abort signal. Handlers go in
 * before the prompt draws:
 * - SIGINT, SIGTERM, SIGHUP (and Ctrl-C) end the prompt, which restores the cursor and cooked
 *   mode, and throw ExitError 130, 143 or 129 with a one-line note ending in `outcome`, what
 *   the interruption leaves behind (by default "nothing was saved or run"); 'SIGPIPE' (the
 *   output has gone) ends it too, with a silent ExitError 0 (main reports a failed write);
 * - Ctrl-Z or SIGTSTP move below the prompt, show the cursor, leave raw mode and stop the process
 *   as the shell expects; `fg` brings raw mode and the prompt back, as it was.
 * Errors other than these pass through unchanged.
 */
export async function askGuarded<T>(io: Io, term: Pick<Terminal, 'color' | 'unicode'>, ask: (ctx: PromptContext) => Promise<T>, outcome = 'nothing was saved or run'): Promise<T> {
  const abort = new AbortController();
  // The handlers go in at once, before anything is awaited; until the prompt's streams exist,
  // a stop has no frame to move below, and a signal aborts the prompt before it draws.
  let streams: { output: PromptOut; screen: ReturnType<typeof recordFrames> } | undefined;
  let caught: Signal | undefined;
  let settled = false;
  let resumed = false;
  // In raw mode the terminal sends no signal for Ctrl-Z: readline reads the key and sends
  // SIGTSTP to our pid alone, so a parent that waits for us (npx, `sh -c`) would keep the
  // terminal. Its keypress events tell that SIGTSTP from one sent from outside.
  let ctrlZ = false;
  const onKey = (_s: unknown, key?: { ctrl?: boolean; name?: string }) => {
    if (key?.ctrl && key.name === 'z') ctrlZ = true;
  };
  io.stdin.on('keypress', onKey);
  const offs = [
    () => void io.stdin.off('keypress', onKey),
    io.onSignal((sig) => {
      caught ??= sig;
      abort.abort();
    }),
    io.onSuspend(() => {
      // A Ctrl-Z key stops the whole job, as the terminal's own Ctrl-Z would; a SIGTSTP from
      // outside stops this process, where it was sent.
      const scope = ctrlZ ? 'job' : 'process';
      ctrlZ = false;
      if (streams) streams.output.write(`${streams.screen.below()}${CURSOR_SHOW}`);
      io.stdin.setRawMode?.(false);
      io.stopSelf(scope);
    }),
    io.onContinue(() => {
      // readline's own Ctrl-Z handling, if that is what stopped us, pauses its input on SIGCONT
      // from a listener that runs after this one: bring the prompt back after it.
      setImmediate(() => {
        if (settled || !streams) return;
        // libuv skips setting a mode it thinks is on, but the shell reset the terminal: off, then on.
        io.stdin.setRawMode?.(false);
        io.stdin.setRawMode?.(true);
        io.stdin.resume?.();
        resumed = true;
        streams.output.write(streams.screen.replay());
      });
    }),
  ];
  try {
    const { input, output } = await promptContext(io, term);
    streams = { output, screen: recordFrames(output) };
    // A signal while the streams were made: no question was drawn, none is asked.
    if (caught) throw abort.signal.reason;
    return await ask({ input, output: streams.screen.stream, signal: abort.signal });
  } catch (e) {
    // Ctrl-C reaches inquirer as a key (raw mode), not as a signal; it is the same request.
    const sig = caught ?? ((e as Error)?.name === 'ExitPromptError' ? 'SIGINT' : undefined);
    // The output has gone: no note (there is nowhere to write it); main reports how it ended.
    if (sig === 'SIGPIPE') throw new ExitError(EXIT.ok);
    if (sig) throw new ExitError(CODES[sig], `interrupted by ${sig} at a question; ${outcome}`);
    throw e;
  } finally {
    settled = true;
    offs.forEach((off) => off());
    streams?.screen.close();
    // inquirer restores both when a prompt ends; an error thrown on the way must not skip it.
    if (io.stdin.isTTY) io.stdin.setRawMode?.(false);
    // After Ctrl-Z and fg, readline thinks its input is paused (it pauses itself on SIGCONT) while
    // the continue handler above has it flowing, so readline's close leaves it flowing, and a
    // flowing terminal keeps the process alive after the note. Stop reading here; the next
    // reader (a prompt, the live view's keys) resumes it.
    if (resumed) io.stdin.pause?.();
    if (caught) (streams?.output ?? io.stdout).write(CURSOR_SHOW);
  }
}

/** askLeavable's answer: what was answered, or that the question was left with a key. */
export type Leavable<T> = { left: false; answer: T } | { left: true };

/** How a question is left: by which keys, and whether it goes from the screen. */
export interface LeaveKeys {
  /** The whole keys (key-parser.ts names) that leave it; Esc by default. */
  keys?: readonly string[];
  /** Erase the question when it is left, for a caller that says what happened in its place. */
  clear?: boolean;
  /** askGuarded's `outcome`: what a signal at the question leaves behind. */
  outcome?: string;
}

/**
 * askGuarded, and the keys that leave the question (Esc, which inquirer's confirm, input and
 * checkbox ignore): they cancel the prompt, and the answer is `{ left: true }`, the person's
 * choice and no error. Keys are read whole, as the picker and the live view read them: a lone
 * ESC waits for the rest of a sequence, so an arrow key's ESC [ A is not Esc. `ask` returns
 * inquirer's prompt, whose `cancel` ends it.
 */
export async function askLeavable<T>(io: Io, term: Pick<Terminal, 'color' | 'unicode'>, ask: (ctx: PromptContext) => Promise<T> & { cancel: () => void }, how: LeaveKeys = {}): Promise<Leavable<T>> {
  const { keyReader } = await import('./run/keys.js');
  const keys = how.keys ?? ['escape'];
  let cancel: (() => void) | undefined;
  let left = false;
  const reader = keyReader(io.clock, (key) => {
    if (!keys.includes(key)) return;
    left = true;
    cancel?.();
  });
  const onData = (data: Buffer | string) => reader.data(data);
  io.stdin.on('data', onData);
  try {
    const answer = await askGuarded(io, term, (ctx) => {
      const prompt = ask(ctx);
      cancel = () => {
        if (how.clear) ctx.clearPromptOnDone = true;
        prompt.cancel();
      };
      return prompt;
    }, how.outcome);
    return { left: false, answer };
  } catch (e) {
    // The cancel's error (or any that a left question ends with) is the leaving, said as that.
    if (left) return { left: true };
    throw e;
  } finally {
    reader.stop();
    io.stdin.off('data', onData);
  }
}

// inquirer starts each frame by erasing the last one: cursor down to its bottom, then erase
// lines upwards to its top. A replay starts on a fresh line, with nothing to erase.
const LEADING_ERASE = /^(?:\x1b\[\d+B)?(?:\x1b\[2K(?:\x1b\[1A\x1b\[2K)*\x1b\[G)?/;
// ...and ends it by moving the cursor up to the answer line, and to its column.
const TRAILING_MOVE = /(?:\x1b\[(\d+)A)?\x1b\[\d+G$/;

/** The prompt's output as prompt-io.ts gives it: a terminal stream, or its colour and ASCII filter. */
type PromptOut = NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };

/**
 * A writable for inquirer's output that passes everything to `out` and remembers the last whole
 * frame (inquirer writes each frame in one call), so it can be drawn again after `fg`.
 */
function recordFrames(out: PromptOut) {
  let frame = '';
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      const text = String(chunk);
      if (stripEscapes(text).trim() !== '') frame = text;
      out.write(text);
      done();
    },
  });
  // inquirer and readline read the terminal's size and kind from the stream they write to, and
  // redraw when it says it was resized.
  Object.defineProperties(stream, {
    isTTY: { get: () => out.isTTY },
    columns: { get: () => out.columns },
    rows: { get: () => out.rows },
  });
  const onResize = () => stream.emit('resize');
  out.on?.('resize', onResize);

  return {
    stream,
    /** Codes that move the cursor from where the prompt left it to a fresh line below the frame. */
    below(): string {
      const up = TRAILING_MOVE.exec(frame)?.[1];
      return `${up ? `\x1b[${up}B` : ''}\r\n`;
    },
    /** Stop passing resize events on (the question is over). */
    close(): void {
      out.off?.('resize', onResize);
    },
    /** The last frame, drawn from the cursor's line, leaving the cursor where inquirer expects it. */
    replay(): string {
      return frame.replace(LEADING_ERASE, '');
    },
  };
}
