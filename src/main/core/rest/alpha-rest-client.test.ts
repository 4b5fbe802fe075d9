import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFixture, startFixtureHttpServer } from '../../../../test/fakes/fixture-http-server.ts';
import {
  AlphaApiError,
  AlphaRestClient,
  ALPHA_PATHS,
  isFatalAuthError,
  isTransientApiError,
} from './index.ts';

const credentials = {
  headers: {
    csrftoken: 'c0ffeec0ffeec0ffeec0ffeec0ffee12',
    'bnc-uuid': 'uuid-1234-5678',
    'user-agent': 'Mozilla/5.0 test',
    'content-length': '999',
    origin: 'https://www.binance.com',
    ':authority': 'www.binance.com',
  },
  cookies: 'p20t=web.secretcookie; r30t=othersecret',
};

const ok = (data: unknown) =>
  JSON.stringify({ code: '000000', message: null, messageDetail: null, data, success: true });

type Server = Awaited<ReturnType<typeof startFixtureHttpServer>>;
let server: Server;
let client: AlphaRestClient;

beforeEach(async () => {
  server = await startFixtureHttpServer({
    [ALPHA_PATHS.listenKey]: { body: ok('ff950c2e0d3da25cb0f320669c3f986f') },
    [ALPHA_PATHS.placeOrder]: {
      body: readFixture('rest/capture-2026-05-21/limit-place.BUY-1.response.json'),
    },
    [ALPHA_PATHS.placeOtoOrder]: { body: readFixture('rest/oto-place.ALPHA_22.response.json') },
    [ALPHA_PATHS.cancelOrder]: {
      body: readFixture('rest/capture-2026-05-21/cancel.response.json'),
    },
    [ALPHA_PATHS.openOrders]: { body: ok([]) },
    [ALPHA_PATHS.orderHistory]: {
      body: ok(JSON.parse(readFixture('rest/capture-2026-05-21/order-history-merge.rows.json'))),
    },
    [ALPHA_PATHS.userTrades]: {
      body: readFixture('rest/capture-2026-05-21/user-trades.ALPHA_971.response.json'),
    },
    [ALPHA_PATHS.aggTicker24]: { body: readFixture('rest/agg-ticker24.trimmed-2-tokens.json') },
    [ALPHA_PATHS.exchangeInfo]: {
      body: ok({
        symbols: JSON.parse(
          readFixture('rest/exchange-info.symbols.ALPHA_22USDT-ALPHA_373USDT.json'),
        ),
      }),
    },
    [ALPHA_PATHS.userVolume]: { body: readFixture('rest/user-volume.ALEO.json') },
    [ALPHA_PATHS.alphaWallet]: { body: readFixture('rest/alpha-wallet.cloud-wallet.json') },
  });
  client = new AlphaRestClient({ baseUrl: server.url, credentials, timeoutMs: 2_000 });
});

afterEach(async () => {
  await server.close();
});

