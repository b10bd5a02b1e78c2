import { describe, expect, it } from 'vitest';
import { checkDuration, formatClock, formatDuration, parseDuration } from '../src/model/duration.js';

describe('parseDuration', () => {
  it.each([
    ['45', 45_000], ['45s', 45_000], ['2m', 120_000], ['1m30s', 90_000], [' 2M ', 120_000], ['1h', 3_600_000], ['500ms', 500], [30, 30_000],
  ])('%j → %i ms', (input, ms) => expect(parseDuration(input)).toEqual({ ms }));

  it.each(['forever', '', '-5s', '1.5m', '30s2m', '1m1m', 'NaN', 'Infinity', '5x', '1e9s'])('rejects %j', (input) => {
    expect(parseDuration(input)).toHaveProperty('error');
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects the number %d', (n) => expect(parseDuration(n)).toHaveProperty('error'));
});

describe('checkDuration bounds', () => {
  it('accepts the edges', () => {
    expect(checkDuration('1s')).toEqual({ ms: 1000 });
    expect(checkDuration('10m')).toEqual({ ms: 600_000 });
  });
  it('words the error with the range', () => {
    expect(checkDuration('0s')).toEqual({ error: 'expected a duration from 1s to 10m, got "0s"' });
    expect(checkDuration('99h')).toEqual({ error: 'expected a duration from 1s to 10m, got "99h"' });
  });
});

describe('formatting', () => {
  it.each([[0, '0s'], [90_000, '1m30s'], [3_600_000, '1h'], [1500, '1s500ms']])('formatDuration(%i) = %s', (ms, s) => expect(formatDuration(ms)).toBe(s));
  it('round-trips', () => {
    for (const ms of [1000, 61_000, 3_723_000, 599_000]) expect(parseDuration(formatDuration(ms))).toEqual({ ms });
  });
  it.each([[65_000, '1:05'], [3_725_000, '1:02:05'], [400, '0:01'], [0, '0:00']])('formatClock(%i) = %s', (ms, s) => expect(formatClock(ms)).toBe(s));
  it('formatClock can round down for elapsed time', () => expect(formatClock(23_001, 'down')).toBe('0:23'));
});
