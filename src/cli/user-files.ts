// The code the read-only commands need to parse and validate YAML (the user's own files when the
// user-data cache cannot answer for them, a profile the quick reader in profile.ts declines, a
// routine file named to `check`, the YAML sources in a checkout): a bundle of its own
// (dist/user.cjs), which app.cjs requires only when a run needs it. A run with no such work
// (`show LI4`, with or without a profile as acupress writes it, or the user's cached routines)
// never deserializes that code from app.cjs's cache: 0.3-0.9 million instructions of each `show`,
// `list` and `check` start (BENCHMARKS.md, session 11). cli.cjs keeps its own copy for `run` and
// `validate`.
//
// Each module is initialised on first use, as it was inside app.cjs: a static re-export would
// initialise them all as the bundle loads, and schema.ts builds zod's schemas as it loads (a run
// that needed one of them would load zod for nothing: 84 million instructions). So each is a
// getter over require(), which esbuild bundles as a module initialised when first required;
// scripts/build.mjs maps each import() of one of these modules in app.cjs to its getter.
//
// This bundle has its own copies of the modules these import (resolve.ts, names-in-text.ts and
// others, with per-catalog indexes). That is safe while its code only reads a catalog app.cjs has
// finished building (routine-file.ts) or builds one of its own (build-builtin.ts): code here that
// indexed a catalog app.cjs then changed would keep a stale index, as app.cjs's forgetIndex
// clears only its own copy.

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
