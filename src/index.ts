// The package's public API: the JSON schemas of the CLI's output and the pure core.
export { plan, type PlanOptions } from './schedule/plan.js';
export type { Timeline, Phase, PhaseKind, Side } from './schedule/timeline.js';
export type { RunEvent, PhaseEvent, StartEvent, TickEvent, EndEvent } from './schedule/events.js';
export { FakeClock, type Clock } from './schedule/clock.js';
export { parseDuration, formatDuration } from './util/duration.js';
export { runEventSchema, checkReportSchema, routineRowSchema } from './json-schemas.js';
export { loadBuiltin, loadCatalog } from './data/load-catalog.js';
