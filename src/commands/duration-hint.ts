// A near miss worth a word: a bare number is seconds (`--max 5` is five seconds), which is
// rarely what someone asking for a routine's length meant.
import { plural } from '../core/text.js';

/** " (--max 5 means 5 seconds; for minutes, write --max 5m)" when `raw` is a bare number, else "". */
export function bareSecondsHint(flag: string, raw: string | undefined): string {
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return '';
  const n = raw.trim();
  return ` (${flag} ${n} means ${n} ${plural(Number(n), 'second')}; for minutes, write ${flag} ${n}m)`;
}
