// Fitting text to a width the way terminals measure it (see width.ts): padding, cutting with an
// ellipsis, word wrapping (between words, and between ideographs for Chinese and Japanese), and
// tables. Colour codes inside the text are kept whole and never counted.
import { clusters, PRINTABLE_ASCII, width, width as width_, type Cluster } from './width.js';

export { width } from './width.js';

const SGR = /\x1b\[([0-9;]*)m/g;

/** Pad on the right to a visible width. */
export function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

/**
 * Cut `s` to at most `w` columns, ending in `ellipsis` when anything was cut. Never cuts inside a
 * character or an escape sequence; escape sequences after the cut are kept, so colours still close.
 */
export function truncate(s: string, w: number, ellipsis = '…'): string {
  if (width(s) <= w) return s;
  const room = w - width(ellipsis);
  if (room < 0) return ellipsis.slice(0, Math.max(0, w));
  let out = '';
  let used = 0;
  let cut = false;
  for (const c of clusters(s)) {
    if (c.escape) out += c.text;
    else if (!cut && used + c.width <= room) (out += c.text), (used += c.width);
    else if (!cut) (cut = true), (out += ellipsis);
  }
  return out;
}

/** Chinese, Japanese and Korean ideographs and kana: a line may break before or after each. */
function isIdeographic(c: Cluster): boolean {
  if (c.width !== 2) return false;
  const cp = c.text.codePointAt(0)!;
  return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x20000 && cp <= 0x3fffd);
}
// Kinsoku: closing punctuation never starts a line, opening punctuation never ends one.
const NO_START = new Set([...'、。，．,.!?！？：；:;）」』】〉》〕］｝)]}ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・…‥']);
const NO_END = new Set([...'（「『【〈《〔［｛([{']);

/** A piece of a line that is never broken, and the spaces before it (kept within a line, dropped at a break). */
interface Atom { text: string; width: number; space: string; parts?: Cluster[] }

/** The unbreakable pieces of one paragraph: its words, split further between ideographs. */
function atoms(para: string): Atom[] {
  const out: Atom[] = [];
  const pieces = para.trim().split(/([ \t\r\f\v]+)/);
  for (let i = 0; i < pieces.length; i += 2) {
    const word = pieces[i]!;
    const space = i === 0 ? '' : pieces[i - 1]!.replace(/[^ ]/g, ' ');
    if (!word) continue;
    if (PRINTABLE_ASCII.test(word)) {
      out.push({ text: word, width: word.length, space });
      continue;
    }
    let cur: Atom = { text: '', width: 0, space, parts: [] };
    let prev: Cluster | undefined; // the last visible cluster
    for (const c of clusters(word)) {
      if (!c.escape && prev && cur.width > 0) {
        const breakable = (isIdeographic(prev) || isIdeographic(c)) && !NO_START.has(c.text) && !NO_END.has(prev.text);
        if (breakable) {
          out.push(cur);
          cur = { text: '', width: 0, space: '', parts: [] };
        }
      }
      cur.text += c.text;
      cur.width += c.width;
      cur.parts!.push(c);
      if (!c.escape) prev = c;
    }
    if (cur.text) out.push(cur);
  }
  return out;
}

/** Tabs, carriage returns, form feeds and vertical tabs. */
const CONTROL_SPACES = /[\t\r\f\v]/g;
/**
 * `text` with its tabs and other spacing controls as spaces. Most text has none, and looking
 * costs less than compiling the regular expression that replaces them (model/point-number.ts).
 */
const spaced = (text: string) => (text.includes('\t') || text.includes('\r') || text.includes('\f') || text.includes('\v') ? text.replace(CONTROL_SPACES, ' ') : text);

/**
 * Word-wrap text to `w` columns of text per line; continuation lines are indented by `indent` on
 * top (callers pass `w` net of it). Spaces between words stay as written within a line and go
 * at a break; a paragraph's leading and trailing spaces go; `\n` starts a paragraph.
 * Lines break between words and between ideographs; a word longer than a line is split between
 * characters, so every line fits (the live view and a card beside a figure count on it), or with
 * `long: 'whole'` put on a line of its own and left whole, for text that scrolls past (messages,
 * sources, notes), where a URL or a path cut in two could not be copied or clicked.
 * Colours open at a break are closed at the line's end and reopened after the indent.
 * `w` of Infinity (output that is not a terminal) keeps each paragraph on one line. `first`, when
 * given, is the first line's width instead of `w` (a hanging label wider than the indent).
 */
