/**
 * The only ways a secret may be shown. Cookie values and csrftoken are never shown at all;
 * a listen key shows its first 10 characters, then `...`.
 */
export const LISTEN_KEY_VISIBLE_CHARS = 10;

/** `ff950c2e0d3da25cb0f320669c3f986f` → `ff950c2e0d...` */
export function maskListenKey(listenKey: string): string {
  if (listenKey.length <= LISTEN_KEY_VISIBLE_CHARS) return '...';
  return `${listenKey.slice(0, LISTEN_KEY_VISIBLE_CHARS)}...`;
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
