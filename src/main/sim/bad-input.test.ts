import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { SimErrorCode, startSimulator, type Simulator } from './index.ts';
import { obtainListenKey, placeRestingOto, subscribedSocket } from './testing/demo-session.ts';
import {
  callRest,
  isExecutionReport,
  openRecordingSocket,
  type RecordingSocket,
} from './testing/sim-test-client.ts';

const LIMIT = '/bapi/asset/v1/private/alpha-trade/order/place';
const OTO = '/bapi/asset/v1/private/alpha-trade/oto-order/place';
const CANCEL = '/bapi/defi/v1/private/alpha-trade/order/cancel';

const aleoBuy = (overrides: Record<string, unknown> = {}) => ({
  baseAsset: 'ALPHA_373',
  quoteAsset: 'USDT',
  side: 'BUY',
  price: '0.2',
  quantity: '100',
  paymentDetails: [{ amount: '20', paymentWalletType: 'CARD' }],
  orderType: 'LIMIT',
  ...overrides,
});

/** Bad input gets the error a client would see, and the simulator keeps serving everyone. */
describe('bad input', () => {
  const clock = new FakeClock();
  let sim: Simulator;
  let listener: RecordingSocket;
  beforeAll(async () => {
    sim = await startSimulator({ clock, fillDelayMs: 3_600_000, priceStepFraction: 0 });
    // A bystander whose stream must keep working through all of the below.
    listener = await subscribedSocket(sim, await obtainListenKey(sim));
  });
  afterAll(async () => {
    await listener.close();
    await sim.dispose();
  });

  describe('on the WebSocket', () => {
    it.each([
      ['malformed JSON', '{"method":"SUBSCRIBE",', 3, null],
      ['a JSON array', '[1,2]', 2, null],
      ['an unknown method', '{"method":"PING","id":7}', 2, 7],
      ['a missing method', '{"params":[],"id":8}', 2, 8],
      ['params that are not stream names', '{"method":"SUBSCRIBE","params":[1],"id":9}', 2, 9],
      ['a bad request id', '{"method":"SUBSCRIBE","params":["alpha@x"],"id":-1}', 2, null],
    ])('answers %s with an error frame and keeps the connection', async (_name, text, code, id) => {
      const s = await openRecordingSocket(sim.wsUrl);
      try {
        s.send(text);
        const reply = await s.waitFor((f) => 'error' in f);
        expect(reply).toEqual({ error: { code, msg: expect.any(String) }, id });
        s.send({ method: 'LIST_SUBSCRIPTIONS', id: 100 });
        expect(await s.waitFor((f) => f.id === 100)).toEqual({ result: [], id: 100 });
      } finally {
        await s.close();
      }
    });

    it('answers SUBSCRIBE, UNSUBSCRIBE and LIST_SUBSCRIPTIONS', async () => {
      const s = await openRecordingSocket(sim.wsUrl);
      try {
        s.send({ method: 'SUBSCRIBE', params: ['alpha@a', 'alpha@b'], id: 1 });
        expect(await s.waitFor((f) => f.id === 1)).toEqual({ result: null, id: 1 });
        s.send({ method: 'UNSUBSCRIBE', params: ['alpha@a'], id: 'req-2' });
        expect(await s.waitFor((f) => f.id === 'req-2')).toEqual({ result: null, id: 'req-2' });
        s.send({ method: 'LIST_SUBSCRIPTIONS', id: 3 });
        expect(await s.waitFor((f) => f.id === 3)).toEqual({ result: ['alpha@b'], id: 3 });
      } finally {
        await s.close();
      }
    });
  });

  describe('on REST', () => {
    const post = (path: string, body: unknown, raw?: string) =>
      callRest(sim.restUrl, 'POST', path, {
        credentials: sim.demoAccount.credentials,
        body,
        rawBody: raw,
      });

    it.each([
      ['a malformed JSON body', LIMIT, undefined, '{"baseAsset":', SimErrorCode.illegalParameter],
      ['a body that is not an object', LIMIT, [1], undefined, SimErrorCode.illegalParameter],
      [
        'a missing price',
        LIMIT,
        aleoBuy({ price: undefined }),
        undefined,
        SimErrorCode.illegalParameter,
      ],
      [
        'a price that is not a number',
        LIMIT,
        aleoBuy({ price: 'abc' }),
        undefined,
        SimErrorCode.illegalParameter,
      ],
      ['a bad side', LIMIT, aleoBuy({ side: 'HOLD' }), undefined, SimErrorCode.illegalParameter],
      [
        'an unknown symbol',
        LIMIT,
        aleoBuy({ baseAsset: 'ALPHA_999999' }),
        undefined,
        SimErrorCode.unknownSymbol,
      ],
      [
        'an order below the minimum notional',
        LIMIT,
        aleoBuy({ quantity: '0.01' }),
        undefined,
        SimErrorCode.belowMinNotional,
      ],
      [
        'an order bigger than the balance',
        LIMIT,
        aleoBuy({ quantity: '4000000', price: '0.2' }),
        undefined,
        SimErrorCode.insufficientBalance,
      ],
      [
        'a quantity off the lot step',
        LIMIT,
        aleoBuy({ quantity: '100.005' }),
        undefined,
        SimErrorCode.lotSize,
      ],
      [
        'a price off the tick',
        LIMIT,
        aleoBuy({ price: '0.200000001' }),
        undefined,
        SimErrorCode.tickSize,
      ],
      [
        'an OTO without pendingPrice',
        OTO,
        { ...aleoBuy(), workingSide: 'BUY', workingPrice: '0.2', workingQuantity: '100' },
        undefined,
        SimErrorCode.illegalParameter,
      ],
      [
        'a cancel of an unknown order',
        CANCEL,
        { orderId: '1', symbol: 'ALPHA_373USDT' },
        undefined,
        SimErrorCode.orderNotFound,
      ],
      [
        'a cancel without orderId',
        CANCEL,
        { symbol: 'ALPHA_373USDT' },
        undefined,
        SimErrorCode.illegalParameter,
      ],
    ])(
      'rejects %s with HTTP 200 success:false and a code',
      async (_name, path, body, raw, code) => {
        const reply = await post(path, body, raw);
        expect(reply.status).toBe(200);
        expect(reply.body).toMatchObject({ code, success: false, data: null });
        expect(typeof reply.body.message).toBe('string');
      },
    );

    it('rejects a second cancel of the same order', async () => {
      const { workingOrderId } = await placeRestingOto(sim);
      expect(
        (await post(CANCEL, { orderId: String(workingOrderId), symbol: 'ALPHA_373USDT' })).body
          .success,
      ).toBe(true);
      expect(
        (await post(CANCEL, { orderId: String(workingOrderId), symbol: 'ALPHA_373USDT' })).body
          .code,
      ).toBe(SimErrorCode.orderNotCancelable);
    });

    it("does not let one account cancel another's order", async () => {
      const other = sim.createAccount();
      const { workingOrderId } = await placeRestingOto(sim);
      const reply = await callRest(sim.restUrl, 'POST', CANCEL, {
        credentials: other.credentials,
        body: { orderId: String(workingOrderId) },
      });
      expect(reply.body.code).toBe(SimErrorCode.orderNotFound);
    });

    it('answers an unknown path 404 and a wrong method 405, Spring style', async () => {
      const unknown = await callRest(
        sim.restUrl,
        'POST',
        '/bapi/defi/v1/private/alpha-trade/stream/get-listen-key',
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toBe('No message available');
      const wrongMethod = await callRest(sim.restUrl, 'GET', LIMIT);
      expect(wrongMethod.status).toBe(405);
    });

    it('rejects a session missing one long-term cookie', async () => {
      const { headers, cookies } = sim.demoAccount.credentials;
      const withoutR30t = cookies
        .split('; ')
        .filter((c) => !c.startsWith('r30t='))
        .join('; ');
      const reply = await callRest(
        sim.restUrl,
        'GET',
        '/bapi/defi/v1/private/wallet-direct/buw/wallet/today/user-volume',
        {
          credentials: { headers, cookies: withoutR30t },
        },
      );
      expect(reply.body.code).toBe('100002001');
    });

    it('keeps serving: after all that a valid order still pushes to the bystander', async () => {
      const before = listener.frames.filter(isExecutionReport).length;
      await placeRestingOto(sim);
      await listener.waitForCount(isExecutionReport, before + 2);
    });
  });
});
