// `acupress check`: which points, regions or routines to avoid for a condition, and why.
import type { Catalog } from '../model/catalog.js';
import { resolve } from '../core/resolve.js';
import type { Condition, Routine } from '../model/types.js';
import { EXIT } from '../model/errors.js';
import type { Io } from '../model/io.js';
import { painter, type Paint } from '../render/paint.js';
import { fitWidth, terminal } from '../render/terminal.js';
import { conditionCard } from '../render/condition-card.js';
import { DISCLAIMER } from '../render/disclaimer.js';
import { wrap } from '../render/text.js';
import { isPathLike, routineFor } from './run/target.js';
import { adviceFor, choosableConditions, groupFindings, hasAvoid, pointFindings, recommendedNotes, routineFindings, saferAlternatives, type Finding, type Note, type Report } from '../core/safety.js';
import { catalogFor, conditionsFor, writeJson, type Common } from './context.js';

export interface CheckOptions extends Common {
  args?: [string[]];
}

/** What each target is, for grouping and for suggesting alternatives. */
type Checked = { target: string; routine?: Routine; findings: Finding[]; notes: Note[] };

/** Build the check report for targets under conditions. Pure apart from reading routine files. */
export async function buildReport(catalog: Catalog, targets: string[], conditions: Condition[], cwd: string): Promise<{ report: Report; checked: Checked[] }> {
  const checked: Checked[] = [];
  for (const t of targets) {
    if (!isPathLike(t)) {
      const ref = resolve(catalog, t, ['routine', 'point']);
      if (ref.kind === 'point') {
        const p = catalog.points.get(ref.id)!;
        checked.push({ target: p.id, findings: pointFindings(p, conditions, p.id), notes: recommendedNotes([p.id], conditions, p.id) });
        continue;
      }
    }
    const routine = await routineFor(catalog, t, cwd);
    const points = routine.steps.flatMap((s) => (s.kind === 'press' ? [s.point] : []));
    checked.push({ target: routine.id, routine, findings: routineFindings(catalog, routine, conditions), notes: recommendedNotes(points, conditions, routine.id) });
  }
  const findings = checked.flatMap((c) => c.findings);
  return {
    report: {
      ok: !hasAvoid(findings),
      conditions: conditions.map((c) => c.id),
      findings: findings.map(({ step: _step, ...f }) => f),
      advice: adviceFor(conditions),
      notes: checked.flatMap((c) => c.notes),
    },
    checked,
  };
}

/** `acupress check [target...]`; exit 1 when something is to be avoided. */
export async function run(options: CheckOptions, io: Io): Promise<number> {
  const targets = options.args?.[0] ?? [];
  const catalog = await catalogFor(options, io);
  const conditions = await conditionsFor(options, catalog, io);
  const t = terminal(io, options.color);
  const c = await painter(t);
  const width = fitWidth(t, 100);
  const { report, checked } = await buildReport(catalog, targets, conditions, io.cwd);
  if (options.json) {
    writeJson(io, report);
    return report.ok ? EXIT.ok : EXIT.safety;
  }
  const out: string[] = [];
  if (targets.length === 0) {
    // No target: explain what the conditions mean, or the general rules when there are none.
    if (conditions.length === 0) out.push(generalAdvice(catalog, c, width));
    for (const cond of conditions) out.push(conditionCard(catalog, cond, c, width));
  } else {
    for (const item of checked) out.push(targetSection(catalog, item, conditions, c, width));
    const adv = report.advice;
    if (adv.length) {
      out.push(c.bold('General advice'));
      for (const a of adv) out.push(`  • ${wrap(`${a.reason} [${a.source}]`, width - 4, '    ')}`);
    }
  }
  out.push(c.dim(wrap(DISCLAIMER, width)));
  io.stdout.write(`${out.join('\n\n')}\n`);
  return report.ok ? EXIT.ok : EXIT.safety;
}

function targetSection(catalog: Catalog, item: Checked, conditions: Condition[], c: Paint, width: number): string {
  const lines: string[] = [];
  const avoid = hasAvoid(item.findings);
  const status = avoid ? c.avoid('AVOID') : item.findings.length ? c.caution('CAUTION') : c.ok('OK');
  lines.push(`${status} ${c.bold(item.target)}${conditions.length ? c.dim(` (${conditions.map((x) => x.id).join(', ')})`) : ''}`);
  const name = (f: Finding) => (f.point ? `${f.point} ${catalog.points.get(f.point)?.pinyin ?? ''}`.trim() : `the ${f.region} region`);
  for (const g of groupFindings(item.findings, name)) {
    const level = g.level === 'avoid' ? c.avoid('avoid  ') : c.caution('caution');
    const cited = g.cited_by?.length ? ` Cited by ${g.cited_by.length}: ${g.cited_by.join(', ')}.` : '';
    lines.push(`  ${level} ${wrap(`${g.what.join(', ')} (${g.condition}): ${g.reason}${cited} [${g.source}]`, width - 10, '          ')}`);
  }
  for (const n of item.notes) {
    lines.push(`  ${c.ok('used   ')} ${wrap(`${n.point} is commonly used in ${n.condition}: ${n.reason} [${n.source}]`, width - 10, '          ')}`);
  }
  if (item.findings.length === 0) lines.push(`  ${c.dim(conditions.length ? 'Nothing to avoid for these conditions.' : 'No general cautions. Add --pregnant or --condition <id> to check for a condition.')}`);
  if (avoid && item.routine) {
    const alt = saferAlternatives(catalog, item.routine, conditions);
    if (alt.length) lines.push(`  ${c.bold('Safer:')} ${alt.map((r) => r.id).join(', ')}`);
  }
  return lines.join('\n');
}

function generalAdvice(catalog: Catalog, c: Paint, width: number): string {
  const lines = [c.title('General safety')];
  lines.push(wrap('Acupressure should never hurt: use firm but comfortable pressure, and gentle pressure on the face. Some soreness or a light bruise can follow; light-headedness passes if you sit and rest.', width));
  lines.push('');
  lines.push(c.bold('Never press over'));
  lines.push(`  ${wrap('broken or inflamed skin, bruises, rashes, skin infections, varicose veins, swollen or inflamed areas, recent scars, a recent fracture, or a device or line under the skin.', width - 2, '  ')}`);
  lines.push('');
  lines.push(c.bold('Talk to a clinician first with'));
  const all = choosableConditions(catalog).map((x) => `${x.title} (${x.flag ? `--${x.flag}` : `--condition ${x.id}`})`);
  lines.push(`  ${wrap(`${all.join(', ')}.`, width - 2, '  ')}`);
  lines.push('');
  lines.push(c.bold('Points never to press yourself'));
  const general = [...catalog.points.values()].filter((p) => p.cautions.some((k) => k.condition === 'general' && k.level === 'avoid'));
  for (const p of general) {
    const k = p.cautions.find((x) => x.condition === 'general' && x.level === 'avoid')!;
    lines.push(`  • ${wrap(`${p.id} ${p.pinyin}: ${k.reason} [${k.source}]`, width - 4, '    ')}`);
  }
  lines.push('');
  lines.push(c.dim(wrap('Sources: Verywell Health, "Acupressure: Points, Uses, and Side Effects" (side effects and safety; contraindications); "Acupuncture Massage: The Synergy of Two Healing Techniques", physiotherapy clinic article reviewed May 2023 (contraindications). Check a condition with --pregnant or --condition <id>.', width)));
  return lines.join('\n');
}
