#!/usr/bin/env node
// Shim: run the compiled CLI (CommonJS for start-up speed, see scripts/build.mjs).
require('../dist/main.cjs');
