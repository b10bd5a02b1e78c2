// Keys and job control for the live view. Ctrl-Z (or SIGTSTP from outside) pauses the run,
// gives the shell a clean terminal (frame cleared, cursor shown, cooked mode) and stops the
// process; when it runs again (fg, or SIGCONT after any stop, SIGSTOP included), raw mode comes
// back, the frame is drawn afresh and the run stays paused until the person presses space.
// The same goes for plain lines in a terminal (a dumb or small one, or --plain and --quiet with a
// terminal on stdin), where keys are read too. The live view with stdin not a terminal clears and
// redraws the same way, but goes on by itself after a stop (no key could resume it). Runs that
// read no keys and draw no view (--json, output to a pipe, plain lines with stdin not a terminal)
// keep the default SIGTSTP: they stop, and the scheduler counts the gap as a stall.
import type { Run } from '../../core/runner.js';
import type { Io, StopScope } from '../../model/io.js';
import { listenKeys, type KeyListener } from './keys.js';

/** What job control needs from the live view. */
export interface SuspendableView {
  /** Clear the frame and show the cursor, before the process stops. */
  suspend(): void;
  /** Draw the frame afresh, after the process continues. */
  resume(): void;
  /**
   * Open or close the key help; `pausedForHelp` says the run was paused because it opened.
   * Returns true when a panel is now open over the view (plain lines print the keys and return
   * nothing: there is nothing left open to pause for).
   */
  toggleHelp(pausedForHelp?: boolean): boolean | void;
  /** Plain lines: the keys are printed, not a panel over the view, so `?` never pauses the run. */
  printsHelp?: boolean;
}

/** The live view's keys and job-control handlers: `attach` once the run starts, `stop` when it ends. */
export interface LiveControl {
  attach(run: Run, view: SuspendableView): void;
  stop(): void;
}

/**
 * Install the SIGTSTP and SIGCONT handlers now, before anything is drawn (a stop with no handler
 * would leave the terminal raw and the cursor hidden at the shell); keys are read from `attach`.
 */
export function liveControl(io: Io, o: { keys?: boolean } = {}): LiveControl {
  // Without a terminal on stdin no key can be read, so no pause may wait for space: after a stop
  // the run goes on by itself (the stopped time counted as paused).
  const keysRead = o.keys !== false;
  let run: Run | undefined;
  let view: SuspendableView | undefined;
  let keys: KeyListener | undefined;
  // The help panel pauses the run while it is open (see attach); a stop in between hands the
  // decision to go on back to the person (after fg only space resumes).
  let helpOpen = false;
  let helpPaused = false;
  // A Ctrl-Z key (raw mode: the terminal sent no signal) stops the whole job, as the terminal
  // would; a SIGTSTP stops this process, where its sender (the terminal or `kill`) sent it.
  const suspend = (scope: StopScope) => {
    if (run?.state.status === 'done') return;
    helpPaused = false;
    run?.send('suspend');
    keys?.pause();
    view?.suspend();
    io.stopSelf(scope);
  };
  const onContinue = () => {
    if (!run || run.state.status === 'done') return;
    // Raw mode first: continued in the background (kill -CONT, bg), setting it stops us again
    // (SIGTTOU) before anything is drawn, until fg. Then the view: after a SIGSTOP its old frame
    // lies above the shell's lines, and a redraw before it is forgotten (the pause is one) would
    // erase those lines instead.
    keys?.resume();
    view?.resume();
    run.send('suspend');
    if (!keysRead) run.send('resume');
  };
  const offs = [io.onSuspend(() => suspend('process')), io.onContinue(onContinue)];
  return {
    attach(r, v) {
      run = r;
      view = v;
      // The help panel covers the view, so the run waits while it is open (the countdown would
      // run on unread), and goes on as it was when it closes: a run paused before it opened, or
      // paused or resumed with space while it was open, is left as it is.
      keys = listenKeys(io.stdin, io.clock, (a) => {
        // Printed keys cover nothing: pausing and going on for them only put "PAUSED" and
        // "resumed" around the keys (and read as a quit while paused that said "resumed").
        if (a === 'help' && v.printsHelp) v.toggleHelp();
        else if (a === 'help') {
          if (!helpOpen && r.state.status === 'running') {
            r.send('pause');
            helpPaused = true;
          }
          helpOpen = v.toggleHelp(helpPaused) === true;
          if (!helpOpen) {
            if (helpPaused && r.state.status === 'paused') r.send('resume');
            helpPaused = false;
          }
        } else if (a === 'interrupt') r.interrupt('SIGINT');
        else if (a === 'suspend') suspend('job');
        else {
          if (a === 'toggle') helpPaused = false;
          r.send(a);
        }
      });
    },
    stop() {
      offs.forEach((off) => off());
      keys?.stop();
    },
  };
}
