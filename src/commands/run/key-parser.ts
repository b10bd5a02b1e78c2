// Terminal input read as whole keys, never guessed byte by byte: an arrow key arrives as
// ESC [ A, and reading its ESC as "quit" and its letters as commands ends or skips a run by
// accident. Sequences follow ECMA-48 (CSI: ESC [ parameters intermediates final; SS3: ESC O
// and one character) plus the xterm extras terminals really send (X10 and SGR mouse reports,
// bracketed paste, focus reports).

/**
 * One key: a single printable character (letters lower-cased), or a name for anything else:
 * `escape`, `enter`, `tab`, `backspace`, `ctrl-<letter>`, `up`, `down`, `left`, `right`, `home`,
 * `end`, `insert`, `delete`, `pageup`, `pagedown`, `f1`…`f20`, `mouse`, `focus`, `paste`, `alt`
 * (Alt with any key), `unknown` (a sequence we do not name).
 */
export type Key = string;

/** How long a lone ESC waits for the rest of a sequence before it counts as the Esc key (ms). */
export const ESC_TIMEOUT_MS = 100;

/**
 * How long a paste may go quiet before it counts as over although its end marker never came
 * (ms): longer than the Esc wait, since a paste over a slow link arrives in bursts.
 */
export const PASTE_TIMEOUT_MS = 1_000;

const ESC = '\x1b';
const PASTE_END = `${ESC}[201~`;
const FINAL_NAMES: Record<string, Key> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', E: 'begin', Z: 'shift-tab', P: 'f1', Q: 'f2', R: 'f3', S: 'f4' };
const LINUX_F: Record<string, Key> = { A: 'f1', B: 'f2', C: 'f3', D: 'f4', E: 'f5' };
const TILDE_NAMES: Record<number, Key> = {
  1: 'home', 2: 'insert', 3: 'delete', 4: 'end', 5: 'pageup', 6: 'pagedown', 7: 'home', 8: 'end',
  11: 'f1', 12: 'f2', 13: 'f3', 14: 'f4', 15: 'f5', 17: 'f6', 18: 'f7', 19: 'f8', 20: 'f9', 21: 'f10', 23: 'f11', 24: 'f12',
  25: 'f13', 26: 'f14', 28: 'f15', 29: 'f16', 31: 'f17', 32: 'f18', 33: 'f19', 34: 'f20',
};

/** What one escape sequence at the start of a buffer is: a key and its length, or "need more". */
type Scan = { key: Key; length: number } | 'incomplete';

/**
 * An incremental parser: feed it text as it arrives; it returns complete keys and holds back
 * an unfinished escape sequence until more text comes or `flush` is called (after
 * ESC_TIMEOUT_MS without input). Pure apart from its buffer; no timers of its own.
 */
export class KeyParser {
  private buf = '';
  private pasting = false;

  /** Add input; returns the keys it completes. */
  feed(text: string): Key[] {
    this.buf += text;
    return this.drain(false);
  }

  /** Is an escape sequence or a paste waiting for more input (so the caller should arm the Esc timeout)? */
  get waiting(): boolean {
    return this.buf.length > 0 || this.pasting;
  }

  /** How long to wait for more input before calling `flush` (ms), while `waiting`. */
  get waitMs(): number {
    return this.pasting ? PASTE_TIMEOUT_MS : ESC_TIMEOUT_MS;
  }

  /**
   * The wait passed: a lone ESC is the Esc key; an unfinished sequence is dropped; a paste
   * whose end marker never came is over (else every later key, Ctrl-C too, would be swallowed).
   */
  flush(): Key[] {
    const keys = this.drain(true);
    this.pasting = false;
    return keys;
  }

  private drain(final: boolean): Key[] {
    const keys: Key[] = [];
    while (this.buf.length > 0) {
      if (this.pasting) {
        // Pasted text is never read as keys: skip to the end marker (or keep a possible start of it).
        // Ctrl-C and Ctrl-Z are the exception: whatever the terminal sent before them, a person
        // must always be able to stop or suspend, so they end the paste and count.
        const stop = this.buf.search(/[\x03\x1a]/);
        const end = this.buf.indexOf(PASTE_END);
        if (stop >= 0 && (end < 0 || stop < end)) {
          keys.push(plainKey(this.buf[stop]!));
          this.buf = this.buf.slice(stop + 1);
          this.pasting = false;
          continue;
        }
        if (end < 0) {
          const keep = partialSuffix(this.buf, PASTE_END);
          this.buf = final ? '' : this.buf.slice(this.buf.length - keep);
          break;
        }
        this.buf = this.buf.slice(end + PASTE_END.length);
        this.pasting = false;
        keys.push('paste');
        continue;
      }
      const cp = this.buf.codePointAt(0)!;
      const ch = String.fromCodePoint(cp);
      if (ch !== ESC) {
        this.buf = this.buf.slice(ch.length);
        keys.push(plainKey(ch));
        continue;
      }
      const scan = scanEscape(this.buf);
      if (scan === 'incomplete') {
        if (!final) break;
        // Nothing more came: a lone ESC is Esc (and Esc pressed twice, arriving together, is Esc
        // twice); the start of a sequence that never finished is dropped whole rather than read
        // as characters.
        if (/^\x1b+$/.test(this.buf)) for (let i = 0; i < this.buf.length; i++) keys.push('escape');
        else keys.push('unknown');
        this.buf = '';
        break;
      }
      this.buf = this.buf.slice(scan.length);
      if (scan.key === 'paste-start') this.pasting = true;
      else if (scan.key !== 'paste-end') keys.push(scan.key);
    }
    return keys;
  }
}

