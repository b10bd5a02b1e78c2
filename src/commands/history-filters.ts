// --since and --routine, shared by `history` and `stats`.
import { resolve as resolvePath } from 'node:path';
import type { Io } from '../model/io.js';
import type { Session } from '../model/history.js';
import { UserError } from '../model/errors.js';
import { quote } from '../model/printable.js';
import { parseSince } from '../core/calendar.js';
import { resolve } from '../core/resolve.js';
import { isPathLike } from './run/target.js';
import { catalogFor, type Common } from './context.js';

/** The instant --since names (see parseSince), or a usage error quoting the value. */
export function sinceFlag(io: Io, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const r = parseSince(text, io.calendar.now(), io.calendar.offset);
  if ('error' in r) throw new UserError(`--since: ${r.error}, got ${quote(text)}`);
  return r.ms;
}

/**
 * The targets --routine names, as the log spells them. The name is matched against the log
 * first (ids case-insensitively, files by path from here); failing that it is resolved like a
 * run target (aliases, legacy codes, pinyin), which reads the catalog. A name that matches
 * neither is a usage error; a known routine with no sessions is an empty set.
 */
export async function routineTargets(io: Io, options: Common, sessions: readonly Session[], name: string | undefined): Promise<Set<string> | undefined> {
  if (name === undefined) return undefined;
  const known = new Set(sessions.map((s) => s.target));
  if (isPathLike(name)) return new Set([resolvePath(io.cwd, name)]);
  const lower = name.toLowerCase();
  const direct = [...known].filter((t) => t.toLowerCase() === lower);
  if (direct.length) return new Set(direct);
  const catalog = await catalogFor(options, io);
  try {
    return new Set([resolve(catalog, name, ['routine', 'point']).id]);
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`--routine: ${e.message}`);
    throw e;
  }
}
