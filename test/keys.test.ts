import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../src/core/clock.js';
import { ESC_TIMEOUT_MS, KeyParser, PASTE_TIMEOUT_MS } from '../src/commands/run/key-parser.js';
import { keyAction, keyReader, listenKeys, type KeyAction } from '../src/commands/run/keys.js';
import { keyHelp, RUN_KEYS } from '../src/render/run-keys.js';
import { UNICODE_GLYPHS, ASCII_GLYPHS } from '../src/render/terminal.js';

const parse = (...chunks: string[]) => {
  const p = new KeyParser();
  const keys = chunks.flatMap((c) => p.feed(c));
  return [...keys, ...p.flush()];
};

// What real terminals send (xterm, VTE, tmux, the Linux console, rxvt), and the key each is.
const ENCODED: Array<[string, string]> = [
  ['\x1b[A', 'up'], ['\x1b[B', 'down'], ['\x1b[C', 'right'], ['\x1b[D', 'left'],
  ['\x1bOA', 'up'], ['\x1bOB', 'down'], ['\x1bOC', 'right'], ['\x1bOD', 'left'],
  ['\x1b[1;5C', 'right'], ['\x1b[1;2D', 'left'], ['\x1b[1;3A', 'up'],
  ['\x1b[H', 'home'], ['\x1b[F', 'end'], ['\x1bOH', 'home'], ['\x1bOF', 'end'], ['\x1b[1~', 'home'], ['\x1b[4~', 'end'],
  ['\x1b[2~', 'insert'], ['\x1b[3~', 'delete'], ['\x1b[5~', 'pageup'], ['\x1b[6~', 'pagedown'], ['\x1b[5;5~', 'pageup'],
  ['\x1bOP', 'f1'], ['\x1bOQ', 'f2'], ['\x1bOR', 'f3'], ['\x1bOS', 'f4'], ['\x1b[11~', 'f1'], ['\x1b[15~', 'f5'],
  ['\x1b[17~', 'f6'], ['\x1b[18~', 'f7'], ['\x1b[19~', 'f8'], ['\x1b[20~', 'f9'], ['\x1b[21~', 'f10'], ['\x1b[23~', 'f11'], ['\x1b[24~', 'f12'],
  ['\x1b[1;2P', 'f1'], ['\x1b[[A', 'f1'], ['\x1b[[E', 'f5'], ['\x1b[Z', 'shift-tab'],
  ['\x1b[M sq', 'mouse'], ['\x1b[M#bq', 'mouse'], ['\x1b[<0;12;5M', 'mouse'], ['\x1b[<0;115;98m', 'mouse'],
  ['\x1b[I', 'focus'], ['\x1b[O', 'focus'],
  ['\x1bs', 'alt'], ['\x1bq', 'alt'], ['\x1b\x1b[A', 'alt'],
  ['s', 's'], ['S', 's'], ['q', 'q'], [' ', ' '], ['é', 'é'], ['合', '合'], ['\x03', 'ctrl-c'], ['\x1a', 'ctrl-z'], ['\r', 'enter'], ['\x7f', 'backspace'],
];

