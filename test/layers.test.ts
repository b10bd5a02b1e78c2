// The layout keeps its shape: src/ is layered (model ← core ← store/render ← commands ← cli),
// imports only point down, and no module imports itself back through others, type-only
// imports included. docs/architecture.md describes the layers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const SRC = join(ROOT, 'src');

/** The folders each layer may import from (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  model: [],
  core: ['model'],
  store: ['core', 'model'],
  render: ['core', 'model'],
  commands: ['render', 'store', 'core', 'model'],
  cli: ['commands', 'render', 'store', 'core', 'model', 'boot'],
  boot: ['model'],
  tools: ['cli', 'commands', 'render', 'store', 'core', 'model', 'boot'],
  '.': ['core', 'store', 'model'],
};

/**
 * The packages and Node built-ins each layer may import. The pure layers (model, core) take
 * nothing from Node: no fs, no process, no clock; I/O belongs to store/, sinks and the shell.
 * render/ reaches Node only in its speech sink (voice.ts: finding and spawning the engine).
 */
const PACKAGES: Record<string, readonly string[]> = {
  model: ['zod'],
  core: ['zod'],
  store: ['zod', 'yaml', 'node:fs', 'node:path', 'node:url', 'node:os'],
  render: ['chalk', 'ora', 'svgpath', 'yaml', 'render/voice.ts:node:child_process', 'render/voice.ts:node:fs', 'render/voice.ts:node:path'],
  commands: ['@inquirer/prompts', 'node:path', 'node:fs', 'node:os', 'node:stream'],
  // real-io.ts is the process shell's io: a pipe's writer moves onto Node's non-blocking stream there.
  cli: ['commander', 'cli/real-io.ts:node:fs', 'cli/real-io.ts:node:net', 'cli/real-io.ts:node:tty'],
  boot: ['node:fs', 'node:path', 'node:vm', 'node:os'],
};

const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
const files = walk(SRC).filter((f) => f.endsWith('.ts'));

/** Every relative module a file imports: static, dynamic, re-exports and type-only alike. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  // JSON (package.json for the version) is data, not a module of ours.
  return specs.filter((s) => !s.endsWith('.json')).map((s) => relative(SRC, resolve(dirname(file), s.replace(/\.js$/, '.ts'))));
}

/** Every package or built-in a file imports (static, dynamic, re-export or require). */
function packagesOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'".][^'"]*)['"]/g)].map((m) => m[1]!);
}

const graph = new Map(files.map((f) => [relative(SRC, f), importsOf(f)]));
const layerOf = (path: string) => (path.includes('/') ? path.split('/')[0]! : '.');

/** Every cycle, each as the chain of files that closes it (Tarjan's strongly connected components). */
function cycles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)!.includes(v)) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

describe('the layout', () => {
  it('every import resolves to a file under src/', () => {
    const missing = [...graph].flatMap(([f, deps]) => deps.filter((d) => !graph.has(d)).map((d) => `${f} → ${d}`));
    expect(missing).toEqual([]);
  });

  it('has no import cycles, type-only imports included', () => {
    expect(cycles()).toEqual([]);
  });

  it('imports only point down the layers', () => {
    const wrong = [...graph].flatMap(([f, deps]) => {
      const from = layerOf(f);
      const allowed = ALLOWED[from];
      if (!allowed) return [`${f}: folder "${from}" is not a known layer`];
      return deps.filter((d) => layerOf(d) !== from && !allowed.includes(layerOf(d))).map((d) => `${f} → ${d}`);
    });
    expect(wrong).toEqual([]);
  });

  it('the pure layers import nothing from Node, and each layer only the packages it is for', () => {
    const wrong = files.flatMap((file) => {
      const f = relative(SRC, file);
      const allowed = PACKAGES[layerOf(f)];
      if (!allowed) return [];
      return packagesOf(file).filter((p) => !allowed.includes(p) && !allowed.includes(`${f}:${p}`)).map((p) => `${f} → ${p}`);
    });
    expect(wrong).toEqual([]);
  });

  it('finds a planted Node import in the core (the package check can fail)', () => {
    expect(packagesOf(join(SRC, 'store/paths.ts'))).toContain('node:path');
    expect(PACKAGES.core).not.toContain('node:path');
  });

  it('renderers take timelines: nothing under render/ plans', () => {
    expect([...graph].filter(([f, deps]) => f.startsWith('render/') && deps.includes('core/plan.ts')).map(([f]) => f)).toEqual([]);
  });

  it('keeps at most two loose files at the top of src/', () => {
    expect(readdirSync(SRC).filter((f) => statSync(join(SRC, f)).isFile()).length).toBeLessThanOrEqual(2);
  });

  it('finds a planted cycle and an upward import (the checks can fail)', () => {
    graph.set('core/__a.ts', ['core/__b.ts', 'commands/list.ts']);
    graph.set('core/__b.ts', ['core/__a.ts']);
    try {
      expect(cycles()).toContainEqual(['core/__a.ts', 'core/__b.ts']);
      expect(ALLOWED.core).not.toContain(layerOf('commands/list.ts'));
    } finally {
      graph.delete('core/__a.ts');
      graph.delete('core/__b.ts');
    }
  });
});
