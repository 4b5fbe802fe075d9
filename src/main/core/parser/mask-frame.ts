import {
  containsKnownListenKey,
  maskKnownListenKeys,
} from '../../../shared/secrets/listen-key-registry.ts';
import { maskListenKey } from '../../../shared/secrets/mask.ts';

const STREAM_PREFIX = 'alpha@';
const LISTEN_KEY_FIELD = /("listenKey"\s*:\s*")([^"]+)"/g;

/**
 * A raw frame as it may be stored or shown: every listen key this process obtained is masked
 * wherever it appears (by value), and any key in `alpha@<key>` or a `listenKey` field is
 * masked by position too (a key we never obtained, e.g. another device's). Masking is
 * idempotent: masked text masks to itself.
 *
 * It runs on every frame, so each step first looks without copying: the key after `alpha@` is
 * masked by position first (every stream frame has one, usually our own key), so the search by
 * value then finds nothing and copies nothing; a `listenKey` field is looked for as
 * `listenKey` (a rare letter at its end: the native search skips fast, where one ending in a
 * quote crawls through JSON).
 */
export function maskFrameText(text: string): string {
  let out = maskStreamKeys(text);
  if (containsKnownListenKey(out)) out = maskKnownListenKeys(out);
  if (out.includes('listenKey'))
    out = out.replace(
      LISTEN_KEY_FIELD,
      (_m, head: string, key: string) => `${head}${maskListenKey(key)}"`,
    );
  return out;
}

/**
 * Masks the key after every `alpha@`: any characters a key might have (not only the hex seen so
 * far), of any length (short keys too), up to where a JSON string, a list or a line of text
 * would end it (a quote, a backslash, a comma, `]` or white space). A scan, not a regular expression: it
 * runs on every frame, and an already masked key is left as it is without copying the text.
 */
function maskStreamKeys(text: string): string {
  let at = text.indexOf(STREAM_PREFIX);
  if (at === -1) return text;
  let out = '';
  let from = 0;
  while (at !== -1) {
    const start = at + STREAM_PREFIX.length;
    let end = start;
    while (end < text.length && !endsKey(text.charCodeAt(end))) end++;
    if (end > start) {
      const key = text.slice(start, end);
      const masked = maskListenKey(key);
      if (masked !== key) {
        out += text.slice(from, start) + masked;
        from = end;
      }
    }
    at = text.indexOf(STREAM_PREFIX, end);
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * A quote, a backslash (the `\"` ending a key inside an escaped JSON string: cutting through it
 * would break the frame's JSON, and the journal keeps the masked frame as the record), a comma,
 * `]`, or white space as `\s` has it.
 */
function endsKey(c: number): boolean {
  if (c === 34 || c === 44 || c === 92 || c === 93) return true;
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** A frame for a log line: masked and cut to `maxChars`. */
export function truncateForLog(text: string, maxChars = 200): string {
  const masked = maskFrameText(text);
  return masked.length <= maxChars
    ? masked
    : `${masked.slice(0, maxChars)}… (${masked.length} chars)`;
}
