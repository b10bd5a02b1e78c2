// The built CLI's entry for help and version lines (dist/info.cjs): the loader runs it instead
// of app.cjs when argv looks like one. It holds the help pages and the shell, a fifth of app.cjs,
// so `acupress --help` reads and compiles that much less (BENCHMARKS.md, session 6).
import { quickInfo } from './quick-argv.js';
import { printInfo } from './print-info.js';
import { runShell } from './shell.js';

/** Answer `argv` if it is a help or version line, and resolve to true; false for any other line (then app.cjs runs it). */
export async function main(argv: string[]): Promise<boolean> {
  const info = quickInfo(argv);
  if (!info) return false;
  await runShell(argv, (_, io) => printInfo(info, io));
  return true;
}

// app.cjs answers a help or version line that info.cjs declined (none in practice: they read
// argv alike) with this file's copy, rather than carrying the help pages and the command table.
export { printInfo } from './print-info.js';
