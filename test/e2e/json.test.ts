// Every JSON the CLI prints is validated against the zod schemas the package exports.
import { describe, expect, it } from 'vitest';
import { checkReportSchema, routineRowSchema, runEventSchema } from '../../src/model/json-schemas.js';
import { cli } from '../helpers.js';

const conditions = ['pregnancy', 'bleeding', 'osteoporosis', 'recent-injury', 'cancer', 'heart-disease', 'neck-arteries', 'eye-conditions', 'varicose-veins', 'skin', 'inflammation', 'scars', 'devices', 'blood-clot'];

describe('JSON output matches the exported schemas', () => {
  it('run --dry-run --json for every routine', () => {
    const ids = JSON.parse(cli(['list', '--json']).stdout).map((r: { id: string }) => r.id);
    for (const id of ids) {
      const lines = cli(['run', id, '--dry-run', '--json']).stdout.trim().split('\n');
      for (const l of lines) runEventSchema.parse(JSON.parse(l));
    }
    // 27 starts of the CLI: 65 s on a loaded two-core machine.
  }, 150_000);
  it('run --dry-run --json names what safety changed in its start event, as a real run\'s does', () => {
    const [start] = cli(['run', 'headache', '--dry-run', '--json', '--pregnant', '--skip-unsafe']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(start).toMatchObject({ type: 'start', conditions: ['pregnancy'], skipped: [{ step: 0, points: ['LI4'], conditions: ['pregnancy'] }] });
    const [plain] = cli(['run', 'headache', '--dry-run', '--json']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(plain).toMatchObject({ type: 'start', conditions: [], skipped: [] });
  });
  it('list --json', () => {
    for (const row of JSON.parse(cli(['list', '--json']).stdout)) routineRowSchema.parse(row);
  });
  it.each(conditions)('check --condition %s over every routine: schema and exit code agree', (c) => {
    const r = cli(['check', 'headache', 'neck', 'morning-sickness', 'hand', 'low-back', '--condition', c, '--json'].slice(0).concat());
    const report = checkReportSchema.parse(JSON.parse(r.stdout));
    // With those its advice says to read too (blood-clot: bleeding), which count as named.
    expect(report.conditions).toEqual(c === 'blood-clot' ? ['blood-clot', 'bleeding'] : [c]);
    expect(report.read_also).toEqual(c === 'blood-clot' ? [{ condition: 'bleeding', by: ['blood-clot'] }] : []);
    expect(r.code).toBe(report.findings.some((f) => f.level === 'avoid') ? 1 : 0);
    expect(report.ok).toBe(r.code === 0);
  });
  it.each(conditions)('check --condition %s with no target: schema, and the card\'s rules as data', (c) => {
    const r = cli(['check', '--condition', c, '--json']);
    expect(r.code).toBe(0);
    const report = checkReportSchema.parse(JSON.parse(r.stdout));
    expect(report.rules.length).toBeGreaterThan(0);
    expect(report.never_press.map((n) => n.point)).toContain('ST9');
  });

  it('check --pregnant --json lists LI4 and SP6 as avoid, PC6 as commonly used, and safer routines', () => {
    const report = checkReportSchema.parse(JSON.parse(cli(['check', '--pregnant', '--json']).stdout));
    expect(report.ok).toBe(true);
    expect(report.summary.avoid).toEqual(expect.arrayContaining(['LI4', 'SP6', 'GB21', 'CV4', 'abdomen', 'lower-back']));
    expect(report.summary.avoid.indexOf('EX-CA1')).toBeLessThan(report.summary.avoid.indexOf('abdomen'));
    const avoided = report.rules.filter((x) => x.level === 'avoid').flatMap((x) => x.points ?? []);
    expect(avoided).toEqual(expect.arrayContaining(['LI4', 'SP6']));
    expect(report.summary.fine).toEqual(['PC6']);
    expect(report.recommended[0]).toMatchObject({ condition: 'pregnancy', points: ['PC6'] });
    expect(report.summary.safer[0]).toBe('morning-sickness');
    expect(report.safer).toEqual([{ routines: report.summary.safer }]);
    expect(report.advice.map((a) => a.condition)).toEqual(['pregnancy', 'pregnancy']);
  });

  it('check --condition blood-clot offers as safer only routines that bleeding (blood thinners) passes too', () => {
    const report = checkReportSchema.parse(JSON.parse(cli(['check', '--condition', 'blood-clot', '--json']).stdout));
    expect(report.summary.safer.length).toBeGreaterThan(3);
    expect(report.summary.safer).not.toContain('shoulders');
    const both = cli(['check', ...report.summary.safer, '--condition', 'blood-clot', '--condition', 'bleeding', '--json']);
    expect(both.code).toBe(0);
    // A refused routine's safer ones too: energy's legs are avoided with a clot.
    const energy = checkReportSchema.parse(JSON.parse(cli(['check', 'energy', '--condition', 'blood-clot', '--json']).stdout));
    expect(energy.safer[0]!.routines.length).toBeGreaterThan(0);
    expect(cli(['check', ...energy.safer[0]!.routines, '--condition', 'bleeding']).code).toBe(0);
  });

  it('with blood-clot, bleeding counts as named: check, show and run --json judge shoulders\' kneading as bleeding does', () => {
    const clot = cli(['check', 'shoulders', '--condition', 'blood-clot', '--json']);
    const bleeding = cli(['check', 'shoulders', '--condition', 'bleeding', '--json']);
    expect(clot.code).toBe(1);
    const report = checkReportSchema.parse(JSON.parse(clot.stdout));
    expect(report).toMatchObject({ ok: false, conditions: ['blood-clot', 'bleeding'], read_also: [{ condition: 'bleeding', by: ['blood-clot'] }] });
    expect(report.summary.avoid).toEqual(['shoulders']);
    // read_also explains only conditions nobody named: both named, nothing to explain.
    expect(checkReportSchema.parse(JSON.parse(cli(['check', 'shoulders', '--condition', 'blood-clot,bleeding', '--json']).stdout))).toMatchObject({ conditions: ['blood-clot', 'bleeding'], read_also: [] });
    expect(report.findings.filter((f) => f.level === 'avoid')).toEqual(checkReportSchema.parse(JSON.parse(bleeding.stdout)).findings.filter((f) => f.level === 'avoid'));
    expect(clot.stderr).toBe('');
    const show = JSON.parse(cli(['show', 'shoulders', '--condition', 'blood-clot', '--json']).stdout);
    expect(JSON.stringify(show)).toMatch(/"condition":"bleeding"/);
    const run = cli(['run', 'shoulders', '--condition', 'blood-clot', '--dry-run', '--json', '--skip-unsafe']);
    const [start] = run.stdout.trim().split('\n').map((l) => runEventSchema.parse(JSON.parse(l)));
    expect(start).toMatchObject({ type: 'start', conditions: ['blood-clot', 'bleeding'], skipped: [{ step: 0, techniques: ['kneading'], conditions: ['bleeding'] }] });
  });

  it('check shoulders --condition bleeding --json carries the contraindication that says what to leave out', () => {
    const r = cli(['check', 'shoulders', '--condition', 'bleeding', '--json']);
    expect(r.code).toBe(1);
    const report = checkReportSchema.parse(JSON.parse(r.stdout));
    expect(report.contraindications.map((x) => x.text).join('\n')).toMatch(/blood thinners.*leave out the kneading of the shoulder tops/);
  });

  it('check --json with no condition lists the points never to press yourself, the general advice and the urgent warnings', () => {
    const report = checkReportSchema.parse(JSON.parse(cli(['check', '--json']).stdout));
    expect(report.never_press.map((n) => n.point)).toEqual(expect.arrayContaining(['ST9', 'GV1', 'CV1', 'ST1']));
    expect(report.summary.avoid).toEqual(report.never_press.map((n) => n.point));
    expect(report.advice.every((a) => a.condition === 'general')).toBe(true);
    expect(report.urgent.flatMap((u) => u.indications)).toEqual(expect.arrayContaining(['chest-pain', 'fainting', 'shortness-of-breath', 'palpitations']));
  });

  it('check ST9 --json: avoid for everyone, with no condition given', () => {
    const r = cli(['check', 'ST9', '--json']);
    expect(r.code).toBe(1);
    const report = checkReportSchema.parse(JSON.parse(r.stdout));
    expect(report.findings).toEqual([expect.objectContaining({ target: 'ST9', point: 'ST9', condition: 'general', level: 'avoid' })]);
    expect(report.summary.avoid).toEqual(['ST9']);
  });

  it('check headache --pregnant --json: safer routines per target, as the text says', () => {
    const report = checkReportSchema.parse(JSON.parse(cli(['check', 'headache', 'morning-sickness', '--pregnant', '--json']).stdout));
    expect(report.summary).toMatchObject({ avoid: ['headache'], fine: ['morning-sickness'] });
    expect(report.safer[0]!.target).toBe('headache');
    expect(report.safer[0]!.routines.length).toBeGreaterThan(0);
    expect(report.notes[0]).toMatchObject({ target: 'morning-sickness', point: 'PC6' });
  });
});
