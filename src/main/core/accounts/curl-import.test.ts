import { describe, expect, it } from 'vitest';
import {
  CurlImportError,
  LONG_TERM_COOKIES,
  parseCurl,
  type CurlImportErrorCode,
} from './curl-import.ts';
import {
  cookieHeader,
  fakeSecrets,
  sampleCurl,
  USER_AGENT_FIREFOX,
  type Browser,
  type Shell,
} from './testing/curl-samples.ts';

const secrets = fakeSecrets('t3st');
const flavours: Array<[Browser, Shell]> = [
  ['chrome', 'bash'],
  ['chrome', 'cmd'],
  ['edge', 'bash'],
  ['edge', 'cmd'],
  ['firefox', 'bash'],
  ['firefox', 'cmd'],
];
const bodies: Array<[string, string | undefined]> = [
  ['GET, no body', undefined],
  ['POST {}', '{}'],
  // A quote and "!" make Chromium switch to $'...' (bash); carets everywhere on cmd.
  ['POST with quote, !, % and newline', '{"note":"it\'s 100% done!","x":"a\\\\b"}\n'],
];

describe('parseCurl over real-looking "Copy as cURL" commands', () => {
  for (const [browser, shell] of flavours) {
    for (const [label, body] of bodies) {
      it(`${browser} ${shell}: ${label}`, () => {
        const text = sampleCurl({ browser, shell, secrets, body });
        const result = parseCurl(text);
        expect(result.flavour).toBe(shell);
        expect(result.requestUrl).toBe(
          'https://www.binance.com/bapi/defi/v1/private/alpha-trade/get-listen-key',
        );
        expect(result.credentials.cookies).toBe(cookieHeader(secrets));
        expect(result.credentials.headers).toEqual({
          'bnc-uuid': secrets.bncUuid,
          csrftoken: secrets.csrftoken,
          'device-info': secrets.deviceInfo,
          'fvideo-id': secrets.fvideoId,
          'fvideo-token': secrets.fvideoToken,
          'user-agent':
            browser === 'firefox' ? USER_AGENT_FIREFOX : expect.stringContaining('Chrome/138'),
          accept: '*/*',
          clienttype: 'web',
          'content-type': 'application/json',
          lang: 'zh-CN',
        });
        expect(result.warnings).toEqual([]);
        expect(result.droppedHeaders).toEqual(
          expect.arrayContaining(['origin', 'referer', 'x-trace-id', 'baggage']),
        );
        expect(result.keptHeaders).not.toContain('origin');
      });
    }
  }

  it('drops the headers that caused rejections (content-length, origin, :authority)', () => {
    const text = [
      "curl 'https://www.binance.com/bapi/accounts/v1/private/account/get-user-base-info'",
      "-H ':authority: www.binance.com'",
      "-H 'content-length: 2'",
      "-H 'origin: https://www.binance.com'",
      "-H 'csrftoken: abcdefabcdefabcdefabcdefabcdef12'",
      "-H 'cookie: p20t=a1; cr00=b2'",
    ].join(' \\\n  ');
    const result = parseCurl(text);
    expect(Object.keys(result.credentials.headers)).toEqual(['csrftoken']);
    expect(result.droppedHeaders).toEqual([':authority', 'content-length', 'origin']);
    expect(result.credentials.cookies).toBe('p20t=a1; cr00=b2');
  });

  it('accepts --header/--cookie long options, -A, curl.exe, CRLF continuations and one-line commands', () => {
    const text =
      'curl.exe --url "https://www.binance.com/bapi/x" --header "csrftoken: 0123456789abcdef0123456789abcdef" ' +
      '--cookie "p20t=1; r30t=2" -A "UA/1.0" --compressed -X POST --data-raw "{}"';
    const result = parseCurl(text);
    expect(result.credentials.headers['user-agent']).toBe('UA/1.0');
    expect(result.credentials.cookies).toBe('p20t=1; r30t=2');

    const crlf = sampleCurl({ browser: 'chrome', shell: 'bash', secrets }).replace(/\n/g, '\r\n');
    expect(parseCurl(crlf).credentials.headers.csrftoken).toBe(secrets.csrftoken);
    const crlfCmd = sampleCurl({ browser: 'edge', shell: 'cmd', secrets }).replace(/\n/g, '\r\n');
    expect(parseCurl(crlfCmd).credentials.cookies).toBe(cookieHeader(secrets));
  });

  it('merges -b and a cookie header; a later value of the same cookie wins', () => {
    const text =
      "curl 'https://www.binance.com/bapi/x' -b 'p20t=old; cr00=c' -H 'Cookie: p20t=new; r20t=r' -H 'csrftoken: 0123456789abcdef0123456789abcdef'";
    expect(parseCurl(text).credentials.cookies).toBe('p20t=new; cr00=c; r20t=r');
  });

  it('strips control characters a bad paste may leave in values', () => {
    const text =
      "curl 'https://www.binance.com/bapi/x' -H $'csrftoken: abc\\u0007def0123456789' -b $'p20t=x\\ty'";
    const result = parseCurl(text);
    expect(result.credentials.headers.csrftoken).toBe('abcdef0123456789');
    expect(result.credentials.cookies).toBe('p20t=xy');
  });
});

