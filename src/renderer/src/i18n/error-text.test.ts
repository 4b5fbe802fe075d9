import { describe, expect, it } from 'vitest';
import { findEnglishSentence } from '../../../../test/fakes/english-sentence.ts';
import {
  APP_ERROR_CODES,
  type AppErrorCode,
  type AppErrorParams,
} from '../../../shared/ipc/error-codes.ts';
import { describeError, hintOf } from './error-text.ts';
import { messagesFor } from './i18n.tsx';

/** One example per code, typed by the map: a new code without an example does not compile. */
const EXAMPLES: { [C in AppErrorCode]: AppErrorParams<C> } = {
  INVALID_REQUEST: { channel: 'addAccountFromCurl' },
  UNKNOWN_CHANNEL: { channel: 'noSuchChannel' },
  FORBIDDEN: {},
  DISCONNECTED: {},
  INTERNAL: { channel: 'listAccounts' },
  STARTING: {},
  SHUTTING_DOWN: {},
  HOST_TOKEN_MISSING: {},
  INVALID_ACCOUNT_ID: { accountId: 'a b' },
  ACCOUNT_NOT_FOUND: { accountId: 'main-2' },
  CREDENTIALS_MISSING: { accountId: 'main' },
  CREDENTIALS_CORRUPT: { accountId: 'main' },
  ACCOUNTS_FILE_CORRUPT: {},
  ACCOUNTS_FILE_WRITE_FAILED: {},
  ACCOUNT_EXISTS: { accountId: 'main' },
  ACCOUNTS_LOCKED: {},
  NOT_REIMPORTABLE: {},
  REJECTED: {},
  UNREACHABLE: {},
  INVALID_ENDPOINT: { kind: 'ws', reason: 'plain-to-remote' },
  CURL_PARSE_ERROR: {},
  EMPTY_INPUT: {},
  NOT_CURL: {},
  MALFORMED_CURL: {},
  NOT_BINANCE_REQUEST: { detail: 'https://example.com' },
  NO_COOKIE: {},
  INCOMPLETE_CURL: {},
  NO_CSRFTOKEN: {},
  UNSENDABLE_CHARACTER: { detail: 'a header name' },
  MISSING_SESSION_COOKIES: { names: 'r20t, r30t' },
  MISSING_SESSION_HEADERS: { names: 'bnc-uuid, device-info' },
  CSRF_MISMATCH: {},
  SECRET_STORE_UNAVAILABLE: {},
  SECRET_STORE_FAILED: {},
  DISK_FULL: { path: '/home/me/.alpha-monitor/accounts.json' },
  FILE_WRITE_FAILED: { path: '/home/me/.alpha-monitor/alerts.json', osCode: 'EACCES' },
  ALERT_SETTINGS_INVALID: { path: '/home/me/.alpha-monitor/alerts.json', problem: 'not JSON' },
  EXPORT_FAILED: {},
  ENOSPC: {},
  NOT_A_DECIMAL: { text: '1,5' },
  SESSION_LIVE: {},
  SESSION_NOT_FOUND: {},
  STREAM_NOT_LIVE: { ending: 'timed-out', timeoutMs: 30000 },
  STOPPED: { ending: 'cancelled' },
  POINTS_NOT_RUNNING: {},
  POINTS_READ_FAILED: {},
  REFUSED: {},
  WEBHOOK_URL_MISSING: {},
  TELEGRAM_CHAT_MISSING: {},
  TELEGRAM_TOKEN_MISSING: {},
  AUTH_REJECTED: {},
  STRATEGY_ALREADY_RUNNING: {},
  STRATEGY_FAILED: {},
};

describe('describeError (app errors said by code and params)', () => {
  it.each(APP_ERROR_CODES)('%s has a Chinese sentence with no English in it', (code) => {
    const zh = describeError('zh-CN', { code, params: EXAMPLES[code] });
    const en = describeError('en', { code, params: EXAMPLES[code] });
    expect(findEnglishSentence(zh)).toBeNull();
    expect(zh).not.toBe(en);
    expect(zh).not.toContain('undefined');
    expect(en).not.toContain('undefined');
  });

  it('fills the sentence from the params, never from the English message', () => {
    const error = {
      code: 'ACCOUNT_NOT_FOUND',
      params: { accountId: 'main-2' },
      message: 'No account "main-2".',
    };
    expect(describeError('zh-CN', error)).toBe('没有账户 “main-2”。');
    expect(describeError('en', error)).toBe('There is no account “main-2”.');
    expect(
      describeError('zh-CN', { code: 'MISSING_SESSION_COOKIES', params: { names: 'r20t, r30t' } }),
    ).toContain('r20t, r30t');
  });

  it('says an engine reason with its params (the shared reason tables)', () => {
    expect(describeError('zh-CN', { code: 'SESSION_EXPIRED', params: {} })).toBe(
      '币安会话已失效（100002001）。请重新登录并重新导入会话。',
    );
    const network = { code: 'NETWORK', params: { baseUrl: 'http://127.0.0.1:9' } };
    expect(describeError('zh-CN', network)).toBe('无法连接 http://127.0.0.1:9');
    expect(describeError('en', network)).toBe('Cannot reach http://127.0.0.1:9');
  });

  it('says a strategy error by its reason (the strategy reason tables)', () => {
    const error = { code: 'TOKEN_NOT_FOUND', params: { token: 'KOGE', chain: 'BSC' } };
    const zh = describeError('zh-CN', error);
    expect(zh).toContain('KOGE');
    expect(findEnglishSentence(zh)).toBeNull();
    expect(describeError('en', error)).toContain('KOGE');
  });

  it('names a code no table knows instead of showing its English message', () => {
    const error = { code: 'EACCES', params: {}, message: 'permission denied, open /x' };
    expect(describeError('zh-CN', error)).toBe('操作失败：没有权限（EACCES）。');
    expect(describeError('en', error)).toBe('The operation failed: permission denied (EACCES).');
    // A code no table knows still names itself, and nothing from the prototype is taken.
    expect(describeError('en', { code: 'EXYZ' })).toBe('The operation failed (EXYZ).');
    expect(describeError('zh-CN', { code: 'toString' })).toBe('操作失败（toString）。');
  });

  it('is what the message tables use (t.errorText)', () => {
    const error = { code: 'NOT_CURL', params: {} };
    expect(messagesFor('zh-CN').errorText(error)).toBe('这不是 cURL 命令。');
    expect(messagesFor('en').errorText(error)).toBe('This is not a cURL command.');
  });
});

describe('what-to-do hints', () => {
  it.each(['en', 'zh-CN'] as const)(
    '%s: a known code gets its hint, any other string the default',
    (lang) => {
      const hints = messagesFor(lang).errorHint;
      expect(hintOf(hints, 'SESSION_EXPIRED')).toBe(hints.SESSION_EXPIRED);
      expect(hintOf(hints, 'SESSION_EXPIRED')).not.toBe(hints.default);
      // An operating system's code, or a name every object has, is not a hint.
      for (const code of ['EACCES', 'constructor', 'toString', '__proto__'])
        expect(hintOf(hints, code)).toBe(hints.default);
    },
  );
});
