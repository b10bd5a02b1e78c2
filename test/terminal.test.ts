import { describe, expect, it } from 'vitest';
import { ASCII_GLYPHS, colorLevel, fitWidth, isUtf8Locale, LIVE_MIN, terminal, UNICODE_GLYPHS } from '../src/render/terminal.js';

const out = (over: { isTTY?: boolean; columns?: number; rows?: number } = {}) => ({ write: () => true, isTTY: true, columns: 80, rows: 24, ...over });
const env = (over: Record<string, string | undefined> = {}) => ({ TERM: 'xterm-256color', LANG: 'en_US.UTF-8', ...over });

describe('terminal capabilities', () => {
  it('a sized, capable terminal gets the live view, colour, Unicode and its own width', () => {
    const t = terminal({ env: env(), stdout: out() });
    expect(t).toMatchObject({ tty: true, cursor: true, live: true, unicode: true, columns: 80, rows: 24, sized: true, color: 2 });
    expect(t.glyphs).toBe(UNICODE_GLYPHS);
  });

  it('TERM=dumb or no TERM: plain lines, no cursor control, no colour', () => {
    for (const TERM of ['dumb', undefined, '']) {
      const t = terminal({ env: env({ TERM }), stdout: out() });
      expect(t, `TERM=${TERM}`).toMatchObject({ tty: true, cursor: false, live: false, color: 0, columns: 80 });
    }
    // Windows consoles understand escape sequences without TERM.
    expect(terminal({ env: env({ TERM: undefined }), stdout: out(), platform: 'win32' }).live).toBe(true);
  });

  it('a pipe or file: no width (lines stay whole), no live view, no colour', () => {
    const t = terminal({ env: env(), stdout: out({ isTTY: false }) });
    expect(t).toMatchObject({ tty: false, cursor: false, live: false, color: 0, columns: undefined });
    expect(fitWidth(t)).toBe(Infinity);
    expect(fitWidth(t, 100)).toBe(Infinity);
  });

  it('a zero, negative or unknown size is not trusted: plain lines, wrapped to COLUMNS or 80', () => {
    for (const columns of [0, -5, Number.NaN, undefined, 2.5]) {
      const t = terminal({ env: env(), stdout: out({ columns }) });
      expect(t, `columns=${columns}`).toMatchObject({ live: false, sized: false, columns: 80 });
    }
    expect(terminal({ env: env({ COLUMNS: '52', LINES: '20' }), stdout: out({ columns: 0, rows: 0 }) })).toMatchObject({ live: true, sized: true, columns: 52, rows: 20 });
    expect(terminal({ env: env({ COLUMNS: 'wide' }), stdout: out({ columns: 0 }) })).toMatchObject({ sized: false, columns: 80 });
    expect(terminal({ env: env(), stdout: out({ rows: 0 }) }).live).toBe(false);
  });

  it('a terminal smaller than the live view gets plain lines, fitted to its real width', () => {
    expect(terminal({ env: env(), stdout: out({ columns: 18 }) })).toMatchObject({ live: false, columns: 18 });
    expect(terminal({ env: env(), stdout: out({ columns: LIVE_MIN.columns }) }).live).toBe(true);
    expect(terminal({ env: env(), stdout: out({ columns: LIVE_MIN.columns - 1 }) }).live).toBe(false);
    expect(terminal({ env: env(), stdout: out({ rows: LIVE_MIN.rows - 1 }) }).live).toBe(false);
    expect(fitWidth(terminal({ env: env(), stdout: out({ columns: 150 }) }), 100)).toBe(100);
  });

  it('colour: --no-color, then NO_COLOR, then FORCE_COLOR, then the terminal', () => {
    const tty = out();
    expect(colorLevel({ env: env({ NO_COLOR: '1' }), stdout: tty })).toBe(0);
    expect(colorLevel({ env: env({ NO_COLOR: '' }), stdout: tty })).toBe(2); // an empty NO_COLOR is unset
    expect(colorLevel({ env: env({ FORCE_COLOR: '3' }), stdout: tty }, false)).toBe(0);
    expect(colorLevel({ env: env({ NO_COLOR: '1', FORCE_COLOR: '3' }), stdout: tty })).toBe(0);
    expect(colorLevel({ env: env({ FORCE_COLOR: '0' }), stdout: tty })).toBe(0);
    expect(colorLevel({ env: env({ FORCE_COLOR: 'false' }), stdout: tty })).toBe(0);
    expect(colorLevel({ env: env({ FORCE_COLOR: '' }), stdout: out({ isTTY: false }) })).toBe(1);
    expect(colorLevel({ env: env({ FORCE_COLOR: '2', TERM: 'dumb' }), stdout: out({ isTTY: false }) })).toBe(2);
    expect(colorLevel({ env: env({ COLORTERM: 'truecolor' }), stdout: tty })).toBe(3);
    expect(colorLevel({ env: env({ TERM: 'xterm' }), stdout: tty })).toBe(1);
  });

  it('FORCE_COLOR as chalk documents it; an odd value forces nothing and the terminal decides', () => {
    const pipe = out({ isTTY: false });
    for (const [v, level] of [['0', 0], ['false', 0], ['', 1], ['true', 1], ['1', 1], ['2', 2], ['3', 3], ['4', 3], ['99', 3]] as const) {
      expect(colorLevel({ env: env({ FORCE_COLOR: v }), stdout: pipe }), v).toBe(level);
    }
    for (const v of ['abc', '-1', '1.5', ' 2', '2abc', 'yes', '0x2', '1e3', '99999999999']) {
      expect(colorLevel({ env: env({ FORCE_COLOR: v }), stdout: pipe }), v).toBe(0); // a pipe: no colour
      expect(colorLevel({ env: env({ FORCE_COLOR: v }), stdout: out() }), v).toBe(2); // a 256-colour terminal
    }
  });

  it('FORCE_COLOR=abc, -1 or 4 through the CLI: no crash, no colour in a pipe for the odd ones, truecolor-capped for 4', async () => {
    const { cliAsync } = await import('./helpers.js');
    for (const v of ['abc', '-1', '1.5']) {
      const r = await cliAsync(['check', 'LI4'], { env: { FORCE_COLOR: v } });
      expect(r.code, v).toBe(0);
      expect(r.stdout, v).not.toMatch(/\x1b/);
      expect(r.stderr, v).toBe('');
    }
    const four = await cliAsync(['check', 'LI4'], { env: { FORCE_COLOR: '4' } });
    expect(four.code).toBe(0);
    expect(four.stdout).toMatch(/^\x1b\[32mNothing to avoid/);
    expect(four.stderr).toBe('');
  });

  it('the locale: LC_ALL, then LC_CTYPE, then LANG decides whether Unicode shows', () => {
    expect(isUtf8Locale({ LANG: 'C' })).toBe(false);
    expect(isUtf8Locale({ LANG: 'POSIX' })).toBe(false);
    expect(isUtf8Locale({ LANG: 'en_US.ISO-8859-1' })).toBe(false);
    expect(isUtf8Locale({ LANG: 'C.UTF-8' })).toBe(true);
    expect(isUtf8Locale({ LANG: 'de_DE.utf8' })).toBe(true);
    expect(isUtf8Locale({ LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe(false);
    expect(isUtf8Locale({ LC_CTYPE: 'C', LANG: 'en_US.UTF-8' })).toBe(false);
    expect(isUtf8Locale({ LC_ALL: 'en_US.UTF-8', LC_CTYPE: 'C' })).toBe(true);
    expect(isUtf8Locale({ LC_ALL: '', LC_CTYPE: 'en_GB.UTF-8', LANG: 'C' })).toBe(true);
    expect(isUtf8Locale({})).toBe(true);
    const t = terminal({ env: env({ LANG: 'C' }), stdout: out() });
    expect(t.unicode).toBe(false);
    expect(t.glyphs).toBe(ASCII_GLYPHS);
    expect(Object.values(ASCII_GLYPHS).filter((v) => typeof v !== 'boolean').flat().join('')).toMatch(/^[\x20-\x7e]*$/);
  });
});
