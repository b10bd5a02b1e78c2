#!/usr/bin/env node
// Shim: run the compiled CLI. tsx is for development only.
import '../dist/main.js';
