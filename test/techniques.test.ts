// A condition's advice and its rules agree: what the advice says not to do (no kneading with
// bleeding; no neck massage and no turning or tilting the head with artery disease; no leaning
// your weight into a point with osteoporosis) is a `techniques` rule, so check, show and run
// flag the steps that do it, and "nothing to avoid" is never said of them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { catalogFrom } from '../src/model/catalog.js';
import { conditionSchema } from '../src/model/schema.js';
import { pointFindings, routineFindings } from '../src/core/safety.js';
import { massagedRegions } from '../src/core/body-words.js';
import { pointTechniques, stepTechniques } from '../src/core/techniques.js';
import { cliAsync, ROOT, tempTree } from './helpers.js';
import { massage, point, press, rest, routine } from './fixtures-data.js';
import type { Step } from '../src/model/types.js';

const catalog = catalogFrom(buildBuiltin(join(ROOT, 'data')));
const cond = (id: string) => catalog.conditions.get(id)!;
const avoided = (routineId: string, condition: string) =>
  routineFindings(catalog, catalog.routines.get(routineId)!, [cond(condition)])
    .filter((f) => f.level === 'avoid' && f.technique)
    .map((f) => `${f.step}:${f.technique}`);

describe('stepTechniques', () => {
  const m = (over: Partial<Extract<Step, { kind: 'massage' }>>): Step => ({ ...massage('somewhere', 30_000), ...over } as Step);
  it('reads kneading from the motion or the words, the neck from the regions, a moving head from the words', () => {
    expect(stepTechniques(m({ motion: 'kneading' }))).toEqual(['kneading']);
    expect(stepTechniques(press('SI3', { cue: 'Knead the web slowly.' }))).toEqual(['kneading']);
    expect(stepTechniques(m({ motion: 'circles' }), ['neck'])).toEqual(['neck-massage']);
    expect(stepTechniques(m({ motion: 'stretching' }), ['neck'])).toEqual(['neck-massage', 'neck-movement']);
    for (const cue of ['Turn your head slowly from side to side.', 'Let one ear sink toward its shoulder.', 'Ear toward shoulder on each side.',
      'Tilt the head back.', 'Bring your chin down to your chest.', 'Look back over your shoulder.', 'Roll your neck gently.']) {
      expect(stepTechniques(press('SI3', { cue })), cue).toContain('neck-movement');
    }
    expect(stepTechniques(press('SI3', { cue: 'Lean gently into the ball.' }))).toEqual(['body-weight']);
    expect(stepTechniques(press('BL23', { find: 'Lying on two tennis balls in a sock at this level also works.' }))).toEqual(['body-weight']);
  });

  // Phrasings a review found getting through: with neck-arteries, "Bring your right ear toward
  // your right shoulder" was "Nothing to avoid".
  it('reads everyday phrasings of the same movements', () => {
    for (const cue of ['Bring your right ear toward your right shoulder.', 'Look over your left shoulder.', 'Turn to look behind you.', 'Gently nod.',
      'look left, then look right', 'Turn your chin toward one shoulder.', 'Shake your head slowly.', 'Tip your head back and look up at the ceiling.',
      'A few head-turns, then ear-to-shoulder.', 'Drop your head forward.']) {
      expect(stepTechniques(press('SI3', { cue })), cue).toContain('neck-movement');
    }
    // Where to look, and a stretch of the body named by its ends, move no head (TE3's and EX-B2's directions).
    for (const cue of ['Look at the back of your hand.', 'Look for the hollow behind the knuckles.', 'From the base of the neck down to the shoulder blades.']) {
      expect(stepTechniques(press('SI3', { cue })), cue).not.toContain('neck-movement');
    }
    expect(stepTechniques(press('SI3', { cue: 'Bring your head down to your chest.' }))).toContain('neck-movement');
    for (const cue of ['Look to the left, then to the right.', 'Slowly look to your right.', 'Look at your left shoulder.']) {
      expect(stepTechniques(press('SI3', { cue })), cue).toContain('neck-movement');
    }
    for (const cue of ['You can also rest your back gently against a tennis ball on a wall.', 'Put a ball on the floor and lower yourself onto it.']) {
      expect(stepTechniques(press('GV14', { cue })), cue).toContain('body-weight');
    }
    expect(stepTechniques(press('CV4', { cue: 'With the fingertips of one or both hands, sink slowly and straight down into the belly as you breathe out.' }))).not.toContain('body-weight');
    for (const cue of ['Squeeze and roll the muscle firmly between your fingers.', 'Roll the muscles back and forth like dough.', 'Work the calf like dough.']) {
      expect(stepTechniques(press('ST36', { cue })), cue).toContain('kneading');
    }
    for (const cue of ['Sink your weight onto the ball.', 'Put a tennis ball between your upper back and a door, letting your body sink onto it.']) {
      expect(stepTechniques(press('BL15', { cue })), cue).toContain('body-weight');
    }
  });

  // A tester's phrasings, built-in and in user files, that put the head's or the body's weight on a
  // point (osteoporosis: "never lean your body weight into a point"; neck-arteries: "keep pressure
  // here light") or knead by another name (bleeding), and were not read.
  it('reads the head\'s weight on the thumbs, letting your weight press, sitting back against a foam roller, bread dough', () => {
    for (const cue of ['Press up and in, and let your head grow heavy on your thumbs.', 'Thumbs in the hollows under your skull. Press up and in, and rest your head on them.',
      'Press up and in, and let your head grow heavy.', 'Press up and in, and let your head rest on it.', 'Rest the back of your head on the ball.',
      'Press the point, letting your weight press the point.', 'Sit back against a foam roller under your spine.', 'Lean back against the wall.',
      'Lie back onto the foam-roller.', 'Use your body weight.']) {
      expect(stepTechniques(press('GB20', { cue })), cue).toContain('body-weight');
    }
    for (const cue of ['Working the muscle like bread dough.', 'Squeeze it like pizza dough.']) {
      expect(stepTechniques(press('ST36', { cue })), cue).toContain('kneading');
    }
  });

  it('finds no weight in what says to keep it off, a head resting in the hands, or the body growing heavy at rest', () => {
    for (const cue of ['Press in with your knuckles and breathe out; keep your weight off them.', 'Rest your head in your hands.', 'Sit back, hands resting.',
      'Let your body grow heavy.', 'Lie with your head on a pillow.', 'Cradle your head in your hands.']) {
      expect(stepTechniques(press('BL23', { cue })), cue).toEqual([]);
      expect(stepTechniques({ ...rest(10_000), cue } as Step), cue).toEqual([]);
    }
  });

  it('finds nothing in ordinary cues: a hand turned over, shoulders rolled, lying on your back', () => {
    for (const cue of ['Turn your hand over.', 'Roll your shoulders slowly backward.', 'Lie on your back with knees bent.', 'Rest your head in your hands.', 'Drop your hands into your lap.',
      'It sinks into a small hollow just under the bone; that is the point.', 'The finger sinks into a soft hollow between the tendons.']) {
      expect(stepTechniques(press('LI4', { cue })), cue).toEqual([]);
      expect(stepTechniques({ ...rest(10_000), cue } as Step), cue).toEqual([]);
    }
    expect(stepTechniques(m({ motion: 'stretching' }), ['shoulder'])).toEqual([]);
  });
});

