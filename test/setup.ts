// Runs in every test file: temporary directories made through tempDir go when the file is done.
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers.js';

afterAll(removeTempDirs);
