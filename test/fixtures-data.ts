// Object-literal fixtures for the pure core.
import type { Point, Routine, Step } from '../src/model/types.js';

export const point = (id: string, over: Partial<Point> = {}): Point => ({
  id, pinyin: `P${id}`, hanzi: '穴', hanzi_traditional: '穴', english: `Point ${id}`, meridian: 'LI', region: 'hand',
  laterality: 'bilateral', location: `Where ${id} is.`, indications: [], cautions: [], aliases: [], sources: [], ...over,
});

export const POINTS: Record<string, Point> = {
  A1: point('A1'),
  M1: point('M1', { laterality: 'midline', region: 'head' }),
  B1: point('B1', { region: 'foot' }),
};
export const lookup = (id: string) => POINTS[id];

const none = undefined;
export const press = (p: string, over: Partial<Extract<Step, { kind: 'press' }>> = {}): Step => ({
  kind: 'press', point: p, sides: none, locate: none, ramp: none, hold: none, release: none, rounds: none, cue: none, find: none, ...over,
});
export const massage = (area: string, duration: number): Step => ({ kind: 'massage', area, regions: [], points: [], motion: 'circles', duration, cue: none });
export const rest = (duration: number): Step => ({ kind: 'rest', duration, cue: none });

export const routine = (steps: Step[], timing: Routine['timing'] = {}): Routine => ({
  id: 'test', title: 'Test', summary: 'Test.', aliases: [], tags: [], sources: ['x'], contraindications: [], red_flags: [], tips: [], timing, steps,
});
