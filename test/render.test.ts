import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { paint } from '../src/render/color.js';
import { colorLevel } from '../src/render/terminal.js';
import { jsonSink } from '../src/render/run-json.js';
import { plainSink } from '../src/render/run-plain.js';
import { recordedLine } from '../src/render/run-rated.js';
import { viewText } from '../src/render/run-tty.js';
import { KEY_HELP } from '../src/commands/run/keys.js';
import { width, wrap } from '../src/render/text.js';
import { count, plural } from '../src/core/text.js';
import { stripEscapes } from '../src/render/width.js';
import { FakeClock } from '../src/core/clock.js';
import { plan } from '../src/core/plan.js';
import { startRun } from '../src/core/runner.js';
import { lookup, massage, press, routine } from './fixtures-data.js';
import { printPlan } from '../src/render/dry-run.js';
import { sink } from './helpers.js';

const timeline = plan(routine([press('A1', { rounds: 1, cue: 'Breathe out.' })], { locate: 2_000, ramp: 1_000, hold: 2_000, release: 1_000, switch: 1_000 }), lookup);

function drive(handler: (out: ReturnType<typeof sink>) => (e: Parameters<ReturnType<typeof jsonSink>>[0]) => void, t = timeline) {
  const out = sink();
  const clock = new FakeClock();
  startRun(t, clock, handler(out));
  clock.runAll();
  return out.text();
}

describe('run --rate: the recorded line', () => {
  it('names the routine and both ratings with the change, or says which is missing', () => {
    expect(recordedLine('headache', 7, 3)).toBe('Recorded: headache, before 7, after 3 (−4).');
    expect(recordedLine('headache', 2, 5)).toBe('Recorded: headache, before 2, after 5 (+3).');
    expect(recordedLine('headache', 7, undefined)).toBe('Recorded: headache, before 7 (no after rating).');
    expect(recordedLine('LI4', undefined, 0)).toBe('Recorded: LI4, after 0 (no before rating).');
    expect(recordedLine('headache', undefined, undefined)).toBe('Recorded: headache, no ratings.');
  });
});

