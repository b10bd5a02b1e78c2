// Safety logic: which steps of a routine (or which points) a set of conditions says to
// avoid or approach with caution, and why. Pure: the shell maps findings to exit codes.
import { routinesUsing, type Catalog } from '../model/catalog.js';
import type { Condition, MassageStep, Point, Region, Routine, Step, Urgent, WithOrigin } from '../model/types.js';
import { compareIds, matchText, plainText } from './text.js';
import { codesInText } from './codes-in-text.js';
import { pointsNamedInText } from './names-in-text.js';
import { lookup } from './resolve.js';
import { REGIONS } from '../model/regions.js';
import { pointTechniques, stepTechniques, techniqueWords, type PointAsk, type Technique } from './techniques.js';
import { massageRegions, massagedRegions } from './body-words.js';

/** Where a massage works, here too for the modules that read steps (body-words.ts). */
export { areaOnlyRegions, massageRegions } from './body-words.js';

export type Level = 'avoid' | 'caution';

/** One reason to avoid or be careful with something, with its source. */
export interface Finding {
  target: string;
  point?: string;
  region?: Region;
  /** What the step does that the rule restricts (kneading, moving the head), for a `techniques:` rule. */
  technique?: Technique;
  step?: number;
  condition: string;
  level: Level;
  reason: string;
  source: string;
  cited_by?: string[];
}

/** General advice for a condition that is not tied to one point or region. */
export interface Advice { condition: string; level: Level; reason: string; source: string }

/** A point that a condition's sources commonly recommend: say so, so it is not avoided by mistake. */
export interface Note { target: string; point: string; condition: string; reason: string; source: string }

/**
 * Rules that apply to everyone, with or without a condition: the `general` cautions on points
 * (ST9 over the carotid is `avoid`: a point never to press yourself) and the `general` entry in
 * the conditions data (practice advice and urgent-care warnings). Nobody chooses it.
 */
export const GENERAL = 'general';

/** The condition --pregnant names, and the pregnancy hint checks routines against. */
export const PREGNANCY = 'pregnancy';

/** Whether pregnancy is among the conditions in force (the pregnancy hint is for when it is not). */
export function pregnancyInForce(conditions: ReadonlyArray<{ id: string }>): boolean {
  return conditions.some((c) => c.id === PREGNANCY);
}

/** The `general` entry of the conditions data, when there is one. */
export function generalCondition(catalog: Catalog): Condition | undefined {
  return catalog.conditions.get(GENERAL);
}

/** The conditions a person can name or save: every condition but `general`. */
export function choosableConditions(catalog: Catalog): Condition[] {
  return [...catalog.conditions.values()].filter((c) => c.id !== GENERAL);
}

// Free-text massage areas that work over a point: kneading "the tops of the shoulders" works
// GB21, whatever points: the step lists. Only ever adds points to check, never removes.
const AREA_POINTS: Array<[RegExp, string[]]> = [
  [/\btops? of (?:the |your |both |each |one |the opposite )*shoulders?\b|\bshoulder[- ]?tops?\b|\btrapezius\b/i, ['GB21']],
];

/** The standard point codes a text names (codes-in-text.ts), here too for the modules that read steps. */
export { codesInText };

/**
 * A word of a text as a point code might be written: letters and digits, joined by single dashes,
 * and as long as it goes (a scan resumes after a word, so no word starts inside one). No
 * lookaround: each character is read a bounded number of times, so a run of 300,000 dashes or
 * of "--a" is read in one pass (a lookahead over `[A-Za-z0-9-]*` restarted at every dash, taking
 * seconds). V8's linear-time engine accepts it (test/points-in-text.test.ts).
 */
