import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, readFixture } from '../../../../../test/fakes/fixture-http-server.ts';
import { AlphaApiError } from '../alpha-api-error.ts';
import { ALPHA_PATHS } from '../alpha-paths.ts';
import { AlphaRestClient } from '../alpha-rest-client.ts';
import type { HttpClient } from '../http-client.ts';

/** An AlphaRestClient whose every request gets `body` back (HTTP 200), in memory. */
function clientAnswering(body: string): AlphaRestClient {
  const http: HttpClient = {
    send: () => Promise.resolve({ status: 200, header: () => null, text: body }),
  };
  return new AlphaRestClient({ baseUrl: 'http://127.0.0.1:1', credentials: null, http });
}

/** The Alpha envelope around a data-only capture, keeping the capture's own number text. */
function envelope(dataJson: string): string {
  return `{"code":"000000","message":null,"messageDetail":null,"data":${dataJson},"success":true}`;
}

const CAP = 'rest/capture-2026-05-21/';
const oto = {
  baseAsset: 'ALPHA_22',
  quoteAsset: 'USDT',
  workingSide: 'BUY',
  workingPrice: '1',
  workingQuantity: '1',
  pendingPrice: '1',
} as const;
const limit = {
  baseAsset: 'A',
  quoteAsset: 'USDT',
  side: 'BUY',
  price: '1',
  quantity: '1',
} as const;

/**
 * Every captured REST reply (fixtures/rest), read by the client method of its endpoint: the
 * body as captured, or the capture wrapped in the envelope when the source kept only `data`.
 */
