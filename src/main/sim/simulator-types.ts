import type { SessionCredentials } from '../core/credentials/session-credentials.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { AsyncDisposable } from '../../shared/lifecycle/disposable.ts';
import type { CreateAccountOptions, SimAccount } from './accounts.ts';
import type { TokenListing } from './catalog.ts';
import type { ListenKeyRepost } from './listen-keys.ts';
import type { UserVolumeRule } from './user-volume.ts';
import type { HistoryTimeFilter } from './order-rows.ts';

export interface DemoActivityOptions {
  /** Orders placed per minute of sim-clock time, per account. Default 6. */
  ordersPerMinute?: number;
  /**
   * The accounts that trade by themselves (a simulated fleet). Default: the demo account
   * alone. Each one trades on its own schedule and its own random walk of choices.
   */
  userIds?: string[];
}

/** Options of startSimulator(); every duration is in sim-clock milliseconds. */
export interface SimulatorOptions {
  /** Default 0 (ephemeral). The simulator only ever listens on 127.0.0.1. */
  port?: number;
  /** Seeds the price walk, fill splits and demo activity. Default 1. */
  seed?: number;
  /** Default systemClock; pass createAcceleratedClock(...) for long runs. */
  clock?: Clock;
  /** Default 3_600_000. */
  listenKeyLifetimeMs?: number;
  /** A POST while a key is live: 'extend' (default) or 'rotate' (real behaviour unknown). */
  listenKeyRepost?: ListenKeyRepost;
  /** Push `{"e":"listenKeyExpired",...}` before a key stops (unknown in reality). Default false. */
  sendListenKeyExpired?: boolean;
  /** Server ping interval. Default 20_000. */
  pingIntervalMs?: number;
  /** Drop a client that does not answer a ping within this. Default 60_000. */
  pongTimeoutMs?: number;
  /** Default false (embedded); the CLI turns it on. */
  demoActivity?: false | DemoActivityOptions;
  /** Delay between an order becoming marketable and its fill. Default 800. */
  fillDelayMs?: number;
  /** Chance a fill is reported as two frames sharing E and t (captured). Default 0.25. */
  splitFillProbability?: number;
  /** Chance a fill stops part-way and completes after another delay. Default 0.15. */
  partialFillProbability?: number;
  /** Price walk step interval. Default 1_000. */
  priceTickIntervalMs?: number;
  /** Largest relative price move per step. Default 0.002. Set 0 to freeze prices. */
  priceStepFraction?: number;
  /** How BUY fills count toward user-volume. Default 'raw' (see user-volume.ts). */
  userVolumeRule?: UserVolumeRule;
  /**
   * What history's startTime/endTime filter on: 'overlap' (default), 'created' (as Spot's
   * allOrders) or 'updated'. The real rule is unknown; reconciliation must work with each.
   */
  historyTimeFilter?: HistoryTimeFilter;
  /** Starting balances of the demo account. Default 100000 USDT + some of each token. */
  demoBalances?: Record<string, string>;
  /**
   * The demo account's session (default: a fresh one). `alpha-monitor sim --write-credentials`
   * passes the file's previous credentials, so a restarted simulator accepts a running client.
   */
  demoCredentials?: SessionCredentials;
  /** Listed tokens. Default KOGE (ALPHA_22), ALEO (ALPHA_373), AOP (ALPHA_382). */
  listings?: readonly TokenListing[];
  /**
   * Give the demo account 14 past days of points (counted volume, balance, a few airdrop
   * claims) so user-score shows a full window. Default true; today always starts at 0.
   */
  demoPointsHistory?: boolean;
}

/** Alpha points of the simulated accounts (user-score; see user-score.ts). */
export interface SimulatorPoints {
  /** Spends points as an airdrop claim would (default 15, default the demo account). */
  spend(options?: { userId?: string; score?: string }): { id: number; spendScore: string };
  /** Today's counted volume (Σ BUY quote × mulPoint), a decimal string. */
  countedToday(userId?: string): string;
}

