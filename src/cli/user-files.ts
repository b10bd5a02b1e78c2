// The parts of the quick path that read or write the user's own YAML (their routines, points
// and profile) and the YAML sources themselves: a bundle of their own (dist/user.cjs), which
// app.cjs requires only when a run has such files. A run with none (a new user's `show LI4`)
// then never deserializes their 50 KB of code from its cache: 1 million instructions of each
// `show`, `list` and `check` start (BENCHMARKS.md, session 11).
export { loadUserDirs } from '../store/load-user.js';
export { buildBuiltin } from '../store/build-builtin.js';
export { addProfileConditions, loadProfile } from '../store/profile-store.js';
export { loadRoutineFile } from '../commands/run/routine-file.js';