export function wrap(text: string, w: number, indent = '', first = w, long: 'split' | 'whole' = 'split'): string {
  const rest = Math.max(1, Math.floor(w));
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let max = lines.length === 0 ? Math.max(1, Math.floor(first)) : rest;
    if (max === Infinity || (PRINTABLE_ASCII.test(para) && para.length <= max)) {
      lines.push(spaced(para.trim()));
      continue;
    }
    let line = '';
    let used = 0;
    for (const a of atoms(para)) {
      if (a.width === 0) {
        line += a.text; // only escape sequences: they ride along with the next word
        continue;
      }
      const sep = used > 0 ? a.space.length : 0;
      if (used + sep + a.width <= max) {
        line += (sep ? a.space : '') + a.text;
        used += sep + a.width;
      } else if (a.width <= rest) {
        lines.push(line);
        max = rest;
        line = a.text;
        used = a.width;
      } else if (long === 'whole') {
        // Longer than a line, and to be kept whole: a line of its own (the terminal folds it),
        // full, so the next word starts the next line.
        if (used > 0) lines.push(line);
        (line = a.text), (used = Infinity), (max = rest);
      } else {
        // Longer than a line: start it on a line of its own, and cut it between characters.
        if (used > 0) lines.push(line), (line = ''), (used = 0), (max = rest);
        for (const c of a.parts ?? clusters(a.text)) {
          if (used + c.width > max && used > 0) lines.push(line), (line = ''), (used = 0), (max = rest);
          line += c.text;
          used += c.width;
        }
      }
    }
    lines.push(line);
  }
  const styled = text.includes('\x1b') ? carryStyles(lines) : lines;
  return styled.map((l, i) => (i === 0 || l === '' ? l : indent + l)).join('\n');
}

/** A paragraph fitting `width` in all: its first line at the margin, the rest indented by `indent` (`long` as for wrap). */
export function hang(text: string, width: number, indent = '  ', long: 'split' | 'whole' = 'split'): string {
  return wrap(text, width - width_(indent), indent, width, long);
}

/** Which SGR codes a closing code ends: bold/dim, italic, underline, inverse, hidden, strike, colours. */
function closes(code: number, open: number): boolean {
  if (code === 22) return open === 1 || open === 2;
  if (code === 39) return (open >= 30 && open <= 38) || (open >= 90 && open <= 97);
  if (code === 49) return (open >= 40 && open <= 48) || (open >= 100 && open <= 107);
  return code >= 23 && code <= 29 && open === code - 20;
}

const CLOSERS = new Set([22, 23, 24, 25, 27, 28, 29, 39, 49]);

