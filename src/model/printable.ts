// Echoing user text back safely: control and invisible characters are escaped so a message
// stays on one line, cannot colour the terminal, and shows "LI4\u200b" rather than a twin of "LI4".

// C0 and C1 controls, DEL, and format characters (zero-width spaces, bidi marks, BOMs), plus no-break spaces.
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;

/** Escape hidden characters as \uXXXX (\n stays \n). */
export function escapeHidden(text: string): string {
  return text.replace(HIDDEN, (ch) => (ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** Quote user text for a message: escaped, and cut to `max` characters. */
export function quote(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return `"${escapeHidden(cut).replace(/"/g, '\\"')}"`;
}