describe('AlphaRestClient endpoints', () => {
  it('gets a listen key and sends the web client headers and cookies', async () => {
    expect(await client.getListenKey()).toBe('ff950c2e0d3da25cb0f320669c3f986f');
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.headers.clienttype).toBe('web');
    expect(req.headers.accept).toBe('*/*');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers.lang).toBe('zh-CN');
    expect(req.headers.csrftoken).toBe(credentials.headers.csrftoken);
    expect(req.headers.cookie).toBe(credentials.cookies);
    expect(req.headers.origin).toBeUndefined();
    // fetch computes the real body length itself; the captured "999" is never forwarded.
    expect(req.headers['content-length']).not.toBe('999');
  });

  it('accepts the {listenKey} shape too', async () => {
    server.setRoute(ALPHA_PATHS.listenKey, {
      body: ok({ listenKey: 'abcdef0123456789abcdef0123456789', validTime: 3600 }),
    });
    expect(await client.getListenKey()).toBe('abcdef0123456789abcdef0123456789');
  });

  it('places a LIMIT BUY with decimals as exact number literals and the quote amount as a string', async () => {
    const id = await client.placeOrder({
      baseAsset: 'ALPHA_971',
      quoteAsset: 'USDT',
      side: 'BUY',
      price: '0.000005583',
      quantity: '1791151.7',
    });
    expect(id).toBe('2459886');
    const body = server.requests[0]!.body;
    expect(body).toContain('"price":0.000005583');
    expect(body).toContain('"quantity":1791151.7');
    expect(JSON.parse(body)).toMatchObject({
      side: 'BUY',
      orderType: 'LIMIT',
      paymentDetails: [{ amount: '9.99999994', paymentWalletType: 'CARD' }],
    });
  });

  it('places a LIMIT SELL paying base quantity from the Alpha wallet', async () => {
    await client.placeOrder({
      baseAsset: 'ALPHA_971',
      quoteAsset: 'USDT',
      side: 'SELL',
      price: '0.000005637',
      quantity: '1790972.6',
    });
    expect(server.requests[0]!.body).toContain(
      '"paymentDetails":[{"amount":1790972.6,"paymentWalletType":"ALPHA"}]',
    );
  });

  it('places an OTO and returns the numeric ids as strings', async () => {
    const ids = await client.placeOtoOrder({
      baseAsset: 'ALPHA_22',
      quoteAsset: 'USDT',
      workingSide: 'BUY',
      workingPrice: '48.01706542',
      workingQuantity: '0.2082',
      pendingPrice: '0.001',
    });
    expect(ids).toEqual({ workingOrderId: '176849327', pendingOrderId: '176849328' });
    const sent = JSON.parse(server.requests[0]!.body);
    expect(sent.paymentDetails[0].amount).toBe('9.99715302');
    expect(sent.pendingType).toBe('LIMIT');
    expect(sent.pendingQuantity).toBeUndefined();
  });

  it('can send decimals as strings, as the ALEO capture did', async () => {
    const stringClient = new AlphaRestClient({
      baseUrl: server.url,
      credentials,
      decimalEncoding: 'string',
    });
    await stringClient.placeOtoOrder({
      baseAsset: 'ALPHA_373',
      quoteAsset: 'USDT',
      workingSide: 'BUY',
      workingPrice: '0.22983662',
      workingQuantity: '435.09',
      pendingPrice: '0.0001',
      pendingType: null,
    });
    const sent = JSON.parse(server.requests[0]!.body);
    expect(sent.workingPrice).toBe('0.22983662');
    expect('pendingType' in sent).toBe(false);
  });

  it('cancels on the defi path with orderId and symbol', async () => {
    await client.cancelOrder({ orderId: '2460317', symbol: 'ALPHA_971USDT' });
    expect(server.requests[0]!.path).toBe('/bapi/defi/v1/private/alpha-trade/order/cancel');
    expect(JSON.parse(server.requests[0]!.body)).toEqual({
      orderId: '2460317',
      symbol: 'ALPHA_971USDT',
    });
  });

  it('reads open orders and order history with filters', async () => {
    expect(await client.getOpenOrders()).toEqual([]);
    expect(server.requests[0]!.query.get('side')).toBe('');
    const page = await client.getOrderHistory({ startTimeMs: 1000, endTimeMs: 2000, rows: 10 });
    expect(page.rows).toHaveLength(4);
    expect(page.rows[1]).toMatchObject({
      orderId: '2414051',
      orderListId: '1393062340',
      contingencyOrderPosition: 'OTO_WORKING',
    });
    const q = server.requests[1]!.query;
    expect(q.get('orderStatus')).toBe('FILLED,PARTIALLY_FILLED,EXPIRED,CANCELED,REJECTED');
    expect([
      q.get('startTime'),
      q.get('endTime'),
      q.get('page'),
      q.get('rows'),
      q.get('kind'),
    ]).toEqual(['1000', '2000', '1', '10', 'LIMIT']);
  });

  it('pages through history until a short page', async () => {
    const rows = await client.getAllOrderHistory({ rows: 4 });
    // The fixture server returns the same 4 rows on every page: a full page means "ask for more".
    expect(rows.length).toBeGreaterThan(4);
    const all = await client.getAllOrderHistory({ rows: 50 });
    expect(all).toHaveLength(4);
  });

  it('reads user trades, tickers, exchange info, volume and wallet', async () => {
    const trades = await client.getUserTrades({ orderId: '2466831', symbol: 'ALPHA_971USDT' });
    expect(trades.map((t) => t.pageId)).toEqual(['59177352871', '59177352869']);
    expect(trades[0]!.qty).toBe('485278.90');
    const tickers = await client.getAggTicker24();
    expect(tickers[0]!.mulPoint).toBe(4);
    expect(server.requests.at(-1)!.query.get('dataType')).toBe('aggregate');
    const info = await client.getExchangeInfo();
    expect(info.symbols.map((s) => s.symbol)).toEqual(['ALPHA_22USDT', 'ALPHA_373USDT']);
    const volume = await client.getUserVolume();
    expect(volume.totalVolume).toBe('604467.9396990947');
    expect(volume.tradeVolumeInfoList[0]).toMatchObject({
      tokenName: 'ALEO',
      volume: '604467.9396990947',
    });
    const wallet = await client.getAlphaWallet();
    expect(wallet.list[1]).toMatchObject({ tokenId: 'ALPHA_391', free: '250' });
    expect(server.requests.at(-1)!.query.get('includeCex')).toBe('1');
  });
});

