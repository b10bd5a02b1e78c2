// Point codes as people write them, in free text and on the command line: LI4, Sp-6, sp.6,
// L.I. 4, L I 4, L-I-4, LI—4, LI - 4, Ren 4, LV3, EX-HN5, SP(6), LI4x2, and a channel's English name before the number
// (Spleen 6, Large Intestine 4, Gall Bladder 21, Colon 4). Only numbers the channel has count: "Heart 12"
// names nothing (the heart channel has 9 points), and the one-letter legacy codes (P6, K 3).
import { CHANNEL_ALIASES, CHANNELS, type Channel } from '../model/channels.js';
import { plainText } from './text.js';

/**
 * How many points each channel has (WHO Standard Acupuncture Point Locations in the Western
 * Pacific Region, 2008: 361 in all); the built-in data holds exactly these (test/codes-in-text.test.ts).
 */
export const CHANNEL_POINTS: Readonly<Record<Exclude<Channel, 'EX'>, number>> = {
  LU: 11, LI: 20, ST: 45, SP: 21, HT: 9, SI: 19, BL: 67, KI: 27, PC: 9, TE: 23, GB: 44, LR: 14, GV: 28, CV: 24,
};

// A code past those counts that still names a point: the Chinese national standard (GB/T
// 12346-2006) numbers Yintang GV29, and the data holds GV29 as an alias of EX-HN3.
const ALSO_CODES: ReadonlySet<string> = new Set(['GV29']);

/** Whether a channel and a number name a point: HT9 does, HT12 (the heart channel has 9) and LI0 do not. */
export function isChannelPoint(channel: string, n: number): boolean {
  const most = (CHANNEL_POINTS as Record<string, number | undefined>)[channel];
  return most !== undefined && ((n >= 1 && n <= most) || ALSO_CODES.has(`${channel}${n}`));
}

/**
 * A channel's English name in text, as the WHO 2008 standard names it and as older books and
 * apps still do (Urinary Bladder, Gall Bladder, Triple Burner, Governing Vessel, Heart
 * Constrictor, Colon), or its pinyin (San Jiao, Du Mai, Ren Mai). The words of a name may stand apart
 * as a code's channel and number may ("gall-bladder", "sanjiao").
 */
const CHANNEL_NAMES: ReadonlyArray<readonly [string, Channel]> = [
  ['large intestine', 'LI'], ['small intestine', 'SI'], ['urinary bladder', 'BL'], ['gall bladder', 'GB'],
  ['heart protector', 'PC'], ['heart constrictor', 'PC'], ['circulation sex', 'PC'], ['pericardium', 'PC'],
  ['triple energizer', 'TE'], ['triple energiser', 'TE'], ['triple burner', 'TE'], ['triple heater', 'TE'],
  ['triple warmer', 'TE'], ['san jiao', 'TE'], ['governor vessel', 'GV'], ['governing vessel', 'GV'], ['du mai', 'GV'],
  ['conception vessel', 'CV'], ['directing vessel', 'CV'], ['ren mai', 'CV'],
  ['lung', 'LU'], ['stomach', 'ST'], ['spleen', 'SP'], ['heart', 'HT'], ['bladder', 'BL'], ['kidney', 'KI'], ['liver', 'LR'],
  // The large intestine as five-element acupuncture (J.R. Worsley's school) names it: "Colon 4".
  ['colon', 'LI'],
];

// What may stand between a channel and its number: up to six (SEPS) of a dash (any, or a minus
// sign), a space, a tab, a dot, an underscore or an apostrophe ("sp.6", "LI  4", "LI_4", "LI—4",
// "LI - 4", "Spleen – 6", "LI -- 4"). Bounded, so the scan stays linear.
const SEP = "[-\u2010-\u2015\u2212 \t._'\u2019]";
const SEPS = `${SEP}{0,6}`;
// Between the single letters of a channel: a dot, a space or both, or a dash ("L.I. 4", "L I 4",
// "L. I. 4", "L-I-4", "G-B-21").
const APART = '(?:\\.[ \\t]?|[ \\t]|[-\\u2010-\\u2015\\u2212])';
// Letters and digits of a word: a code must be one, or stand apart from any ("ali4" is none).
const WORDISH = 'A-Za-z0-9_\u00c0-\u024f';
// A bracket the number may stand in ("SP(6)", "Spleen (6)", "LI [4]").
const OPEN = '(?:[([{][ \\t]?)?';
// Where a number ends: no letter or digit after it, but for a count glued on ("LI4x2", "SP6×3").
const NUMBER_END = `(?:(?=[x\u00d7]\\d)|(?![${WORDISH}]))`;

