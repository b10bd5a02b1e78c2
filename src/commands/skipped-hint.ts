// An unknown name that belongs to one of the user's own files which was skipped for a problem:
// the error says so, and points to the warning printed above it, rather than leave the person
// to connect "unknown routine" with a "skipped" line about a file of another name. Which files
// were skipped, and the id each gives itself, the store recorded as it loaded them
// (catalog.skipped): nothing here reads a file or the warnings' words.
import type { Catalog } from '../model/catalog.js';
import { UserError } from '../model/errors.js';
import { foldText } from '../core/text.js';
import { quote } from '../model/printable.js';

/**
 * `e`, or when it is an "unknown …" usage error for one of `queries` that is the id or the file
 * name of a user file the catalog skipped, the same error saying which file and why it was not found.
 */
export function withSkippedHint(e: unknown, catalog: Pick<Catalog, 'skipped'>, queries: readonly string[]): unknown {
  if (!(e instanceof UserError) || !/^unknown /.test(e.message) || !catalog.skipped?.length) return e;
  // "unknown routine or point "x"; did you mean …": the name is the last word before any hint.
  const head = e.message.replace(/; did you mean .*$/s, '');
  const query = queries.find((q) => head.endsWith(` ${quote(q)}`));
  if (query === undefined) return e;
  const want = foldText(query.trim());
  for (const { file, id } of catalog.skipped) {
    const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '');
    // The file's own name first: "typo" for typo.yaml needs no id to explain it.
    if (foldText(name) === want) return new UserError(`${head}: ${file} was skipped for a problem (see the warning above)`, e.exitCode);
    if (id !== undefined && foldText(id) === want) return new UserError(`${head}: it is the id in ${file}, which was skipped for a problem (see the warning above)`, e.exitCode);
  }
  return e;
}
