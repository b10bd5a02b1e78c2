// The reader for the phase-start lateness figure, in a process of its own so that nothing else
// (the benchmark's own heap and garbage collection) delays it. Runs `acupress run <file> --json`
// and prints, as JSON, when each line arrived and what the run said of itself.
import { spawn } from 'node:child_process';

const [bin, file] = process.argv.slice(2);
const child = spawn(process.execPath, [bin, 'run', file, '--json'], { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
const lines = [];
let buf = '';
child.stdout.on('data', (d) => {
  const at = performance.now();
  buf += d;
  let i;
  while ((i = buf.indexOf('\n')) >= 0) {
    lines.push({ at, event: JSON.parse(buf.slice(0, i)) });
    buf = buf.slice(i + 1);
  }
});
child.on('exit', (code) => process.stdout.write(JSON.stringify({ code, lines })));