describe('parseCurl warnings', () => {
  it('checks csrftoken against md5(cr00): a complete copy passes, a mixed one is flagged', () => {
    const good = parseCurl(
      sampleCurl({ browser: 'chrome', shell: 'bash', secrets: fakeSecrets('m') }),
    );
    expect(good.warnings).toEqual([]);
    const mixed = fakeSecrets('m');
    mixed.cookies.cr00 = 'CR00-from-another-login';
    const result = parseCurl(sampleCurl({ browser: 'firefox', shell: 'bash', secrets: mixed }));
    expect(result.warnings).toEqual([{ code: 'CSRF_MISMATCH', names: [] }]);
  });

  it('names the missing long-term session cookies', () => {
    const partial = fakeSecrets('w');
    delete partial.cookies.r30t;
    delete partial.cookies.d1og;
    const result = parseCurl(sampleCurl({ browser: 'chrome', shell: 'bash', secrets: partial }));
    expect(result.warnings).toEqual([{ code: 'MISSING_SESSION_COOKIES', names: ['d1og', 'r30t'] }]);
  });

  it('names every long-term cookie when only a guest cookie is there, and missing session headers', () => {
    const text =
      "curl 'https://www.binance.com/bapi/x' -H 'csrftoken: 0123456789abcdef0123456789abcdef' -b 'lang=en'";
    const result = parseCurl(text);
    expect(result.warnings).toEqual([
      { code: 'MISSING_SESSION_COOKIES', names: [...LONG_TERM_COOKIES] },
      {
        code: 'MISSING_SESSION_HEADERS',
        names: ['bnc-uuid', 'device-info', 'fvideo-id', 'fvideo-token', 'user-agent'],
      },
    ]);
  });
});

describe('parseCurl refuses characters no browser sends', () => {
  it('names the header, never its value', () => {
    let caught: unknown;
    try {
      parseCurl(
        "curl 'https://www.binance.com/bapi/x' -H 'csrftoken: c0ffeec0ffee\u201d' -b 'p20t=secretcookie'",
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'UNSENDABLE_CHARACTER', detail: 'csrftoken' });
    expect((caught as Error).message).toContain(
      'csrftoken header has a character browsers never send',
    );
    expect((caught as Error).message).not.toContain('c0ffee');
  });
});

