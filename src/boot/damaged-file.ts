// The error for a file of the installed package that cannot be loaded, shared by the loader's
// fast path (loader.ts, for its slow path's own file) and its slow path (slow-load.ts, for a
// bundle). It imports only model/damaged-install.ts, so main.cjs stays small.
import { damagedInstall } from '../model/damaged-install.js';

/** EXIT.internal (model/errors.ts), not imported: main.cjs stays small. */
export const INTERNAL_ERROR = 70;

/**
 * A file of ours that is missing or cannot be read, compiled or used (`e`: what went wrong, an
 * errno error, an exception or a few words): the installation is damaged. An error that the shell
 * (cli/shell.ts) and the loader's entry() print as one line with exit 70, as the snapshot's
 * (store/snapshot.ts): model/errors.ts's ExitError brand, not imported.
 */
export function damagedFile(file: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const why = code === 'ENOTREG' ? 'not a regular file' : code ?? (e instanceof Error ? `${e.name}: ${e.message}` : e === undefined ? undefined : String(e));
  const what = code === 'ENOENT' || code === 'MODULE_NOT_FOUND' ? 'is missing' : why ? `is damaged (${why})` : 'is damaged';
  return Object.assign(new Error(damagedInstall(`file ${file}`, what)), { exitCode: INTERNAL_ERROR, [Symbol.for('acupress.ExitError')]: true });
}
