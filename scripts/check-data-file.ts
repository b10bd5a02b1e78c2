// Dev helper: validate routine files and conditions.yaml against the schemas, and check
// that every point they reference exists in data/points/*.yaml (as far as those files exist yet).
// Usage: npx tsx scripts/check-data-file.ts data/routines/*.yaml data/conditions.yaml
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { conditionFileSchema, pointFileSchema, routineSchema } from '../src/data/schema.js';

const dir = new URL('../data/points/', import.meta.url);
const points = new Map<string, { find?: string }>();
for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
  const r = pointFileSchema.safeParse(parse(readFileSync(new URL(f, dir), 'utf8')));
  if (r.success) for (const p of r.data.points) points.set(p.id, p);
}
console.log(`(${points.size} points known so far)`);
let bad = 0;
const say = (m: string) => { console.log(m); bad++; };
for (const file of process.argv.slice(2)) {
  const raw = parse(readFileSync(file, 'utf8'));
  if (basename(file) === 'conditions.yaml') {
    const r = conditionFileSchema.safeParse(raw);
    if (!r.success) { for (const i of r.error.issues) say(`${file}: ${i.path.join('.')}: ${i.message}`); continue; }
    for (const c of r.data.conditions) for (const rule of c.rules) for (const p of rule.points ?? []) if (!points.has(p)) console.log(`${file}: ${c.id}: point ${p} not (yet) in data/points`);
    console.log(`${file}: ${r.data.conditions.length} conditions`);
    continue;
  }
  const r = routineSchema.safeParse(raw);
  if (!r.success) { for (const i of r.error.issues) say(`${file}: ${i.path.join('.')}: ${i.message}`); continue; }
  if (basename(file, '.yaml') !== r.data.id) say(`${file}: file name must be the id ${r.data.id}.yaml`);
  for (const s of r.data.steps) if (s.kind === 'press') {
    const p = points.get(s.point);
    if (!p) console.log(`${file}: point ${s.point} not (yet) in data/points`);
    else if (!p.find) console.log(`${file}: point ${s.point} has no find text yet`);
  }
  console.log(`${file}: ok, ${r.data.steps.length} steps`);
}
process.exitCode = bad ? 1 : 0;
