// Session 10's attack findings on how points are found in text and on the command line: names in
// cues, channels written in English or with their letters apart, numbers a channel does not have,
// and a long area read in one pass.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { catalogFrom } from '../src/model/catalog.js';
import { CODE_WORD, codesInText, knownCodesInText, massagePoints, pointsInText, routineFindings } from '../src/core/safety.js';
import { CHANNEL_POINTS, codeSpelledAs } from '../src/core/codes-in-text.js';
import { forgetNames, pointsNamedInText } from '../src/core/names-in-text.js';
import { lookup, nameOwners, resolve } from '../src/core/resolve.js';
import { cli, ROOT, tempTree } from './helpers.js';
import { massage, press, rest, routine } from './fixtures-data.js';
import type { Step } from '../src/model/types.js';

const catalog = catalogFrom(buildBuiltin(join(ROOT, 'data')));
const pregnancy = [catalog.conditions.get('pregnancy')!];
const avoided = (steps: Step[]) => routineFindings(catalog, routine(steps), pregnancy).filter((f) => f.level === 'avoid').map((f) => f.point ?? f.region);

describe('a cue naming a point by name is checked as if that point were pressed', () => {
  it('in a rest, a press of another point and a massage: pinyin in any case and spacing, hanzi, fullwidth, hidden characters', () => {
    for (const cue of ['Then press Hegu', 'then press hegu', 'Rub 合谷', 'knead he gu', 'Hé-gǔ next', 'Ｈｅｇｕ', 'He\u200bgu', 'He\u00adgu', 'press Union Valley']) {
      expect(avoided([press('PC6'), { ...rest(30_000), cue } as Step]), cue).toEqual(['LI4']);
      expect(avoided([press('PC6', { cue })]), cue).toEqual(['LI4']);
      expect(avoided([{ ...massage('the forearm', 30_000), regions: ['forearm'], cue } as Step]), cue).toEqual(['LI4']);
    }
    for (const cue of ['sān yīn jiāo', 'Sān Yīn Jiāo', '三阴交', '三陰交', 'then Sanyinjiao']) {
      expect(avoided([press('PC6', { cue })]), cue).toEqual(['SP6']);
    }
    // A one-side cue is read too.
    expect(avoided([press('PC6', { cueOneSide: 'then squeeze Hegu on that hand' })])).toEqual(['LI4']);
    // The longest name wins: "San Yin Jiao" is SP6, not also Yinjiao (GV28, CV7) in its last two syllables.
    expect(pointsInText('press san yin jiao', catalog)).toEqual(['SP6']);
  });
  it('prose stays prose: a one-word English name opening a sentence, lower-case English words', () => {
    for (const cue of ['Return to any sore spot', 'Breathe out slowly. Return to the start.', 'Let your upper arm hang', 'where he guides you']) {
      expect(avoided([press('PC6', { cue })]), cue).toEqual([]);
    }
    // No built-in cue names a point other than its step's own.
    for (const r of catalog.routines.values()) {
      r.steps.forEach((s, i) => {
        const own = s.kind === 'press' ? [s.point] : s.kind === 'massage' ? [...s.points, ...massagePoints({ area: s.area, points: [] }, catalog)] : [];
        for (const cue of [s.cue, s.kind === 'press' ? s.cueOneSide : undefined]) {
          if (cue) expect(pointsInText(cue, catalog).filter((id) => !own.includes(id)), `${r.id} steps[${i}]: ${cue}`).toEqual([]);
        }
      });
    }
  });
});

