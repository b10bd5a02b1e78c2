// An unknown name that belongs to one of the user's own files which was skipped for a problem:
// the error says so, and points to the warning printed above it, rather than leave the person
// to connect "unknown routine" with a "skipped" line about a file of another name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../model/catalog.js';
import { UserError } from '../model/errors.js';
import { foldText } from '../core/text.js';
import { quote } from '../model/printable.js';

/** The files a catalog's notices say were skipped, as shown there (~/… or absolute). */
function skippedFiles(catalog: Pick<Catalog, 'notices'>): string[] {
  const out: string[] = [];
  for (const n of catalog.notices) {
    const m = /^warning: skipped (.+?\.ya?ml)(?::\d+:\d+)?[: ]/.exec(n);
    if (m) out.push(m[1]!);
  }
  return out;
}

/** The id a routine file gives itself (`id: my-typo`), read as plain text: the file did not load as YAML. */
function idIn(shown: string, home: string | undefined): string | undefined {
  const path = shown.startsWith('~/') ? (home ? join(home, shown.slice(2)) : undefined) : shown;
  if (!path) return undefined;
  try {
    return /^id:[ \t]*["']?([^"'#\s]+)/m.exec(readFileSync(path, 'utf8'))?.[1];
  } catch {
    return undefined; // gone, unreadable, or shown escaped: no hint, the warning still stands
  }
}

/**
 * `e`, or when it is an "unknown …" usage error for one of `queries` that is the id or the file
 * name of a user file the catalog skipped, the same error saying which file and why it was not found.
 */
export function withSkippedHint(e: unknown, catalog: Pick<Catalog, 'notices'>, queries: readonly string[], home: string | undefined): unknown {
  if (!(e instanceof UserError) || !/^unknown /.test(e.message)) return e;
  // "unknown routine or point "x"; did you mean …": the name is the last word before any hint.
  const head = e.message.replace(/; did you mean .*$/s, '');
  const query = queries.find((q) => head.endsWith(` ${quote(q)}`));
  if (query === undefined) return e;
  const want = foldText(query.trim());
  for (const file of skippedFiles(catalog)) {
    const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '');
    const id = foldText(name) === want ? undefined : idIn(file, home);
    if (foldText(name) !== want && (id === undefined || foldText(id) !== want)) continue;
    const what = id === undefined ? `${file} was skipped` : `it is the id in ${file}, which was skipped`;
    return new UserError(`${head}: ${what} for a problem (see the warning above)`, e.exitCode);
  }
  return e;
}
