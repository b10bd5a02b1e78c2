// Node fs errors in plain words, for the one-line messages acupress prints instead of stacks.
// The one errno table: every command and store module words fs failures through fsReason.
import { escapeHidden } from '../model/printable.js';

const WORDS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  ENXIO: 'no such device',
  EBADF: 'the output is closed',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  EEXIST: 'a file is in the way',
  ENOTEMPTY: 'a directory is in the way',
  ELOOP: 'too many symbolic links (a symlink loop?)',
  ENAMETOOLONG: 'the path is too long',
  ENOENT: 'no such file or directory',
  EBUSY: 'another acupress is changing it',
  // Not an errno: store/read-data-file.ts's, for a FIFO, device or directory where a file should be.
  ENOTREG: 'not a regular file',
};

/**
 * A Node fs error as a few plain words ("no space left on device"), else its code or message,
 * escaped for the terminal (a message may quote a path).
 */
export function fsReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException | undefined;
  const code = err?.code;
  return escapeHidden((code && WORDS[code]) ?? code ?? err?.message ?? String(e));
}

/**
 * Did the system give this error (an errno code: ENOENT, EACCES, ELOOP…)? Only those are a file's
 * problem, worded for the person (fsError, a skipped file, an unreadable profile). Anything else
 * (a TypeError, Node's ERR_* argument errors) is our code failing, or code from a damaged code
 * cache (boot/code-cache.ts): it must end the run as an internal error (exit 70, which drops the
 * caches the run read), never be cached or shown as a problem with the user's file. A flipped
 * byte in dist/user.cjs's cache made every later run skip the user's routine that way.
 */
export function isSystemError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return e instanceof Error && typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}