describe('conditions whose advice restricts a technique say so as a rule', () => {
  it('neck-arteries avoids the neck routine\'s neck massage, its stretch and SI3\'s "turn your head"', () => {
    const neck = catalog.routines.get('neck')!;
    const si3 = neck.steps.findIndex((s) => s.kind === 'press' && s.point === 'SI3');
    const back = neck.steps.findIndex((s) => s.kind === 'massage' && /back of the neck/.test(s.area));
    const sides = neck.steps.findIndex((s) => s.kind === 'massage' && /sides of the neck/.test(s.area));
    expect(avoided('neck', 'neck-arteries')).toEqual(expect.arrayContaining([`${back}:neck-massage`, `${si3}:neck-movement`, `${sides}:neck-massage`, `${sides}:neck-movement`]));
    // Without the condition, nothing of the kind.
    expect(routineFindings(catalog, neck, []).filter((f) => f.technique)).toEqual([]);
  });

  it('bleeding avoids kneading, wherever it is; osteoporosis avoids leaning into a ball', () => {
    const wrists = catalog.routines.get('wrists')!;
    const knead = wrists.steps.findIndex((s) => s.kind === 'massage' && s.motion === 'kneading');
    expect(avoided('wrists', 'bleeding')).toEqual([`${knead}:kneading`]);
    expect(avoided('headache', 'bleeding')).toEqual([]);
    expect(avoided('shoulders', 'osteoporosis').map((x) => x.split(':')[1])).toEqual(['body-weight']);
    // Every technique a rule names is one some built-in routine step uses, so none is a dead letter.
    for (const c of catalog.conditions.values()) {
      for (const r of c.rules.filter((x) => x.techniques)) {
        for (const t of r.techniques!) {
          const used = [...catalog.routines.values()].some((x) => routineFindings(catalog, x, [c]).some((f) => f.technique === t));
          expect(used, `${c.id} ${t}`).toBe(true);
        }
      }
    }
  });

  // The GB20 cues of headache, desk-break, skull-base and evening put the head's weight on the
  // thumbs: osteoporosis left them in, and neck-arteries said nothing of them.
  it('osteoporosis avoids the GB20 steps that rest the head on the thumbs; neck-arteries takes them with care', () => {
    for (const id of ['headache', 'desk-break', 'skull-base', 'evening']) {
      const r = catalog.routines.get(id)!;
      const gb20 = r.steps.findIndex((s) => s.kind === 'press' && s.point === 'GB20');
      expect(avoided(id, 'osteoporosis'), id).toContain(`${gb20}:body-weight`);
      const care = routineFindings(catalog, r, [cond('neck-arteries')]).filter((f) => f.technique === 'neck-weight');
      expect(care.map((f) => [f.step, f.level]), id).toEqual([[gb20, 'caution']]);
    }
  });

  // With neck-arteries, shoulders' SI11 (a ball at the shoulder blade) and low-back's BL23 and BL52
  // (lying on balls) were cautions "on the neck and at the base of the skull"; the cue still said lean.
  it('neck-arteries takes weight with care only where the neck takes it: the head\'s weight, a point on the neck, a head that moves', () => {
    const weightOnNeck = (id: string) => routineFindings(catalog, catalog.routines.get(id)!, [cond('neck-arteries')]).filter((f) => f.technique === 'body-weight' || f.technique === 'neck-weight');
    expect(weightOnNeck('shoulders')).toEqual([]);
    expect(weightOnNeck('low-back')).toEqual([]);
    // osteoporosis still avoids the lean on SI11 and takes BL23's balls with care.
    expect(avoided('shoulders', 'osteoporosis').map((x) => x.split(':')[1])).toEqual(['body-weight']);
    expect(routineFindings(catalog, catalog.routines.get('low-back')!, [cond('osteoporosis')]).some((f) => f.technique === 'body-weight')).toBe(true);
    // The neck routine's BL10 ("letting the head rest back into the thumbs") keeps it.
    expect(weightOnNeck('neck').map((f) => `${f.point}:${f.technique}:${f.level}`)).toEqual(['BL10:neck-weight:caution']);
    // A step: the same lean is weight on the neck at a point of the neck (GV14), or with the head moving; not at the shoulder blade.
    const lean = 'Lean gently into the ball.';
    expect(stepTechniques(press('SI11', { cue: lean }), [], ['upper-back'])).toEqual(['body-weight']);
    expect(stepTechniques(press('GV14', { cue: lean }), [], ['neck'])).toEqual(['body-weight', 'neck-weight']);
    expect(stepTechniques(press('SI11', { cue: 'Turn your head to the left and lean gently into the ball.' }), [], ['upper-back'])).toEqual(['neck-movement', 'body-weight', 'neck-weight']);
    expect(stepTechniques(press('LI4', { cue: 'Let your head grow heavy on your thumbs.' }), [], ['hand'])).toEqual(['body-weight', 'neck-weight']);
    // A point's own directions: SI11's lean is no weight on the neck, GV14's ball on a wall is.
    const asks = (id: string) => pointTechniques(catalog.points.get(id)!, () => []).map((a) => a.technique);
    expect(asks('SI11')).toEqual(['body-weight']);
    expect(asks('GV14')).toEqual(expect.arrayContaining(['body-weight', 'neck-weight']));
  });

  // After cca098a a lean at the base of the skull (BL9) or on the mastoid (GB12), points of the
  // `head` region, said nothing with neck-arteries, and a rest step's ball under GB20 only GB20's
  // own caution: the base of the skull and behind the ear are where the neck's arteries run.
  it('neck-arteries takes weight with care at the skull and behind the ear: a head point, those words, a point the cue names', () => {
    const bl9 = press('BL9', { cue: 'Lie back on two tennis balls in a sock at the base of your skull.' });
    const gb12 = press('GB12', { cue: 'Lie on your back with a tennis ball under the point behind your ear and let your weight sink onto it.' });
    const gb20 = { kind: 'rest', duration: 10_000, cue: 'Lie back with a tennis ball under GB20 and let your weight sink onto it.' } as Step;
    const care = (steps: Step[]) => routineFindings(catalog, routine(steps), [cond('neck-arteries')]).filter((f) => f.technique).map((f) => `${f.step}:${f.technique}:${f.level}`);
    expect(care([bl9, gb12, gb20])).toEqual(['0:neck-weight:caution', '1:neck-weight:caution', '2:neck-weight:caution']);
    // Each reading alone: the words (no point region), a point of the head (no such words), a point named in the cue.
    expect(stepTechniques(bl9)).toEqual(['body-weight', 'neck-weight']);
    expect(stepTechniques(gb12)).toEqual(['body-weight', 'neck-weight']);
    for (const cue of ['Rest your occiput on the ball and let your weight sink onto it.', 'Lean into the ball at the mastoid.', 'Lie back on two balls under the back of your head.'])
      expect(stepTechniques(press('SI3', { cue })), cue).toContain('neck-weight');
    const lean = 'Lean gently into the ball.';
    expect(stepTechniques(press('GB19', { cue: lean }), [], ['head'])).toEqual(['body-weight', 'neck-weight']);
    expect(stepTechniques(gb20)).toEqual(['body-weight']);
    expect(stepTechniques(gb20, [], ['neck'])).toEqual(['body-weight', 'neck-weight']);
    expect(care([{ kind: 'rest', duration: 10_000, cue: 'Lean gently into a ball under TE17.' } as Step])).toEqual(['0:neck-weight:caution']);
    // cca098a's fix holds: a lean at the shoulder blade, or balls at the low back, named in a cue or pressed.
    expect(care([press('SI11', { cue: lean }), { kind: 'rest', duration: 10_000, cue: 'Lie on two tennis balls under BL23 and BL52.' } as Step])).toEqual([]);
  });

  it('a rule names exactly one of points, regions, techniques or practice; an unknown technique is refused', () => {
    const base = { id: 'x', title: 'X', description: 'X.', advice: 'X.' };
    const rule = { level: 'avoid', reason: 'Because.', source: 'NHS, "X".' };
    expect(conditionSchema.safeParse({ ...base, rules: [{ ...rule, techniques: ['kneading'] }] }).success).toBe(true);
    expect(conditionSchema.safeParse({ ...base, rules: [{ ...rule, techniques: ['cracking'] }] }).success).toBe(false);
    expect(conditionSchema.safeParse({ ...base, rules: [{ ...rule, techniques: ['kneading'], regions: ['neck'] }] }).success).toBe(false);
  });

  it('a fixture routine: a rest step that says to turn the head is avoided with neck-arteries, found by its step', () => {
    const r = routine([press('LI4'), { kind: 'rest', duration: 10_000, cue: 'Turn your head to look over your shoulder.' }]);
    const f = routineFindings(catalog, r, [cond('neck-arteries')]).filter((x) => x.technique);
    expect(f.map((x) => [x.step, x.technique, x.level])).toEqual([[1, 'neck-movement', 'avoid']]);
  });
});

