// Checks the point names against independent dictionaries: the simplified characters must read
// as the tone-marked pinyin (pinyin-pro), and the traditional characters must simplify to the
// simplified ones (OpenCC). Acupoint names keep a few classical readings that general
// dictionaries give otherwise; those are listed here, each one reviewed.
import { join } from 'node:path';
import { Converter } from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { buildBuiltin } from '../src/store/build-builtin.js';
import { ROOT } from './helpers.js';

const points = buildBuiltin(join(ROOT, 'data')).points;

/** Readings used in acupoint names (WHO 2008, GB/T 12346) where everyday Chinese reads the character otherwise. */
const ACUPOINT_READINGS: Record<string, string> = {
  俞: 'shù', // the transport points: 肺俞 Fèishù, not yú
  少: 'shào', // 少商 Shàoshāng, 少海 Shàohǎi: "lesser", not "few"
  曲: 'qū', // 曲池 Qūchí: "bend", not "song"
  都: 'dū', // 大都 Dàdū: "capital", not "all"
  攒: 'cuán', // 攒竹 Cuánzhú: "gather"
  率: 'shuài', // 率谷 Shuàigǔ: "lead"
  阙: 'què', // 神阙 Shénquè, 巨阙 Jùquè: "palace gate"
  膻: 'dàn', // 膻中 Dànzhōng, as in the WHO list (also read shān)
  分: 'fēn', // 水分 Shuǐfēn
  瘈: 'chì', // 瘈脉 Chìmài
  差: 'chā', // 曲差 Qūchā
  譩: 'yì', // 譩譆 Yìxǐ
  譆: 'xǐ',
};

const norm = (s: string) => s.normalize('NFC').toLowerCase().replace(/[\s'’-]/g, '');

describe('point names against dictionaries', () => {
  it('the simplified characters read as the pinyin given', () => {
    const wrong = points.flatMap((p) => {
      const syllables = pinyin(p.hanzi, { toneType: 'symbol', type: 'array' });
      const expected = [...p.hanzi].map((ch, i) => ACUPOINT_READINGS[ch] ?? syllables[i]).join('');
      return norm(expected) === norm(p.pinyin) ? [] : [`${p.id} ${p.hanzi}: data ${p.pinyin}, dictionary ${expected}`];
    });
    expect(wrong).toEqual([]);
  });

  it('the traditional characters simplify to the simplified ones', () => {
    const t2s = Converter({ from: 'tw', to: 'cn' });
    const wrong = points.filter((p) => t2s(p.hanzi_traditional) !== p.hanzi).map((p) => `${p.id} ${p.hanzi_traditional} → ${t2s(p.hanzi_traditional)}, data ${p.hanzi}`);
    expect(wrong).toEqual([]);
  });
});
