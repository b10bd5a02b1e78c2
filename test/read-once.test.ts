// A routine's texts (cues, areas, find) are read for the points they name once per command: a long
// text costs its length each time it is read. Counted here at the reader every reading goes through.
import { describe, expect, it, vi } from 'vitest';
import { run as check } from '../src/commands/check.js';
import { stepPoints } from '../src/core/safety.js';
import { loadBuiltin } from '../src/store/load-catalog.js';
import { fakeIo } from './helpers.js';

const reads = vi.hoisted(() => ({ texts: [] as string[] }));
vi.mock('../src/core/codes-in-text.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/core/codes-in-text.js')>();
  return { ...real, codesInText: (text: string) => (reads.texts.push(text), real.codesInText(text)) };
});

describe('check reads a routine\'s texts once', () => {
  it.each(['headache', 'techniques', 'basics'])('check %s with no condition: its findings and the pregnancy hint from one reading', async (id) => {
    const catalog = await loadBuiltin();
    reads.texts.length = 0;
    stepPoints(catalog, catalog.routines.get(id)!);
    const once = reads.texts.filter((t) => t.length > 0).length;
    expect(once).toBeGreaterThan(0);
    reads.texts.length = 0;
    const { io, stdout } = fakeIo();
    await check({ args: [[id]], profile: false }, io);
    // The hint is there, and came from the same reading.
    expect(stdout.text()).toMatch(/If you are pregnant: this routine uses/);
    expect(reads.texts.filter((t) => t.length > 0).length).toBe(once);
  });
});
