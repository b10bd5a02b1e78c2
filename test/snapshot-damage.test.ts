// A damaged installation: a snapshot file truncated, emptied, replaced or missing is one line
// naming the file and saying to reinstall (exit 70), whichever command first reads it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSnapshot, saidBucket } from '../src/store/snapshot.js';
import { ExitError } from '../src/model/errors.js';
import { ROOT } from './helpers.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the built snapshot with `file` replaced by `text` (undefined: removed). */
function damagedCopy(file: string, text: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'acupress-snapshot-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'dist/data'), dir, { recursive: true });
  if (text === undefined) rmSync(join(dir, file));
  else writeFileSync(join(dir, file), text);
  return dir;
}

const original = (file: string) => readFileSync(join(ROOT, 'dist/data', file), 'utf8');

/** What reading the snapshot and then using `touch` on it throws. */
function failure(dir: string, touch: (c: NonNullable<ReturnType<typeof readSnapshot>>) => unknown): unknown {
  try {
    touch(readSnapshot(dir)!);
  } catch (e) {
    return e;
  }
  return undefined;
}

/** LI4's technique, and the said-<n>.json that says it within lighter pressures. */
const li4 = (JSON.parse(original('points-LI-1.json')) as Array<{ id: string; technique: string }>).find((p) => p.id === 'LI4')!.technique;
const li4Said = `said-${saidBucket(li4)}.json`;
const otherSaid = `said-${(saidBucket(li4) + 1) % 16}.json`;

const damages: Array<[string, (f: string) => string | undefined]> = [
  ['truncated', (f) => original(f).slice(0, 200)],
  ['null', () => 'null'],
  ['an empty list', () => '[]'],
  ['another file\'s records', (f) => (f === 'points-LI-1.json' ? original('points-ST-1.json') : f === li4Said ? original(otherSaid) : original('points-LI-1.json'))],
  ['missing', () => undefined],
];

const uses: Array<[string, (c: NonNullable<ReturnType<typeof readSnapshot>>) => unknown]> = [
  ['points-LI-1.json', (c) => c.points.get('LI4')],
  ['routines.json', (c) => c.routines.get('headache')!.steps.length],
  ['heads.json', (c) => c.routineHeads!.length],
  ['conditions-pregnancy.json', (c) => c.conditions.get('pregnancy')!.rules.length],
  ['names.json', (c) => c.pointNames!()!.table.latin.length],
  ['judged.json', (c) => c.conditionFlags!('headache')],
  [li4Said, (c) => c.said!(li4, 'gentle')],
];