export const CODE_WORD = /[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*/g;

/**
 * The codes of `known` points (a user's own, such as XB1) written as words in a text. A code
 * with a digit counts in any case (xb1); one of letters only (MYPOINT) only in capitals, so
 * that a point named like a word is not found in every sentence that uses the word.
 */
export function knownCodesInText(text: string, known: Pick<ReadonlyMap<string, unknown>, 'has'>): string[] {
  const out = new Set<string>();
  for (const [word] of text.matchAll(CODE_WORD)) {
    const digit = /\d/.test(word);
    // A code has no lower-case letter unless it has a digit (ids are in capitals).
    if (!digit && /[a-z]/.test(word)) continue;
    const code = digit ? word.toUpperCase() : word;
    if (known.has(code)) out.add(code);
  }
  return [...out];
}

/**
 * The points a text names: point codes in every spelling codesInText reads (LI4, Sp-6, Spleen 6),
 * the codes of `known` points (the catalog's, which holds the user's own) and, with the catalog,
 * the points' names (Hegu, he gu, 合谷, "Union Valley": pointsNamedInText). The text is read as
 * plainText (fullwidth letters, zero-width characters, soft hyphens). In order, once each.
 */
export function pointsInText(text: string, known?: Catalog | Pick<ReadonlyMap<string, unknown>, 'has'>): string[] {
  text = plainText(text);
  const catalog = known && 'points' in known ? known : undefined;
  const codes = catalog ? catalog.points : (known as Pick<ReadonlyMap<string, unknown>, 'has'> | undefined);
  // A standard code the catalog holds as another point's alias (GV29 is EX-HN3) means that point.
  const read = codesInText(text).map((code) => (catalog && !catalog.points.has(code) ? (aliasOf(catalog, code) ?? code) : code));
  return [...new Set([...read, ...(codes ? knownCodesInText(text, codes) : []), ...(catalog ? pointsNamedInText(catalog, text) : [])])];
}

/** The point a code names as its alias, if exactly one does. */
function aliasOf(catalog: Catalog, code: string): string | undefined {
  try {
    return lookup(catalog, code, ['point'])?.id;
  } catch {
    // Two points answering to it: neither is read (as before, for a code no point has).
    return undefined;
  }
}

/**
 * The points a step's cue names, as a massage area's text does (pointsInText): by code or by name
 * ("then press Hegu", "rub 合谷"), for a person may well do what a cue says. A one-word English
 * name that opens a sentence is prose ("Return to any sore spot" is not ST29, Guilai, "Return").
 */
function cueNames(cue: string | undefined, known?: Catalog | Pick<ReadonlyMap<string, unknown>, 'has'>): string[] {
  return cue ? pointsInText(cue, known) : [];
}

/**
 * The points a massage step works over: the ones it lists, every one its area text names
 * (pointsInText), its cue names and its area implies (a known area such as the tops of
 * the shoulders, listed points or not). Listing points never hides one the text names or implies:
 * when unsure a point is there, it counts, for a check may only find more, never less.
 */
export function massagePoints(step: Pick<MassageStep, 'area' | 'points'> & { cue?: string | undefined }, known?: Catalog | Pick<ReadonlyMap<string, unknown>, 'has'>): string[] {
  const area = plainText(step.area);
  const implied = AREA_POINTS.flatMap(([re, ids]) => (re.test(area) ? ids : []));
  return [...new Set([...step.points, ...implied, ...pointsInText(step.area, known), ...cueNames(step.cue, known)])];
}

/**
 * The regions a step works: a massage step's own and its area's (massageRegions), and for every
 * step those its texts say to rub, knead or massage (massagedRegions: "rub your lower belly in
 * circles" in a press step's cue works the abdomen, as a massage of the lower belly does).
 */
export function stepRegions(step: Step): Region[] {
  const texts = step.kind === 'press' ? [step.cue, step.cueOneSide, step.find] : [step.cue];
  return [...new Set([...(step.kind === 'massage' ? massageRegions(step) : []), ...texts.flatMap(massagedRegions)])];
}

/**
 * The points a press or rest step's free text names (by code or name) besides the one it presses:
 * its cue, its one-side cue and its `find:` text (shown and spoken as the locate cue), each read
 * as a person may follow it. Checked as if pressed.
 */
export function cuePoints(step: Step, known?: Catalog | Pick<ReadonlyMap<string, unknown>, 'has'>): string[] {
  if (step.kind === 'massage') return [];
  const texts = step.kind === 'press' ? [step.cue, step.cueOneSide, step.find] : [step.cue];
  const found = texts.flatMap((text) => cueNames(text, known));
  return [...new Set(found)].filter((id) => step.kind !== 'press' || id !== step.point);
}

/**
 * What each step of a routine names or works over in its texts, read once: a massage step's
 * points (massagePoints), a press or rest step's other points (cuePoints). Reading a long area
 * costs what its length does, so a command that checks a routine more than once (its findings,
 * its points, the pregnancy hint) reads it here once and passes the reading on: no memory is
 * kept between calls, which would go stale when the catalog's points change.
 */
export type StepPoints = ReadonlyArray<readonly string[]>;

/** A routine's StepPoints, by its steps' index. */
export function stepPoints(catalog: Catalog, routine: Routine): StepPoints {
  return routine.steps.map((step) => (step.kind === 'massage' ? massagePoints(step, catalog) : cuePoints(step, catalog)));
}

/**
 * Findings for one point under the given conditions (plus the general cautions). With `texts`
 * (where the point is pressed, or looked at, and its directions are shown), its own texts are
 * read under the `techniques:` rules as well (pointTechniques): a point whose directions say to
 * bend your head, knead or lean on it is never "nothing to avoid" (textFinding).
 */
export function pointFindings(point: Point, conditions: Condition[], target: string, step?: number, texts = true): Finding[] {
  const out: Finding[] = [];
  const base = { target, point: point.id, ...(step !== undefined ? { step } : {}) };
  for (const c of conditions) {
    if (c.id === GENERAL) continue;
    for (const rule of c.rules) {
      if (rule.points?.includes(point.id)) {
        out.push({ ...base, condition: c.id, level: rule.level, reason: rule.reason, source: rule.source, ...(rule.cited_by ? { cited_by: rule.cited_by } : {}) });
      } else if (rule.regions?.includes(point.region)) {
        out.push({ ...base, region: point.region, condition: c.id, level: rule.level, reason: rule.reason, source: rule.source });
      }
    }
  }
  const wanted = new Set([GENERAL, ...conditions.map((c) => c.id)]);
  for (const caution of point.cautions) {
    if (!wanted.has(caution.condition)) continue;
    // A condition rule already covering this point at the same level says it with citations.
    if (out.some((f) => f.condition === caution.condition && f.level === caution.level && !f.region)) continue;
    out.push({ ...base, condition: caution.condition, level: caution.level, reason: caution.reason, source: caution.source });
  }
  const rules = texts ? conditions.flatMap((c) => c.rules.filter((r) => r.techniques).map((rule) => ({ c, rule }))) : [];
  // Most conditions have no technique rule, and then the point's texts are not read.
  if (rules.length) {
    for (const ask of pointTechniques(point, massagedRegions)) {
      for (const { c, rule } of rules) if (rule.techniques!.includes(ask.technique)) out.push({ ...base, technique: ask.technique, ...textFinding(ask, c.id, rule) });
    }
  }
  return out;
}

// What to do instead, when a point's directions ask for what a rule restricts: any point can be
// found and pressed with a still head, a still finger and a hand's light pressure.
const INSTEAD: Record<Technique, Record<'find' | 'press', string>> = {
  'kneading': { find: 'find it with a light touch, without kneading', press: 'press it still, without kneading' },
  'neck-massage': { find: 'find it without rubbing the neck', press: 'press the point only, without rubbing the neck' },
  'neck-movement': { find: 'find it with your head still', press: 'keep your head still while you press' },
  'body-weight': { find: 'find it with a hand, without leaning into it', press: 'press it lightly with a hand instead, or skip it' },
  'neck-weight': { find: 'find it with a hand, without leaning into it', press: 'press it lightly with a hand, your head and body weight off it' },
};

/**
 * The finding for a point whose own directions ask for a technique a rule restricts: the rule's
 * level when its pressing text opens with the technique and offers no other way (ask.way: lying
 * on tennis balls under osteoporosis), else `caution`, with the rule's reason and what to do
 * instead (holding or kneading: "press it still"; a head bent to find it: "find it with your head
 * still"). Never nothing: acupress shows these directions in show and run.
 */
export function textFinding(ask: PointAsk, condition: string, rule: Pick<Condition['rules'][number], 'level' | 'reason' | 'source' | 'cited_by'>): Pick<Finding, 'condition' | 'level' | 'reason' | 'source' | 'cited_by'> {
  // A run shows the step's cue, not the point's directions: say where they are to be read.
  const where = ask.text === 'find' ? 'Its directions for finding it (acupress show)' : 'Its directions for pressing it (acupress show)';
  const says = ask.way
    ? `${where} ask for ${techniqueWords(ask.technique)}.`
    : `${where} ${ask.text === 'find' ? 'ask for' : 'offer'} ${techniqueWords(ask.technique)}: ${INSTEAD[ask.technique][ask.text]}.`;
  return { condition, level: ask.way ? rule.level : 'caution', reason: `${rule.reason} ${says}`, source: rule.source, ...(rule.cited_by ? { cited_by: rule.cited_by } : {}) };
}

/** The caution for a massage step with no region and no point: nothing it does can be checked. */
export const UNCHECKED = {
  reason: 'This massage step names no body region and no point, so it cannot be checked against any rule; say where it works (region:) before you use it.',
  source: 'acupress: a step that cannot be checked is a caution, never safe',
} as const;

/** The caution for a press on a point the catalog does not hold (a damaged or edited data file): it cannot be checked. */
export const UNKNOWN_POINT = {
  reason: 'This step presses a point acupress does not know, so it cannot be checked against any rule; do not use it until the data is fixed.',
  source: UNCHECKED.source,
} as const;

/** Where a finding is, as a person reads it: the point, the region, what the step does, or the massage step that names none. */
export function findingPlace(f: { point?: string; region?: string; technique?: string; step?: number }): string {
  if (f.point) return f.point;
  if (f.region) return `the ${f.region} region`;
  if (f.technique) return techniqueWords(f.technique);
  return `the massage in step ${(f.step ?? 0) + 1}`;
}

/**
 * Findings for every step of a routine. A massage step is checked like a press on each point it
 * works over (massagePoints), and against the region rules for each region it names. `read` is
 * the routine's stepPoints, for a caller that has read them already.
 */
export function routineFindings(catalog: Catalog, routine: Routine, conditions: Condition[], read: StepPoints = stepPoints(catalog, routine)): Finding[] {
  const out: Finding[] = [];
  // The rules about what a step does (kneading, moving the head); most conditions have none, and then no text is read for them.
  const techniqueRules = conditions.flatMap((c) => c.rules.filter((r) => r.techniques).map((rule) => ({ c, rule })));
  routine.steps.forEach((step, i) => {
    // (With no condition no region rule applies: a press step's texts are then not read for regions.)
    const regions = conditions.length || step.kind === 'massage' ? stepRegions(step) : [];
    if (techniqueRules.length) {
      // Weight leant on the point a step presses, or on a point its texts name ("a ball under GB20"), is read with that point's region.
      const pointRegions = [...(step.kind === 'press' ? [step.point] : []), ...read[i]!].map((id) => catalog.points.get(id)?.region);
      for (const technique of stepTechniques(step, regions, pointRegions)) {
        for (const { c, rule } of techniqueRules) {
          if (rule.techniques!.includes(technique)) out.push({ target: routine.id, technique, step: i, condition: c.id, level: rule.level, reason: rule.reason, source: rule.source, ...(rule.cited_by ? { cited_by: rule.cited_by } : {}) });
        }
      }
    }
    if (step.kind === 'press') {
      const point = catalog.points.get(step.point);
      if (point) out.push(...pointFindings(point, conditions, routine.id, i));
      // Loading refuses such a routine; should one get through, never a silent "nothing to avoid".
      else for (const c of conditions.length ? conditions.map((x) => x.id) : [GENERAL]) out.push({ target: routine.id, point: step.point, step: i, condition: c, level: 'caution', reason: UNKNOWN_POINT.reason, source: UNKNOWN_POINT.source });
    }
    const said = new Set<string>();
    const add = (f: Finding) => {
      // One line per rule and place: a region rule met through the region and through a point in it is said once.
      const key = `${f.condition}\u0000${f.level}\u0000${f.reason}\u0000${f.point ?? f.region}`;
      if (!said.has(key)) (said.add(key), out.push(f));
    };
    if (step.kind !== 'massage') {
      for (const id of read[i]!) {
        const named = catalog.points.get(id);
        if (named) out.push(...pointFindings(named, conditions, routine.id, i));
      }
    } else {
      const points = read[i]!.filter((id) => catalog.points.has(id));
      // A massage shows none of a point's own directions: its points are checked by their rules only.
      for (const id of points) pointFindings(catalog.points.get(id)!, conditions, routine.id, i, false).forEach(add);
      // A step that says neither where nor over which point it works cannot be checked: when
      // unsure, caution, never a silent "nothing to avoid".
      if (points.length === 0 && regions.length === 0) {
        for (const c of conditions.length ? conditions.map((x) => x.id) : [GENERAL]) add({ target: routine.id, step: i, condition: c, level: 'caution', reason: UNCHECKED.reason, source: UNCHECKED.source });
      }
    }
    // A press step's own point is checked by its region already: "pinch the web of your hand" at LI4 is said once.
    const own = step.kind === 'press' ? catalog.points.get(step.point)?.region : undefined;
    for (const region of regions.filter((r) => r !== own)) {
      for (const c of conditions) {
        for (const rule of c.rules) {
          if (rule.regions?.includes(region)) add({ target: routine.id, region, step: i, condition: c.id, level: rule.level, reason: rule.reason, source: rule.source });
        }
      }
    }
  });
  return out;
}

/** The points nobody should press on themselves (a `general` avoid caution), in catalog order. */
export function neverPress(catalog: Catalog): Array<{ point: Point; reason: string; source: string }> {
  const out: Array<{ point: Point; reason: string; source: string }> = [];
  for (const p of catalog.points.values()) {
    const k = p.cautions.find((x) => x.condition === GENERAL && x.level === 'avoid');
    if (k) out.push({ point: p, reason: k.reason, source: k.source });
  }
  return out;
}

/** The urgent-care warnings that apply to a point's indications, from `general` and the given conditions. */
export function urgentFor(catalog: Catalog, point: Pick<Point, 'indications'>, conditions: Condition[] = []): Array<Urgent & { matched: string[] }> {
  const sources = [generalCondition(catalog), ...conditions.filter((c) => c.id !== GENERAL)].filter((c): c is Condition => c !== undefined);
  const out: Array<Urgent & { matched: string[] }> = [];
  for (const c of sources) {
    for (const u of c.urgent) {
      const matched = point.indications.filter((i) => u.indications.includes(i));
      if (matched.length > 0) out.push({ ...u, matched });
    }
  }
  return out;
}

/**
 * The urgent-care warnings (general, and the conditions') for what a person looked up: an
 * indication a --tag names, or one a --search text is part of ("chest" and "chest pain" are in
 * chest-pain), or one a tag or search names among other words ("sudden chest pains"), spaces and
 * hyphens alike (matchText). Each once, in the data's order.
 */
export function urgentForText(catalog: Catalog, text: { tag?: string | undefined; search?: string | undefined }, conditions: Condition[] = []): Urgent[] {
  const tag = text.tag === undefined ? undefined : matchText(text.tag);
  const search = text.search === undefined ? undefined : matchText(text.search);
  const sources = [generalCondition(catalog), ...conditions.filter((c) => c.id !== GENERAL)].filter((c): c is Condition => c !== undefined);
  return sources.flatMap((c) => c.urgent).filter((u) => u.indications.some((i) => {
    const key = matchText(i);
    // The indication as whole words of a longer text, or its plural.
    const names = (t: string | undefined) => t !== undefined && (` ${t} `.includes(` ${key} `) || ` ${t} `.includes(` ${key}s `));
    return names(tag) || (search !== undefined && search !== '' && (key.includes(search) || names(search)));
  }));
}

/** Points that a condition recommends, among those a routine or point list uses. */
export function recommendedNotes(pointIds: string[], conditions: Condition[], target: string): Note[] {
  const out: Note[] = [];
  for (const c of conditions) {
    for (const rec of c.recommended) {
      for (const id of rec.points) if (pointIds.includes(id)) out.push({ target, point: id, condition: c.id, reason: rec.reason, source: rec.source });
    }
  }
  return out;
}

/** A condition's own advice, as its card says it, for the cards and sheets that show a routine or point with it. */
export interface ConditionAdvice { condition: string; text: string }

/** The advice of each condition in force (not `general`'s: that is everyone's and said elsewhere). */
export function conditionAdvice(conditions: readonly Condition[]): ConditionAdvice[] {
  return conditions.filter((c) => c.id !== GENERAL).map((c) => ({ condition: c.id, text: c.advice }));
}

/** Practice-level advice for the given conditions (pass the `general` condition for everyone's). */
export function adviceFor(conditions: Condition[]): Advice[] {
  return conditions.flatMap((c) => c.rules.filter((r) => r.practice).map((r) => ({ condition: c.id, level: r.level, reason: r.reason, source: r.source })));
}

/** The step indexes that some finding says to avoid. */
export function unsafeSteps(findings: Finding[]): Set<number> {
  return new Set(findings.filter((f) => f.level === 'avoid' && f.step !== undefined).map((f) => f.step!));
}

/** The steps `unsafe` leaves out, each with the points, regions and techniques to avoid in it and for whom (`run --json`'s start event). */
export function skippedSteps(findings: Finding[], unsafe: Set<number>): Array<{ step: number; points: string[]; regions: string[]; techniques: string[]; conditions: string[] }> {
  return [...unsafe].sort((a, b) => a - b).map((step) => {
    const here = findings.filter((f) => f.level === 'avoid' && f.step === step);
    const uniq = (xs: Array<string | undefined>) => [...new Set(xs.filter((x): x is string => x !== undefined))];
    return { step, points: uniq(here.map((f) => f.point)), regions: uniq(here.map((f) => f.region)), techniques: uniq(here.map((f) => f.technique)), conditions: uniq(here.map((f) => f.condition)) };
  });
}

/** Does anything in these findings say avoid? */
export function hasAvoid(findings: Finding[]): boolean {
  return findings.some((f) => f.level === 'avoid');
}

/**
 * Whether routineFindings would find something in a built-in routine under `conditions`, and
 * something to avoid, from the build's table (Catalog.conditionFlags): each finding comes from one
 * condition's rule, so the answer for several is that of any one of them. Undefined when the table
 * cannot answer (a user's routine, no condition, a condition the build did not judge by, points
 * of the user's added); then the routine's texts are read.
 */
export function flagsFromSnapshot(catalog: Catalog, routine: Pick<Routine, 'id'> & Partial<Pick<WithOrigin<Routine>, 'origin'>>, conditions: readonly Condition[]): { flagged: boolean; avoid: boolean } | undefined {
  if (routine.origin?.source !== 'builtin' || conditions.length === 0) return undefined;
  const table = catalog.conditionFlags?.(routine.id);
  if (!table || !conditions.every((c) => table.conditions.includes(c.id))) return undefined;
  return { flagged: conditions.some((c) => table.flagged.includes(c.id)), avoid: conditions.some((c) => table.avoid.includes(c.id)) };
}

/**
 * The conditions and those their advice says to read too (blood-clot reads bleeding, as a clot is
 * treated with blood thinners), each once, and theirs in turn: the conditions in force wherever
 * conditions are judged. The commands expand them once where they are resolved (commands/context.ts);
 * the helpers here that judge for them (safer routines, pressure caps) expand again, which adds
 * nothing to expanded ones, so that a caller passing them unexpanded is never told less.
 * An id the catalog lacks is passed over.
 */
export function withReadAlso(catalog: Pick<Catalog, 'conditions'>, conditions: readonly Condition[]): Condition[] {
  const out = [...conditions];
  // Breadth first, so the conditions named come first and each condition they read follows once.
  for (let i = 0; i < out.length; i++) {
    for (const id of out[i]!.read_also) {
      const also = catalog.conditions.get(id);
      if (also && !out.some((x) => x.id === id)) out.push(also);
    }
  }
  return out;
}

/**
 * Whether naming this condition leaves anything out of a list: a rule to avoid of its own or of a
 * condition its advice says to read (a condition with none whose read_also has one still hides routines).
 */
export function leavesOut(catalog: Pick<Catalog, 'conditions'>, condition: Condition): boolean {
  return withReadAlso(catalog, [condition]).some((x) => x.rules.some((r) => r.level === 'avoid'));
}

/** A condition in force because another in force says to read its advice too (bleeding, by blood-clot). */
export interface ReadAlso { condition: string; by: string[] }

/**
 * Which of these conditions others among them say to read too, and which: what the output says
 * so that a condition nobody named (bleeding, with blood-clot) is not a surprise. One in `named`
 * needs no word (`--condition blood-clot,bleeding`) and is left out. Pure: it reads the conditions'
 * own read_also, so it says the same for expanded conditions wherever they go.
 */
export function readAlsoIn(conditions: readonly Condition[], named: readonly string[] = []): ReadAlso[] {
  return conditions.flatMap((c) => {
    if (named.includes(c.id)) return [];
    const by = conditions.filter((x) => x.id !== c.id && x.read_also.includes(c.id)).map((x) => x.id);
    return by.length ? [{ condition: c.id, by }] : [];
  });
}

/** "blood-clot's advice says to read bleeding's too, so bleeding counts here as well." for each, joined by spaces. */
export function readAlsoText(read: readonly ReadAlso[]): string {
  const and = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
  return read.map((r) => `${and(r.by.map((b) => `${b}'s`))} advice says to read ${r.condition}'s too, so ${r.condition} counts here as well.`).join(' ');
}

/**
 * Routines with no `avoid` finding under the conditions (and those they say to read too), sharing a tag with `routine`: safer
 * alternatives, the most relevant first. A shared tag counts for more the fewer routines carry it
 * ("neck" says more than "desk", which half the desk routines share), and twice when it names a body
 * region, so a neck routine is offered for a neck routine before an eye one that only shares "desk".
 */
export function saferAlternatives(catalog: Catalog, routine: Pick<Routine, 'id' | 'tags'>, conditions: Condition[], limit = 3): Routine[] {
  const tags = new Set(routine.tags);
  const judged = withReadAlso(catalog, conditions);
  const all = [...catalog.routines.values()];
  const carriers = new Map<string, number>();
  for (const r of all) for (const t of new Set(r.tags)) if (tags.has(t)) carriers.set(t, (carriers.get(t) ?? 0) + 1);
  const weight = (t: string): number => Math.log((all.length + 1) / (carriers.get(t) ?? 1)) * ((REGIONS as readonly string[]).includes(t) ? 2 : 1);
  const score = (r: Routine): number => [...new Set(r.tags)].reduce((n, t) => n + (tags.has(t) ? weight(t) : 0), 0);
  return all
    .filter((r) => r.id !== routine.id && r.tags.some((t) => tags.has(t)))
    .filter((r) => !(flagsFromSnapshot(catalog, r, judged)?.avoid ?? hasAvoid(routineFindings(catalog, r, judged))))
    // Rounded, so that routines sharing the same tags tie exactly and fall back to their ids.
    .map((r) => ({ r, score: Math.round(score(r) * 1e6) }))
    .sort((a, b) => b.score - a.score || compareIds(a.r.id, b.r.id))
    .slice(0, limit)
    .map((x) => x.r);
}

/**
 * The tags a point stands for when safer routines are sought in its place (run SP6 --pregnant):
 * those of the routines that press it, its indications and its region.
 */
export function pointTags(catalog: Catalog, point: Pick<Point, 'id' | 'indications' | 'region'>): string[] {
  const used = routinesUsing(catalog, point.id).flatMap((id) => catalog.routines.get(id)?.tags ?? []);
  return [...new Set([...used, ...point.indications, point.region])];
}

/**
 * What a routine presses or works that pregnancy sources say to avoid (point codes, or "the
 * <region>"), for the hint shown to people who gave no condition; empty when nothing is. `read`
 * as for routineFindings. Only pregnancy's own rules: a point never to press yourself (ST9) is
 * avoided by everyone, and said as that where it is said, not as a pregnancy point.
 */
export function pregnancyAvoided(catalog: Catalog, routine: Routine, read?: StepPoints): string[] {
  const pregnancy = catalog.conditions.get(PREGNANCY);
  if (!pregnancy) return [];
  const avoid = routineFindings(catalog, routine, [pregnancy], read).filter((f) => f.level === 'avoid' && f.condition === PREGNANCY);
  return [...new Set(avoid.map((f) => (f.point || !f.region ? findingPlace(f) : `the ${f.region}`)))];
}

/** Findings that share a rule, gathered so the reason and source are said once for all their points. */
export interface FindingGroup { level: Level; condition: string; reason: string; source: string; cited_by?: string[]; what: string[] }

/** Group findings by rule (condition, level, reason, source); `name` words each point or region. */
export function groupFindings(findings: Finding[], name: (f: Finding) => string): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = `${f.condition}\u0000${f.level}\u0000${f.reason}\u0000${f.source}`;
    let g = groups.get(key);
    if (!g) {
      g = { level: f.level, condition: f.condition, reason: f.reason, source: f.source, what: [], ...(f.cited_by ? { cited_by: f.cited_by } : {}) };
      groups.set(key, g);
    }
    const label = name(f);
    if (!g.what.includes(label)) g.what.push(label);
  }
  // Avoid before caution, so the strongest advice comes first.
  return [...groups.values()].sort((a, b) => (a.level === b.level ? 0 : a.level === 'avoid' ? -1 : 1));
}
