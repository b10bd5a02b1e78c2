import { resolve as resolvePath } from 'node:path';
import { resolve, type Ref } from '../core/resolve.js';
import { displayPath } from '../store/source-file.js';
import { isPathLike, routineFor } from './run/target.js';
import { withSkippedHint } from './skipped-hint.js';
import { EXIT, UserError } from '../model/errors.js';
import { quote } from '../model/printable.js';
import type { Io } from '../model/io.js';
import { painter } from '../render/paint.js';
import { FALLBACK_COLUMNS, fitWidth, terminal } from '../render/terminal.js';
import { conditionCard } from '../render/condition-card.js';
import { DISCLAIMER } from '../render/disclaimer.js';
import { pointCard } from '../render/point-card.js';
import { routineCard } from '../render/routine-card.js';
import { wrap } from '../render/text.js';
import { conditionAdvice, GENERAL, hasAvoid, pointFindings, pregnancyAvoided, pregnancyInForce, routineFindings, saferAlternatives, stepPoints } from '../core/safety.js';
import { pointVerdict, routineVerdict } from '../render/verdict.js';
import { checkText } from '../render/check-text.js';
import { checkReport } from '../core/check-report.js';
import { pregnancyHint } from '../core/pregnancy-hint.js';
import { plan } from '../core/plan.js';
import type { Point, Routine } from '../model/types.js';
import type { Finding } from '../core/safety.js';
import { catalogFor, conditionsFor, writeJson, type Common } from './context.js';

export interface ShowOptions extends Common {
  args?: [string[]];
  yaml?: boolean;
  /** true: draw figures even into a pipe; false: never; undefined: for points, in a terminal. */
  figure?: boolean;
  /** Print one printable HTML page instead of cards. */
  html?: boolean;
}

const idsOf = (conditions: Array<{ id: string }>) => conditions.map((x) => x.id);

