// Start-up reads with string code what regular expressions read before (each is compiled afresh
// at every start); each must answer as the expression it replaced. model/point-number.ts's
// reading of a code's number as /^(.*?)(\d+)$/, on every code and on anything else (but that its
// stem may hold a line break, which no id has: the schema's).
import { describe, expect, it } from 'vitest';
import { pointNumber } from '../src/model/point-number.js';
import { hasYamlExtension } from '../src/store/yaml-name.js';

describe('pointNumber', () => {
  it('splits a code where its last digits start', () => {
    expect(pointNumber('LI4')).toEqual({ stem: 'LI', digits: '4' });
    expect(pointNumber('EX-HN3')).toEqual({ stem: 'EX-HN', digits: '3' });
    expect(pointNumber('BL67')).toEqual({ stem: 'BL', digits: '67' });
    expect(pointNumber('A1B22')).toEqual({ stem: 'A1B', digits: '22' });
    expect(pointNumber('007')).toEqual({ stem: '', digits: '007' });
    for (const id of ['', 'LI', 'LI4a', '4 ', 'LI٤']) expect(pointNumber(id), id).toBeUndefined();
  });

  it('agrees with /^([\\s\\S]*?)(\\d+)$/ on 5,000 generated strings', () => {
    const chars = ['L', 'I', '-', '0', '1', '9', ' ', 'x', '\n', '٣'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 5000; n++) {
      let s = '';
      for (let k = next() % 7; k > 0; k--) s += chars[next() % chars.length];
      const m = /^([\s\S]*?)(\d+)$/.exec(s);
      expect(pointNumber(s), JSON.stringify(s)).toEqual(m ? { stem: m[1], digits: m[2] } : undefined);
    }
  });
});

describe('hasYamlExtension', () => {
  it('agrees with /\\.ya?ml$/i on names near the rule', () => {
    const stems = ['', 'a', '.', 'my-neck', 'x.y'];
    const ends = ['.yaml', '.yml', '.YAML', '.Yml', '.yaMl', 'yaml', '.yam', '.ymll', '.yaml ', '.json', '..yml', '.ya ml', 'ml', '.ıml', '.YAML\n'];
    for (const s of stems) for (const e of ends) expect(hasYamlExtension(s + e), JSON.stringify(s + e)).toBe(/\.ya?ml$/i.test(s + e));
  });
});
