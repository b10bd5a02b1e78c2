// The build-time snapshot of the built-in data, in dist/data/: index.json holds the routines
// and each point id's channel; points-<channel>.json holds each channel's points, read only
// when one of them is asked for (lazy-map.ts); conditions.json is read when first used (most
// of `show` and `list` never look at conditions).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogFrom, type Catalog, type CatalogData } from '../model/catalog.js';
import { LazyMap } from './lazy-map.js';
import { routineFacts } from '../core/routine-facts.js';
import type { RoutineFacts } from '../model/catalog.js';
import type { Condition, Point, Routine, WithOrigin } from '../model/types.js';

interface SnapshotIndex {
  version: 1;
  /** The build: package version and a hash of the code and data (keys the user-data cache). */
  release?: string;
  routines: WithOrigin<Routine>[];
  /** Each point id's channel, in canonical order. */
  points: Record<string, string>;
  /** Each routine's facts for `list`, worked out here once. */
  facts: Record<string, RoutineFacts>;
}

const groupFile = (dir: string, group: string) => join(dir, `points-${group}.json`);

/** Write validated data as a snapshot into `dir`; `release` names the build it belongs to. */
export function writeSnapshot(data: CatalogData, dir: string, release?: string): void {
  mkdirSync(dir, { recursive: true });
  const catalog = catalogFrom(data);
  const groups: Record<string, WithOrigin<Point>[]> = {};
  for (const p of data.points) (groups[p.meridian] ??= []).push(p);
  const index: SnapshotIndex = {
    version: 1,
    ...(release ? { release } : {}),
    routines: data.routines,
    points: Object.fromEntries(data.points.map((p) => [p.id, p.meridian])),
    facts: Object.fromEntries(data.routines.map((r) => [r.id, routineFacts(catalog, r)])),
  };
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  writeFileSync(join(dir, 'conditions.json'), JSON.stringify(data.conditions));
  for (const [g, ps] of Object.entries(groups)) writeFileSync(groupFile(dir, g), JSON.stringify(ps));
}

/** The snapshot in `dir` as a catalog whose points load by channel; undefined when there is none. */
export function readSnapshot(dir: string): Catalog | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, 'index.json'), 'utf8');
  } catch {
    return undefined;
  }
  const index = JSON.parse(text) as SnapshotIndex;
  // Parsed once per channel, however many catalogs (clones for a trial merge) share it.
  const parsed = new Map<string, WithOrigin<Point>[]>();
  const load = (group: string) => {
    let ps = parsed.get(group);
    if (!ps) parsed.set(group, (ps = JSON.parse(readFileSync(groupFile(dir, group), 'utf8')) as WithOrigin<Point>[]));
    return ps;
  };
  let conditions: Map<string, Condition> | undefined;
  return {
    points: new LazyMap({ owner: index.points, load }),
    routines: new Map(index.routines.map((r) => [r.id, r])),
    get conditions() {
      return (conditions ??= new Map((JSON.parse(readFileSync(join(dir, 'conditions.json'), 'utf8')) as Condition[]).map((c) => [c.id, c])));
    },
    set conditions(map) {
      conditions = map;
    },
    notices: [],
    facts: new Map(Object.entries(index.facts)),
    ...(typeof index.release === 'string' ? { release: index.release } : {}),
  };
}
