import { createHash } from 'node:crypto';
/**
 * Realistic "Copy as cURL" commands for tests, built the way Chrome/Edge and Firefox build
 * them (same escaping rules, same header layout) from the header and cookie *names* in the
 * captured sessions (ALPHA-PROTOCOL.md §1). Every value is fake; tests pass their own values
 * (e.g. recognisable sentinels) to check where secrets go.
 */

export type Browser = 'chrome' | 'edge' | 'firefox';
export type Shell = 'bash' | 'cmd';

/** The secret part of a fake session. */
export interface SampleSecrets {
  csrftoken: string;
  bncUuid: string;
  deviceInfo: string;
  fvideoId: string;
  fvideoToken: string;
  /** Cookie name → value; the long-term session cookies among them. */
  cookies: Record<string, string>;
}

export const USER_AGENT_CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36';
export const USER_AGENT_EDGE = `${USER_AGENT_CHROME} Edg/138.0.0.0`;
export const USER_AGENT_FIREFOX =
  'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';

/** A fake session with every cookie name seen in captures. */
export function fakeSecrets(tag = 'fake'): SampleSecrets {
  return {
    // md5(cr00), as the exchange makes it (ALPHA-PROTOCOL.md §9).
    csrftoken: createHash('md5').update(`CR00${tag}`).digest('hex'),
    bncUuid: '0b6f3c2e-1d2a-4c5b-9e8f-7a6b5c4d3e2f',
    deviceInfo: `eyJzY3JlZW5fcmVzb2x1dGlvbiI6IjE5MjAsMTA4MCIsInRhZyI6I${tag}In0=`,
    fvideoId: `33a1b2c3d4e5f6${tag}`,
    fvideoToken: `fvt/${tag}+abc==`,
    cookies: {
      'bnc-uuid': '0b6f3c2e-1d2a-4c5b-9e8f-7a6b5c4d3e2f',
      BNC_FV_KEY: `33a1b2c3d4e5f6${tag}`,
      BNC_FV_KEY_T: `101-${tag}%3D%3D-abc`,
      'aws-waf-token': `a1b2:${tag}:c3d4`,
      cr00: `CR00${tag}`,
      p20t: `web.1234.${tag}P20T`,
      r20t: `web.${tag}R20T`,
      r30t: `web.${tag}R30T`,
      f30l: `web.${tag}F30L`,
      d1og: `web.1234.${tag}D1OG`,
      r2o1: `web.1234.${tag}R2O1`,
      logined: 'y',
      lang: 'zh-CN',
    },
  };
}

export interface SampleOptions {
  browser: Browser;
  shell: Shell;
  secrets?: SampleSecrets;
  /** Defaults to the listen-key request. */
  url?: string;
  /** A JSON request body, or none for a GET. */
  body?: string;
}

/** One request's headers as the browser lists them (lower case for Chromium). */
function browserHeaders(browser: Browser, s: SampleSecrets): Array<[string, string]> {
  const common: Array<[string, string]> = [
    ['bnc-level', '0'],
    ['bnc-location', 'BINANCE'],
    ['bnc-time-zone', 'Asia/Shanghai'],
    ['bnc-uuid', s.bncUuid],
    ['clienttype', 'web'],
    ['content-type', 'application/json'],
    ['csrftoken', s.csrftoken],
    ['device-info', s.deviceInfo],
    ['fvideo-id', s.fvideoId],
    ['fvideo-token', s.fvideoToken],
    ['lang', 'zh-CN'],
    ['origin', 'https://www.binance.com'],
    [
      'referer',
      'https://www.binance.com/zh-CN/alpha/bsc/0xe6df05ce8c8301223373cf5b969afcb1498c5528',
    ],
    ['x-passthrough-token', ''],
    ['x-trace-id', '5f0e6a52-4f8c-4a77-9f3e-2b1c0d9e8f7a'],
    ['x-ui-request-trace', '5f0e6a52-4f8c-4a77-9f3e-2b1c0d9e8f7a'],
    ['baggage', 'sentry-environment=prod,sentry-release=2025.10.1,sentry-public_key=abc'],
    ['sentry-trace', '8d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a-8f7e6d5c4b3a2f1e-0'],
  ];
  if (browser === 'firefox') {
    return [
      ['User-Agent', USER_AGENT_FIREFOX],
      ['Accept', '*/*'],
      ['Accept-Language', 'zh-CN,zh;q=0.8,en-US;q=0.5,en;q=0.3'],
      ['Accept-Encoding', 'gzip, deflate, br, zstd'],
      ...common,
      ['Content-Length', '2'],
      ['Connection', 'keep-alive'],
      ['Cookie', cookieHeader(s)],
      ['Sec-Fetch-Dest', 'empty'],
      ['Sec-Fetch-Mode', 'cors'],
      ['Sec-Fetch-Site', 'same-origin'],
      ['Priority', 'u=4'],
      ['TE', 'trailers'],
    ];
  }
  const brand = browser === 'edge' ? '"Microsoft Edge";v="138"' : '"Google Chrome";v="138"';
  return [
    ['accept', '*/*'],
    ['accept-language', 'zh-CN,zh;q=0.9,en;q=0.8'],
    ...common,
    ['priority', 'u=1, i'],
    ['sec-ch-ua', `"Not)A;Brand";v="8", "Chromium";v="138", ${brand}`],
    ['sec-ch-ua-mobile', '?0'],
    ['sec-ch-ua-platform', '"Windows"'],
    ['sec-fetch-dest', 'empty'],
    ['sec-fetch-mode', 'cors'],
    ['sec-fetch-site', 'same-origin'],
    ['user-agent', browser === 'edge' ? USER_AGENT_EDGE : USER_AGENT_CHROME],
  ];
}

