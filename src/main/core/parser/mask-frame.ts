import { maskKnownListenKeys } from '../../../shared/secrets/listen-key-registry.ts';
import { maskListenKey } from '../../../shared/secrets/mask.ts';

// Any characters a key might have (not only the hex seen so far), of any length (short keys
// too), up to where a JSON string, a list or a line of text would end it.
const STREAM_KEY = /alpha@([^"\s,\]]+)/g;
const LISTEN_KEY_FIELD = /("listenKey"\s*:\s*")([^"]+)"/g;

/**
 * A raw frame as it may be stored or shown: every listen key this process obtained is masked
 * wherever it appears (by value), and any key in `alpha@<key>` or a `listenKey` field is
 * masked by position too (a key we never obtained, e.g. another device's). Masking is
 * idempotent: masked text masks to itself.
 */
export function maskFrameText(text: string): string {
  let out = maskKnownListenKeys(text);
  if (out.includes('alpha@'))
    out = out.replace(STREAM_KEY, (_m, key: string) => `alpha@${maskListenKey(key)}`);
  if (out.includes('"listenKey"'))
    out = out.replace(
      LISTEN_KEY_FIELD,
      (_m, head: string, key: string) => `${head}${maskListenKey(key)}"`,
    );
  return out;
}

/** A frame for a log line: masked and cut to `maxChars`. */
export function truncateForLog(text: string, maxChars = 200): string {
  const masked = maskFrameText(text);
  return masked.length <= maxChars
    ? masked
    : `${masked.slice(0, maxChars)}… (${masked.length} chars)`;
}
