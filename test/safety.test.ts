// Issue 18 in the code: the profile in the picker, the "Ready?" question, the quick profile
// reader, validate's warnings and list's legend, each as a person meets them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { catalogFrom } from '../src/model/catalog.js';
import { defaultChoice, groupedChoices, pickerChoices, pickerMessage, searchChoices } from '../src/commands/run/picker.js';
import { readyChoices } from '../src/commands/run/adjust.js';
import { quickProfile } from '../src/store/profile.js';
import { hasAvoid, leavesOut, pregnancyAvoided, pregnancyInForce, readAlsoIn, readAlsoText, routineFindings, withReadAlso } from '../src/core/safety.js';
import { routineWarnings } from '../src/core/routine-warnings.js';
import { run as list } from '../src/commands/list.js';
import { run as check } from '../src/commands/check.js';
import { width } from '../src/render/width.js';
import { profilePath } from '../src/store/profile.js';
import { addProfileConditions, loadProfile } from '../src/store/profile-store.js';
import { cli, cliAsync, fakeIo, ROOT, tempDir, tempTree } from './helpers.js';
import { massage, press, rest, routine } from './fixtures-data.js';
import type { Step } from '../src/model/types.js';

const catalog = catalogFrom(buildBuiltin(join(ROOT, 'data')));
const pregnancy = [catalog.conditions.get('pregnancy')!];

describe('conditions a condition says to read too', () => {
  const cond = (id: string) => catalog.conditions.get(id)!;
  it('are in force with it, each once and theirs in turn, and said for whom', () => {
    expect(withReadAlso(catalog, [cond('blood-clot')]).map((c) => c.id)).toEqual(['blood-clot', 'bleeding']);
    expect(withReadAlso(catalog, [cond('bleeding'), cond('blood-clot')]).map((c) => c.id)).toEqual(['bleeding', 'blood-clot']);
    // Read in turn: a condition read by one that is itself read.
    const a = { ...cond('skin'), id: 'a', read_also: ['b'] };
    const b = { ...cond('scars'), id: 'b', read_also: ['bleeding'] };
    const conditions = new Map([...catalog.conditions, ['a', a], ['b', b]]);
    expect(withReadAlso({ conditions }, [a]).map((c) => c.id)).toEqual(['a', 'b', 'bleeding']);
    expect(readAlsoIn(withReadAlso({ conditions }, [a, cond('blood-clot')]))).toEqual([
      { condition: 'b', by: ['a'] }, { condition: 'bleeding', by: ['blood-clot', 'b'] },
    ]);
    expect(readAlsoText([{ condition: 'bleeding', by: ['b', 'blood-clot'] }])).toBe("b's and blood-clot's advice says to read bleeding's too, so bleeding counts here as well.");
    expect(readAlsoIn([cond('bleeding')])).toEqual([]);
    // A condition named too needs no word on why it counts.
    expect(readAlsoIn(withReadAlso(catalog, [cond('blood-clot'), cond('bleeding')]), ['blood-clot', 'bleeding'])).toEqual([]);
    expect(readAlsoIn(withReadAlso({ conditions }, [a]), ['a', 'bleeding'])).toEqual([{ condition: 'b', by: ['a'] }]);
  });
  it('leave things out of a list when one they read has a rule to avoid, though they have none (list\'s "leave out … to see all")', () => {
    // No real condition is so: a fake one with no rule to avoid that reads bleeding, and one reading it in turn.
    const quiet = { ...cond('cancer'), id: 'quiet', rules: [], read_also: ['bleeding'] };
    const further = { ...cond('cancer'), id: 'further', rules: [], read_also: ['quiet'] };
    const alone = { ...cond('cancer'), id: 'alone', rules: [], read_also: [] };
    const conditions = new Map([...catalog.conditions, ['quiet', quiet], ['further', further], ['alone', alone]]);
    expect(leavesOut({ conditions }, quiet)).toBe(true);
    expect(leavesOut({ conditions }, further)).toBe(true);
    expect(leavesOut({ conditions }, alone)).toBe(false);
    expect(leavesOut(catalog, cond('bleeding'))).toBe(true);
    expect(leavesOut(catalog, cond('cancer'))).toBe(false);
  });
  it('judge a routine as if named: shoulders\' kneading is avoided with blood-clot in force', () => {
    const shoulders = catalog.routines.get('shoulders')!;
    const findings = routineFindings(catalog, shoulders, withReadAlso(catalog, [cond('blood-clot')]));
    expect(hasAvoid(findings)).toBe(true);
    expect(findings.filter((f) => f.level === 'avoid')).toEqual(routineFindings(catalog, shoulders, [cond('bleeding')]).filter((f) => f.level === 'avoid'));
  });
});

describe('picker', () => {
  it('starts on a routine with nothing to avoid, and explains each mark it shows', () => {
    const choices = pickerChoices(catalog, pregnancy);
    const grouped = groupedChoices(choices, pregnancy, (text) => ({ separator: text }));
    const items = grouped.filter((x): x is { value: string; name: string; description: string } => 'value' in x);
    // The first item, where the cursor starts, has nothing to avoid; the ones to avoid come last, under a heading that explains the mark.
    expect(choices.find((c) => c.value === items[0]!.value)!.avoid).toBe(false);
    expect(items[0]!.value).toBe(defaultChoice(choices));
    const heading = grouped.findIndex((x) => 'separator' in x && /avoid/.test(x.separator));
    expect(grouped[heading]).toEqual({ separator: '── ⚠ avoid: steps to avoid with pregnancy (you can skip them) ──' });
    expect(grouped.slice(heading + 1).every((x) => 'value' in x && choices.find((c) => c.value === x.value)!.avoid)).toBe(true);
    expect(grouped.slice(0, heading).every((x) => !('value' in x) || !choices.find((c) => c.value === x.value)!.avoid)).toBe(true);
    // Both marks are explained in the question itself: a search shows no headings.
    expect(pickerMessage(choices)).toBe('Which routine? (type to search, Esc to leave · ⚠ a caution applies · ⚠ avoid: has steps to avoid (you can skip them))');
    expect(pickerMessage(choices.filter((c) => !c.avoid))).toBe('Which routine? (type to search, Esc to leave · ⚠ a caution applies)');
    expect(pickerMessage([])).toBe('Which routine? (type to search, Esc to leave)');
  });

  it('a search puts the matches with nothing to avoid first, so the cursor rests on a safe one', () => {
    const choices = pickerChoices(catalog, pregnancy);
    const texts = (ch: { value: string }) => { const r = catalog.routines.get(ch.value)!; return [r.id, r.title, ...r.tags, ...r.aliases]; };
    const found = searchChoices(choices, 'neck', texts);
    const avoid = (id: string) => choices.find((c) => c.value === id)!.avoid;
    expect(found.length).toBeGreaterThan(1);
    expect(found.some((c) => avoid(c.value))).toBe(true);
    expect(avoid(found[0]!.value)).toBe(false);
    const firstAvoid = found.findIndex((c) => avoid(c.value));
    expect(found.slice(firstAvoid).every((c) => avoid(c.value))).toBe(true);
  });

  it('offers to skip the steps to avoid, or to choose another, instead of a dead end', () => {
    expect(readyChoices().map((c) => c.value)).toEqual(['start', 'adjust', 'cancel']);
    const some = readyChoices({ what: 'LI4', every: false });
    expect(some.map((c) => c.value)).toEqual(['start', 'adjust', 'back', 'cancel']);
    expect(some[0]!.name).toBe('Start, skipping the steps to avoid (LI4)');
    expect(readyChoices({ what: 'ST9', every: true }).map((c) => c.value)).toEqual(['back', 'cancel']);
  });
});