// A review found press and rest steps whose cues said to rub the neck or the lower belly passed as
// "Nothing to avoid": only massage steps were read for a region or for neck massage.
describe('what any step\'s texts say to rub or knead', () => {
  it('massagedRegions reads the body words of what a massage verb acts on, to the end of its clause', () => {
    expect(massagedRegions('Squeeze LI4 while you rub the sides of your neck in firm circles with the other hand.')).toEqual(['neck']);
    expect(massagedRegions('Now knead the neck muscles with both hands, up and down the throat.')).toEqual(['neck']);
    expect(massagedRegions('Press PC6 and rub your lower belly firmly in circles.')).toEqual(['abdomen']);
    expect(massagedRegions('Massage your abdomen deeply below the navel.')).toEqual(['abdomen']);
    expect(massagedRegions('Stroke the small of your back.')).toEqual(['lower-back']);
    // A review's misses: a list, "or", and what it is rubbed with before the region.
    expect(massagedRegions('Squeeze LI4 and massage the shoulders, neck and jaw.')).toEqual(['neck', 'face', 'shoulder']);
    expect(massagedRegions('Knead your shoulders or neck')).toEqual(['neck', 'shoulder']);
    expect(massagedRegions('Massage with your fingertips along the sides of the neck')).toEqual(['neck']);
    expect(massagedRegions('Rub with your palm over the lower belly')).toEqual(['abdomen']);
    for (const text of ['Rest your hands on your belly and breathe.', 'Press firmly and breathe into your belly.', 'Squeeze LI4 while you breathe into your belly.', 'Look at your neck in a mirror.', undefined]) {
      expect(massagedRegions(text), String(text)).toEqual([]);
    }
  });

  it('a press or rest step that rubs the neck is a neck massage (neck-arteries), one that rubs the belly works the abdomen (pregnancy)', () => {
    const neck = routine([
      press('LI4', { cue: 'Squeeze LI4 while you rub the sides of your neck in firm circles with the other hand.' }),
      { kind: 'rest', duration: 30_000, cue: 'Now knead the neck muscles with both hands, up and down the throat.' },
    ]);
    const f = routineFindings(catalog, neck, [cond('neck-arteries')]).filter((x) => x.level === 'avoid');
    expect(f.filter((x) => x.technique === 'neck-massage').map((x) => x.step)).toEqual([0, 1]);
    const belly = routine([
      press('PC6', { cue: 'Press PC6 and rub your lower belly firmly in circles.' }),
      { kind: 'rest', duration: 30_000, cue: 'Now massage your abdomen deeply below the navel.' },
    ]);
    const g = routineFindings(catalog, belly, [cond('pregnancy')]).filter((x) => x.level === 'avoid');
    expect(g.map((x) => [x.step, x.region])).toEqual([[0, 'abdomen'], [1, 'abdomen']]);
    // A massage step's cue too: a hand massage that goes on to rub the neck.
    const m = routine([{ ...massage('the palm', 30_000), regions: ['hand'], cue: 'Then rub the back of your neck.' } as Step]);
    expect(routineFindings(catalog, m, [cond('neck-arteries')]).map((x) => x.technique)).toContain('neck-massage');
    // Rubbing the neck at a neck point is a neck massage all the same; a press step's cue rubbing its own point's region is not said twice.
    expect(routineFindings(catalog, routine([press('GB20', { cue: 'Rub the back of your neck in circles.' })]), [cond('neck-arteries')]).map((x) => x.technique)).toContain('neck-massage');
    expect(routineFindings(catalog, routine([press('LI4', { cue: 'Pinch the web of your hand.' })]), [cond('devices')]).map((x) => x.point ?? x.region)).toEqual(['LI4']);
    // Still nothing where the cue rubs nothing.
    const calm = routine([press('PC6', { cue: 'Press PC6 and breathe into your belly.' }), { kind: 'rest', duration: 10_000, cue: 'Rest your hands on your belly.' }]);
    expect(routineFindings(catalog, calm, [cond('pregnancy'), cond('neck-arteries')])).toEqual([]);
  });
});

