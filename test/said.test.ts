// The build says every built-in technique and cue within the lighter pressures once (said-<n>.json),
// so a start that caps one compiles none of the pressure words' patterns. What it says must be
// what withinPressure says, text for text, and a text it did not see is worked out as before.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../src/store/snapshot.js';
import { withinPressure } from '../src/core/pressure-words.js';
import { pointCap, pressureCaps } from '../src/core/step-cautions.js';
import { ROOT } from './helpers.js';

const catalog = readSnapshot(join(ROOT, 'dist/data'))!;

describe("the build's said texts", () => {
  const texts = new Set<string>();
  for (const p of catalog.points.values()) if (p.technique) texts.add(p.technique);
  for (const r of catalog.routines.values()) for (const s of r.steps) if ((s.kind === 'press' || s.kind === 'massage') && s.cue) texts.add(s.cue);

  it('hold every built-in technique and cue, said as withinPressure says it at gentle and moderate pressure', () => {
    expect(texts.size).toBeGreaterThan(200);
    let changed = 0;
    for (const text of texts) {
      for (const allowed of ['gentle', 'moderate'] as const) {
        const said = catalog.said!(text, allowed);
        expect(said, `${allowed}: ${text}`).toBe(withinPressure(text, allowed));
        if (said !== text) changed++;
      }
    }
    // Some of them are said otherwise (LI4's "pressing firmly toward the bone").
    expect(changed).toBeGreaterThan(20);
  });

  it('know no other text, nor an Object property name', () => {
    expect(catalog.said!('Press firmly with your thumb, a text no point has.', 'gentle')).toBeUndefined();
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(catalog.said!(name, 'gentle')).toBeUndefined();
  });

  it('are what the caps say: a known text from the table, any other worked out', () => {
    const pregnancy = catalog.conditions.get('pregnancy')!;
    const li4 = catalog.points.get('LI4')!;
    const asked: string[] = [];
    const said = { conditions: catalog.conditions, said: (text: string, allowed: 'gentle' | 'moderate') => (asked.push(text), catalog.said!(text, allowed)) };
    const cap = pointCap(li4, [], [pregnancy], said)!;
    expect(cap.say(li4.technique!)).toBe(withinPressure(li4.technique!, 'gentle'));
    expect(cap.say(li4.technique!)).toMatch(/pressing gently toward the bone/);
    expect(asked).toEqual([li4.technique]);
    // A user's text the build never saw: worked out, the same as without the table.
    expect(cap.say('Press firmly and deeply, then dig in.')).toBe(withinPressure('Press firmly and deeply, then dig in.', 'gentle'));
    const headache = catalog.routines.get('headache')!;
    const caps = pressureCaps(headache, (id) => catalog.points.get(id), [], [pregnancy], said);
    const plain = pressureCaps(headache, (id) => catalog.points.get(id), [], [pregnancy], { conditions: catalog.conditions });
    headache.steps.forEach((s, i) => {
      if ('cue' in s && s.cue) expect(caps.get(i)?.say(s.cue), s.cue).toBe(plain.get(i)?.say(s.cue));
    });
  });
});
