// How a cue's words are read for the pressure they ask (pressure-words.ts) and the person they
// guard (safety-words.ts), against the cues an attacker ran as KI3 with --pregnant: each passed
// its ask through the "gently (with pregnancy)" ramp, and `validate` said ok.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pressureAllowed, pressureAsked, withinPressure } from '../src/core/pressure-words.js';
import { guardAt, guards } from '../src/core/safety-words.js';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { catalogFrom } from '../src/model/catalog.js';
import { routineWarnings } from '../src/core/routine-warnings.js';
import { runEventSchema } from '../src/model/json-schemas.js';
import { cli, ROOT, tempTree } from './helpers.js';
import { press, routine } from './fixtures-data.js';

describe('a clause that asks for more loses the ask, safety word or not', () => {
  it('the head\'s weight on the thumbs is read whichever way techniques.ts reads it, "into" too', () => {
    for (const t of ['let your head rest on them.', 'let your head grow heavy.', 'letting the head rest back into the thumbs.', 'rest your head against your fists.']) expect(pressureAsked(t), t).toBe('moderate');
    expect(withinPressure('Press up with steady moderate pressure, letting the head rest back into the thumbs. Stop if you feel dizzy.', 'gentle')).toBe('Press up with steady light pressure. Stop if you feel dizzy.');
    // The head in the hands, or on a pillow, presses no point.
    expect(pressureAsked('rest your head into a pillow.')).toBeUndefined();
  });

  it('pressing until it hurts is an ask, never a guard, and is left out whole', () => {
    for (const cue of ['Lean your body weight into it until it hurts.', 'Dig in with all your strength until it is painful.', 'Lean your body weight into it without stopping.', 'Press until you feel a dull ache.', 'Keep going even if it hurts.', 'Push through the pain.', 'No pain, no gain: press hard.']) {
      expect(pressureAsked(cue), cue).toBe('firm');
      expect(withinPressure(cue, 'gentle'), cue).toBe('');
      expect(withinPressure(cue, 'moderate'), cue).toBe('');
    }
    // Even a light touch to pain asks for too much.
    expect(pressureAsked('Press gently until it hurts.')).toBe('firm');
    expect(guards('Lean your weight in until it hurts')).toBe(false);
    expect(guards('dig in without stopping')).toBe(false);
  });

  it('what only limits is kept: from the safety word\'s part on, or the whole clause when it asks for nothing more', () => {
    expect(withinPressure('Lean your weight in and stop if it hurts.', 'gentle')).toBe('Stop if it hurts.');
    expect(withinPressure('Lean back into the ball never onto the spine.', 'gentle')).toBe('Never onto the spine.');
    expect(withinPressure('Lean your body weight into it, but stop if it hurts.', 'gentle')).toBe('Stop if it hurts.');
    // A limit said with pain words is a guard, and asks for nothing.
    for (const cue of ['Press gently; it should never hurt.', 'Press gently, and stop if it hurts.', 'Hold until the ache eases.', 'Press gently without stopping for 30 seconds.']) {
      expect(pressureAsked(cue), cue).not.toBe('firm');
      expect(withinPressure(cue, 'gentle'), cue).toBe(cue);
    }
    expect(guards('it should never hurt')).toBe(true);
    expect(guardAt('lean in and stop if it hurts')).toBe('lean in and '.length);
  });
});

describe('negated gentleness and a negated stop ask for more', () => {
  it('"avoid being gentle", "don\'t be gentle", "not too gently", "no need to be soft" are firm asks, and guard nothing', () => {
    expect(withinPressure('Avoid being gentle, dig in deep.', 'gentle')).toBe('');
    for (const cue of ['Avoid being gentle.', "Don't be gentle.", 'Don’t be gentle.', 'Press not too gently.', 'No need to be soft.', 'Stop being careful.', 'Never hold back.']) {
      expect(pressureAsked(cue), cue).toBe('firm');
      expect(guards(cue), cue).toBe(false);
      expect(withinPressure(cue, 'gentle'), cue).toBe('');
    }
    // "Do not press gently" in a caution names no level: it is no encouragement.
    expect(pressureAllowed('Do not press gently or otherwise.')).toBeUndefined();
  });

  it('a negation hides nothing past its clause, and a dash ends a clause', () => {
    expect(pressureAsked('Do not stop pressing harder until it aches.')).toBe('firm');
    expect(withinPressure('Do not stop pressing harder until it aches.', 'gentle')).toBe('');
    expect(pressureAsked('Do not ease off - dig in and keep going.')).toBe('firm');
    expect(withinPressure('Do not ease off - dig in and keep going.', 'gentle')).toBe('');
    expect(withinPressure('Do not ease off—dig in.', 'gentle')).toBe('');
    // What it says not to do before the dash is kept; the ask after it goes.
    expect(withinPressure('Do not press on the bone - dig in beside it.', 'gentle')).toBe('Do not press on the bone.');
    // Any dash ends the negation: a figure dash, a bar, a minus.
    for (const dash of ['\u2012', '\u2015', '\u2212']) expect(withinPressure(`Do not press on the bone ${dash} dig in beside it.`, 'gentle'), dash).toBe('Do not press on the bone.');
    // A long run of white space is read as one: the cue is capped, and quickly.
    expect(withinPressure(`Press firmly.${' '.repeat(20_000)}Breathe.`, 'gentle')).toBe('Press gently. Breathe.');
    expect(guards('do not stop')).toBe(false);
    // A list of what pressure stays inside its negation.
    expect(pressureAsked('The nerve lies underneath, so avoid long, hard pressure.')).toBeUndefined();
  });
});

