import { describe, expect, it } from 'vitest';
import type { OrderUpdate } from '../../../shared/domain/order-update.ts';
import type { MonitorStatistics, OrderUpdateEvent } from '../../core/monitor/index.ts';
import { createHumanOutput } from './watch-output.ts';

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
  listenKeyRefreshes: 0,
  connectionEvents: 1,
  reconcileErrors: 0,
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
        accepted: true,
        outcome: 'applied',
      } satisfies OrderUpdateEvent,
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
