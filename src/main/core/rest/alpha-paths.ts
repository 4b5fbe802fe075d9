/** REST paths on www.binance.com (and the simulator), ALPHA-PROTOCOL.md §2, §5, §6. */
export const ALPHA_PATHS = {
  listenKey: '/bapi/defi/v1/private/alpha-trade/get-listen-key',
  placeOrder: '/bapi/asset/v1/private/alpha-trade/order/place',
  placeOtoOrder: '/bapi/asset/v1/private/alpha-trade/oto-order/place',
  // defi, not asset: the captured web client cancels here.
  cancelOrder: '/bapi/defi/v1/private/alpha-trade/order/cancel',
  openOrders: '/bapi/defi/v1/private/alpha-trade/order/get-open-order',
  orderHistory: '/bapi/defi/v1/private/alpha-trade/order/get-order-history-merge',
  userTrades: '/bapi/defi/v1/private/alpha-trade/order/get-user-trades',
  aggTicker24: '/bapi/defi/v1/public/alpha-trade/aggTicker24',
  exchangeInfo: '/bapi/defi/v1/public/alpha-trade/get-exchange-info',
  userVolume: '/bapi/defi/v1/private/wallet-direct/buw/wallet/today/user-volume',
  alphaWallet: '/bapi/defi/v1/private/wallet-direct/cloud-wallet/alpha',
  // §9: points (captured) and wallet buckets (NAT's types).
  userScore: '/bapi/defi/v1/private/wallet-direct/buw/tge/common/user-score',
  walletAsset: '/bapi/asset/v3/private/asset-service/asset/get-wallet-asset',
} as const;

/** The real exchange. */
export const DEFAULT_REST_URL = 'https://www.binance.com';
