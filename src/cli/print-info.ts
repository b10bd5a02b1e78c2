// The answer to a help or version line, shared by the app and the small entry that answers
// only these (info-main.ts).
import pkg from '../../package.json' with { type: 'json' };
import type { Io } from '../model/io.js';
import { EXIT } from '../model/errors.js';
import { helpWidth } from '../render/terminal.js';
import { commandHelp, programHelp } from './help.js';
import type { QuickInfo } from './quick-argv.js';

/** Write the version, a command's help or the program's help to stdout; returns exit code 0. */
export async function printInfo(info: QuickInfo, io: Io): Promise<number> {
  // commander's width: the terminal's, or 80 when not a terminal (program.ts tells it the same).
  const width = helpWidth(io.env, io.stdout);
  io.stdout.write('version' in info ? `${pkg.version}\n` : info.help ? commandHelp(info.help, width) : programHelp(width));
  return EXIT.ok;
}
