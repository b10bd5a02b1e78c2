// Types only: importing this file never loads zod at run time.
import type { z } from 'zod';
import type * as s from './schema.js';
import type * as f from './figure-schema.js';

export type Point = z.output<typeof s.pointSchema>;
export type Caution = z.output<typeof s.cautionSchema>;
export type Routine = z.output<typeof s.routineSchema>;
export type Step = z.output<typeof s.stepSchema>;
export type PressStep = Extract<Step, { kind: 'press' }>;
export type Timing = z.output<typeof s.timingSchema>;
export type Condition = z.output<typeof s.conditionSchema>;
export type Rule = Condition['rules'][number];
export type Urgent = Condition['urgent'][number];
export type MassageStep = Extract<Step, { kind: 'massage' }>;
export type Profile = z.output<typeof s.profileSchema>;
export type Region = (typeof s.REGIONS)[number];
export type Meridian = (typeof s.MERIDIANS)[number];
/** A point's place on a body view. */
export type Figure = z.output<typeof f.figureSchema>;
/** One body view: outlines and landmarks in its own box. */
export type FigureView = z.output<typeof f.figureViewSchema>;
export type FigureViewId = (typeof f.FIGURE_VIEWS)[number];

/** Where a record came from: shipped with acupress, or a user's data directory. */
export type Origin = { source: 'builtin' | 'user'; file: string };
export type WithOrigin<T> = T & { origin: Origin };
