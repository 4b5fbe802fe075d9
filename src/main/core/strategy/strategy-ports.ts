import type { OrderUpdate } from '../../../shared/domain/order-update.ts';
import type { UpdateVerdict } from '../../../shared/domain/update-verdict.ts';
import type { Event } from '../../../shared/event/emitter.ts';
import type { AlphaRestClient } from '../rest/index.ts';

export type {
  AggTicker24Item as AggTickerItem,
  ExchangeFilter,
  ExchangeInfo,
  ExchangeSymbol as ExchangeSymbolInfo,
  OrderHistoryRow as OpenOrderRow,
  OtoOrderIds,
  PlaceOtoOrderRequest,
  UserVolume,
} from '../rest/index.ts';

/**
 * What the strategy needs from the exchange: the part of `AlphaRestClient` it calls. Tests
 * use the real client against the simulator; a fake only needs these methods.
 */
export type StrategyRestPort = Pick<
  AlphaRestClient,
  | 'getAggTicker24'
  | 'getExchangeInfo'
  | 'getUserVolume'
  | 'placeOtoOrder'
  | 'cancelOrder'
  | 'getOpenOrders'
> &
  // Optional: with getUserScore, summaries carry today's points (user-score) and a points
  // target can be sized; placeOrder and getAlphaWallet sell leftovers at the end.
  Partial<Pick<AlphaRestClient, 'getUserScore' | 'placeOrder' | 'getAlphaWallet'>>;

/**
 * The OTO place body as it goes on the wire, shaped like the captured requests
 * (ALPHA-PROTOCOL.md §5): shown by `--dry-run` and checked against the fixtures. The REST
 * client builds the same body from `PlaceOtoOrderRequest`.
 */
export interface OtoOrderWireBody {
  baseAsset: string;
  quoteAsset: string;
  workingSide: 'BUY';
  workingPrice: string;
  workingQuantity: string;
  paymentDetails: [{ amount: string; paymentWalletType: 'CARD' }];
  pendingPrice: string;
  pendingType: 'LIMIT';
}

/**
 * One order update with the order book's verdict on it: whether it moved its order and what
 * fill it counted. The strategy follows the verdict and never decides again (one owner of
 * order state), so its fee totals count what the book, the window and the journal count.
 */
export interface BookedOrderUpdate {
  update: OrderUpdate;
  verdict: UpdateVerdict;
}

/** The order stream the strategy waits on (AccountMonitor.onDidReceiveOrderUpdate, mapped). */
export type OrderUpdateFeed = Event<BookedOrderUpdate>;
