import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetListenKeysForTests,
  maskKnownListenKeys,
  rememberListenKey,
} from '../../../shared/secrets/listen-key-registry.ts';
import { maskListenKey } from '../../../shared/secrets/mask.ts';
import { maskFrameText } from './mask-frame.ts';

const KEY = 'ff950c2e0d3da25cb0f320669c3f986f';
const OTHER = '0123456789abcdef0123456789abcdef';

describe('maskFrameText: each key once masked, by position and by value', () => {
  afterEach(() => forgetListenKeysForTests());

  it('masks our key at the stream position and again wherever else it appears', () => {
    rememberListenKey(KEY);
    const frame = `{"stream":"alpha@${KEY}","data":{"e":"executionReport","c":"x${KEY}y","listenKey":"${OTHER}"}}`;
    expect(maskFrameText(frame)).toBe(
      `{"stream":"alpha@ff950c2e0d...","data":{"e":"executionReport","c":"xff950c2e0d...y","listenKey":"0123456789..."}}`,
    );
  });

  it('leaves a frame without any key as the same string', () => {
    rememberListenKey(KEY);
    const frame = '{"stream":"alpha@ff950c2e0d...","data":{"e":"executionReport","i":"1"}}';
    expect(maskFrameText(frame)).toBe(frame);
  });

  it('masks a key we never obtained in a listenKey field with spaces around its colon', () => {
    expect(maskFrameText(`{"listenKey" : "${OTHER}"}`)).toBe('{"listenKey" : "0123456789..."}');
  });

  it('masks as the three steps in turn do (by position, by value, listenKey fields), also where its short way applies', () => {
    // The reference: each step on the text the one before left.
    const reference = (text: string): string => {
      let out = text.replace(
        /alpha@([^"\\,\]\s]+)/g,
        (_m, key: string) => `alpha@${maskListenKey(key)}`,
      );
      out = maskKnownListenKeys(out);
      return out.replace(
        /("listenKey"\s*:\s*")([^"]+)"/g,
        (_m, head: string, key: string) => `${head}${maskListenKey(key)}"`,
      );
    };
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const word = (n: number) =>
      Array.from({ length: n }, () => pick([...'abcdef0123456789XYZ_-'])).join('');
    const pieces = ['alpha@', '"', ',', ']', '\\', ' ', '\n', '\u2028', '.', '...', '@', 'lpha'];
    pieces.push('listenKey', '"listenKey":"', '{"stream":"', '币', '\t', '\r', '\u00a0', '\ufeff');
    pieces.push('\u3000', '\u200a', '\u2029', '\v', '\u0085', 'ä', '😀'.repeat(9), 'é'.repeat(40));
    for (let round = 0; round < 300; round++) {
      forgetListenKeysForTests();
      const keys = Array.from({ length: Math.floor(random() * 4) }, () =>
        random() < 0.7
          ? word(pick([14, 32, 64, 4, 8, 10, 13]))
          : word(10) + pick(['.', '@', ' ']) + word(5),
      );
      for (const key of keys) rememberListenKey(key);
      for (let n = 0; n < 50; n++) {
        let text = '';
        for (let i = Math.floor(random() * 12); i > 0; i--) {
          const r = random();
          if (r < 0.3 && keys.length > 0) text += pick(keys);
          else if (r < 0.4 && keys.length > 0)
            text += pick(keys).slice(0, Math.floor(random() * 20));
          else if (r < 0.5) text += word(Math.floor(random() * 40));
          else text += pick(pieces);
        }
        expect(maskFrameText(text)).toBe(reference(text));
      }
    }
  });
});