let codePattern: RegExp | undefined;
// A channel's name with its words run together (largeintestine) → its code; built with the pattern.
let namedChannel: Map<string, Channel> | undefined;
let seps: RegExp | undefined;
/**
 * Every spelling above, in any case. Each alternative has a bounded length, so the scan is linear
 * on any text. Built on first use: most commands never read a code in text.
 */
function codeRegExp(): RegExp {
  namedChannel ??= new Map(CHANNEL_NAMES.map(([name, code]) => [name.replace(/ /g, ''), code]));
  seps ??= new RegExp(SEP, 'g');
  return (codePattern ??= new RegExp(
    `(?<![${WORDISH}])(?:EX${SEP}{0,2}(HN|CA|B|UE|LE)${SEPS}${OPEN}(\\d{1,2})`
    + `|([A-Za-z]{2,3}|[A-Za-z]${APART}[A-Za-z](?:${APART}[A-Za-z])?\\.?)(${SEPS})${OPEN}(\\d{1,2})`
    + `|(${CHANNEL_NAMES.map(([name]) => name.split(' ').join(`${SEP}{0,2}`)).join('|')})${SEPS}${OPEN}(\\d{1,2})`
    + `|([A-Za-z])([-\u2010-\u2015\u2212 \t]?)${OPEN}(\\d{1,2}))${NUMBER_END}`,
    'gi',
  ));
}

// Channel spellings that are English words (go, he, co, kid) count apart from their number by a
// space, a tab or a dot only in capitals, so that "go 2 times" is not GV2; "Kid 3" and "He 7"
// with their capital too (no sentence opens "Kid 3" or "He 7", and "Go 2 times" may).
const WORDY_CHANNELS = new Set(['go', 'he', 'co', 'kid']);
const TITLED_CHANNELS = new Set(['Kid', 'He']);
// Channel abbreviations read in text beside model/channels.ts's legacy ones: KD for the kidney
// channel, as some course notes write it ("KD 3").
const TEXT_ALIASES: Readonly<Record<string, string>> = { kd: 'KI' };
// The one-letter legacy codes (P6, K 3, B-60, H7, G20, L7, S36): read in capitals when apart from
// their number (a dash or a space), in any case when joined to it ("p6"). L1-L5 and S1-S5 name
// the lumbar and sacral vertebrae ("knead around L4-L5"), so those are not read as LU or ST points.
const ONE_LETTER = new Set(['P', 'K', 'B', 'H', 'G', 'L', 'S']);
const SPINE: Readonly<Record<string, number>> = { L: 5, S: 5 };
// What makes the number after a channel's English name in lower case a count, not a point: "rub
// the stomach 3 times", "the heart 2-3 minutes", "the liver 2 cun below". Written with its capital
// ("Stomach 3 times"), the name is taken as the channel's: when unsure, caution. An x with a
// number after it makes that number the count ("spleen 6 x 3", "spleen 6x3": SP6 three times).
const COUNT_AFTER = /\s*(?:(?:[-\u2010-\u2015\u2212]|to|or|and)\s*\d+\s*)?(?:(?:x|\u00d7)(?![ \t]*\d)|times?|minutes?|mins?|seconds?|secs?|hours?|breaths?|rounds?|reps?|repetitions?|counts?|cycles?|strokes?|circles?|passes|pass|sets?|more|cun|cm|mm|inch(?:es)?|fingers?|finger-?(?:widths?|breadths?))(?![A-Za-z])/iy;

/** One code read in a text: its standard form and where its spelling stands ([start, end)). */
interface CodeAt { code: string; start: number; end: number }

