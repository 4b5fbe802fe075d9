import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetListenKeysForTests,
  rememberListenKey,
} from '../../../shared/secrets/listen-key-registry.ts';
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
});
