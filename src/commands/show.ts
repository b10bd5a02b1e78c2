import { resolve } from '../core/resolve.js';
import { EXIT, UserError } from '../model/errors.js';
import type { Io } from '../model/io.js';
import { painter } from '../render/paint.js';
import { fitWidth, terminal } from '../render/terminal.js';
import { conditionCard } from '../render/condition-card.js';
import { DISCLAIMER } from '../render/disclaimer.js';
import { pointCard } from '../render/point-card.js';
import { routineCard } from '../render/routine-card.js';
import { wrap } from '../render/text.js';
import { GENERAL, hasAvoid, pointFindings, pregnancyAvoided, routineFindings, saferAlternatives } from '../core/safety.js';
import { pointVerdict, routineVerdict } from '../render/verdict.js';
import { pregnancyHint } from '../render/pregnancy-hint.js';
import { plan } from '../core/plan.js';
import { catalogFor, conditionsFor, writeJson, type Common } from './context.js';

export interface ShowOptions extends Common {
  args?: [string[]];
  yaml?: boolean;
}

const idsOf = (conditions: Array<{ id: string }>) => conditions.map((x) => x.id);

/** `acupress show <id...>`: point, routine or condition cards. */
export async function run(options: ShowOptions, io: Io): Promise<number> {
  const ids = options.args?.[0] ?? [];
  const catalog = await catalogFor(options, io);
  const conditions = await conditionsFor(options, catalog, io);
  // Resolve everything first: one unknown id fails the command before anything prints.
  const refs = ids.map((id) => resolve(catalog, id));
  if (options.yaml) {
    const { routineToYaml } = await import('../render/routine-yaml.js');
    for (const ref of refs) {
      const r = ref.kind === 'routine' ? catalog.routines.get(ref.id) : undefined;
      if (!r) {
        throw new UserError(`--yaml: "${ref.id}" is a ${ref.kind}; only routines can be printed as YAML`);
      }
      io.stdout.write(routineToYaml(r));
    }
    return EXIT.ok;
  }
  if (options.json) {
    const items = refs.map((ref) => {
      if (ref.kind === 'point') {
        const p = catalog.points.get(ref.id)!;
        return { kind: 'point', ...p, findings: pointFindings(p, conditions, p.id) };
      }
      if (ref.kind === 'routine') {
        const r = catalog.routines.get(ref.id)!;
        const t = plan(r, (id) => catalog.points.get(id));
        return { kind: 'routine', ...r, duration_ms: t.total_ms, phases: t.phases.length, findings: routineFindings(catalog, r, conditions) };
      }
      return { kind: 'condition', ...catalog.conditions.get(ref.id)! };
    });
    writeJson(io, items.length === 1 ? items[0] : items);
    return EXIT.ok;
  }
  const t = terminal(io, options.color);
  const c = await painter(t);
  const width = fitWidth(t, 100);
  const cards = refs.map((ref) => {
    if (ref.kind === 'point') {
      const p = catalog.points.get(ref.id)!;
      const findings = pointFindings(p, conditions, p.id).filter((f) => conditions.length > 0 || f.condition === GENERAL);
      return pointCard(catalog, p, c, width, findings, pointVerdict(findings, idsOf(conditions), c));
    }
    if (ref.kind === 'routine') {
      const r = catalog.routines.get(ref.id)!;
      const findings = routineFindings(catalog, r, conditions);
      const safer = hasAvoid(findings) ? saferAlternatives(catalog, r, conditions).map((x) => x.id) : [];
      const verdict = routineVerdict(findings, idsOf(conditions), safer, c);
      return routineCard(catalog, r, plan(r, (id) => catalog.points.get(id)), c, width, findings, conditions.length === 0 ? pregnancyHint(pregnancyAvoided(catalog, r)) : undefined, verdict);
    }
    return conditionCard(catalog, catalog.conditions.get(ref.id)!, c, width);
  });
  io.stdout.write(`${cards.join('\n\n')}\n\n${c.dim(wrap(DISCLAIMER, width))}\n`);
  return EXIT.ok;
}
