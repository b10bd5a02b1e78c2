// Width-aware text helpers: wrapping and alignment that ignore ANSI colour codes.

const ANSI = /\x1b\[[0-9;]*m/g;
const PLAIN = /^[\x20-\x7e]*$/;

/** Visible width of a string: ANSI codes count for nothing, CJK characters for two. */
export function width(s: string): number {
  // Most text is printable ASCII: one column per character, no need to walk it.
  if (PLAIN.test(s)) return s.length;
  let w = 0;
  for (const ch of s.replace(ANSI, '')) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x300 && cp <= 0x36f) continue; // combining marks
    w += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x20000 && cp <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

/** Pad on the right to a visible width. */
export function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

/** Cut to a visible width with an ellipsis (plain text only). */
export function truncate(s: string, w: number): string {
  if (width(s) <= w) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    used += width(ch);
    if (used > w - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Word-wrap plain text to `w` columns of text per line; continuation lines are indented by `indent` on top. */
export function wrap(text: string, w: number, indent = ''): string {
  const max = Math.max(20, w);
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let used = 0; // width(line), kept as we go: widths add up across the space between words
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const w = width(word);
      if (line && used + 1 + w > max) {
        lines.push(line);
        line = word;
        used = w;
      } else {
        used = line ? used + 1 + w : w;
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}

/** Align rows into columns; the last column takes what width is left and is truncated to fit. */
export function table(rows: string[][], totalWidth = 80, gap = 2): string[] {
  if (rows.length === 0) return [];
  const cols = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  const fixed = widths.slice(0, -1).reduce((s, w) => s + w + gap, 0);
  const last = Math.max(10, totalWidth - fixed);
  return rows.map((r) =>
    r.map((cell, i) => (i === cols - 1 ? truncatePlain(cell, last) : padEnd(cell, widths[i]!))).join(' '.repeat(gap)).trimEnd(),
  );
}

function truncatePlain(s: string, w: number): string {
  return ANSI.test(s) ? s : truncate(s, w);
}
