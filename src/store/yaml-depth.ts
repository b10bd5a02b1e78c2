// The yaml parser recurses once per level of nesting, so a file like `steps: [[[[…` can
// overflow the stack, and where it overflows depends on the stack, not on the file. Finding
// the too-deep level ourselves, before parsing, gives the same answer on every build and Node.

/** Deeper than any real routine or point file (they need four or five levels). */
export const MAX_DEPTH = 100;

/**
 * The offset of the first flow bracket (`[`, `{`) or compact block entry (`- - -`) that goes
 * past MAX_DEPTH levels, or undefined. Quoted text and comments are skipped; block scalars are
 * not, so text with over a hundred unclosed brackets in a row would count too, harmlessly.
 */
export function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      lineStart = true;
      continue;
    }
    if (lineStart && (ch === ' ' || ch === '\t')) continue;
    if (lineStart && depth === 0) {
      // `- - - x` nests one block list per dash on a single line.
      let n = 0;
      let j = i;
      while (text[j] === '-' && (text[j + 1] === ' ' || text[j + 1] === '\t')) {
        if (++n > MAX_DEPTH) return j;
        j += 2;
        while (text[j] === ' ' || text[j] === '\t') j++;
      }
    }
    lineStart = false;
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (ch === '"' || ch === "'") {
      i = skipQuoted(text, i);
    } else if (ch === '[' || ch === '{') {
      if (++depth > MAX_DEPTH) return i;
    } else if ((ch === ']' || ch === '}') && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/** The offset of the quote that closes the one at `start` (or the end of the text). */
function skipQuoted(text: string, start: number): number {
  const q = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (q === '"' && text[i] === '\\') i++;
    else if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length;
}
