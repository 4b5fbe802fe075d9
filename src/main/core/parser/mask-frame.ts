import {
  containsKnownListenKey,
  knownListenKeyEndFrom,
  knownListenKeysArePlain,
  maskKnownListenKeys,
} from '../../../shared/secrets/listen-key-registry.ts';
import { maskListenKey } from '../../../shared/secrets/mask.ts';

const STREAM_PREFIX = 'alpha@';
/** `STREAM_PREFIX` before its `@`. */
const STREAM_PREFIX_NAME = 'alpha';
const LISTEN_KEY_FIELD = /("listenKey"\s*:\s*")([^"]+)"/g;

/**
 * A raw frame as it may be stored or shown: every listen key this process obtained is masked
 * wherever it appears (by value), and any key in `alpha@<key>` or a `listenKey` field is
 * masked by position too (a key we never obtained, e.g. another device's). Masking is
 * stable: masked text masks to itself, except a `listenKey` field holding `alpha@<key>`, whose
 * masked value the field's own masking shortens again (masking again only ever hides more).
 *
 * It runs on every frame, so each step first looks without copying: the key after `alpha@` is
 * masked by position first (every stream frame has one, usually our own key), so the search by
 * value then finds nothing and copies nothing; a `listenKey` field is looked for as
 * `listenKey` (a rare letter at its end: the native search skips fast, where one ending in a
 * quote crawls through JSON).
 */
export function maskFrameText(text: string): string {
  if (knownListenKeysArePlain() && !text.includes('listenKey')) {
    const masked = maskStreamKeys(text, true);
    if (masked !== null) return masked;
  }
  let out = maskStreamKeys(text, false)!;
  if (containsKnownListenKey(out)) out = maskKnownListenKeys(out);
  if (out.includes('listenKey'))
    out = out.replace(
      LISTEN_KEY_FIELD,
      (_m, head: string, key: string) => `${head}${maskListenKey(key)}"`,
    );
  return out;
}

/**
 * `text` with the key after every `alpha@` masked: any characters a key might have (not only
 * the hex seen so far), of any length (short keys too), up to where a JSON string, a list or a
 * line of text would end it (a quote, a backslash, a comma, `]` or white space). A scan, not a
 * regular expression: it runs on every frame, and an already masked key is left as it is
 * without copying the text.
 *
 * With `aloneOrNull`, it is `maskFrameText` whole for a frame with no `listenKey` in it while
 * every remembered key is plain (`knownListenKeysArePlain`), found with one look at the frame
 * as it came, or null when a remembered key is anywhere outside the masked keys (then the
 * whole masking runs). The same text results: a plain key holds no `@` and no `.`, so in the
 * masked text it can neither run into a masked key (which follows an `@` and ends in `...`)
 * nor lie inside one (at most 13 characters), and a `listenKey` field cannot appear where the
 * frame had none. The remembered keys are looked for in the frame itself, not in the masked
 * copy (which would have to be flattened first), skipping the masked spans.
 */
function maskStreamKeys(text: string, aloneOrNull: boolean): string | null {
  let out = '';
  let from = 0;
  /** Remembered keys were looked for in `text` up to here (masked spans skipped). */
  let looked = 0;
  let at = streamPrefixFrom(text, 0);
  while (at !== -1) {
    const start = at + STREAM_PREFIX.length;
    const end = keyEnd(text, start);
    if (end > start) {
      const key = text.slice(start, end);
      const masked = maskListenKey(key);
      if (masked !== key) {
        if (aloneOrNull) {
          if (knownKeyWithin(text, looked, start)) return null;
          looked = end;
        }
        out += text.slice(from, start) + masked;
        from = end;
      }
    }
    at = streamPrefixFrom(text, end);
  }
  if (aloneOrNull && knownKeyWithin(text, looked, text.length)) return null;
  return from === 0 ? text : out + text.slice(from);
}

/**
 * A remembered (plain) key starts at or after `from` and ends by `limit`, the start of a
 * masked key: the first found ending later starts in that key or after it (one that began
 * before would hold the `@` before it).
 */
function knownKeyWithin(text: string, from: number, limit: number): boolean {
  const end = knownListenKeyEndFrom(text, from);
  return end !== -1 && end <= limit;
}

/**
 * `text.indexOf('alpha@', from)`, found by its `@`: a one-character search is the native fast
 * one (memchr), where a six-character pattern sets up a skip table each call, and frames hold
 * few `@`s (the stream name's).
 */
function streamPrefixFrom(text: string, from: number): number {
  const head = STREAM_PREFIX.length - 1;
  let at = text.indexOf('@', from + head);
  while (at !== -1) {
    if (text.startsWith(STREAM_PREFIX_NAME, at - head)) return at - head;
    at = text.indexOf('@', at + 1);
  }
  return -1;
}

/**
 * Where a key starting at `start` ends: at a quote, a backslash (the `\"` ending a key inside an
 * escaped JSON string: cutting through it would break the frame's JSON, and the journal keeps
 * the masked frame as the record), a comma, `]`, white space as `\s` has it, or the text's end.
 */
function keyEnd(text: string, start: number): number {
  KEY_CHARS.lastIndex = start;
  KEY_CHARS.test(text);
  return KEY_CHARS.lastIndex;
}
const KEY_CHARS = /[^"\\,\]\s]*/y;

/** A frame for a log line: masked and cut to `maxChars`. */
export function truncateForLog(text: string, maxChars = 200): string {
  const masked = maskFrameText(text);
  return masked.length <= maxChars
    ? masked
    : `${masked.slice(0, maxChars)}… (${masked.length} chars)`;
}
