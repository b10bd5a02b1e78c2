// index.json's lines (store/index-lines.ts): a lookup reads and checks its own line; a miss or a
// read of every line checks the whole text, so a damaged line is never a silent miss.
import { describe, expect, it } from 'vitest';
import { groupLine, IndexLines, isConditionId, isGroupName, isPointId, nameLine, useLine } from '../src/store/index-lines.js';

class Damaged extends Error {}
const fail = (): never => {
  throw new Damaged('damaged');
};

describe('index.json lines', () => {
  it('a lookup gives the words after its key, from its own line only', () => {
    const t = new IndexLines('LI-1 LI1 LI2 LI10\nLI-2 LI11\nST-1 ST1', ' ', groupLine, fail);
    expect(t.line('LI-1')).toEqual(['LI1', 'LI2', 'LI10']);
    expect(t.line('ST-1')).toEqual(['ST1']);
    expect(t.line('LI-2')).toEqual(['LI11']);
    // A key is a whole first word: never part of one, nor a word further along a line.
    for (const k of ['LI', 'LI-', 'LI1', 'ST-1 ST1', '', '\n', 'I-1']) expect(t.line(k), JSON.stringify(k)).toBeUndefined();
  });

  it('a damaged line fails when it is read, and not before', () => {
    const t = new IndexLines('LI-1 LI1\nLI-2  LI11\nST-1 st1', ' ', groupLine, fail);
    expect(t.line('LI-1')).toEqual(['LI1']);
    expect(() => t.line('LI-2')).toThrow(Damaged);
    expect(() => t.line('ST-1')).toThrow(Damaged);
  });

  it('a key that starts two lines fails, whichever is read', () => {
    const t = new IndexLines('LI-1 LI1\nST-1 ST1\nLI-1 LI2', ' ', groupLine, fail);
    expect(() => t.line('LI-1')).toThrow(Damaged);
    expect(t.line('ST-1')).toEqual(['ST1']);
    expect(() => t.lines()).toThrow(Damaged);
  });

  it('a miss checks the whole text: a damaged line elsewhere is no silent "not there"', () => {
    expect(() => new IndexLines('LI-1 LI1\n../x ZZ9', ' ', groupLine, fail).line('LI-9')).toThrow(Damaged);
    expect(new IndexLines('LI-1 LI1\nLI-2 LI9', ' ', groupLine, fail).line('LI-9')).toBeUndefined();
    expect(() => new IndexLines('pregnancy\tPregnancy\nX\tX', '\t', nameLine, fail).line('nosuch')).toThrow(Damaged);
  });

  it('every line, checked once', () => {
    let fails = 0;
    const count = (): never => {
      fails++;
      throw new Damaged('damaged');
    };
    const t = new IndexLines('LI4 headache jaw\nST36 legs', ' ', useLine, count);
    expect(t.lines()).toEqual([['LI4', 'headache', 'jaw'], ['ST36', 'legs']]);
    expect(new IndexLines('', ' ', useLine, count).lines()).toEqual([]);
    expect(() => new IndexLines('LI4 headache\nST36', ' ', useLine, count).lines()).toThrow(Damaged);
    expect(fails).toBe(1);
  });

  it('the words are what the build writes: ids that name files, and nothing empty', () => {
    for (const w of ['LI4', 'EX-HN3', 'M-HN-3', 'GV20']) expect(isPointId(w), w).toBe(true);
    for (const w of ['', 'li4', '4LI', 'LI 4', 'LI4/', '../x', 'ÄB1']) expect(isPointId(w), w).toBe(false);
    for (const w of ['LI-1', 'EX-12', 'ST-10']) expect(isGroupName(w), w).toBe(true);
    for (const w of ['', 'LI', 'LI-', 'LI-0', 'LI-01', 'L-1', 'LIV-1', 'li-1', 'LI-1/', '../x', 'LI-1x']) expect(isGroupName(w), w).toBe(false);
    for (const w of ['pregnancy', 'high-blood-pressure', 'type2']) expect(isConditionId(w), w).toBe(true);
    for (const w of ['', '-a', 'a-', 'a--b', 'A', 'a b', '../../x', 'a/b', 'é']) expect(isConditionId(w), w).toBe(false);
    expect(nameLine(['pregnancy', 'Pregnancy'])).toBe(true);
    expect(nameLine(['pregnancy'])).toBe(false);
    expect(nameLine(['pregnancy', ''])).toBe(false);
    expect(useLine(['LI4', 'headache', ''])).toBe(false);
    expect(groupLine(['LI-1'])).toBe(false);
  });
});
