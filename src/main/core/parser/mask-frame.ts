import { maskListenKey } from '../../../shared/secrets/mask.ts';

// Any characters a key might have (not only the hex seen so far), up to where a JSON string,
// a list or a line of text would end it.
const STREAM_KEY = /alpha@([^"\s,\]]{11,})/g;
const LISTEN_KEY_FIELD = /("listenKey"\s*:\s*")([^"]{11,})"/g;

/**
 * A raw frame as it may be stored or shown: the listen key in `alpha@<key>` (and in a
 * `listenKey` field) is cut to its first 10 characters. Other known secrets are removed.
 */
export function maskFrameText(text: string): string {
  let out = text;
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
