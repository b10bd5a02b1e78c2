// The one table of the command line: every command, its argument, flags, choices, help text and
// examples. commander (program.ts), the quick path (quick-argv.ts), shell completion and the man
// page are all built from it, so help and completion cannot drift apart. docs/cli.md describes
// the same contract in prose; test/cli-spec.test.ts checks the two agree.
import { RUN_KEYS } from '../render/run-keys.js';

/** What a shell may complete for a value: fixed choices, or a kind of id looked up at run time. */
export type Completes = 'routines' | 'points' | 'conditions' | 'files' | 'dirs';

/** One option: commander's flags string, its help text, and how its value behaves. */
export interface OptionSpec {
  flags: string;
  description: string;
  /** Repeats add up into a list (`--data a --data b`). */
  repeatable?: boolean;
  /** The only values accepted; commander enforces them and completion offers them. */
  choices?: readonly string[];
  /** What completion offers for the value when there are no fixed choices. */
  completes?: readonly Completes[];
}

/** A command's positional argument, as commander declares it. */
export interface ArgumentSpec {
  name: string;
  description: string;
  default?: string;
  /** Values completion offers (commander does not enforce these: `list` checks its own). */
  choices?: readonly string[];
  completes?: readonly Completes[];
}

/** An example command line for help and the man page, with an optional note. */
export interface ExampleSpec {
  line: string;
  note?: string;
}

/** One command: what it does, its argument (if it takes one), options, notes before the examples, and examples. */
export interface CommandSpec {
  description: string;
  argument?: ArgumentSpec;
  options: readonly OptionSpec[];
  /** Paragraphs printed after the options in --help (keys, exit codes). */
  notes?: readonly string[];
  examples: readonly ExampleSpec[];
  /** Plain command lines of this command may be parsed by the quick path, without commander. */
  quick?: boolean;
}

/** The program itself: name, description, the top-level help's examples and closing line. */
export const PROGRAM = {
  name: 'acupress',
  description: 'A self-acupressure timer: guided, timed cues in the terminal, a WHO point reference and safety lookups.',
  examples: [
    { line: 'acupress run headache', note: 'guided headache routine with live cues' },
    { line: 'acupress run desk-break --quick', note: 'a two-minute break' },
    { line: 'acupress check headache --pregnant', note: 'safety lookup (exit 1 if something is to be avoided)' },
    { line: 'acupress show LI4', note: 'the point card for Hegu' },
  ],
  footer: 'Run "acupress <command> --help" for a command\'s options.',
} as const satisfies { name: string; description: string; examples: readonly ExampleSpec[]; footer: string };

/** The program's own flags, handled by commander before any command. */
export const PROGRAM_FLAGS = {
  version: { flags: '-V, --version', description: 'print the version' },
  help: { flags: '-h, --help', description: 'show help' },
} as const satisfies Record<string, OptionSpec>;

