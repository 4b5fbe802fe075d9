/**
 * The only ways a secret may be shown. Cookie values and csrftoken are never shown at all;
 * a listen key shows its first 10 characters, then `...`.
 */
export const LISTEN_KEY_VISIBLE_CHARS = 10;
/** A key of at most 10 characters shows this many (at least 8 long), else nothing. */
export const SHORT_LISTEN_KEY_VISIBLE_CHARS = 3;

/**
 * `ff950c2e0d3da25cb0f320669c3f986f` → `ff950c2e0d...`; a short key (≤ 10) keeps 3 characters
 * when it has at least 8 (`abc12345` → `abc...`), else none (`...`), so at most 3 of 8 show.
 * Already-masked text stays as it is: `ff950c2e0d...` and `abc...` mask to themselves.
 */
export function maskListenKey(listenKey: string): string {
  if (listenKey.length > LISTEN_KEY_VISIBLE_CHARS)
    return listenKey.endsWith('...') && listenKey.length === LISTEN_KEY_VISIBLE_CHARS + 3
      ? listenKey
      : `${listenKey.slice(0, LISTEN_KEY_VISIBLE_CHARS)}...`;
  if (isMaskedShortKey(listenKey)) return listenKey;
  if (listenKey.length >= 8) return `${listenKey.slice(0, SHORT_LISTEN_KEY_VISIBLE_CHARS)}...`;
  return '...';
}

/** `abc...` or `...`: what maskListenKey makes of a short key. */
function isMaskedShortKey(text: string): boolean {
  return (
    text === '...' || (text.length === SHORT_LISTEN_KEY_VISIBLE_CHARS + 3 && text.endsWith('...'))
  );
}

/** A secret value (cookie, csrftoken, token header) as it may be displayed: never any of it. */
export function maskSecret(value: string): string {
  return value.length === 0 ? '(empty)' : `•••• (${value.length} chars)`;
}

/**
 * Replaces every occurrence of the given secrets in a text (for log lines and error messages
 * that may echo a request). Listen keys are shortened; other secrets are removed entirely.
 */
export function redactSecrets(
  text: string,
  secrets: { listenKeys?: readonly string[]; values?: readonly string[] },
): string {
  let out = text;
  for (const key of secrets.listenKeys ?? []) {
    if (key.length > 0) out = out.split(key).join(maskListenKey(key));
  }
  for (const value of secrets.values ?? []) {
    // Very short values (e.g. "1") would shred ordinary text; they carry no secret anyway.
    if (value.length >= 6) out = out.split(value).join('[redacted]');
  }
  return out;
}