// A review found points whose own directions ("Bend your head forward", "holding or kneading",
// "Lie on your back on two tennis balls") were shown by show and run with "nothing to avoid".
describe('a point\'s own texts, under the technique rules', () => {
  const found = (id: string, condition: string) => pointFindings(catalog.points.get(id)!, [cond(condition)], id).filter((f) => f.technique).map((f) => `${f.technique}:${f.level}`);

  it('a head bent to find it is a caution with neck-arteries, saying to keep the head still', () => {
    for (const id of ['GV14', 'BL13', 'SI14', 'EX-B1']) expect(found(id, 'neck-arteries'), id).toContain('neck-movement:caution');
    const f = pointFindings(catalog.points.get('GV14')!, [cond('neck-arteries')], 'GV14').find((x) => x.technique)!;
    expect(f.reason).toMatch(/Its directions for finding it \(acupress show\) ask for turning or tilting the head: find it with your head still\.$/);
    expect(f).toMatchObject({ point: 'GV14', condition: 'neck-arteries', source: cond('neck-arteries').rules.find((r) => r.techniques?.includes('neck-movement'))!.source });
  });

  it('"holding or kneading" is a caution with bleeding, saying to press still; lying on tennis balls as the way to press is avoided with osteoporosis', () => {
    for (const id of ['SP10', 'LI10', 'ST34']) expect(found(id, 'bleeding'), id).toEqual(['kneading:caution']);
    expect(pointFindings(catalog.points.get('SP10')!, [cond('bleeding')], 'SP10').find((x) => x.technique)!.reason).toMatch(/press it still, without kneading\.$/);
    for (const id of ['BL15', 'EX-B2']) expect(found(id, 'osteoporosis'), id).toContain('body-weight:avoid');
    // Offered as another way ("also works"): a caution.
    expect(found('BL23', 'osteoporosis')).toEqual(['body-weight:caution']);
    // Without a technique rule in force, none of it.
    expect(pointFindings(catalog.points.get('SP10')!, [cond('pregnancy')], 'SP10').filter((f) => f.technique)).toEqual([]);
  });

  it('a point of your own: its find text is read, a "not" keeps its technique a caution, lying on a ball as the way to press it is avoided', () => {
    const mine = point('XP1', { region: 'hand', location: 'On the hand.', find: 'Turn your head to the left and drop your chin to your chest, then lean your body weight onto the hand.' });
    expect(pointFindings(mine, [cond('neck-arteries'), cond('osteoporosis')], 'XP1').map((f) => `${f.condition}:${f.technique}:${f.level}`))
      .toEqual(['neck-arteries:neck-movement:caution', 'osteoporosis:body-weight:caution', 'neck-arteries:neck-weight:caution']);
    const not = point('XP2', { region: 'hand', location: 'On the hand.', technique: 'Press it still; do not knead it.' });
    expect(pointFindings(not, [cond('bleeding')], 'XP2').map((f) => f.level)).toEqual(['caution']);
    const lie = point('XP3', { region: 'hand', location: 'On the hand.', technique: 'Lie on a tennis ball under it.' });
    expect(pointFindings(lie, [cond('osteoporosis')], 'XP3').map((f) => f.level)).toEqual(['avoid']);
  });

  it('read where the point is pressed or named in a cue, not where a massage only works over it', () => {
    // GV14's directions bend the head to find it and rest the back against a ball on a wall to press it: two findings a step.
    const at = (steps: Step[]) => routineFindings(catalog, routine(steps), [cond('neck-arteries')]).filter((f) => f.technique).map((f) => `${f.step}:${f.point}:${f.technique}`);
    expect(at([press('GV14'), { kind: 'rest', duration: 10_000, cue: 'Then press GV14 again.' }])).toEqual(['0:GV14:neck-movement', '0:GV14:neck-weight', '1:GV14:neck-movement', '1:GV14:neck-weight']);
    expect(at([{ ...massage('between the shoulder blades', 30_000), regions: ['upper-back'], points: ['GV14'] } as Step])).toEqual([]);
  });
});

