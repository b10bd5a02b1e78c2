// The quick path must read a command line exactly as commander does, or leave it to commander.
// Each case parses one argv both ways: commander (with a dispatch that records instead of
// running) and quickParse, and compares what would run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import type { CommandOptions } from '../src/cli/dispatch.js';
import { quickParse } from '../src/cli/quick-argv.js';
import { fakeIo } from './helpers.js';

type Parsed = { command: string; options: CommandOptions } | 'error';

/** What commander would run for argv, or 'error' (usage errors, help, version). */
async function viaCommander(argv: string[]): Promise<Parsed> {
  const { io } = fakeIo();
  let got: Parsed = 'error';
  const program = buildProgram(io, () => {}, async (command, options) => {
    got = { command, options };
    return 0;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch {
    return 'error';
  }
  return got;
}

/** Both parsers agree: the quick one either declines or yields what commander yields. */
async function agree(argv: string[]): Promise<ReturnType<typeof quickParse>> {
  const quick = quickParse(argv);
  if (quick) expect(await viaCommander(argv), argv.join(' ')).toEqual({ command: quick.command, options: quick.options });
  return quick;
}

describe('quick argv path', () => {
  it.each([
    [['show', 'LI4'], { command: 'show', options: { color: true, profile: true, args: [['LI4']] } }],
    [['list'], { command: 'list', options: { color: true, profile: true, args: ['routines'] } }],
    [['list', '--no-profile'], { command: 'list', options: { color: true, profile: false, args: ['routines'] } }],
    [['list', 'points', '--meridian', 'LV', '--json'], { command: 'list', options: { color: true, profile: true, meridian: 'LV', json: true, args: ['points'] } }],
    [['check', 'LI4', '--pregnant'], { command: 'check', options: { color: true, profile: true, pregnant: true, args: [['LI4']] } }],
    [['check', '--condition', 'bleeding', 'LI4'], { command: 'check', options: { color: true, profile: true, condition: ['bleeding', 'LI4'], args: [[]] } }],
    [['--no-color', 'show', 'LI4', 'ST36', '--data', 'a', '--data', 'b'], { command: 'show', options: { color: false, profile: true, data: ['a', 'b'], args: [['LI4', 'ST36']] } }],
    [['check', '--no-profile'], { command: 'check', options: { color: true, profile: false, args: [[]] } }],
    [['--data', 'd', 'list', '--data', 'e'], { command: 'list', options: { color: true, profile: true, data: ['d', 'e'], args: ['routines'] } }],
    [['--data', 'show', 'show', 'LI4'], { command: 'show', options: { color: true, profile: true, data: ['show'], args: [['LI4']] } }],
    // --figure and --no-figure together: no default, so "not said" stays undefined.
    [['show', 'LI4', '--no-figure'], { command: 'show', options: { color: true, profile: true, figure: false, args: [['LI4']] } }],
    [['show', 'headache', '--figure', '--html'], { command: 'show', options: { color: true, profile: true, figure: true, html: true, args: [['headache']] } }],
  ])('%j is read as commander reads it', async (argv, want) => {
    expect(quickParse(argv)).toEqual(want);
    expect(await agree(argv)).toEqual(want);
  });

  it.each([
    [[]], [['run', 'headache']], [['show']], [['list', 'a', 'b']], [['show', '--help']], [['-h']], [['--version']],
    [['show', 'LI4', '--bogus']], [['show', '-x']], [['show', '--json=1']], [['show', '--', 'LI4']], [['list', '--max']],
    [['list', '--max', '-5m']], [['--json', 'show', 'LI4']], [['LI4', 'show']], [['validate', 'x.yaml']], [['check', '--condition']], [['--data', 'list']], [['show', '--condition', 'a', '--no-color', 'LI4']],
  ])('%j is left to commander', (argv) => expect(quickParse(argv)).toBeUndefined());

  it('agrees with commander on thousands of generated command lines', async () => {
    const token = fc.constantFrom(
      'show', 'list', 'check', 'run', 'LI4', 'headache', 'points', 'routines', 'x', '', '-', '--', '-h', '--help', '-V',
      '--json', '--yaml', '--pregnant', '--no-profile', '--no-color', '--color', '--condition', 'bleeding', '--meridian', 'LV',
      '--region', 'hand', '--tag', '--search', '--max', '5m', '--data', '/tmp', '--bogus', '--json=1', '-j', '--quick',
      '--figure', '--no-figure', '--html',
    );
    let quick = 0;
    // Mostly a command and some words after it, as people type; sometimes any words at all.
    const line = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.array(fc.constantFrom('--no-color', '--data', '/tmp'), { maxLength: 2 }), fc.constantFrom('show', 'list', 'check'), fc.array(token, { maxLength: 6 })).map(([pre, cmd, rest]) => [...pre, cmd, ...rest]) },
      { weight: 1, arbitrary: fc.array(token, { maxLength: 7 }) },
    );
    await fc.assert(fc.asyncProperty(line, async (argv) => {
      if (await agree(argv)) quick++;
    }), { numRuns: 3000 });
    // The generator must reach the quick path often enough for the comparison to mean something.
    expect(quick).toBeGreaterThan(200);
  });
});
