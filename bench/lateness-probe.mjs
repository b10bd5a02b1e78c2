// The reader for the phase-start lateness figure, in a process of its own so that nothing else
// (the benchmark's own heap and garbage collection) delays it. Runs `acupress run <file> --json`
// and prints, as JSON, when each line arrived and what the run said of itself.
import { spawn } from 'node:child_process';

const [bin, file] = process.argv.slice(2);

/** Spawn a process and timestamp each line of its stdout as the chunk holding it arrives. */
function read(args) {
  const child = spawn(process.execPath, args, { env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
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
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, lines })));
}

// Warm up this process's pipe and stream path first: its first chunk would otherwise arrive
// about a millisecond late, and the start line is the reference every later line is timed from.
await read(['-e', 'for (let i = 0; i < 20; i++) console.log(JSON.stringify({ type: "warm", i }))']);
const result = await read([bin, 'run', file, '--json']);
process.stdout.write(JSON.stringify(result));
