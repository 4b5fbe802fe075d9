import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findEnglishSentence } from '../../../../test/fakes/english-sentence.ts';
import type {
  StrategyProgressView,
  StrategyRunError,
  StrategyStatus,
} from '../../../shared/ipc/views-app.ts';
import type { IpcError } from '../../../shared/ipc/result.ts';
import { I18nProvider, UI_LANGS, messagesFor, type UiLang } from '../i18n/i18n.tsx';
import { StrategyEstimate } from './strategy-estimate.tsx';
import { StrategyProgress } from './strategy-progress.tsx';

/** One status of every code (the Record makes a new code fail typecheck here). */
const STATUSES: { [C in StrategyStatus['code']]: Extract<StrategyStatus, { code: C }> } = {
  WAITING_FOR_STREAM: { code: 'WAITING_FOR_STREAM' },
  PREPARING: { code: 'PREPARING' },
  TRADE_PLACED: { code: 'TRADE_PLACED', trade: 2 },
  TRADE_FAILED: {
    code: 'TRADE_FAILED',
    trade: 3,
    reason: { code: 'WORKING_TIMEOUT', orderId: '51481849' },
  },
  LEG_TIMEOUT: { code: 'LEG_TIMEOUT', trade: 3, leg: 'working' },
  TARGET_REACHED: { code: 'TARGET_REACHED', trades: 4 },
  DRY_RUN: { code: 'DRY_RUN' },
  STOPPED: { code: 'STOPPED' },
  STOPPED_BEFORE_FIRST_ORDER: { code: 'STOPPED_BEFORE_FIRST_ORDER' },
  FAILED: { code: 'FAILED' },
};

const view = (patch: Partial<StrategyProgressView>): StrategyProgressView => ({
  accountId: 'demo',
  runId: 'run-1',
  state: 'running',
  targetVolumeUsdt: '100',
  doneVolumeUsdt: '20.5',
  trades: 2,
  fills: 4,
  feesUsdt: '0.004',
  costUsdt: '0.01',
  wearUsdt: '0.0149',
  wearBps: '4.9',
  points: 6,
  costPerPoint: null,
  targetPoints: null,
  placedOrderIds: [],
  status: { code: 'PREPARING' },
  error: null,
  ...patch,
});

const failed = (error: StrategyRunError) =>
  view({ state: 'failed', status: { code: 'FAILED' }, error });

const WEAR: StrategyRunError = {
  code: 'MAX_WEAR_TRADE',
  reason: { code: 'MAX_WEAR_TRADE', trade: 1, wearBps: '12.34', maxWearBps: '0' },
  message: 'trade 1 wore 12.34 bps, above the limit of 0 bps',
};

