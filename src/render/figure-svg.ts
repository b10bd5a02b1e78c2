// A body view as inline SVG for the printable sheet: the outlines as paths, each marked point as a
// group carrying data-point="<code>" (a dot and its code), so scripts and tests can find it.
import { escapeHtml } from './html.js';
import type { FigureView, Placed } from './figure-place.js';

/** Format a coordinate compactly: at most two decimals, no exponent. */
const num = (n: number) => (Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '0');

/**
 * The SVG element for `view` with the marks of `placed`. The viewBox is the view's box with room
 * left and right for the labels; `label` is the accessible name. Strokes keep their width however
 * far the figure is scaled.
 */
export function figureSvg(view: FigureView, placed: Placed, label: string, areas: Array<{ x: number; y: number; rx: number; ry: number }> = []): string {
  const { width: w, height: h } = view.box;
  const unit = Math.min(w, h);
  const pad = unit * 0.32;
  const r = unit * 0.03;
  const font = unit * 0.08;
  const out: string[] = [];
  out.push(`<svg class="figure" xmlns="http://www.w3.org/2000/svg" viewBox="${num(-pad)} ${num(-font * 0.5)} ${num(w + pad * 2)} ${num(h + font)}" role="img" aria-label="${escapeHtml(label)}">`);
  const flip = placed.flip ? ` transform="matrix(-1 0 0 1 ${num(w)} 0)"` : '';
  out.push(`<g class="outline"${flip}>`);
  for (const d of view.outlines) out.push(`<path d="${escapeHtml(d)}"/>`);
  for (const d of view.details ?? []) out.push(`<path class="detail" d="${escapeHtml(d)}"/>`);
  out.push('</g>');
  // A massage step's area: a shaded ellipse under the outlines' marks.
  for (const a of areas) out.push(`<ellipse class="area" cx="${num(a.x * w)}" cy="${num(a.y * h)}" rx="${num(a.rx * w)}" ry="${num(a.ry * h)}"/>`);
  for (const m of placed.marks) {
    const x = m.x * w;
    const y = m.y * h;
    // Labels point away from the midline, out of the body.
    const right = m.x >= 0.5;
    const tx = right ? x + r * 1.8 : x - r * 1.8;
    const text = m.label ? `<text x="${num(tx)}" y="${num(y)}" font-size="${num(font)}" text-anchor="${right ? 'start' : 'end'}" dominant-baseline="central">${escapeHtml(m.code)}</text>` : '';
    out.push(`<g class="mark" data-point="${escapeHtml(m.code)}"><circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}"/>${text}</g>`);
  }
  out.push('</svg>');
  return out.join('');
}
