// The first line of a routine or point card when a safety finding applies: the verdict, then
// where the reasons are and what to do, so nobody reads a whole card before learning it is out.
import { findingPlace, GENERAL, type Finding } from '../core/safety.js';
import type { Paint } from './paint.js';

/** "with pregnancy, bleeding" for the conditions behind the findings; "" for the general rules alone. */
function withWhom(findings: Finding[], conditions: string[]): string {
  const named = conditions.length ? conditions : [...new Set(findings.map((f) => f.condition))].filter((c) => c !== GENERAL);
  return named.length ? ` with ${named.join(', ')}` : '';
}

/** What a step list names: "step 1 (LI4)", "steps 2 and 5 (KI3, the abdomen region)". */
function stepsWords(findings: Finding[]): string {
  const steps = [...new Set(findings.map((f) => f.step).filter((s): s is number => s !== undefined))].sort((a, b) => a - b).map((s) => String(s + 1));
  const what = [...new Set(findings.map(findingPlace))];
  const n = steps.length === 1 ? `step ${steps[0]}` : `steps ${steps.slice(0, -1).join(', ')} and ${steps.at(-1)}`;
  return `${n} (${what.join(', ')})`;
}

/**
 * The verdict line for a routine card, or undefined when there is nothing to say (no finding and
 * no condition given). `safer` are routine ids to suggest when a step is to be avoided.
 */
export function routineVerdict(findings: Finding[], conditions: string[], safer: string[], c: Paint): string | undefined {
  const avoid = findings.filter((f) => f.level === 'avoid');
  const who = withWhom(findings, conditions);
  if (avoid.length) {
    const general = avoid.every((f) => f.condition === GENERAL);
    const why = general ? ' is a point never to press yourself' : '';
    const ways = [`run it with --skip-unsafe to leave ${avoid.length > 1 ? 'them' : 'it'} out`, ...(safer.length ? [`safer routines: ${safer.join(', ')}`] : [])];
    const way = ways.join('; ');
    return `${c.avoid('AVOID')}${who}: ${stepsWords(avoid)}${why}. ${way[0]!.toUpperCase()}${way.slice(1)}. Why, under Safety below.`;
  }
  if (findings.length) return `${c.caution('CAUTION')}${who}: ${stepsWords(findings)}; read Safety below.`;
  return conditions.length ? `${c.ok('OK')}${who}: nothing to avoid${adviceWords(conditions)}.` : undefined;
}

/**
 * ", but follow the advice for bleeding": a condition's advice asks something of every step (press
 * lightly), so "nothing to avoid" is never the whole answer; the card and the sheet print it.
 */
function adviceWords(conditions: string[]): string {
  const named = conditions.filter((c) => c !== GENERAL);
  if (!named.length) return '';
  return `, but follow the advice for ${named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0]}`;
}

/** The verdict line for a point card, or undefined when there is nothing to say. */
export function pointVerdict(findings: Finding[], conditions: string[], c: Paint): string | undefined {
  const who = withWhom(findings, conditions);
  if (findings.some((f) => f.level === 'avoid')) {
    const general = findings.filter((f) => f.level === 'avoid').every((f) => f.condition === GENERAL);
    return `${c.avoid('AVOID')}${who}${general ? ': never press this point yourself' : ''}. Why, below.`;
  }
  if (findings.length) return `${c.caution('CAUTION')}${who}: read the cautions below before you press it.`;
  return conditions.length ? `${c.ok('OK')}${who}: nothing to avoid${adviceWords(conditions)}.` : undefined;
}