/** Fault switches, usable from code and (as JSON) through the control API. */
export interface SimulatorFaults {
  /** Destroys every WebSocket connection without a close frame. */
  dropAllConnections(): void;
  /** Stops sending anything and answering pings, keeping TCP open. */
  stall(): void;
  /** Ends a stall. */
  resume(): void;
  /** Rejects WebSocket upgrades (HTTP 503) for `durationMs`. */
  refuseConnections(durationMs: number): void;
  /** Ends a listen key now (default: the demo account's). Returns the key, if one was live. */
  expireListenKey(listenKey?: string): string | undefined;
  /**
   * A silent key (default: the demo account's live key): the socket keeps answering pings and
   * acks, but nothing more is pushed for that key, and no listenKeyExpired says so; the next
   * get-listen-key POST hands out a new key. Returns the key, if one was live.
   */
  silenceListenKey(listenKey?: string): string | undefined;
  /** Makes the account's credentials answer 100002001 (default: the demo account). */
  invalidateSession(userId?: string): void;
  /** Sends `text` as-is to subscribers of `alpha@<listenKey>`, or to every client. */
  injectRaw(text: string, listenKey?: string): void;
  /** Sends the last frame of `alpha@<listenKey>` again (default: the demo account's key). */
  duplicateLastFrame(listenKey?: string): boolean;
  /** Holds the next `count` pushes and sends them newest first. */
  reorderNextPushes(count: number): void;
  /**
   * Loses the next `count` pushes (never sent; the socket stays up and later pushes arrive): a
   * fill's frame lost while the order's next fill is delivered.
   */
  loseNextPushes(count: number): void;
  /**
   * Blocks order placement for the account (default demo): 'verification' answers the captured
   * 补充认证 message, 'riskChallenge' adds the `risk_challenge_biz_no` /
   * `risk_challenge_enable_flow` headers; 'none' lifts it.
   */
  setOrderGate(gate: 'none' | 'verification' | 'riskChallenge', userId?: string): void;
}

/** A running simulator. Dispose it to stop everything it started. */
export interface Simulator extends AsyncDisposable {
  readonly restUrl: string;
  readonly wsUrl: string;
  /** Public market data (`ws://127.0.0.1:<port>/w3w/wsa/stream`), captured shapes, fed by the price walk. */
  readonly marketWsUrl: string;
  readonly controlUrl: string;
  readonly port: number;
  readonly clock: Clock;
  readonly demoAccount: SimAccount;
  createAccount(options?: CreateAccountOptions): SimAccount;
  /** Fresh credentials for an account (a new login); the old ones stay invalid. */
  renewSession(userId: string): SimAccount;
  readonly faults: SimulatorFaults;
  readonly market: {
    setPrice(symbol: string, price: string): void;
    getPrice(symbol: string): string;
  };
  readonly orders: {
    /**
     * Fills a working order now at the market price (or its limit, if the market has not
     * reached it): fully, by `quantity`, or by several quantities reported as one event whose
     * frames share `E` and `t`, as captured (`['200', '669.47']`).
     */
    fillNow(orderId: string, quantity?: string | string[]): void;
    /** Ends an order as EXPIRED or REJECTED (frames of those kinds are inferred). */
    endNow(orderId: string, status: 'EXPIRED' | 'REJECTED'): void;
    /** The exchange's own truth: every order of the account (default demo), as it stands. */
    list(userId?: string): Array<{ orderId: string; status: string; executedQty: string }>;
  };
  readonly points: SimulatorPoints;
  readonly demoActivity: {
    start(options?: DemoActivityOptions): void;
    stop(): void;
    readonly running: boolean;
  };
  /** Number of open WebSocket connections. */
  readonly connectionCount: number;
  /**
   * Sends `data` (an event such as an executionReport) to the account's live key, wrapped and
   * sent exactly as the exchange's own pushes are, without any order behind it: the UI bench
   * drives the page at fixed rates with it. False when the account has no live key.
   */
  pushToAccount(userId: string, data: Record<string, unknown>): boolean;
  dispose(): Promise<void>;
}
