// The process shell: with real-io.ts and the entries that start it (src/boot/loader.ts when built,
// src/tools/dev.ts under tsx), the only code that touches `process`. One top-level catch maps errors
// to exit codes; process.exitCode (not process.exit) lets output flush.
import { dispatcher, QUICK_HANDLERS } from './dispatch.js';
import { EXIT, isReportable } from '../model/errors.js';
import { commandHelp, programHelp } from './help.js';
import { quickInfo, quickParse } from './quick-argv.js';
import pkg from '../../package.json' with { type: 'json' };
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
  // `acupress list | head -1`: a closed pipe is not an error worth a word.
  const io = realIo(() => process.exit(process.exitCode ?? 0));
  try {
    process.exitCode = await route(argv, io);
  } catch (e) {
    process.exitCode = report(e, io);
  }
}

/** Print an error the way its type deserves and return the exit code. */
function report(e: unknown, io: Io): number {
  const debug = process.env.ACUPRESS_DEBUG === '1';
  if (isReportable(e)) {
    if (e.message) io.stderr.write(`acupress: ${e.message}\n`);
    if (debug && e.stack) io.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  const err = e as Error;
  // Ctrl-C at an inquirer prompt: the person changed their mind, not a crash.
  if (err?.name === 'ExitPromptError' || err?.name === 'AbortPromptError') {
    io.stderr.write('\n');
    return EXIT.sigint;
  }
  io.stderr.write(`acupress: internal error: ${err?.message ?? String(e)}\n`);
  if (debug && err?.stack) io.stderr.write(`${err.stack}\n`);
  else io.stderr.write('acupress: set ACUPRESS_DEBUG=1 for details, and please report this.\n');
  return EXIT.internal;
}
