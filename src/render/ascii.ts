// Output for a terminal whose locale is not UTF-8: tone marks and accents come off Latin letters
// (Hégǔ → Hegu, the same width), and common symbols from data or libraries become ASCII. Our
// own renderers already draw with ASCII glyphs there (terminal.ts); this catches the rest.
import type { Io, Out } from '../model/io.js';
import { filteredOut } from './filtered-out.js';

const ASCII = /^[\x00-\x7f]*$/;
const MARKS_ON_LATIN = /(?<=[A-Za-z])[\u0300-\u036f]+/g;
const NON_ASCII = /[^\x00-\x7f]/gu;

const MAP: Record<string, string> = {
  '·': '-', '•': '*', '…': '...', '—': '-', '–': '-', '‐': '-', '‑': '-', '‘': "'", '’': "'", '“': '"', '”': '"',
  '×': 'x', '÷': '/', '−': '-', '°': ' deg', '±': '+/-', '≤': '<=', '≥': '>=', ' ': ' ',
  '✔': '+', '✓': '+', '✖': 'x', '✗': 'x', '⚠': '!', '❯': '>', '›': '>', '‹': '<', '»': '>>', '«': '<<',
  '◉': '*', '◯': 'o', '●': '*', '○': 'o', '◆': '*', '◇': 'o', '■': '#', '□': '-',
  '─': '-', '━': '-', '│': '|', '┃': '|', '█': '#', '░': '-', '▒': '-', '▓': '#',
  '←': '<-', '→': '->', '↑': '^', '↓': 'v', '⏸': '=', '⏎': 'enter', 'ℹ': 'i', '✘': 'x', '\ufe0f': '', '\u200b': '', '\u200d': '',
};

/** Text an ASCII terminal can show: Latin letters without marks, common symbols in ASCII; anything else as it is. */
export function toAscii(text: string): string {
  if (ASCII.test(text)) return text;
  // The prompts' key hints ("↑↓ navigate") read better as words than as arrows.
  const bare = text.normalize('NFD').replace(MARKS_ON_LATIN, '').normalize('NFC').replace(/\u2191\u2193/g, 'up/down');
  return bare.replace(NON_ASCII, (ch) => {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x2800 && cp <= 0x28ff) return '|'; // braille spinner frames
    return MAP[ch] ?? ch;
  });
}

/** A sink that writes `toAscii` of everything; `raw` is the sink beneath, for libraries that need the real stream. */
export function asciiOut(out: Out): Out {
  return filteredOut(out, toAscii);
}

/**
 * The io a command writes through in an ASCII terminal: stderr always folded, stdout unless it
 * carries JSON or YAML (data keeps its characters). Everything else, stdin's lazy getter
 * included, is the original's.
 */
export function asciiIo(io: Io, keepStdout: boolean): Io {
  return Object.create(io, {
    stdout: { value: keepStdout ? io.stdout : asciiOut(io.stdout), enumerable: true },
    stderr: { value: asciiOut(io.stderr), enumerable: true },
  }) as Io;
}
