// Saving a code cache flushes it to disk before renaming it into place: after a power loss the
// name must never point at a file of zeros (the rename reached the disk, the data did not),
// which V8 would crash on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from './helpers.js';

const calls = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    fsyncSync: (fd: number) => (calls.push('fsync'), fs.fsyncSync(fd)),
    renameSync: (from: string, to: string) => (calls.push('rename'), fs.renameSync(from, to)),
  };
});

describe('saving a code cache', () => {
  it('flushes the data before the rename', async () => {
    const { saveCache } = await import('../src/boot/code-cache.js');
    const file = join(tempDir('acupress-save-'), 'code', '1111111111111111', 'v20-x64', 'app.cache');
    saveCache(file, Buffer.from('cache bytes'));
    expect(readFileSync(file, 'utf8')).toBe('cache bytes');
    expect(calls).toEqual(['fsync', 'rename']);
  });
});