const CAPTURED: Record<string, (body: string) => Promise<unknown>> = {
  'rest/agg-ticker24.trimmed-2-tokens.json': async (body) => {
    const items = await clientAnswering(body).getAggTicker24();
    expect(items.map((t) => [t.symbol, t.alphaId, t.mulPoint])).toEqual([
      ['LIGHT', 'ALPHA_396', 4],
      ['AIXBT', expect.any(String), expect.any(Number)],
    ]);
    expect(items[0]!.price).toBe('0.92207942985659043632');
  },
  'rest/agg-ticker24.earlier-capture.trimmed-2-tokens.json': async (body) => {
    expect(await clientAnswering(body).getAggTicker24()).toHaveLength(2);
  },
  'rest/agg-ticker24.entries.KOGE-ALEO-AOP.json': async (body) => {
    const items = await clientAnswering(envelope(body)).getAggTicker24();
    expect(items.map((t) => t.alphaId)).toEqual(['ALPHA_22', 'ALPHA_373', 'ALPHA_382']);
    // Fields we do not name pass through as captured.
    expect(items[0]!.volume24h).toBe('1737226399.213883979447296227163');
  },
  'rest/agg-ticker24.AOP-mulPoint-changed.json': async (body) => {
    const items = Object.values(JSON.parse(body) as Record<string, unknown>);
    const read = await clientAnswering(envelope(JSON.stringify(items))).getAggTicker24();
    expect(read.map((t) => t.mulPoint)).toEqual([1, 4]);
  },
  'rest/alpha-wallet.cloud-wallet.json': async (body) => {
    const wallet = await clientAnswering(body).getAlphaWallet();
    expect(wallet.totalValuation).toBe('47.52828923');
    expect(wallet.list[0]).toMatchObject({ tokenId: 'ALPHA_118', free: '0.006657' });
  },
  'rest/exchange-info.symbols.ALPHA_22USDT-ALPHA_373USDT.json': async (body) => {
    const info = await clientAnswering(envelope(`{"symbols":${body}}`)).getExchangeInfo();
    expect(info.symbols[0]!.filters.find((f) => f.filterType === 'LOT_SIZE')).toMatchObject({
      stepSize: '0.00010000',
      tickSize: null,
    });
  },
  [`${CAP}exchange-info.symbol.ALPHA_971USDT.trimmed-by-source.json`]: async (body) => {
    const info = await clientAnswering(envelope(`{"symbols":[${body}]}`)).getExchangeInfo();
    expect(info.symbols[0]).toMatchObject({ symbol: 'ALPHA_971USDT', pricePrecision: 9 });
  },
  'rest/oto-place.ALPHA_22.response.json': async (body) => {
    expect(await clientAnswering(body).placeOtoOrder(oto)).toEqual({
      workingOrderId: '176849327',
      pendingOrderId: '176849328',
    });
  },
  'rest/oto-place.ALPHA_373.response.json': async (body) => {
    expect(await clientAnswering(body).placeOtoOrder(oto)).toEqual({
      workingOrderId: '51398040',
      pendingOrderId: '51398041',
    });
  },
  [`${CAP}oto-place.ALPHA_971-1.response.json`]: async (body) => {
    expect((await clientAnswering(body).placeOtoOrder(oto)).pendingOrderId).toBe('2464787');
  },
  [`${CAP}oto-place.ALPHA_971-2.response.json`]: async (body) => {
    expect((await clientAnswering(body).placeOtoOrder(oto)).workingOrderId).toBe('2465664');
  },
  [`${CAP}limit-place.BUY-1.response.json`]: async (body) => {
    expect(await clientAnswering(body).placeOrder(limit)).toBe('2459886');
  },
  [`${CAP}limit-place.BUY-2.response.json`]: async (body) => {
    expect(await clientAnswering(body).placeOrder(limit)).toBe('2460317');
  },
  [`${CAP}limit-place.SELL.response.json`]: async (body) => {
    expect(await clientAnswering(body).placeOrder(limit)).toBe('2461654');
  },
  [`${CAP}cancel.response.json`]: async (body) => {
    await clientAnswering(body).cancelOrder({ orderId: '1', symbol: 'ALPHA_971USDT' });
  },
  [`${CAP}listen-key.response.REDACTED-by-source.json`]: async (body) => {
    const data = JSON.stringify((JSON.parse(body) as { data: unknown }).data);
    expect(await clientAnswering(envelope(data)).getListenKey()).toBe('<listen_key>');
  },
  [`${CAP}open-orders.empty.trimmed-by-source.json`]: async (body) => {
    const data = JSON.stringify((JSON.parse(body) as { data: unknown }).data);
    expect(await clientAnswering(envelope(data)).getOpenOrders()).toEqual([]);
  },
  [`${CAP}order-history-merge.rows.json`]: async (body) => {
    const page = await clientAnswering(envelope(body)).getOrderHistory();
    expect(page.rows.map((r) => [r.orderId, r.orderListId, r.status])).toEqual([
      ['2418529', '-1', 'FILLED'],
      ['2414051', '1393062340', 'FILLED'],
      ['2414052', '1393062340', 'FILLED'],
      ['2398360', '-1', 'CANCELED'],
    ]);
    expect(page.rows[0]!.cumQuote).toBe('9.9865158');
  },
  [`${CAP}user-trades.ALPHA_971.response.json`]: async (body) => {
    const trades = await clientAnswering(body).getUserTrades({ orderId: '2466831' });
    expect(trades.map((t) => [t.pageId, t.qty, t.lastTrade])).toEqual([
      ['59177352871', '485278.90', true],
      ['59177352869', '1305693.70', false],
    ]);
  },
  'rest/user-score.15-days.consistency-checked.json': async (body) => {
    const score = await clientAnswering(body).getUserScore();
    expect(score.sumScore).toBe('182');
    expect(score.days).toHaveLength(15);
    expect(score.days[0]).toMatchObject({ date: '2025-07-16', alphaVolume: '131874.25961200' });
    expect(score.spends).toHaveLength(7);
  },
  'rest/user-volume.AITECH.json': async (body) => {
    const volume = await clientAnswering(body).getUserVolume();
    expect(volume.totalVolume).toBe('197.43566840519998');
  },
  'rest/user-volume.ALEO.json': async (body) => {
    const volume = await clientAnswering(body).getUserVolume();
    expect(volume.tradeVolumeInfoList[0]).toMatchObject({
      tokenName: 'ALEO',
      volume: '604467.9396990947',
    });
  },
};

/** Captures that are no reply of an endpoint this client reads, and why. */
const NOT_READ: Record<string, string> = {
  'rest/auth-expired-100002001.json': 'an error envelope (alpha-rest-client.test.ts maps it)',
  [`${CAP}fee-rate.ALPHA_971USDT.trimmed-by-source.json`]: 'get-fee-rate is not called',
};

function restFixtures(): string[] {
  const root = FIXTURES_DIR;
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.json') && !name.includes('.request.'))
        out.push(relative(root, full));
    }
  };
  walk(join(root, 'rest'));
  return out.sort();
}

describe('every captured REST reply passes its schema', () => {
  it('covers every reply capture in fixtures/rest', () => {
    expect(restFixtures()).toEqual(Object.keys({ ...CAPTURED, ...NOT_READ }).sort());
  });

  it.each(Object.keys(CAPTURED))('%s', async (file) => {
    await CAPTURED[file]!(readFixture(file));
  });
});

