// The process shell: with real-io.ts and the entries that start it (src/boot/loader.ts when built,
// src/tools/dev.ts under tsx), the only code that touches `process`. One top-level catch maps errors
// to exit codes; process.exitCode (not process.exit) lets output flush, and nothing here ever
// ends the process early. Shared by the two entries, main.ts and info-main.ts.
import { EXIT, isReportable } from '../model/errors.js';
import { safeLines } from '../model/printable.js';
import { fsReason } from '../store/fs-reason.js';
import { realIo } from './real-io.js';
import { fittedOut } from '../render/fit-out.js';
import type { Io } from '../model/io.js';
import type { OutputEnd } from './real-io.js';

/**
 * Run one command line through `route` and set process.exitCode; never throws. Output that could not be
 * written ends the command through the io (see realIo) and is reported here, once: a closed
 * pipe (`acupress list | head -1`) quietly, with the command's own exit code; any other failure
 * (a full disk, /dev/full, a terminal gone with EIO) as one line on stderr and exit 2, never a
 * stack, whatever the command returned or threw.
 */
export async function runShell(argv: string[], route: (argv: string[], io: Io) => Promise<number>): Promise<void> {
  let finished = false;
  let told = false;
  const settle = (code: number, end: OutputEnd | undefined): void => {
    if (end?.kind === 'failed') {
      if (!told) io.stderr.write(`acupress: cannot write output: ${fsReason(end.error)}\n`);
      told = true;
      code = EXIT.usage;
    }
    process.exitCode = code;
  };
  // A stream's failure may be reported after the command has returned (Node emits it a turn
  // later): then it still sets the exit code and gets its line.
  const { io, outputEnd } = realIo((end) => {
    if (finished) settle(Number(process.exitCode ?? 0), end);
  });
  // Messages reach stderr from everywhere; in a terminal each line is fitted to its width there.
  if (io.stderr.isTTY) io.stderr = fittedOut(io.stderr, io.env);
  let code: number;
  try {
    code = await route(argv, io);
  } catch (e) {
    code = report(e, io);
  }
  finished = true;
  settle(code, outputEnd());
}

/** Print an error the way its type deserves and return the exit code. */
function report(e: unknown, io: Io): number {
  const debug = process.env.ACUPRESS_DEBUG === '1';
  if (isReportable(e)) {
    // The last guard: whatever argv, file names or data a message quotes, no control character
    // reaches the terminal, and no line runs on without end.
    if (e.message) io.stderr.write(`acupress: ${safeLines(e.message)}\n`);
    if (debug && e.stack) io.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  // Ctrl-C at an inquirer prompt: the person changed their mind, not a crash.
  if (err?.name === 'ExitPromptError' || err?.name === 'AbortPromptError') {
    io.stderr.write('\n');
    return EXIT.sigint;
  }
  io.stderr.write(`acupress: internal error: ${safeLines(err?.message ?? String(e))}\n`);
  if (debug && err?.stack) io.stderr.write(`${err.stack}\n`);
  else io.stderr.write('acupress: set ACUPRESS_DEBUG=1 for details, and please report this.\n');
  return EXIT.internal;
}
