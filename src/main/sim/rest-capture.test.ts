import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { startSimulator, type SimAccount, type Simulator } from './index.ts';
import { deepShape, missingOrMistyped, typeMap } from './testing/json-shape.ts';
import { callRest } from './testing/sim-test-client.ts';

const FIXTURES = new URL('../../../test/fixtures/protocol/rest/', import.meta.url);
const fixture = <T = Record<string, unknown>>(path: string): T =>
  JSON.parse(readFileSync(new URL(path, FIXTURES), 'utf8')) as T;

const DEFI = '/bapi/defi/v1';
const ASSET = '/bapi/asset/v1';
const P = {
  listenKey: `${DEFI}/private/alpha-trade/get-listen-key`,
  limit: `${ASSET}/private/alpha-trade/order/place`,
  oto: `${ASSET}/private/alpha-trade/oto-order/place`,
  cancel: `${DEFI}/private/alpha-trade/order/cancel`,
  open: `${DEFI}/private/alpha-trade/order/get-open-order`,
  history: `${DEFI}/private/alpha-trade/order/get-order-history-merge`,
  trades: `${DEFI}/private/alpha-trade/order/get-user-trades`,
  ticker: `${DEFI}/public/alpha-trade/aggTicker24?dataType=aggregate`,
  exchangeInfo: `${DEFI}/public/alpha-trade/get-exchange-info`,
  feeRate: `${DEFI}/private/alpha-trade/get-fee-rate?symbol=ALPHA_971USDT`,
  volume: `${DEFI}/private/wallet-direct/buw/wallet/today/user-volume`,
  wallet: `${DEFI}/private/wallet-direct/cloud-wallet/alpha?includeCex=1`,
};
const ENVELOPE_KEYS = Object.keys(fixture('capture-2026-05-21/cancel.response.json'));

/**
 * Every captured REST body is compared in shape (key sets and JSON types) with what the
 * simulator answers for the same request. Captured requests are replayed verbatim.
 */
