import type { Catalog } from '../model/catalog.js';
import { findingPlace, GENERAL, groupFindings, type Finding } from '../core/safety.js';
import { wrap } from './text.js';

/** Who a finding is for, as a reader says it: a condition id, or "everyone" for the general rules. */
export function forWhom(condition: string): string {
  return condition === GENERAL ? 'everyone' : condition;
}

/** Whom a point's own caution is for, as the rest of a sentence: "in pregnancy", "for everyone", "with heart disease". */
export function cautionFor(condition: string): string {
  if (condition === GENERAL) return 'for everyone';
  if (condition === 'pregnancy') return 'in pregnancy';
  return `with ${condition.replaceAll('-', ' ')}`;
}

/** Findings as indented lines, one per rule, naming every point or region it covers (a URL in a source left whole). */
export function describeFindings(catalog: Catalog, findings: Finding[], width = 80): string {
  const name = (f: Finding) => (f.point ? `${f.point} ${catalog.points.get(f.point)?.pinyin ?? ''}`.trim() : findingPlace(f));
  return groupFindings(findings, name)
    .map((g) => `  ${wrap(`${g.level} ${g.what.join(', ')} (${forWhom(g.condition)}): ${g.reason} [${g.source}]`, width - 4, '    ', width - 4, 'whole')}`)
    .join('\n');
}
