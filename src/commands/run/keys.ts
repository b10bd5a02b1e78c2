// Keys during a live run: raw mode, whole keys from the parser, actions from the key table.
import type { Clock, TimerHandle } from '../../model/clock.js';
import type { In } from '../../model/io.js';
import { keyHelp, RUN_KEYS, type KeyAction } from '../../render/run-keys.js';
import type { KeyHelp } from '../../render/run-tty.js';
import { UNICODE_GLYPHS } from '../../render/terminal.js';
import { KeyParser, type Key } from './key-parser.js';

export type { KeyAction } from '../../render/run-keys.js';

/** Every key a run understands, for the live view's hint line and its help panel (`?`), in Unicode glyphs. */
export const KEY_HELP: KeyHelp[] = keyHelp(UNICODE_GLYPHS);

const ACTIONS = new Map<Key, KeyAction>(RUN_KEYS.flatMap((k) => k.keys.map((key) => [key, k.action] as const)));

/** The action a parsed key asks for, or undefined for keys without a meaning. */
export function keyAction(key: Key): KeyAction | undefined {
  return ACTIONS.get(key);
}

/** A key reader: raw mode on or off (around a suspend), and a final stop. */
export interface KeyListener {
  /** Leave raw mode and stop reading (before the process stops). */
  pause(): void;
  /** Raw mode again and read keys (after the process continues); safe to call when not paused. */
  resume(): void;
  /** Restore the terminal for good. */
  stop(): void;
}

/** Whole keys out of terminal input: `data` takes each chunk as it arrives; `stop` drops a pending Esc wait. */
export interface KeyReader {
  data(chunk: Buffer | string): void;
  stop(): void;
}

/**
 * Read chunks of terminal input as whole keys and call `on` for each. A lone ESC (or the start
 * of a sequence cut between two reads) waits ESC_TIMEOUT_MS (a paste, PASTE_TIMEOUT_MS) on `clock` for the rest before it
 * counts as Esc, the way readline waits; ESC and more in one chunk is read at once.
 */
export function keyReader(clock: Clock, on: (key: Key) => void): KeyReader {
  const parser = new KeyParser();
  // UTF-8 split across reads waits for its last bytes (a streaming decode).
  const decoder = new TextDecoder('utf-8');
  let timer: TimerHandle | undefined;
  const emit = (keys: Key[]) => keys.forEach(on);
  return {
    data(chunk) {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      emit(parser.feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })));
      if (parser.waiting) {
        timer = clock.setTimeout(() => {
          timer = undefined;
          emit(parser.flush());
        }, parser.waitMs);
      }
    },
    stop() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}

/**
 * Put stdin in raw mode and call `on` for each key that means something. A lone ESC waits
 * ESC_TIMEOUT_MS on `clock` for the rest of a sequence before it counts as Esc.
 */
export function listenKeys(stdin: In, clock: Clock, on: (a: KeyAction) => void): KeyListener {
  const noop = () => {};
  if (!stdin.isTTY || !stdin.setRawMode) return { pause: noop, resume: noop, stop: noop };
  const reader = keyReader(clock, (k) => {
    const a = keyAction(k);
    if (a) on(a);
  });
  const onData = (buf: Buffer | string) => reader.data(buf);
  let state: 'raw' | 'paused' | 'stopped' = 'raw';
  const enter = () => {
    // libuv remembers the mode it set and skips a repeat, but a shell that stopped us has put the
    // terminal back in cooked mode behind its back: leave raw mode first so entering it is real.
    stdin.setRawMode?.(false);
    stdin.setRawMode?.(true);
    stdin.resume?.();
  };
  enter();
  stdin.on('data', onData);
  return {
    pause() {
      if (state !== 'raw') return;
      state = 'paused';
      stdin.setRawMode?.(false);
    },
    resume() {
      if (state === 'stopped') return;
      state = 'raw';
      enter();
    },
    stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      reader.stop();
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause?.();
    },
  };
}
