// Shared plumbing for command handlers: the catalog, colours, and the active safety conditions.
import type { Catalog } from '../model/catalog.js';
import { loadCatalog } from '../store/load-catalog.js';
import { dataPath } from '../store/source-file.js';
import type { Condition, Profile } from '../model/types.js';
import { lookup, resolve } from '../core/resolve.js';
import { EXIT, UserError } from '../model/errors.js';
import type { Io } from '../model/io.js';
import { GENERAL, PREGNANCY, readAlsoIn, readAlsoText, withReadAlso } from '../core/safety.js';
import { fitWidth, terminal } from '../render/terminal.js';
import { hang } from '../render/text.js';
import { escapeJsonHidden, quote, safeLines } from '../model/printable.js';

/** Options every handler may receive from the global flags. */
export interface Common {
  data?: string[];
  color?: boolean;
  pregnant?: boolean;
  condition?: string[];
  profile?: boolean;
  json?: boolean;
}

/** Load the catalog for this invocation and print its notices and warnings (overrides, skipped files) to stderr. */
export async function catalogFor(options: Common, io: Io): Promise<Catalog> {
  const catalog = await loadCatalog({ env: io.env, cwd: io.cwd, data: options.data });
  if (catalog.notices.length) {
    const w = fitWidth(terminal(io));
    for (const n of catalog.notices) warn(io, n, w);
  }
  return catalog;
}

/** The active conditions, and where they came from, so a hint can say what to change to see everything. */
export interface ActiveConditions {
  conditions: Condition[];
  /** Conditions named by --pregnant or --condition on this command line. */
  flagged: Condition[];
  /** Conditions the saved profile named (some may be flagged too). */
  saved: Condition[];
}

/** Say on stderr which conditions are in force because another's advice says to read them (the default), or not: check says it in its report. */
export interface ConditionsSay { readAlso?: boolean }

/**
 * Write a notice or warning line to stderr, escaped (it may hold file names and user text), and
 * in a terminal wrapped to `width` columns with a hanging indent (Infinity: one line).
 */
export function warn(io: Pick<Io, 'stderr'>, line: string, width = Infinity): void {
  io.stderr.write(`${hang(safeLines(line), width, '  ', 'whole')}\n`);
}

/**
 * The conditions named by --pregnant, --condition (ids, flags or aliases; commas allowed) and the
 * profile. A caller that already read the profile passes it (null: there is none) to save a re-read.
 */
export async function conditionsFor(options: Common, catalog: Catalog, io: Io, profile?: Profile | null, say: ConditionsSay = {}): Promise<Condition[]> {
  return (await activeConditions(options, catalog, io, profile, say)).conditions;
}

/**
 * The names in one --condition value, commas and spaces around them tidied away. A value that
 * names nothing (`--condition ""`, `--condition "$UNSET"`) is a usage error: dropping it would
 * answer a safety check with no condition at all.
 */
function conditionList(value: string): string[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UserError(`--condition: ${quote(value)} names no condition; give an id such as pregnancy (see: acupress list conditions)`);
  return names;
}

/** A routine or point answering to exactly this name, or undefined (an ambiguous name too). */
function lookupQuietly(catalog: Catalog, name: string): ReturnType<typeof lookup> {
  try {
    return lookup(catalog, name, ['routine', 'point']);
  } catch {
    return undefined;
  }
}

/**
 * As conditionsFor, and says where each came from, so a hint can name what to change to see everything.
 * The conditions in force are those named and those their advice says to read too (blood-clot:
 * bleeding), expanded here once so that every command judges by the same ones; flagged and saved
 * keep only those named, as only they can be left out.
 */
