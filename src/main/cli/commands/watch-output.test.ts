import { describe, expect, it } from 'vitest';
import type { OrderUpdate } from '../../../shared/domain/order-update.ts';
import type { MonitorStatistics, MonitorOrderUpdate } from '../../core/monitor/index.ts';
import { createHumanOutput, createJsonOutput, orderLine } from './watch-output.ts';

const fill = {
  symbol: 'ALPHA_22USDT',
  baseAsset: 'ALPHA_22',
  quoteAsset: 'USDT',
  orderId: '1001',
  clientOrderId: 'web_1',
  side: 'BUY',
  orderType: 'LIMIT',
  status: 'FILLED',
  price: '48.08',
  quantity: '2.3566',
  cumulativeFilledQty: '2.3566',
  commission: '0.00023566',
  commissionAsset: 'ALPHA_22',
} as unknown as OrderUpdate;

const stats: MonitorStatistics = {
  updates: 1,
  byStatus: { FILLED: 1 },
  backfilled: 0,
  orders: 1,
  ordersByStatus: { FILLED: 1 },
  duplicates: 0,
  late: 0,
  fills: 1,
  volumeBySymbol: { ALPHA_22USDT: { fills: 1, base: '2.3566', quote: '113.31983723' } },
  quoteVolumeByAsset: { USDT: '113.31983723' },
  feesByAsset: { ALPHA_22: '0.00023566' },
  malformed: 0,
  otherEvents: 0,
  reconnects: 0,
  gaps: 0,
  listenKeyRefreshes: 0,
  connectionEvents: 1,
  reconcileErrors: 0,
  missedByStream: 0,
  statusUnknown: 0,
  fillsNotRecovered: 0,
};

function statistics(lang: 'en' | 'zh-CN', seenUpdate: boolean): string {
  let text = '';
  const output = createHumanOutput((t) => (text += t), lang);
  if (seenUpdate)
    output.update(
      {
        update: fill,
        source: 'stream',
        receivedAtMs: 0,
        verdict: { outcome: 'applied', reason: 'first-seen', counted: null },
        accepted: true,
        outcome: 'applied',
      } satisfies MonitorOrderUpdate,
      1,
    );
  text = '';
  output.summary(stats);
  return text;
}

describe('watch statistics', () => {
  it('names the assets of the volume, not "base" and "quote"', () => {
    expect(statistics('en', true)).toContain(
      'Volume ALPHA_22USDT: 2.3566 ALPHA_22, 113.31983723 USDT',
    );
    expect(statistics('zh-CN', true)).toContain(
      '成交量 ALPHA_22USDT：2.3566 ALPHA_22，113.31983723 USDT',
    );
  });

  it('splits the symbol when no update named its assets', () => {
    expect(statistics('en', false)).toContain(
      'Volume ALPHA_22USDT: 2.3566 ALPHA_22, 113.31983723 USDT',
    );
  });
});

describe('watch in Chinese', () => {
  it('names the credential source and the disconnect reason in Chinese', () => {
    let text = '';
    const output = createHumanOutput((t) => (text += t), 'zh-CN');
    output.banner({
      accountId: 'demo-1',
      source: 'demo',
      wsUrl: 'ws://127.0.0.1:1/w3w/stream',
      durationS: 0,
    });
    output.state({ name: 'live', sinceMs: 0 }, { maskedKey: 'ff950c2e0d...', reconnects: 0 });
    output.state(
      {
        name: 'reconnecting',
        attempt: 1,
        delayMs: 1000,
        reason: { code: 'SOCKET_CLOSED', closeCode: 1006 },
      },
      { maskedKey: null, reconnects: 0 },
    );
    output.state(
      {
        name: 'failed',
        reason: {
          code: 'RECONNECT_GAVE_UP',
          attempts: 3,
          cause: { code: 'CONNECT_TIMEOUT', timeoutMs: 30000 },
        },
        code: 'MAX_RECONNECTS',
      },
      { maskedKey: null, reconnects: 3 },
    );
    expect(text).toContain('凭据来源：演示模拟器');
    expect(text).toContain('⚠️ 连接断开（连接关闭，代码 1006）；1.0 秒后第 1 次重连');
    expect(text).toContain('❌ 已停止：重连 3 次后放弃（30000 毫秒内未能建立连接）');
    expect(text).not.toMatch(/socket closed|gave up|: demo/);
  });
});

describe('watch: a connection never made is not a connection lost', () => {
  it.each([
    ['en', '⚠️ Could not connect (socket closed', '; attempt 2 in 1.0 s', 'Connection lost'],
    ['zh-CN', '⚠️ 无法连接（连接关闭', '；1.0 秒后进行第 2 次尝试', '连接断开'],
  ] as const)('%s', (lang, notConnected, next, lost) => {
    let text = '';
    const output = createHumanOutput((t) => (text += t), lang);
    const dropped = (attempt: number) =>
      output.state(
        {
          name: 'reconnecting',
          attempt,
          delayMs: 1000,
          reason: { code: 'SOCKET_CLOSED', closeCode: 1006 },
        },
        { maskedKey: null, reconnects: attempt - 1 },
      );
    dropped(1);
    expect(text).toContain(notConnected);
    expect(text).toContain(next);
    expect(text).not.toContain(lost);
    // Once it has been live, a drop is a connection lost.
    output.state({ name: 'live', sinceMs: 0 }, { maskedKey: 'ff950c2e0d...', reconnects: 1 });
    dropped(1);
    expect(text).toContain(lost);
  });
});

