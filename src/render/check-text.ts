// `check` as text, rendered from the same report `check --json` prints: a two-line summary
// first (what to avoid; what is fine and which routines are safer), then the details, with each
// source printed once at the end and cited by number.
import type { Catalog } from '../model/catalog.js';
import type { CheckReport } from '../model/json-schemas.js';
import type { Condition } from '../model/types.js';
import { choosableConditions, findingPlace, GENERAL, generalCondition, groupFindings, readAlsoText, UNCHECKED, type Finding } from '../core/safety.js';
import type { Checked } from '../core/check-report.js';
import { Citations } from './citations.js';
import { conditionCard } from './condition-card.js';
import { forWhom } from './findings.js';
import type { Paint } from './paint.js';
import { hang, table, wrap } from './text.js';
import { bulletList } from './bullet-list.js';
import { plural } from '../core/text.js';
import { techniqueWords } from '../core/techniques.js';
import { TECHNIQUES } from '../model/enums.js';
import { escapeHidden } from '../model/printable.js';

/** How many safer routines the summary names before saying how many there are in all. */
const SAFER_SHOWN = 4;

/** "a", "a and b", "a, b and c". */
function andList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "the abdomen and lower-back regions" for region names. */
function regionWords(regions: string[]): string {
  return `the ${andList(regions)} ${plural(regions.length, 'region')}`;
}

const isTechnique = (id: string) => (TECHNIQUES as readonly string[]).includes(id);
const isRegion = (catalog: Catalog, id: string) => !catalog.points.has(id) && !isTechnique(id);

/** The check report as text: summary, details, numbered sources. `checked` are the checked targets in order. */
export function checkText(catalog: Catalog, report: CheckReport, conditions: Condition[], checked: ReadonlyArray<Pick<Checked, 'target' | 'routine' | 'read'>>, c: Paint, width: number, bullet = '•'): string {
  const targets = checked.map((x) => x.target);
  const cite = new Citations();
  const ref = (source: string) => c.dim(cite.ref(source));
  const who = conditions.length ? ` with ${andList(conditions.map((x) => x.id))}` : '';
  const out: string[] = [summary(catalog, report, checked, who, c, width)];
  // A condition nobody named (bleeding, read with blood-clot) is said to be in force, and why, before its findings.
  if (report.read_also.length) out.push(wrap(readAlsoText(report.read_also), width));
  if (targets.length > 0) {
    for (const t of targets) {
      out.push(targetSection(catalog, report, t, conditions, c, width, ref));
      // The routine's own notes: who should not use it, when to get help first, the everyday advice.
      for (const [heading, notes] of [[`Who should not use it (${t})`, report.contraindications], [`Get help first, not acupressure (${t})`, report.red_flags], [`Tips (${t})`, report.tips]] as const) {
        const mine = notes.filter((f) => f.target === t).map((f) => f.text);
        if (mine.length) out.push(bulletList(c.bold(wrap(heading, width)), mine, bullet, width));
      }
    }
    if (report.advice.length) out.push(adviceSection(report, conditions.length ? `General advice${who}` : 'General advice', c, width, ref, bullet));
    if (report.urgent.length) out.push(urgentSection(report, c, width, ref, bullet));
  } else if (conditions.length > 0) {
    for (const cond of conditions) out.push(conditionCard(catalog, cond, c, width, ref));
    if (report.summary.safer.length > SAFER_SHOWN) out.push(saferSection(catalog, report.summary.safer, who, c, width));
    if (report.never_press.length) {
      out.push(wrap(`${c.bold('Never press yourself')} (everyone): ${report.never_press.map((n) => n.point).join(', ')}. acupress check, with no condition, says why.`, width));
    }
  } else {
    out.push(generalSection(catalog, report, c, width, ref, bullet));
  }
  if (cite.size) out.push([c.bold('Sources'), ...cite.lines(width)].join('\n'));
  return out.join('\n\n');
}

