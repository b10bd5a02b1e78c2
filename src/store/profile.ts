// The saved safety profile ($XDG_CONFIG_HOME/acupress/profile.yaml). Checking that it exists
// is cheap, and the file as acupress writes it is read without yaml or zod; those load only for
// a profile someone edited into another shape.
import { readFileSync, statSync } from 'node:fs';
import type { Io } from '../model/io.js';
import type { Profile } from '../model/types.js';
import { UserError } from '../model/errors.js';
import { untrusted } from '../model/printable.js';
import { configDir } from './paths.js';
import { fsReason, isSystemError } from './fs-reason.js';
import { dataPath, MAX_FILE_BYTES } from './source-file.js';
import { joinPath } from './join-path.js';

/** Where the profile lives; undefined when there is no config directory (no usable HOME). */
export function profilePath(env: Io['env']): string | undefined {
  const dir = configDir(env);
  return dir === undefined ? undefined : joinPath(dir, 'profile.yaml');
}

/**
 * The saved profile, or undefined when there is none. A corrupt profile, or one that cannot be
 * reached (a folder without permission, a symlink loop), is a UserError naming the file: a
 * profile is a safety answer, and one that is there but unread must never read as "no condition".
 */
export async function readProfile(io: Pick<Io, 'env'> & Partial<Pick<Io, 'stderr'>>): Promise<Profile | undefined> {
  const path = profilePath(io.env);
  if (path === undefined) return undefined;
  let isFile: boolean;
  try {
    // throwIfNoEntry: no profile is the usual case, and an exception costs a cold start ~0.1 ms.
    const st = statSync(path, { throwIfNoEntry: false });
    // Nothing there, or a dangling link (into a dotfiles repo whose file is not made yet): no profile.
    if (!st) return undefined;
    // A file over the loaders' limit goes to the full loader too, which refuses it in one line.
    isFile = st.isFile() && st.size <= MAX_FILE_BYTES;
  } catch (e) {
    // A part of the path is a file, not a folder: nothing can be there. Any other failure
    // (EACCES, ELOOP, EIO …) means something may be there that cannot be read.
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw unreadable(path, io.env, e);
  }
  // Only a regular file is read here: a FIFO would block. Anything else goes to the full loader,
  // which says what it is.
  let text: string | undefined;
  try {
    text = isFile ? readFileSync(path, 'utf8') : undefined;
  } catch (e) {
    throw unreadable(path, io.env, e);
  }
  const quick = text === undefined ? undefined : quickProfile(text);
  if (quick) return quick;
  const { loadProfile } = await import('./profile-store.js');
  // Named as ~/… like the other user files, not relative to wherever the command was run. The
  // YAML parser says when the file held nothing: that is warned about.
  return loadProfile(path, dataPath(path, io.env.HOME), (why) => warnEmpty(path, io, why));
}

/** Profiles this process has warned about saying nothing: the warning is said once, however often it is read. */
const warnedEmpty = new Set<string>();

/**
 * An empty or comment-only profile means no conditions, and so does one with other keys but no
 * `conditions` (`history: false` alone, `{}`). But a profile is a safety answer, and one emptied
 * (a stray `> profile.yaml`, a sync conflict) or cut down may have held one: say so, once, with
 * how to say "none" on purpose (`conditions: []`, which is silent).
 */
function warnEmpty(path: string, io: Partial<Pick<Io, 'stderr'>> & Pick<Io, 'env'>, why: 'empty' | 'no-conditions'): void {
  if (!io.stderr || warnedEmpty.has(path)) return;
  warnedEmpty.add(path);
  const shown = untrusted(dataPath(path, io.env.HOME), 300);
  io.stderr.write(why === 'empty'
    ? `warning: ${shown} is empty: no safety conditions apply (write "conditions: []" in it to say so, or delete it to be asked again)\n`
    : `warning: ${shown} has no "conditions": no safety conditions apply (add "conditions: []" to it to say so)\n`);
}

/** The one line for a profile that is there but cannot be read: why, and the ways out. */
function unreadable(path: string, env: Io['env'], e: unknown): UserError {
  // Our own failure (isSystemError) ends the run as an internal error, never blames the profile.
  if (!isSystemError(e)) throw e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const fix = code === 'EACCES' || code === 'EPERM' ? 'make it and its folders readable' : code === 'ELOOP' ? 'fix or remove the link' : 'fix or remove it';
  return new UserError(`${untrusted(dataPath(path, env.HOME), 300)}: cannot read your safety profile: ${fsReason(e)}; ${fix}, or use --no-profile to go without it`);
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/**
 * The ids of `conditions: [pregnancy, bleeding]`, as a person writes it by hand: condition ids
 * between brackets, comma-separated, spaces around them; undefined for any other line. (YAML needs
 * the space after the colon: `conditions:[x]` is no mapping.) Read with string code, not a pattern:
 * one with a run of spaces on either side of an empty list backtracked quadratically (a line of
 * 100,000 spaces took 11 s).
 */
function flowList(line: string): string[] | undefined {
  if (!line.startsWith('conditions: ') || line.includes('\t')) return undefined;
  const list = line.slice('conditions: '.length).trim();
  if (!list.startsWith('[') || !list.endsWith(']')) return undefined;
  const inner = list.slice(1, -1).trim();
  if (inner === '') return [];
  const ids = inner.split(',').map((word) => asId(word.trim()));
  return ids.includes(undefined) ? undefined : (ids as string[]);
}

/**
 * An id as YAML reads it: a string, unless YAML reads it as something else (null, a boolean, a
 * number: `1e3`, `0x1f`), which the full loader reports at its place; undefined then.
 */
const asId = (word: string): string | undefined => (SLUG.test(word) && word !== 'null' && word !== 'true' && word !== 'false' && !/^[0-9]/.test(word) ? word : undefined);

/**
 * The profile as addProfileConditions writes it (comments, a `conditions` list of ids, `tips_seen`),
 * or with the list written on one line (`conditions: [pregnancy]`), read without loading yaml and
 * zod, since list, show and check read it at every start (loading them costs a start about 95
 * million instructions: `show LI4` 196 against 101 on Node 22). Anything else (another layout, a
 * typo) returns undefined and goes through the full validating loader.
 */
export function quickProfile(text: string): Profile | undefined {
  // A CR ends a line for YAML (and the full loader), not for a split on LF: a lone one in a
  // comment would hide the list item after it here. Such a file goes through the full loader.
  if (text.includes('\r')) return undefined;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const conditions: string[] = [];
  let tips: boolean | undefined;
  let inList = false;
  let sawConditions = false;
  for (const line of lines) {
    if (line.startsWith('#')) continue;
    if (inList && line.startsWith('  - ')) {
      const id = asId(line.slice(4));
      if (id === undefined) return undefined;
      conditions.push(id);
      continue;
    }
    // `conditions:` with no item before the next key is an empty value, not an empty list: the
    // full loader says so (where), never a silent "no conditions" (an item commented out).
    if (inList && conditions.length === 0) return undefined;
    inList = false;
    const flow = sawConditions ? undefined : flowList(line);
    if (line === 'conditions:' && !sawConditions) (sawConditions = true, inList = true);
    else if (flow) (sawConditions = true, conditions.push(...flow));
    else if ((line === 'tips_seen: true' || line === 'tips_seen: false') && tips === undefined) tips = line === 'tips_seen: true';
    else return undefined;
  }
  if (!sawConditions || (inList && conditions.length === 0)) return undefined;
  return { conditions, tips_seen: tips ?? false };
}