describe('point codes written as people write them', () => {
  const spellings: Array<[string, string]> = [
    ['L I 4', 'LI4'], ['l i 4', 'LI4'], ['L. I. 4', 'LI4'], ['S P 6', 'SP6'],
    ['Spleen 6', 'SP6'], ['Spleen-6', 'SP6'], ['spleen 6', 'SP6'], ['SPLEEN 6', 'SP6'], ['Large Intestine 4', 'LI4'], ['large intestine-4', 'LI4'],
    ['Gallbladder 21', 'GB21'], ['Gall Bladder 21', 'GB21'], ['Gall-Bladder 21', 'GB21'], ['Conception Vessel 4', 'CV4'],
    ['Governor Vessel 20', 'GV20'], ['Governing Vessel 20', 'GV20'], ['Urinary Bladder 60', 'BL60'], ['Bladder 60', 'BL60'],
    ['Triple Energizer 5', 'TE5'], ['Triple Burner 5', 'TE5'], ['Triple Warmer 5', 'TE5'], ['San Jiao 5', 'TE5'], ['Sanjiao 5', 'TE5'],
    ['Pericardium 6', 'PC6'], ['Kidney 1', 'KI1'], ['Liver 3', 'LR3'], ['Lung 7', 'LU7'], ['Heart 7', 'HT7'], ['Heart Protector 6', 'PC6'],
    ['Small Intestine 3', 'SI3'], ['Stomach 36', 'ST36'], ['Ren Mai 4', 'CV4'], ['Du Mai 20', 'GV20'], ['Spleen\u20146', 'SP6'], ['Ｓｐｌｅｅｎ ６', 'SP6'],
  ];
  it('the channel letters apart and the channel\'s English name before the number, in text', () => {
    for (const [text, code] of spellings) expect(codesInText(text), text).toEqual([code]);
    expect(codesInText('then press Spleen 6 and Large Intestine 4, then Bladder 60')).toEqual(['SP6', 'LI4', 'BL60']);
    expect(avoided([press('PC6'), { ...rest(30_000), cue: 'Now press Spleen 6 on each shin' } as Step])).toEqual(['SP6']);
    expect(avoided([{ ...massage('L I 4, the web of the hand', 30_000), regions: ['hand'] } as Step])).toEqual(['LI4']);
  });
  it('a number the channel does not have is no code (the heart channel has 9 points), in any spelling', () => {
    for (const text of ['Heart 12', 'HT12', 'ht 12', 'Lung 12', 'Pericardium 10', 'LI 21', 'Liver 0', 'Governor Vessel 30', 'Kidney 28']) expect(codesInText(text), text).toEqual([]);
    expect(codesInText('Heart 9, Lung 11, Bladder 67, Gallbladder 44')).toEqual(['HT9', 'LU11', 'BL67', 'GB44']);
  });
  it('a count after a channel\'s name in lower case is a count; with its capital it is read as the point (when unsure, caution)', () => {
    for (const text of ['rub the stomach 3 times', 'warm the kidney 2 minutes', 'circle the stomach 2-3 times', 'the heart 2 or 3 breaths', 'the liver 2 cun below']) expect(codesInText(text), text).toEqual([]);
    expect(codesInText('Stomach 3 times')).toEqual(['ST3']);
    expect(codesInText('press stomach 36 firmly')).toEqual(['ST36']);
    // English words the names hold, with no number, are no codes.
    expect(codesInText('the heart, the lungs and the stomach')).toEqual([]);
  });
  it('GV29, Yintang in the Chinese national standard, is EX-HN3 in any spelling', () => {
    for (const text of ['press GV29', 'Du 29', 'Governor Vessel 29']) expect(pointsInText(text, catalog), text).toEqual(['EX-HN3']);
  });
  it('the channels\' point counts are the WHO 2008 standard\'s, and the data holds exactly those points', () => {
    expect(CHANNEL_POINTS).toEqual({ LU: 11, LI: 20, ST: 45, SP: 21, HT: 9, SI: 19, BL: 67, KI: 27, PC: 9, TE: 23, GB: 44, LR: 14, GV: 28, CV: 24 });
    expect(Object.values(CHANNEL_POINTS).reduce((a, b) => a + b, 0)).toBe(361);
    for (const [channel, n] of Object.entries(CHANNEL_POINTS)) {
      const held = [...catalog.points.values()].filter((p) => p.meridian === channel).map((p) => p.id).sort();
      expect(held, channel).toEqual(Array.from({ length: n }, (_, i) => `${channel}${i + 1}`).sort());
    }
  });
});

