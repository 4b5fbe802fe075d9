import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SessionCredentials } from '../core/credentials/session-credentials.ts';

/**
 * The long-term session cookies. NAT treats the first five as the session; its
 * token_refresh.py says Alpha endpoints also need r30t (ALPHA-PROTOCOL.md §1). The simulator
 * requires all six, plus the csrftoken header, on every private call.
 */
export const SESSION_COOKIE_NAMES = ['p20t', 'cr00', 'r20t', 'f30l', 'd1og', 'r30t'] as const;

const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * Makes a fresh web session in the shape of a real capture: the minimal header set that
 * works (bnc-uuid, csrftoken, device-info, fvideo-id, fvideo-token, user-agent, clienttype,
 * lang, accept, content-type) and a cookie string with the long-term session cookies.
 */
export function generateSessionCredentials(): SessionCredentials {
  const bncUuid = randomUUID();
  const deviceInfo = Buffer.from(
    JSON.stringify({
      screen_resolution: '1920,1080',
      system_lang: 'en-US',
      timezone: 'GMT+08:00',
      platform: 'Linux x86_64',
      webgl_vendor: 'Google Inc.',
      device_name: 'Chrome V140.0.0.0 (Linux)',
      fingerprint: hex(16),
      audio: '124.04347527516074',
    }),
  ).toString('base64');
  const cookiePairs: Array<[string, string]> = [
    ['bnc-uuid', bncUuid],
    ['BNC_FV_KEY', hex(20)],
    ['lang', 'en'],
    ['logined', 'y'],
    ...SESSION_COOKIE_NAMES.map((name): [string, string] => [name, hex(32)]),
  ];
  return {
    headers: {
      accept: '*/*',
      'bnc-uuid': bncUuid,
      clienttype: 'web',
      'content-type': 'application/json',
      // As on the real exchange: the lowercase hex MD5 of the cr00 cookie (ALPHA-PROTOCOL.md §9).
      csrftoken: createHash('md5')
        .update(cookiePairs.find(([name]) => name === 'cr00')![1])
        .digest('hex'),
      'device-info': deviceInfo,
      'fvideo-id': hex(20),
      'fvideo-token': randomBytes(48).toString('base64'),
      lang: 'en',
      'user-agent': USER_AGENT,
    },
    cookies: cookiePairs.map(([k, v]) => `${k}=${v}`).join('; '),
  };
}

/** Parses a cookie header (`k=v; k2=v2`) into a map; later duplicates win, as in browsers' jars. */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

/** What an incoming request carried, as far as auth is concerned. */
export interface PresentedSession {
  csrftoken: string | undefined;
  cookies: Map<string, string>;
}

/** True when the request carries this session: the csrftoken and every long-term cookie. */
export function sessionMatches(expected: SessionCredentials, presented: PresentedSession): boolean {
  if (!presented.csrftoken || presented.csrftoken !== expected.headers.csrftoken) return false;
  const expectedCookies = parseCookieHeader(expected.cookies);
  return SESSION_COOKIE_NAMES.every((name) => {
    const value = presented.cookies.get(name);
    return value !== undefined && value === expectedCookies.get(name);
  });
}
