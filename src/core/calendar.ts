// Calendar arithmetic for the session log: ISO 8601 stamps with the local offset, local days,
// and `--since` values. Pure: the current instant and the time zone come in as arguments
// (from io.calendar), so nothing here reads the system clock or zone.

/** The local UTC offset in minutes (east positive) at an instant: io.calendar.offset. */
export type OffsetAt = (epochMs: number) => number;

const DAY_MS = 86_400_000;

/** "+01:00", "-05:30", "+00:00" for an offset in minutes. */
function offsetText(min: number): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** An instant as ISO 8601 local time with its offset, to the millisecond: 2025-03-01T09:30:00.123+01:00. */
export function isoLocal(epochMs: number, offsetMin: number): string {
  const shifted = new Date(Math.round(epochMs) + offsetMin * 60_000).toISOString(); // ends in "Z"
  return `${shifted.slice(0, 23)}${offsetText(offsetMin)}`;
}

/** The local calendar day of a stamp written by isoLocal (or any ISO string): "2025-03-01". */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/** "2025-03-01" → whole days since 1970-01-01, for counting consecutive days; NaN if not a date. */
export function dayNumber(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2025-02-30 over to March; a real date survives the round trip.
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t / DAY_MS : NaN;
}

/** Today's local day at `now`. */
export function today(now: number, offset: OffsetAt): string {
  return dayOf(isoLocal(now, offset(now)));
}

/**
 * The instant a local wall-clock time happened (`wallMs` is that time read as if it were UTC).
 * The offset depends on the instant, which depends on the offset: two rounds settle it, also
 * across a daylight-saving change.
 */
function fromWall(wallMs: number, offset: OffsetAt): number {
  const guess = wallMs - offset(wallMs) * 60_000;
  return wallMs - offset(guess) * 60_000;
}

/** Local midnight at the start of a day ("2025-03-01"), as an instant. */
export function startOfDay(day: string, offset: OffsetAt): number {
  return fromWall(dayNumber(day) * DAY_MS, offset);
}

const DURATION = /^(\d{1,5})\s*(h|d|w)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const UNIT_MS: Record<string, number> = { h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS };

/** What --since accepts, for messages. */
export const SINCE_EXPECTED = 'a date (2025-03-01), a date and time (2025-03-01T09:00), today, yesterday, or a duration like 12h, 7d or 2w';

/**
 * The instant a `--since` value means, or an error to show. A date is local midnight, a time
 * without an offset is local, a duration counts back from `now` (7d: 7 × 24 hours ago).
 */
export function parseSince(text: string, now: number, offset: OffsetAt): { ms: number } | { error: string } {
  const s = text.trim();
  const d = DURATION.exec(s);
  if (d) return { ms: now - Number(d[1]) * UNIT_MS[d[2]!.toLowerCase()]! };
  const lower = s.toLowerCase();
  if (lower === 'today' || lower === 'yesterday') {
    const day = dayNumber(today(now, offset)) - (lower === 'yesterday' ? 1 : 0);
    return { ms: fromWall(day * DAY_MS, offset) };
  }
  if (DATE.test(s)) {
    return Number.isFinite(dayNumber(s)) ? { ms: startOfDay(s, offset) } : { error: `no such date ${s}` };
  }
  const local = LOCAL_TIME.exec(s);
  if (local) {
    const [, day, hh, mm, ss, frac] = local;
    const n = dayNumber(day!);
    if (!Number.isFinite(n) || Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return { error: `no such date and time ${s}` };
    const wall = n * DAY_MS + (Number(hh) * 3600 + Number(mm) * 60 + Number(ss ?? 0)) * 1000 + Number((frac ?? '0').padEnd(3, '0'));
    return { ms: fromWall(wall, offset) };
  }
  if (ZONED.test(s)) {
    const t = Date.parse(s);
    if (Number.isFinite(t) && Number.isFinite(dayNumber(s.slice(0, 10)))) return { ms: t };
    return { error: `no such date and time ${s}` };
  }
  return { error: `expected ${SINCE_EXPECTED}` };
}
