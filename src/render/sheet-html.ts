// The printable sheet (`show <id...> --html`): one self-contained HTML page, inline SVG and CSS,
// no scripts and nothing fetched, laid out for A4 and Letter alike. Every piece of data and user
// text is escaped (html.ts).
import { neighbours, routinesUsing, type Catalog } from '../model/catalog.js';
import { MERIDIAN_NAMES } from '../model/channels.js';
import { formatClock, formatDuration } from '../model/duration.js';
import type { Phase, Timeline } from '../model/timeline.js';
import type { Condition, Point, Region, Routine, Step } from '../model/types.js';
import { legacyCodes } from '../core/resolve.js';
import type { ConditionAdvice, Finding } from '../core/safety.js';
import type { PressureCap } from '../core/step-cautions.js';
import { DISCLAIMER } from './disclaimer.js';
import { CONTRAINDICATIONS, RED_FLAGS } from './bullet-list.js';
import { placeMarks, type FigureView } from './figure-place.js';
import { figureSvg } from './figure-svg.js';
import { escapeHtml as e } from './html.js';
import { count, plural } from '../core/text.js';
import { techniquesWords } from '../core/techniques.js';
import { cueNamesMotion } from '../core/cues.js';
import { pressLine } from './press-line.js';

/**
 * One thing to print: a routine with its timeline, its findings for the conditions given, the
 * verdict the terminal card leads with (routineVerdict, unpainted), the conditions' advice and the
 * pregnancy hint (when no condition was given); a point with its findings, the conditions'
 * advice and the pressure they allow (`cap`, pointCap); or a condition.
 */
export type SheetItem =
  | { kind: 'routine'; routine: Routine; timeline: Timeline; findings: Finding[]; hint?: string; verdict?: string; advice?: readonly ConditionAdvice[]; caps?: ReadonlyMap<number, PressureCap> }
  | { kind: 'point'; point: Point; findings: Finding[]; advice?: readonly ConditionAdvice[]; cap?: PressureCap }
  | { kind: 'condition'; condition: Condition };

/** What the sheet is drawn from. The views are looked up, never loaded, here. */
export interface SheetInput {
  catalog: Catalog;
  items: SheetItem[];
  /** false (--no-figure): a text-only sheet. */
  figures: boolean;
  /** A view by id, or undefined when there is none. */
  view(id: string): FigureView | undefined;
  /** The view that shows a massage step's area (its regions and its words), if any does. */
  areaView(regions: Region[], area: string): FigureView | undefined;
}

