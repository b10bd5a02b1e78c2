// Reading one of the installation's own data files (dist/data/*.json): a file acupress wrote at
// build time, so anything but a small regular file in its place is a damaged installation. The
// reading itself must not hang on such a thing: readFileSync waits forever on a FIFO (open
// blocks until a writer comes) and reads /dev/zero until memory runs out.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/** Far above any file the build writes (the largest, routines.json, is about 70 KB). */
export const MAX_DATA_BYTES = 8 * 1024 * 1024;

// O_NONBLOCK: a FIFO opens at once (and is then refused) instead of waiting for a writer.
// Links are followed: some package managers install files as links. Windows has no O_NONBLOCK.
const { O_RDONLY, O_NONBLOCK = 0 } = constants;

/**
 * The UTF-8 text of a built-in data file. Throws as readFileSync does (ENOENT, EACCES, ...), and
 * an Error with code 'ENOTREG' for a FIFO, device, socket or directory in its place, 'EFBIG' for
 * a file over `limit` bytes (MAX_DATA_BYTES): errors the callers word as a damaged install.
 */
export function readDataFile(file: string, limit: number = MAX_DATA_BYTES): string {
  const fd = openSync(file, O_RDONLY | O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    if (st.size > limit) throw Object.assign(new Error(`larger than ${limit} bytes`), { code: 'EFBIG' });
    // Checked, the file is read by readFileSync's own UTF-8 path, which decodes in C++ (a Buffer's
    // toString('utf8') cost `check` 0.5 million instructions more on Node 20, counted by callgrind).
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}
