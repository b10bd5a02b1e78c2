// The built CLI's main entry (dist/app.cjs): routes a command line to the quick path or to
// commander, inside the process shell (shell.ts).
import { dispatcher, QUICK_HANDLERS } from './dispatch.js';
import { quickInfo, quickParse } from './quick-argv.js';
import { runShell } from './shell.js';
import type { Io } from '../model/io.js';

const quickDispatch = dispatcher(QUICK_HANDLERS);

/** Plain list/show/check, help and version lines skip commander (start-up time); everything else goes through it. */
async function route(argv: string[], io: Io): Promise<number> {
  const info = quickInfo(argv);
  // Help and version lines normally go to info.cjs (boot/loader.ts); only one it declined comes
  // here, so the help pages and the whole command table stay out of every other start.
  if (info) return (await import('./print-info.js')).printInfo(info, io);
  const quick = quickParse(argv);
  if (quick) return quickDispatch(quick.command, quick.options, io);
  const { runCli } = await import('./program.js');
  return runCli(argv, io);
}

/** Run one command line and set process.exitCode; never throws (shell.ts). */
export async function main(argv: string[]): Promise<void> {
  return runShell(argv, route);
}
