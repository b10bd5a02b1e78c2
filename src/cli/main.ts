// The process shell: with real-io.ts and the entries that start it (src/boot/loader.ts when built,
// src/tools/dev.ts under tsx), the only code that touches `process`. One top-level catch maps errors
// to exit codes; process.exitCode (not process.exit) lets output flush.
import { dispatcher, QUICK_HANDLERS } from './dispatch.js';
import { EXIT, isReportable } from '../model/errors.js';
import { commandHelp, programHelp } from './help.js';
import { quickInfo, quickParse } from './quick-argv.js';
import pkg from '../../package.json' with { type: 'json' };
import { safeLines } from '../model/printable.js';
import { fsReason } from '../store/fs-reason.js';
import { realIo } from './real-io.js';
import { helpWidth } from '../render/terminal.js';
import type { Io } from '../model/io.js';

const quickDispatch = dispatcher(QUICK_HANDLERS);

/** Plain list/show/check, help and version lines skip commander (start-up time); everything else goes through it. */
async function route(argv: string[], io: Io): Promise<number> {
  const info = quickInfo(argv);
  if (info) {
    // commander's width: the terminal's, or 80 when not a terminal (program.ts tells it the same).
    const width = helpWidth(io.env, io.stdout);
    io.stdout.write('version' in info ? `${pkg.version}\n` : info.help ? commandHelp(info.help, width) : programHelp(width));
    return EXIT.ok;
  }
  const quick = quickParse(argv);
  if (quick) return quickDispatch(quick.command, quick.options, io);
  const { runCli } = await import('./program.js');
  return runCli(argv, io);
}

/** Run one command line and set process.exitCode; never throws. */
export async function main(argv: string[]): Promise<void> {
  const io = realIo({
    // `acupress list | head -1`: a closed pipe is not an error worth a word.
    closed: () => process.exit(process.exitCode ?? 0),
    failed: outputFailed,
  });
  try {
    process.exitCode = await route(argv, io);
  } catch (e) {
    process.exitCode = report(e, io);
  }
}

/**
 * Output that cannot be written (a full disk, /dev/full, a terminal gone with EIO) ends the run:
 * one line on stderr, exit 2, never a stack. process.exit, because the failure may surface in a
 * timer of a live run, where no caller could stop it. When stderr itself fails there is no one
 * to tell: its warnings are dropped and the command carries on.
 */
function outputFailed(fd: 1 | 2, e: NodeJS.ErrnoException): void {
  if (fd === 2) return;
  try {
    process.stderr.write(`acupress: cannot write output: ${fsReason(e)}\n`);
  } catch {
    // stderr is gone too.
  }
  process.exit(EXIT.usage);
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
