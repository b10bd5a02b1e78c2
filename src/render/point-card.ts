import { neighbours, routinesUsing, type Catalog } from '../model/catalog.js';
import { MERIDIAN_NAMES } from '../model/channels.js';
import { legacyCodes } from '../core/resolve.js';
import type { Point } from '../model/types.js';
import { urgentFor, type ConditionAdvice, type Finding } from '../core/safety.js';
import type { Paint } from './paint.js';
import { hang, wrap } from './text.js';
import { cautionFor } from './findings.js';
import { pressLine } from './press-line.js';
import type { PressureCap } from '../core/step-cautions.js';


/**
 * A point card: names, channel and neighbours, location, how to find and press it, cautions, the
 * advice of the conditions in force. Its Press line asks for no more than `cap` (pointCap: the
 * conditions in force and their cautions on the point), as `run` says a cue.
 */
export function pointCard(catalog: Catalog, p: Point, c: Paint, width: number, findings: Finding[] = [], verdict?: string, advice: readonly ConditionAdvice[] = [], cap?: PressureCap): string {
  const out: string[] = [];
  // Labels in a column beside the text; in a narrow terminal, above it.
  const field = (label: string, text: string) => out.push(width - 11 >= 30
    ? `${c.bold(label.padEnd(11))}${wrap(text, width - 11, ' '.repeat(11))}`
    : `${c.bold(label)}\n  ${wrap(text, width - 2, '  ')}`);
  // Characters only where the terminal can show them.
  const hanzi = c.g.hanzi && p.hanzi ? `  ${p.hanzi}${p.hanzi_traditional !== p.hanzi ? ` (${p.hanzi_traditional})` : ''}` : '';
  out.push(hang(`${c.title(`${p.id}  ${p.pinyin}${hanzi}`)}  ${p.english}`, width));
  // The safety verdict leads, before anything else is read.
  if (verdict) out.push(wrap(verdict, width));
  const { prev, next } = neighbours(catalog, p);
  field('Channel', `${MERIDIAN_NAMES[p.meridian] ?? p.meridian} (${p.meridian})`);
  // The points before and after on the channel, each on its side of the arrow pair.
  const nav = [prev ? `${c.g.left} ${prev.id} ${prev.pinyin}` : '', next ? `${next.id} ${next.pinyin} ${c.g.right}` : ''].filter(Boolean).join(` ${c.g.dot} `);
  if (nav) field('Neighbours', nav);
  field('Region', `${p.region}, ${p.laterality === 'bilateral' ? 'both sides of the body' : 'on the midline'}`);
  field('Location', p.location);
  if (p.find) field('Find it', p.find);
  // The pressure, unless the technique already says it in words.
  const press = pressLine(p, cap);
  if (press) field('Press', press);
  if (p.indications.length) field('Used for', `traditionally: ${p.indications.map((i) => i.replaceAll('-', ' ')).join(', ')}`);
  // An indication that can be an emergency says where to get help instead.
  for (const u of urgentFor(catalog, p)) field('Urgent', `${u.matched.join(', ').replaceAll('-', ' ')}: ${u.reason} [${u.source}]`);
  const names = [...legacyCodes(p.id), ...p.aliases];
  if (names.length) field('Also', names.join(', '));
  const using = routinesUsing(catalog, p.id);
  if (using.length) field('Routines', using.join(', '));
  // One row per condition and level, saying "avoid" once: what the conditions in force find (the
  // reasons the verdict points to) first, then the point's own cautions, each reason joining its row.
  const rows = new Map<string, { level: string; condition: string; reasons: string[] }>();
  const add = (condition: string, level: string, said: string) => {
    const row = rows.get(`${condition}:${level}`) ?? { level, condition, reasons: [] };
    if (!row.reasons.includes(said)) row.reasons.push(said);
    rows.set(`${condition}:${level}`, row);
  };
  for (const f of findings) add(f.condition, f.level, `${f.reason} [${f.source}]`);
  for (const k of p.cautions) add(k.condition, k.level, `${k.reason} [${k.source}]`);
  // One label says both what to do and for whom: "Avoid  in pregnancy: …", "Caution  for everyone: …";
  // each further reason on a line of its own under the first, as the sources are.
  for (const k of rows.values()) {
    const paint = k.level === 'avoid' ? c.avoid : c.caution;
    field(k.level === 'avoid' ? 'Avoid' : 'Caution', `${paint(cautionFor(k.condition))}: ${k.reasons.join('\n')}`);
  }
  for (const a of advice) field('Advice', `${cautionFor(a.condition)}: ${a.text}`);
  // One source a line: titles end in their own punctuation, so a joining "; " reads badly.
  if (p.sources.length) field('Sources', p.sources.join('\n'));
  return out.join('\n');
}
