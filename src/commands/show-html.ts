// `show <id...> --html`: the printable sheet, with the body views loaded for its figures.
import type { Catalog } from '../model/catalog.js';
import type { Condition, Point, Region, Routine } from '../model/types.js';
import type { Ref } from '../core/resolve.js';
import { plan } from '../core/plan.js';
import { conditionAdvice, hasAvoid, pointFindings, type Finding, pregnancyAvoided, pregnancyInForce, routineFindings, saferAlternatives } from '../core/safety.js';
import { plainPaint } from '../render/paint.js';
import { routineVerdict } from '../render/verdict.js';
import { pregnancyHint } from '../core/pregnancy-hint.js';
import { sheetHtml, type SheetItem } from '../render/sheet-html.js';
import type { FigureView } from '../render/figure-place.js';
import { loadFigureViews } from '../store/figures.js';
import type { PressureCap } from '../core/step-cautions.js';

/**
 * The page for these resolved ids; `figures` false leaves every figure out. `capsFor` gives a
 * routine's pressure caps under the conditions (show's, the same as run's), and `capOf` a point's,
 * when any apply.
 */
export async function showHtml(catalog: Catalog, refs: Ref[], conditions: Condition[], figures: boolean, capsFor?: (routine: Routine, findings: Finding[]) => ReadonlyMap<number, PressureCap>, capOf?: (point: Point, findings: Finding[]) => PressureCap | undefined): Promise<string> {
  const views: Map<string, FigureView> = figures ? await loadFigureViews() : new Map();
  const items = refs.map((ref): SheetItem => {
    if (ref.kind === 'routine') {
      const routine = catalog.routines.get(ref.id)!;
      const hint = !pregnancyInForce(conditions) ? pregnancyHint(pregnancyAvoided(catalog, routine)) : undefined;
      const findings = routineFindings(catalog, routine, conditions);
      const caps = capsFor?.(routine, findings);
      const timeline = plan(routine, (id) => catalog.points.get(id), { pressureCaps: caps });
      // The verdict the terminal card leads with (what to avoid, --skip-unsafe, safer routines), in words.
      const safer = hasAvoid(findings) ? saferAlternatives(catalog, routine, conditions).map((r) => r.id) : [];
      const verdict = routineVerdict(findings, conditions.map((c) => c.id), safer, plainPaint());
      return { kind: 'routine', routine, timeline, findings, hint, verdict, advice: conditionAdvice(conditions), caps };
    }
    if (ref.kind === 'point') {
      const point = catalog.points.get(ref.id)!;
      const findings = pointFindings(point, conditions, point.id);
      return { kind: 'point', point, findings, advice: conditionAdvice(conditions), cap: capOf?.(point, findings) };
    }
    return { kind: 'condition', condition: catalog.conditions.get(ref.id)! };
  });
  return sheetHtml({
    catalog,
    items,
    figures,
    view: (id) => views.get(id),
    // The view the area's words name (a palm, a sole) when it draws the region, else the first
    // view that draws it (FIGURE_VIEWS order), else the region's usual view.
    areaView: (regions, area) => {
      const named = areaViewId(regions, area);
      const draws = (v: FigureView | undefined) => v?.areas.some((a) => a.region === regions[0]);
      const view = named ? views.get(named) : undefined;
      return draws(view) ? view : [...views.values()].find(draws) ?? view;
    },
  });
}

// Which view shows a massage step's area best: the first region named decides, and the area's
// own words pick between the faces of a hand or a foot.
const REGION_VIEWS: Record<Region, string> = {
  head: 'head-top', face: 'face', neck: 'head-back', shoulder: 'back', 'upper-back': 'back', 'lower-back': 'back',
  chest: 'chest-belly', abdomen: 'chest-belly', arm: 'arm-outer', forearm: 'arm-outer', wrist: 'arm-inner',
  hand: 'hand-back', hip: 'trunk-side', thigh: 'leg-front', knee: 'leg-front', leg: 'leg-front', ankle: 'foot-inner', foot: 'foot-top',
};

/** The view for a massage area, by its first region and the words of its area; undefined if none fits. */
export function areaViewId(regions: Region[], area: string): string | undefined {
  const first = regions[0];
  if (!first) return undefined;
  if (first === 'hand' && /\bpalms?\b/i.test(area)) return 'palm';
  if (first === 'foot' && /\bsoles?\b/i.test(area)) return 'sole';
  return REGION_VIEWS[first];
}