describe('the built CLI', () => {
  it('check neck --condition neck-arteries: avoid, naming what, exit 1; never "Nothing to avoid"', async () => {
    const r = await cliAsync(['check', 'neck', '--condition', 'neck-arteries']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('Avoid with neck-arteries: neck (massage on the neck, turning or tilting the head).');
    const json = JSON.parse((await cliAsync(['check', 'neck', '--condition', 'neck-arteries', '--json'])).stdout);
    expect(json.findings.filter((f: { technique?: string }) => f.technique).map((f: { technique: string; step: number }) => `${f.step}:${f.technique}`))
      .toEqual(expect.arrayContaining(['0:neck-massage', '4:neck-movement', '5:neck-massage', '5:neck-movement']));
  });

  it('run neck --condition neck-arteries refuses; --skip-unsafe leaves out both neck massages and SI3, and --json says why', async () => {
    const refused = await cliAsync(['run', 'neck', '--condition', 'neck-arteries', '--dry-run', '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr + refused.stdout).toMatch(/avoid massage on the neck \(neck-arteries\)/);
    const r = await cliAsync(['run', 'neck', '--condition', 'neck-arteries', '--dry-run', '--yes', '--skip-unsafe', '--json']);
    expect(r.code).toBe(0);
    const start = JSON.parse(r.stdout.split('\n')[0]!);
    expect(start.skipped.map((s: { step: number; techniques: string[] }) => [s.step, s.techniques])).toEqual([
      [0, ['neck-massage']], [4, ['neck-movement']], [5, ['neck-massage', 'neck-movement']],
    ]);
    expect(r.stdout).not.toMatch(/Turn your head|ear sink toward/);
  });

  it('check wrists --condition bleeding avoids its kneading; show --html prints the verdict and the advice', async () => {
    const r = await cliAsync(['check', 'wrists', '--condition', 'bleeding']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('Avoid with bleeding: wrists (kneading).');
    const html = (await cliAsync(['show', 'wrists', '--html', '--no-figure', '--condition', 'bleeding'])).stdout;
    expect(html).toMatch(/class="verdict avoid-verdict"/);
    expect(html).not.toMatch(/nothing to avoid/);
    expect(html).toMatch(/<span class="label">Advice with bleeding:<\/span> Ask your doctor or anticoagulation clinic/);
  });

  it('show with a condition and nothing to avoid says to follow its advice, and prints it', async () => {
    const r = await cliAsync(['show', 'headache', '--condition', 'bleeding', '--no-color']);
    expect(r.stdout.split('\n')[1]).toBe('OK with bleeding: nothing to avoid, but follow the advice for bleeding.');
    expect(r.stdout).toMatch(/Advice with bleeding\n  \S Ask your doctor or anticoagulation clinic/);
    const p = await cliAsync(['show', 'LI4', '--condition', 'bleeding', '--no-color', '--no-figure']);
    expect(p.stdout).toMatch(/^Advice +with bleeding: Ask your doctor/m);
    const point = await cliAsync(['show', 'LI4', '--html', '--no-figure', '--condition', 'bleeding']);
    expect(point.stdout).toMatch(/<dt>Advice with bleeding<\/dt><dd>Ask your doctor/);
  });

  // "Press up and in, and let your head grow heavy on your thumbs" under "keep pressure here light,
  // hold your head still": the check says it, and the ramp says the cue without it.
  it('headache with neck-arteries: check takes the head\'s weight with care; the run\'s GB20 cue is said without it', async () => {
    const r = await cliAsync(['check', 'headache', '--condition', 'neck-arteries']);
    expect(r.stdout.split('\n')[1]).toMatch(/^With care: headache/);
    expect(r.stdout).toMatch(/caution +your head's or body's weight on the neck: Letting your head's weight rest on your thumbs/);
    const run = await cliAsync(['run', 'headache', '--condition', 'neck-arteries', '--dry-run', '--yes']);
    expect(run.code).toBe(0);
    const ramps = run.stdout.split('\n').filter((l) => / ramp .*GB20/.test(l));
    expect(ramps.length).toBeGreaterThan(0);
    for (const l of ramps) expect(l).toMatch(/gently \(with neck-arteries\)\. Cradle your head in your hands, thumbs in the hollows under your skull\. Press up and in\.$/);
    expect(run.stdout).toMatch(/⚠ With neck-arteries: So on the neck and at the base of the skull, keep your head and body weight off the point and press lightly with your hand\./);
    // Without the condition the cue is as written.
    expect((await cliAsync(['run', 'headache', '--dry-run', '--yes'])).stdout).toMatch(/let your head grow heavy on your thumbs\./);
    const osteo = await cliAsync(['check', 'desk-break', '--condition', 'osteoporosis']);
    expect(osteo.stdout.split('\n')[0]).toBe('Avoid with osteoporosis: desk-break (leaning your weight into a point).');
  });

  it('check of a file whose press and rest cues rub the neck avoids it with neck-arteries (exit 1); a point\'s own texts reach check, show and run', async () => {
    const dir = tempTree({ 'neckrub.yaml': [
      'id: neckrub', 'title: Neck rub', 'summary: LI4 and a neck rub.', 'sources: [me]', 'steps:',
      '  - press: LI4', '    cue: Squeeze LI4 while you rub the sides of your neck in firm circles with the other hand.',
      '  - rest: 30s', '    cue: Now knead the neck muscles with both hands, up and down the throat.', ''].join('\n') });
    const r = await cliAsync(['check', './neckrub.yaml', '--condition', 'neck-arteries'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('Avoid with neck-arteries: neckrub (massage on the neck).');
    const gv14 = await cliAsync(['check', 'GV14', '--condition', 'neck-arteries', '--json']);
    expect(JSON.parse(gv14.stdout).findings.map((f: { point?: string; technique?: string; level: string }) => [f.point, f.technique, f.level])).toEqual([['GV14', 'neck-movement', 'caution'], ['GV14', 'neck-weight', 'caution']]);
    const shown = await cliAsync(['show', 'BL15', '--condition', 'osteoporosis', '--no-color', '--no-figure']);
    expect(shown.stdout.split('\n')[1]).toBe('AVOID with osteoporosis. Why, below.');
    expect(shown.stdout).toMatch(/Its directions for pressing it \(acupress show\) ask for leaning your weight into a point\./);
    const run = await cliAsync(['run', 'BL15', '--condition', 'osteoporosis', '--dry-run', '--yes']);
    expect(run.code).toBe(1);
  });

  it('check --condition neck-arteries with no target lists the techniques in words', async () => {
    const r = await cliAsync(['check', '--condition', 'neck-arteries']);
    expect(r.stdout.split('\n')[0]).toBe('Avoid with neck-arteries: ST9, ST10, SI16, SI17, LI18, massage on the neck and turning or tilting the head.');
    expect(r.stdout).toMatch(/• massage on the neck: /);
  });
});
