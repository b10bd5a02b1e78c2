// Dev helper: validate one or more point YAML files against the schema and the WHO checklist.
// Usage: npx tsx scripts/check-point-file.ts data/points/lu.yaml [...]
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { pointFileSchema } from '../src/data/schema.js';

const csv = readFileSync(new URL('../../shared/reference/who-acupoint-codes.csv', import.meta.url), 'utf8')
  .trim().split('\n').slice(1).map((l) => l.split(','));
const plain = new Map(csv.map(([code, , , pinyin]) => [code!, pinyin!.trim()]));
const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\s'-]/g, '').toLowerCase();
let bad = 0;
for (const file of process.argv.slice(2)) {
  const r = pointFileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!r.success) {
    for (const i of r.error.issues) console.log(`${file}: ${i.path.join('.')}: ${i.message}`);
    bad++;
    continue;
  }
  for (const p of r.data.points) {
    const want = plain.get(p.id);
    if (p.meridian !== 'EX' && want === undefined) { console.log(`${file}: ${p.id} is not a WHO code`); bad++; }
    if (want !== undefined && strip(p.pinyin) !== strip(want)) { console.log(`${file}: ${p.id} pinyin ${p.pinyin} != ${want}`); bad++; }
  }
  console.log(`${file}: ${r.data.points.length} points, ${r.data.points.filter((p) => p.find).length} with find`);
}
process.exitCode = bad ? 1 : 0;