describe('AlphaRestClient errors', () => {
  async function failure(promise: Promise<unknown>): Promise<AlphaApiError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AlphaApiError);
    return error as AlphaApiError;
  }

  it('maps 100002001 to SESSION_EXPIRED (fatal), even on a non-200 status', async () => {
    server.setRoute(ALPHA_PATHS.listenKey, {
      body: readFixture('rest/auth-expired-100002001.json'),
    });
    const e = await failure(client.getListenKey());
    expect(e.code).toBe('SESSION_EXPIRED');
    expect(isFatalAuthError(e)).toBe(true);
    server.setRoute(ALPHA_PATHS.listenKey, {
      status: 401,
      body: readFixture('rest/auth-expired-100002001.json'),
    });
    expect((await failure(client.getListenKey())).code).toBe('SESSION_EXPIRED');
  });

  it('maps the 补充认证 message to VERIFICATION_REQUIRED', async () => {
    server.setRoute(ALPHA_PATHS.placeOtoOrder, {
      body: JSON.stringify({
        code: '999999',
        message: '补充认证失败，您必须完成此认证才能进入下一步。',
        success: false,
      }),
    });
    const e = await failure(
      client.placeOtoOrder({
        baseAsset: 'A',
        quoteAsset: 'USDT',
        workingSide: 'BUY',
        workingPrice: '1',
        workingQuantity: '1',
        pendingPrice: '1',
      }),
    );
    expect(e.code).toBe('VERIFICATION_REQUIRED');
    expect(isFatalAuthError(e)).toBe(true);
  });

  it('maps risk_challenge headers to RISK_CHALLENGE', async () => {
    server.setRoute(ALPHA_PATHS.placeOrder, {
      body: ok(null),
      headers: { risk_challenge_biz_no: 'biz-1', risk_challenge_enable_flow: 'true' },
    });
    const e = await failure(
      client.placeOrder({
        baseAsset: 'A',
        quoteAsset: 'USDT',
        side: 'BUY',
        price: '1',
        quantity: '1',
      }),
    );
    expect(e.code).toBe('RISK_CHALLENGE');
    expect(e.riskChallengeBizNo).toBe('biz-1');
    expect(isFatalAuthError(e)).toBe(false);
  });

  it('maps other success:false to BUSINESS_ERROR with the api code', async () => {
    server.setRoute(ALPHA_PATHS.placeOrder, {
      body: JSON.stringify({ code: '345124', message: 'min notional', success: false }),
    });
    const e = await failure(
      client.placeOrder({
        baseAsset: 'A',
        quoteAsset: 'USDT',
        side: 'BUY',
        price: '1',
        quantity: '1',
      }),
    );
    expect([e.code, e.apiCode]).toEqual(['BUSINESS_ERROR', '345124']);
  });

  it('maps a 404 page to HTTP_ERROR and a non-envelope 200 to BAD_RESPONSE', async () => {
    const stale = new AlphaRestClient({ baseUrl: server.url + '/nowhere', credentials });
    const e = await failure(stale.getListenKey());
    expect([e.code, e.httpStatus]).toEqual(['HTTP_ERROR', 404]);
    server.setRoute(ALPHA_PATHS.listenKey, { body: '<html>waf</html>' });
    expect((await failure(client.getListenKey())).code).toBe('BAD_RESPONSE');
  });

  it('maps a hung request to TIMEOUT and a closed port to NETWORK', async () => {
    server.setRoute(ALPHA_PATHS.listenKey, { body: '', hang: true });
    const quick = new AlphaRestClient({ baseUrl: server.url, credentials, timeoutMs: 100 });
    const timedOut = await failure(quick.getListenKey());
    expect([timedOut.code, timedOut.params.timeoutMs]).toEqual(['TIMEOUT', 100]);
    const url = server.url;
    await server.close();
    const gone = new AlphaRestClient({ baseUrl: url, credentials });
    const unreachable = await failure(gone.getListenKey());
    expect(unreachable.code).toBe('NETWORK');
    // The edge says it in the user's language from these, quoting the OS's own words.
    expect(unreachable.params).toMatchObject({ baseUrl: url, detail: expect.any(String) });
    server = await startFixtureHttpServer({});
  });

  it('refuses for good, before sending, a session with a character no browser sends', async () => {
    // A curly quote that a chat app put into a copied cookie: fetch cannot send it at all.
    const pasted = { ...credentials, cookies: 'p20t=web.secret\u201ccookie; r30t=othersecret' };
    const bad = new AlphaRestClient({ baseUrl: server.url, credentials: pasted });
    const e = await failure(bad.getListenKey());
    expect(e.code).toBe('INVALID_CREDENTIALS');
    expect(e.params.header).toBe('cookie');
    expect(e.message).toMatch(/cookie header has a character browsers never send.*cURL/);
    expect(e.message).not.toContain('secret');
    expect([isTransientApiError(e), isFatalAuthError(e)]).toEqual([false, true]);
    expect(server.requests).toHaveLength(0);
    // fetch's own refusal before sending (its message quotes the value) is no network fault either.
    const refusing = new AlphaRestClient({
      baseUrl: server.url,
      credentials,
      http: {
        send: () =>
          Promise.reject(
            new TypeError('Headers.append: "p20t=web.secretcookie\n" is an invalid header value.'),
          ),
      },
    });
    const refused = await failure(refusing.getListenKey());
    expect(refused.code).toBe('INVALID_CREDENTIALS');
    expect(`${refused.message} ${JSON.stringify(refused)}`).not.toContain('secretcookie');
  });

  it('never puts a secret into an error message', async () => {
    server.setRoute(ALPHA_PATHS.listenKey, {
      body: readFixture('rest/auth-expired-100002001.json'),
    });
    const e = await failure(client.getListenKey());
    const text = `${e.message} ${JSON.stringify(e)}`;
    for (const secret of ['c0ffeec0ffee', 'secretcookie', 'othersecret', 'uuid-1234'])
      expect(text).not.toContain(secret);
  });
});
