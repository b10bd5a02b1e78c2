// How an option string of the command table (src/cli/spec.ts) names its flags, shared by the
// table's users below the CLI layer (completion) and above it (help, man page tests).

/** The long and short flags an option string declares: `-y, --yes` → ['-y', '--yes']; `--side <side>` → ['--side']. */
export function flagNames(flags: string): string[] {
  return flags.split(/[ ,]+/).filter((w) => w.startsWith('-'));
}
