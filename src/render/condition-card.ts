import type { Catalog } from '../model/catalog.js';
import type { Condition } from '../model/types.js';
import type { Paint } from './paint.js';
import { hang, wrap } from './text.js';
import { GENERAL } from '../core/safety.js';
import { plural } from '../core/text.js';
import { techniquesWords } from '../core/techniques.js';


/**
 * A condition card: what it is, the general advice, and every rule with its source. `cite` words
 * each source: inline by default, or a numbered reference when the sources are listed at the end.
 */
export function conditionCard(catalog: Catalog, x: Condition, c: Paint, width: number, cite: (source: string) => string = (s) => `[${s}]`): string {
  const out: string[] = [];
  const how = x.id === GENERAL ? 'applies to everyone' : x.flag ? `--${x.flag}` : `--condition ${x.id}`;
  out.push(hang(`${c.title(x.title)}  ${c.dim(`(${how})`)}`, width));
  out.push(wrap(x.description, width));
  out.push('');
  out.push(`${c.bold('Advice')}  ${wrap(x.advice, width - 8, '        ')}`);
  out.push('');
  for (const level of ['avoid', 'caution'] as const) {
    const rules = x.rules.filter((r) => r.level === level);
    if (!rules.length) continue;
    out.push(level === 'avoid' ? c.avoid('Avoid') : c.caution('Caution'));
    for (const r of rules) {
      const what = r.points
        ? r.points.map((id) => { const p = catalog.points.get(id); return p ? `${id} ${p.pinyin}` : id; }).join(', ')
        : r.regions ? `the ${r.regions.length > 1 ? `${r.regions.slice(0, -1).join(', ')} and ${r.regions.at(-1)}` : r.regions[0]} ${plural(r.regions.length, 'region')}`
          : r.techniques ? techniquesWords(r.techniques) : 'in general';
      const cited = r.cited_by?.length ? ` Cited by: ${r.cited_by.join(', ')}.` : '';
      out.push(`  ${c.g.bullet} ${wrap(`${what}: ${r.reason}${cited} ${cite(r.source)}`, width - 4, '    ')}`);
    }
  }
  if (x.recommended.length) {
    out.push(c.ok('Commonly used'));
    for (const r of x.recommended) out.push(`  ${c.g.bullet} ${wrap(`${r.points.join(', ')}: ${r.reason} ${cite(r.source)}`, width - 4, '    ')}`);
  }
  if (x.urgent.length) {
    out.push(c.bold('Get medical help instead, not acupressure, for'));
    for (const u of x.urgent) out.push(`  ${c.g.bullet} ${wrap(`${u.indications.join(', ').replaceAll('-', ' ')}: ${u.reason} ${cite(u.source)}`, width - 4, '    ')}`);
  }
  return out.join('\n');
}