describe('the command line reads a point as text does', () => {
  it('resolves every spelling above, an em dash too, and refuses a number the channel does not have', () => {
    expect(resolve(catalog, 'Spleen 6').id).toBe('SP6');
    expect(resolve(catalog, 'LI\u20144').id).toBe('LI4');
    expect(resolve(catalog, 'Governor Vessel 29').id).toBe('EX-HN3');
    for (const [text, code] of [...[
      ['L I 4', 'LI4'], ['Spleen-6', 'SP6'], ['Large Intestine 4', 'LI4'], ['Gall Bladder 21', 'GB21'], ['Triple Burner 5', 'TE5'], ['San Jiao 5', 'TE5'],
    ] as Array<[string, string]>]) expect(lookup(catalog, text, ['point'])?.id, text).toBe(code);
    expect(lookup(catalog, 'Heart 12')).toBeUndefined();
    expect(lookup(catalog, 'press Spleen 6')).toBeUndefined();
    expect(codeSpelledAs('Spleen 6 please')).toBeUndefined();
    // A name of yours that spells a point's code is refused as that point's, as "li4" is.
    expect(nameOwners(catalog).owners('Spleen 6')).toEqual([{ kind: 'point', id: 'SP6' }]);
  });
  it('acupress show "Spleen 6" and "LI—4" show the points; "Heart 12" is unknown, exit 2', () => {
    const sp6 = cli(['show', 'Spleen 6', '--no-figure']);
    expect(sp6.code).toBe(0);
    expect(sp6.stdout.split('\n')[0]).toMatch(/^SP6 /);
    const li4 = cli(['show', 'LI\u20144', '--no-figure']);
    expect(li4.code).toBe(0);
    expect(li4.stdout.split('\n')[0]).toMatch(/^LI4 /);
    const none = cli(['show', 'Heart 12']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/unknown .*"Heart 12"/);
  });
  it('check file.yaml --pregnant: "Then press Hegu" in a cue is to avoid, not "Nothing to avoid"', () => {
    const dir = tempTree({ 'mine.yaml': ['id: mine', 'title: Mine', 'summary: Mine.', 'sources: [me]', 'steps:', '  - press: PC6', '  - rest: 10s', '    cue: "Then press Hegu, then Spleen 6"', ''].join('\n') });
    const r = cli(['check', join(dir, 'mine.yaml'), '--pregnant', '--no-profile'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^Avoid with pregnancy: mine \(SP6, LI4\)/);
  });
});

describe('a long text is read in one pass', () => {
  it('a 300,000-character area of names, syllables, hanzi and prose gives the same points as a short one', () => {
    const texts: Array<[string, string[]]> = [
      ['he gu '.repeat(50_000), ['LI4']], ['合谷三阴交'.repeat(60_000), ['LI4', 'SP6']], ['Sān Yīn Jiāo, '.repeat(21_000), ['SP6']],
      ['knead the lower belly gently '.repeat(10_400), []], ['a '.repeat(150_000), []], [`${'Knead The Lower Belly '.repeat(13_000)}Hegu`, ['LI4']],
    ];
    for (const [text, ids] of texts) {
      expect(pointsNamedInText(catalog, text), text.slice(0, 20)).toEqual(ids);
      expect(pointsInText(text, catalog), text.slice(0, 20)).toEqual(ids);
    }
    // A word far longer than any name is not folded, and a name after it is still found.
    expect(pointsInText(`${'合'.repeat(300_000)} Hegu`, catalog)).toEqual(['LI4']);
  });
  it('keeps no memory between reads: a long text read again after the known points changed gives the new answer (session 11)', () => {
    const text = `${'knead the forearm gently '.repeat(400)}then XB1 and Xbzone`;
    const known = new Map<string, number>();
    expect(pointsInText(text, known)).toEqual([]);
    known.set('XB1', 1);
    expect(pointsInText(text, known)).toEqual(['XB1']);
    expect(pointsInText(text, new Map())).toEqual([]);
    // A catalog that took in a point of yours since (as the loader merges them) reads it too.
    const data = buildBuiltin(join(ROOT, 'data'));
    const mine = catalogFrom(data);
    expect(pointsInText(text, mine)).toEqual([]);
    const sp6 = data.points.find((p) => p.id === 'SP6')!;
    mine.points.set('XB1', { ...sp6, id: 'XB1', pinyin: 'Xbzone', english: 'Xb Zone', aliases: [], hanzi: '', hanzi_traditional: '', cautions: [], origin: { source: 'user' as const, file: 'mine.yaml' } });
    forgetNames(mine);
    expect(pointsInText(text, mine)).toEqual(['XB1']);
  });
});

describe('every free text a step shows or speaks is read for points (attacker, session 10)', () => {
  it('a press step\'s find: text (the locate cue) is checked as its cue is', () => {
    const find = 'Skip the wrist: instead press Hegu (LI4) firmly in the web of the thumb.';
    expect(avoided([press('PC6', { find })])).toEqual(['LI4']);
    expect(avoided([press('PC6', { find: 'then Sanyinjiao' })])).toEqual(['SP6']);
    expect(avoided([press('PC6', { cueOneSide: 'then Spleen 6' })])).toEqual(['SP6']);
  });
  it('check file.yaml --pregnant with the point in find: is to avoid, exit 1', () => {
    const dir = tempTree({ 'mine.yaml': ['id: mine', 'title: Mine', 'summary: Mine.', 'sources: [me]', 'steps:', '  - press: PC6', '    find: "Skip the wrist: instead press Hegu (LI4) firmly in the web of the thumb."', ''].join('\n') });
    const r = cli(['check', join(dir, 'mine.yaml'), '--pregnant', '--no-profile'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^Avoid with pregnancy: mine \(LI4\)/);
  });
});

describe('a run of dashes in a cue is read in one pass (attacker, session 10)', () => {
  it('gives the right points for long runs of dashes and of "--a", with a code after them', () => {
    const known = new Map([['XB1', 1], ['MYPOINT', 1]]);
    for (const run of ['-'.repeat(300_000), '--a'.repeat(100_000), `Relax${'-'.repeat(40_000)}now`]) {
      expect(pointsInText(run, catalog), run.slice(0, 10)).toEqual([]);
      expect(pointsInText(`${run} LI4 and xb1`, known), run.slice(0, 10)).toEqual(['LI4', 'XB1']);
      expect(avoided([press('PC6', { cue: `${run} then Hegu` })]), run.slice(0, 10)).toEqual(['LI4']);
    }
    // The words it reads are as before: joined by single dashes, any case with a digit, capitals without.
    expect(knownCodesInText('xb1, MYPOINT, mypoint, Mypoint, a-XB1, XB1-2, --XB1', known)).toEqual(['XB1', 'MYPOINT']);
  });
  it('the word pattern has no lookaround: V8\'s linear-time engine takes it (a pattern that could restart at each dash it refuses)', () => {
    const probe = (source: string) => spawnSync(process.execPath, ['--enable-experimental-regexp-engine', '-e', `new RegExp(${JSON.stringify(source)}, 'l')`], { encoding: 'utf8' }).status;
    expect(probe(CODE_WORD.source)).toBe(0);
    // The probe can say no: the old pattern, with its lookahead, is refused.
    expect(probe('(?<![A-Za-z0-9]|[A-Za-z0-9]-)(?=[A-Za-z0-9-]*\\d|[A-Z0-9-]*(?![a-z]))[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*')).not.toBe(0);
  });
});

describe('spaced dashes between a channel and its number, and dashes between its letters (attacker, session 10)', () => {
  it('LI - 4, SP - 6, Spleen – 6, LI -- 4, SP ‒ 6, L-I-4, G-B-21 are codes in text and on the command line', () => {
    const spellings: Array<[string, string]> = [
      ['LI - 4', 'LI4'], ['SP - 6', 'SP6'], ['Spleen \u2013 6', 'SP6'], ['LI -- 4', 'LI4'], ['SP \u2012 6', 'SP6'], ['LI \u2014 4', 'LI4'],
      ['L-I-4', 'LI4'], ['G-B-21', 'GB21'], ['l-i-4', 'LI4'], ['Large Intestine - 4', 'LI4'], ['EX-HN - 3', 'EX-HN3'],
    ];
    for (const [text, code] of spellings) {
      expect(codesInText(`then press ${text} firmly`), text).toEqual([code]);
      expect(codeSpelledAs(text), text).toBe(code);
    }
    expect(avoided([press('PC6', { cue: 'then press SP - 6 and L-I-4' })])).toEqual(['SP6', 'LI4']);
    // Still only numbers the channel has, and lower-case English words apart from a count are prose.
    expect(codesInText('Heart - 12, go - 2 times')).toEqual([]);
  });
});

describe('possessive and plural names (attacker, session 10)', () => {
  it('Hegu\'s, Hegu’s, Hegus, Sanyinjiao\'s, Jianjing\'s area, Union Valley\'s are their points', () => {
    const names: Array<[string, string]> = [
      ["press Hegu's spot", 'LI4'], ['press Hegu\u2019s spot', 'LI4'], ['both Hegus', 'LI4'], ["hegu's", 'LI4'], ["Sanyinjiao's", 'SP6'],
      ["knead Jianjing's area", 'GB21'], ["find Union Valley's hollow", 'LI4'], ['find Union Valley\u2019s hollow', 'LI4'], ["san yin jiao's", 'SP6'],
    ];
    for (const [text, id] of names) expect(pointsInText(text, catalog), text).toEqual([id]);
    expect(avoided([press('PC6', { cue: "then Hegu's spot" })])).toEqual(['LI4']);
    expect(avoided([{ ...massage("Jianjing's area", 30_000), regions: ['arm'] } as Step])).toEqual(['GB21']);
    // Lower-case English words with an s are still prose.
    expect(pointsInText('your upper arms and the valleys', catalog)).toEqual([]);
  });
});

describe('ranges and lists of numbers after a channel (attacker, session 10)', () => {
  it('every point of the range or list, only numbers the channel has', () => {
    const texts: Array<[string, string[]]> = [
      ['SP 4-6', ['SP4', 'SP5', 'SP6']], ['BL 65 to 67', ['BL65', 'BL66', 'BL67']], ['GB 20, 21', ['GB20', 'GB21']], ['SP6 and 9', ['SP6', 'SP9']],
      ['LI 4, 5 and 6', ['LI4', 'LI5', 'LI6']], ['BL 31-34', ['BL31', 'BL32', 'BL33', 'BL34']], ['CV 3-7', ['CV3', 'CV4', 'CV5', 'CV6', 'CV7']],
      ['Spleen 4\u20136', ['SP4', 'SP5', 'SP6']], ['HT 7-12', ['HT7', 'HT8', 'HT9']], ['SP 8-6', ['SP8', 'SP6', 'SP7']], ['GB 20,21', ['GB20', 'GB21']],
    ];
    for (const [text, codes] of texts) expect(codesInText(`press ${text} gently`), text).toEqual(codes);
    expect(avoided([press('PC6', { cue: 'then SP 4-6 on each shin' })])).toEqual(['SP6']);
    expect(avoided([press('PC6', { cue: 'then LI 2, 3 and 4' })])).toEqual(['LI4']);
    // A count after the number is a count, not a point.
    for (const [text, codes] of [['press LI4, 2 minutes', ['LI4']], ['hold PC6 and 3 more breaths', ['PC6']], ['PC 6 to 8 times', ['PC6']], ['PC6, 2.5 cm', ['PC6']]] as Array<[string, string[]]>) {
      expect(codesInText(text), text).toEqual(codes);
    }
    // The command line takes one point, not a range.
    expect(codeSpelledAs('SP 4-6')).toBeUndefined();
    // Still linear on a long list.
    expect(codesInText(`SP 1${', 2'.repeat(100_000)} and LI4`)).toEqual(['SP1', 'SP2', 'LI4']);
  });
});

describe('a point of yours whose name holds a built-in name (attacker, session 10)', () => {
  it('"Sanyinjiao Zone" never hides SP6: both are read', () => {
    const data = buildBuiltin(join(ROOT, 'data'));
    const sp6 = data.points.find((p) => p.id === 'SP6')!;
    const mine = { ...sp6, id: 'XB1', pinyin: 'Xbzone', english: 'Sanyinjiao Zone', aliases: ['Zone Hegu'], hanzi: '', hanzi_traditional: '', cautions: [], origin: { source: 'user' as const, file: 'mine.yaml' } };
    const withMine = catalogFrom({ ...data, points: [...data.points, mine] });
    expect(pointsInText('then press the Sanyinjiao Zone', withMine)).toEqual(['XB1', 'SP6']);
    expect(pointsInText('then the Zone Hegu', withMine)).toEqual(['XB1', 'LI4']);
    // Built-in names still win over the names inside them.
    expect(pointsInText('press san yin jiao', withMine)).toEqual(['SP6']);
  });
});

describe('a count or brackets after a code never hide the point (review, session 11)', () => {
  it('"press spleen 6 x 3", LI4x2, SP(6), Spleen (6), SP[6], SP 4-6x2 name their points', () => {
    const texts: Array<[string, string[]]> = [
      ['press spleen 6 x 3', ['SP6']], ['spleen 6x3', ['SP6']], ['LI4x2', ['LI4']], ['li4X2', ['LI4']], ['LI4\u00d72', ['LI4']], ['sp6x3', ['SP6']],
      ['SP(6)', ['SP6']], ['Sp (6)', ['SP6']], ['SP[6]', ['SP6']], ['SP( 6 )', ['SP6']], ['Spleen (6)', ['SP6']], ['EX-HN(3)', ['EX-HN3']],
      ['SP 4-6x2', ['SP4', 'SP5', 'SP6']], ['GB 20, 21x2', ['GB20', 'GB21']], ['large intestine (4) x 3', ['LI4']],
    ];
    for (const [text, codes] of texts) expect(codesInText(`then ${text} firmly`), text).toEqual(codes);
    for (const cue of ['press spleen 6 x 3', 'LI4x2', 'SP(6)']) {
      expect(avoided([press('PC6', { cue })]).length, cue).toBe(1);
      expect(avoided([{ ...massage(`the shin, ${cue}`, 30_000), regions: ['leg'] } as Step]).length, cue).toBe(1);
    }
    // An x with no number after it is still a count after a lower-case body word.
    for (const text of ['rub the stomach 3 x', 'rub the stomach 3x, then rest', 'circle the stomach 3 \u00d7']) expect(codesInText(text), text).toEqual([]);
  });
});

describe('short and one-letter channel codes in text (review, session 11)', () => {
  it('P6 (PC6 in the nausea literature), K 3, B-60, B 31-34, H7, G20, L7, S36, Kid 3, He 7, KD 3 and the forms already read (Lu, Liv, St, Sp, Ht, UB, SJ, TB, TW, Du, Ren)', () => {
    const texts: Array<[string, string[]]> = [
      ['P6', ['PC6']], ['P 6', ['PC6']], ['P-6', ['PC6']], ['p6', ['PC6']], ['K1', ['KI1']], ['K 3', ['KI3']], ['B 60', ['BL60']], ['B-67', ['BL67']],
      ['B 31-34', ['BL31', 'BL32', 'BL33', 'BL34']], ['H7', ['HT7']], ['G20', ['GB20']], ['L7', ['LU7']], ['S36', ['ST36']], ['P(6)', ['PC6']], ['K1x2', ['KI1']],
      ['Kid 3', ['KI3']], ['KID 3', ['KI3']], ['He 7', ['HT7']], ['KD 3', ['KI3']], ['Kd-3', ['KI3']],
      ['Lu 7', ['LU7']], ['Liv 3', ['LR3']], ['St 36', ['ST36']], ['Sp 6', ['SP6']], ['Ht 7', ['HT7']], ['UB 60', ['BL60']],
      ['SJ 5', ['TE5']], ['TB 5', ['TE5']], ['TW 5', ['TE5']], ['Du 20', ['GV20']], ['Ren 4', ['CV4']],
    ];
    for (const [text, codes] of texts) expect(codesInText(`then press ${text} gently`), text).toEqual(codes);
    expect(avoided([press('PC6', { cue: 'then B 60 and K 3' })])).toEqual(['BL60']);
    expect(avoided([{ ...massage('the outer ankle around B60', 30_000), regions: ['ankle'] } as Step])).toEqual(['BL60']);
    // Prose stays prose: a lower-case letter apart from its number (p. 6 is a page), a spine level
    // (L4-L5, S1), letters that are no channel's (C7, T4), "kid 3" and "go 2" in lower case.
    for (const text of ['see p. 6', 'p 6', 'P. 6', 'knead around L4-L5 and S1', 'L 5', 'C7 and T4', 'my kid 3 times', 'he 7', 'go 2 times', 'Go 2 times']) {
      expect(codesInText(text), text).toEqual([]);
    }
    // The command line reads them as text does (P6 and K1 were legacy codes there already).
    for (const [name, code] of [['P 6', 'PC6'], ['K-1', 'KI1'], ['Kid 3', 'KI3'], ['KD 3', 'KI3']]) expect(codeSpelledAs(name!), name).toBe(code);
  });
  it('Colon 4 (five-element acupuncture\'s name for the large intestine) is LI4; the colon before a count is the bowel', () => {
    for (const text of ['Colon 4', 'colon 4', 'Colon-4', 'COLON 4']) expect(codesInText(`press ${text}`), text).toEqual(['LI4']);
    for (const text of ['massage the colon 3 times', 'along the colon 4 cm', 'the colon 2 minutes']) expect(codesInText(text), text).toEqual([]);
    expect(avoided([press('PC6', { cue: 'then Colon 4 on each hand' })])).toEqual(['LI4']);
    expect(codeSpelledAs('Colon 4')).toBe('LI4');
  });
});

describe('pinyin with tone numbers (review, session 11)', () => {
  it('names its point (he2 gu3, san1 yin1 jiao1, san1yin1jiao1), as with tone marks', () => {
    for (const [text, id] of [['he2 gu3', 'LI4'], ['He2gu3', 'LI4'], ['he2-gu3', 'LI4'], ['san1 yin1 jiao1', 'SP6'], ['san1yin1jiao1', 'SP6'], ['jian1 jing3', 'GB21']] as Array<[string, string]>) {
      expect(pointsInText(`then press ${text}`, catalog), text).toContain(id);
    }
    expect(avoided([press('PC6', { cue: 'then san1 yin1 jiao1' })])).toEqual(['SP6']);
    expect(avoided([{ ...massage('the web of the hand (he2 gu3)', 30_000), regions: ['hand'] } as Step])).toEqual(['LI4']);
    // A digit that ends no syllable leaves the word as it is.
    for (const text of ['hegu3x', 'mp3 player', 'he22 gu3']) expect(pointsNamedInText(catalog, text), text).toEqual([]);
    // Still one pass over a long text.
    expect(pointsNamedInText(catalog, `${'zhuang1'.repeat(40_000)}1 he2 gu3`)).toEqual(['LI4']);
  });
});

describe('check --pregnant on a file (review, session 11)', () => {
  it('"press spleen 6 x 3", LI4x2, SP(6), B 60, he2 gu3, san1 yin1 jiao1 and Colon 4 in cues are to avoid, not "Nothing to avoid"', () => {
    const cues = ['press spleen 6 x 3', 'LI4x2', 'SP(6)', 'B 60', 'he2 gu3', 'san1 yin1 jiao1', 'Colon 4'];
    const dir = tempTree({ 'mine.yaml': ['id: mine', 'title: Mine', 'summary: Mine.', 'sources: [me]', 'steps:', '  - press: PC6', ...cues.flatMap((cue) => ['  - rest: 10s', `    cue: "${cue}"`]), ''].join('\n') });
    const r = cli(['check', join(dir, 'mine.yaml'), '--pregnant', '--no-profile'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^Avoid with pregnancy: mine \(SP6, LI4, BL60\)/);
  });
});
