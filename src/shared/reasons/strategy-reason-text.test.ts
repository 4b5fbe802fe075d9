import { describe, expect, it } from 'vitest';
import { findEnglishSentence } from '../../../test/fakes/english-sentence.ts';
import { LANGS } from '../i18n/lang.ts';
import {
  isStrategyReason,
  OWN_STRATEGY_REASON_CODES,
  type OwnStrategyReasonCode,
  type StrategyReason,
  type StrategyReasonOf,
} from './strategy-reason.ts';
import { describeStrategyReason } from './strategy-reason-text.ts';

const network: StrategyReason = {
  code: 'NETWORK',
  baseUrl: 'https://www.binance.com',
  detail: 'getaddrinfo ENOTFOUND',
};

/** One reason of every own code, all parameters set (the Record makes a new code fail here). */
const SAMPLES: { [C in OwnStrategyReasonCode]: StrategyReasonOf<C> } = {
  MAX_WEAR_TRADE: { code: 'MAX_WEAR_TRADE', trade: 1, wearBps: '12.34', maxWearBps: '0' },
  MAX_WEAR_RUN: { code: 'MAX_WEAR_RUN', wearBps: '5.10', maxWearBps: '5' },
  PRICE_MOVED: {
    code: 'PRICE_MOVED',
    trade: 4,
    movedPct: '3.10',
    before: '100',
    after: '96.9',
    maxMovePct: '3',
  },
  MAX_LOSS: { code: 'MAX_LOSS', costUsdt: '0.1000', maxLossUsdt: '0.05' },
  TOO_MANY_FAILURES: {
    code: 'TOO_MANY_FAILURES',
    failures: 3,
    last: { code: 'PLACE_FAILED', cause: network },
  },
  STREAM_STOPPED: { code: 'STREAM_STOPPED', cause: { code: 'PONG_TIMEOUT', timeoutMs: 20000 } },
  STREAM_FAILED_BEFORE_START: {
    code: 'STREAM_FAILED_BEFORE_START',
    cause: { code: 'SESSION_EXPIRED' },
  },
  PLACE_FAILED: { code: 'PLACE_FAILED', cause: network },
  WORKING_TIMEOUT: { code: 'WORKING_TIMEOUT', orderId: '1001' },
  CANCEL_UNCONFIRMED: { code: 'CANCEL_UNCONFIRMED', orderId: '1001' },
  WORKING_ENDED: { code: 'WORKING_ENDED', orderId: '1001', status: 'EXPIRED' },
  PENDING_ENDED: { code: 'PENDING_ENDED', orderId: '1002', status: 'CANCELED' },
  TOKEN_NOT_FOUND: { code: 'TOKEN_NOT_FOUND', token: 'KOGE', chain: 'ETH', listedOn: 'BSC' },
  TOKEN_AMBIGUOUS: {
    code: 'TOKEN_AMBIGUOUS',
    token: 'KOGE',
    chain: 'BSC',
    count: 2,
    candidates: 'ALPHA_22 (KOGE, 0xe6df); ALPHA_99 (Koge Two, 0x1234)',
  },
  TOKEN_OFFLINE: { code: 'TOKEN_OFFLINE', token: 'KOGE', alphaId: 'ALPHA_22' },
  TOKEN_SELL_SUSPENDED: { code: 'TOKEN_SELL_SUSPENDED', token: 'KOGE', alphaId: 'ALPHA_22' },
  SYMBOL_NOT_TRADING: { code: 'SYMBOL_NOT_TRADING', symbol: 'ALPHA_22USDT', status: 'BREAK' },
  FILTER_VIOLATION: {
    code: 'FILTER_VIOLATION',
    symbol: 'ALPHA_22USDT',
    amountUsdt: '10',
    price: '48.01',
    problems: [
      { rule: 'PRICE_ZERO', leg: 'buy', price: '0', tickSize: '0.01' },
      { rule: 'PRICE_ZERO', leg: 'sell', price: '0', tickSize: null },
      { rule: 'PRICE_BELOW_MIN', leg: 'buy', price: '0.001', limit: '0.01' },
      { rule: 'PRICE_ABOVE_MAX', leg: 'sell', price: '1001', limit: '1000' },
      { rule: 'QUANTITY_ZERO', stepSize: '0.01' },
      { rule: 'QUANTITY_BELOW_MIN', quantity: '0.01', limit: '0.1' },
      { rule: 'QUANTITY_ABOVE_MAX', quantity: '20000', limit: '19909' },
      { rule: 'NOTIONAL_BELOW_MIN', notionalUsdt: '0.5', limit: '1' },
      { rule: 'NOTIONAL_ABOVE_MAX', notionalUsdt: '1000001', limit: '1000000' },
      { rule: 'PRICE_ABOVE_MARKET', multiplier: '5' },
      { rule: 'PRICE_BELOW_MARKET', multiplier: '0.2' },
    ],
  },
  INVALID_PARAMS: {
    code: 'INVALID_PARAMS',
    param: 'buy-offset',
    problem: 'out-of-range',
    value: '120',
    range: '-100 < x < 100 (%)',
  },
  TOO_MANY_TRADES: { code: 'TOO_MANY_TRADES', trades: 12000, amountUsdt: '1', maxTrades: 10000 },
  POINTS_UNAVAILABLE: { code: 'POINTS_UNAVAILABLE' },
};

