import { randomBytes } from 'node:crypto';
import { systemClock } from '../core/ports/clock.ts';
import { AsyncDisposableStore, toAsyncDisposable } from '../../shared/lifecycle/disposable.ts';
import { AccountRegistry, type AccountState, type SimAccount } from './accounts.ts';
import { DEFAULT_LISTINGS } from './catalog.ts';
import { createControlHandler } from './control-api.ts';
import { DemoActivity, DEFAULT_DEMO_ORDERS_PER_MINUTE } from './demo-activity.ts';
import { buildListenKeyExpired } from './execution-report.ts';
import { closeServer, CONTROL_PREFIX, createHttpServer, listen, SIM_HOST } from './http-server.ts';
import { ListenKeyRegistry } from './listen-keys.ts';
import { Market } from './market.ts';
import { MatchingEngine } from './matching-engine.ts';
import { createRandom } from './random.ts';
import { FleetActivity } from './fleet-activity.ts';
import { createRestRoutes } from './rest-routes.ts';
import type { Simulator, SimulatorOptions } from './simulator-types.ts';
import { VolumeBook } from './user-volume.ts';
import { ScoreBook } from './user-score.ts';
import { MARKET_STREAM_PATH, STREAM_PATH, StreamServer } from './ws-server.ts';
import { MarketStreamPublisher } from './market-stream.ts';

export type {
  Simulator,
  SimulatorOptions,
  SimulatorFaults,
  DemoActivityOptions,
} from './simulator-types.ts';
export type { SimAccount, CreateAccountOptions } from './accounts.ts';
export { SESSION_COOKIE_NAMES } from './credentials.ts';
export {
  SimErrorCode,
  SESSION_EXPIRED_MESSAGE,
  SUPPLEMENTARY_VERIFICATION_MESSAGE,
} from './errors.ts';

/** The demo account's default wallet: plenty of USDT and some of each listed token. */
const DEFAULT_DEMO_BALANCES = {
  USDT: '100000',
  ALPHA_22: '20',
  ALPHA_373: '5000',
  ALPHA_382: '20000',
};

