import type { SessionCredentials } from '../credentials/session-credentials.ts';

/**
 * The headers the web client sends on every call (ALPHA-PROTOCOL.md §1, "minimal set").
 * Values the account's own capture carries win, except for the ones below.
 */
const DEFAULT_HEADERS: Readonly<Record<string, string>> = {
  accept: '*/*',
  clienttype: 'web',
  'content-type': 'application/json',
  lang: 'zh-CN',
};

/**
 * Headers we never forward from a capture: transport headers belong to the HTTP stack,
 * and `content-length` / `origin` / `:authority` copied from a capture caused rejections
 * on the real exchange (§1). `cookie` is built from `credentials.cookies` instead.
 */
const NEVER_FORWARDED = new Set([
  'content-length',
  'origin',
  'host',
  'connection',
  'transfer-encoding',
  'accept-encoding',
  'keep-alive',
  'cookie',
  'expect',
  'upgrade',
]);

/** Strips CR/LF and other control characters (as P HEAD does) so a bad paste cannot split headers. */
function clean(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/** The exact request headers for an account, lower-case names. */
export function buildRequestHeaders(
  credentials: SessionCredentials | null,
): Record<string, string> {
  const headers: Record<string, string> = { ...DEFAULT_HEADERS };
  if (!credentials) return headers;
  for (const [rawName, rawValue] of Object.entries(credentials.headers)) {
    const name = rawName.trim().toLowerCase();
    if (name.length === 0 || name.startsWith(':') || NEVER_FORWARDED.has(name)) continue;
    headers[name] = clean(rawValue);
  }
  const cookie = clean(credentials.cookies);
  if (cookie.length > 0) headers.cookie = cookie;
  return headers;
}

/** Every secret value of a session, for `redactSecrets` (header values and cookie values). */
export function secretValuesOf(credentials: SessionCredentials | null): string[] {
  if (!credentials) return [];
  const values = Object.values(credentials.headers).map(clean);
  for (const part of credentials.cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) values.push(part.slice(eq + 1).trim());
  }
  values.push(clean(credentials.cookies));
  return values.filter((v) => v.length > 0);
}
