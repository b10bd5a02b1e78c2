// The `check` report: everything the text shows, as data, so `check --json` and the text say the
// same thing (the text is rendered from this). Pure: the command resolves targets and reads files.
import type { Catalog } from '../model/catalog.js';
import type { CheckReport } from '../model/json-schemas.js';
import type { Condition, Routine } from '../model/types.js';
import { compareIds } from './text.js';
import {
  adviceFor, GENERAL, generalCondition, hasAvoid, neverPress, pregnancyAvoided, pregnancyInForce, recommendedNotes, routineFindings,
  readAlsoIn, saferAlternatives, stepPoints, urgentFor, withReadAlso, type Finding, type Note, type StepPoints,
} from './safety.js';
import { pregnancyHint } from './pregnancy-hint.js';

/** One checked target: a routine (built-in, the user's, or a file) or a point, with its findings. */
export interface Checked {
  target: string;
  routine?: Routine;
  /** The points the target presses or works over, for notes and urgent warnings. */
  points: string[];
  findings: Finding[];
  notes: Note[];
  /** A routine's texts as read once (stepPoints), for whatever else reads them: the pregnancy hint. */
  read?: StepPoints;
}

/** Check one routine under the conditions. */
export function checkRoutine(catalog: Catalog, routine: Routine, conditions: Condition[]): Checked {
  // Its texts are read once, for its points, its findings and the pregnancy hint (a long area costs its length).
  const read = stepPoints(catalog, routine);
  const points = [...new Set(routine.steps.flatMap((s, i) => (s.kind === 'press' ? [s.point] : s.kind === 'massage' ? read[i]! : [])))];
  return { target: routine.id, routine, points, findings: routineFindings(catalog, routine, conditions, read), notes: recommendedNotes(points, conditions, routine.id), read };
}

/** The checked target under another name, its findings and notes too: they are grouped by it. */
export function renamed(checked: Checked, target: string): Checked {
  return {
    ...checked, target,
    findings: checked.findings.map((f) => ({ ...f, target })),
    notes: checked.notes.map((n) => ({ ...n, target })),
  };
}

/**
 * The routines with nothing to avoid for the conditions and those they say to read too (blood-clot:
 * bleeding), best first: those using a commonly used point, then those with fewer cautions.
 */
export function routinesWithoutAvoid(catalog: Catalog, conditions: Condition[]): Routine[] {
  const used = new Set(conditions.flatMap((c) => c.recommended.flatMap((r) => r.points)));
  const judged = withReadAlso(catalog, conditions);
  const rows = [...catalog.routines.values()]
    .map((r) => ({ r, findings: routineFindings(catalog, r, judged) }))
    .filter((x) => !hasAvoid(x.findings));
  const uses = (r: Routine) => r.steps.some((s) => s.kind === 'press' && used.has(s.point));
  return rows
    .sort((a, b) => Number(uses(b.r)) - Number(uses(a.r)) || a.findings.length - b.findings.length || compareIds(a.r.id, b.r.id))
    .map((x) => x.r);
}

/**
 * The full report for the checked targets (none: what the conditions, or the general rules, say).
 * `named` are the conditions named (flags, profile): read_also says why only the others are in force.
 */
