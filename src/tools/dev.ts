// `npm run dev -- <args>`: run the CLI from source under tsx.
import { homedir } from 'node:os';
import { main } from '../cli/main.js';

// As the built loader does: cron may run us without HOME.
try {
  process.env.HOME ||= homedir();
} catch {
  // No home at all: acupress warns and goes without the user's files.
}

void main(process.argv.slice(2));