describe('key parser', () => {
  it.each(ENCODED)('%j is one key: %s', (seq, key) => {
    expect(parse(seq)).toEqual([key]);
  });

  it('a sequence split across reads is still one key', () => {
    expect(parse('\x1b', '[', 'A')).toEqual(['up']);
    expect(parse('\x1b[1', ';5', 'C')).toEqual(['right']);
    expect(parse('\x1b[M', ' s', 'q')).toEqual(['mouse']);
  });

  it('a lone ESC is Esc only once the wait is over', () => {
    const p = new KeyParser();
    expect(p.feed('\x1b')).toEqual([]);
    expect(p.waiting).toBe(true);
    expect(p.flush()).toEqual(['escape']);
    expect(p.waiting).toBe(false);
  });

  it('Esc pressed twice, arriving in one read, is Esc twice once the wait is over', () => {
    const p = new KeyParser();
    expect(p.feed('\x1b\x1b')).toEqual([]);
    expect(p.flush()).toEqual(['escape', 'escape']);
  });

  it('an unfinished sequence is dropped whole, never read as letters', () => {
    expect(parse('\x1b[1;5')).toEqual(['unknown']);
    expect(parse('\x1bO')).toEqual(['unknown']);
  });

  it('a broken sequence gives up at the stray byte, which is read afresh', () => {
    expect(parse('\x1b[1\x1b[B')).toEqual(['unknown', 'down']);
  });

  it('bracketed paste is ignored whole, however it is split', () => {
    expect(parse('\x1b[200~quit skip back q s b\x1b[201~')).toEqual(['paste']);
    expect(parse('a\x1b[200~', 'qs', 'b\x1b[2', '01~', 'q')).toEqual(['a', 'paste', 'q']);
    expect(parse('\x1b[200~q\x1b[A')).toEqual([]);
  });

  it('any keys, however the terminal splits them, parse as if read whole', () => {
    const seq = fc.array(fc.constantFrom(...ENCODED), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(seq, fc.array(fc.nat(), { maxLength: 6 }), (keys, cuts) => {
      const text = keys.map(([s]) => s).join('');
      const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
      const chunks: string[] = [];
      let from = 0;
      for (const p of points) chunks.push(text.slice(from, p)), (from = p);
      chunks.push(text.slice(from));
      // Alt+ESC sequences are ambiguous next to a lone ESC only at a chunk end, which the timeout settles.
      expect(parse(...chunks)).toEqual(parse(text));
      expect(parse(text)).toEqual(keys.map(([, k]) => k));
    }));
  });
});

describe('key actions', () => {
  it('arrow, page, function and mouse keys do nothing, except the ones given a meaning', () => {
    const meaningful: Record<string, KeyAction> = { right: 'skip', left: 'back', f1: 'help', escape: 'quit' };
    for (const [, key] of ENCODED) if (key.length > 1 && !(key in meaningful) && !key.startsWith('ctrl-')) expect([key, keyAction(key)]).toEqual([key, undefined]);
    for (const [key, action] of Object.entries(meaningful)) expect(keyAction(key)).toBe(action);
    for (const key of ['up', 'down', 'pageup', 'pagedown', 'home', 'end', 'mouse', 'paste', 'alt', 'unknown', 'f5', 'f12']) expect(keyAction(key)).toBeUndefined();
  });

  it('the letters and control keys', () => {
    expect(['s', 'n', 'b', 'q', ' ', 'p', '?', 'h', 'ctrl-c', 'ctrl-z', 'x', 'enter'].map(keyAction)).toEqual(
      ['skip', 'skip', 'back', 'quit', 'toggle', 'toggle', 'help', 'help', 'interrupt', 'suspend', undefined, undefined],
    );
  });

  it('the hint line and the help panel come from the same table, with the arrows in the terminal\'s glyphs', () => {
    const unicode = keyHelp(UNICODE_GLYPHS);
    expect(unicode.map((k) => k.key)).toEqual(['space', 's', 'b', 'q', 'Ctrl-Z', 'Ctrl-C', '?']);
    expect(unicode.find((k) => k.key === 's')!.also).toEqual(['n', '→']);
    expect(unicode.find((k) => k.key === 'b')!.also).toEqual(['←']);
    expect(unicode.find((k) => k.key === '?')!.also).toEqual(['h', 'F1']);
    expect(keyHelp(ASCII_GLYPHS).find((k) => k.key === 's')!.also).toEqual(['n', '->']);
    // Every key the panel names is read as its row's action.
    const names: Record<string, string> = { space: ' ', Esc: 'escape', 'Ctrl-Z': 'ctrl-z', 'Ctrl-C': 'ctrl-c', F1: 'f1', '→': 'right', '←': 'left' };
    for (const [i, k] of unicode.entries()) {
      for (const label of [k.key, ...(k.also ?? [])]) expect([label, keyAction(names[label] ?? label)]).toEqual([label, RUN_KEYS[i]!.action]);
    }
    expect(RUN_KEYS.flatMap((k) => k.keys)).toHaveLength(new Set(RUN_KEYS.flatMap((k) => k.keys)).size);
  });
});

