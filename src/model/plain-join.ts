// Joining paths at start-up without path.join's normalizing, when there is nothing to normalize.
// path.join (and resolve) rewrite the whole result a character at a time, calling a helper per
// character; on Node 24 a start that has put about 400 characters through it compiles that
// helper with Maglev, 1.4 million instructions of a `show LI4` (BENCHMARKS.md, session 12).
// Pure: the separator comes from the caller (node:path's sep), and any path this cannot vouch
// for is left to path.join.

/**
 * `dir` and `names` joined with `sep` ("/"), exactly as POSIX path.join would join them, when
 * that is plain concatenation: `dir` is already normal (not empty, no empty, "." or ".."
 * segment, no trailing separator) and each name is one segment other than "." and "..".
 * Undefined otherwise, or when `sep` is not "/" (Windows): then the caller uses path.join.
 */
export function plainJoin(sep: string, dir: string, ...names: string[]): string | undefined {
  if (sep !== '/' || !normalDir(dir)) return undefined;
  let out = dir;
  for (const name of names) {
    if (name === '' || name === '.' || name === '..' || name.includes('/')) return undefined;
    out += `/${name}`;
  }
  return out;
}

/**
 * path.join(dir, ...names) by plain concatenation when that is the same answer, else by the
 * given `join` (node:path's, with its `sep`: this layer imports no Node module).
 */
export const joinerOf = (join: (...paths: string[]) => string, sep: string) => (dir: string, ...names: string[]): string =>
  plainJoin(sep, dir, ...names) ?? join(dir, ...names);

/** A path path.normalize would return unchanged (and not "/" itself, which has a trailing separator). */
function normalDir(p: string): boolean {
  if (p === '' || p === '.' || p === '..' || p.endsWith('/') || p.endsWith('/.') || p.endsWith('/..')) return false;
  if (p.startsWith('./') || p.startsWith('../')) return false;
  return !p.includes('//') && !p.includes('/./') && !p.includes('/../');
}
