// The rows a run prints before its live view (warnings, the profile's line, the notes) are all
// counted for the view, which keeps them on screen until the first hold: a row it does not know
// of is one its frame pushes off an 80x24 terminal. live() is replaced here by a spy that
// records what it was told and what was on the terminal by then.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeIo } from './helpers.js';
import { rowsOf } from '../src/render/text.js';
import { stripEscapes } from '../src/render/width.js';

const seen: { above?: number; printed?: string; notes?: string } = {};
let printedSoFar = () => '';
vi.mock('../src/commands/run/live.js', async (original) => ({
  ...(await original<typeof import('../src/commands/run/live.js')>()),
  live: vi.fn(async (_io: unknown, _catalog: unknown, _timeline: unknown, _findings: unknown, o: { above?: number; notes?: string }) => {
    seen.above = o.above;
    seen.notes = o.notes;
    seen.printed = printedSoFar();
    return 0;
  }),
}));
const { run } = await import('../src/commands/run.js');

describe('the rows printed before the live view', () => {
  it('are all counted: the profile\'s line on stderr and the notes on stdout, one terminal', async () => {
    const f = fakeIo({ TERM: 'xterm-256color', LANG: 'C.UTF-8' }, true);
    // stdout and stderr are the same 80x24 terminal.
    Object.assign(f.stdout, { rows: 24 });
    Object.assign(f.stderr, { isTTY: true, columns: 80, rows: 24, write: (s: string) => (f.stdout.chunks.push(s), true) });
    const path = join(f.io.env.XDG_CONFIG_HOME!, 'acupress/profile.yaml');
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'conditions:\n  - osteoporosis\n');
    printedSoFar = () => f.stdout.text();
    await run({ args: ['low-back'], profile: true, tips: false, history: false, yes: true }, f.io);
    expect(seen.printed).toMatch(/^Using your safety profile: osteoporosis/);
    expect(seen.above).toBe(rowsOf(stripEscapes(seen.printed!), 80));
  });

  it('a stream sent elsewhere (stderr to a file) takes no row', async () => {
    const f = fakeIo({ TERM: 'xterm-256color', LANG: 'C.UTF-8' }, true);
    Object.assign(f.stdout, { rows: 24 });
    const path = join(f.io.env.XDG_CONFIG_HOME!, 'acupress/profile.yaml');
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'conditions:\n  - osteoporosis\n');
    await run({ args: ['low-back'], profile: true, tips: false, history: false, yes: true }, f.io);
    expect(f.stderr.text()).toMatch(/^Using your safety profile/);
    expect(seen.above).toBe(rowsOf(stripEscapes(f.stdout.text()), 80));
  });
});

// Who should not use a routine is said before every run, whatever hides the rest: a cron line's
// --no-tips hid "If you might be pregnant, do not use this routine" when it was a tip.
describe('who should not use the routine', () => {
  const NOT_FOR = /Who should not use this routine:\n  • If you are or might be pregnant, do not use this routine: SP6/;
  const go = async (flags: Record<string, unknown>, tty = false) => {
    const f = fakeIo({ TERM: 'xterm-256color', LANG: 'C.UTF-8', NO_COLOR: '1' }, tty);
    if (tty) Object.assign(f.stdout, { rows: 24 });
    seen.notes = undefined;
    await run({ args: ['menstrual-cramps'], profile: false, history: false, yes: true, ...flags }, f.io);
    return { out: stripEscapes(f.stdout.text()), err: stripEscapes(f.stderr.text()), held: stripEscapes(seen.notes ?? '') };
  };

  it.each([
    ['--plain --no-tips', { plain: true, tips: false }],
    ['--plain --quiet', { plain: true, quiet: true }],
    ['--dry-run --no-tips', { dryRun: true, tips: false }],
    ['--dry-run --quiet', { dryRun: true, quiet: true }],
  ])('%s: first on stdout', async (_, flags) => {
    const r = await go(flags);
    expect(r.out).toMatch(new RegExp(`^${NOT_FOR.source}`));
  });

  it('--no-tips keeps the pregnancy hint (safety, not a tip) and drops the tips', async () => {
    const r = await go({ dryRun: true, tips: false });
    expect(r.out).toMatch(/If you are pregnant: this routine uses SP6/);
    const classic = fakeIo({ NO_COLOR: '1' });
    await run({ args: ['classic'], profile: false, history: false, yes: true, dryRun: true, tips: false }, classic.io);
    expect(classic.stdout.text()).not.toMatch(/Tips:|Pressure should never hurt/);
    expect(classic.stdout.text()).toMatch(/Who should not use this routine:\n  • If you are or might be pregnant/);
  });

  it.each([['--json', { json: true }], ['--dry-run --json', { dryRun: true, json: true }], ['--json --quiet --no-tips', { json: true, quiet: true, tips: false }]])('%s: on stderr, stdout only events', async (_, flags) => {
    const r = await go(flags);
    expect(r.err).toMatch(NOT_FOR);
    expect(r.out).not.toMatch(/Who should not use/);
    for (const line of r.out.split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('in the live view, first among the notes held above it, with --no-tips too', async () => {
    const r = await go({ tips: false }, true);
    expect(r.out).toBe('');
    expect(r.held).toMatch(new RegExp(`^${NOT_FOR.source}`));
  });
});
