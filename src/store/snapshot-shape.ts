// What the built-in snapshot's records must hold for their readers (store/snapshot.ts): the
// fields a safety answer or a card reads, of the right kinds. The build validated every record
// with the zod schemas; these checks only tell a damaged installation from a sound one, and run
// at every start, so they are plain and allocate nothing (cache-shape.ts's full checks, with
// their regular expressions, cost `check` about a millisecond). Text is not re-checked for
// control characters: a hand that can edit the package's data can edit its code.
import { LEVELS, PRESSURES, SIDES } from '../model/enums.js';

type Obj = Record<string, unknown>;
/** A plain object (not null, not an array). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A non-empty string. */
export const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
/** A list of non-empty strings. */
export const isTexts = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);
const isLevel = (v: unknown): boolean => (LEVELS as readonly unknown[]).includes(v);
const isMs = (v: unknown): boolean => Number.isInteger(v) && (v as number) > 0;
const isOrigin = (v: unknown): boolean => isObj(v) && v.source === 'builtin' && isText(v.file);

/** A point's caution: for which condition, how strongly, why and on whose word. */
const isCaution = (v: unknown): boolean => isObj(v) && isText(v.condition) && isLevel(v.level) && isText(v.reason) && isText(v.source);

/** A built-in point: its names, place and cautions. */
export function isSnapshotPoint(v: unknown): boolean {
  return isObj(v) && isText(v.id) && isText(v.pinyin) && isText(v.hanzi) && isText(v.english) && isText(v.meridian) && isText(v.region)
    && isText(v.location) && isTexts(v.indications) && isTexts(v.aliases) && Array.isArray(v.cautions) && v.cautions.every(isCaution) && isOrigin(v.origin);
}

/** One step of a built-in routine, of a kind the planner and the safety checks know. */
function isStep(v: unknown): boolean {
  if (!isObj(v)) return false;
  if (v.kind === 'press') return isText(v.point) && (v.sides === undefined || (SIDES as readonly unknown[]).includes(v.sides));
  if (v.kind === 'massage') return isText(v.area) && isTexts(v.regions) && isTexts(v.points) && isMs(v.duration);
  return v.kind === 'rest' && isMs(v.duration);
}

/** A built-in routine, steps and all. */
export function isSnapshotRoutine(v: unknown): boolean {
  return isSnapshotHead(v) && Array.isArray((v as Obj).steps) && ((v as Obj).steps as unknown[]).length > 0 && ((v as Obj).steps as unknown[]).every(isStep)
    && isTexts((v as Obj).sources) && isTexts((v as Obj).contraindications) && isTexts((v as Obj).red_flags) && isTexts((v as Obj).tips)
    && isObj((v as Obj).timing);
}

/** A built-in routine's head (heads.json): everything `list` and name lookups read. */
export function isSnapshotHead(v: unknown): boolean {
  return isObj(v) && isText(v.id) && isText(v.title) && isText(v.summary) && isTexts(v.aliases) && isTexts(v.tags) && isOrigin(v.origin);
}

/** A routine's `list` facts (model/catalog.ts RoutineFacts). */
export function isSnapshotFacts(v: unknown): boolean {
  return isObj(v) && isMs(v.total_ms) && typeof v.flagged === 'boolean' && typeof v.avoid === 'boolean';
}

/** A rule of a condition: how strongly, where (points, regions, techniques, or a practice), why and on whose word. */
const isRule = (v: unknown): boolean => isObj(v) && isLevel(v.level) && isText(v.reason) && isText(v.source)
  && (v.points === undefined || isTexts(v.points)) && (v.regions === undefined || isTexts(v.regions))
  && (v.techniques === undefined || isTexts(v.techniques));
const isPointsAdvice = (v: unknown): boolean => isObj(v) && isTexts(v.points) && isText(v.reason) && isText(v.source);
const isUrgent = (v: unknown): boolean => isObj(v) && isTexts(v.indications) && isText(v.reason) && isText(v.source);

/** A built-in condition: its names, pressure cap, rules, recommended points, urgent indications and the conditions it says to read too. */
export function isSnapshotCondition(v: unknown): boolean {
  return isObj(v) && isText(v.id) && isText(v.title) && isTexts(v.aliases) && isText(v.description) && isText(v.advice)
    && (v.pressure === undefined || (PRESSURES as readonly unknown[]).includes(v.pressure))
    && Array.isArray(v.rules) && v.rules.length > 0 && v.rules.every(isRule)
    && Array.isArray(v.recommended) && v.recommended.every(isPointsAdvice) && Array.isArray(v.urgent) && v.urgent.every(isUrgent)
    && isTexts(v.read_also);
}
