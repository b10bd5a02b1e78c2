// The atlas page of one body view (docs/atlas/<view>.svg, npm run docs): the view's outlines with
// every point placed on it, marked and labelled, so anyone can check the placements by eye.
import type { Figure, FigureView } from '../model/types.js';

/** A point to mark on the atlas: its code, laterality and placement. */
export interface AtlasPoint {
  id: string;
  laterality: 'bilateral' | 'midline';
  figure: Figure;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r2 = (v: number) => Math.round(v * 100) / 100;

type Box = { x0: number; y0: number; x1: number; y1: number };
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * A standalone SVG (about 800 px on its long side) of `view` with `points` marked: a filled dot
 * and the code for each main mark, hollow dots for a group's further marks, and on mirrored views
 * a faint dot where a bilateral point falls on the person's right. Labels are placed greedily
 * beside their dot, away from dots and labels already placed. Output is deterministic.
 */
export function atlasSvg(view: FigureView, points: AtlasPoint[]): string {
  const { width: W, height: H } = view.box;
  const font = Math.max(W, H) / 85;
  const dot = font * 0.28;
  const pad = font * 4;
  const scale = 800 / Math.max(W + 2 * pad, H + 2 * pad);
  const sorted = [...points].sort((a, b) => a.figure.y - b.figure.y || a.figure.x - b.figure.x || a.id.localeCompare(b.id));
  const around = (x: number, y: number): Box => ({ x0: x - dot, y0: y - dot, x1: x + dot, y1: y + dot });
  // Every dot is an obstacle for labels: main marks and the further marks of groups.
  const taken: Box[] = sorted.flatMap((p) => [p.figure, ...(p.figure.also ?? [])].map((m) => around(m.x * W, m.y * H)));
  const marks: string[] = [];
  const labels: string[] = [];
  for (const p of sorted) {
    const x = p.figure.x * W, y = p.figure.y * H;
    const code = esc(p.id);
    if (view.mirror && p.laterality === 'bilateral') {
      marks.push(`<circle class="mirror" cx="${r2(W - x)}" cy="${r2(y)}" r="${r2(dot)}"/>`);
    }
    for (const m of p.figure.also ?? []) {
      marks.push(`<circle class="also" data-point="${code}" cx="${r2(m.x * W)}" cy="${r2(m.y * H)}" r="${r2(dot)}"/>`);
    }
    marks.push(`<circle class="mark" data-point="${code}" cx="${r2(x)}" cy="${r2(y)}" r="${r2(dot)}"/>`);
    const w = font * 0.6 * p.id.length, h = font;
    const g = dot + font * 0.25;
    // Labels go outward on symmetric views (away from the midline), else to the right first.
    const right: Array<[number, number]> = [[g, 0], [g, -h * 0.9], [g, h * 0.9], [g * 3, 0], [g * 2, -h * 1.8], [g * 2, h * 1.8]];
    const left = right.map(([dx, dy]): [number, number] => [-dx - w, dy]);
    const outwardLeft = view.mirror && p.figure.x < 0.5;
    const tries: Array<[number, number]> = [...(outwardLeft ? left : right), [-w / 2, -h - g * 0.5], [-w / 2, h + g * 0.5], ...(outwardLeft ? right : left)];
    const boxAt = ([dx, dy]: [number, number]): Box => ({ x0: x + dx, y0: y + dy - h / 2, x1: x + dx + w, y1: y + dy + h / 2 });
    const pick = tries.find((t) => { const b = boxAt(t); return b.x0 >= -pad && b.x1 <= W + pad && !taken.some((o) => overlaps(o, b)); }) ?? tries[0]!;
    const b = boxAt(pick);
    taken.push(b);
    const far = Math.abs(pick[0]) > g * 2 || Math.abs(pick[1]) > h;
    if (far) labels.push(`<line class="lead" x1="${r2(x)}" y1="${r2(y)}" x2="${r2(pick[0] < 0 ? b.x1 : b.x0)}" y2="${r2(y + pick[1])}"/>`);
    labels.push(`<text x="${r2(b.x0)}" y="${r2(y + pick[1] + h * 0.35)}">${code}</text>`);
  }
  const vb = `${r2(-pad)} ${r2(-pad)} ${r2(W + 2 * pad)} ${r2(H + 2 * pad)}`;
  const side = view.mirror ? `both sides; marks on the person's left, faint dots their mirror (person's left on the ${view.person_left === 'viewer-left' ? 'viewer\'s left' : 'viewer\'s right'})` : `the person's ${view.side} side`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round((W + 2 * pad) * scale)}" height="${Math.round((H + 2 * pad) * scale)}" viewBox="${vb}" data-view="${esc(view.id)}">`,
    `<title>${esc(view.title)}: ${points.length} points</title>`,
    `<style>.o{fill:none;stroke:#222;stroke-width:${r2(font * 0.13)};stroke-linejoin:round;stroke-linecap:round}.d{fill:none;stroke:#888;stroke-width:${r2(font * 0.08)};stroke-linecap:round}.mark{fill:#d22}.also{fill:#fff;stroke:#d22;stroke-width:${r2(font * 0.08)}}.mirror{fill:#f3b0b0}.lead{stroke:#d22;stroke-width:${r2(font * 0.05)}}text{font:${r2(font)}px sans-serif;fill:#222;paint-order:stroke;stroke:#fff;stroke-width:${r2(font * 0.25)}px;stroke-linejoin:round}.area{fill:#e4eefc;stroke:#9bb8e6;stroke-width:${r2(font * 0.05)};stroke-dasharray:${r2(font * 0.3)}}.region{font-style:italic;fill:#5078b4;font-size:${r2(font * 0.85)}px}.t{font-size:${r2(font * 1.1)}px;font-weight:bold}.n{font-size:${r2(font * 0.8)}px;fill:#555}</style>`,
    `<rect x="${r2(-pad)}" y="${r2(-pad)}" width="${r2(W + 2 * pad)}" height="${r2(H + 2 * pad)}" fill="#fff"/>`,
    `<text class="t" x="${r2(-pad + font * 0.5)}" y="${r2(-pad + font * 1.3)}">${esc(view.title)} (${esc(view.id)})</text>`,
    `<text class="n" x="${r2(-pad + font * 0.5)}" y="${r2(-pad + font * 2.4)}">${esc(side)}</text>`,
    // Massage areas first, faint, under everything else; on mirrored views with their mirror.
    ...view.areas.flatMap((a) => [a, ...(view.mirror && a.x !== 0.5 ? [{ ...a, x: 1 - a.x }] : [])].map((m) => `<ellipse class="area" data-region="${esc(a.region)}" cx="${r2(m.x * W)}" cy="${r2(m.y * H)}" rx="${r2(m.rx * W)}" ry="${r2(m.ry * H)}"/>`)),
    ...view.areas.map((a) => `<text class="region" x="${r2(a.x * W)}" y="${r2((a.y - a.ry) * H + font * 0.9)}" text-anchor="middle">${esc(a.region)}</text>`),
    ...view.details.map((d) => `<path class="d" d="${esc(d)}"/>`),
    ...view.outlines.map((d) => `<path class="o" d="${esc(d)}"/>`),
    ...marks,
    ...labels,
    '</svg>',
    '',
  ].join('\n');
}
