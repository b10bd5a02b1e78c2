// Tables and messages in narrow terminals: whole columns go before any figure is cut, and every
// line written to a terminal's stderr fits it (issue 17).
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { paint } from '../src/render/color.js';
import { table } from '../src/render/text.js';
import { width } from '../src/render/width.js';
import { historyTable, statsText } from '../src/render/history-view.js';
import { fitLine, fittedOut } from '../src/render/fit-out.js';
import { toAscii } from '../src/render/ascii.js';
import { stats } from '../src/core/history.js';
import { sessionSchema, type Session } from '../src/model/history.js';

const c = paint(new Chalk({ level: 0 }));

function session(start: string, over: Partial<Session> = {}): Session {
  return sessionSchema.parse({
    type: 'session', v: 1, session: `s-${start}-${over.target ?? 'headache'}`, start, end: start,
    kind: 'routine', target: 'headache', title: 'Headache relief 🙂 頭痛を和らげる', planned_ms: 610_000, active_ms: 610_000,
    completed: true, reason: 'done', points: [{ point: 'LI4', sides: ['left', 'right'] }], conditions: [], ...over,
  });
}
const quit = session('2025-03-02T09:00:00.000+01:00', { target: 'desk-break', title: 'Two-minute desk break', completed: false, reason: 'quit', active_ms: 20_000 });
const rated = session('2025-03-03T09:00:00.000+01:00', { before: 7, after: 3 });
const plain = session('2025-03-01T09:00:00.000+01:00');

/** No line is wider than `cols`, and no cell of a shown column is cut (the ellipsis appears only in the last). */
function expectWhole(lines: string[], cols: number) {
  for (const l of lines) {
    expect(width(l), l).toBeLessThanOrEqual(cols);
    expect(l.replace(/…[^…]*$/, ''), l).not.toContain('…');
  }
}

describe('tables in narrow terminals', () => {
  it('drop whole columns in the order given, before cutting a cell', () => {
    const rows = [['ID', 'COUNT', 'SHARE', 'TITLE'], ['headache', '12', '100%', 'Headache relief']];
    expect(table(rows, 80, { drop: [3, 2] })).toEqual(['ID        COUNT  SHARE  TITLE', 'headache  12     100%   Headache relief']);
    expect(table(rows, 24, { drop: [3, 2] })).toEqual(['ID        COUNT  SHARE', 'headache  12     100%']);
    expect(table(rows, 16, { drop: [3, 2] })).toEqual(['ID        COUNT', 'headache  12']);
    // Off a terminal nothing is dropped or cut.
    expect(table(rows, Infinity, { drop: [3, 2] })[1]).toBe('headache  12     100%   Headache relief');
  });

  it('history keeps its figures whole at 30, 40 and 80 columns, rated or not', () => {
    for (const cols of [30, 40, 80]) {
      for (const sessions of [[quit, plain], [rated, quit, plain]]) {
        const lines = historyTable(sessions, c, cols, true);
        expectWhole(lines, cols);
        const text = lines.join('\n');
        expect(text).toContain('desk-break');
        // How each session ended, and its ratings, never give way (at 40 columns they did).
        expect(text).toContain('0:20 of 10:10, quit');
        if (sessions.includes(rated)) expect(text).toContain('7 → 3 (−4)');
      }
    }
    // With room, every column shows; a RATING column with no ratings is left out, then the title.
    expect(historyTable([rated, quit], c, 80, true)[0]).toMatch(/^WHEN +DONE +RATING +ID +TITLE$/);
    expect(historyTable([quit, plain], c, 80, true)[0]).toMatch(/^WHEN +DONE +ID +TITLE$/);
    expect(historyTable([quit, plain], c, 52, true)[0]).toMatch(/^WHEN +DONE +ID$/);
    // Too narrow for when, done, rating and id side by side: two lines a session, nothing cut.
    expect(historyTable([rated, quit], c, 40, true)).toEqual([
      '2025-03-03 09:00  headache',
      '  done 10:10 of 10:10 · rated 7 → 3 (−4)',
      '2025-03-02 09:00  desk-break',
      '  done 0:20 of 10:10, quit',
    ]);
  });

  it('stats keeps its figures whole at 30, 40 and 80 columns', () => {
    for (const cols of [30, 40, 80]) {
      for (const sessions of [[quit, plain], [rated, quit, plain]]) {
        const lines = statsText(stats(sessions), { days: 1, through: '2025-03-03' }, '2025-03-03', 'in all', c, cols).flatMap((l) => l.split('\n'));
        expectWhole(lines, cols);
        expect(lines.join('\n')).toMatch(/^desk-break/m);
        // The completed share and the change never give way, nor are cut (at 40 columns they were).
        expect(lines.join('\n')).toMatch(/(^|\s)0%(\s|$)/m);
        if (sessions.includes(rated)) expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('−4.0 (1 rated; too few)');
      }
    }
    const lines = statsText(stats([rated, quit, plain]), { days: 1, through: '2025-03-03' }, '2025-03-03', 'in all', c, 40);
    // Too narrow for the figures side by side: a routine's facts under its id, nothing cut.
    expect(lines.slice(3)).toEqual(['headache', '  2 sessions · 20:20 in all', '  100% completed', '  change −4.0 (1 rated; too few)',
      'desk-break', '  1 session · 0:20 in all · 0% completed', '  change not rated', '', expect.stringMatching(/^Change: /)]);
  });
});