/** The two summary lines. */
function summary(catalog: Catalog, report: CheckReport, checked: ReadonlyArray<Pick<Checked, 'target' | 'routine' | 'read'>>, who: string, c: Paint, width: number): string {
  const targets = checked.map((x) => x.target);
  const s = report.summary;
  const lines: string[] = [];
  // More than a handful: the details list them all, so say where the rest are.
  const safer = (ids: string[]) => (ids.length
    ? `Safer routines${who}: ${ids.slice(0, SAFER_SHOWN).join(', ')}${ids.length > SAFER_SHOWN ? ` (${ids.length} in all, listed below)` : ''}.`
    : '');
  if (targets.length > 0) {
    const what = (t: string) => {
      const avoid = report.findings.filter((f) => f.target === t && f.level === 'avoid');
      const names = (of: typeof avoid) => [...new Set(of.map(findingPlace))];
      // With a condition, a point never to press yourself (ST9) is no point of that condition:
      // it is said as what it is, as run's refusal and the details ("for everyone") say it.
      const theirs = names(who ? avoid.filter((f) => f.condition !== GENERAL) : avoid);
      const never = who ? names(avoid.filter((f) => f.condition === GENERAL)).filter((n) => !theirs.includes(n)) : [];
      if (never.length === 1 && never[0] === t && !theirs.length) return `${t} (never press yourself)`;
      const parts = [theirs.length === 1 && theirs[0] === t ? '' : theirs.join(', '), never.length ? `never press yourself: ${never.join(', ')}` : ''].filter(Boolean);
      return parts.length ? `${t} (${parts.join('; ')})` : t;
    };
    // A step that could not be checked (a massage naming nowhere, a point the data lacks) is
    // unsure: the headline says so, never "Nothing to avoid".
    const unchecked = targets.filter((t) => !s.avoid.includes(t)).flatMap((t) => {
      const places = [...new Set(report.findings.filter((f) => f.target === t && f.source === UNCHECKED.source).map(findingPlace))];
      return places.length ? [`${t} (${places.join(', ')})`] : [];
    });
    lines.push(s.avoid.length
      ? `${c.avoid('Avoid')}${who}: ${s.avoid.map(what).join('; ')}.`
      : unchecked.length
        ? `${c.caution('Not checked')}${who}: ${unchecked.join('; ')} cannot be checked against the rules, so use with care.`
        : `${c.ok('Nothing to avoid')} in ${andList(targets)}${who}.`);
    const second = [
      s.caution.length ? `${c.caution('With care')}: ${s.caution.join(', ')} (see below).` : '',
      (s.avoid.length || unchecked.length) && s.fine.length ? `${c.ok('Fine')}: ${s.fine.join(', ')}.` : '',
      report.notes.length ? `Commonly used: ${[...new Set(report.notes.map((n) => n.point))].join(', ')}.` : '',
      safer(s.safer),
    ].filter(Boolean);
    // A point to avoid is avoided whole: --skip-unsafe on it would leave nothing to run.
    const routineAvoided = s.avoid.some((t) => report.safer.some((x) => x.target === t) || !catalog.points.has(t));
    // Points avoided only as never to press yourself (check ST9 --pregnant) are said as that.
    const neverOnly = report.findings.every((f) => f.level !== 'avoid' || f.condition === GENERAL);
    const fallback = s.avoid.length
      ? (routineAvoided ? 'Run it with --skip-unsafe to leave the steps to avoid out.' : who && !neverOnly ? `Leave ${s.avoid.length > 1 ? 'them' : 'it'} out${who}; why is below.` : `Do not press ${s.avoid.length > 1 ? 'them' : 'it'} yourself; why is below.`)
      // Every condition has general advice (below): "nothing to avoid" is never the whole answer.
      // Another condition is no answer to pregnancy: the hint stays with it (bleeding, say).
      : who ? ['No cautions either, but read the general advice below.', conditionHint(report, targets)].filter(Boolean).join(' ') : (conditionHint(report, targets) ?? 'For a condition, add --pregnant or --condition <id>.');
    // Emergencies a checked point is traditionally used for: say so up front, not only at the end.
    const urgent = report.urgent.length ? `Get medical help instead for ${andList([...new Set(report.urgent.flatMap((u) => u.indications))].map((i) => i.replaceAll('-', ' ')))} (below).` : '';
    if (urgent) second.push(urgent);
    lines.push(second.length ? second.join(' ') : fallback);
  } else if (who) {
    const points = s.avoid.filter((id) => catalog.points.has(id));
    const regions = s.avoid.filter((id) => isRegion(catalog, id));
    const techniques = s.avoid.filter(isTechnique).map(techniqueWords);
    const avoid = andList([...points, ...(regions.length ? [`the ${andList(regions.map((r) => r.replaceAll('-', ' ')))}`] : []), ...techniques]);
    lines.push(avoid ? `${c.avoid('Avoid')}${who}: ${avoid}.` : `${c.ok('Nothing to avoid')}${who}, but read the advice below.`);
    const second = [
      s.fine.length ? `${c.ok('Commonly used')}: ${s.fine.join(', ')}.` : '',
      s.caution.length ? `${c.caution('With care')}: ${s.caution.filter((id) => catalog.points.has(id)).concat(s.caution.filter((id) => isRegion(catalog, id)).length ? [regionWords(s.caution.filter((id) => isRegion(catalog, id)))] : [], s.caution.filter(isTechnique).map(techniqueWords)).join(', ')}.` : '',
      safer(s.safer),
    ].filter(Boolean);
    lines.push(second.join(' ') || 'Every routine has something to avoid.');
  } else {
    lines.push(`${c.avoid('Never press yourself')}: ${s.avoid.join(', ')}.`);
    lines.push('Everything else: firm but painless pressure, never over broken skin, a bruise, swelling or a line. For a condition, add --pregnant or --condition <id>.');
  }
  return lines.map((l) => wrap(l, width)).join('\n');
}

