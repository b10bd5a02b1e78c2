// Property tests for issue 15 (fast-check): validation lets no control character through, and a
// data directory full of odd file names (any bytes) never stops the load. A file of its own, so
// the long property file keeps its worker answering vitest.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { routineSchema } from '../src/model/schema.js';
import { checkYamlText, formatProblem } from '../src/store/yaml-load.js';
import { tempDir } from './helpers.js';

/** Every string in a value, with the path of keys that leads to it. */
function strings(v: unknown, path = ''): Array<[string, string]> {
  if (typeof v === 'string') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, path ? `${path}.${k}` : k));
  return [];
}

describe('no control character gets through validation', () => {
  /** Text with controls (C0, DEL, C1, escape sequences) mixed into ordinary words. */
  const hostileText = fc.array(fc.oneof(
    fc.constantFrom('Press', ' firmly', 'LI4', 'é', '合谷', '\n', '\t', '\r', '\x1b[2J', '\x1b]0;x\x07', '\x7f', '\u009b', '\u0085', '\x00', '\x08'),
    fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
  ), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
  const BLOCK = new Set(['summary', 'evidence', 'cue', 'find', 'contraindications', 'red_flags', 'tips']);

  // In parts, so the test worker keeps answering vitest between them.
  it.each([1, 2, 3])('a routine whose text fields hold arbitrary controls either fails, or holds none (newline and tab only in block text), part %i', () => {
    fc.assert(fc.property(hostileText, hostileText, hostileText, hostileText, (title, summary, cue, alias) => {
      const text = stringify({ id: 'x', title, summary, aliases: [alias], sources: ['s'], steps: [{ press: 'LI4', cue }, { massage: title, duration: '1m' }] });
      const r = checkYamlText(text, 'x.yaml', routineSchema);
      if (!r.ok) {
        for (const p of r.problems) expect(formatProblem(p)).not.toMatch(/[\0-\x1f\x7f-\x9f]/);
        return;
      }
      for (const [path, s] of strings(r.value)) {
        const field = path.replace(/\[\d+\]/g, '').split('.').pop()!;
        expect(s, path).not.toMatch(BLOCK.has(field) ? /[\0-\x08\x0b-\x1f\x7f-\x9f]/ : /[\0-\x1f\x7f-\x9f]/);
      }
    }), { numRuns: 500 });
  });
});

describe('odd file names in a data directory', () => {
  /** A file name as bytes: anything but "/" and NUL, ending in .yaml so the loader looks at it. */
  const nameBytes = fc.uint8Array({ minLength: 1, maxLength: 12 })
    .map((b) => Buffer.concat([Buffer.from(b.filter((x) => x !== 0x2f && x !== 0)), Buffer.from('.yaml')]))
    .filter((b) => b[0] !== 0x2e);

  it('never stop the load: each bad one is named, escaped, in one warning line', async () => {
    const { loadCatalog } = await import('../src/store/load-catalog.js');
    const good = stringify({ id: 'good', title: 'G', summary: 'S.', sources: ['s'], steps: [{ rest: '5s' }] });
    await fc.assert(fc.asyncProperty(fc.array(nameBytes, { minLength: 1, maxLength: 4 }), async (names) => {
      const dir = tempDir('acupress-names-');
      mkdirSync(join(dir, 'routines'));
      writeFileSync(join(dir, 'routines', 'good.yaml'), good);
      for (const [i, name] of names.entries()) {
        try {
          writeFileSync(Buffer.concat([Buffer.from(join(dir, 'routines/')), name]), stringify({ id: `odd-${i}`, title: 'O', summary: 'S.', sources: ['s'], steps: [{ rest: '5s' }] }));
        } catch {
          // A name the filesystem refuses (too long): nothing to test.
        }
      }
      const catalog = await loadCatalog({ env: { HOME: dir, ACUPRESS_NO_CACHE: '1' }, cwd: dir, data: [dir] });
      await new Promise((r) => setImmediate(r)); // let the worker answer vitest between runs
      expect(catalog.routines.has('good')).toBe(true);
      // Every name that is not clean UTF-8 text gets its own warning; every clean one loads.
      const { nameFromBytes } = await import('../src/store/source-file.js');
      const bad = names.filter((b) => nameFromBytes(b).name === undefined);
      expect(catalog.notices.filter((n) => n.includes('the file name is not valid UTF-8 text')).length).toBe(new Set(bad.map((b) => b.toString('hex'))).size);
      for (const n of catalog.notices) {
        expect(n).toMatch(/^(warning: skipped |note: )/);
        expect(n).not.toMatch(/[\0-\x1f\x7f-\x9f]/);
        expect(n.split('\n')).toHaveLength(1);
      }
    }), { numRuns: 80 });
  });
});

describe('JSON output', () => {
  // history --json printed a bidi override from a hand-edited log raw, reordering the terminal.
  it('escapes every hidden character JSON.stringify leaves raw, and reads back as the same value', async () => {
    const { escapeJsonHidden, escapeHidden } = await import('../src/model/printable.js');
    // Written out here rather than taken from printable.ts, so a character dropped there fails.
    const hidden = /[\u007f-\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202f\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]|\udb40[\udc00-\udc7f\udd00-\uddef]|\ud834[\udd73-\udd7a]|\ud82f[\udca0-\udca3]/;
    const text = fc.array(fc.oneof(
      fc.constantFrom('LI4', ' ', 'é', '合谷', '"', '\\', '\n', '\u202e', '\u2066', '\u2069', '\u200b', '\u2028', '\u00a0', '\u0085', '\u{e0041}', '\u{1f600}', '\ud800',
        '\u202f', '\u206a', '\u3164', '\uffa0', '\u034f', '\u17b4', '\u{1d173}', '\u{e0100}', '\u{e01ef}', '\u180b', '\u180d', '\ufe00', '\ufe0f', '\u{1bca0}', '\u{1bca3}'),
      fc.integer({ min: 0, max: 0x3000 }).map((c) => String.fromCharCode(c)),
    ), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, text, (a, b) => {
      const value = { title: a, points: [b], n: 1 };
      for (const json of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
        const out = escapeJsonHidden(json);
        expect(out).not.toMatch(hidden);
        expect(JSON.parse(out)).toEqual(value);
      }
    }));
    // The messages' escaper knows the tag characters too: both halves of the pair, nothing raw.
    expect(escapeHidden('LI4\u{e0041}')).toBe('LI4\\udb40\\udc41');
    // Characters a terminal shows as nothing, found by an attack on history --json.
    expect(escapeHidden('a\u3164b\u202fc\u{e0100}')).toBe('a\\u3164b\\u202fc\\udb40\\udd00');
    // The Mongolian free variation selectors and the variation selectors: "LI4\ufe0f" is a twin of "LI4".
    expect(escapeHidden('LI4\ufe0f LI\u180b4')).toBe('LI4\\ufe0f LI\\u180b4');
  });
});