async function rejection(promise: Promise<unknown>): Promise<AlphaApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AlphaApiError);
  return error as AlphaApiError;
}

/** One wrong shape per endpoint group, and what the error must name. */
const WRONG: Array<{
  group: string;
  data: unknown;
  call: (client: AlphaRestClient) => Promise<unknown>;
  path: string;
  field: string;
}> = [
  {
    group: 'listen key',
    data: { validTime: 3600 },
    call: (c) => c.getListenKey(),
    path: ALPHA_PATHS.listenKey,
    field: 'data',
  },
  {
    group: 'order placement',
    data: { workingOrderId: 2464786 },
    call: (c) => c.placeOtoOrder(oto),
    path: ALPHA_PATHS.placeOtoOrder,
    field: 'data.pendingOrderId',
  },
  {
    group: 'order queries',
    data: [{ ...orderRow(), price: 0.000005933 }],
    call: (c) => c.getOrderHistory(),
    path: ALPHA_PATHS.orderHistory,
    field: 'data[0].price',
  },
  {
    group: 'market info',
    data: { symbols: [{ symbol: 'ALPHA_22USDT', status: 'TRADING', filters: 'none' }] },
    call: (c) => c.getExchangeInfo(),
    path: ALPHA_PATHS.exchangeInfo,
    field: 'data.symbols[0].baseAsset',
  },
  {
    group: 'points and volume',
    data: { sumScore: '182', list: [{ date: '2025-07-16', totalScore: 'many' }] },
    call: (c) => c.getUserScore(),
    path: ALPHA_PATHS.userScore,
    field: 'data.list[0].totalScore',
  },
  {
    group: 'wallets',
    data: [{ coinBusinessType: 'NORMAL' }],
    call: (c) => c.getWalletAssets(),
    path: ALPHA_PATHS.walletAsset,
    field: 'data[0].asset',
  },
];

function orderRow(): Record<string, unknown> {
  const rows = JSON.parse(readFixture(`${CAP}order-history-merge.rows.json`)) as unknown[];
  return rows[0] as Record<string, unknown>;
}

describe('a reply of the wrong shape is UNEXPECTED_REPLY naming the endpoint and the field', () => {
  it.each(WRONG)('$group', async ({ data, call, path, field }) => {
    const e = await rejection(call(clientAnswering(envelope(JSON.stringify(data)))));
    expect(e.code).toBe('UNEXPECTED_REPLY');
    expect(e.params).toMatchObject({ path, field });
    expect(e.message).toContain(path);
    expect(e.message).toContain(field);
  });

  it('never quotes a value of the reply (a listen key is a secret)', async () => {
    const e = await rejection(
      clientAnswering(envelope('"ff950c2e 0d3da25cb0f320669c3f986f"')).getListenKey(),
    );
    expect(e.code).toBe('UNEXPECTED_REPLY');
    expect(`${e.message} ${JSON.stringify(e)}`).not.toContain('ff950c2e');
  });

  it('reads an open order that has not filled yet whether it sends its running figures as absent, null or ""', async () => {
    const open: Record<string, unknown> = { ...orderRow(), status: 'NEW', executedQty: '0' };
    delete open.avgPrice;
    const rows = [
      open,
      { ...open, orderId: '2', cumQuote: null },
      { ...open, orderId: '3', avgPrice: '' },
    ];
    const read = await clientAnswering(envelope(JSON.stringify(rows))).getOpenOrders();
    expect(read.map((r) => [r.orderId, r.avgPrice, r.cumQuote])).toEqual([
      ['2418529', '0', '9.9865158'],
      ['2', '0', '0'],
      ['3', '0', '9.9865158'],
    ]);
    const e = await rejection(
      clientAnswering(envelope(JSON.stringify([{ ...open, cumQuote: 'ten' }]))).getOpenOrders(),
    );
    expect(e.params).toMatchObject({ field: 'data[0].cumQuote' });
  });

  it('still reads an empty list sent as null, and small volumes JSON writes with an exponent', async () => {
    expect(await clientAnswering(envelope('null')).getUserTrades({})).toEqual([]);
    const volume = await clientAnswering(
      envelope('{"totalVolume":1e-7,"tradeVolumeInfoList":[{"tokenName":"X","volume":1E-7}]}'),
    ).getUserVolume();
    expect([volume.totalVolume, volume.tradeVolumeInfoList[0]!.volume]).toEqual([
      '0.0000001',
      '0.0000001',
    ]);
  });
});
