// The package's public API: the JSON schemas of the CLI's output and the pure core.
export { plan, type PlanOptions } from './core/plan.js';
export type { Timeline, Phase, PhaseKind, Side } from './model/timeline.js';
export type { RunEvent, PhaseEvent, StartEvent, TickEvent, PauseEvent, ResumeEvent, PauseReason, EndEvent } from './model/events.js';
export { FakeClock } from './core/clock.js';
export type { Clock } from './model/clock.js';
export { parseDuration, formatDuration } from './model/duration.js';
export { runEventSchema, checkReportSchema, checkFindingSchema, checkRuleSchema, routineRowSchema, historyRecordSchema, statsReportSchema, figureSchema, figureViewSchema, FIGURE_VIEWS, type CheckReport } from './model/json-schemas.js';
export type { Figure, FigureView } from './model/types.js';
export { figureOnSide, type SidedFigure } from './core/figure-side.js';
export { historyLineSchema } from './model/history.js';
export type { Session, HistoryLine } from './model/history.js';
export { loadBuiltin, loadCatalog } from './store/load-catalog.js';
