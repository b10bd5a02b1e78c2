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

const seen: { above?: number; printed?: string } = {};
let printedSoFar = () => '';
vi.mock('../src/commands/run/live.js', async (original) => ({
  ...(await original<typeof import('../src/commands/run/live.js')>()),
  live: vi.fn(async (_io: unknown, _catalog: unknown, _timeline: unknown, _findings: unknown, o: { above?: number }) => {
    seen.above = o.above;
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
    await run({ args: ['headache'], profile: true, tips: false, history: false, yes: true }, f.io);
    expect(seen.printed).toMatch(/^Using your safety profile: osteoporosis/);
    expect(seen.above).toBe(rowsOf(stripEscapes(seen.printed!), 80));
  });

  it('a stream sent elsewhere (stderr to a file) takes no row', async () => {
    const f = fakeIo({ TERM: 'xterm-256color', LANG: 'C.UTF-8' }, true);
    Object.assign(f.stdout, { rows: 24 });
    const path = join(f.io.env.XDG_CONFIG_HOME!, 'acupress/profile.yaml');
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, 'conditions:\n  - osteoporosis\n');
    await run({ args: ['headache'], profile: true, tips: false, history: false, yes: true }, f.io);
    expect(f.stderr.text()).toMatch(/^Using your safety profile/);
    expect(seen.above).toBe(rowsOf(stripEscapes(f.stdout.text()), 80));
  });
});