describe('REST bodies match the captures in shape', () => {
  const clock = new FakeClock(1_779_368_000_000);
  let sim: Simulator;
  let trader: SimAccount;
  const call = (method: 'GET' | 'POST', path: string, body?: unknown) =>
    callRest(sim.restUrl, method, path, { credentials: trader.credentials, body });

  beforeAll(async () => {
    sim = await startSimulator({
      clock,
      fillDelayMs: 1_000,
      priceStepFraction: 0,
      splitFillProbability: 0,
      partialFillProbability: 0,
    });
    trader = sim.createAccount({
      balances: { USDT: '100000', ALPHA_971: '5000000', ALPHA_373: '1000' },
    });
  });
  afterAll(async () => {
    await sim.dispose();
  });

  it('answers a private call without a session with exactly the captured 100002001 body', async () => {
    const reply = await callRest(sim.restUrl, 'GET', P.volume);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(fixture('auth-expired-100002001.json'));
  });

  it('get-listen-key: data is the key as a plain string (32 lowercase hex)', async () => {
    const reply = await call('POST', P.listenKey);
    expect(Object.keys(reply.body)).toEqual(ENVELOPE_KEYS);
    expect(deepShape(reply.body.data)).toEqual(
      deepShape(fixture('capture-2026-05-21/listen-key.response.REDACTED-by-source.json').data),
    );
    expect(reply.body.data).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    'oto-place.ALPHA_22',
    'oto-place.ALPHA_373',
    'capture-2026-05-21/oto-place.ALPHA_971-1',
    'capture-2026-05-21/oto-place.ALPHA_971-2',
  ])('oto-order/place replays %s and answers in the captured shape', async (name) => {
    const reply = await call('POST', P.oto, fixture(`${name}.request.json`));
    expect(reply.body.success).toBe(true);
    expect(deepShape(reply.body)).toEqual(deepShape(fixture(`${name}.response.json`)));
    const data = reply.body.data as { workingOrderId: number; pendingOrderId: number };
    expect(data.pendingOrderId).toBe(data.workingOrderId + 1);
  });

  it.each(['BUY-1', 'BUY-2', 'SELL'])(
    'order/place replays limit-place.%s and answers with the order id string',
    async (name) => {
      const reply = await call(
        'POST',
        P.limit,
        fixture(`capture-2026-05-21/limit-place.${name}.request.json`),
      );
      expect(deepShape(reply.body)).toEqual(
        deepShape(fixture(`capture-2026-05-21/limit-place.${name}.response.json`)),
      );
      expect(reply.body.data).toMatch(/^\d+$/);
    },
  );

  it('order/cancel answers exactly the captured body', async () => {
    const placed = await call(
      'POST',
      P.limit,
      fixture('capture-2026-05-21/limit-place.BUY-2.request.json'),
    );
    const request = {
      ...fixture('capture-2026-05-21/cancel-1.request.json'),
      orderId: placed.body.data,
    };
    const reply = await call('POST', P.cancel, request);
    expect(reply.body).toEqual(fixture('capture-2026-05-21/cancel.response.json'));
  });

  it('get-open-order answers data [] for an account with nothing open', async () => {
    const fresh = sim.createAccount();
    const reply = await callRest(sim.restUrl, 'GET', `${P.open}?side=`, {
      credentials: fresh.credentials,
    });
    expect(reply.body.data).toEqual(
      fixture('capture-2026-05-21/open-orders.empty.trimmed-by-source.json').data,
    );
    expect(Object.keys(reply.body)).toEqual(ENVELOPE_KEYS);
  });

  it('get-order-history-merge rows have the captured keys and types for each kind of row', async () => {
    await clock.advance(2_000); // the BUYs at or above the market fill
    sim.market.setPrice('ALPHA_971USDT', '0.000005637');
    await clock.advance(2_000); // now the captured LIMIT SELL fills too
    const reply = await call(
      'GET',
      `${P.history}?page=1&rows=50&orderStatus=FILLED,PARTIALLY_FILLED,EXPIRED,CANCELED,REJECTED&kind=LIMIT`,
    );
    const rows = reply.body.data as Array<Record<string, unknown>>;
    const [plainFilled, otoWorking, otoPending, canceled] = fixture<Array<Record<string, unknown>>>(
      'capture-2026-05-21/order-history-merge.rows.json',
    );
    const find = (pred: (r: Record<string, unknown>) => boolean) => {
      const row = rows.find(pred);
      expect(row).toBeDefined();
      return row!;
    };
    // The first captured row is complete: same keys, same order, same types.
    const simPlainFilled = find((r) => r.status === 'FILLED' && r.orderListId === '-1');
    expect(typeMap(simPlainFilled)).toEqual(typeMap(plainFilled!));
    expect(Object.keys(simPlainFilled)).toEqual(Object.keys(plainFilled!));
    // The source trimmed the others: every key it kept is there with its type.
    expect(
      missingOrMistyped(
        find((r) => r.contingencyOrderPosition === 'OTO_WORKING' && r.status === 'FILLED'),
        otoWorking!,
      ),
    ).toEqual([]);
    expect(
      missingOrMistyped(
        find((r) => r.contingencyOrderPosition === 'OTO_PENDING' && r.status === 'FILLED'),
        otoPending!,
      ),
    ).toEqual([]);
    expect(
      missingOrMistyped(
        find((r) => r.status === 'CANCELED' && r.orderListId === '-1'),
        canceled!,
      ),
    ).toEqual([]);
    expect(typeof reply.body.total).toBe('number');
  });

  it('get-user-trades rows have the captured keys and types', async () => {
    const history = await call('GET', `${P.history}?orderStatus=FILLED`);
    const sell = (history.body.data as Array<Record<string, unknown>>).find(
      (r) => r.side === 'SELL' && r.orderListId === '-1',
    )!;
    const reply = await call('GET', `${P.trades}?orderId=${sell.orderId}&symbol=ALPHA_971USDT`);
    const capturedReply = fixture('capture-2026-05-21/user-trades.ALPHA_971.response.json');
    expect(deepShape(reply.body)).toEqual(deepShape(capturedReply));
    const rows = reply.body.data as Array<Record<string, unknown>>;
    expect(Object.keys(rows[0]!)).toEqual(
      Object.keys((capturedReply.data as Array<Record<string, unknown>>)[0]!),
    );
    expect(rows.filter((r) => r.lastTrade === true)).toHaveLength(1);
  });

  it('aggTicker24 items have the captured keys and types, with the captured alphaIds and mulPoints', async () => {
    const reply = await callRest(sim.restUrl, 'GET', P.ticker);
    const capturedItems = fixture<Array<Record<string, unknown>>>(
      'agg-ticker24.entries.KOGE-ALEO-AOP.json',
    );
    expect(Object.keys(reply.body)).toEqual(
      Object.keys(fixture('agg-ticker24.trimmed-2-tokens.json')),
    );
    const items = reply.body.data as Array<Record<string, unknown>>;
    for (const capturedItem of capturedItems) {
      const item = items.find((i) => i.alphaId === capturedItem.alphaId)!;
      expect(typeMap(item)).toEqual(typeMap(capturedItem));
      expect([item.symbol, item.mulPoint, item.contractAddress]).toEqual([
        capturedItem.symbol,
        capturedItem.mulPoint,
        capturedItem.contractAddress,
      ]);
    }
    for (const item of fixture<{ data: Array<Record<string, unknown>> }>(
      'agg-ticker24.earlier-capture.trimmed-2-tokens.json',
    ).data) {
      expect(typeMap(items[0]!)).toEqual(typeMap(item));
    }
  });

  it('get-exchange-info: KOGE and ALEO symbols equal the captured ones exactly', async () => {
    const reply = await callRest(sim.restUrl, 'GET', P.exchangeInfo);
    const symbols = (reply.body.data as { symbols: Array<Record<string, unknown>> }).symbols;
    for (const capturedSymbol of fixture<Array<Record<string, unknown>>>(
      'exchange-info.symbols.ALPHA_22USDT-ALPHA_373USDT.json',
    )) {
      expect(symbols.find((s) => s.symbol === capturedSymbol.symbol)).toEqual(capturedSymbol);
    }
    const nex = symbols.find((s) => s.symbol === 'ALPHA_971USDT')!;
    const trimmed = fixture(
      'capture-2026-05-21/exchange-info.symbol.ALPHA_971USDT.trimmed-by-source.json',
    );
    const { filters: trimmedFilters, ...trimmedRest } = trimmed;
    expect(nex).toMatchObject(trimmedRest);
    for (const f of trimmedFilters as Array<Record<string, unknown>>) {
      expect(
        (nex.filters as Array<Record<string, unknown>>).find((g) => g.filterType === f.filterType),
      ).toMatchObject(f);
    }
  });

  it('get-fee-rate, user-volume and cloud-wallet answer in the captured shapes', async () => {
    expect(deepShape((await call('GET', P.feeRate)).body.data)).toEqual(
      deepShape(fixture('capture-2026-05-21/fee-rate.ALPHA_971USDT.trimmed-by-source.json').data),
    );
    const volume = await call('GET', P.volume);
    expect(deepShape(volume.body)).toEqual(deepShape(fixture('user-volume.ALEO.json')));
    expect(deepShape(volume.body)).toEqual(deepShape(fixture('user-volume.AITECH.json')));
    const wallet = await call('GET', P.wallet);
    expect(deepShape(wallet.body)).toEqual(deepShape(fixture('alpha-wallet.cloud-wallet.json')));
  });
});
