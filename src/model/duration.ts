import { UserError } from './errors.js';
import { quote } from './printable.js';

/** Phase bounds from docs/cli.md. */
export const BOUNDS = {
  minPhaseMs: 1_000,
  maxHoldMs: 10 * 60_000,
  maxPhaseMs: 10 * 60_000,
  maxTotalMs: 2 * 60 * 60_000,
} as const;

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };
const PART = /(\d+)(ms|h|m|s)/y;
const EXPECTED = 'a duration like 45s, 2m or 1m30s';

/**
 * Parse `45`, `45s`, `2m`, `1m30s` (or a number of seconds) into milliseconds.
 * Returns an error string instead of throwing so schemas and flags can word it.
 */
export function parseDuration(input: unknown): { ms: number } | { error: string } {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || !Number.isInteger(input) || input < 0) {
      return { error: `expected ${EXPECTED}, got ${String(input)}` };
    }
    return { ms: input * 1000 };
  }
  if (typeof input !== 'string') return { error: `expected ${EXPECTED}, got ${describe(input)}` };
  const text = input.trim().toLowerCase();
  if (/^\d+$/.test(text)) return { ms: Number(text) * 1000 };
  if (text === '') return { error: `expected ${EXPECTED}, got an empty string` };
  let ms = 0;
  let pos = 0;
  let lastUnit = Infinity;
  while (pos < text.length) {
    PART.lastIndex = pos;
    const m = PART.exec(text);
    if (!m) return { error: `expected ${EXPECTED}, got ${show(input)}` };
    const unit = UNIT_MS[m[2]!]!;
    // Units must go from largest to smallest, once each: "30s2m" is almost certainly a typo.
    if (unit >= lastUnit) return { error: `expected ${EXPECTED}, got ${show(input)}` };
    lastUnit = unit;
    ms += Number(m[1]) * unit;
    pos = PART.lastIndex;
  }
  if (!Number.isSafeInteger(ms)) return { error: `expected ${EXPECTED}, got ${show(input)}` };
  return { ms };
}

/** Parse a duration and check it lies within [min, max]; the message names what was expected. */
export function checkDuration(
  input: unknown,
  min: number = BOUNDS.minPhaseMs,
  max: number = BOUNDS.maxPhaseMs,
): { ms: number } | { error: string } {
  const r = parseDuration(input);
  if ('error' in r) return r;
  if (r.ms < min || r.ms > max) {
    return { error: `expected a duration from ${formatDuration(min)} to ${formatDuration(max)}, got ${show(input)}` };
  }
  return r;
}

/** Parse a duration from a command-line flag, throwing a usage error that names the flag. */
export function flagDuration(flag: string, input: string, min?: number, max?: number): number {
  const r = checkDuration(input, min, max);
  if ('error' in r) throw new UserError(`${flag}: ${r.error}`);
  return r.ms;
}

/** Format milliseconds compactly and round-trippably: 90000 → "1m30s", 500 → "500ms". */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = Math.round(ms);
  let out = '';
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1_000], ['ms', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}

/** Format milliseconds as a clock: 65000 → "1:05", 3725000 → "1:02:05". Countdowns round up so 0:00 means done. */
export function formatClock(ms: number, round: 'up' | 'down' = 'up'): string {
  const total = Math.max(0, round === 'up' ? Math.ceil(ms / 1000) : Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A number as written; text quoted and escaped. */
function show(v: unknown): string {
  return typeof v === 'number' ? String(v) : quote(String(v));
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a mapping' : typeof v;
}
