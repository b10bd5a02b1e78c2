// The body regions, importable without loading zod (schema.ts re-uses the same list).
export const REGIONS = [
  'head', 'face', 'neck', 'shoulder', 'upper-back', 'lower-back', 'chest', 'abdomen',
  'arm', 'forearm', 'wrist', 'hand', 'hip', 'thigh', 'knee', 'leg', 'ankle', 'foot',
] as const;