describe('renderers', () => {
  it('NDJSON', () => {
    expect(drive((out) => jsonSink(out))).toMatchInlineSnapshot(`
      "{"type":"start","routine":"test","title":"Test","total_ms":11000,"phases":8}
      {"type":"phase","index":0,"kind":"locate","point":"A1","side":"left","duration_ms":2000,"planned_ms":0,"elapsed_ms":0,"text":"Find A1 (PA1, Point A1) on your left hand: where A1 is."}
      {"type":"tick","index":0,"remaining_ms":1000,"elapsed_ms":1000}
      {"type":"phase","index":1,"kind":"ramp","point":"A1","side":"left","round":1,"rounds":1,"duration_ms":1000,"planned_ms":2000,"elapsed_ms":2000,"text":"Slowly increase pressure on A1 (PA1), left hand, steadily. Breathe out."}
      {"type":"phase","index":2,"kind":"hold","point":"A1","side":"left","round":1,"rounds":1,"duration_ms":2000,"planned_ms":3000,"elapsed_ms":3000,"text":"Hold steady pressure on A1 (PA1), left hand. Breathe slowly."}
      {"type":"tick","index":2,"remaining_ms":1000,"elapsed_ms":4000}
      {"type":"phase","index":3,"kind":"release","point":"A1","side":"left","round":1,"rounds":1,"duration_ms":1000,"planned_ms":5000,"elapsed_ms":5000,"text":"Gradually ease off A1 (PA1), left hand."}
      {"type":"phase","index":4,"kind":"switch","point":"A1","side":"right","duration_ms":1000,"planned_ms":6000,"elapsed_ms":6000,"text":"Switch to the right hand."}
      {"type":"phase","index":5,"kind":"ramp","point":"A1","side":"right","round":1,"rounds":1,"duration_ms":1000,"planned_ms":7000,"elapsed_ms":7000,"text":"Slowly increase pressure on A1 (PA1), right hand, steadily. Breathe out."}
      {"type":"phase","index":6,"kind":"hold","point":"A1","side":"right","round":1,"rounds":1,"duration_ms":2000,"planned_ms":8000,"elapsed_ms":8000,"text":"Hold steady pressure on A1 (PA1), right hand. Breathe slowly."}
      {"type":"tick","index":6,"remaining_ms":1000,"elapsed_ms":9000}
      {"type":"phase","index":7,"kind":"release","point":"A1","side":"right","round":1,"rounds":1,"duration_ms":1000,"planned_ms":10000,"elapsed_ms":10000,"text":"Gradually ease off A1 (PA1), right hand."}
      {"type":"end","completed":true,"reason":"done","elapsed_ms":11000}
      "
    `);
  });

  it('plain, with FORCE_COLOR=1 colours', () => {
    const c = paint(new Chalk({ level: colorLevel({ env: { FORCE_COLOR: '1' }, stdout: { write: () => true } }) }));
    expect(drive((out) => plainSink(out, timeline, c))).toMatchSnapshot();
  });

  it('plain lines keep their columns for any length: a plan past an hour, a step of 12m30s', () => {
    const c = paint(new Chalk({ level: 0 }));
    const long = plan(routine([massage('the calves', 750_000), press('A1', { rounds: 1 }), massage('the palm', 3_000_000)], { locate: 2_000, ramp: 1_000, hold: 2_000, release: 1_000, switch: 1_000 }), lookup);
    const lines = drive((out) => plainSink(out, long, c), long).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^   0:00  massage 12m30s Make small slow circles over the calves/);
    expect(lines.at(-1)).toMatch(/^  12:41  massage 50m    Make small slow circles over the palm/);
    const dry = sink();
    printPlan({ stdout: dry } as never, long, false, c);
    const planLines = dry.text().trimEnd().split('\n').slice(1);
    expect(planLines.slice(0, -1)).toEqual(lines);
    expect(planLines.at(-1)).toBe('1:02:41  end');
    // A plan under an hour with lengths that fit keeps the columns it always had.
    expect(drive((out) => plainSink(out, timeline, c)).split('\n')[0]).toMatch(/^ 0:00  locate  2s    A1 left  Find/);
  });

  it('plain --quiet keeps only phase lines, without colour when not a terminal', () => {
    const c = paint(new Chalk({ level: colorLevel({ env: {}, stdout: { write: () => true, isTTY: false } }) }));
    const text = drive((out) => plainSink(out, timeline, c, true));
    expect(text.trim().split('\n')).toHaveLength(timeline.phases.length);
    expect(text).not.toMatch(/\x1b\[/);
  });

  it('the live view shows the instruction, countdown and where you are, fitting 60 columns', () => {
    const c = paint(new Chalk({ level: 0 }));
    expect(viewText(timeline, { index: 2, remaining: 1_400, elapsed: 3_600, paused: false, help: false }, c, 60, KEY_HELP)).toBe([
      '⠋ HOLD 0:02',
      '  Hold steady pressure on A1 (PA1), left hand. Breathe',
      '  slowly.',
      '  ████████░░░░░░░░░░░░░░░ point 1/1 · round 1/1 · 0:08 left',
      '  space pause · s skip · b back · q quit · ? keys',
    ].join('\n'));
    expect(viewText(timeline, { index: 2, remaining: 1_400, elapsed: 3_600, paused: true, help: false }, c, 60, KEY_HELP)).toMatch(/^⏸ HOLD 0:02  PAUSED — space resumes\n/);
  });

  it('NO_COLOR and --no-color win over a terminal; FORCE_COLOR forces', () => {
    const tty = { write: () => true, isTTY: true };
    expect(colorLevel({ env: { NO_COLOR: '1' }, stdout: tty })).toBe(0);
    expect(colorLevel({ env: {}, stdout: tty }, false)).toBe(0);
    expect(colorLevel({ env: { TERM: 'xterm' }, stdout: tty })).toBeGreaterThan(0);
    expect(colorLevel({ env: { TERM: 'dumb' }, stdout: tty })).toBe(0);
    expect(colorLevel({ env: {}, stdout: tty })).toBe(0);
    expect(colorLevel({ env: { FORCE_COLOR: '1' }, stdout: { write: () => true } })).toBe(1);
  });

  it('wraps by visible width, counting CJK as two columns', () => {
    expect(width('合谷 LI4')).toBe(8);
    expect(wrap('one two three four', 20 + 0)).toBe('one two three four');
    expect(wrap('aaaa bbbb cccc dddd eeee ffff', 20, '  ')).toBe('aaaa bbbb cccc dddd\n  eeee ffff');
    expect(wrap('LI4  Hégǔ  合谷  Union Valley', 20, '  ')).toBe('LI4  Hégǔ  合谷\n  Union Valley');
    expect(wrap('合谷穴 (LI4) 在手背', 9)).toBe('合谷穴\n(LI4) 在\n手背');
  });

  it('wraps ASCII words exactly as measuring each whole line would', () => {
    // The reference: measure every candidate line from scratch (slow, but plainly right).
    const naive = (text: string, max: number, indent: string) => {
      const lines: string[] = [];
      for (const para of text.split('\n')) {
        let line = '';
        const pieces = para.trim().split(/( +)/);
        for (let i = 0; i < pieces.length; i += 2) {
          const word = pieces[i]!;
          if (!word) continue;
          const candidate = line ? `${line}${pieces[i - 1]}${word}` : word;
          if (line && candidate.length > max) lines.push(line), (line = word);
          else line = candidate;
        }
        lines.push(line);
      }
      return lines.map((l, i) => (i === 0 || l === '' ? l : indent + l)).join('\n');
    };
    const word = fc.array(fc.constantFrom('a', 'bb', 'ccc', 'dddd'), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(''));
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '  ', '\n', ' \n ')), { maxLength: 40 }).map((ps) => ps.map(([w, s]) => w + s).join(''));
    fc.assert(fc.property(text, fc.integer({ min: 12, max: 60 }), fc.constantFrom('', '  '), (t, w, indent) => {
      expect(wrap(t, w, indent)).toBe(naive(t, w, indent));
    }), { numRuns: 1000 });
  });

  it('every wrapped line fits, whatever the text, and nothing is lost', () => {
    const piece = fc.constantFrom('a', 'bb', 'Hégǔ', '合谷', '按压。', '「穴」', '\x1b[1m', '\x1b[22m', '\x1b[31m', '\x1b[0m', 'x\u0301', 'é', '🙂', '👍🏽', '🇯🇵', '⚠️', 'https://example.com/a/b', 'abcdefghijklmnopqrstuvwxyz');
    const word = fc.array(piece, { minLength: 1, maxLength: 6 }).map((xs) => xs.join(''));
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '  ', '\n')), { maxLength: 30 }).map((ps) => ps.map(([w, s]) => w + s).join(''));
    const visible = (s: string) => stripEscapes(s).replace(/\s+/g, '');
    fc.assert(fc.property(text, fc.integer({ min: 2, max: 60 }), fc.constantFrom('', '  '), (t, w, indent) => {
      const out = wrap(t, w, indent);
      out.split('\n').forEach((line, i) => {
        const body = i === 0 || line === '' ? line : line.slice(indent.length);
        expect(width(body), JSON.stringify(line)).toBeLessThanOrEqual(w);
        expect(stripEscapes(body)).not.toMatch(/^ /);
      });
      expect(visible(out)).toBe(visible(t));
    }), { numRuns: 600 });
  });
});

