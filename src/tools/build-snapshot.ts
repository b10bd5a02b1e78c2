// Build step: validate data/ with the zod schemas and write the snapshot in dist/data/,
// so that the CLI's common paths never parse YAML or load zod at start-up.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBuiltin } from '../store/build-builtin.js';
import { buildFigureViews } from '../store/build-figures.js';
import { FIGURES_FILE, figuresJson } from '../store/figures.js';
import { snapshotDir } from '../store/load-catalog.js';
import { packageRoot } from '../store/paths.js';
import { writeSnapshot, type SaidFile } from '../store/snapshot.js';
import { withinPressure } from '../core/pressure-words.js';
import type { CatalogData } from '../model/catalog.js';
import { fnv1a } from '../store/user-cache.js';

/**
 * The release this build is: the package version and a hash of the built bundles and the data. The
 * user-data cache is trusted only by the release that wrote it, so a new build (even of the same
 * version) never reads records shaped by older code.
 */
function release(data: unknown): string {
  const root = packageRoot();
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  // Every bundle, the libraries' too: the user-data cache holds what zod and yaml (dist/vendor/)
  // accepted, so a new version of either must not trust an old entry.
  let code = '';
  const dist = join(root, 'dist');
  let files: string[] = [];
  try {
    files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.cjs')).sort();
  } catch {
    // Built in another order: the data and version still key it.
  }
  for (const file of files) code += `${file}\0${readFileSync(join(dist, file), 'utf8')}\0`;
  return `${version}+${fnv1a(code)}${fnv1a(JSON.stringify(data))}`;
}

/**
 * Every built-in point's technique and routine step's cue, said within gentle and moderate
 * pressure as a run says it (withinPressure), for Catalog.said: a start that caps a built-in text
 * then compiles none of the pressure words' patterns.
 */
function saidTable(data: CatalogData): SaidFile {
  const texts = new Set<string>();
  for (const p of data.points) if (p.technique) texts.add(p.technique);
  for (const r of data.routines) for (const s of r.steps) if ((s.kind === 'press' || s.kind === 'massage') && s.cue) texts.add(s.cue);
  const table: SaidFile = {};
  const within = (text: string, allowed: 'gentle' | 'moderate') => {
    const said = withinPressure(text, allowed);
    return said === text ? 1 : said;
  };
  for (const text of [...texts].sort()) table[text] = [within(text, 'gentle'), within(text, 'moderate')];
  return table;
}

try {
  const data = buildBuiltin();
  const views = buildFigureViews();
  writeSnapshot(data, snapshotDir(), saidTable(data), release(data));
  // The views in a file of their own, read only when a figure is drawn.
  writeFileSync(join(snapshotDir(), FIGURES_FILE), figuresJson(views));
  const placed = data.points.filter((p) => p.figure).length;
  console.log(`snapshot: ${data.points.length} points (${placed} placed on ${views.length} figure views), ${data.routines.length} routines, ${data.conditions.length} conditions`);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
}
