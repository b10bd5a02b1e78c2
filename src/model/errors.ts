/** A problem with what the user typed or wrote: printed as one line, exit code 2. */
export class UserError extends Error {
  override name = 'UserError';
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** A deliberate exit with a code and an optional message (safety refusals, interrupts). */
export class ExitError extends Error {
  override name = 'ExitError';
  readonly exitCode: number;
  constructor(exitCode: number, message = '') {
    super(message);
    this.exitCode = exitCode;
  }
}

/**
 * Is this one of our errors? Checked by name and exit code rather than instanceof: the built
 * CLI loads commander's side (cli.cjs) as a second file with its own copy of these classes.
 */
export function isReportable(e: unknown): e is UserError | ExitError {
  return e instanceof Error && (e.name === 'UserError' || e.name === 'ExitError') && typeof (e as { exitCode?: unknown }).exitCode === 'number';
}

/** Exit codes from docs/cli.md, in one place so the shell and tests agree. */
export const EXIT = {
  ok: 0,
  safety: 1,
  usage: 2,
  sigint: 130,
  sigterm: 143,
  sighup: 129,
  internal: 70,
} as const;

/**
 * Run `fn`, and word a UserError it throws as being about `flag` (`--meridian: unknown …`):
 * the core's messages name no flags, the command that parsed the flag adds it.
 */
export function withFlag<T>(flag: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${flag}: ${e.message}`, e.exitCode);
    throw e;
  }
}