/** Close the colours still open at each line's end, and reopen them at the start of the next. */
function carryStyles(lines: string[]): string[] {
  let active: string[] = []; // the SGR sequences in force, as written
  return lines.map((line) => {
    const reopen = active.join('');
    for (const m of line.matchAll(SGR)) {
      const codes = m[1] === '' ? [0] : m[1]!.split(';').map(Number);
      if (codes.includes(0)) active = [];
      else if (codes.every((c) => CLOSERS.has(c))) {
        active = active.filter((seq) => {
          const open = Number(/\x1b\[(\d+)/.exec(seq)?.[1] ?? 0);
          return !codes.some((c) => closes(c, open));
        });
      } else active.push(m[0]);
    }
    return `${reopen}${line}${active.length ? '\x1b[0m' : ''}`;
  });
}

/** How a table gives way in a narrow terminal. */
export interface TableFit {
  /** Columns between cells. */
  gap?: number;
  /** Marks a cut cell. */
  ellipsis?: string;
  /** Columns cut only when cutting every other one was not enough (ids a person types). */
  keep?: number[];
  /**
   * Columns left out whole, in this order, while the table does not fit with its last column at
   * least 10 wide (or whole, if narrower): a figure cut to "0:1…" misleads, a missing column does not.
   */
  drop?: number[];
  /**
   * Per row, a mark set after the last cell and never cut (a safety mark such as "⚠ avoid"): when
   * the row is too wide, the cell is cut before the mark instead, so the cue always shows.
   */
  marks?: ReadonlyArray<string | undefined>;
}

/** Which columns to show: all, less those of `drop` (in order) until the rest fit `totalWidth`. */
function shownColumns(natural: number[], totalWidth: number, gap: number, drop: number[]): number[] {
  let shown = natural.map((_, i) => i);
  const fits = () => {
    const last = shown[shown.length - 1]!;
    const fixed = shown.slice(0, -1).reduce((s, i) => s + natural[i]! + gap, 0);
    return fixed + Math.min(natural[last]!, 10) <= totalWidth;
  };
  for (const d of drop) {
    if (shown.length <= 1 || fits()) break;
    shown = shown.filter((i) => i !== d);
  }
  return shown;
}

/**
 * Align rows into columns that fit `totalWidth`: first the `drop` columns go, whole, while the
 * rest do not fit; then the last column takes what is left and is cut to fit; when even that
 * leaves it under 10 columns, the widest other columns give way (down to 4 columns each; `keep`
 * columns last), their cells cut with `ellipsis`. A row's mark (`marks`) follows its last cell and
 * is never cut. Infinity (not a terminal) cuts nothing.
 */
export function table(rows: string[][], totalWidth = Infinity, fit: TableFit = {}): string[] {
  const { gap = 2, ellipsis = '…', keep = [], drop = [], marks = [] } = fit;
  if (rows.length === 0) return [];
  const cols = Math.max(...rows.map((r) => r.length));
  const marked = (r: number) => (marks[r] ? ` ${marks[r]}` : '');
  const natural = Array.from({ length: cols }, (_, i) => Math.max(...rows.map((r, n) => width(r[i] ?? '') + (i === cols - 1 ? width(marked(n)) : 0))));
  if (totalWidth !== Infinity && drop.length) {
    const shown = shownColumns(natural, totalWidth, gap, drop);
    if (shown.length < cols) {
      const kept = keep.map((k) => shown.indexOf(k)).filter((k) => k >= 0);
      // A dropped last column takes its marks with it: they go on the new last cell instead.
      return table(rows.map((r) => shown.map((i) => r[i] ?? '')), totalWidth, { gap, ellipsis, keep: kept, marks });
    }
  }
  const widths = [...natural];
  const fixed = () => widths.slice(0, -1).reduce((s, w) => s + w + gap, 0);
  // The last column needs room for its widest mark and a character of text before it, as well as its 10.
  const markNeed = Math.max(0, ...rows.map((_, n) => (marks[n] ? width(marked(n)) + 1 + width(ellipsis) : 0)));
  const lastNeed = Math.min(natural[cols - 1]!, Math.max(10, markNeed));
  // Other columns give way until the last has its 10; `keep` columns only until it has one.
  for (const kept of [false, true]) {
    while (totalWidth - fixed() < (kept ? 1 : lastNeed)) {
      let widest = -1;
      for (let i = 0; i < cols - 1; i++) {
        if (widths[i]! > 4 && (kept || !keep.includes(i)) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
      }
      if (widest < 0) break;
      widths[widest]!--;
    }
  }
  const last = Math.max(1, totalWidth - fixed());
  return rows.map((r, n) =>
    r.map((cell, i) => {
      // The mark is never cut, even when that leaves the line a little wider than the terminal.
      if (i === cols - 1) return marks[n] ? `${truncate(cell, Math.max(1, last - width(marked(n))), ellipsis)}${marked(n)}` : truncate(cell, last, ellipsis);
      return padEnd(widths[i]! < natural[i]! ? truncate(cell, widths[i]!, ellipsis) : cell, widths[i]!);
    }).join(' '.repeat(gap)).trimEnd(),
  );
}

/**
 * The terminal rows the complete lines of `text` take at `columns` (Infinity: one a line): a line
 * wider than the terminal, such as one holding a URL kept whole, folds onto more than one.
 */
export function rowsOf(text: string, columns: number): number {
  const lines = text.split('\n');
  lines.pop(); // the unfinished line after the last newline is not on screen as a row yet
  if (!Number.isFinite(columns) || columns < 1) return lines.length;
  return lines.reduce((n, l) => n + Math.max(1, Math.ceil(width_(l) / columns)), 0);
}