/** Options every command accepts, before or after its name. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { flags: '--data <dir>', description: 'extra data directory with points/ and routines/ (repeatable; also ACUPRESS_DATA)', repeatable: true, completes: ['dirs'] },
  { flags: '--no-color', description: 'turn off colour (also NO_COLOR)' },
];

const conditions = ['conditions'] as const;
const pregnant = (verb: string): OptionSpec => ({ flags: '--pregnant', description: `${verb} what pregnancy says to avoid` });
const condition = (verb: string): OptionSpec => ({ flags: '--condition <id...>', description: `${verb} what these conditions say to avoid`, completes: conditions });

/** Every command, in the order help lists them. */
export const COMMANDS = {
  list: {
    description: 'list routines, points, meridians or conditions',
    argument: { name: '[what]', description: 'routines, points, meridians or conditions', default: 'routines', choices: ['routines', 'points', 'meridians', 'conditions'] },
    options: [
      { flags: '--meridian <code>', description: 'only points on this meridian (LI, LR, LV, SJ …)' },
      { flags: '--region <region>', description: 'only points in this body region' },
      { flags: '--tag <tag>', description: 'only routines with this tag, or points with this indication' },
      { flags: '--search <text>', description: 'match names, pinyin, characters, location and indications' },
      { flags: '--max <dur>', description: 'only routines that take at most this long (e.g. 5m)' },
      pregnant('leave out'),
      condition('leave out'),
      { flags: '--no-profile', description: 'ignore the saved safety profile' },
      { flags: '--json', description: 'print a JSON array' },
    ],
    examples: [
      { line: 'acupress list' },
      { line: 'acupress list points --meridian LV' },
      { line: 'acupress list points --search "union valley"' },
      { line: 'acupress list --max 5m --tag desk' },
      { line: 'acupress list --pregnant' },
    ],
    quick: true,
  },
  show: {
    description: 'show a routine, point or condition',
    argument: { name: '<id...>', description: 'routine id, point code, pinyin or English name, condition, or routine file', completes: ['routines', 'points', 'conditions', 'files'] },
    options: [
      { flags: '--json', description: 'print JSON' },
      { flags: '--yaml', description: 'print a routine as YAML, to start your own' },
      { flags: '--html', description: 'print one printable HTML page with figures (save it and open it in a browser)' },
      { flags: '--figure', description: 'draw the point on a body figure, even into a pipe (a routine: each of its points)' },
      { flags: '--no-figure', description: 'no figure (default: a point in a terminal wide enough gets one)' },
      pregnant('mark'),
      condition('mark'),
      { flags: '--no-profile', description: 'ignore the saved safety profile' },
    ],
    examples: [
      { line: 'acupress show LI4' },
      { line: 'acupress show "he gu" ST36' },
      { line: 'acupress show LI4 --figure | less -R' },
      { line: 'acupress show headache --html > headache.html' },
      { line: 'acupress show ./my-neck.yaml', note: 'a routine file of yours, before you run it' },
      // Not straight into the routines folder: the shell empties the file before acupress reads
      // that folder (a warning about it), and the copy keeps the built-in's id until edited.
      { line: 'acupress show neck --yaml > my-neck.yaml', note: 'then change its id, and move it to ~/.config/acupress/routines/' },
    ],
    quick: true,
  },
  check: {
    description: 'safety lookup: what to avoid for a condition, and why',
    argument: { name: '[target...]', description: 'routines, points or routine files to check', completes: ['routines', 'points', 'files'] },
    options: [
      { flags: '--pregnant', description: 'check for pregnancy' },
      { flags: '--condition <id...>', description: 'check for these conditions (see: acupress list conditions)', completes: conditions },
      { flags: '--no-profile', description: 'ignore the saved safety profile' },
      { flags: '--json', description: 'print JSON' },
    ],
    notes: ['Exit codes: 0 nothing to avoid · 1 something to avoid · 2 usage error'],
    examples: [
      { line: 'acupress check --pregnant' },
      { line: 'acupress check headache --pregnant' },
      { line: 'acupress check LI4 SP6 --condition bleeding' },
      { line: 'acupress check headache --pregnant && acupress run headache --yes' },
    ],
    quick: true,
  },
  run: {
    description: 'run a routine with timed cues',
    argument: { name: '[target]', description: 'routine id, point id, or path to a routine .yaml', completes: ['routines', 'points', 'files'] },
    options: [
      { flags: '--rounds <n>', description: 'rounds per point (1-10)' },
      { flags: '--ramp <dur>', description: 'time to increase pressure (e.g. 20s)' },
      { flags: '--hold <dur>', description: 'time to hold (e.g. 1m)' },
      { flags: '--release <dur>', description: 'time to ease off' },
      { flags: '--rest <dur>', description: 'length of rest steps' },
      { flags: '--side <side>', description: 'which side for bilateral points', choices: ['left', 'right', 'both'] },
      { flags: '--quick', description: 'a short version for a two-minute break' },
      { flags: '--fit <dur>', description: 'scale the routine to fit this long (e.g. 3m)' },
      { flags: '--random', description: 'pick a routine at random (with --max/--tag)' },
      { flags: '--max <dur>', description: 'with --random: only routines at most this long' },
      { flags: '--tag <tag>', description: 'with --random: only routines with this tag' },
      { flags: '--pregnant', description: 'refuse steps that pregnancy says to avoid' },
      { flags: '--condition <id...>', description: 'refuse steps that these conditions say to avoid', completes: conditions },
      { flags: '--skip-unsafe', description: 'leave out unsafe steps instead of refusing' },
      { flags: '--no-profile', description: 'ignore the saved safety profile' },
      { flags: '--dry-run', description: "print the plan (with the safety notes and each step's cautions) and exit" },
      { flags: '--json', description: 'stream NDJSON events' },
      { flags: '--plain', description: 'one line per phase (default when not a terminal)' },
      { flags: '--quiet', description: "only the phase lines (and a step's cautions under its first), after who should not use the routine" },
      { flags: '--bell', description: 'ring the terminal bell at each phase (default in a terminal)' },
      { flags: '--no-bell', description: 'no bell' },
      { flags: '--voice', description: 'speak each cue with the system speech command' },
      { flags: '--warn <dur>', description: 'say "release in …" this long before a phase ends (e.g. 5s)' },
      { flags: '--no-tips', description: "skip the pre-session tips and the routine's own (never who should not use it, nor the pregnancy hint)" },
      { flags: '--rate', description: 'ask how strong it is (0-10) before and after, in a terminal' },
      { flags: '--before <0-10>', description: 'record how strong it is before (0-10) without asking' },
      { flags: '--no-history', description: 'leave this session out of the session log' },
      { flags: '-y, --yes', description: 'never ask questions' },
    ],
    notes: [`Keys in a terminal: ${RUN_KEYS.flatMap(({ help: h }) => (h.short ? [`${h.key} ${h.short}${h.shortPaused ? `/${h.shortPaused}` : ''}`] : [])).join(' · ')}`],
    examples: [
      { line: 'acupress run headache' },
      { line: 'acupress run LI4 --hold 45s --rounds 2' },
      { line: 'acupress run neck --fit 3m' },
      { line: 'acupress run headache --dry-run' },
      { line: 'acupress run headache --rate', note: 'rate it 0-10 before and after' },
      { line: 'acupress run stress --json | jq -c \'select(.type=="phase")\'' },
      { line: 'acupress run --random --max 3m --tag desk --yes' },
    ],
  },
  validate: {
    description: 'check routine or point YAML files you wrote',
    argument: { name: '<file...>', description: 'YAML files', completes: ['files'] },
    options: [{ flags: '--json', description: 'print JSON' }],
    examples: [{ line: 'acupress validate ~/.config/acupress/routines/*.yaml' }],
  },
  history: {
    description: 'the sessions you ran, newest first',
    options: [
      { flags: '--since <when>', description: 'only sessions since a date (2025-03-01), a time, or a duration ago (12h, 7d, 2w)' },
      { flags: '--routine <id>', description: 'only sessions of this routine, point or routine file', completes: ['routines', 'points'] },
      { flags: '--limit <n>', description: 'show at most this many (default 20 in the table, all in JSON; 0 for all)' },
      { flags: '--json', description: 'print a JSON array of session records' },
      { flags: '--clear', description: 'delete the whole session log (asks first)' },
      { flags: '-y, --yes', description: 'with --clear: do not ask' },
    ],
    notes: ['The log is $XDG_STATE_HOME/acupress/history.jsonl (default ~/.local/state/acupress/), one JSON object a line. It never leaves your machine.'],
    examples: [
      { line: 'acupress history' },
      { line: 'acupress history --since 7d --routine headache' },
      { line: 'acupress history --json | jq -r \'.[] | [.start, .target, .before, .after] | @tsv\'' },
      { line: 'acupress history --clear' },
    ],
  },
  stats: {
    description: 'what helps you: sessions, time, completion and rating change per routine, and your streak',
    options: [
      { flags: '--since <when>', description: 'only sessions since a date (2025-03-01), a time, or a duration ago (12h, 7d, 2w)' },
      { flags: '--routine <id>', description: 'only this routine, point or routine file', completes: ['routines', 'points'] },
      { flags: '--json', description: 'print JSON' },
    ],
    notes: ['Change is the mean of after minus before over the sessions rated both times; below zero, it eased. Under 5 rated sessions are too few to mean much.'],
    examples: [
      { line: 'acupress stats' },
      { line: 'acupress stats --since 7d', note: 'the last week' },
      { line: 'acupress stats --json | jq \'.routines[] | {target, rated, mean_change}\'' },
    ],
  },
  rate: {
    description: 'rate how strong it is now (0-10), after the most recent session',
    argument: { name: '<0-10>', description: 'how strong it is now: 0 none, 10 the worst', choices: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] },
    options: [],
    notes: ['Rates the latest session if it ended in the last 6 hours; exit 1 when there is none.'],
    examples: [
      { line: 'acupress run headache --before 7 --yes', note: 'how strong it was before' },
      { line: 'acupress rate 3', note: 'and after' },
    ],
  },
  completion: {
    description: 'print a shell completion script (bash, zsh or fish)',
    argument: { name: '<shell>', description: 'bash, zsh or fish', choices: ['bash', 'zsh', 'fish'] },
    options: [],
    examples: [
      { line: 'eval "$(acupress completion bash)"', note: 'in ~/.bashrc' },
      { line: 'eval "$(acupress completion zsh)"', note: 'in ~/.zshrc' },
      { line: 'acupress completion fish > ~/.config/fish/completions/acupress.fish' },
    ],
  },
} as const satisfies Record<string, CommandSpec>;

/** A command's name. */
export type CommandName = keyof typeof COMMANDS;

export { flagNames } from '../model/option-flags.js';

/** Example lines as help prints them: `  $ line`, notes as shell comments aligned two spaces after the longest line. */
export function exampleLines(examples: readonly ExampleSpec[]): string[] {
  const width = Math.max(...examples.filter((e) => e.note).map((e) => e.line.length), 0);
  // The note as a shell comment: a line copied whole still runs.
  return examples.map((e) => (e.note ? `  $ ${e.line.padEnd(width)}  # ${e.note}` : `  $ ${e.line}`));
}