/**
 * For a check without pregnancy in force: one routine that uses points avoided in pregnancy says so, as
 * `show` and `run` do, in the report's line (`pregnancy_hint`, which `--json` carries too);
 * undefined otherwise. (The section below says "No general cautions", so the headline does not
 * repeat it.)
 */
function conditionHint(report: CheckReport, targets: readonly string[]): string | undefined {
  return targets.length === 1 ? report.pregnancy_hint.find((h) => h.target === targets[0])?.text : undefined;
}

/** One target: its verdict, each rule that applies with the points it covers, commonly used points, safer routines. */
function targetSection(catalog: Catalog, report: CheckReport, target: string, conditions: Condition[], c: Paint, width: number, ref: (s: string) => string): string {
  const findings = report.findings.filter((f) => f.target === target) as Finding[];
  const avoid = findings.some((f) => f.level === 'avoid');
  const status = avoid ? c.avoid('AVOID') : findings.length ? c.caution('CAUTION') : c.ok('OK');
  const name = (f: Finding) => (f.point ? `${f.point} ${catalog.points.get(f.point)?.pinyin ?? ''}`.trim() : findingPlace(f));
  const point = catalog.points.get(target);
  // "AVOID headache" read as advice to avoid headaches: a routine (or routine file) is called one.
  const called = point ? `${target} ${point.pinyin}`.trim() : `the ${target} routine`;
  const groups = groupFindings(findings, name);
  // The verdict says once whom it is for (the conditions behind its level); the findings then
  // repeat neither that nor the point's name, and a level label only where levels differ.
  const top = groups.filter((g) => g.level === groups[0]?.level);
  const whom = [...new Set(top.map((g) => g.condition))];
  const forAll = whom.length === 1 && groups.every((g) => g.condition === whom[0]);
  const says = groups.length ? whomText(whom) : conditions.length ? ` with ${andList(conditions.map((x) => x.id))}` : '';
  const lines = [hang(`${status} ${c.bold(called)}${says}`, width)];
  const labels = new Set(groups.map((g) => g.level)).size > 1 || !point;
  // The text hangs beside its label; in a narrow terminal it runs back under the label instead.
  const under = width - 10 >= 30 ? 10 : 4;
  const labelled = (label: string, text: string) => (labels ? `  ${label} ${wrap(text, width - under, ' '.repeat(under), width - 10)}` : `  ${wrap(text, width - 2, '  ')}`);
  for (const g of groups) {
    const level = g.level === 'avoid' ? c.avoid('avoid  ') : c.caution('caution');
    const cited = g.cited_by?.length ? ` Cited by ${g.cited_by.length}: ${g.cited_by.join(', ')}.` : '';
    const what = point && g.what.length === 1 && g.what[0] === called ? '' : g.what.join(', ');
    const who = forAll ? '' : `(${forWhom(g.condition)})`;
    const lead = [what, who].filter(Boolean).join(' ');
    lines.push(labelled(level, `${lead ? `${lead}: ` : ''}${g.reason}${cited} ${ref(g.source)}`));
  }
  for (const n of report.notes.filter((x) => x.target === target)) {
    lines.push(labelled(c.ok('used   '), `${n.point} is commonly used in ${n.condition}: ${n.reason} ${ref(n.source)}`));
  }
  if (findings.length === 0) lines.push(`  ${c.dim(wrap(conditions.length ? 'Nothing to avoid for these conditions.' : 'No general cautions.', width - 2, '  '))}`);
  const safer = report.safer.find((x) => x.target === target)?.routines ?? [];
  if (safer.length) lines.push(`  ${c.bold('Safer:')} ${wrap(safer.join(', '), width - 9, ' '.repeat(9))}`);
  return lines.join('\n');
}