export function checkReport(catalog: Catalog, checked: Checked[], conditions: Condition[], named: readonly string[] = []): CheckReport {
  const findings = checked.flatMap((c) => c.findings);
  const general = generalCondition(catalog);
  const noTarget = checked.length === 0;
  const rules = noTarget
    ? conditions.flatMap((c) => c.rules.map((r) => ({
      condition: c.id, level: r.level,
      ...(r.points ? { points: r.points } : {}), ...(r.regions ? { regions: r.regions } : {}), ...(r.techniques ? { techniques: r.techniques } : {}), ...(r.practice ? { practice: true as const } : {}),
      reason: r.reason, source: r.source, ...(r.cited_by ? { cited_by: r.cited_by } : {}),
    })))
    : [];
  const recommended = conditions.flatMap((c) => c.recommended.map((r) => ({ condition: c.id, points: r.points, reason: r.reason, source: r.source })));
  const urgent = urgentList(catalog, checked, conditions, noTarget);
  // What the summary lines say, as ids.
  let summary: CheckReport['summary'];
  let safer: CheckReport['safer'];
  if (!noTarget) {
    safer = checked
      .filter((c) => c.routine && hasAvoid(c.findings))
      .map((c) => ({ target: c.target, routines: saferAlternatives(catalog, c.routine!, conditions).map((r) => r.id) }));
    summary = {
      avoid: checked.filter((c) => hasAvoid(c.findings)).map((c) => c.target),
      caution: checked.filter((c) => c.findings.length > 0 && !hasAvoid(c.findings)).map((c) => c.target),
      fine: checked.filter((c) => c.findings.length === 0).map((c) => c.target),
      safer: [...new Set(safer.flatMap((s) => s.routines))],
    };
  } else if (conditions.length > 0) {
    // Point ids first, then region names, then techniques, each once.
    const named = (level: 'avoid' | 'caution') => {
      const of = rules.filter((r) => r.level === level && !r.practice);
      return [...new Set([...of.flatMap((r) => r.points ?? []), ...of.flatMap((r) => r.regions ?? []), ...of.flatMap((r) => r.techniques ?? [])])];
    };
    const routines = routinesWithoutAvoid(catalog, conditions).map((r) => r.id);
    safer = [{ routines }];
    summary = { avoid: named('avoid'), caution: named('caution'), fine: [...new Set(recommended.flatMap((r) => r.points))], safer: routines };
  } else {
    safer = [];
    summary = { avoid: neverPress(catalog).map((n) => n.point.id), caution: [], fine: [], safer: [] };
  }
  return {
    ok: !hasAvoid(findings),
    conditions: conditions.map((c) => c.id),
    read_also: readAlsoIn(conditions, named),
    summary,
    // A finding's step is kept only where nothing else says where it is: a technique ("kneading",
    // at step 1) or a massage step that names no point or region ("the massage in step 5"; `step`
    // is 0-based, as validate's steps[4]).
    findings: findings.map(({ step, ...f }) => (f.point || f.region || step === undefined ? f : { ...f, step })),
    rules,
    never_press: noTarget ? neverPress(catalog).map((n) => ({ point: n.point.id, name: n.point.pinyin, reason: n.reason, source: n.source })) : [],
    advice: adviceFor(conditions.length === 0 && noTarget && general ? [general] : conditions),
    recommended,
    notes: checked.flatMap((c) => c.notes),
    urgent,
    safer,
    // Who should not use a routine is the first thing to know about it (pregnancy with classic).
    contraindications: checked.flatMap((c) => (c.routine?.contraindications ?? []).map((text) => ({ target: c.target, text }))),
    // A routine's red flags are safety text too: who looks up `check headache --pregnant` needs the
    // pre-eclampsia warning before anything else, not only once a run has started.
    red_flags: checked.flatMap((c) => (c.routine?.red_flags ?? []).map((text) => ({ target: c.target, text }))),
    // Its tips too: the everyday advice (how hard to press, what to skip).
    tips: checked.flatMap((c) => (c.routine?.tips ?? []).map((text) => ({ target: c.target, text }))),
    // Without pregnancy in force, a routine that uses points avoided in pregnancy says so, as the
    // text, show and run do: pregnancy is common and often unmentioned.
    // Another condition in force (bleeding) says nothing of pregnancy, so it keeps the hint.
    pregnancy_hint: pregnancyInForce(conditions) ? [] : checked.flatMap((c) => {
      const text = c.routine && pregnancyHint(pregnancyAvoided(catalog, c.routine, c.read));
      return text ? [{ target: c.target, text }] : [];
    }),
  };
}

/** Urgent-care warnings: for the points checked, or with no target every one the conditions (or, with none, the general rules) hold. */
function urgentList(catalog: Catalog, checked: Checked[], conditions: Condition[], noTarget: boolean): CheckReport['urgent'] {
  const general = generalCondition(catalog);
  if (noTarget) {
    if (conditions.length > 0 || !general) return conditions.flatMap((c) => c.urgent.map((u) => ({ condition: c.id, indications: u.indications, points: [], reason: u.reason, source: u.source })));
    return general.urgent.map((u) => ({ condition: GENERAL, indications: u.indications, points: [], reason: u.reason, source: u.source }));
  }
  // For point targets only: a routine that happens to use PC6 is not about palpitations.
  const out = new Map<string, CheckReport['urgent'][number]>();
  for (const id of new Set(checked.filter((c) => !c.routine).flatMap((c) => c.points))) {
    const p = catalog.points.get(id);
    if (!p) continue;
    for (const u of urgentFor(catalog, p, conditions)) {
      const key = `${u.reason}\u0000${u.source}`;
      const seen = out.get(key);
      if (seen) {
        seen.points.push(id);
        for (const i of u.matched) if (!seen.indications.includes(i)) seen.indications.push(i);
      }
      else out.set(key, { condition: conditionOf(catalog, conditions, u.reason), indications: u.matched, points: [id], reason: u.reason, source: u.source });
    }
  }
  return [...out.values()];
}

/** Which condition an urgent warning came from (general, or one of the conditions). */
function conditionOf(catalog: Catalog, conditions: Condition[], reason: string): string {
  for (const c of [generalCondition(catalog), ...conditions]) if (c?.urgent.some((u) => u.reason === reason)) return c.id;
  return GENERAL;
}
