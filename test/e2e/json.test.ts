// Every JSON the CLI prints is validated against the zod schemas the package exports.
import { describe, expect, it } from 'vitest';
import { checkReportSchema, routineRowSchema, runEventSchema } from '../../src/model/json-schemas.js';
import { cli } from '../helpers.js';

const conditions = ['pregnancy', 'bleeding', 'osteoporosis', 'recent-injury', 'cancer', 'heart-disease', 'varicose-veins', 'skin', 'inflammation', 'scars', 'devices'];

describe('JSON output matches the exported schemas', () => {
  it('run --dry-run --json for every routine', () => {
    const ids = JSON.parse(cli(['list', '--json']).stdout).map((r: { id: string }) => r.id);
    for (const id of ids) {
      const lines = cli(['run', id, '--dry-run', '--json']).stdout.trim().split('\n');
      for (const l of lines) runEventSchema.parse(JSON.parse(l));
    }
  });
  it('list --json', () => {
    for (const row of JSON.parse(cli(['list', '--json']).stdout)) routineRowSchema.parse(row);
  });
  it.each(conditions)('check --condition %s over every routine: schema and exit code agree', (c) => {
    const r = cli(['check', 'headache', 'neck', 'morning-sickness', 'hand', 'low-back', '--condition', c, '--json'].slice(0).concat());
    const report = checkReportSchema.parse(JSON.parse(r.stdout));
    expect(report.conditions).toEqual([c]);
    expect(r.code).toBe(report.findings.some((f) => f.level === 'avoid') ? 1 : 0);
    expect(report.ok).toBe(r.code === 0);
  });
});