export function cookieHeader(s: SampleSecrets): string {
  return Object.entries(s.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

/** The command text the browser would put on the clipboard. */
export function sampleCurl(options: SampleOptions): string {
  const s = options.secrets ?? fakeSecrets();
  const url =
    options.url ?? 'https://www.binance.com/bapi/defi/v1/private/alpha-trade/get-listen-key';
  const escape = options.shell === 'bash' ? escapePosix : escapeWin;
  const parts: string[] = [`curl ${escape(url)}`];
  if (options.browser === 'firefox') {
    if (options.body !== undefined) parts.push('-X POST');
    for (const [name, value] of browserHeaders('firefox', s))
      parts.push(`-H ${escape(`${name}: ${value}`)}`);
    if (options.body !== undefined) parts.push(`--data-raw ${escape(options.body)}`);
  } else {
    const headers = browserHeaders(options.browser, s);
    // Chromium lists headers alphabetically and puts the cookies in -b where the name sorts.
    const lines = headers.map(([name, value]) => `-H ${escape(`${name}: ${value}`)}`);
    const cookieAt = headers.findIndex(([name]) => name > 'cookie');
    lines.splice(cookieAt < 0 ? lines.length : cookieAt, 0, `-b ${escape(cookieHeader(s))}`);
    parts.push(...lines);
    if (options.body !== undefined) parts.push(`--data-raw ${escape(options.body)}`);
  }
  return options.shell === 'bash' ? parts.join(' \\\n  ') : parts.join(' ^\n  ');
}

/** Chromium's escapeStringPosix (DevTools NetworkPanel "Copy as cURL (bash)"). */
export function escapePosix(str: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f!]|'/.test(str)) {
    return (
      "$'" +
      str
        .replace(/\\/g, '\\\\')
        .replace(/'/g, "\\'")
        .replace(/\n/g, '\\n')
        .replace(/\r/g, '\\r')
        .replace(
          // eslint-disable-next-line no-control-regex
          /[\u0000-\u001f\u007f-\u009f!]/g,
          (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'),
        ) +
      "'"
    );
  }
  return `'${str}'`;
}

/** Chromium's escapeStringWin ("Copy as cURL (cmd)"); Firefox's Windows variant matches it. */
export function escapeWin(str: string): string {
  return (
    '^"' +
    str
      .replace(/\\/g, '\\\\')
      .replace(/"/g, '\\"')
      .replace(/[^a-zA-Z0-9\s_\-:=+~'/.',?;()*`]/g, '^$&')
      .replace(/%(?=[a-zA-Z0-9_])/g, '%^')
      .replace(/\r?\n/g, '^\n\n') +
    '^"'
  );
}

/** The sample form of a session (e.g. one the simulator issued), to build its cURL. */
export function secretsFromSession(session: {
  headers: Record<string, string>;
  cookies: string;
}): SampleSecrets {
  const cookies: Record<string, string> = {};
  for (const pair of session.cookies.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0) cookies[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  const h = session.headers;
  return {
    csrftoken: h.csrftoken ?? '',
    bncUuid: h['bnc-uuid'] ?? '',
    deviceInfo: h['device-info'] ?? '',
    fvideoId: h['fvideo-id'] ?? '',
    fvideoToken: h['fvideo-token'] ?? '',
    cookies,
  };
}
