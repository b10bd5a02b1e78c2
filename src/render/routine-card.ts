import type { Catalog } from '../model/catalog.js';
import type { Routine } from '../model/types.js';
import type { Timeline } from '../model/timeline.js';
import { findingPlace, groupFindings, type ConditionAdvice, type Finding } from '../core/safety.js';
import { formatClock, formatDuration } from '../model/duration.js';
import type { Paint } from './paint.js';
import { hang, wrap } from './text.js';
import { cautionFor, forWhom } from './findings.js';
import { count } from '../core/text.js';
import { bulletList, CONTRAINDICATIONS, RED_FLAGS } from './bullet-list.js';
import type { PressureCap } from '../core/step-cautions.js';
import { escapeHidden, escapeHiddenText } from '../model/printable.js';


/**
 * A routine card from its planned timeline: summary, each step with its timing, total, the safety
 * findings and the advice of the conditions in force, who should not use it, red flags, tips,
 * evidence and sources. A step's cue is said within its `caps` entry, as `run` says it (a caution
 * or condition in force asking for light pressure: "Press firmly" is "Press gently").
 */
export function routineCard(catalog: Catalog, r: Routine, timeline: Timeline, c: Paint, width: number, findings: Finding[] = [], hint?: string, verdict?: string, advice: readonly ConditionAdvice[] = [], caps?: ReadonlyMap<number, PressureCap>): string {
  const out: string[] = [];
  // Labels in a column beside the text; in a narrow terminal, above it.
  const field = (label: string, text: string) => out.push(width - 10 >= 30
    ? `${c.bold(label.padEnd(10))}${wrap(text, width - 10, ' '.repeat(10))}`
    : `${c.bold(label)}\n  ${wrap(text, width - 2, '  ')}`);
  out.push(hang(`${c.title(escapeHidden(r.title))}  ${c.dim(`(${r.id})`)}`, width));
  // The safety verdict leads, before anything else is read.
  if (verdict) out.push(wrap(verdict, width));
  out.push(wrap(escapeHiddenText(r.summary), width));
  out.push('');
  field('Time', `${formatClock(timeline.total_ms)} in all, ${count(timeline.phases.length, 'phase')}`);
  if (r.tags.length) field('Tags', r.tags.join(', '));
  if (r.aliases.length) field('Also', r.aliases.join(', '));
  out.push('');
  out.push(c.bold('Steps'));
  r.steps.forEach((s, i) => {
    const phases = timeline.phases.filter((p) => p.step === i);
    const took = phases.reduce((t, p) => t + p.duration_ms, 0);
    let line: string;
    if (s.kind === 'press') {
      const p = catalog.points.get(s.point)!;
      const ramp = phases.find((x) => x.kind === 'ramp');
      const hold = phases.find((x) => x.kind === 'hold');
      const rel = phases.find((x) => x.kind === 'release');
      const sides = [...new Set(phases.map((x) => x.side).filter((x) => x && x !== 'center'))].join(' then ');
      line = `press ${p.id} ${p.pinyin} (${p.english})${sides ? `, ${sides}` : ''}: ${ramp?.rounds ?? 1} ${c.g.times} (${formatDuration(ramp?.duration_ms ?? 0)} ramp, ${formatDuration(hold?.duration_ms ?? 0)} hold, ${formatDuration(rel?.duration_ms ?? 0)} release)`;
    } else if (s.kind === 'massage') line = `massage ${escapeHiddenText(s.area)} (${s.motion}), ${formatDuration(s.duration)}`;
    else line = `rest ${formatDuration(s.duration)}`;
    const warn = findings.filter((f) => f.step === i);
    const mark = warn.some((f) => f.level === 'avoid') ? ` ${c.avoid(`${c.g.warn} avoid`)}` : warn.length ? ` ${c.caution(c.g.warn)}` : '';
    out.push(`  ${String(i + 1).padStart(2)}. ${wrap(`${line} ${c.dim(`[${formatClock(took)}]`)}${mark}`, width - 6, '      ')}`);
    const cue = s.cue ? caps?.get(i)?.say(s.cue) ?? s.cue : s.cue;
    if (cue) out.push(`      ${c.dim(wrap(escapeHiddenText(cue), width - 6, '      '))}`);
  });
  if (findings.length) {
    out.push('');
    out.push(c.bold('Safety'));
    for (const g of groupFindings(findings, findingPlace)) {
      const tag = g.level === 'avoid' ? c.avoid('AVOID') : c.caution('caution');
      const under = width - 10 >= 30 ? 8 : 4;
      out.push(`  ${tag} ${wrap(`${g.what.join(', ')} (${forWhom(g.condition)}): ${g.reason} [${g.source}]`, width - under, ' '.repeat(under), width - 10, 'whole')}`);
    }
  }
  // What a condition asks of every step (press lightly, keep the head still), not only of the steps found above.
  for (const a of advice) {
    out.push('');
    out.push(c.bold(`Advice ${cautionFor(a.condition)}`));
    out.push(`  ${c.g.bullet} ${wrap(a.text, width - 4, '    ')}`);
  }
  if (hint) {
    out.push('');
    out.push(c.caution(wrap(hint, width)));
  }
  // Who should not use it, when to get help instead, then the everyday advice (how hard to press, what to skip).
  for (const [heading, items] of [[CONTRAINDICATIONS, r.contraindications], [RED_FLAGS, r.red_flags], ['Tips', r.tips]] as const) {
    if (items.length) out.push('', bulletList(c.bold(wrap(heading, width)), items, c.g.bullet, width));
  }
  out.push('');
  if (r.evidence) field('Evidence', r.evidence);
  // One source a line: titles end in their own punctuation, so a joining "; " reads badly.
  field('Sources', r.sources.join('\n'));
  return out.join('\n');
}
