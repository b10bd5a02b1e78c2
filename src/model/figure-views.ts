// The ids of the body views in data/figures/, importable without loading zod.
// A data test checks this list against the files; the point schema accepts only these ids.
export const FIGURE_VIEWS = [
  'face', 'head-side', 'head-back', 'head-top',
  'chest-belly', 'trunk-side', 'back',
  'arm-inner', 'arm-outer', 'hand-back', 'palm',
  'leg-front', 'leg-inner', 'leg-outer', 'leg-back',
  'foot-top', 'foot-inner', 'foot-outer', 'sole',
] as const;