/** `acupress show <id...>`: point, routine or condition cards. */
export async function run(options: ShowOptions, io: Io): Promise<number> {
  const ids = options.args?.[0] ?? [];
  const catalog = await catalogFor(options, io);
  const conditions = await conditionsFor(options, catalog, io);
  // Resolve everything first: one unknown id or bad file fails the command before anything prints.
  const refs: Ref[] = [];
  // Each card once: two names of one point or routine ("LI4 hegu"), a file named twice, or a file
  // keeping the id of a routine also named ("./h.yaml headache": the file stands in for it here).
  const shown = new Set<string>();
  const add = (ref: Ref) => {
    const key = `${ref.kind} ${ref.id}`;
    if (!shown.has(key)) refs.push(ref);
    shown.add(key);
  };
  const fromFile = new Map<string, { file: string; replaced?: string }>();
  const byName = new Set<string>();
  for (const id of ids) {
    if (isPathLike(id)) {
      // A routine file, as run and check take one: validated like your routines, then shown as
      // one of them (under its own id, for this command only; it is not saved anywhere).
      const r = await routineFor(catalog, id, io.cwd, 'show');
      const first = fromFile.get(r.id)?.file;
      if (first === undefined) {
        const before = catalog.routines.get(r.id);
        catalog.routines.set(r.id, { ...r, origin: { source: 'user', file: displayPath(resolvePath(io.cwd, id), io.cwd) } });
        fromFile.set(r.id, { file: id, replaced: before && (before.origin.source === 'builtin' ? 'the built-in routine' : 'your routine') });
      } else if (resolvePath(io.cwd, first) !== resolvePath(io.cwd, id)) {
        io.stderr.write(`warning: ${quote(id, 120)} has the id "${r.id}", as ${quote(first, 120)} does; "${r.id}" is shown once, from ${quote(first, 120)}\n`);
      }
      add({ kind: 'routine', id: r.id });
      continue;
    }
    try {
      const ref = resolve(catalog, id);
      if (ref.kind === 'routine') byName.add(ref.id);
      add(ref);
    } catch (e) {
      throw withSkippedHint(e, catalog, [id]);
    }
  }
  // A routine named here that a file stands in for: one card, and a word on which.
  for (const [id, { file, replaced }] of fromFile) {
    if (replaced && byName.has(id)) io.stderr.write(`warning: ${quote(file, 120)} has the id "${id}", as ${replaced} does; "${id}" is shown once, from ${quote(file, 120)} (give the file an id of its own to see both)\n`);
  }
  if (options.html && (options.json || options.yaml)) throw new UserError(`--html and --${options.json ? 'json' : 'yaml'} print different things; choose one`);
  // Under a condition, a step's cue and a point's Press line ask for no more pressure than the
  // conditions and their cautions allow, as run says it (pressureCaps, pointCap: run's own reading).
  // The pressure words load only then: `show LI4` never needs them.
  const capping = conditions.length > 0 && !options.json && !options.yaml && refs.some((r) => r.kind === 'routine' || (r.kind === 'point' && catalog.points.get(r.id)?.technique))
    ? await import('../core/step-cautions.js') : undefined;
  const capsFor = capping && ((r: Routine, findings: Finding[]) => capping.pressureCaps(r, (id) => catalog.points.get(id), findings, conditions, catalog));
  const capOf = capping && ((p: Point, findings: Finding[]) => capping.pointCap(p, findings, conditions, catalog));
  if (options.html) {
    const { showHtml } = await import('./figures.js');
    io.stdout.write(await showHtml(catalog, refs, conditions, options.figure !== false, capsFor, capOf));
    return 0;
  }
  if (options.yaml) {
    const { routineToYaml } = await import('../render/routine-yaml.js');
    for (const ref of refs) {
      const r = ref.kind === 'routine' ? catalog.routines.get(ref.id) : undefined;
      if (!r) {
        throw new UserError(`--yaml: "${ref.id}" is a ${ref.kind}; only routines can be printed as YAML`);
      }
      io.stdout.write(routineToYaml(r));
    }
    return EXIT.ok;
  }
  if (options.json) {
    const items = refs.map((ref) => {
      if (ref.kind === 'point') {
        const p = catalog.points.get(ref.id)!;
        return { kind: 'point', ...p, findings: pointFindings(p, conditions, p.id) };
      }
      if (ref.kind === 'routine') {
        const r = catalog.routines.get(ref.id)!;
        const t = plan(r, (id) => catalog.points.get(id));
        return { kind: 'routine', ...r, duration_ms: t.total_ms, phases: t.phases.length, findings: routineFindings(catalog, r, conditions) };
      }
      return { kind: 'condition', ...catalog.conditions.get(ref.id)! };
    });
    writeJson(io, items.length === 1 ? items[0] : items);
    return EXIT.ok;
  }
  const t = terminal(io, options.color);
  const c = await painter(t);
  const width = fitWidth(t, 100);
  // Figures: forced by --figure (pipes too), hidden by --no-figure, else for points in a
  // terminal wide enough for one. Only then are the views and the path library loaded.
  const force = options.figure === true;
  const cols = t.columns ?? FALLBACK_COLUMNS;
  const wanted = force ? refs.some((r) => r.kind !== 'condition') : options.figure !== false && t.tty && cols >= 30 && refs.some((r) => r.kind === 'point');
  const layout = wanted ? await import('./figures.js') : undefined;
  const figures = layout ? await layout.figureDrawer({ unicode: t.unicode, columns: cols, rows: t.rows, paint: c }) : undefined;
  const missing: string[] = [];
  const cards = refs.map((ref) => {
    if (ref.kind === 'point') {
      const p = catalog.points.get(ref.id)!;
      const findings = pointFindings(p, conditions, p.id).filter((f) => conditions.length > 0 || f.condition === GENERAL);
      const cap = capOf?.(p, findings);
      const card = (w: number) => pointCard(catalog, p, c, w, findings, pointVerdict(findings, idsOf(conditions), c), conditionAdvice(conditions), cap);
      const fig = figures?.point(p);
      if (figures && !fig) missing.push(p.id);
      if (!fig || !layout) return card(width);
      // A pipe keeps the card's lines whole and gets the figure below it.
      return t.columns === undefined ? `${card(width)}\n\n${fig.lines.join('\n')}` : layout.withFigure(card, fig, cols, width);
    }
    if (ref.kind === 'routine') {
      const r = catalog.routines.get(ref.id)!;
      // Its texts are read once, for its findings and the pregnancy hint (a long area costs its length).
      const read = stepPoints(catalog, r);
      const findings = routineFindings(catalog, r, conditions, read);
      const caps = capsFor?.(r, findings);
      const safer = hasAvoid(findings) ? saferAlternatives(catalog, r, conditions).map((x) => x.id) : [];
      const verdict = routineVerdict(findings, idsOf(conditions), safer, c);
      const card = routineCard(catalog, r, plan(r, (id) => catalog.points.get(id), { pressureCaps: caps }), c, width, findings, !pregnancyInForce(conditions) ? pregnancyHint(pregnancyAvoided(catalog, r, read)) : undefined, verdict, conditionAdvice(conditions), caps);
      if (!force || !figures || !layout) return card;
      // --figure on a routine: each of its points, side by side, on the side each step names.
      const figs = r.steps.flatMap((s) => {
        if (s.kind !== 'press') return [];
        const p = catalog.points.get(s.point)!;
        const fig = figures.point(p, s.sides === 'left' || s.sides === 'right' ? s.sides : undefined, { cols: 30, rows: 14 });
        if (!fig) missing.push(p.id);
        return fig ? [fig] : [];
      });
      return figs.length ? `${card}\n\n${layout.figureRows(figs, cols)}` : card;
    }
    // The general rules read as `check` with no condition shows them: with the points never to press yourself.
    if (ref.id === GENERAL) return checkText(catalog, checkReport(catalog, [], []), [], [], c, width);
    return conditionCard(catalog, catalog.conditions.get(ref.id)!, c, width);
  });
  io.stdout.write(`${cards.join('\n\n')}\n\n${c.dim(wrap(DISCLAIMER, width))}\n`);
  // Asked for by name and not there: say so once, out of the way of the cards.
  if (force && missing.length) io.stderr.write(`No figure yet for ${[...new Set(missing)].join(', ')}; a point's YAML may add one as figure: { view, x, y }.\n`);
  return EXIT.ok;
}