/**
 * Starts the simulated Binance Alpha exchange on 127.0.0.1: REST at www.binance.com's
 * paths, the order-push WebSocket at /w3w/stream, and the control API at /__sim.
 * Everything time-based runs on `options.clock`.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const clock = options.clock ?? systemClock;
  const random = createRandom(options.seed ?? 1);
  const store = new AsyncDisposableStore();

  const accounts = new AccountRegistry();
  const market = store.add(
    new Market(options.listings ?? DEFAULT_LISTINGS, clock, random, {
      tickIntervalMs: options.priceTickIntervalMs ?? 1_000,
      maxStepFraction: options.priceStepFraction ?? 0.002,
    }),
  );
  const engine = store.add(
    new MatchingEngine(clock, market, random, (id) => accounts.get(id), {
      fillDelayMs: options.fillDelayMs ?? 800,
      splitFillProbability: options.splitFillProbability ?? 0.25,
      partialFillProbability: options.partialFillProbability ?? 0.15,
      feeRate: '0.0001',
    }),
  );
  const volume = new VolumeBook(clock, market, options.userVolumeRule ?? 'raw');
  store.add(engine.onDidFill(({ order, fill }) => volume.record(order, fill)));
  const scores = new ScoreBook(clock, market);
  store.add(
    engine.onDidFill(({ order, fill }) => scores.record(order, fill, accounts.get(order.userId))),
  );
  const listenKeys = store.add(
    new ListenKeyRegistry(clock, {
      lifetimeMs: options.listenKeyLifetimeMs ?? 3_600_000,
      repost: options.listenKeyRepost ?? 'extend',
    }),
  );
  const heartbeat = {
    pingIntervalMs: options.pingIntervalMs ?? 20_000,
    pongTimeoutMs: options.pongTimeoutMs ?? 60_000,
  };
  const streams = new StreamServer(clock, { path: STREAM_PATH, ...heartbeat });
  store.add(streams);
  const marketStreams = new StreamServer(clock, { path: MARKET_STREAM_PATH, ...heartbeat });
  store.add(marketStreams);
  store.add(
    new MarketStreamPublisher(
      clock,
      createRandom((options.seed ?? 1) + 1),
      market,
      marketStreams,
      500,
    ),
  );
  // Transport faults hit both sockets: they model the network path to nbstream.
  const transports = [streams, marketStreams];

  // Pushes go to the account's live key; an ended key receives nothing more.
  store.add(
    engine.onDidPush(({ userId, data }) => {
      const key = listenKeys.keyOf(userId);
      if (key) streams.push(`alpha@${key}`, data);
    }),
  );
  store.add(
    listenKeys.onDidExpire(({ key }) => {
      if (options.sendListenKeyExpired)
        streams.push(`alpha@${key}`, buildListenKeyExpired(key, clock.now()));
    }),
  );

  const demoAccount: AccountState = accounts.create({
    userId: 'demo',
    balances: options.demoBalances ?? DEFAULT_DEMO_BALANCES,
    credentials: options.demoCredentials,
  });
  if (options.demoPointsHistory ?? true)
    scores.seedHistory(demoAccount, createRandom((options.seed ?? 1) + 2));
  const demo = new DemoActivity(clock, random, market, engine, demoAccount);
  store.add(demo);
  const fleet = store.add(
    new FleetActivity(clock, (userId, index) => {
      const account = accounts.get(userId);
      if (!account) throw new RangeError(`Unknown account ${userId}`);
      const seed = (options.seed ?? 1) + 100 + index;
      return new DemoActivity(clock, createRandom(seed), market, engine, account);
    }),
  );

  // The control API needs the finished Simulator, which needs the bound port: a late binding.
  const ref: { current?: Simulator } = {};
  const controlToken = randomBytes(18).toString('base64url');
  const server = createHttpServer({
    controlToken,
    routes: createRestRoutes({
      clock,
      market,
      engine,
      listenKeys,
      volume,
      scores,
      historyTimeFilter: options.historyTimeFilter,
    }),
    accounts,
    control: createControlHandler(() => ref.current!),
    onUpgrade: (request, socket, head) => {
      const path = (request.url ?? '').split('?')[0] ?? '';
      (marketStreams.servesPath(path) ? marketStreams : streams).handleUpgrade(
        request,
        socket,
        head,
      );
    },
    now: () => clock.now(),
    onError: (error) =>
      process.stderr.write(`alpha-monitor sim: internal error: ${String(error)}\n`),
  });
  let port: number;
  try {
    port = await listen(server, options.port ?? 0);
  } catch (error) {
    // A port that is taken must not leave the price walk, demo activity and timers running.
    await store.dispose();
    throw error;
  }
  store.add(toAsyncDisposable(() => closeServer(server)));

  const base = `http://${SIM_HOST}:${port}`;
  const asPublic = (a: AccountState): SimAccount => ({
    userId: a.userId,
    credentials: a.credentials,
  });
  const keyFor = (listenKey?: string) => listenKey ?? listenKeys.keyOf(demoAccount.userId);

  const simulator: Simulator = {
    restUrl: base,
    wsUrl: `ws://${SIM_HOST}:${port}${STREAM_PATH}`,
    marketWsUrl: `ws://${SIM_HOST}:${port}${MARKET_STREAM_PATH}`,
    controlUrl: `${base}${CONTROL_PREFIX}/${controlToken}`,
    port,
    clock,
    get demoAccount() {
      return asPublic(demoAccount);
    },
    createAccount: (accountOptions) => asPublic(accounts.create(accountOptions)),
    renewSession: (userId) => accounts.renewSession(userId),
    faults: {
      dropAllConnections: () => transports.forEach((t) => t.dropAll()),
      stall: () => transports.forEach((t) => t.stall()),
      resume: () => transports.forEach((t) => t.resume()),
      refuseConnections: (durationMs) => transports.forEach((t) => t.refuseConnections(durationMs)),
      expireListenKey(listenKey) {
        const key = keyFor(listenKey);
        return key !== undefined && listenKeys.expire(key) ? key : undefined;
      },
      silenceListenKey(listenKey) {
        const key = keyFor(listenKey);
        if (key === undefined) return undefined;
        listenKeys.retire(key);
        streams.silence(`alpha@${key}`);
        return key;
      },
      invalidateSession: (userId) => accounts.invalidateSession(userId ?? demoAccount.userId),
      injectRaw(text, listenKey) {
        streams.injectRaw(text, listenKey ? `alpha@${listenKey}` : undefined);
      },
      duplicateLastFrame(listenKey) {
        const key = keyFor(listenKey);
        return key !== undefined && streams.duplicateLast(`alpha@${key}`);
      },
      reorderNextPushes: (count) => streams.reorderNext(count),
      loseNextPushes: (count) => streams.loseNext(count),
      setOrderGate: (gate, userId) => accounts.setOrderGate(userId ?? demoAccount.userId, gate),
    },
    market: {
      setPrice: (symbol, price) => market.setPrice(symbol, price),
      getPrice: (symbol) => market.getPrice(symbol),
    },
    orders: {
      fillNow: (orderId, quantity) => engine.fillNow(orderId, quantity),
      endNow: (orderId, status) => engine.endNow(orderId, status),
      list: (userId) =>
        engine.ordersOf(userId ?? demoAccount.userId).map((o) => ({
          orderId: o.orderId,
          status: o.status,
          executedQty: o.executedQty.toFixed(),
        })),
    },
    points: {
      spend(spendOptions) {
        const userId = spendOptions?.userId ?? demoAccount.userId;
        const account = accounts.get(userId);
        if (!account) throw new RangeError(`Unknown account ${userId}`);
        const spent = scores.spend(account, spendOptions?.score);
        return { id: spent.id, spendScore: spent.score.toFixed() };
      },
      countedToday: (userId) => scores.countedToday(userId ?? demoAccount.userId).toFixed(),
    },
    demoActivity: {
      start: (demoOptions) => {
        demo.stop();
        fleet.stop();
        const perMinute = demoOptions?.ordersPerMinute ?? DEFAULT_DEMO_ORDERS_PER_MINUTE;
        for (const userId of demoOptions?.userIds ?? [demoAccount.userId]) {
          if (userId === demoAccount.userId) demo.start(perMinute);
          else fleet.start(userId, perMinute);
        }
      },
      stop: () => {
        demo.stop();
        fleet.stop();
      },
      get running() {
        return demo.running || fleet.running;
      },
    },
    get connectionCount() {
      return streams.connectionCount + marketStreams.connectionCount;
    },
    pushToAccount(userId, data) {
      const key = listenKeys.keyOf(userId);
      if (key === undefined) return false;
      streams.push(`alpha@${key}`, data);
      return true;
    },
    dispose: () => store.dispose(),
  };
  ref.current = simulator;
  if (options.demoActivity) simulator.demoActivity.start(options.demoActivity);
  return simulator;
}
