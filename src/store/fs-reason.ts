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
