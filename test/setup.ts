// Runs in every test file.
import { afterAll, afterEach } from 'vitest';
import { removeTempDirs } from './helpers.js';

// Temporary directories made through tempDir go when the file is done.
afterAll(removeTempDirs);

// One turn of the event loop after each test. A file of synchronous tests (spawnSync, long
// property runs) otherwise never lets the worker read vitest's replies, and after 60 s of that
// vitest reports "Timeout calling onTaskUpdate" and fails the run although every test passed.
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
