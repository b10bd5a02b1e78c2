import type { In } from '../../model/io.js';
import type { KeyHelp } from '../../render/run-tty.js';

/** What a key press asks the run to do. */
export type KeyAction = 'toggle' | 'skip' | 'back' | 'quit' | 'help' | 'interrupt';

/** Every key a run understands, for the live view's hint line and its help panel (`?`). Keep in step with keyAction. */
export const KEY_HELP: KeyHelp[] = [
  { key: 'space', also: ['p'], short: 'pause', what: 'pause or resume' },
  { key: 's', also: ['n'], short: 'skip', what: 'skip to the next phase' },
  { key: 'b', short: 'back', what: 'go back one phase' },
  { key: 'q', also: ['Esc'], short: 'quit', what: 'quit, with a summary' },
  { key: 'Ctrl-C', what: 'stop at once (exit 130)' },
  { key: '?', also: ['h'], short: 'keys', what: 'show or hide this help' },
];

/** Map a raw key to an action: space, s, b, q, ?, and Ctrl-C (raw mode swallows SIGINT). */
export function keyAction(key: string): KeyAction | undefined {
  switch (key) {
    case ' ': case 'p': return 'toggle';
    case 's': case 'n': return 'skip';
    case 'b': return 'back';
    case 'q': case '\x1b': return 'quit';
    case '?': case 'h': return 'help';
    case '\x03': return 'interrupt';
    default: return undefined;
  }
}

/** Put stdin in raw mode and call `on` for each key; returns a function that restores the terminal. */
export function listenKeys(stdin: In, on: (a: KeyAction) => void): () => void {
  if (!stdin.isTTY || !stdin.setRawMode) return () => {};
  const onData = (buf: Buffer | string) => {
    for (const ch of String(buf)) {
      const a = keyAction(ch.toLowerCase() === ch ? ch : ch.toLowerCase());
      if (a) on(a);
    }
  };
  stdin.setRawMode(true);
  stdin.resume?.();
  stdin.on('data', onData);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    stdin.off('data', onData);
    stdin.setRawMode?.(false);
    stdin.pause?.();
  };
}
