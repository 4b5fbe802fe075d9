import { describe, expect, it } from 'vitest';
import { sessionExpiredMessage } from './watch-messages.ts';

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