describe('count and plural (the one place a plural is made)', () => {
  it('is singular for exactly 1, plural otherwise (0 included), with an irregular plural when given', () => {
    expect([count(0, 'phase'), count(1, 'phase'), count(2, 'round')]).toEqual(['0 phases', '1 phase', '2 rounds']);
    expect(count(3, 'more bad line')).toBe('3 more bad lines');
    expect([plural(1, 'is', 'are'), plural(2, 'is', 'are'), plural(2, 'region')]).toEqual(['is', 'are', 'regions']);
  });
});

describe('long words in text that scrolls past', () => {
  const url = 'http://www.paradigm-pubs.com/Birch-Contra';
  it('wrap with long "whole" puts a word longer than the line on a line of its own, uncut', async () => {
    const out = wrap(`Paradigm Publications, ${url} (LI4, SP6, CV4 and BL67)`, 30, '  ', 30, 'whole');
    expect(out.split('\n')).toEqual(['Paradigm Publications,', `  ${url}`, '  (LI4, SP6, CV4 and BL67)']);
    // Without it every line still fits (the live view counts on that).
    for (const l of wrap(url, 30).split('\n')) expect(width(l)).toBeLessThanOrEqual(30);
  });

  it('the pregnancy findings, their sources and messages keep a URL whole at 40 columns, and the rows it folds onto are counted', async () => {
    const { buildBuiltin } = await import('../src/store/build-builtin.js');
    const { catalogFrom } = await import('../src/model/catalog.js');
    const { routineFindings } = await import('../src/core/safety.js');
    const { describeFindings } = await import('../src/render/findings.js');
    const { Citations } = await import('../src/render/citations.js');
    const { fitLine } = await import('../src/render/fit-out.js');
    const { rowsOf } = await import('../src/render/text.js');
    const { ROOT } = await import('./helpers.js');
    const { join } = await import('node:path');
    const catalog = catalogFrom(buildBuiltin(join(ROOT, 'data')));
    const findings = routineFindings(catalog, catalog.routines.get('headache')!, [catalog.conditions.get('pregnancy')!]);
    const text = describeFindings(catalog, findings, 40);
    expect(text).toContain(url);
    const cites = new Citations();
    cites.ref(findings[0]!.source);
    expect(cites.lines(40).join('\n')).toContain(url);
    expect(fitLine(`warning: see ${url} for more`, 30)).toContain(url);
    // A line of 41 columns takes two rows of a 40-column terminal.
    expect(rowsOf(`${'x'.repeat(41)}\nshort\n`, 40)).toBe(3);
    expect(rowsOf('a\nb\n', Infinity)).toBe(2);
  });
});
