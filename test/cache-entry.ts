// Reading and writing a user-data cache entry in tests, as a person editing it by hand would.
import { readFileSync, writeFileSync } from 'node:fs';
import { checksum } from '../src/store/user-cache.js';

/** The entry in a cache file: its header and its contents as one object. */
export function readEntry(file: string): any {
  const text = readFileSync(file, 'utf8');
  const nl = text.indexOf('\n');
  return { ...JSON.parse(text.slice(0, nl)), ...JSON.parse(text.slice(nl + 1)) };
}

/**
 * Write an entry back. `sum: 'fresh'` works the checksum out for the contents written (an edit
 * by someone who knows the format, so the checks behind the checksum are what is tested);
 * `'kept'` keeps the one the entry had (a hand edit, or a corruption).
 */
export function writeEntry(file: string, entry: any, sum: 'fresh' | 'kept'): void {
  const { points, routines, notices, skipped, ...header } = entry;
  const body = JSON.stringify({ points, routines, notices, skipped, ...Object.fromEntries(Object.entries(entry).filter(([k]) => !['format', 'release', 'key', 'stamps', 'sum', 'points', 'routines', 'notices', 'skipped'].includes(k))) });
  const head = Object.fromEntries(Object.entries(header).filter(([k]) => ['format', 'release', 'key', 'stamps', 'sum'].includes(k)));
  writeFileSync(file, `${JSON.stringify({ ...head, sum: sum === 'fresh' ? checksum(Buffer.from(body, 'utf8')) : head.sum })}\n${body}`);
}
