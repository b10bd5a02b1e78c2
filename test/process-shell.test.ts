// The standards the source keeps by construction (HELPERS.md): the process ends only through
// process.exitCode and main's one top-level catch, and fs errors are worded by one table.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');
const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
const sources = walk(SRC).filter((f) => f.endsWith('.ts')).map((f) => ({ file: relative(SRC, f), text: readFileSync(f, 'utf8') }));
/** The code of a file without its comments, so a comment may still name what the code must not do. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('the process shell', () => {
  it('no module calls process.exit: a closed pipe or a failed write winds the command down, and main sets process.exitCode', () => {
    const calls = sources.filter((s) => /\bprocess\.exit\s*\(/.test(code(s.text))).map((s) => s.file);
    expect(calls).toEqual([]);
  });

  it('one errno table: only store/fs-reason.ts words fs error codes', () => {
    // A table entry is a code as a key: `EACCES: 'permission denied'`.
    const tables = sources.filter((s) => /\bE[A-Z]{3,}\s*:\s*['"`]/.test(code(s.text))).map((s) => s.file);
    expect(tables).toEqual(['store/fs-reason.ts']);
  });
});