/** The same codes with only the required parameters, and engine reasons among them. */
const BARE: StrategyReason[] = [
  { code: 'TOKEN_NOT_FOUND', token: 'NOPE', chain: 'BSC' },
  { code: 'SYMBOL_NOT_TRADING', symbol: 'ALPHA_22USDT' },
  { code: 'FILTER_VIOLATION', symbol: 'ALPHA_22USDT', amountUsdt: '10', price: '1' },
  { code: 'INVALID_PARAMS', param: 'amount', problem: 'not-positive', value: '0' },
  { code: 'STREAM_FAILED_BEFORE_START' },
  ...(['not-a-number', 'negative', 'not-whole'] as const).map((problem): StrategyReason => ({
    code: 'INVALID_PARAMS',
    param: 'points',
    problem,
    value: 'x',
  })),
  { code: 'VERIFICATION_REQUIRED' },
  { code: 'BUSINESS_ERROR', apiCode: '481020', apiMessage: 'Insufficient balance' },
  { code: 'UNEXPECTED_REPLY', path: 'aggTicker24', field: 'KOGE.price' },
];

describe('describeStrategyReason', () => {
  it('has a sample for every own code, and each is a strategy reason', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...OWN_STRATEGY_REASON_CODES].sort());
    for (const sample of [...Object.values(SAMPLES), ...BARE])
      expect(isStrategyReason(sample)).toBe(true);
    expect(isStrategyReason({ code: 'NOT_A_CODE' })).toBe(false);
  });

  it.each(LANGS)('says every reason in %s, with its parameters', (lang) => {
    for (const reason of [...Object.values(SAMPLES), ...BARE]) {
      const text = describeStrategyReason(lang, reason);
      expect(text, reason.code).not.toMatch(/undefined|\[object|NaN/);
      expect(text.length, reason.code).toBeGreaterThan(3);
    }
    const wear = describeStrategyReason(lang, SAMPLES.MAX_WEAR_TRADE);
    expect(wear).toContain('12.34');
    expect(wear).toContain('0 bps');
    expect(describeStrategyReason(lang, SAMPLES.PRICE_MOVED)).toContain('100 → 96.9');
  });

  it('reads in English as the engine used to say it', () => {
    expect(describeStrategyReason('en', SAMPLES.MAX_WEAR_TRADE)).toBe(
      'trade 1 wore 12.34 bps, above the limit of 0 bps',
    );
    expect(describeStrategyReason('en', SAMPLES.TOO_MANY_FAILURES)).toBe(
      '3 failed trades in a row; last: placing the order failed: Cannot reach https://www.binance.com (getaddrinfo ENOTFOUND)',
    );
  });

  it('says no English sentence in zh-CN (outside text stays, quoted), nested reasons included', () => {
    for (const reason of [...Object.values(SAMPLES), ...BARE]) {
      const text = describeStrategyReason('zh-CN', reason);
      expect(findEnglishSentence(text), `${reason.code}: ${text}`).toBeNull();
      expect(text, reason.code).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(describeStrategyReason('zh-CN', SAMPLES.MAX_WEAR_TRADE)).toBe(
      '第 1 笔磨损 12.34 bps，超过上限 0 bps',
    );
    expect(describeStrategyReason('zh-CN', SAMPLES.TOO_MANY_FAILURES)).toBe(
      '连续 3 笔交易失败；最后一次：下单失败：无法连接 https://www.binance.com（“getaddrinfo ENOTFOUND”）',
    );
  });
});
