import { describe, expect, it } from 'vitest';
import { detectCurlFlavour, tokenizeCurl } from './curl-tokenize.ts';
import { escapePosix, escapeWin } from './testing/curl-samples.ts';

const awkward = [
  'plain',
  'with space',
  '{"note":"it\'s 100% done!"}',
  'sec-ch-ua: "Not)A;Brand";v="8", "Chromium";v="138"',
  'line one\nline two',
  'percent %PATH% and %^ and ^caret',
  'amp & pipe | lt < gt >',
  'tab\there',
  'unicode 币安 ✓',
  '',
];

describe('tokenizeCurl', () => {
  it('undoes Chromium bash escaping exactly', () => {
    for (const value of awkward) {
      expect(
        tokenizeCurl(`curl ${escapePosix(value)} \\\n  -H ${escapePosix(value)}`, 'bash'),
      ).toEqual(['curl', value, '-H', value]);
    }
  });

  it('undoes Chromium cmd escaping exactly', () => {
    for (const value of awkward) {
      expect(tokenizeCurl(`curl ${escapeWin(value)} ^\n  -H ${escapeWin(value)}`, 'cmd')).toEqual([
        'curl',
        value,
        '-H',
        value,
      ]);
    }
  });

  it('reads bash double quotes, backslash escapes and ANSI-C escapes', () => {
    expect(tokenizeCurl(`curl "a \\"b\\" \\$c" d\\ e $'\\x41\\101\\u00e9\\n'`, 'bash')).toEqual([
      'curl',
      'a "b" $c',
      'd e',
      'A' + 'A' + 'é\n',
    ]);
  });

  it('reads hand-written cmd quoting: "..." with \\" and ""', () => {
    expect(tokenizeCurl('curl "a \\"b\\"" "c ""d"""', 'cmd')).toEqual(['curl', 'a "b"', 'c "d"']);
  });

  it('detects the flavour from carets', () => {
    expect(detectCurlFlavour('curl ^"https://x^" ^\n  -H ^"a: b^"')).toBe('cmd');
    expect(detectCurlFlavour("curl 'https://x' \\\n  -H 'a: b'")).toBe('bash');
  });
});