/** Whom a verdict is for, after the target: " with pregnancy", " for everyone", " with asthma and for everyone". */
function whomText(conditions: string[]): string {
  const named = conditions.filter((x) => x !== GENERAL);
  const parts = [...(named.length ? [`with ${andList(named)}`] : []), ...(conditions.includes(GENERAL) ? ['for everyone'] : [])];
  return parts.length ? ` ${parts.join(' and ')}` : '';
}

/** Every routine with nothing to avoid, one a line with its title, for when the summary names only a few. */
function saferSection(catalog: Catalog, ids: string[], who: string, c: Paint, width: number): string {
  const rows = table(ids.map((id) => [id, escapeHidden(catalog.routines.get(id)?.title ?? '')]), width - 2, { ellipsis: c.g.ellipsis, keep: [0] });
  return [hang(`${c.bold(`Safer routines${who}`)} ${c.dim('(nothing to avoid; best first)')}`, width), ...rows.map((r) => `  ${r}`)].join('\n');
}

function adviceSection(report: CheckReport, title: string, c: Paint, width: number, ref: (s: string) => string, bullet: string): string {
  return [c.bold(title), ...report.advice.map((a) => `  ${bullet} ${wrap(`${a.reason} ${ref(a.source)}`, width - 4, '    ')}`)].join('\n');
}

function urgentSection(report: CheckReport, c: Paint, width: number, ref: (s: string) => string, bullet: string): string {
  return [
    c.bold(wrap('Get medical help instead, not acupressure, for', width)),
    ...report.urgent.map((u) => `  ${bullet} ${wrap(`${u.indications.join(', ').replaceAll('-', ' ')}${u.points.length ? ` (${u.points.join(', ')})` : ''}: ${u.reason} ${ref(u.source)}`, width - 4, '    ')}`),
  ].join('\n');
}

/** With no target and no condition: the general rules for everyone. */
function generalSection(catalog: Catalog, report: CheckReport, c: Paint, width: number, ref: (s: string) => string, bullet: string): string {
  const general = generalCondition(catalog);
  const lines = [hang(`${c.title('General safety')}  ${c.dim('(everyone)')}`, width)];
  if (general) lines.push(wrap(general.advice, width));
  if (report.advice.length) lines.push('', ...report.advice.map((a) => `  ${bullet} ${wrap(`${a.reason} ${ref(a.source)}`, width - 4, '    ')}`));
  if (report.never_press.length) {
    lines.push('', c.bold('Points never to press yourself'));
    for (const n of report.never_press) lines.push(`  ${bullet} ${wrap(`${n.point} ${n.name}: ${n.reason} ${ref(n.source)}`, width - 4, '    ')}`);
  }
  if (report.urgent.length) lines.push('', urgentSection(report, c, width, ref, bullet));
  lines.push('', c.bold('Talk to a clinician first with'));
  const all = choosableConditions(catalog).map((x) => `${x.title} (${x.flag ? `--${x.flag}` : `--condition ${x.id}`})`);
  lines.push(`  ${wrap(`${all.join(', ')}.`, width - 2, '  ')}`);
  return lines.join('\n');
}

