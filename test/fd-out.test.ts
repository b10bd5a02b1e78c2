// The plain writer used instead of process.stdout when output is a file, pipe or /dev/null.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fdOut, isPlainSink } from '../src/boot/fd-out.js';
import { tempDir } from './helpers.js';

describe('plain sinks', () => {
  it('knows files and /dev/null from terminals', () => {
    const file = join(tempDir('acupress-fd-'), 'out.txt');
    const fd = openSync(file, 'w');
    const nul = openSync('/dev/null', 'w');
    try {
      expect(isPlainSink(fd, 'linux')).toBe(true);
      expect(isPlainSink(nul, 'linux')).toBe(true);
      // Windows keeps Node's own streams, and a closed descriptor is not trusted.
      expect(isPlainSink(fd, 'win32')).toBe(false);
      expect(isPlainSink(987654, 'linux')).toBe(false);
    } finally {
      closeSync(fd);
      closeSync(nul);
    }
  });

  it('writes every byte of text, multi-byte characters included', () => {
    const file = join(tempDir('acupress-fd-'), 'out.txt');
    const fd = openSync(file, 'w');
    const out = fdOut(fd, () => {
      throw new Error('not closed');
    });
    const text = `合谷 Hégǔ ${'x'.repeat(200_000)}\n`;
    expect(out.isTTY).toBe(false);
    out.write(text);
    out.write('end\n');
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe(`${text}end\n`);
  });

  it('calls onClosed once when the reader has gone (EPIPE), drops later writes, and never throws', () => {
    // A child that closes its end of our pipe at once: `true` as the reader.
    const script = `
      const { fdOut } = await import(${JSON.stringify(new URL('../src/boot/fd-out.ts', import.meta.url).href)});
      let closed = 0;
      const out = fdOut(1, () => closed++);
      await new Promise((r) => setTimeout(r, 200));
      const first = out.write('x'.repeat(1 << 20));
      const second = out.write('more');
      process.stderr.write('closed=' + closed + ' ' + first + ' ' + second + '\\n');
    `;
    const r = spawnSync('bash', ['-c', `"${process.execPath}" --import tsx -e "$0" | true`, script], { encoding: 'utf8', cwd: join(new URL('..', import.meta.url).pathname) });
    expect(r.stderr).toContain('closed=1 false false');
  });

  it('pipes are plain sinks too', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', `import('./src/boot/fd-out.ts').then(({ isPlainSink }) => process.stderr.write(String(isPlainSink(1, 'linux'))))`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: new URL('..', import.meta.url).pathname });
    expect(r.stderr).toBe('true');
  });
});

describe('output errors (issue 15)', () => {
  it.skipIf(!existsSync('/dev/full'))('a full device (ENOSPC) goes to onFailed, never a throw', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const failed: string[] = [];
      const out = fdOut(fd, () => { throw new Error('not closed'); }, (e) => failed.push(e.code!));
      expect(out.write('hello\n')).toBe(false);
      expect(out.write('again\n')).toBe(false);
      // Told once: the writer is dead after its first failure, so main reports it once.
      expect(failed).toEqual(['ENOSPC']);
      // Without a handler the error is thrown, as before (tests and tools that want it).
      expect(() => fdOut(fd, () => undefined).write('x')).toThrow(/ENOSPC/);
    } finally {
      closeSync(fd);
    }
  });
});
