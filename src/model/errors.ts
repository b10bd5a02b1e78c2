// The built CLI is five bundles (app.cjs, info.cjs for help, user.cjs for the user's own files,
// cli.cjs for commander's side, figures.cjs), and each carries its own copy of these classes. A
// brand registered with Symbol.for is the same symbol in every copy, so `instanceof` below holds
// for an error thrown by any bundle and caught by another.
const USER = Symbol.for('acupress.UserError');
const EXIT_BRAND = Symbol.for('acupress.ExitError');
const branded = (x: unknown, brand: symbol) => typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[brand] === true;

/** A problem with what the user typed or wrote: printed as one line, exit code 2. */
export class UserError extends Error {
  override name = 'UserError';
  readonly exitCode: number;
  readonly [USER] = true;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
  /** True for a UserError from any bundle's copy of this class. */
  static override [Symbol.hasInstance](x: unknown): boolean {
    return branded(x, USER);
  }
}

/** A deliberate exit with a code and an optional message (safety refusals, interrupts). */
export class ExitError extends Error {
  override name = 'ExitError';
  readonly exitCode: number;
  readonly [EXIT_BRAND] = true;
  constructor(exitCode: number, message = '') {
    super(message);
    this.exitCode = exitCode;
  }
  /** True for an ExitError from any bundle's copy of this class. */
  static override [Symbol.hasInstance](x: unknown): boolean {
    return branded(x, EXIT_BRAND);
  }
}

/** Is this one of our errors, from whichever bundle threw it? */
export function isReportable(e: unknown): e is UserError | ExitError {
  return e instanceof UserError || e instanceof ExitError;
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
