// The process entry: the only place that touches `process`. One top-level catch maps
// errors to exit codes; process.exitCode (not process.exit) lets output flush.
import { ExitError, UserError } from './errors.js';
import { runCli } from './cli.js';
import { realIo } from './real-io.js';

const io = realIo();

// `acupress list | head -1`: a closed pipe is not an error worth a word.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UserError || e instanceof ExitError) {
      if (e.message) io.stderr.write(`acupress: ${e.message}\n`);
      if (process.env.ACUPRESS_DEBUG === '1' && e.stack) io.stderr.write(`${e.stack}\n`);
      process.exitCode = e.exitCode;
      return;
    }
    const err = e as Error;
    // Ctrl-C at an inquirer prompt: the person changed their mind, not a crash.
    if (err?.name === 'ExitPromptError' || err?.name === 'AbortPromptError') {
      io.stderr.write('\n');
      process.exitCode = 130;
      return;
    }
    io.stderr.write(`acupress: internal error: ${err?.message ?? String(e)}\n`);
    if (process.env.ACUPRESS_DEBUG === '1' && err?.stack) io.stderr.write(`${err.stack}\n`);
    else io.stderr.write('acupress: set ACUPRESS_DEBUG=1 for details, and please report this.\n');
    process.exitCode = 70;
  },
);
