import { describe, expect, it } from 'vitest';
import { findEnglishSentence } from '../../../test/fakes/english-sentence.ts';
import { ACCOUNT_STOP_CODES, accountStopAdvice } from './account-stop.ts';

describe('what to do after a strategy stopped the account', () => {
  it('one sentence per code, for the app and the CLI, in both languages', () => {
    for (const code of [...ACCOUNT_STOP_CODES, 'SESSION_EXPIRED']) {
      for (const surface of ['app', 'cli'] as const) {
        const zh = accountStopAdvice('zh-CN', code, surface);
        expect(findEnglishSentence(zh), zh).toBeNull();
        expect(accountStopAdvice('en', code, surface).length).toBeGreaterThan(20);
      }
    }
  });

  it('names what to change where the person is: the panel’s amount, the CLI’s --amount', () => {
    expect(accountStopAdvice('en', 'INSUFFICIENT_BALANCE')).toBe(
      'The funding wallet cannot pay the next buy (481020 insufficient balance). Add USDT to the funding wallet or lower the amount per trade, then start the strategy again. Nothing was retried.',
    );
    expect(accountStopAdvice('en', 'INSUFFICIENT_BALANCE', 'cli')).toMatch(
      /lower --amount, then run again\.$/,
    );
    expect(accountStopAdvice('zh-CN', 'RISK_CHALLENGE', 'cli')).toMatch(/然后重新运行。$/);
    expect(accountStopAdvice('en', 'SESSION_EXPIRED')).toMatch(/re-import the session/);
  });
});