// After a code, more numbers of its channel: a range ("SP 4-6", "BL 65 to 67", "CV 3–7") or a
// list ("GB 20, 21", "SP6 and 9", "LI 4, 5 and 6"), each item a number or a range. A number with
// a count after it ("LI4, 2 minutes", "LI 4 to 5 times") is a count and ends the list.
const RANGE_TO = /[ \t]*(?:[-\u2010-\u2015\u2212]{1,2}|to|through|thru)[ \t]*(\d{1,2})(?:(?=[x\u00d7]\d)|(?![A-Za-z0-9_\u00c0-\u024f]|\.\d))/iy;
const LIST_ITEM = /(?:[ \t]*[,;/&][ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)(\d{1,2})(?:(?=[x\u00d7]\d)|(?![A-Za-z0-9_\u00c0-\u024f]|\.\d))/iy;

/** Whether a count (2 minutes, 3 times) starts at `at`. */
function countAt(text: string, at: number): boolean {
  COUNT_AFTER.lastIndex = at;
  return COUNT_AFTER.test(text);
}

/**
 * The codes of the channel's numbers that a range or list after its code at `end` names ("SP 4-6"
 * is SP4 to SP6; "GB 20, 21" GB20 and GB21), only numbers the channel has. Each item is read
 * once, so the scan stays linear.
 */
function moreOf(text: string, channel: string, first: number, end: number): CodeAt[] {
  const out: CodeAt[] = [];
  let last = first;
  for (let at = end; ; ) {
    let m: RegExpExecArray | null;
    RANGE_TO.lastIndex = at;
    if ((m = RANGE_TO.exec(text))) {
      if (countAt(text, RANGE_TO.lastIndex)) break;
      const to = Number(m[1]);
      for (let n = Math.min(last, to); n <= Math.max(last, to); n++) if (n !== last && isChannelPoint(channel, n)) out.push({ code: `${channel}${n}`, start: at, end: RANGE_TO.lastIndex });
      last = to;
      at = RANGE_TO.lastIndex;
      continue;
    }
    LIST_ITEM.lastIndex = at;
    if (!(m = LIST_ITEM.exec(text)) || countAt(text, LIST_ITEM.lastIndex)) break;
    last = Number(m[1]);
    if (isChannelPoint(channel, last)) out.push({ code: `${channel}${last}`, start: at, end: LIST_ITEM.lastIndex });
    at = LIST_ITEM.lastIndex;
  }
  return out;
}

/** The codes in a text (plainText already), in order, with where each stands. */
function codesAt(text: string): CodeAt[] {
  const out: CodeAt[] = [];
  // Every spelling ends in a number of ASCII digits (plainText folds other digits to them): a
  // text without one, as most cues are, names no code, and the pattern, which V8 compiles afresh
  // in every process, is not built (a routine of yours made `list` build it at every start).
  if (!hasDigit(text)) return out;
  for (const m of text.matchAll(codeRegExp())) {
    const at = { start: m.index, end: m.index + m[0].length };
    if (m[1]) {
      out.push({ code: `EX-${m[1].toUpperCase()}${Number(m[2])}`, ...at });
    } else if (m[3]) {
      const letters = m[3].replace(/[.\s\-\u2010-\u2015\u2212]/g, '');
      // Apart as words are in prose: by a space, a tab or a dot ("go 2", "let go. 2"); he-7 is a code.
      const apart = /[ \t.]/.test(m[3] + m[4]!);
      if (apart && letters !== letters.toUpperCase() && WORDY_CHANNELS.has(letters.toLowerCase()) && !TITLED_CHANNELS.has(letters)) continue;
      const ch = letters.toUpperCase();
      const key = ch.toLowerCase();
      const channel = (CHANNELS as readonly string[]).includes(ch) && ch !== 'EX' ? ch
        : Object.hasOwn(CHANNEL_ALIASES, key) ? CHANNEL_ALIASES[key] : Object.hasOwn(TEXT_ALIASES, key) ? TEXT_ALIASES[key] : undefined;
      const n = Number(m[5]);
      if (channel && isChannelPoint(channel, n)) (out.push({ code: `${channel}${n}`, ...at }), out.push(...moreOf(text, channel, n, at.end)));
    } else if (m[8]) {
      const letter = m[8].toUpperCase();
      const n = Number(m[10]);
      if (!ONE_LETTER.has(letter) || (m[9] && m[8] !== letter) || n <= (SPINE[letter] ?? 0)) continue;
      const channel = CHANNEL_ALIASES[letter.toLowerCase()]!;
      if (isChannelPoint(channel, n)) out.push({ code: `${channel}${n}`, ...at }, ...moreOf(text, channel, n, at.end));
    } else {
      const name = m[6]!;
      const channel = namedChannel!.get(name.toLowerCase().replace(seps!, ''))!;
      const n = Number(m[7]);
      if (!isChannelPoint(channel, n)) continue;
      if (name === name.toLowerCase()) {
        COUNT_AFTER.lastIndex = at.end;
        if (COUNT_AFTER.test(text)) continue;
      }
      out.push({ code: `${channel}${n}`, ...at }, ...moreOf(text, channel, n, at.end));
    }
  }
  return out;
}

/** Whether a text holds an ASCII digit: a loop, not a regular expression (see codesAt). */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** The standard point codes a free text names (LI4, SP6, EX-HN5; LV3 read as LR3, Spleen 6 as SP6), in order, once each. */
export function codesInText(text: string): string[] {
  return [...new Set(codesAt(plainText(text)).map((c) => c.code))];
}

/**
 * The code a whole name spells, as the command line reads it: "Spleen 6", "LI—4", "L.I. 4" and
 * "ＬＩ４" are LI4 or SP6; a name that holds anything more ("press LI4") or a number the channel
 * does not have ("Heart 12") is undefined.
 */
export function codeSpelledAs(name: string): string | undefined {
  const text = plainText(name).trim();
  // Every spelling is short; a long name is none (and is not scanned).
  if (text.length > 40) return undefined;
  const found = codesAt(text);
  return found.length === 1 && found[0]!.start === 0 && found[0]!.end === text.length ? found[0]!.code : undefined;
}
