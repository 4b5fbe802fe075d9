import { describe, expect, it } from 'vitest';
import type { Reason } from '../../../shared/reasons/reason.ts';
import { describeReasonAt, sessionExpiredMessage } from './watch-messages.ts';

describe('sessionExpiredMessage', () => {
  it('for Binance: log in on binance.com again and re-add the account', () => {
    const text = sessionExpiredMessage('en', 'https://www.binance.com');
    expect(text).toContain('Binance rejected the session');
    expect(text).toContain('accounts add');
  });

  it.each(['http://127.0.0.1:8787', 'http://localhost:8787'])(
    'for a simulator on this machine (%s): says it is the simulator and how to keep its credentials',
    (url) => {
      for (const lang of ['en', 'zh-CN'] as const) {
        const text = sessionExpiredMessage(lang, url);
        expect(text).toContain(url);
        expect(text).toContain('--write-credentials');
        expect(text).not.toContain('binance.com');
      }
    },
  );
});

describe('describeReasonAt (the status line)', () => {
  const expired: Reason = { code: 'SESSION_EXPIRED' };
  const rejected: Reason = {
    code: 'BUSINESS_ERROR',
    apiCode: '100002001',
    apiMessage: 'login expired',
  };

  it("for Binance: the engine's reason in the user's language", () => {
    expect(describeReasonAt('en', rejected, 'https://www.binance.com')).toBe(
      'Binance rejected the request (100002001: login expired)',
    );
    expect(describeReasonAt('zh-CN', rejected, 'https://www.binance.com')).toBe(
      '币安拒绝了请求（100002001：“login expired”）',
    );
    expect(describeReasonAt('en', expired, null)).toBe(
      'The Binance session has expired (100002001). Log in again and re-import the session.',
    );
  });

  it('for a simulator on this machine: names the simulator and its address, never Binance', () => {
    const url = 'http://127.0.0.1:8787';
    expect(describeReasonAt('en', expired, url)).toBe(
      `The simulator at ${url} does not accept this session (100002001).`,
    );
    expect(describeReasonAt('en', rejected, url)).toBe(
      `The simulator at ${url} rejected the request (100002001: login expired)`,
    );
    for (const reason of [expired, rejected]) {
      const zh = describeReasonAt('zh-CN', reason, url);
      expect(zh).toContain(`${url} 上的模拟器`);
      expect(zh).toContain('100002001');
      expect(zh).not.toMatch(/币安|Binance/);
    }
  });

  it('other reasons are left to the usual translation', () => {
    expect(
      describeReasonAt(
        'zh-CN',
        { code: 'CONNECT_TIMEOUT', timeoutMs: 30000 },
        'http://127.0.0.1:8787',
      ),
    ).toBe('30000 毫秒内未能建立连接');
  });
});
