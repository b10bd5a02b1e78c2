// index.json's lines of text (snapshot.ts), checked where they are read. A line is checked when
// a lookup first reads it, and the whole text when a lookup misses or something reads every
// line: a damaged line is never a silent miss (a point or condition that is "not there"). The
// checks are plain code, not regular expressions: a start compiles every regular expression it
// runs afresh, while these come compiled from the code cache; checking all three texts whole at
// every start cost Node 24 about 0.8 million instructions (BENCHMARKS.md, session 13).

/** Whether a line's words (split at its separator, the first word the line's key) are of the form the build writes. */
export type LineShape = (words: readonly string[]) => boolean;

/** Whether every character of `w` is one `ok` accepts, from index `from` on. */
function every(w: string, from: number, ok: (c: number) => boolean): boolean {
  for (let i = from; i < w.length; i++) if (!ok(w.charCodeAt(i))) return false;
  return true;
}
const upper = (c: number) => c >= 65 && c <= 90;
const lower = (c: number) => c >= 97 && c <= 122;
const digit = (c: number) => c >= 48 && c <= 57;
const DASH = 45;

/** A point id: an upper-case letter, then upper-case letters, digits and dashes (LI4, EX-HN3). */
export const isPointId = (w: string): boolean => w.length > 0 && upper(w.charCodeAt(0)) && every(w, 1, (c) => upper(c) || digit(c) || c === DASH);

/** A group of points: two upper-case letters, a dash and a number from 1 (LI-1; it names points-LI-1.json). */
export const isGroupName = (w: string): boolean => w.length > 3 && upper(w.charCodeAt(0)) && upper(w.charCodeAt(1)) && w.charCodeAt(2) === DASH
  && w.charCodeAt(3) !== 48 && every(w, 3, digit);

/** A condition id: lower-case words of letters and digits joined by single dashes (it names conditions-<id>.json). */
export const isConditionId = (w: string): boolean => w.length > 0 && w.charCodeAt(0) !== DASH && w.charCodeAt(w.length - 1) !== DASH
  && !w.includes('--') && every(w, 0, (c) => lower(c) || digit(c) || c === DASH);

const someWords = (words: readonly string[]) => words.length > 1 && words.every((w) => w !== '');

/** `points`: a group's name, then its point ids ("LI-1 LI1 … LI8"). */
export const groupLine: LineShape = (words) => someWords(words) && isGroupName(words[0]!) && words.every((w, i) => i === 0 || isPointId(w));
/** `uses`: a point id, then the ids of the routines pressing it (which the reader checks against the routines). */
export const useLine: LineShape = (words) => someWords(words) && isPointId(words[0]!);
/** `conditions`: a condition id, then its title and any other names. */
export const nameLine: LineShape = (words) => someWords(words) && isConditionId(words[0]!);

/**
 * One of index.json's texts: lines of words separated by `sep`, each line's first word its key.
 * `fail` is called (and must throw) when the text is found damaged.
 */
export class IndexLines {
  #whole = false;
  /** The text after a newline, so that every line, the first too, starts after one. */
  #nl: string;

  constructor(
    readonly text: string,
    private readonly sep: string,
    private readonly shape: LineShape,
    private readonly fail: () => never,
  ) {
    this.#nl = `\n${text}`;
  }

  /**
   * The words after `key` on the line it starts; undefined when no line does, once the whole
   * text is found sound. Fails when the line is not of the text's shape or two lines start with `key`.
   */
  line(key: string): string[] | undefined {
    const { text, sep } = this;
    const head = `\n${key}${sep}`;
    // Where the key's line starts in the text.
    const at = key === '' || key.includes(sep) || key.includes('\n') ? -1 : this.#nl.indexOf(head);
    if (at < 0) {
      this.whole();
      return undefined;
    }
    const end = text.indexOf('\n', at);
    const words = text.slice(at, end < 0 ? undefined : end).split(sep);
    if (!this.shape(words) || this.#nl.indexOf(head, at + 1) >= 0) this.fail();
    return words.slice(1);
  }

  /** Every line's words, after checking the whole text (once): each line of the shape, no key twice. */
  lines(): string[][] {
    const lines = this.text === '' ? [] : this.text.split('\n').map((line) => line.split(this.sep));
    if (!this.#whole) {
      const keys = new Set(lines.map((words) => words[0]));
      if (keys.size !== lines.length || !lines.every(this.shape)) this.fail();
      this.#whole = true;
    }
    return lines;
  }

  /** Check the whole text, once. */
  whole(): void {
    if (!this.#whole) this.lines();
  }
}