export async function activeConditions(options: Common, catalog: Catalog, io: Io, profile?: Profile | null, say: ConditionsSay = {}): Promise<ActiveConditions> {
  const names = [...(options.pregnant ? [PREGNANCY] : []), ...(options.condition ?? []).flatMap(conditionList)];
  const fromFlags = names.length;
  const wholeWords = new Set(options.condition?.filter((v) => !v.includes(',')).map((v) => v.trim()));
  // Every command that names conditions (list, show, check, run) applies the profile unless --no-profile.
  if (options.profile === true) {
    const read = profile !== undefined ? profile : await (await import('../store/profile.js')).readProfile(io);
    names.push(...(read?.conditions ?? []));
  }
  const out = new Map<string, Condition>();
  const flagged = new Set<string>();
  const saved = new Set<string>();
  const fromProfile = new Map<string, string>();
  // A name from the profile is blamed on the profile, with the ways out: no flag was given.
  const blame = async (i: number, problem: string, see: string): Promise<never> => {
    if (i < fromFlags) throw new UserError(`--condition: ${problem} (see: ${see})`);
    const file = (await import('../store/profile.js')).profilePath(io.env);
    if (file === undefined) throw new UserError(`the profile: conditions: ${problem} (use --no-profile; see: ${see})`);
    // Named as the profile's other problems are: ~/…, line, column and field.
    const shown = dataPath(file, io.env.HOME);
    const place = (await import('../store/profile-store.js')).profileConditionPlace(file, shown, i - fromFlags);
    throw new UserError(`${place}: ${problem} (edit or delete ${shown}, or use --no-profile; see: ${see})`);
  };
  for (const [i, name] of names.entries()) {
    let id: string;
    try {
      // --pregnant names its condition by id, and only the built-in data has conditions: no
      // lookup (which checks every condition's names for a clash: 0.3-0.6 ms of a cold start).
      id = i === 0 && options.pregnant ? PREGNANCY : resolve(catalog, name, ['condition']).id;
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      // `check --condition pregnancy headache`: --condition takes every word after it, so the
      // target went with it. Say what the word is rather than only "unknown condition".
      const target = i < fromFlags && wholeWords.has(name) ? lookupQuietly(catalog, name) : undefined;
      const hint = target ? `; ${quote(name)} is a ${target.kind}, and --condition takes every word after it as a condition` : '';
      return blame(i, `${e.message}${hint}`, 'acupress list conditions');
    }
    // The general rules apply to everyone already; naming them as a condition would mean nothing.
    if (id === GENERAL) return blame(i, `${quote(name)} is not a condition; the general rules always apply`, 'acupress check, acupress list conditions');
    out.set(id, catalog.conditions.get(id)!);
    (i < fromFlags ? flagged : saved).add(id);
    // The profile's conditions as its owner wrote them, each condition once ("pregnant" and "pregnancy" are one).
    if (i >= fromFlags && !fromProfile.has(id)) fromProfile.set(id, name);
  }
  // Said only once every name is known: a profile naming an unknown condition gets its error alone.
  const wrote = [...fromProfile.values()];
  if (wrote.length > 0 && !options.json) {
    io.stderr.write(`${hang(`Using your safety profile: ${wrote.join(', ')} (--no-profile to ignore)`, fitWidth(terminal(io)))}\n`);
  }
  const named = [...out.values()];
  const conditions = withReadAlso(catalog, named);
  // Only those nobody named: `--condition blood-clot,bleeding` needs no word on bleeding.
  const added = readAlsoIn(conditions, [...out.keys()]);
  if (added.length > 0 && !options.json && say.readAlso !== false) {
    io.stderr.write(`${hang(readAlsoText(added), fitWidth(terminal(io)))}\n`);
  }
  return { conditions, flagged: conditions.filter((c) => flagged.has(c.id)), saved: conditions.filter((c) => saved.has(c.id)) };
}

/** The flag that names a condition: --pregnant, or --condition <id>. */
export function conditionFlag(c: Condition): string {
  return c.flag ? `--${c.flag}` : `--condition ${c.id}`;
}

/**
 * What to change to see everything the conditions leave out: "leave out --pregnant to see all",
 * "--no-profile shows all", or both ("leave out --pregnant and add --no-profile to see all").
 */
export function showAllHint(active: Pick<ActiveConditions, 'flagged' | 'saved'>): string {
  const flags = active.flagged.map(conditionFlag);
  if (flags.length === 0) return active.saved.length ? '--no-profile shows all' : '';
  return `leave out ${flags.join(' and ')}${active.saved.length ? ' and add --no-profile' : ''} to see all`;
}

/**
 * Write a JSON value with a trailing newline; returns exit code 0, for `return writeJson(…)`.
 * JSON.stringify escapes C0 controls but writes C1 controls, DEL and format characters (bidi
 * overrides, zero-width spaces) raw, which a terminal acts on or reorders text by; they become \u
 * escapes (still valid JSON, the same strings to a reader).
 */
export function writeJson(io: Io, value: unknown): number {
  io.stdout.write(`${escapeJsonHidden(JSON.stringify(value, null, 2))}\n`);
  return EXIT.ok;
}

/** Interactive only when both ends are a terminal that can draw a prompt (not a dumb one), no --yes, and not under CI. */
export function canPrompt(io: Io, o: { yes?: boolean }): boolean {
  // A dumb terminal cannot draw a prompt (it needs cursor control): no questions there either.
  return Boolean(io.stdin.isTTY && terminal(io).cursor && !o.yes && !io.env.CI);
}
