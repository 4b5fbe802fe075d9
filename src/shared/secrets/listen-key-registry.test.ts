import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetListenKeysForTests,
  maskKnownListenKeys,
  maskKnownListenKeysDeep,
  rememberListenKey,
} from './listen-key-registry.ts';
import { maskListenKey } from './mask.ts';

afterEach(() => forgetListenKeysForTests());

describe('masking listen keys by value', () => {
  it('masks a remembered key anywhere in a text, long keys to their first 10 characters', () => {
    const key = 'ff950c2e0d3da25cb0f320669c3f986f';
    rememberListenKey(key);
    const text = `request failed: listenKey=${key} (${key})`;
    expect(maskKnownListenKeys(text)).toBe(
      'request failed: listenKey=ff950c2e0d... (ff950c2e0d...)',
    );
  });

  it('masks short keys too, showing at most 3 characters', () => {
    rememberListenKey('k3y5hort');
    expect(maskKnownListenKeys('error near k3y5hort.')).toBe('error near k3y....');
    expect(maskListenKey('k3y5hort')).toBe('k3y...');
    expect(maskListenKey('abcdefg')).toBe('...');
    expect(maskListenKey('0123456789')).toBe('012...');
  });

  it('is idempotent: masked text masks to itself', () => {
    for (const key of ['ff950c2e0d3da25cb0f320669c3f986f', 'k3y5hort', 'abcde'])
      expect(maskListenKey(maskListenKey(key))).toBe(maskListenKey(key));
  });

  it('masks the longer of two overlapping keys whole', () => {
    rememberListenKey('abcdefgh');
    rememberListenKey('abcdefgh-and-more-of-it');
    expect(maskKnownListenKeys('x abcdefgh-and-more-of-it y')).toBe('x abcdefgh-a... y');
  });

  it('masks strings and field names of a payload deeply, and keeps a clean payload as it is', () => {
    const key = 'deadbeefdeadbeefdeadbeefdeadbeef';
    rememberListenKey(key);
    const payload = { e: 'somethingNew', nested: [{ note: `key ${key}` }], [key]: 1 };
    const masked = maskKnownListenKeysDeep(payload);
    expect(JSON.stringify(masked)).not.toContain(key);
    expect(masked.nested[0]!.note).toBe('key deadbeefde...');
    const clean = { a: ['b'] };
    expect(maskKnownListenKeysDeep(clean)).toBe(clean);
  });
});