/** A key that is not an escape sequence. */
function plainKey(ch: string): Key {
  if (ch === '\r' || ch === '\n') return 'enter';
  if (ch === '\t') return 'tab';
  if (ch === '\x7f' || ch === '\b') return 'backspace';
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20) return `ctrl-${String.fromCharCode(cp + 0x60)}`;
  if (cp >= 0x80 && cp < 0xa0) return 'unknown'; // C1 controls
  return ch.toLowerCase();
}

/** Scan the escape sequence at the start of `s` (which starts with ESC). */
function scanEscape(s: string): Scan {
  if (s.length < 2) return 'incomplete';
  const second = s[1]!;
  if (second === '[') return scanCsi(s, 2);
  if (second === 'O') {
    if (s.length < 3) return 'incomplete';
    if (s[2] === ESC) return { key: 'alt', length: 2 };
    return { key: FINAL_NAMES[s[2]!] ?? 'unknown', length: 3 };
  }
  if (second === ESC) {
    // ESC ESC [ … is Alt with a special key on some terminals; otherwise the first ESC stood alone.
    if (s.length < 3) return 'incomplete';
    if (s[2] === '[' || s[2] === 'O') {
      const inner = scanEscape(s.slice(1));
      return inner === 'incomplete' ? inner : { key: 'alt', length: inner.length + 1 };
    }
    return { key: 'escape', length: 1 };
  }
  // ESC and one character: Alt with that key (a whole character, surrogate pairs included).
  const next = String.fromCodePoint(s.codePointAt(1)!);
  return { key: 'alt', length: 1 + next.length };
}

/** A CSI sequence from `start` (just after ESC [). */
function scanCsi(s: string, start: number): Scan {
  // X10 mouse: ESC [ M and three raw bytes (button, column, row), which may be any characters.
  if (s[start] === 'M') {
    if (s.length < start + 4) return 'incomplete';
    return { key: 'mouse', length: start + 4 };
  }
  // The Linux console's F1-F5: ESC [ [ A to E.
  if (s[start] === '[') {
    if (s.length < start + 2) return 'incomplete';
    return { key: LINUX_F[s[start + 1]!] ?? 'unknown', length: start + 2 };
  }
  let i = start;
  while (i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x3f) i++; // parameters
  while (i < s.length && s.charCodeAt(i) >= 0x20 && s.charCodeAt(i) <= 0x2f) i++; // intermediates
  if (i >= s.length) return 'incomplete';
  const code = s.charCodeAt(i);
  if (code < 0x40 || code > 0x7e) {
    // Not a valid sequence: drop what was read up to the stray character, which is read afresh.
    return { key: 'unknown', length: i };
  }
  const params = s.slice(start, i);
  const final = s[i]!;
  return { key: csiName(params, final), length: i + 1 };
}

function csiName(params: string, final: string): Key {
  if (params.startsWith('<') && (final === 'M' || final === 'm')) return 'mouse'; // SGR mouse
  if (final === 'I' || final === 'O') return params === '' ? 'focus' : 'unknown';
  if (final === '~') {
    const n = Number(params.split(';')[0]);
    if (n === 200) return 'paste-start';
    if (n === 201) return 'paste-end';
    return TILDE_NAMES[n] ?? 'unknown';
  }
  if (/^[\d;]*$/.test(params)) return FINAL_NAMES[final] ?? 'unknown'; // modifiers (1;5C) keep the name
  return 'unknown';
}

/** How many characters at the end of `s` could begin `marker`. */
function partialSuffix(s: string, marker: string): number {
  for (let n = Math.min(s.length, marker.length - 1); n > 0; n--) if (s.endsWith(marker.slice(0, n))) return n;
  return 0;
}
