import type { AccountState } from './accounts.ts';
import { exchangeInfoSymbol } from './catalog.ts';
import { Big, plain } from './decimal.ts';
import { randomUUID } from 'node:crypto';
import { assertNever } from '../../shared/assert-never.ts';
import { SimBusinessError, SimErrorCode, SUPPLEMENTARY_VERIFICATION_MESSAGE } from './errors.ts';
import type { ListenKeyRegistry } from './listen-keys.ts';
import type { Market } from './market.ts';
import type { MatchingEngine } from './matching-engine.ts';
import { historyRow, queryHistory, userTradeRow, type HistoryTimeFilter } from './order-rows.ts';
import { parseCancelRequest, parseLimitRequest, parseOtoRequest } from './order-validation.ts';
import type { VolumeBook } from './user-volume.ts';
import type { ScoreBook } from './user-score.ts';
import { walletAssetRows } from './wallet-asset.ts';
import type { Clock } from '../core/ports/clock.ts';

/** What a handler sees: the authenticated account (private routes), query and JSON body. */
export interface RestRequest {
  account: AccountState | undefined;
  query: URLSearchParams;
  body: unknown;
}

/** `data` for the envelope, plus optional top-level fields (e.g. `total`). */
export interface RestResult {
  data: unknown;
  extra?: Record<string, unknown>;
}

export interface RestRoute {
  method: 'GET' | 'POST';
  path: string;
  /** Private routes need a live session (else 100002001). */
  private: boolean;
  handle(request: RestRequest): RestResult;
}

export interface RestDeps {
  clock: Clock;
  market: Market;
  engine: MatchingEngine;
  listenKeys: ListenKeyRegistry;
  volume: VolumeBook;
  scores: ScoreBook;
  historyTimeFilter?: HistoryTimeFilter;
}

const DEFI = '/bapi/defi/v1';
const ASSET = '/bapi/asset/v1';
const ASSET_V3 = '/bapi/asset/v3';
const ALL_HISTORY_STATUSES = 'FILLED,PARTIALLY_FILLED,EXPIRED,CANCELED,REJECTED';

function me(request: RestRequest): AccountState {
  if (!request.account) throw new Error('private route without an account');
  return request.account;
}

/**
 * Order placement may be blocked. inferred: the 补充认证 message is captured but not its code;
 * the risk-challenge headers come from NAT's client (rest.rs), the body with them is unknown.
 */
function placer(request: RestRequest): AccountState {
  const account = me(request);
  switch (account.orderGate) {
    case 'none':
      return account;
    case 'verification':
      throw new SimBusinessError(
        SimErrorCode.verificationRequired,
        SUPPLEMENTARY_VERIFICATION_MESSAGE,
      );
    case 'riskChallenge':
      throw new SimBusinessError(SimErrorCode.riskChallenge, 'Risk challenge required.', {
        risk_challenge_biz_no: randomUUID().replace(/-/g, ''),
        risk_challenge_enable_flow: 'true',
      });
    default:
      return assertNever(account.orderGate, 'order gate');
  }
}

function intParam(
  query: URLSearchParams,
  name: string,
  fallback: number | undefined,
  min = 0,
): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw new SimBusinessError(
      SimErrorCode.illegalParameter,
      `${name} must be an integer ≥ ${min}.`,
    );
  }
  return Number(raw);
}

