import type { PhaseKind, Side } from './timeline.js';

/** NDJSON events, exactly as docs/cli.md documents them. */
export type StartEvent = { type: 'start'; routine: string; title: string; total_ms: number; phases: number };
export type PhaseEvent = {
  type: 'phase'; index: number; kind: PhaseKind; point?: string; side?: Side; round?: number; rounds?: number;
  duration_ms: number; planned_ms: number; elapsed_ms?: number; text: string;
};
export type TickEvent = { type: 'tick'; index: number; remaining_ms: number; elapsed_ms: number };
export type PauseEvent = { type: 'pause' | 'resume'; index: number; elapsed_ms: number };
export type EndReason = 'done' | 'quit' | 'interrupted';
export type EndEvent = { type: 'end'; completed: boolean; reason: EndReason; elapsed_ms?: number; signal?: string };
export type RunEvent = StartEvent | PhaseEvent | TickEvent | PauseEvent | EndEvent;