describe('messages on a terminal', () => {
  it('a line wider than the terminal wraps between words, hanging under itself', () => {
    const msg = 'warning: --rate asks only in a terminal (not with --json, --yes or CI); use --before <0-10> and "acupress rate <0-10>" instead';
    const out = fitLine(msg, 40).split('\n');
    for (const l of out) expect(width(l)).toBeLessThanOrEqual(40);
    expect(out[0]).toMatch(/^warning:/);
    expect(out.slice(1).every((l) => l.startsWith('  '))).toBe(true);
    expect(out.map((l) => l.trim()).join(' ')).toBe(msg);
    // Lines that fit, and indented ones, keep their shape; a drawn line is left alone.
    expect(fitLine('  - short', 40)).toBe('  - short');
    expect(fitLine(`    ${'word '.repeat(12)}`, 30).split('\n').every((l) => l.startsWith('    ') && width(l) <= 30)).toBe(true);
    expect(fitLine(`\x1b[2K${'x'.repeat(50)}`, 40)).toBe(`\x1b[2K${'x'.repeat(50)}`);
  });

  it('stderr in a terminal is fitted to its width as it is now; a pipe gets lines whole', () => {
    const writes: string[] = [];
    const tty = { isTTY: true, columns: 30, rows: 10, write: (s: string) => writes.push(s) };
    const out = fittedOut(tty, {});
    out.write('No sessions logged yet: each "acupress run" adds one.\n');
    expect(writes[0]).toBe('No sessions logged yet: each\n  "acupress run" adds one.\n');
    tty.columns = 80;
    out.write('No sessions logged yet: each "acupress run" adds one.\n');
    expect(writes[1]).toBe('No sessions logged yet: each "acupress run" adds one.\n');
    const pipe = { isTTY: false, write: (s: string) => writes.push(s) };
    fittedOut(pipe, {}).write(`${'long words '.repeat(20)}\n`);
    expect(writes[2]).toBe(`${'long words '.repeat(20)}\n`);
  });
});

describe('an ASCII terminal', () => {
  it("folds the prompts' key hints and symbols to ASCII", () => {
    // As @inquirer/checkbox draws its hint line (dim and bold codes between the words).
    const hint = '\x1b[1m↑↓\x1b[22m \x1b[2mnavigate\x1b[22m\x1b[2m • \x1b[22m\x1b[1m⏎\x1b[22m \x1b[2msubmit\x1b[22m';
    expect(toAscii(hint)).toBe('\x1b[1mup/down\x1b[22m \x1b[2mnavigate\x1b[22m\x1b[2m * \x1b[22m\x1b[1menter\x1b[22m \x1b[2msubmit\x1b[22m');
    expect(toAscii('❯ ◉ Hégǔ ✔ ✘ ℹ')).toBe('> * Hegu + x i');
    expect(toAscii(hint + '❯ ◉ Hégǔ ✔ ✘ ℹ')).toMatch(/^[\x00-\x7f]*$/);
  });
});
