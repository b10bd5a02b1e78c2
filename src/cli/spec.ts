// The flags of the read-only commands (list, show, check) and the global ones, as data. cli.ts
// declares them to commander from here, and quick-argv.ts parses simple command lines with the
// same table, so the two cannot drift apart (test/quick-argv.test.ts compares them).

/** One option: commander's flags string, its help text, and whether repeats add up. */
export interface OptionSpec {
  flags: string;
  description: string;
  repeatable?: boolean;
}

/** A command's positional argument, as commander declares it. */
export interface ArgumentSpec {
  name: string;
  description: string;
  default?: string;
}

/** A command that the quick path may parse: its one argument and its options. */
export interface CommandSpec {
  description: string;
  argument: ArgumentSpec;
  options: OptionSpec[];
}

/** Options every command accepts, before or after its name. */
export const GLOBAL_OPTIONS: OptionSpec[] = [
  { flags: '--data <dir>', description: 'extra data directory with points/ and routines/ (repeatable; also ACUPRESS_DATA)', repeatable: true },
  { flags: '--no-color', description: 'turn off colour (also NO_COLOR)' },
];

const pregnant = (verb: string): OptionSpec => ({ flags: '--pregnant', description: `${verb} what pregnancy says to avoid` });
const condition = (verb: string): OptionSpec => ({ flags: '--condition <id...>', description: `${verb} what these conditions say to avoid` });

/** list, show and check: the commands people call from prompts and hooks. */
export const QUICK_COMMANDS: Record<'list' | 'show' | 'check', CommandSpec> = {
  list: {
    description: 'list routines, points, meridians or conditions',
    argument: { name: '[what]', description: 'routines, points, meridians or conditions', default: 'routines' },
    options: [
      { flags: '--meridian <code>', description: 'only points on this meridian (LI, LR, LV, SJ …)' },
      { flags: '--region <region>', description: 'only points in this body region' },
      { flags: '--tag <tag>', description: 'only routines with this tag, or points with this indication' },
      { flags: '--search <text>', description: 'match names, pinyin, characters, location and indications' },
      { flags: '--max <dur>', description: 'only routines that take at most this long (e.g. 5m)' },
      pregnant('leave out'),
      condition('leave out'),
      { flags: '--json', description: 'print a JSON array' },
    ],
  },
  show: {
    description: 'show a routine, point or condition',
    argument: { name: '<id...>', description: 'routine id, point code, pinyin or English name, or condition' },
    options: [
      { flags: '--json', description: 'print JSON' },
      { flags: '--yaml', description: 'print a routine as YAML, to start your own' },
      pregnant('mark'),
      condition('mark'),
    ],
  },
  check: {
    description: 'safety lookup: what to avoid for a condition, and why',
    argument: { name: '[target...]', description: 'routines, points or routine files to check' },
    options: [
      { flags: '--pregnant', description: 'check for pregnancy' },
      { flags: '--condition <id...>', description: 'check for these conditions (see: acupress list conditions)' },
      { flags: '--no-profile', description: 'ignore the saved safety profile' },
      { flags: '--json', description: 'print JSON' },
    ],
  },
};