/** A fake terminal stdin: raw-mode calls recorded, data pushed by the test. */
function fakeStdin() {
  const e = new EventEmitter();
  const modes: boolean[] = [];
  return Object.assign(e, { isTTY: true, modes, setRawMode: (m: boolean) => modes.push(m), resume: () => {}, pause: () => {} });
}

describe('a paste that never ends', () => {
  it('Ctrl-C and Ctrl-Z count inside a paste, and end it', () => {
    expect(parse('\x1b[200~hello\x03 q')).toEqual(['ctrl-c', ' ', 'q']);
    expect(parse('\x1b[200~hel', 'lo\x1a')).toEqual(['ctrl-z']);
  });
  it('is over after PASTE_TIMEOUT_MS of quiet: later keys count again', () => {
    const clock = new FakeClock();
    const seen: string[] = [];
    const reader = keyReader(clock, (k) => seen.push(k));
    reader.data('\x1b[200~hello');
    clock.advance(ESC_TIMEOUT_MS * 2);
    reader.data('q'); // still the paste: a burst after a short gap
    expect(seen).toEqual([]);
    clock.advance(PASTE_TIMEOUT_MS);
    reader.data(' q');
    expect(seen).toEqual([' ', 'q']);
    reader.stop();
  });
});

describe('keyReader', () => {
  it('Esc after other input in the same read, or on its own, counts once the wait is over; a split arrow never does', () => {
    const clock = new FakeClock();
    const seen: string[] = [];
    const reader = keyReader(clock, (k) => seen.push(k));
    reader.data('k\x1b'); // a last letter and Esc, read together on a loaded machine
    expect(seen).toEqual(['k']);
    clock.advance(ESC_TIMEOUT_MS);
    expect(seen).toEqual(['k', 'escape']);
    reader.data(Buffer.from('\x1b'));
    clock.advance(ESC_TIMEOUT_MS - 1);
    reader.data('[B'); // the rest of the down arrow, just in time
    clock.advance(ESC_TIMEOUT_MS * 3);
    expect(seen).toEqual(['k', 'escape', 'down']);
    reader.data('\x1b');
    reader.stop(); // a reader that stops drops its wait
    expect(clock.pending()).toBe(0);
    expect(seen).toEqual(['k', 'escape', 'down']);
  });
});

describe('listenKeys', () => {
  it('waits ESC_TIMEOUT_MS before a lone ESC quits; an arrow never does', () => {
    const stdin = fakeStdin();
    const clock = new FakeClock();
    const seen: KeyAction[] = [];
    const keys = listenKeys(stdin, clock, (a) => seen.push(a));
    stdin.emit('data', Buffer.from('\x1b'));
    clock.advance(ESC_TIMEOUT_MS / 2);
    stdin.emit('data', Buffer.from('[A'));
    clock.advance(ESC_TIMEOUT_MS * 2);
    expect(seen).toEqual([]);
    stdin.emit('data', Buffer.from('\x1b'));
    clock.advance(ESC_TIMEOUT_MS - 1);
    expect(seen).toEqual([]);
    clock.advance(1);
    expect(seen).toEqual(['quit']);
    keys.stop();
    expect(clock.pending()).toBe(0);
  });

  it('decodes UTF-8 split across reads, and maps right and left to skip and back', () => {
    const stdin = fakeStdin();
    const seen: KeyAction[] = [];
    listenKeys(stdin, new FakeClock(), (a) => seen.push(a));
    const bytes = Buffer.from('é\x1b[C\x1b[D\x1b[B\x1b[5~\x1b[15~');
    stdin.emit('data', bytes.subarray(0, 1));
    stdin.emit('data', bytes.subarray(1));
    expect(seen).toEqual(['skip', 'back']);
  });

  it('pause leaves raw mode; resume enters it afresh (off, then on), as after a shell reset it', () => {
    const stdin = fakeStdin();
    const keys = listenKeys(stdin, new FakeClock(), () => {});
    expect(stdin.modes).toEqual([false, true]);
    keys.pause();
    keys.resume();
    keys.stop();
    keys.resume();
    expect(stdin.modes).toEqual([false, true, false, false, true, false]);
  });
});