/** The whole page as a string. */
export function sheetHtml(input: SheetInput): string {
  const { catalog } = input;
  const titles: string[] = [];
  const sections = input.items.map((item) => {
    if (item.kind === 'routine') {
      titles.push(item.routine.title);
      return routineSection(input, item.routine, item.timeline, item.findings, item.hint, item.verdict, item.advice, item.caps);
    }
    if (item.kind === 'point') {
      titles.push(`${item.point.id} ${item.point.pinyin}`);
      return pointSection(input, item.point, item.findings, item.advice, item.cap);
    }
    titles.push(item.condition.title);
    return conditionSection(catalog, item.condition);
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="acupress">
<title>${e(titles.join(' · '))}</title>
<style>${CSS}</style>
</head>
<body>
${sections.join('\n')}
<footer class="disclaimer">${e(DISCLAIMER)}</footer>
</body>
</html>
`;
}

const CSS = `
@page { margin: 13mm 12mm; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { color-scheme: light; }
body { font: 10pt/1.4 "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  color: #111; background: #fff; margin: 0 auto; max-width: 186mm; padding: 10mm 6mm; }
@media print { body { max-width: none; padding: 0; } }
h1 { font-size: 17pt; line-height: 1.2; margin: 0 0 1.5mm; }
h2 { font-size: 11pt; margin: 0 0 1mm; }
h3 { font-size: 10pt; margin: 4mm 0 1mm; break-after: avoid; }
p { margin: 0 0 1.2mm; }
code { font: inherit; white-space: nowrap; }
ul, ol { margin: 0 0 1.5mm; padding-left: 5mm; }
.item + .item { break-before: page; }
.summary { font-size: 10.5pt; }
.facts { color: #333; border-bottom: 0.4mm solid #111; padding-bottom: 1.5mm; margin-bottom: 1mm; }
.steps { list-style: none; padding: 0; margin: 0; }
.step { display: grid; grid-template-columns: 50mm 1fr; gap: 5mm; padding: 2.5mm 0; border-bottom: 0.2mm solid #bbb;
  break-inside: avoid; page-break-inside: avoid; }
.step.text-only { grid-template-columns: 1fr; }
.when { color: #333; font-variant-numeric: tabular-nums; }
.cue { font-style: italic; }
.label { font-weight: 700; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
svg.figure { display: block; width: 100%; height: auto; max-height: 58mm; }
svg .outline path { fill: none; stroke: #222; stroke-width: 1.1px; stroke-linejoin: round; stroke-linecap: round; vector-effect: non-scaling-stroke; }
svg .outline path.detail { stroke: #888; stroke-width: 0.7px; }
svg ellipse.area { fill: rgba(212, 0, 0, 0.18); stroke: #d40000; stroke-width: 1px; stroke-dasharray: 3 2; vector-effect: non-scaling-stroke; }
svg .mark circle { fill: #d40000; stroke: #fff; stroke-width: 1px; vector-effect: non-scaling-stroke; }
svg .mark text { fill: #a00000; font-weight: 700; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
figcaption { font-size: 8pt; color: #444; text-align: center; margin-top: 0.5mm; }
.no-figure { font-size: 8pt; color: #666; border: 0.2mm dashed #aaa; padding: 3mm; text-align: center; }
.safety { list-style: none; padding: 0; }
.safety li { padding-left: 0; }
.avoid { color: #b00000; font-weight: 700; }
.caution { color: #8a5300; font-weight: 700; }
.verdict { font-weight: 400; margin: 1mm 0 2mm; padding: 1.5mm 2.5mm; border-left: 1.2mm solid currentColor; }
.verdict.avoid-verdict { color: #b00000; background: #fdf0f0; }
.verdict.caution-verdict { color: #8a5300; background: #fdf6ea; }
.verdict.ok-verdict { color: #1d6b2a; }
.verdict code { color: inherit; }
.red-flags, .contraindications { border: 0.4mm solid #b00000; padding: 2mm 3mm; margin: 4mm 0 2mm; break-inside: avoid; }
.red-flags h3, .contraindications h3 { margin-top: 0; color: #b00000; }
.card { display: grid; grid-template-columns: 1fr 62mm; gap: 6mm; break-inside: avoid; }
.card.text-only { grid-template-columns: 1fr; }
dl { display: grid; grid-template-columns: 22mm 1fr; gap: 1mm 3mm; margin: 2mm 0 0; }
dt { font-weight: 700; }
dd { margin: 0; }
.sources { font-size: 8.5pt; color: #333; }
.disclaimer { margin-top: 5mm; padding-top: 2mm; border-top: 0.2mm solid #bbb; font-size: 8.5pt; color: #444; }
`;

/** A point's names in one line: code, pinyin, characters, English. */
function pointName(p: Point): string {
  const trad = p.hanzi_traditional !== p.hanzi ? ` (${p.hanzi_traditional})` : '';
  // A point of your own may have no characters.
  const zh = p.hanzi ? ` <span lang="zh">${e(p.hanzi)}${e(trad)}</span>` : '';
  return `${e(p.id)} ${e(p.pinyin)}${zh} · ${e(p.english)}`;
}

/** The figure of a point for a side ('left' or 'right'; otherwise both, or the view's own side). */
function pointFigure(input: SheetInput, p: Point, side?: 'left' | 'right'): string {
  if (!input.figures) return '';
  const figure = p.figure;
  const view = figure ? input.view(figure.view) : undefined;
  if (!figure || !view) return `<figure><div class="no-figure">No figure for ${e(p.id)} yet</div></figure>`;
  const placed = placeMarks(view, p, side);
  const caption = `${p.id} · ${placed.caption}`;
  return `<figure>${figureSvg(view, placed, caption)}<figcaption>${e(caption)}</figcaption></figure>`;
}

/**
 * Safety lines: the findings for the given conditions, then the point's own cautions not said yet,
 * one line for each condition and level ("Avoid (pregnancy):" once, its reasons and sources after
 * it), so a point that three sources say to avoid reads as one warning, not three.
 */
function safetyList(findings: Finding[], p?: Point): string {
  const groups = new Map<string, { level: 'avoid' | 'caution'; condition: string; reasons: string[] }>();
  const line = (level: 'avoid' | 'caution', condition: string, reason: string, source: string) => {
    const key = `${condition}\u0000${level}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { level, condition, reasons: [] }));
    const said = `${e(reason)} <span class="sources">[${e(source)}]</span>`;
    if (!g.reasons.includes(said)) g.reasons.push(said);
  };
  for (const f of findings) line(f.level, f.condition, f.reason, f.source);
  for (const k of p?.cautions ?? []) line(k.level, k.condition, k.reason, k.source);
  const items = [...groups.values()].sort((a, b) => (a.level === b.level ? 0 : a.level === 'avoid' ? -1 : 1))
    .map((g) => `<li><span class="${g.level}">${g.level === 'avoid' ? 'Avoid' : 'Caution'} (${e(g.condition)}):</span> ${g.reasons.join(' ')}</li>`);
  return items.length ? `<ul class="safety">${items.join('')}</ul>` : '';
}

/**
 * The verdict under the title, as the terminal card has it: "AVOID with pregnancy: step 1 (LI4).
 * Run it with --skip-unsafe …". The reasons are at each step here, not under a Safety heading.
 */
function verdictLine(verdict: string): string {
  const m = /^(AVOID|CAUTION|OK)\b(.*)$/s.exec(verdict);
  if (!m) return `<p class="verdict">${e(verdict)}</p>`;
  const level = m[1] === 'AVOID' ? 'avoid' : m[1] === 'CAUTION' ? 'caution' : 'ok';
  const rest = e(m[2]!.replace(/ Why, under Safety below\.$/, ' Why, at each step below.').replace(/; read Safety below\.$/, '; read the notes at each step below.'))
    .replace(/--skip-unsafe/g, '<code>--skip-unsafe</code>');
  return `<p class="verdict ${level}-verdict"><span class="${level}">${m[1]}</span>${rest}</p>`;
}

/** The advice of each condition in force, under the verdict: what it asks of every step, not only the ones found. */
function adviceList(advice: readonly ConditionAdvice[] = []): string {
  return advice.map((a) => `<p class="advice" data-advice="${e(a.condition)}"><span class="label">Advice with ${e(a.condition)}:</span> ${e(a.text)}</p>`).join('');
}

function routineSection(input: SheetInput, r: Routine, timeline: Timeline, findings: Finding[], hint: string | undefined, verdict?: string, advice?: readonly ConditionAdvice[], caps?: ReadonlyMap<number, PressureCap>): string {
  const steps = r.steps.map((s, i) => stepItem(input, s, i, timeline.phases.filter((p) => p.step === i), findings.filter((f) => f.step === i), caps?.get(i)));
  const out: string[] = [];
  out.push(`<article class="item routine" data-routine="${e(r.id)}">`);
  out.push(`<h1>${e(r.title)}</h1>`);
  if (verdict) out.push(verdictLine(verdict));
  if (advice?.length) out.push(adviceList(advice));
  out.push(`<p class="summary">${e(r.summary)}</p>`);
  out.push(`<p class="facts"><span class="label">Total time</span> ${e(formatClock(timeline.total_ms))} · ${count(r.steps.length, 'step')} · ${count(timeline.points.length, 'point')}${r.tags.length ? ` · ${e(r.tags.join(', '))}` : ''}</p>`);
  out.push(`<ol class="steps">${steps.join('')}</ol>`);
  if (hint) out.push(`<p class="caution">${e(hint.replace('add --pregnant', 'run it with --pregnant')).replace('--pregnant', '<code>--pregnant</code>')}</p>`);
  // Who should not use it, when to get help instead, then the everyday advice.
  for (const [kind, heading, items] of [['contraindications', CONTRAINDICATIONS, r.contraindications], ['red-flags', RED_FLAGS, r.red_flags], ['tips', 'Tips', r.tips]] as const) {
    if (items.length) out.push(`<section class="${kind}"><h3>${heading}</h3><ul>${items.map((f) => `<li>${e(f)}</li>`).join('')}</ul></section>`);
  }
  if (r.evidence) out.push(`<h3>Evidence</h3><p>${e(r.evidence)}</p>`);
  out.push(`<h3>Sources</h3><ol class="sources">${r.sources.map((s) => `<li>${e(s)}</li>`).join('')}</ol>`);
  out.push('</article>');
  return out.join('\n');
}

/** How a press step is timed, in words: sides, rounds and the length of each part. */
function pressTiming(phases: Phase[]): string {
  const ramp = phases.find((x) => x.kind === 'ramp');
  const hold = phases.find((x) => x.kind === 'hold');
  const rel = phases.find((x) => x.kind === 'release');
  const locate = phases.find((x) => x.kind === 'locate');
  const sides = [...new Set(phases.filter((x) => x.kind !== 'locate' && x.kind !== 'switch').map((x) => x.side))];
  const where = sides.length === 2 ? 'left, then right' : sides[0] === 'both' ? 'both sides at once' : sides[0] === 'center' ? 'on the midline' : sides[0] ?? '';
  const press = `${ramp?.rounds ?? 1} × (${formatDuration(ramp?.duration_ms ?? 0)} ramp, ${formatDuration(hold?.duration_ms ?? 0)} hold, ${formatDuration(rel?.duration_ms ?? 0)} release)`;
  return [where, locate ? `${formatDuration(locate.duration_ms)} to find it` : '', sides.length === 2 ? `${press} each side` : press].filter(Boolean).join(' · ');
}

/** A step of the sheet; its cue said within `cap`, as `run` says it. */
function stepItem(input: SheetInput, s: Step, i: number, phases: Phase[], findings: Finding[], cap?: PressureCap): string {
  const start = phases[0]?.offset_ms ?? 0;
  const took = phases.reduce((t, p) => t + p.duration_ms, 0);
  const when = `<p class="when">${e(formatClock(start, 'down'))}–${e(formatClock(start + took))} · ${e(formatDuration(took))}</p>`;
  const said = s.cue ? cap?.say(s.cue) ?? s.cue : s.cue;
  const cue = said ? `<p class="cue">${e(said)}</p>` : '';
  if (s.kind === 'press') {
    const p = input.catalog.points.get(s.point)!;
    const side = s.sides === 'left' || s.sides === 'right' ? s.sides : undefined;
    const find = s.find ?? p.find;
    const text = [
      `<h2>${i + 1}. Press ${pointName(p)}</h2>`,
      when,
      `<p>${e(pressTiming(phases))}</p>`,
      `<p><span class="label">Where:</span> ${e(p.location)}</p>`,
      find ? `<p><span class="label">Find it:</span> ${e(find)}</p>` : '',
      cue,
      safetyList(findings, p),
    ].join('');
    const figure = pointFigure(input, p, side);
    return `<li class="step${figure ? '' : ' text-only'}" data-step="${i + 1}" data-step-point="${e(p.id)}">${figure}<div>${text}</div></li>`;
  }
  if (s.kind === 'massage') {
    const view = input.figures && s.regions.length ? input.areaView(s.regions, s.area) : undefined;
    const caption = view ? `Area: ${s.area} · ${view.title}` : '';
    // The regions' areas on this view; off the midline of a symmetric view, on both sides.
    const areas = (view?.areas ?? []).filter((a) => s.regions.includes(a.region))
      .flatMap((a) => (view?.mirror && Math.abs(a.x - 0.5) > 0.01 ? [a, { ...a, x: 1 - a.x }] : [a]));
    const figure = view ? `<figure>${figureSvg(view, { flip: false, marks: [], caption }, caption, areas)}<figcaption>${e(caption)}</figcaption></figure>` : '';
    const text = `<h2>${i + 1}. Massage ${e(s.area)}</h2>${when}${s.cue && cueNamesMotion(s.motion, s.cue) ? '' : `<p>${e(s.motion)}</p>`}${cue}${safetyList(findings)}`;
    return `<li class="step${figure ? '' : ' text-only'}" data-step="${i + 1}">${figure}<div>${text}</div></li>`;
  }
  return `<li class="step text-only" data-step="${i + 1}"><div><h2>${i + 1}. Rest</h2>${when}${cue}</div></li>`;
}

function pointSection(input: SheetInput, p: Point, findings: Finding[], advice?: readonly ConditionAdvice[], cap?: PressureCap): string {
  const { catalog } = input;
  const rows: Array<[string, string]> = [];
  const { prev, next } = neighbours(catalog, p);
  const nav = [prev ? `← ${prev.id} ${prev.pinyin}` : '', next ? `${next.id} ${next.pinyin} →` : ''].filter(Boolean).join('   ');
  rows.push(['Channel', `${MERIDIAN_NAMES[p.meridian] ?? p.meridian} (${p.meridian})${nav ? ` · ${nav}` : ''}`]);
  rows.push(['Region', `${p.region}, ${p.laterality === 'bilateral' ? 'both sides of the body' : 'on the midline'}`]);
  rows.push(['Location', p.location]);
  if (p.find) rows.push(['Find it', p.find]);
  const press = pressLine(p, cap);
  if (press) rows.push(['Press', press]);
  if (p.indications.length) rows.push(['Used for', `traditionally: ${p.indications.join(', ')}`]);
  const names = [...legacyCodes(p.id), ...p.aliases];
  if (names.length) rows.push(['Also', names.join(', ')]);
  for (const a of advice ?? []) rows.push([`Advice with ${a.condition}`, a.text]);
  const using = routinesUsing(catalog, p.id);
  if (using.length) rows.push(['Routines', using.join(', ')]);
  const safety = safetyList(findings, p);
  const dl = `<dl>${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}${safety ? `<dt>Safety</dt><dd>${safety}</dd>` : ''}${p.sources.length ? `<dt>Sources</dt><dd class="sources">${e(p.sources.join('; '))}</dd>` : ''}</dl>`;
  const figure = pointFigure(input, p);
  return `<article class="item point" data-point-card="${e(p.id)}"><h1>${pointName(p)}</h1><div class="card${figure ? '' : ' text-only'}"><div>${dl}</div>${figure}</div></article>`;
}

function conditionSection(catalog: Catalog, x: Condition): string {
  const out: string[] = [`<article class="item condition" data-condition="${e(x.id)}">`, `<h1>${e(x.title)}</h1>`, `<p class="summary">${e(x.description)}</p>`, `<p><span class="label">Advice:</span> ${e(x.advice)}</p>`];
  for (const level of ['avoid', 'caution'] as const) {
    const rules = x.rules.filter((r) => r.level === level);
    if (!rules.length) continue;
    out.push(`<h3 class="${level}">${level === 'avoid' ? 'Avoid' : 'Caution'}</h3><ul>`);
    for (const r of rules) {
      const what = r.points
        ? r.points.map((id) => { const p = catalog.points.get(id); return p ? `${id} ${p.pinyin}` : id; }).join(', ')
        : r.regions ? `the ${r.regions.join(', ')} ${plural(r.regions.length, 'region')}` : r.techniques ? techniquesWords(r.techniques) : 'in general';
      const cited = r.cited_by?.length ? ` Cited by: ${r.cited_by.join(', ')}.` : '';
      out.push(`<li><span class="label">${e(what)}:</span> ${e(r.reason)}${e(cited)} <span class="sources">[${e(r.source)}]</span></li>`);
    }
    out.push('</ul>');
  }
  if (x.recommended.length) {
    out.push('<h3>Commonly used</h3><ul>');
    for (const r of x.recommended) out.push(`<li><span class="label">${e(r.points.join(', '))}:</span> ${e(r.reason)} <span class="sources">[${e(r.source)}]</span></li>`);
    out.push('</ul>');
  }
  out.push('</article>');
  return out.join('\n');
}
