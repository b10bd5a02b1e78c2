// The code that parses and validates YAML (the user's own files when the user-data cache cannot
// answer for them, a profile the quick reader declines or a change to it, a routine file named on
// the command line, the YAML sources in a checkout): a bundle of its own (dist/user.cjs), which
// app.cjs requires only when a run needs it. A run with no such work (`show LI4`, with or without
// a profile or the user's cached routines) never deserializes that code from app.cjs's cache:
// 0.7-1.2 million instructions of each `show`, `list` and `check` start (BENCHMARKS.md, session 11).
//
// Each module is initialised on first use, as it was inside app.cjs: a static re-export would
// initialise them all as the bundle loads, and schema.ts builds zod's schemas as it loads (a run
// that needed one of them would load zod for nothing: 84 million instructions). So each is a
// getter over require(), which esbuild bundles as a module initialised when first required;
// scripts/build.mjs maps each import() of one of these modules in app.cjs to its getter.
/* eslint-disable @typescript-eslint/no-require-imports */

/** The modules of dist/user.cjs, by their file names, each initialised when first asked for. */
export const modules = {
  get 'load-files'(): typeof import('../store/load-files.js') {
    return require('../store/load-files.js');
  },
  get 'build-builtin'(): typeof import('../store/build-builtin.js') {
    return require('../store/build-builtin.js');
  },
  get 'profile-store'(): typeof import('../store/profile-store.js') {
    return require('../store/profile-store.js');
  },
  get 'routine-file'(): typeof import('../commands/run/routine-file.js') {
    return require('../commands/run/routine-file.js');
  },
};
