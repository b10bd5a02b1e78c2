// HTML text safety for the printable sheet: every piece of data or user text goes through here.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// C0 and C1 controls (other than tab and newline) have no place in a page; bidi overrides could
// reorder what a reader sees.
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Escape text for an HTML element or a double- or single-quoted attribute; drops control characters. */
export function escapeHtml(text: string): string {
  return text.replace(HIDDEN, '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