describe('parseCurl errors', () => {
  const cases: Array<[string, string, CurlImportErrorCode]> = [
    ['empty input', '   \n', 'EMPTY_INPUT'],
    ['a URL alone', 'https://www.binance.com/bapi/x', 'NOT_CURL'],
    ['PowerShell', "Invoke-WebRequest -Uri 'https://www.binance.com/bapi/x'", 'NOT_CURL'],
    ['fetch', 'fetch("https://www.binance.com/bapi/x", {"headers": {}})', 'NOT_CURL'],
    [
      'a cut-off paste',
      "curl 'https://www.binance.com/bapi/x' -H 'csrftoken: abc",
      'MALFORMED_CURL',
    ],
    [
      'a cut-off cmd paste',
      'curl ^"https://www.binance.com/bapi/x^" -H "csrftoken: abc',
      'MALFORMED_CURL',
    ],
    ['no URL', "curl -H 'csrftoken: x' -b 'p20t=1'", 'NOT_BINANCE_REQUEST'],
    [
      'another site',
      "curl 'https://example.com/bapi/x' -H 'csrftoken: x' -b 'p20t=1'",
      'NOT_BINANCE_REQUEST',
    ],
    [
      'a look-alike host',
      "curl 'https://www.binance.com.evil.io/bapi/x' -H 'csrftoken: x' -b 'p20t=1'",
      'NOT_BINANCE_REQUEST',
    ],
    [
      'a Binance page, not /bapi/',
      "curl 'https://www.binance.com/zh-CN/alpha' -H 'csrftoken: x' -b 'p20t=1'",
      'NOT_BINANCE_REQUEST',
    ],
    [
      'plain http',
      "curl 'http://www.binance.com/bapi/x' -H 'csrftoken: x' -b 'p20t=1'",
      'NOT_BINANCE_REQUEST',
    ],
    [
      'no cookie',
      "curl 'https://www.binance.com/bapi/x' -H 'csrftoken: 0123456789abcdef'",
      'NO_COOKIE',
    ],
    [
      'a bash paste cut before its -b line',
      "curl 'https://www.binance.com/bapi/x' \\\n  -H 'csrftoken: 0123456789abcdef' \\",
      'INCOMPLETE_CURL',
    ],
    [
      'a cmd paste cut before its -b line',
      'curl ^"https://www.binance.com/bapi/x^" ^\n  -H ^"csrftoken: 0123456789abcdef^" ^',
      'INCOMPLETE_CURL',
    ],
    [
      'a cookie file, not cookies',
      "curl 'https://www.binance.com/bapi/x' -H 'csrftoken: 0123' -b cookies.txt",
      'NO_COOKIE',
    ],
    ['no csrftoken', "curl 'https://www.binance.com/bapi/x' -b 'p20t=1; cr00=2'", 'NO_CSRFTOKEN'],
    [
      'an empty csrftoken',
      "curl 'https://www.binance.com/bapi/x' -H 'csrftoken: ' -b 'p20t=1'",
      'NO_CSRFTOKEN',
    ],
    [
      'a csrftoken an editor changed',
      "curl 'https://www.binance.com/bapi/x' -H 'csrftoken: c0ffee\u2026' -b 'p20t=1'",
      'UNSENDABLE_CHARACTER',
    ],
    [
      'a cookie with an emoji',
      "curl 'https://www.binance.com/bapi/x' -H 'csrftoken: c0ffee' -b 'p20t=1\u{1F600}'",
      'UNSENDABLE_CHARACTER',
    ],
  ];
  for (const [label, text, code] of cases) {
    it(`${label} → ${code}`, () => {
      let caught: unknown;
      try {
        parseCurl(text);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CurlImportError);
      expect((caught as CurlImportError).code).toBe(code);
    });
  }

  it('never puts a header or cookie value in an error message', () => {
    const text = "curl 'https://www.binance.com/bapi/x' -b 'p20t=SENTINELCOOKIE1234'";
    expect(() => parseCurl(text)).toThrowError(/csrftoken/);
    try {
      parseCurl(text);
    } catch (error) {
      expect((error as Error).message).not.toContain('SENTINELCOOKIE1234');
    }
  });
});
