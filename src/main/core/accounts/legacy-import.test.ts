import { describe, expect, it } from 'vitest';
import { LegacyExportError, parseLegacyExport } from './legacy-import.ts';

const headersObject = {
  'User-Agent': 'BNC/2.90 (iPhone; iOS 17)',
  clienttype: 'ios',
  csrftoken: 'c5f0d0c0ffee00112233445566778899',
  'x-seccheck-token': 'seccheck-fake',
  'Content-Length': '2',
  Origin: 'https://www.binance.com',
  ':authority': 'www.binance.com',
};

describe("parseLegacyExport (the original project's users table)", () => {
  it('reads headers as a JSON string and cookies as "k=v; ..." (the SQLite columns)', () => {
    const text = JSON.stringify([
      {
        id: 1,
        name: 'Alice',
        email: 'a@example.com',
        headers: JSON.stringify(headersObject),
        cookies: 'p20t=a; cr00=b',
        is_valid: 1,
      },
    ]);
    const { accounts, problems } = parseLegacyExport(text);
    expect(problems).toEqual([]);
    expect(accounts).toEqual([
      {
        id: '1',
        name: 'Alice',
        credentials: {
          headers: {
            'user-agent': 'BNC/2.90 (iPhone; iOS 17)',
            clienttype: 'ios',
            csrftoken: 'c5f0d0c0ffee00112233445566778899',
            'x-seccheck-token': 'seccheck-fake',
          },
          cookies: 'p20t=a; cr00=b',
        },
      },
    ]);
  });

  it('reads headers and cookies as objects (P HEAD), and {users: [...]} wrappers', () => {
    const text = JSON.stringify({
      users: [{ id: '7', name: null, headers: headersObject, cookies: { p20t: 'a', r30t: 'b' } }],
    });
    const { accounts } = parseLegacyExport(text);
    expect(accounts[0]!.id).toBe('7');
    expect(accounts[0]!.name).toBe('7');
    expect(accounts[0]!.credentials.cookies).toBe('p20t=a; r30t=b');
  });

  it('takes cookies from a cookie header when the cookies column is empty', () => {
    const text = JSON.stringify([
      { id: 2, name: 'B', headers: { ...headersObject, cookie: 'p20t=z' }, cookies: null },
    ]);
    expect(parseLegacyExport(text).accounts[0]!.credentials).toMatchObject({ cookies: 'p20t=z' });
    expect(parseLegacyExport(text).accounts[0]!.credentials.headers.cookie).toBeUndefined();
  });

  it('skips bad rows with a reason and keeps the good ones', () => {
    const good = { headers: headersObject, cookies: 'p20t=a' };
    const text = JSON.stringify([
      { id: 1, name: 'ok', ...good },
      { id: 'a b', ...good },
      { id: 3, headers: '{not json', cookies: 'p20t=a' },
      { id: 4, headers: headersObject, cookies: 42 },
      { id: 5, headers: headersObject, cookies: '' },
      { id: 6, headers: { clienttype: 'web' }, cookies: 'p20t=a' },
      { id: 1, name: 'again', ...good },
      'junk',
    ]);
    const { accounts, problems } = parseLegacyExport(text);
    expect(accounts.map((a) => a.id)).toEqual(['1']);
    expect(problems).toEqual([
      { index: 1, code: 'BAD_ID' },
      { index: 2, id: '3', code: 'BAD_HEADERS' },
      { index: 3, id: '4', code: 'BAD_COOKIES' },
      { index: 4, id: '5', code: 'NO_COOKIE' },
      { index: 5, id: '6', code: 'NO_CSRFTOKEN' },
      { index: 6, id: '1', code: 'DUPLICATE_ID' },
      { index: 7, code: 'BAD_ID' },
    ]);
    expect(JSON.stringify(problems)).not.toContain('c5f0d0c0ffee');
  });

  it('skips a row whose header or cookie has a character no browser sends, without echoing it', () => {
    const text = JSON.stringify([
      { id: 1, headers: headersObject, cookies: 'p20t=secret\u2019cookie' },
      {
        id: 2,
        headers: { ...headersObject, 'user-agent': 'Mozilla\u00a0\u2014 5.0' },
        cookies: 'p20t=a',
      },
      { id: 3, headers: headersObject, cookies: 'p20t=caf\u00e9' },
    ]);
    const { accounts, problems } = parseLegacyExport(text);
    expect(problems).toEqual([
      { index: 0, id: '1', code: 'UNSENDABLE_CHARACTER' },
      { index: 1, id: '2', code: 'UNSENDABLE_CHARACTER' },
    ]);
    // Latin-1 can be sent, so it is left alone.
    expect(accounts.map((a) => a.id)).toEqual(['3']);
    expect(JSON.stringify(problems)).not.toContain('secret');
  });

  it('refuses a file that is not an export', () => {
    expect(() => parseLegacyExport('nope')).toThrowError(LegacyExportError);
    expect(() => parseLegacyExport('{"a":1}')).toThrowError(/array/);
  });
});