describe('watch --json order lines', () => {
  const event = (outcome: MonitorOrderUpdate['outcome']): MonitorOrderUpdate =>
    ({
      update: {
        ...fill,
        executionType: 'TRADE',
        lastFilledQty: '2.3566',
        avgPrice: '48.08',
        cumulativeQuoteQty: '113.31',
        orderListId: '89863105',
        contingencyPosition: 'OTO_WORKING',
        eventId: 7,
        eventTimeMs: 1,
      },
      source: 'backfill',
      receivedAtMs: 0,
      accepted: outcome !== 'duplicate',
      outcome,
    }) as unknown as MonitorOrderUpdate;

  it("carry the order's fields and the source", () => {
    let text = '';
    createJsonOutput((t) => (text += t)).update(event('applied'), 1);
    expect(JSON.parse(text)).toMatchObject({
      type: 'order',
      orderId: '1001',
      symbol: 'ALPHA_22USDT',
      side: 'BUY',
      orderType: 'LIMIT',
      status: 'FILLED',
      price: '48.08',
      quantity: '2.3566',
      executedQty: '2.3566',
      avgPrice: '48.08',
      fee: '0.00023566',
      feeAsset: 'ALPHA_22',
      orderListId: '89863105',
      leg: 'OTO_WORKING',
      source: 'backfill',
    });
    expect(JSON.parse(text)).not.toHaveProperty('late');
  });

  it('mark a late update as late, so a NEW printed after FILLED is not read as current', () => {
    expect(orderLine(event('late'))).toMatchObject({ late: true });
    expect(orderLine(event('duplicate'))).toMatchObject({ duplicate: true });
  });

  it('report what reconciliation found, with codes', () => {
    let text = '';
    createJsonOutput((t) => (text += t)).reconciled({
      trigger: 'clock',
      gapStartMs: 0,
      gapEndMs: 1,
      backfilled: 2,
      missedByStream: 3,
      statusUnknown: ['42'],
      fillsNotRecovered: ['43'],
    });
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { type: 'reconcile', trigger: 'clock', backfilled: 2, missedByStream: 3 },
      { type: 'notice', code: 'STREAM_MISSED_UPDATES', count: 3 },
      { type: 'order-status-unknown', orderId: '42', code: 'NOT_OPEN_ON_EXCHANGE' },
      { type: 'notice', code: 'FILL_NOT_RECOVERED', orderId: '43' },
    ]);
  });

  it('say in both languages that the stream missed updates', () => {
    for (const [lang, expected] of [
      ['en', 'The stream missed 3 update(s); recovered over REST'],
      ['zh-CN', '推送流漏掉了 3 条更新'],
    ] as const) {
      let text = '';
      createHumanOutput((t) => (text += t), lang).reconciled({
        trigger: 'clock',
        gapStartMs: 0,
        gapEndMs: 1,
        backfilled: 3,
        missedByStream: 3,
        statusUnknown: ['42'],
        fillsNotRecovered: [],
      });
      expect(text).toContain(expected);
      expect(text).toContain('42');
    }
  });

  it('say in both languages which order has a lost fill the exchange does not list, and count them at the end', () => {
    for (const [lang, expected, total] of [
      [
        'en',
        'Order 43: a fill the stream lost is not listed by the exchange',
        'does not list (fills, fees and wear may be short): 1',
      ],
      ['zh-CN', '订单 43：推送流丢失的一笔成交', '手续费和磨损可能偏少）：1'],
    ] as const) {
      let text = '';
      const output = createHumanOutput((t) => (text += t), lang);
      output.reconciled({
        trigger: 'clock',
        gapStartMs: 0,
        gapEndMs: 1,
        backfilled: 0,
        missedByStream: 0,
        statusUnknown: [],
        fillsNotRecovered: ['43'],
      });
      expect(text).toContain(expected);
      output.summary({ ...stats, fillsNotRecovered: 1 });
      expect(text).toContain(total);
      text = '';
      output.summary(stats);
      expect(text).not.toContain(total);
    }
  });

  it('print a status Alpha Monitor does not know as Binance sent it, in both languages and in --json', () => {
    const halted = {
      ...fill,
      status: 'UNRECOGNIZED',
      rawStatus: 'HALTED',
      executionType: 'UNRECOGNIZED',
      rawExecutionType: 'AMENDMENT',
    } as OrderUpdate;
    const event = {
      update: halted,
      source: 'stream',
      receivedAtMs: 0,
      verdict: { outcome: 'applied', reason: 'moves-forward', counted: null },
      accepted: true,
      outcome: 'applied',
    } satisfies MonitorOrderUpdate;
    for (const [lang, expected] of [
      ['en', 'HALTED (a status Alpha Monitor does not know'],
      ['zh-CN', 'HALTED（Alpha Monitor 不认识的状态'],
    ] as const) {
      let text = '';
      createHumanOutput((t) => (text += t), lang).update(event, 1);
      expect(text).toContain(expected);
      expect(text).not.toContain('UNRECOGNIZED');
    }
    expect(orderLine(event)).toMatchObject({ status: 'HALTED', executionType: 'AMENDMENT' });
  });
});
