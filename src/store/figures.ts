// The body views at run time, read only when a figure is drawn (never on the start-up path of
// list or show): dist/data/figures.json from the build, or in development the YAML itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureView } from '../model/types.js';
import { snapshotDir } from './load-catalog.js';

/** The file in a snapshot directory that holds every view, in FIGURE_VIEWS order. */
export const FIGURES_FILE = 'figures.json';

/** Write the validated views into a snapshot directory (build time). */
export function figuresJson(views: FigureView[]): string {
  return JSON.stringify(views);
}

const cache = new Map<string, Map<string, FigureView>>();

/**
 * Every body view by id. Reads `<dir>/figures.json` (the build snapshot, default dist/data) once
 * per process; without a snapshot (development), validates data/figures/*.yaml instead.
 */
export async function loadFigureViews(dir: string = snapshotDir()): Promise<Map<string, FigureView>> {
  const hit = cache.get(dir);
  if (hit) return hit;
  let views: FigureView[];
  try {
    views = JSON.parse(readFileSync(join(dir, FIGURES_FILE), 'utf8')) as FigureView[];
  } catch {
    const { buildFigureViews } = await import('./build-figures.js');
    views = buildFigureViews();
  }
  const map = new Map(views.map((v) => [v.id, v]));
  cache.set(dir, map);
  return map;
}