describe('the saved profile', () => {
  it('is read without yaml when it is as acupress wrote it, and the same as the full loader reads it', async () => {
    for (const conditions of [['pregnancy', 'blood-clot'], []]) {
      const { io } = fakeIo();
      const path = profilePath(io.env)!;
      await addProfileConditions(path, conditions);
      const text = readFileSync(path, 'utf8');
      expect(quickProfile(text)).toEqual({ conditions, tips_seen: false });
      expect(quickProfile(text)).toEqual(loadProfile(path));
    }
    // A profile from before the state file, with tips_seen in it, reads the same way.
    expect(quickProfile('conditions:\n  - pregnancy\ntips_seen: true\n')).toEqual({ conditions: ['pregnancy'], tips_seen: true });
  });

  it('is read without yaml when its list is on one line, the same as the full loader reads it', () => {
    const dir = tempDir();
    for (const [text, conditions] of [
      ['conditions: [pregnancy]\n', ['pregnancy']],
      ['# mine\nconditions: [pregnancy, blood-clot]\n', ['pregnancy', 'blood-clot']],
      ['conditions: [ pregnancy ,bleeding ]  \ntips_seen: true\n', ['pregnancy', 'bleeding']],
      ['conditions: [ ]\n', []],
    ] as Array<[string, string[]]>) {
      const path = join(dir, 'profile.yaml');
      writeFileSync(path, text);
      expect(quickProfile(text), JSON.stringify(text)).toEqual({ conditions, tips_seen: text.includes('tips_seen: true') });
      expect(quickProfile(text), JSON.stringify(text)).toEqual(loadProfile(path));
    }
  });

  it('never reads a profile otherwise than the full loader: words YAML reads as no string go to it', () => {
    const dir = tempDir();
    const path = join(dir, 'profile.yaml');
    const words = ['pregnancy', 'blood-clot', 'null', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', '1', '12', '1e3', '0x1f', '0o17', '1-2', 'nan', 'inf', 'e1', 'x1'];
    const lists = [[], ...words.map((w) => [w]), ...words.map((w) => ['pregnancy', w])];
    let quick = 0;
    for (const list of lists) {
      const block = `conditions:\n${list.map((w) => `  - ${w}\n`).join('')}`;
      // Each form as written, then with a key after it, and with the list's items commented out.
      for (const text of [`conditions: [${list.join(', ')}]\n`, block, `${block}tips_seen: true\n`, `conditions:\n${list.map((w) => `#  - ${w}\n`).join('')}tips_seen: true\n`, `  ${'\n'}conditions: [ ${list.join(' ,')} ]\n`]) {
        writeFileSync(path, text);
        let full: unknown;
        try {
          full = loadProfile(path);
        } catch (e) {
          full = e;
        }
        const read = quickProfile(text);
        if (read === undefined) continue;
        quick++;
        expect(read, JSON.stringify(text)).toEqual(full);
      }
    }
    // Most of them are read quickly (the loader says an unknown id is unknown later, as for these).
    expect(quick).toBeGreaterThan(40);
  });

  it('leaves anything else to the validating loader', () => {
    for (const text of ['conditions:\n#  - pregnancy\ntips_seen: true\n', 'conditions:\ntips_seen: false\n', `conditions: [${' '.repeat(100_000)}"pregnancy"]\n`, `conditions: [${' '.repeat(100_000)}!\n`, 'conditions:\t[pregnancy]\n', 'conditions:[pregnancy]\n', 'conditions:[]\n', 'conditions: [null]\n', 'conditions: [pregnancy, true]\n', 'conditions: [1]\n', 'conditions: [1e3]\n', 'conditions: [0x1f]\n', 'conditions:\n  - null\n', 'conditions:\n  - false\n', 'conditions:\n  - 12\n', 'conditions: [pregnancy,]\n', "conditions: ['pregnancy']\n", 'conditions: [Pregnancy]\n', 'conditions: [pregnancy] # me\n', 'conditions: [pregnancy\n', 'conditions: [[pregnancy]]\n', 'conditions: [pregnancy]\nconditions: []\n', 'conditions: pregnancy\n', 'conditions:\n  - Pregnancy\n', 'conditions:\n- pregnancy\n', 'conditions:\n  - pregnancy\nextra: 1\n', 'tips_seen: true\n', '\uFEFFconditions: []\n', 'conditions: []\r\n', 'conditions:\n']) {
      expect(quickProfile(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});

describe('a press on a point the catalog does not hold', () => {
  it('is a caution that cannot be checked, for each condition, never a silent "nothing to avoid"', () => {
    const headache = catalog.routines.get('headache')!;
    const r = { ...headache, steps: headache.steps.map((s) => (s.kind === 'press' && s.point === 'LI4' ? { ...s, point: 'ZZ9' } : s)) };
    const unknown = routineFindings(catalog, r, pregnancy).filter((f) => f.point === 'ZZ9');
    expect(unknown.map((f) => [f.condition, f.level])).toEqual([['pregnancy', 'caution']]);
    expect(unknown[0]!.reason).toMatch(/does not know, so it cannot be checked/);
    expect(routineFindings(catalog, r, []).filter((f) => f.point === 'ZZ9').map((f) => f.condition)).toEqual(['general']);
  });
});

describe('massage steps whose area text names a point', () => {
  it('that also lists points are checked for the ones the text names too: listing PC6 does not hide LI4 in the area', () => {
    const step = { ...massage('the web between thumb and index finger, where LI4 is', 60_000), points: ['PC6'], regions: ['hand'] } as Step;
    const avoided = routineFindings(catalog, routine([step]), pregnancy).filter((f) => f.level === 'avoid').map((f) => f.point);
    expect(avoided).toEqual(['LI4']);
    // Its cue counts too, by code (a cue is prose: "Return to any sore spot" is no ST29, Guilai, "Return").
    const cued = { ...massage('the forearm', 60_000), points: ['PC6'], regions: ['forearm'], cue: 'then knead LI4 in the web of the hand' } as Step;
    expect(routineFindings(catalog, routine([cued]), pregnancy).filter((f) => f.level === 'avoid').map((f) => f.point)).toEqual(['LI4']);
  });

  it('and a press or rest cue naming another point is checked as if that point were pressed', () => {
    const restCue = routine([press('PC6'), { ...rest(30_000), cue: 'squeeze LI4 firmly' } as Step]);
    const r = routineFindings(catalog, restCue, pregnancy).filter((f) => f.level === 'avoid');
    expect(r.map((f) => [f.point, f.step])).toEqual([['LI4', 1]]);
    const pressCue = routine([press('PC6', { cue: 'then move to SP6 and press it hard' })]);
    expect(routineFindings(catalog, pressCue, pregnancy).filter((f) => f.level === 'avoid').map((f) => [f.point, f.step])).toEqual([['SP6', 0]]);
    // A cue naming its own point adds nothing.
    expect(routineFindings(catalog, routine([press('PC6', { cue: 'Return to PC6 and press it gently' })]), pregnancy).filter((f) => f.level === 'avoid')).toEqual([]);
  });

  it('are checked for the points they name, legacy codes too (LV3 is LR3), and prose numbers are not codes', async () => {
    const { codesInText } = await import('../src/core/safety.js');
    expect(codesInText('SP6 Sanyinjiao above the inner ankle')).toEqual(['SP6']);
    expect(codesInText('Hegu (LI4), the web of the hand; then LV3 and Du20, EX-HN5')).toEqual(['LI4', 'LR3', 'GV20', 'EX-HN5']);
    expect(codesInText('go 2 times around the C7 vertebra, 3 to 5 minutes')).toEqual([]);
    const r = routine([massage('SP6 Sanyinjiao above the inner ankle', 60_000)]);
    expect(routineFindings(catalog, r, pregnancy).filter((f) => f.level === 'avoid').map((f) => f.point)).toEqual(['SP6']);
  });
  it('are checked for the codes of the user\'s own points they name (XB1, xb1; a code of letters only in capitals), not only the standard codes', async () => {
    const { knownCodesInText, massagePoints } = await import('../src/core/safety.js');
    const own = catalogFrom(buildBuiltin(join(ROOT, 'data')));
    const avoid = { condition: 'pregnancy', level: 'avoid' as const, reason: 'Said to bring on contractions.', source: 'me' };
    own.points.set('XB1', { ...catalog.points.get('LI4')!, id: 'XB1', aliases: [], cautions: [avoid] });
    own.points.set('HEAD', { ...catalog.points.get('LI4')!, id: 'HEAD', aliases: [], cautions: [avoid] });
    expect(knownCodesInText('press XB1 firmly, then xb1 again; the head, then HEAD', own.points)).toEqual(['XB1', 'HEAD']);
    expect(knownCodesInText('the head and the hand', own.points)).toEqual([]);
    const step = { ...massage('press XB1 firmly', 30_000), regions: ['hand'] } as never;
    expect(massagePoints(step, own.points)).toEqual(['XB1']);
    const r = routine([step]);
    const findings = routineFindings(own, r, [own.conditions.get('pregnancy')!]);
    expect(findings.filter((f) => f.level === 'avoid').map((f) => f.point)).toEqual(['XB1']);
  });
  it('are checked for the points they name by pinyin or English name ("knead Hegu", "Union Valley"), as for their codes', async () => {
    const { pointsNamedInText } = await import('../src/core/names-in-text.js');
    const avoided = (area: string) => routineFindings(catalog, routine([{ ...massage(area, 30_000), regions: ['hand'] } as never]), pregnancy)
      .filter((f) => f.level === 'avoid').map((f) => f.point);
    // Under --pregnant, kneading Hegu by any of its names is kneading LI4.
    for (const area of ['knead Hegu', 'knead hegu firmly', 'the web of the hand (Hégǔ)', 'He Gu, then rest', 'press Union Valley', 'squeeze Hoku', "then Tiger's Mouth"]) {
      expect(avoided(area), area).toEqual(['LI4']);
    }
    expect(pointsNamedInText(catalog, 'Sanyinjiao, then Kunlun and Wind Pool')).toEqual(['SP6', 'BL60', 'GB20']);
  });
  it('find a code in every spelling the command line resolves (Sp-6, li-4, Ren 4, cv-4), and no code in prose', async () => {
    const { codesInText } = await import('../src/core/safety.js');
    const spellings: Array<[string, string]> = [
      ['Now press Sp-6 on the inside of each shin', 'SP6'], ['li-4', 'LI4'], ['Li-4', 'LI4'], ['sp-6', 'SP6'], ['cv-4', 'CV4'],
      ['Ren-4', 'CV4'], ['Ren 4', 'CV4'], ['ren 4', 'CV4'], ['li 4', 'LI4'], ['sp 6', 'SP6'], ['Du 20', 'GV20'], ['lv-3', 'LR3'],
      ['LI-4', 'LI4'], ['li4', 'LI4'], ['ren4', 'CV4'], ['REN-4', 'CV4'], ['SP-6', 'SP6'], ['GO 2', 'GV2'], ['he-7', 'HT7'],
      ['ex-hn 5', 'EX-HN5'], ['LI４', 'LI4'], ['(Sp\u20116)', 'SP6'],
    ];
    for (const [text, code] of spellings) expect(codesInText(text), text).toEqual([code]);
    // The channel must be a whole word; English words that are channel spellings count apart from
    // their number only in capitals.
    for (const text of ['a 4 minute rest', 'go 2 times', 'Go 2 cun higher', 'he 4 times', 'co 2 rounds', 'the kid 3 times', 'ali4', 'x-li4z', 'email4you', 'LI400', 'hold for 2-4 breaths']) {
      expect(codesInText(text), text).toEqual([]);
    }
    // A long line is still scanned in linear time (the pattern cannot backtrack).
    expect(codesInText(`${'li-'.repeat(100_000)}li 4`)).toEqual(['LI4']);
    // In a rest cue and a massage area, a check under pregnancy finds them.
    for (const cue of ['Now press Sp-6 on the inside of each shin', 'then ren 4 below the navel', 'li-4 again']) {
      const r = routine([press('PC6'), { ...rest(30_000), cue } as Step]);
      expect(routineFindings(catalog, r, pregnancy).filter((f) => f.level === 'avoid').length, cue).toBeGreaterThan(0);
    }
  });
  it('find a point named in the area text however it is written: syllables apart in any case, hanzi, fullwidth, hidden characters', () => {
    const avoided = (area: string, regions: string[]) => routineFindings(catalog, routine([{ ...massage(area, 30_000), regions } as never]), pregnancy)
      .filter((f) => f.level === 'avoid' && f.point).map((f) => f.point);
    for (const area of ['he gu', 'hé gǔ', 'Hé gǔ', 'He-gu', '合谷', 'Ｈｅｇｕ', 'LI４', 'He\u200bgu', 'He\u00adgu', 'Hegu', 'hégǔ', 'He Gu', 'knead he-gu gently']) {
      expect(avoided(area, ['hand']), area).toEqual(['LI4']);
    }
    for (const area of ['sān yīn jiāo', 'san yin jiao', 'san-yin-jiao', 'sanyinjiao', '三阴交', '三陰交']) {
      expect(avoided(area, ['leg']), area).toEqual(['SP6']);
    }
    // Written with capitals too, the longest name wins: not also Yinjiao in its last two syllables.
    expect(avoided('Sān Yīn Jiāo', ['leg'])).toEqual(['SP6']);
    // Prose stays prose.
    for (const area of ['the web of the hand', 'where he guides you', 'the back of the hand, gently']) expect(avoided(area, ['hand']), area).toEqual([]);
  });
  it('check file.yaml --pregnant finds Sp-6 in a rest cue, he gu in an area, and a lower belly whatever region: says', async () => {
    const dir = tempTree({ 'mine.yaml': [
      'id: mine', 'title: Mine', 'summary: Mine.', 'sources: [me]', 'steps:', '  - press: PC6',
      '  - rest: 10s', '    cue: "Now press Sp-6 on the inside of each shin"',
      '  - massage: he gu', '    region: hand', '    duration: 30s',
      '  - massage: lower belly', '    region: hand', '    duration: 30s', ''].join('\n') });
    const r = await cliAsync(['check', join(dir, 'mine.yaml'), '--pregnant', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const avoid = (JSON.parse(r.stdout) as { findings: Array<{ level: string; point?: string; region?: string }> }).findings.filter((f) => f.level === 'avoid');
    expect(avoid.map((f) => f.point ?? f.region)).toEqual(['SP6', 'LI4', 'abdomen']);
    // validate says where the area and region: disagree.
    const warned = routineWarnings(catalog, routine([{ ...massage('lower belly', 30_000), regions: ['hand'] } as never]));
    expect(warned.map((w) => w.message)).toEqual(['the area text names abdomen, which region: does not list; checks go by both, so add it to region: or reword the area']);
  });
  it('point names in the area text leave ordinary words alone (the upper arm, a knee joint, "Return to the start")', async () => {
    const { pointsNamedInText } = await import('../src/core/names-in-text.js');
    // Each of these is also a point's English name or alias (LI14 Upper Arm, LR7 Knee Joint,
    // EX-LE1 Hip Bone, SI4 Wrist Bone, ST29 Return, EX-HN5 Sun, ST6 Jawbone), written as prose.
    for (const area of ['the upper arm', 'around the knee joint', 'the hip bone and the wrist bone', 'Return to the start', 'sit in the sun', 'along the jawbone', 'Upper arm: knead it', 'tender spots on the right hand']) {
      expect(pointsNamedInText(catalog, area), area).toEqual([]);
    }
    // Written as names, with their capitals, they count.
    expect(pointsNamedInText(catalog, 'then Upper Arm; press the Sun point')).toEqual(['LI14', 'EX-HN5']);
    // No built-in massage area names a point by a name it does not also list in points:.
    for (const r of catalog.routines.values()) {
      for (const s of r.steps) if (s.kind === 'massage') expect(pointsNamedInText(catalog, s.area).filter((id) => !s.points.includes(id)), `${r.id}: ${s.area}`).toEqual([]);
    }
  });
  it('every point\'s pinyin reads as pinyin, so a name in lower case is never skipped unread', async () => {
    const { isPinyinWord } = await import('../src/core/pinyin-words.js');
    for (const p of catalog.points.values()) expect(isPinyinWord(p.pinyin), `${p.id} ${p.pinyin}`).toBe(true);
    for (const word of ['knead', 'the', 'tender', 'lower', 'shoulders', 'belly']) expect(isPinyinWord(word), word).toBe(false);
  });
  it('a massage step with no region and no point is a caution, with a condition or without, never "nothing to find"', () => {
    const r = routine([massage('wherever it feels tight', 60_000)]);
    expect(routineFindings(catalog, r, pregnancy)).toEqual([expect.objectContaining({ step: 0, condition: 'pregnancy', level: 'caution', reason: expect.stringMatching(/cannot be checked/) })]);
    expect(routineFindings(catalog, r, [])).toEqual([expect.objectContaining({ step: 0, condition: 'general', level: 'caution' })]);
    // Named a region or a point: checked as such, no extra caution.
    expect(routineFindings(catalog, routine([{ ...massage('the palm', 60_000), regions: ['hand'] } as never]), []).filter((f) => /cannot be checked/.test(f.reason))).toEqual([]);
  });
  it('a massage step with no region and no point is checked by the body words of its area text', async () => {
    const { massageRegions } = await import('../src/core/safety.js');
    // A new user's "lower belly" only got a caution, and ran under pregnancy with --skip-unsafe.
    for (const area of ['lower belly', 'the abdomen, in slow circles', 'Tummy', 'small of the back', 'the sacrum']) {
      const found = routineFindings(catalog, routine([press('ST36'), massage(area, 60_000)]), pregnancy);
      expect(found.filter((f) => f.level === 'avoid' && f.step === 1).map((f) => f.region), area).toEqual([area.match(/back|sacrum/i) ? 'lower-back' : 'abdomen']);
      expect(found.some((f) => /cannot be checked/.test(f.reason)), area).toBe(false);
    }
    expect(massageRegions({ area: 'the back of the neck and the tops of the shoulders', regions: [] })).toEqual(['neck', 'shoulder']);
    // Words that are not body parts, or parts of words, read as nothing.
    expect(massageRegions({ area: 'forehead', regions: [] })).toEqual(['head']);
    expect(massageRegions({ area: 'wherever it feels tight', regions: [] })).toEqual([]);
    // A step's own regions, or points, never hide what its area text names: when the two
    // disagree, the check considers both (an explicit region: hand made "lower belly" safe).
    expect(massageRegions({ area: 'lower belly', regions: ['hand'] })).toEqual(['hand', 'abdomen']);
    expect(massageRegions({ area: 'the palm', regions: ['hand'] })).toEqual(['hand']);
    for (const area of ['abdomen', 'lower belly']) {
      const step = { ...massage(area, 60_000), regions: ['hand'] } as never;
      expect(routineFindings(catalog, routine([step]), pregnancy).filter((f) => f.level === 'avoid').map((f) => f.region), area).toEqual(['abdomen']);
      const listed = { ...massage(area, 60_000), points: ['LI4'] } as never;
      expect(routineFindings(catalog, routine([listed]), pregnancy).filter((f) => f.level === 'avoid').map((f) => f.point ?? f.region), area).toEqual(['LI4', 'abdomen']);
    }
  });
});

describe('review fixes: codes, implied points and the longest name', () => {
  it('a code written with dots, two spaces, a tab, an underscore or any dash is found (sp.6, L.I. 4, LI—4, LI−4, SP‒6)', async () => {
    const { codesInText } = await import('../src/core/safety.js');
    const spellings: Array<[string, string]> = [
      ['sp.6', 'SP6'], ['Then press sp.6 firmly', 'SP6'], ['L.I. 4 in the web of the thumb', 'LI4'], ['L.I.4', 'LI4'], ['l.i 4', 'LI4'],
      ['LI  4', 'LI4'], ['LI_4', 'LI4'], ['LI\t4', 'LI4'], ['LI\u20144', 'LI4'], ['LI\u22124', 'LI4'], ['SP\u20126', 'SP6'],
      ["LI'4", 'LI4'], ['LI\u20194', 'LI4'], ['Du.20', 'GV20'], ['G.O. 2', 'GV2'], ['EX\u2014HN5', 'EX-HN5'],
    ];
    for (const [text, code] of spellings) expect(codesInText(text), text).toEqual([code]);
    // Wordy channels still count apart from their number only in capitals. (Spaced dashes, "LI - 4",
    // are a code, and one-letter legacy codes, B60 and P6, are read since session 11: test/points-in-text.test.ts.)
    for (const text of ['Let go. 2 more times', 'g.o. 2', 'he\t4 times', 'a.m. 6']) expect(codesInText(text), text).toEqual([]);
    // Still linear on a long line.
    expect(codesInText(`${'l.i. '.repeat(50_000)}li 4`)).toEqual(['LI4']);
    expect(codesInText(`${'li-.'.repeat(50_000)}L.I. 4`)).toEqual(['LI4']);
  });
  it('check --pregnant finds sp.6 in a rest cue and L.I. 4 in a massage area, never "Nothing to avoid"', () => {
    const r = routine([press('PC6'), { ...rest(30_000), cue: 'Then press sp.6 firmly' } as Step, { ...massage('L.I. 4 in the web of the thumb', 30_000), regions: ['hand'] } as never]);
    expect(routineFindings(catalog, r, pregnancy).filter((f) => f.level === 'avoid').map((f) => f.point)).toEqual(['SP6', 'LI4']);
  });
  it('the tops of the shoulders imply GB21 even when the step lists other points', async () => {
    const { massagePoints } = await import('../src/core/safety.js');
    const step = { ...massage('the tops of the shoulders, then down the arm to LI10', 60_000), points: ['LI10'] } as never;
    expect(massagePoints(step, catalog)).toEqual(['LI10', 'GB21']);
    const avoid = routineFindings(catalog, routine([step]), pregnancy).filter((f) => f.level === 'avoid');
    expect(avoid.map((f) => f.point)).toContain('GB21');
  });
  it('the longest name wins in capitals and tone marks too: "Sān Yīn Jiāo" is SP6 alone, "Yīn Jiāo" alone still Yinjiao', async () => {
    const { pointsInText } = await import('../src/core/safety.js');
    const { pointsNamedInText } = await import('../src/core/names-in-text.js');
    for (const text of ['Sān Yīn Jiāo', 'SAN YIN JIAO', 'San Yin Jiao', 'san Yin Jiao', 'Sān-Yīn-Jiāo', 'knead Sān Yīn Jiāo gently']) {
      expect(pointsInText(text, catalog), text).toEqual(['SP6']);
    }
    expect(pointsNamedInText(catalog, 'Sān Yīn Jiāo')).toEqual(['SP6']);
    expect(pointsNamedInText(catalog, 'Three Yin Intersection')).toEqual(['SP6']);
    expect(pointsInText('Yīn Jiāo', catalog)).toEqual(['GV28', 'CV7']);
    expect(pointsInText('Sān Yīn Jiāo, then Yīn Jiāo and Hé Gǔ', catalog)).toEqual(['SP6', 'GV28', 'CV7', 'LI4']);
    // Many names in a long text are taken out in one pass.
    expect(pointsInText('Sān Yīn Jiāo, '.repeat(5_000), catalog)).toEqual(['SP6']);
  });
});

describe('check names the massage step it cannot check by its place in the routine', () => {
  it('"the massage in step 3" in the text, and step: 2 (from 0, as validate\'s steps[2]) in --json, on that finding alone', async () => {
    const dir = tempTree({ 'mine.yaml': 'id: mine\ntitle: Mine\nsummary: Mine.\nsources: [me]\nsteps:\n  - press: ST36\n  - rest: 10s\n  - massage: wherever it feels tight\n    duration: 1m\n' });
    const text = await cliAsync(['check', join(dir, 'mine.yaml'), '--pregnant'], { cwd: dir });
    expect(text.stdout).toMatch(/^CAUTION the mine routine with pregnancy\n +caution +the massage in step 3: /m);
    const json = await cliAsync(['check', join(dir, 'mine.yaml'), '--pregnant', '--json'], { cwd: dir });
    const findings = JSON.parse(json.stdout).findings as Array<{ step?: number; point?: string }>;
    expect(findings.filter((f) => f.step !== undefined)).toEqual([expect.objectContaining({ step: 2, level: 'caution' })]);
    expect(findings.filter((f) => f.point).every((f) => f.step === undefined)).toBe(true);
  });
});

describe('check\'s headline for a step it cannot check', () => {
  it('says the step is not checked and to use care, never "Nothing to avoid", with a condition or without', async () => {
    const dir = tempTree({ 'mine.yaml': 'id: mine\ntitle: Mine\nsummary: Mine.\nsources: [me]\nsteps:\n  - press: ST36\n  - massage: wherever it feels tight\n    duration: 1m\n' });
    for (const flags of [['--pregnant'], []]) {
      const r = await cliAsync(['check', join(dir, 'mine.yaml'), 'ST36', ...flags], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n').slice(0, 2).join('\n')).not.toMatch(/Nothing to avoid/i);
      const who = flags.length ? ' with pregnancy' : '';
      expect(r.stdout.split('\n')[0]).toBe(`Not checked${who}: mine (the massage in step 2) cannot be checked against the rules, so use with care.`);
      expect(r.stdout.split('\n')[1]).toMatch(/^With care: mine \(see below\)\. Fine: ST36\./);
    }
    // A routine every step of which was checked keeps its plain headline.
    expect((await cliAsync(['check', 'ST36'])).stdout).toMatch(/^Nothing to avoid in ST36\./);
  });
});

describe('check with no condition', () => {
  it('says what show and run say of a routine with points avoided in pregnancy, and "No general cautions" once', async () => {
    const r = await cliAsync(['check', 'headache']);
    expect(r.code).toBe(0);
    const [headline, second] = r.stdout.split('\n');
    expect(headline).toBe('Nothing to avoid in headache.');
    expect(second).toBe('If you are pregnant: this routine uses LI4, traditionally avoided in pregnancy; add --pregnant for safer routines, or --pregnant --skip-unsafe to leave it out.');
    expect(r.stdout.match(/No general cautions/g)).toHaveLength(1);
    // A point says how to ask about a condition.
    expect((await cliAsync(['check', 'ST36'])).stdout.split('\n')[1]).toBe('For a condition, add --pregnant or --condition <id>.');
  });

  // The README says --json carries everything the text shows: the hint was text only.
  it('--json carries the pregnancy hint the text shows, as pregnancy_hint; none with a condition or for a point', async () => {
    const text = (await cliAsync(['check', 'headache'])).stdout.split('\n')[1];
    const json = JSON.parse((await cliAsync(['check', 'headache', '--json'])).stdout) as { pregnancy_hint: Array<{ target: string; text: string }> };
    expect(json.pregnancy_hint).toEqual([{ target: 'headache', text }]);
    expect(JSON.parse((await cliAsync(['check', 'headache', '--pregnant', '--json'])).stdout).pregnancy_hint).toEqual([]);
    expect(JSON.parse((await cliAsync(['check', 'LI4', 'morning-sickness', '--json'])).stdout).pregnancy_hint).toEqual([]);
  });
});

describe('points never to press yourself are no pregnancy points', () => {
  // A routine with ST9 said "this routine uses LI4 and ST9, traditionally avoided in pregnancy" and
  // "Avoid with pregnancy: my-evening (LI4, ST9)", though ST9 is avoided by everyone (`general`).
  const dir = tempTree({ 'my.yaml': 'id: my-evening\ntitle: My evening\nsummary: Mine.\nsources: [me]\nsteps:\n  - press: LI4\n  - press: ST9\n  - press: GB20\n' });
  it('the hint of run and check names only LI4; the pregnant headline says ST9 as never to press yourself', async () => {
    const run = await cliAsync(['run', 'my.yaml', '--skip-unsafe', '--dry-run', '--no-profile'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/If you are pregnant: this routine uses LI4, traditionally avoided in pregnancy; .* to leave it out\./);
    expect(run.stdout).not.toMatch(/If you are pregnant:[^\n]*ST9/);
    const pregnant = await cliAsync(['check', 'my.yaml', '--pregnant', '--no-profile'], { cwd: dir });
    expect(pregnant.stdout.split('\n')[0]).toBe('Avoid with pregnancy: my-evening (LI4; never press yourself: ST9).');
    const json = JSON.parse((await cliAsync(['check', 'my.yaml', '--pregnant', '--json', '--no-profile'], { cwd: dir })).stdout) as { findings: Array<{ point: string; condition: string }> };
    expect(json.findings.map((f) => `${f.point}:${f.condition}`)).toEqual(['LI4:pregnancy', 'ST9:general']);
    // With no condition: no pregnancy hint in --json beyond LI4 either, and the headline as before.
    const plain = JSON.parse((await cliAsync(['check', 'my.yaml', '--json', '--no-profile'], { cwd: dir })).stdout) as { pregnancy_hint: Array<{ text: string }> };
    expect(plain.pregnancy_hint.map((h) => h.text)).toEqual([expect.stringMatching(/^If you are pregnant: this routine uses LI4, /)]);
    expect((await cliAsync(['check', 'my.yaml', '--no-profile'], { cwd: dir })).stdout.split('\n')[0]).toBe('Avoid: my-evening (ST9).');
  });
  it('a point never to press yourself, checked with pregnancy, is said as that; pregnancyAvoided leaves it out', async () => {
    const r = await cliAsync(['check', 'ST9', '--pregnant']);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['Avoid with pregnancy: ST9 (never press yourself).', 'Do not press it yourself; why is below.']);
    const catalog = catalogFrom(buildBuiltin(join(ROOT, 'data')));
    expect(pregnancyAvoided(catalog, routine([press('LI4'), press('ST9'), press('SP6')]))).toEqual(['LI4', 'SP6']);
  });
  it('pregnancyInForce: pregnancy among the conditions, alone or with others; another condition alone is not it', () => {
    const bleeding = catalog.conditions.get('bleeding')!;
    expect(pregnancyInForce(pregnancy)).toBe(true);
    expect(pregnancyInForce([bleeding, ...pregnancy])).toBe(true);
    expect(pregnancyInForce([bleeding])).toBe(false);
    expect(pregnancyInForce([])).toBe(false);
  });
});

describe('check shows a routine\'s red flags', () => {
  it('check headache --pregnant says to get help first for pre-eclampsia, in the text and in --json', async () => {
    const text = await cliAsync(['check', 'headache', '--pregnant']);
    expect(text.stdout).toMatch(/Get help first, not acupressure \(headache\)\n(  • .*\n(    .*\n)*)*  • .*pre-eclampsia/);
    const json = JSON.parse((await cliAsync(['check', 'headache', 'LI4', '--json'])).stdout) as { red_flags: Array<{ target: string; text: string }> };
    expect(json.red_flags.some((f) => f.target === 'headache' && /pre-eclampsia/.test(f.text))).toBe(true);
    expect(json.red_flags.every((f) => f.target === 'headache')).toBe(true);
  });
  it('check basics puts its everyday advice under Tips, not under "Get help first"; --json as tips', async () => {
    const r = await cliAsync(['check', 'basics', 'feet']);
    expect(r.stdout).not.toMatch(/Get help first, not acupressure \(basics\)/);
    expect(r.stdout).toMatch(/\nTips \(basics\)\n  • Pressure should never hurt\./);
    // feet: the wound to watch for is a red flag; who should ask before pressing (diabetes), a contraindication.
    expect(r.stdout).toMatch(/Get help first, not acupressure \(feet\)\n(  • .*\n)*  • A wound, blister or sore on a foot/);
    expect(r.stdout).toMatch(/\nWho should not use it \(feet\)\n  • If you have diabetes or numb feet, ask your doctor or foot-care team/);
    expect(r.stdout).not.toMatch(/Tips \(feet\)/);
    // basics: pregnancy is no tip, and comes first, before anything else about the routine.
    expect(r.stdout).toMatch(/\nWho should not use it \(basics\)\n  • If you are pregnant, skip LI4[^]*\nTips \(basics\)\n/);
    const json = JSON.parse((await cliAsync(['check', 'basics', '--json'])).stdout) as { red_flags: unknown[]; tips: Array<{ target: string; text: string }>; contraindications: Array<{ target: string; text: string }> };
    expect(json.red_flags).toEqual([]);
    expect(json.tips.map((t) => t.target)).toEqual(['basics']);
    expect(json.contraindications).toEqual([{ target: 'basics', text: expect.stringMatching(/^If you are pregnant, skip LI4 .* ask your midwife/) }]);
  });
});

describe('check of a routine file says what its own steps press', () => {
  // The pregnancy hint came from the built-in routine of the file's id: LI4, which the file never presses.
  it('a file with a built-in id: no hint about the built-in routine\'s LI4', async () => {
    const dir = tempTree({ 'mine.yaml': 'id: headache\ntitle: My headache\nsummary: Mine.\nsources: [me]\nsteps:\n  - press: GB20\n' });
    const r = await cliAsync(['check', join(dir, 'mine.yaml'), '--no-profile'], { cwd: dir });
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['Nothing to avoid in headache.', 'For a condition, add --pregnant or --condition <id>.']);
    const sp6 = tempTree({ 'mine.yaml': 'id: my-cramps\ntitle: Mine\nsummary: Mine.\nsources: [me]\nsteps:\n  - rest: 10s\n    cue: then press Spleen 6\n' });
    expect((await cliAsync(['check', join(sp6, 'mine.yaml'), '--no-profile'], { cwd: sp6 })).stdout).toMatch(/^If you are pregnant: this routine uses SP6, traditionally avoided in pregnancy/m);
  });
});

describe('check says each target once', () => {
  it('LI4, Hegu and LI4 again are one target, one section and one summary entry; a routine twice too', async () => {
    const r = await cliAsync(['check', 'LI4', 'hegu', 'LI4', 'headache', 'headache', '--pregnant', '--json']);
    const report = JSON.parse(r.stdout) as { summary: { avoid: string[] }; findings: Array<{ target: string; point?: string }> };
    expect(report.summary.avoid).toEqual(['LI4', 'headache']);
    expect(report.findings.filter((f) => f.target === 'LI4').length).toBe(1);
    const text = await cliAsync(['check', 'LI4', 'LI4', '--pregnant']);
    expect(text.stdout.match(/^AVOID LI4/gm)?.length).toBe(1);
  });

  // A file keeping a built-in's id was dropped when the built-in came first, and the built-in when
  // the file did: `check ./mine.yaml headache --pregnant` said only that mine was fine, and exited 0.
  it('a file with the id of another target is checked too, named by its id and its path', async () => {
    const mine = 'id: headache\ntitle: Mine\nsummary: Mine.\nsources: [me]\nsteps:\n  - press: PC6\n';
    const dir = tempTree({ 'mine.yaml': mine, 'also.yaml': mine.replace('PC6', 'LI4') });
    for (const args of [['./mine.yaml', 'headache'], ['headache', './mine.yaml'], ['./mine.yaml', './also.yaml', 'mine.yaml']]) {
      const r = await cliAsync(['check', ...args, '--pregnant', '--no-profile', '--json'], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(1);
      const report = JSON.parse(r.stdout) as { summary: { avoid: string[]; fine: string[] } };
      expect(report.summary.fine, args.join(' ')).toEqual(['headache ("./mine.yaml")']);
      expect(report.summary.avoid, args.join(' ')).toEqual([args.includes('headache') ? 'headache' : 'headache ("./also.yaml")']);
    }
    const text = await cliAsync(['check', './mine.yaml', 'headache', '--pregnant', '--no-profile'], { cwd: dir });
    expect(text.stdout).toMatch(/^AVOID the headache routine with pregnancy$/m);
    expect(text.stdout).toMatch(/^OK the headache \("\.\/mine\.yaml"\) routine with pregnancy$/m);
  });
  it('each same-id target keeps its own findings and verdict, in the text and in --json', async () => {
    // A copy of headache pressing SP6 was said OK while the built-in was blamed for its SP6.
    const mine = 'id: headache\ntitle: Mine\nsummary: Mine.\nsources: [me]\nsteps:\n  - press: SP6\n';
    const dir = tempTree({ 'sp6.yaml': mine, 'pc6.yaml': mine.replace('SP6', 'PC6') });
    type Report = { summary: { avoid: string[]; fine: string[] }; findings: { target: string; point?: string; level: string }[]; notes: { target: string; point: string }[]; safer: { target: string }[] };
    const json = async (...args: string[]) => {
      const r = await cliAsync(['check', ...args, '--pregnant', '--no-profile', '--json'], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(1);
      const report = JSON.parse(r.stdout) as Report;
      return { report, avoided: report.findings.filter((f) => f.level === 'avoid').map((f) => `${f.target}: ${f.point}`) };
    };
    const withBuiltIn = await json('./sp6.yaml', 'headache');
    expect(withBuiltIn.avoided).toEqual(['headache ("./sp6.yaml"): SP6', 'headache: LI4']);
    expect(withBuiltIn.report.safer.map((s) => s.target)).toEqual(['headache ("./sp6.yaml")', 'headache']);
    const twoFiles = await json('./sp6.yaml', './pc6.yaml');
    expect(twoFiles.avoided).toEqual(['headache ("./sp6.yaml"): SP6']);
    expect(twoFiles.report.summary.avoid).toEqual(['headache ("./sp6.yaml")']);
    expect(twoFiles.report.summary.fine).toEqual(['headache ("./pc6.yaml")']);
    expect(twoFiles.report.findings.every((f) => f.target.startsWith('headache ("./'))).toBe(true);
    expect(twoFiles.report.notes.map((n) => `${n.target}: ${n.point}`)).toEqual(['headache ("./pc6.yaml"): PC6']);

    const text = (await cliAsync(['check', './sp6.yaml', 'headache', '--pregnant', '--no-profile'], { cwd: dir })).stdout;
    expect(text).toMatch(/^Avoid with pregnancy: headache \("\.\/sp6\.yaml"\) \(SP6\); headache \(LI4\)\.$/m);
    // Each section holds its own points only.
    const section = (t: string, name: string) => t.split('\n\n').find((p) => p.includes(`the ${name} routine with pregnancy`)) ?? '';
    expect(section(text, 'headache ("./sp6.yaml")')).toMatch(/^AVOID the headache \("\.\/sp6\.yaml"\) routine with pregnancy\n {2}avoid {3}SP6 /);
    expect(section(text, 'headache ("./sp6.yaml")')).not.toMatch(/LI4 Hégǔ/);
    expect(section(text, 'headache')).toMatch(/^AVOID the headache routine with pregnancy\n {2}avoid {3}LI4 /);
    expect(section(text, 'headache')).not.toMatch(/SP6 Sānyīnjiāo/);
    const two = (await cliAsync(['check', './sp6.yaml', './pc6.yaml', '--pregnant', '--no-profile'], { cwd: dir })).stdout;
    expect(two).toMatch(/^Avoid with pregnancy: headache \("\.\/sp6\.yaml"\) \(SP6\)\.$/m);
    expect(section(two, 'headache ("./sp6.yaml")')).toMatch(/^AVOID the headache \("\.\/sp6\.yaml"\) routine with pregnancy\n {2}avoid {3}SP6 /);
    expect(section(two, 'headache ("./pc6.yaml")')).toMatch(/^OK the headache \("\.\/pc6\.yaml"\) routine with pregnancy\n {2}used {4}PC6 [^]*\n {2}Nothing to avoid/);
    expect(section(two, 'headache ("./pc6.yaml")')).not.toMatch(/SP6 Sānyīnjiāo/);
  });
});

describe('validate warns, and still passes', () => {
  it('a point never to press yourself, and an alias another routine already answers to', () => {
    const r = { ...routine([press('LI4'), press('ST9')]), aliases: ['mine', 'neck-pain'] };
    const warnings = routineWarnings(catalog, r);
    expect(warnings.map((w) => w.path)).toEqual([['aliases', 1], ['steps', 1]]);
    expect(warnings[0]!.message).toBe('"neck-pain" is already a name of routine neck, so it would name neither; choose another');
    expect(warnings[1]!.message).toMatch(/^ST9 is a point never to press yourself \(.*carotid.*\); run refuses this step$/);
    // Compared as lookup compares names: case, spaces and dashes aside, titles too.
    const loose = routineWarnings(catalog, { ...routine([press('LI4')]), aliases: ['Neck Pain', 'headache relief', 'my own'] });
    expect(loose.map((w) => w.path)).toEqual([['aliases', 0], ['aliases', 1]]);
  });
  it('a massage step with no region, and a cue firmer than its point allows', () => {
    const r = routine([massage('wherever it feels tight', 60_000), press('LR3', { cue: 'Press firmly.' }), press('ST36', { cue: 'Press firmly.' }), massage('the back of the neck', 60_000)]);
    const warnings = routineWarnings(catalog, r);
    expect(warnings.map((w) => w.path)).toEqual([['steps', 0], ['steps', 1, 'cue'], ['steps', 3]]);
    expect(warnings[1]!.message).toBe('the cue asks for firm pressure, more than LR3 allows (moderate); ask for less');
    // Nothing the checks can see at all, said so.
    expect(warnings[0]!.message).toMatch(/^this massage step names no region, so condition checks cannot see it; add region: /);
    // Body words in the text are read as regions, and the warning says which.
    expect(warnings[2]!.message).toMatch(/^this massage step names no region, so condition checks go by the body words of its area text \(neck\); add region: /);
  });
  it('a one-side cue is held to the same pressure as the cue it stands in for', () => {
    const warnings = routineWarnings(catalog, routine([press('LR3', { cue: 'Press steadily.', cueOneSide: 'Press firmly.' })]));
    expect(warnings.map((w) => w.path)).toEqual([['steps', 0, 'cue_one_side']]);
    expect(warnings[0]!.message).toBe('the one-side cue asks for firm pressure, more than LR3 allows (moderate); ask for less');
  });

  it('on the command line: file, line, column and "warning:", exit 0, and in --json', () => {
    const dir = tempTree({ 'routines/mine.yaml': 'id: mine\ntitle: Mine\nsummary: Mine.\nsources: [me]\nsteps:\n  - massage: the tops of both shoulders\n    duration: 1m\n' });
    const r = cli(['validate', join(dir, 'routines/mine.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${join(dir, 'routines/mine.yaml')}:6:5 steps[0]: warning: this massage step names no region, so condition checks go by the body words of its area text (shoulder) and its point GB21; add region: with the body regions it covers (for example shoulder, neck, hand)\n1 warning in 1 file\n`);
    const j = JSON.parse(cli(['validate', join(dir, 'routines/mine.yaml'), '--json']).stdout);
    expect(j[0]).toMatchObject({ ok: true, problems: [], warnings: [{ line: 6, col: 5, path: 'steps[0]' }] });
    // Its area still says where it works: pregnancy avoids it.
    expect(cli(['check', join(dir, 'routines/mine.yaml'), '--pregnant']).code).toBe(1);
  });
});

describe('validate shows warnings beside problems', () => {
  it('a file with a problem still gets its warnings, after the problems, in text and --json', async () => {
    const { run: validate } = await import('../src/commands/validate.js');
    const dir = tempTree({ 'routines/mine.yaml': 'id: mine\ntitle: Mine\nsummary: Mine.\nsources: [me]\nsteps:\n  - press: XX99\n  - massage: wherever it feels tight\n    duration: 1m\n' });
    const file = join(dir, 'routines/mine.yaml');
    const f = fakeIo();
    expect(await validate({ args: [[file]] }, f.io)).toBe(2);
    const lines = f.stderr.text().split('\n').filter(Boolean);
    // The unknown point first, then the warning about the blind massage step, then the counts.
    expect(lines[0]).toMatch(/mine\.yaml:6:\d+ steps\[0\]\.press: .*XX99/);
    expect(lines[1]).toMatch(/mine\.yaml:7:5 steps\[1\]: warning: this massage step names no region/);
    expect(lines.slice(2)).toEqual(['1 problem in 1 file', '1 warning in 1 file']);
    const j = fakeIo();
    await validate({ args: [[file]], json: true }, j.io);
    expect(JSON.parse(j.stdout.text())[0]).toMatchObject({ ok: false, problems: [expect.objectContaining({ line: 6 })], warnings: [expect.objectContaining({ line: 7 })] });
  });
});

describe('list in a terminal', () => {
  it('explains every mark it shows, under the table', async () => {
    const { io, stdout } = fakeIo({}, true);
    await list({ args: ['routines'], profile: true, condition: ['bleeding'] }, io);
    const text = stdout.text();
    expect(text).toMatch(/ ⚠\n/);
    // eye-strain's cautions are for everyone, not for bleeding: the legend does not pin them on it.
    expect(text).toMatch(/^eye-strain .* ⚠$/m);
    // The legend wraps to the terminal (80 columns here), its later lines indented.
    expect(text).toMatch(/\n⚠  a caution applies \(for everyone, or with bleeding\); acupress show <id> says\s+which\n$/);
  });

  it('marks a routine with a point never to press yourself, and run --random never picks it', async () => {
    const dir = tempTree({ 'routines/front.yaml': { id: 'front', title: 'Front of the neck', summary: 'x', sources: ['me'], tags: ['only-here'], steps: [{ press: 'ST9' }, { press: 'LI4' }] } });
    const { io, stdout } = fakeIo({}, true);
    await list({ args: ['routines'], data: [dir], profile: true }, io);
    expect(stdout.text()).toMatch(/^front .*Front of the neck ⚠ avoid \(user\)$/m);
    expect(stdout.text()).toMatch(/\n⚠ avoid  has a step never to press yourself; run refuses it \(acupress check <id>\s+says why\)\n/);
    expect(stdout.text()).toMatch(/\n\(user\)  your own routine\n/);
    const r = cli(['run', '--random', '--tag', 'only-here', '--data', dir, '--dry-run']);
    // It matched the tag and was refused for safety: exit 1, not a usage error.
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no routine matching --tag "only-here" is safe to run; front has steps to avoid/);
  });

  it('marks the points never to press yourself, with a legend', async () => {
    const { io, stdout } = fakeIo({}, true);
    await list({ args: ['points'], meridian: 'ST', profile: true }, io);
    expect(stdout.text()).toMatch(/^ST9 .*Man's Prognosis ⚠ avoid$/m);
    expect(stdout.text()).toMatch(/\n⚠ avoid  never press this point yourself \(acupress show <code> says why\)\n/);
  });

  // Only the points never to press were marked: LR3's caution for everyone, and KI3's with
  // pregnancy, showed nothing, though routines with a caution are marked.
  it('marks the points a caution applies to, for everyone or with a condition in force', async () => {
    const { io, stdout } = fakeIo({}, true);
    await list({ args: ['points'], meridian: 'LR', profile: false }, io);
    expect(stdout.text()).toMatch(/^LR3 .*Great Surge ⚠$/m);
    expect(stdout.text()).toMatch(/^LR1 .*Large Pile$/m);
    expect(stdout.text()).toMatch(/\n⚠  a caution applies; acupress show <code> says which\n$/);
    const preg = fakeIo({}, true);
    await list({ args: ['points'], meridian: 'KI', pregnant: true, profile: false }, preg.io);
    expect(preg.stdout.text()).toMatch(/^KI3 .*Great Ravine ⚠$/m);
    expect(preg.stdout.text()).toMatch(/\n⚠  a caution applies \(for everyone, or with pregnancy\); acupress show <code>\s+says which\n$/);
    const plain = fakeIo({}, true);
    await list({ args: ['points'], meridian: 'KI', profile: false }, plain.io);
    expect(plain.stdout.text()).toMatch(/^KI3 .*Great Ravine$/m);
  });
});

describe('check in a narrow terminal', () => {
  it('check --pregnant fits 40 columns, the list of safer routines and its heading included', async () => {
    const { io, stdout } = fakeIo({}, true);
    (stdout as { columns: number }).columns = 40;
    await check({ pregnant: true, profile: false }, io);
    const lines = stdout.text().split('\n');
    // Every line fits but one holding a single word longer than the line (a source's URL), left whole.
    expect(lines.filter((l) => width(l) > 40 && l.trim().includes(' '))).toEqual([]);
    expect(lines.some((l) => /^ +http:\/\/www\.paradigm-pubs\.com\/Birch-Contra$/.test(l))).toBe(true);
    const at = lines.findIndex((l) => /^Safer routines with pregnancy/.test(l));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 2]).toMatch(/^ {2}morning-sickness {2}Morning sickness/);
  });
});

describe('list in a narrow terminal', () => {
  // A 40-column pane cut the titles with "…" and the ⚠ marks went with them, legend still printed.
  it('keeps every ⚠ mark of the routines and points at 40 columns, cutting the title before it', async () => {
    const wide = fakeIo({}, true);
    await list({ args: ['routines'], profile: false }, wide.io);
    const expected = wide.stdout.text().split('\n').filter((l) => l.includes('⚠') && !/^⚠/.test(l)).length;
    expect(expected).toBeGreaterThan(3);
    for (const cols of [30, 40]) {
      const { io, stdout } = fakeIo({}, true);
      (stdout as { columns: number }).columns = cols;
      await list({ args: ['routines'], profile: false }, io);
      const rows = stdout.text().split('\n\n')[0]!.split('\n');
      expect(rows.filter((l) => /⚠$/.test(l))).toHaveLength(expected);
      expect(rows.filter((l) => width(l) > cols)).toEqual([]);
      // At 30 columns even the mark has no room beside TIME: TIME goes, whole, rather than an id be cut.
      expect(rows.join('\n')).toMatch(cols === 40 ? /^eye-strain +6:40 +T.*… ⚠$/m : /^eye-strain +T.*… ⚠$/m);
    }
    const { io, stdout } = fakeIo({}, true);
    (stdout as { columns: number }).columns = 40;
    await list({ args: ['points'], meridian: 'ST', profile: false }, io);
    expect(stdout.text()).toMatch(/^ST9 +.*… ⚠ avoid$/m);
    expect(stdout.text().split('\n').filter((l) => width(l) > 40)).toEqual([]);
  });
});

describe('safer routines', () => {
  it('rank the routines that share the refused one\'s body area before those that share only "desk"', async () => {
    const { saferAlternatives } = await import('../src/core/safety.js');
    const ids = (id: string) => saferAlternatives(catalog, catalog.routines.get(id)!, pregnancy).map((r) => r.id);
    // neck [neck, shoulder, desk, pain]: skull-base shares "neck"; energy, eye-strain and focus only "desk".
    expect(ids('neck')[0]).toBe('skull-base');
    // headache [head, pain, neck]: skull-base shares two, then the head routines.
    expect(ids('headache')).toEqual(['skull-base', 'eye-strain', 'focus']);
    // Every suggestion still has nothing to avoid.
    for (const id of ids('neck')) expect(routineFindings(catalog, catalog.routines.get(id)!, pregnancy).some((f) => f.level === 'avoid')).toBe(false);
  });
});

describe('picker and your own routines', () => {
  it('marks a copy of a built-in routine (user), as list does, so the two lines differ', async () => {
    const dir = tempTree({ 'routines/my-neck.yaml': readFileSync(join(ROOT, 'data/routines/neck.yaml'), 'utf8').replace(/^id: neck$/m, 'id: my-neck').replace(/^aliases:.*$/m, '') });
    const { loadCatalog } = await import('../src/store/load-catalog.js');
    const mine = await loadCatalog({ env: {}, cwd: dir, data: [dir] });
    const names = pickerChoices(mine, pregnancy).filter((c) => c.value === 'neck' || c.value === 'my-neck').map((c) => [c.value, c.name]);
    expect(names).toHaveLength(2);
    expect(names.find(([v]) => v === 'my-neck')![1]).toMatch(/ ⚠ avoid \(user\)$/);
    expect(names.find(([v]) => v === 'neck')![1]).not.toMatch(/\(user\)/);
  });
});
