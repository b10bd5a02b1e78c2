// Machine state that is not the user's to edit (whether the pre-session tips were seen), kept
// in $XDG_STATE_HOME/acupress/state.json so the hand-edited profile is never rewritten for it.
import { readFileSync } from 'node:fs';
import type { Io } from '../model/io.js';
import { atomicWrite } from './atomic-write.js';
import { fsReason } from './fs-reason.js';
import { stateDir } from './paths.js';
import { joinPath } from './join-path.js';

/** What acupress remembers between runs. */
export interface State {
  tips_seen: boolean;
}

/** Where the state file lives; undefined without a usable HOME or XDG_STATE_HOME. */
export function statePath(env: Io['env']): string | undefined {
  const dir = stateDir(env);
  return dir === undefined ? undefined : joinPath(dir, 'state.json');
}

/** The saved state; anything missing, unreadable or odd reads as the defaults (never throws). */
export function readState(env: Io['env']): State {
  const path = statePath(env);
  if (path === undefined) return { tips_seen: false };
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return { tips_seen: typeof raw === 'object' && raw !== null && (raw as { tips_seen?: unknown }).tips_seen === true };
  } catch {
    return { tips_seen: false };
  }
}

/**
 * Save the state. Returns a one-line warning when it cannot be saved (the run goes on without
 * it), undefined on success.
 */
export function writeState(env: Io['env'], state: State): string | undefined {
  const path = statePath(env);
  if (path === undefined) return 'warning: HOME is not set, so acupress cannot remember that you have seen the tips';
  try {
    atomicWrite(path, `${JSON.stringify(state)}\n`);
    return undefined;
  } catch (e) {
    return `warning: cannot save ${path}: ${fsReason(e)}`;
  }
}
