// Reading and changing the profile file. The profile is the user's: it may be hand-edited, hold
// comments, or be a symlink into a dotfiles repository. Changes edit the YAML document in place
// (comments and layout survive), go through the link to its target, and are made under a lock
// so two runs answering the first-run question at once both keep their answers.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { isScalar, isSeq, parseDocument, stringify, type YAMLSeq } from 'yaml';
import { profileSchema } from '../model/schema.js';
import type { Profile } from '../model/types.js';
import { atomicWrite, followLinks } from './atomic-write.js';
import { makeDirs } from './make-dirs.js';
import { withLock } from './file-lock.js';
import { readTextFile } from './source-file.js';
import { checkYamlFile, crLineEnds, loadYamlFile, type Checked } from './yaml-load.js';

const HEADER = '# acupress safety profile: the conditions applied to every run and check.\n# Edit freely, or delete this file to be asked again. Add "history: false" to stop logging sessions.\n';

/** The profile as read: `conditions` may be left out, so a profile that names none can be told from `conditions: []`. */
const readSchema = profileSchema.extend({ conditions: profileSchema.shape.conditions.unwrap().optional() });

/** Why a profile applies no conditions without saying so: it held nothing, or it has no `conditions` key. */
export type SaysNothing = 'empty' | 'no-conditions';

/**
 * Read and validate a profile file; errors name the file (as `shown`), line and field.
 * `saysNothing` is told when the file held nothing (blank, or comments alone), or held other keys
 * but no `conditions` (`{}`, `history: false` alone): either way no condition applies, but not
 * because the person said so, as `conditions: []` does.
 */
export function loadProfile(path: string, shown?: string, saysNothing?: (why: SaysNothing) => void): Profile {
  // A profile emptied, or left with comments alone, says nothing applies: no conditions, as
  // `conditions: []` would (it was an error that stopped every command).
  let empty = false;
  const read = loadYamlFile(path, readSchema, shown, { empty: {}, onEmpty: () => (empty = true), holds: 'one profile' });
  if (empty) saysNothing?.('empty');
  else if (read.conditions === undefined) saysNothing?.('no-conditions');
  return { ...read, conditions: read.conditions ?? [] };
}

/**
 * Where the profile's `conditions[index]` stands, for an error about it: "~/…/profile.yaml:3:5
 * conditions[1]", as every other problem in the profile is placed; the file and field alone if
 * the file no longer reads as a profile (changed since).
 */
export function profileConditionPlace(path: string, shown: string, index: number): string {
  let r: Checked<unknown> | undefined;
  try {
    r = checkYamlFile(path, readSchema, shown, { empty: {}, holds: 'one profile' });
  } catch {
    r = undefined;
  }
  const at = r?.ok ? r.locate(['conditions', index]) : undefined;
  return at ? `${shown}:${at.line}:${at.col} conditions[${index}]` : `${shown} conditions[${index}]`;
}

/**
 * Add conditions to the profile at `path`, creating it when there is none, and return the
 * profile as saved. Conditions already listed stay where they are; comments, order and every
 * other key of a hand-edited file are kept. A profile that does not validate is left untouched
 * (the UserError names the problem). Rejects with fs errors (read-only directory, full disk).
 */
export async function addProfileConditions(path: string, conditions: readonly string[]): Promise<Profile> {
  const target = followLinks(path);
  makeDirs(dirname(target));
  return withLock(target, () => {
    if (!existsSync(target)) {
      const fresh: Profile = { conditions: [...new Set(conditions)], tips_seen: false };
      atomicWrite(path, `${HEADER}${stringify({ conditions: fresh.conditions })}`, { mode: 0o600, followLinks: true });
      return fresh;
    }
    loadProfile(target); // Never edit a profile we could not read back.
    // Line ends as loadProfile read them: a CR-only profile is written back with line feeds.
    const doc = parseDocument(crLineEnds(readTextFile(target)));
    let list = doc.get('conditions', true);
    if (!isSeq(list)) {
      // `conditions:` left empty (null) or absent: a list in its place, the rest untouched.
      doc.set('conditions', doc.createNode([]));
      list = doc.get('conditions', true);
    }
    const seq = list as YAMLSeq;
    const have = new Set(seq.items.map((n) => String(isScalar(n) ? n.value : n)));
    for (const c of conditions) {
      if (!have.has(c)) {
        seq.add(doc.createNode(c));
        have.add(c);
      }
    }
    const saved = profileSchema.parse(doc.toJS());
    atomicWrite(path, doc.toString(), { mode: 0o600, followLinks: true });
    return saved;
  });
}