describe('words read as a reader sees them, and every word for more', () => {
  it('folds fullwidth letters and every hidden character, as techniques.ts does', () => {
    for (const cue of ['Press ｆｉｒｍｌｙ.', 'Press fir\u180bmly.', 'Press fir\u200bmly.', 'Press fir\u2063mly.']) {
      expect(pressureAsked(cue), cue).toBe('firm');
      expect(withinPressure(cue, 'gentle'), cue).toBe('Press gently.');
    }
    expect(guards('ｓｔｏｐ if it hurts')).toBe(true);
  });

  it('strongly, heavy pressure, forcefully, vigorously, intense, deep and deeper, hard in every form', () => {
    const gentle: Array<[string, string]> = [
      ['Press strongly.', 'Press gently.'],
      ['Use heavy pressure.', 'Use light pressure.'],
      ['Press heavily.', 'Press gently.'],
      ['Press forcefully.', 'Press gently.'],
      ['Rub vigorously.', 'Rub gently.'],
      ['Use intense pressure.', 'Use light pressure.'],
      ['Press intensely.', 'Press gently.'],
      ['Go deeper.', 'Go lighter.'],
      ['Push deeper.', 'Push lighter.'],
      ['Dig your thumb in deep.', 'Dig your thumb in gently.'],
      ['Sink your thumb deep.', 'Sink your thumb gently.'],
      ['Press hard.', 'Press gently.'],
      ['Press harder.', 'Press lighter.'],
      ['Squeeze as hard as you can.', 'Squeeze as gently as you can.'],
      ['Use hard pressure.', 'Use light pressure.'],
      // The case the sentence is written in, not the shouted word's.
      ['Press HARD.', 'Press gently.'],
      ['PRESS HARD.', 'PRESS GENTLY.'],
      ['Press Firmly.', 'Press Gently.'],
    ];
    for (const [cue, said] of gentle) {
      expect(pressureAsked(cue), cue).toBe('firm');
      expect(withinPressure(cue, 'gentle'), cue).toBe(said);
    }
    expect(withinPressure('Press your hardest.', 'gentle')).toBe('Press your lightest.');
    expect(withinPressure('Press with force.', 'gentle')).toBe('');
    expect(withinPressure('Press strongly into the hollow.', 'moderate')).toBe('Press steadily into the hollow.');
    // Where these words say what, not how hard, they ask for nothing.
    for (const text of ['It is hard to reach; breathe deeply.', 'Opening the mouth slightly makes the hollow deeper.', 'Press on the hard bony bump.', 'Press into the deep hollow.']) {
      expect(pressureAsked(text), text).toBeUndefined();
    }
  });
});

describe('validate warns about each of them', () => {
  const catalog = catalogFrom(buildBuiltin(join(ROOT, 'data')));
  it('a cue with any of these words asks for more than KI3 allows', () => {
    for (const cue of ['Press ｆｉｒｍｌｙ.', 'Press fir\u180bmly.', 'Press strongly.', 'Use heavy pressure.', 'Press forcefully.', 'Rub vigorously.', 'Use intense pressure.', 'Go deeper.', 'Push deeper.', 'Dig your thumb in deep.', 'Sink your thumb deep.', 'Press HARD.', 'Do not stop pressing harder until it aches.', 'Do not ease off - dig in and keep going.', 'Avoid being gentle.', 'Press gently until it hurts.']) {
      const warnings = routineWarnings(catalog, routine([press('KI3', { cue })]));
      expect(warnings.map((w) => w.message), cue).toEqual(['the cue asks for firm pressure, more than KI3 allows (moderate); ask for less']);
    }
  });

  it('on the command line', () => {
    const dir = tempTree({ 'f.yaml': 'id: f\ntitle: F\nsummary: F.\nsources: [me]\nsteps:\n  - press: KI3\n    sides: left\n    rounds: 1\n    cue: "Press \uff46\uff49\uff52\uff4d\uff4c\uff59."\n' });
    const r = cli(['validate', './f.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('f.yaml:9:10 steps[0].cue: warning: the cue asks for firm pressure, more than KI3 allows (moderate); ask for less\n1 warning in 1 file\n');
  });
});

describe('the built CLI: KI3 with --pregnant', () => {
  const file = (cue: string) => tempTree({ 'f.yaml': { id: 'f', title: 'F', summary: 'F.', sources: ['me'], steps: [{ press: 'KI3', sides: 'left', rounds: 1, cue }] } });
  it('run, run --json and show say the cue without the ask, and keep the stop', () => {
    const dir = file('Avoid being gentle, dig in deep. Stop if it hurts.');
    const run = cli(['run', './f.yaml', '--pregnant', '--dry-run', '--no-profile'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/ramp .*Slowly increase pressure on KI3 \(Tàixī\), left foot, gently \(with pregnancy\)\. Stop if it hurts\.\n/);
    expect(run.stdout).not.toMatch(/being gentle|dig in/i);
    const json = cli(['run', './f.yaml', '--pregnant', '--dry-run', '--no-profile', '--json'], { cwd: dir });
    const ramp = json.stdout.trim().split('\n').map((l) => runEventSchema.parse(JSON.parse(l))).find((e) => e.type === 'phase' && e.kind === 'ramp');
    expect(ramp).toMatchObject({ text: 'Slowly increase pressure on KI3 (Tàixī), left foot, gently (with pregnancy). Stop if it hurts.' });
    const show = cli(['show', './f.yaml', '--pregnant', '--no-profile'], { cwd: dir });
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('\n      Stop if it hurts.\n');
    expect(show.stdout).not.toMatch(/being gentle|dig in/i);
  });
});