describe('a damaged snapshot file', () => {
  for (const [file, touch] of uses) {
    it.each(damages)(`${file} %s: one line naming it, exit 70`, (_, make) => {
      const e = failure(damagedCopy(file, make(file)), touch);
      expect(e).toBeInstanceOf(ExitError);
      expect((e as ExitError).exitCode).toBe(70);
      expect((e as ExitError).message).toMatch(new RegExp(`^the built-in data file .*${file.replace('.', '\\.')} is damaged \\(.+\\); reinstall acupress$`));
    });
  }

  it.each([['truncated', original('index.json').slice(0, 300)], ['null', 'null'], ['of another format', original('index.json').replace(/"version":\d+/, '"version":1')]])('index.json %s: one line naming it, exit 70', (_, text) => {
    const e = failure(damagedCopy('index.json', text), (c) => c.points.get('LI4'));
    expect((e as ExitError).exitCode).toBe(70);
    expect((e as ExitError).message).toMatch(/index\.json is damaged/);
  });

  // Valid JSON that is not what the build wrote: never a point or rule silently missing (a
  // safety answer of "nothing to avoid"), never an internal error.
  const edit = (file: string, change: (v: any) => void) => {
    const v = JSON.parse(original(file));
    change(v);
    return JSON.stringify(v);
  };
  const valid: Array<[string, string, (v: any) => void, (c: NonNullable<ReturnType<typeof readSnapshot>>) => unknown]> = [
    ['a point left out of its file', 'points-LI-1.json', (v) => v.splice(3, 1), (c) => c.points.get('LI4')],
    ['another point read twice', 'points-LI-1.json', (v) => (v[3] = v[4]), (c) => c.points.get('LI5')],
    ['a point without its cautions', 'points-LI-1.json', (v) => delete v[3].cautions, (c) => c.points.get('LI4')],
    ['a step of an unknown kind', 'routines.json', (v) => (v.find((r: any) => r.id === 'headache').steps[0].kind = 'zap'), (c) => c.routines.get('headache')],
    ['a step pressing a point the index does not list', 'routines.json', (v) => (v.find((r: any) => r.id === 'headache').steps.find((s: any) => s.kind === 'press').point = 'ZZ9'), (c) => c.routines.get('headache')],
    // A string where a list of texts belongs: a card printed it a character at a time, escapes and
    // all (show basics wrote ESC raw), and a run ended in "internal error: f.tips.map is not a function".
    ['tips that are no list', 'routines.json', (v) => (v.find((r: any) => r.id === 'basics').tips = '\u001b[2Jhello'), (c) => c.routines.get('basics')],
    ['contraindications that are no list', 'routines.json', (v) => (v.find((r: any) => r.id === 'classic').contraindications = '\u001b[2Jhello'), (c) => c.routines.get('classic')],
    ['contraindications left out', 'routines.json', (v) => delete v.find((r: any) => r.id === 'classic').contraindications, (c) => c.routines.get('classic')],
    ['a routine left out', 'routines.json', (v) => v.pop(), (c) => c.routines.get('basics')],
    ['a rule that is null', 'conditions-pregnancy.json', (v) => (v[0].rules[0] = null), (c) => c.conditions.get('pregnancy')],
    ['a head without its title', 'heads.json', (v) => delete v.routineHeads[0].title, (c) => c.routineHeads],
    ['facts that are no facts', 'heads.json', (v) => (v.facts.headache = 5), (c) => c.routineHeads],
    ['an empty group of points', 'index.json', (v) => (v.points = v.points.replace(/^LI-1 .*$/m, 'LI-1')), (c) => c.points.get('LI4')],
    ['a point id with two spaces', 'index.json', (v) => (v.points = v.points.replace('LI1 LI2', 'LI1  LI2')), (c) => c.points.get('LI4')],
    ['a group named like a path', 'index.json', (v) => (v.points += '\n../x ZZ9'), (c) => c.points.get('ZZ9')],
    ['groups that are no text', 'index.json', (v) => (v.points = { 'LI-1': 'LI4' }), (c) => c.points.get('LI4')],
    ['a point used by a routine that is not there', 'index.json', (v) => (v.uses = v.uses.replace(/^LI4 .*$/m, 'LI4 nosuch')), (c) => c.uses!('LI4')],
    ['a routine listed twice', 'index.json', (v) => v.routines.push(v.routines[0]), (c) => c.points.get('LI4')],
    ['condition names that are no list', 'index.json', (v) => (v.conditions = v.conditions.replace(/^pregnancy\t.*$/m, 'pregnancy')), (c) => c.points.get('LI4')],
    ['a group named twice', 'index.json', (v) => (v.points = v.points.replace(/^ST-1 /m, 'LI-1 ST36 SP6\n$&')), (c) => c.points.get('SP6')],
    ['a point whose uses are listed twice', 'index.json', (v) => (v.uses += '\nLI4 headache'), (c) => c.uses!('LI4')],
    ['a condition named twice', 'index.json', (v) => (v.conditions += '\npregnancy\tPregnancy'), (c) => c.points.get('LI4')],
    ['a condition id that is a path', 'index.json', (v) => (v.conditions += '\n../../x\tX'), (c) => c.conditions.get('../../x')],
    ['the general rules left out', 'index.json', (v) => (v.conditions = v.conditions.replace(/^general\t.*\n/m, '')), (c) => c.points.get('LI4')],
    ['pregnancy left out', 'index.json', (v) => (v.conditions = v.conditions.replace(/^pregnancy\t.*\n/m, '')), (c) => c.points.get('LI4')],
    ['condition names with an empty one', 'index.json', (v) => (v.conditions = v.conditions.replace('pregnancy\t', 'pregnancy\t\t')), (c) => c.points.get('LI4')],
    // A line no lookup reads is checked when something reads every line, or a lookup misses.
    ['a damaged group line, by a walk of every point', 'index.json', (v) => (v.points += '\n../x ZZ9'), (c) => c.points.size],
    ['a damaged group line, by a point not found', 'index.json', (v) => (v.points += '\n../x ZZ9'), (c) => c.points.get('ZZ8')],
    ['a damaged line of uses, by a point no routine presses', 'index.json', (v) => (v.uses += '\n..'), (c) => c.uses!('HT1')],
    ['a damaged condition line, by every condition\'s names', 'index.json', (v) => (v.conditions += '\n../../x\tX'), (c) => c.conditionNames],
    ['a damaged condition line, by every condition', 'index.json', (v) => (v.conditions += '\nX\tX'), (c) => [...c.conditions.keys()]],
    ['a damaged condition line, by a condition not found', 'index.json', (v) => (v.conditions += '\nX\tX'), (c) => c.conditions.get('nosuch')],
  ];
  it.each(valid)('%s (%s): one line naming it, exit 70', (_, file, change, touch) => {
    const e = failure(damagedCopy(file, edit(file, change)), touch);
    expect(e).toBeInstanceOf(ExitError);
    expect((e as ExitError).message).toMatch(new RegExp(`${file.replace('.', '\\.')} is damaged \\(not the data this build wrote\\); reinstall acupress$`));
  });

  it('a damaged line a command does not read costs it nothing: show LI4 reads its own lines', () => {
    const dir = damagedCopy('index.json', edit('index.json', (v) => ((v.points += '\n../x ZZ9'), (v.conditions += '\nX\tX'))));
    expect(failure(dir, (c) => [c.points.get('LI4')!.id, c.uses!('LI4'), c.conditions.get('pregnancy')!.id])).toBeUndefined();
  });

  it('a point listed in an earlier group than its own is read from that group, and found missing there', () => {
    const e = failure(damagedCopy('index.json', edit('index.json', (v) => (v.points = v.points.replace(/^LU-1 .*$/m, '$& LI4')))), (c) => c.points.get('LI4'));
    expect((e as ExitError).message).toMatch(/points-LU-1\.json is damaged/);
  });

  it('without index.json there is no snapshot (a source checkout before its first build)', () => {
    expect(readSnapshot(damagedCopy('index.json', undefined))).toBeUndefined();
  });

  it('an undamaged copy reads as the build wrote it', () => {
    expect(failure(damagedCopy('figures.json', original('figures.json')), (c) => [c.points.get('LI4')!.id, c.routines.get('headache')!.id, c.conditions.get('pregnancy')!.id])).toBeUndefined();
  });
});
