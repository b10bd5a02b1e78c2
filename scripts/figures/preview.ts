// Development aid: render the atlas page of the named views (default all written so far) to
// PNG with headless Chromium, for looking at. Usage: tsx scripts/figures/preview.ts [view...]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBuiltin } from '../../src/store/build-builtin.js';
import { checkYamlFile } from '../../src/store/yaml-load.js';
import { figureViewSchema, FIGURE_VIEWS } from '../../src/model/figure-schema.js';
import { atlasSvg } from '../../src/render/atlas-svg.js';

const out = process.env.PREVIEW_DIR ?? '/tmp/atlas';
mkdirSync(out, { recursive: true });
const points = buildBuiltin().points;
const want = process.argv.slice(2);
for (const id of want.length ? want : FIGURE_VIEWS) {
  const file = join('data/figures', `${id}.yaml`);
  if (!existsSync(file)) continue;
  const r = checkYamlFile(file, figureViewSchema);
  if (!r.ok) { console.error(r.problems); continue; }
  const on = points.filter((p) => p.figure?.view === id).map((p) => ({ id: p.id, laterality: p.laterality, figure: p.figure! }));
  const svg = join(out, `${id}.svg`);
  writeFileSync(svg, atlasSvg(r.value, on));
  const m = /width="(\d+)" height="(\d+)"/.exec(atlasSvg(r.value, on))!;
  execFileSync('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--hide-scrollbars',
    `--screenshot=${join(out, `${id}.png`)}`, `--window-size=${m[1]},${m[2]}`, `file://${svg}`], { stdio: 'ignore' });
  console.log(`${join(out, `${id}.png`)} (${on.length} points)`);
}