/** What the page shows, as text (tags dropped). */
function shown(lang: UiLang, element: ReactNode): string {
  const html = renderToStaticMarkup(createElement(I18nProvider, { lang, children: element }));
  return html
    .replace(/<[^>]+>/g, '\n')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

const progressOf = (lang: UiLang, p: StrategyProgressView) =>
  shown(lang, createElement(StrategyProgress, { progress: p }));

function expectNoEnglish(text: string): void {
  for (const line of text.split('\n')) expect(findEnglishSentence(line), line).toBeNull();
}

describe('the strategy panel in both languages', () => {
  it.each(UI_LANGS)('says every status line in %s', (lang) => {
    const t = messagesFor(lang);
    for (const status of Object.values(STATUSES)) {
      const text = t.strategyStatus(status);
      expect(text, status.code).not.toMatch(/undefined|\[object/);
      if (lang === 'zh-CN') expect(findEnglishSentence(text), text).toBeNull();
    }
    expect(t.strategyStatus(STATUSES.TRADE_FAILED)).toContain('51481849');
  });

  it('a run stopped at its wear limit says why in the UI language, English text never leaks', () => {
    const zh = progressOf('zh-CN', failed(WEAR));
    expect(zh).toContain('已停止：第 1 笔磨损 12.34 bps，超过上限 0 bps。');
    expect(zh).not.toContain(WEAR.message);
    expectNoEnglish(zh);
    expect(progressOf('en', failed(WEAR))).toContain(
      'Stopped: trade 1 wore 12.34 bps, above the limit of 0 bps.',
    );
  });

  it('a run stopped on the account says what to do, from the one advice table', () => {
    const balance: StrategyRunError = {
      code: 'INSUFFICIENT_BALANCE',
      reason: { code: 'BUSINESS_ERROR', apiCode: '481020', apiMessage: 'Insufficient balance' },
      message: 'Binance rejected the request (481020: Insufficient balance)',
    };
    const zh = progressOf('zh-CN', failed(balance));
    expect(zh).toContain(
      '资金账户余额不足以支付下一笔买单（481020 余额不足）。请向资金账户充值 USDT 或调低每笔金额，然后重新启动策略。未做任何重试。',
    );
    expectNoEnglish(zh);
    expect(progressOf('en', failed(balance))).toContain(
      'Add USDT to the funding wallet or lower the amount per trade, then start the strategy again. Nothing was retried.',
    );
  });

  it('nested reasons are said whole: too many failures, the stream lost', () => {
    const failures: StrategyRunError = {
      code: 'TOO_MANY_FAILURES',
      reason: {
        code: 'TOO_MANY_FAILURES',
        failures: 3,
        last: {
          code: 'PLACE_FAILED',
          cause: { code: 'NETWORK', baseUrl: 'https://www.binance.com', detail: 'ECONNRESET' },
        },
      },
      message: 'x',
    };
    const zh = progressOf('zh-CN', failed(failures));
    expect(zh).toContain(
      '连续 3 笔交易失败；最后一次：下单失败：无法连接 https://www.binance.com（“ECONNRESET”）',
    );
    expectNoEnglish(zh);
    const lost = progressOf(
      'zh-CN',
      failed({
        code: 'STREAM_NOT_LIVE',
        reason: { code: 'STREAM_FAILED_BEFORE_START', cause: { code: 'SESSION_EXPIRED' } },
        message: 'x',
      }),
    );
    expect(lost).toContain('第一笔订单之前订单推送已失败：币安会话已失效');
    expectNoEnglish(lost);
  });

  it('a running run shows its latest line in the UI language', () => {
    const zh = progressOf('zh-CN', view({ status: STATUSES.TRADE_FAILED }));
    expect(zh).toContain('第 3 笔失败：买单 51481849 超时未成交，已撤销。');
    expectNoEnglish(zh);
    expect(progressOf('en', view({ status: STATUSES.TRADE_PLACED }))).toContain('Trade 2 placed.');
  });

  it('a leftover sale whose fee was paid in BNB shows that fee in BNB, not as 0 USDT', () => {
    const bnb = [{ asset: 'BNB', amount: '0.00025' }];
    const sold = (feeUsdt: string, unvaluedFees?: typeof bnb) =>
      view({
        state: 'finished',
        status: { code: 'TARGET_REACHED', trades: 2 },
        leftovers: {
          outcome: 'sold',
          quantity: '2',
          quoteUsdt: '40',
          soldQuantity: '2',
          feeUsdt,
          ...(unvaluedFees ? { unvaluedFees } : {}),
          orderId: '7',
          code: null,
        },
      });
    expect(progressOf('en', sold('0.04'))).toContain(
      'Leftovers: sold 2 for 40 USDT, fee 0.04 USDT (#7).',
    );
    expect(progressOf('en', sold('0', bnb))).toContain(
      'Leftovers: sold 2 for 40 USDT, fee 0.00025 BNB (not valued in USDT) (#7).',
    );
    expect(progressOf('en', sold('0.04', bnb))).toContain(
      'Leftovers: sold 2 for 40 USDT, fee 0.04 USDT + 0.00025 BNB (not valued in USDT) (#7).',
    );
    const zh = progressOf('zh-CN', sold('0', bnb));
    expect(zh).toContain(
      '剩余代币：已卖出 2，得 40 USDT，手续费 0.00025 BNB（未折算为 USDT）（#7）。',
    );
    expectNoEnglish(zh);
    expect(progressOf('zh-CN', sold('0.04', bnb))).toContain(
      '手续费 0.04 USDT + 0.00025 BNB（未折算为 USDT）（#7）',
    );
    const partly = view({
      state: 'finished',
      status: { code: 'TARGET_REACHED', trades: 2 },
      leftovers: {
        outcome: 'unsold',
        quantity: '2',
        quoteUsdt: '20',
        soldQuantity: '0.5',
        feeUsdt: '0',
        unvaluedFees: bnb,
        orderId: '7',
        code: 'SELL_TIMEOUT',
      },
    });
    expect(progressOf('en', partly)).toContain(
      'sold 0.5 for 20 USDT, fee 0.00025 BNB (not valued in USDT), then did not fill',
    );
    expect(progressOf('zh-CN', partly)).toContain(
      '手续费 0.00025 BNB（未折算为 USDT），其余未成交',
    );
  });

  it('the estimate’s strategy error is said from its code and params', () => {
    const error: IpcError = {
      code: 'TOKEN_NOT_FOUND',
      params: { token: 'KOGE', chain: 'ETH', listedOn: 'BSC' },
      message: 'No KOGE on chain ETH; it is listed on: BSC',
    };
    const estimate = (lang: UiLang) =>
      shown(lang, createElement(StrategyEstimate, { state: { kind: 'error', error } }));
    const zh = estimate('zh-CN');
    expect(zh).toContain('链 ETH 上没有 KOGE；它在这些链上：“BSC”');
    expectNoEnglish(zh);
    expect(estimate('en')).toContain(error.message);
  });
});
