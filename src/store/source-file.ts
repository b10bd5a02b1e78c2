// Reading a user's file safely: size limit, directories, binary and invalid UTF-8 are all
// clear user errors, never exceptions escaping to a stack trace.
import { readFileSync, statSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { UserError } from '../model/errors.js';

/** Files larger than this are refused before parsing, so a runaway file cannot stall the CLI. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Show a path the way a user would type it: relative to the working directory when inside it. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

// One strict decoder for every file (a fatal decoder keeps no state between whole decodes).
let utf8: InstanceType<typeof TextDecoder> | undefined;

/** Read a text file, refusing directories, huge files, binary data and invalid UTF-8. */
export function readTextFile(path: string, shown: string = displayPath(path)): string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UserError(`${shown}: is a directory, expected a YAML file`);
    if (!st.isFile()) throw new UserError(`${shown}: is not a regular file`);
    size = st.size;
  } catch (e) {
    throw e instanceof UserError ? e : fsError(shown, e);
  }
  if (size > MAX_FILE_BYTES) {
    throw new UserError(`${shown}: file is ${Math.ceil(size / 1024)} KiB, larger than the 1024 KiB limit`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw fsError(shown, e);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UserError(`${shown}: is UTF-16 text, expected UTF-8; save the file as UTF-8`);
  }
  if (bytes.includes(0)) throw new UserError(`${shown}: looks like a binary file, expected YAML text`);
  let text: string;
  try {
    text = (utf8 ??= new TextDecoder('utf-8', { fatal: true })).decode(bytes);
  } catch {
    throw new UserError(`${shown}: is not valid UTF-8 text`);
  }
  // A BOM is harmless in a text file; strip it so column numbers match what editors show.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Turn a Node fs error into one plain sentence. */
export function fsError(shown: string, e: unknown, what: 'file' | 'directory' = 'file'): UserError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const why: Record<string, string> = {
    ENOENT: `no such ${what}`,
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ELOOP: 'too many symbolic links (a symlink loop?)',
    EISDIR: 'is a directory, expected a YAML file',
    ENOTDIR: 'a part of the path is not a directory',
    ENAMETOOLONG: 'the path is too long',
  };
  return new UserError(`${shown}: ${(code && why[code]) ?? (e as Error)?.message ?? 'cannot be read'}`);
}
