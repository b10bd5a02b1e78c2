// The body views at run time, read only when a figure is drawn (never on the start-up path of
// list or show): dist/data/figures.json from the build, or in development the YAML itself.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureView } from '../model/types.js';
import { EXIT, ExitError } from '../model/errors.js';
import { damagedInstall } from '../model/damaged-install.js';
import { FIGURE_VIEWS } from '../model/figure-views.js';
import { fsReason } from './fs-reason.js';
import { readDataFile } from './read-data-file.js';
import { snapshotDir } from './load-catalog.js';
import { isObj, isText, isTexts } from './snapshot-shape.js';

/** The file in a snapshot directory that holds every view, in FIGURE_VIEWS order. */
export const FIGURES_FILE = 'figures.json';

/** Write the validated views into a snapshot directory (build time). */
export function figuresJson(views: FigureView[]): string {
  return JSON.stringify(views);
}

const cache = new Map<string, Map<string, FigureView>>();

/**
 * Every body view by id. Reads `<dir>/figures.json` (the build snapshot, default dist/data) once
 * per process; without a snapshot (development: no index.json either), validates
 * data/figures/*.yaml instead. A figures.json that is missing beside a snapshot, unreadable or not
 * the shape the build wrote is a damaged installation: an ExitError (70) naming it.
 */
export async function loadFigureViews(dir: string = snapshotDir()): Promise<Map<string, FigureView>> {
  const hit = cache.get(dir);
  if (hit) return hit;
  const file = join(dir, FIGURES_FILE);
  let views: FigureView[];
  try {
    const value: unknown = JSON.parse(readDataFile(file));
    if (!isViews(value)) throw new Error('not the data this build wrote');
    views = value;
  } catch (e) {
    // Only a source checkout before its first build has no snapshot at all: there the YAML is the data.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || existsSync(join(dir, 'index.json'))) throw damaged(file, e);
    const { buildFigureViews } = await import('./build-figures.js');
    views = buildFigureViews();
  }
  const map = new Map(views.map((v) => [v.id, v]));
  cache.set(dir, map);
  return map;
}

/** The damaged-installation error for the figures file, with why in a few words. */
function damaged(file: string, e: unknown): ExitError {
  const err = e as NodeJS.ErrnoException;
  const why = err.code === 'ENOENT' ? 'is missing' : `is damaged (${err.code ? fsReason(err) : err.message})`;
  return new ExitError(EXIT.internal, damagedInstall(`built-in data file ${file}`, why));
}

const isNum = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const isList = (v: unknown, each: (x: unknown) => boolean): boolean => Array.isArray(v) && v.every(each);

/**
 * Every view in FIGURE_VIEWS order, with the fields the renderers read, of the right kinds. The
 * build validated them with the zod schema; this only tells a damaged file from a sound one.
 */
function isViews(v: unknown): v is FigureView[] {
  return Array.isArray(v) && v.length === FIGURE_VIEWS.length && v.every((x, i) => isObj(x) && x.id === FIGURE_VIEWS[i]
    && isText(x.title) && isText(x.shows) && isText(x.side) && typeof x.mirror === 'boolean'
    && isObj(x.box) && isNum(x.box.width) && isNum(x.box.height)
    && Array.isArray(x.outlines) && x.outlines.length > 0 && isTexts(x.outlines) && isTexts(x.details)
    && isList(x.landmarks, (l) => isObj(l) && isText(l.name) && isNum(l.x) && isNum(l.y))
    && isList(x.areas, (a) => isObj(a) && isText(a.region) && isNum(a.x) && isNum(a.y) && isNum(a.rx) && isNum(a.ry)));
}