/** Every REST endpoint the simulator serves, at the paths www.binance.com uses. */
export function createRestRoutes(deps: RestDeps): RestRoute[] {
  const { engine, market, listenKeys, volume, scores, clock } = deps;
  return [
    {
      method: 'POST',
      path: `${DEFI}/private/alpha-trade/get-listen-key`,
      private: true,
      // Captured: `data` is the key itself, a plain string.
      handle: (r) => ({ data: listenKeys.obtain(me(r).userId) }),
    },
    {
      method: 'POST',
      path: `${ASSET}/private/alpha-trade/order/place`,
      private: true,
      // Captured: `data` is the order id as a string.
      handle: (r) => ({
        data: engine.placeLimit(placer(r), parseLimitRequest(market, r.body)).orderId,
      }),
    },
    {
      method: 'POST',
      path: `${ASSET}/private/alpha-trade/oto-order/place`,
      private: true,
      handle: (r) => {
        const { working, pending } = engine.placeOto(placer(r), parseOtoRequest(market, r.body));
        // Captured: the ids are JSON numbers here (strings everywhere else).
        return {
          data: {
            workingOrderId: Number(working.orderId),
            pendingOrderId: Number(pending.orderId),
          },
        };
      },
    },
    {
      method: 'POST',
      path: `${DEFI}/private/alpha-trade/order/cancel`,
      private: true,
      handle: (r) => {
        const { orderId, symbol } = parseCancelRequest(r.body);
        engine.cancel(me(r).userId, orderId, symbol);
        return { data: null };
      },
    },
    {
      method: 'GET',
      path: `${DEFI}/private/alpha-trade/order/get-open-order`,
      private: true,
      handle: (r) => {
        const side = r.query.get('side') || undefined;
        const symbol = r.query.get('symbol') || undefined;
        // Pending OTO legs are listed too (status PENDING); the real answer is not captured.
        // From the open set, not the account's whole history (a reconciliation asks every minute).
        const rows = engine
          .openOrdersOf(me(r).userId)
          .filter((o) => (!side || o.side === side) && (!symbol || o.symbol === symbol));
        return { data: rows.map(historyRow) };
      },
    },
    {
      method: 'GET',
      path: `${DEFI}/private/alpha-trade/order/get-order-history-merge`,
      private: true,
      handle: (r) => {
        const statuses = (r.query.get('orderStatus') || ALL_HISTORY_STATUSES)
          .split(',')
          .filter(Boolean);
        const { rows, total } = queryHistory(engine.ordersOf(me(r).userId), {
          page: intParam(r.query, 'page', 1, 1)!,
          rows: Math.min(intParam(r.query, 'rows', 50, 1)!, 500),
          statuses: new Set(statuses),
          startTimeMs: intParam(r.query, 'startTime', undefined),
          endTimeMs: intParam(r.query, 'endTime', undefined),
          side: r.query.get('side') || undefined,
          baseAsset: r.query.get('baseAsset') || undefined,
          symbol: r.query.get('symbol') || undefined,
          kind: r.query.get('kind') || undefined,
          timeFilter: deps.historyTimeFilter,
        });
        return { data: rows.map(historyRow), extra: { total } };
      },
    },
    {
      method: 'GET',
      path: `${DEFI}/private/alpha-trade/order/get-user-trades`,
      private: true,
      handle: (r) => {
        const orderId = r.query.get('orderId') || undefined;
        const symbol = r.query.get('symbol') || undefined;
        const start = intParam(r.query, 'startTime', undefined);
        const end = intParam(r.query, 'endTime', undefined);
        const rows = engine
          .ordersOf(me(r).userId)
          .filter((o) => (!orderId || o.orderId === orderId) && (!symbol || o.symbol === symbol))
          .flatMap((o) => o.fills.map((f) => ({ o, f })))
          .filter(
            ({ f }) =>
              (start === undefined || f.timeMs >= start) && (end === undefined || f.timeMs <= end),
          )
          // Captured: newest fill (highest pageId) first.
          .sort((a, b) => Number(b.f.pageId) - Number(a.f.pageId));
        return { data: rows.map(({ o, f }) => userTradeRow(o, f, market)) };
      },
    },
    {
      method: 'GET',
      path: `${DEFI}/public/alpha-trade/aggTicker24`,
      private: false,
      handle: () => ({
        data: market.all().map((t) => {
          const {
            tokenId,
            chainId,
            chainIconUrl,
            chainName,
            contractAddress,
            name,
            iconUrl,
            ...rest
          } = t.listing.ticker;
          // Key order as captured: identity, symbol, icon, price, then the rest.
          return {
            tokenId,
            chainId,
            chainIconUrl,
            chainName,
            contractAddress,
            name,
            symbol: t.listing.shortName,
            iconUrl,
            price: t.price.toFixed(20),
            ...rest,
            alphaId: t.listing.alphaId,
            mulPoint: t.listing.mulPoint,
          };
        }),
      }),
    },
    {
      method: 'GET',
      path: `${DEFI}/public/alpha-trade/get-exchange-info`,
      private: false,
      handle: () => ({
        data: {
          timezone: 'UTC',
          serverTime: clock.now(),
          symbols: market.all().map((t) => exchangeInfoSymbol(t.listing)),
        },
      }),
    },
    {
      method: 'GET',
      // The 2026 capture shows only the body; this path is a guess next to its siblings.
      path: `${DEFI}/private/alpha-trade/get-fee-rate`,
      private: true,
      // Units of 1e-6: 100 = 0.01%, the rate every captured fill paid.
      handle: () => ({ data: { buyerCommission: 100, sellerCommission: 100 } }),
    },
    {
      method: 'GET',
      path: `${DEFI}/private/wallet-direct/buw/wallet/today/user-volume`,
      private: true,
      handle: (r) => ({ data: volume.reply(me(r).userId) }),
    },
    {
      method: 'GET',
      path: `${DEFI}/private/wallet-direct/cloud-wallet/alpha`,
      private: true,
      handle: (r) => ({ data: alphaWallet(me(r), market) }),
    },
    {
      method: 'GET',
      path: `${DEFI}/private/wallet-direct/buw/tge/common/user-score`,
      private: true,
      // Captured (user-score.15-days.consistency-checked.json); see user-score.ts.
      handle: (r) => ({ data: scores.reply(me(r)) }),
    },
    {
      method: 'POST',
      path: `${ASSET_V3}/private/asset-service/asset/get-wallet-asset`,
      private: true,
      // ALPHA-PROTOCOL.md §9 (NAT's types from real replies); see wallet-asset.ts.
      handle: (r) => ({ data: walletAssetRows(me(r), r.body) }),
    },
  ];
}

/** The Alpha wallet: tokens only (USDT lives in the funding wallet that pays for BUYs). */
function alphaWallet(account: AccountState, market: Market): Record<string, unknown> {
  let total = new Big(0);
  const list = market
    .all()
    .filter((t) => account.balances.assets().includes(t.listing.alphaId))
    .map((t) => {
      const free = account.balances.free(t.listing.alphaId);
      const freeze = account.balances.locked(t.listing.alphaId);
      const amount = free.plus(freeze);
      const valuation = amount.times(t.price).round(8, Big.roundDown);
      total = total.plus(valuation);
      return {
        chainId: String(t.listing.ticker.chainId),
        contractAddress: String(t.listing.ticker.contractAddress),
        cexAsset: false,
        name: String(t.listing.ticker.name),
        symbol: t.listing.shortName,
        tokenId: t.listing.alphaId,
        free: plain(free),
        freeze: plain(freeze),
        locked: '0',
        withdrawing: '0',
        amount: plain(amount),
        valuation: valuation.toFixed(8),
      };
    });
  return { totalValuation: total.toFixed(8), list };
}
