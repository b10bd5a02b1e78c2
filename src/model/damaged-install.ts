// The one wording for a damaged installation, shared by the loader (a bundle) and the snapshot
// reader (a data file). It imports nothing, so the loader (dist/main.cjs) stays small.

/**
 * The line for a file of the installed package that is missing or damaged: `what` is "is missing"
 * or "is damaged (<reason>)". The command exits 70 with it (docs/cli.md).
 */
export function damagedInstall(file: string, what: string): string {
  return `the ${file} ${what}; reinstall acupress`;
}
