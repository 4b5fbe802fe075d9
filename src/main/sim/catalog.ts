/**
 * The tokens the simulator lists. Static fields come from the captured aggTicker24 items and
 * exchange-info symbols (test/fixtures/protocol/rest/agg-ticker24.entries.KOGE-ALEO-AOP.json,
 * exchange-info.symbols.ALPHA_22USDT-ALPHA_373USDT.json); only `price` moves (market.ts).
 */

/** Filter parameters a symbol uses; every other filter key is sent as null, as captured. */
export interface SymbolRules {
  minPrice: string;
  maxPrice: string;
  tickSize: string;
  stepSize: string;
  minQty: string;
  maxQty: string;
  maxNumOrders: number;
  minNotional: string;
  maxNotional: string;
  multiplierDown: string;
  multiplierUp: string;
}

export interface TokenListing {
  /** `ALPHA_22` */
  alphaId: string;
  /** Short name as users know it (`KOGE`); user-volume reports it as `tokenName`. */
  shortName: string;
  quoteAsset: 'USDT';
  mulPoint: number;
  /** exchange-info precisions; default 8 each (the 2025 captures). */
  precision?: { price: number; quantity: number; baseAsset: number };
  /** Where the price walk starts. */
  initialPrice: string;
  rules: SymbolRules;
  /** The aggTicker24 item without `price`, `alphaId`, `symbol` and `mulPoint`. */
  ticker: Record<string, unknown>;
}

const BSC = {
  chainId: '56',
  chainIconUrl:
    'https://bin.bnbstatic.com/image/admin_mgs_image_upload/20250228/d0216ce4-a3e9-4bda-8937-4a6aa943ccf2.png',
  chainName: 'BSC',
};

function tickerFields(fields: {
  tokenId: string;
  contractAddress: string;
  name: string;
  iconUrl: string;
  decimals: number;
  totalSupply: string;
  circulatingSupply: string;
  listingCex: boolean;
  cexCoinName: string;
  onlineAirdrop: boolean;
  score: number;
  listingTime: number;
}): Record<string, unknown> {
  // Key order and the constant fields follow the captured items.
  return {
    tokenId: fields.tokenId,
    ...BSC,
    contractAddress: fields.contractAddress,
    name: fields.name,
    iconUrl: fields.iconUrl,
    percentChange24h: '0.00',
    volume24h: '0',
    marketCap: '0',
    fdv: '0',
    liquidity: '1599359.2500316912194345',
    totalSupply: fields.totalSupply,
    circulatingSupply: fields.circulatingSupply,
    holders: '21609',
    decimals: fields.decimals,
    listingCex: fields.listingCex,
    hotTag: false,
    cexCoinName: fields.cexCoinName,
    canTransfer: false,
    denomination: 1,
    offline: false,
    tradeDecimal: 8,
    offsell: false,
    priceHigh24h: '0',
    priceLow24h: '0',
    count24h: '0',
    onlineTge: false,
    onlineAirdrop: fields.onlineAirdrop,
    score: fields.score,
    cexOffDisplay: false,
    stockState: false,
    listingTime: fields.listingTime,
    bnExclusiveState: false,
  };
}

/** KOGE/BSC = ALPHA_22 (mulPoint 1), ALEO = ALPHA_373 (mulPoint 4), AOP = ALPHA_382. */
export const DEFAULT_LISTINGS: readonly TokenListing[] = [
  {
    alphaId: 'ALPHA_22',
    shortName: 'KOGE',
    quoteAsset: 'USDT',
    mulPoint: 1,
    initialPrice: '48.02764722',
    rules: {
      minPrice: '0.00000001',
      maxPrice: '100000',
      tickSize: '0.00000001',
      stepSize: '0.00010000',
      minQty: '0.00010000',
      maxQty: '19909',
      maxNumOrders: 200,
      minNotional: '0.1',
      maxNotional: '1000000',
      multiplierDown: '0.00001',
      multiplierUp: '100000',
    },
    ticker: tickerFields({
      tokenId: 'CC1F457B32142B93198987B7FC893B26',
      contractAddress: '0xe6df05ce8c8301223373cf5b969afcb1498c5528',
      name: '48 Club Token',
      iconUrl:
        'https://bin.bnbstatic.com/images/web3-data/public/token/logos/CC1F457B32142B93198987B7FC893B26.png',
      decimals: 18,
      totalSupply: '3388228.433995',
      circulatingSupply: '3388228.43',
      listingCex: true,
      cexCoinName: 'KOGE',
      onlineAirdrop: false,
      score: 101,
      listingTime: 1734687000000,
    }),
  },
  {
    alphaId: 'ALPHA_373',
    shortName: 'ALEO',
    quoteAsset: 'USDT',
    mulPoint: 4,
    // The price of the captured OTO fills (fixtures/ws/oto-buy-fill-then-sell-fill.jsonl).
    initialPrice: '0.22690468',
    rules: {
      minPrice: '0.00000001',
      maxPrice: '1000',
      tickSize: '0.00000001',
      stepSize: '0.01000000',
      minQty: '0.01000000',
      maxQty: '4180602',
      maxNumOrders: 200,
      minNotional: '0.1',
      maxNotional: '1000000',
      multiplierDown: '0.20000',
      multiplierUp: '5',
    },
    ticker: tickerFields({
      tokenId: '1FCAD946105814165F6E94D2E2EF0CC2',
      contractAddress: '0x6cfffa5bfd4277a04d83307feedfe2d18d944dd2',
      name: 'Aleo',
      iconUrl:
        'https://bin.bnbstatic.com/images/web3-data/public/token/logos/7b5affd8bcac448d94733cf0df62827f.png',
      decimals: 6,
      totalSupply: '1839088750.159348',
      circulatingSupply: '563204511.953868',
      listingCex: false,
      cexCoinName: '',
      onlineAirdrop: true,
      score: 111,
      listingTime: 1757833200000,
    }),
  },
  {
    alphaId: 'ALPHA_382',
    shortName: 'AOP',
    quoteAsset: 'USDT',
    mulPoint: 1,
    initialPrice: '0.05978940',
    // Not captured for AOP: modelled on ALPHA_373USDT.
    rules: {
      minPrice: '0.00000001',
      maxPrice: '1000',
      tickSize: '0.00000001',
      stepSize: '0.01000000',
      minQty: '0.01000000',
      maxQty: '9999999',
      maxNumOrders: 200,
      minNotional: '0.1',
      maxNotional: '1000000',
      multiplierDown: '0.20000',
      multiplierUp: '5',
    },
    ticker: tickerFields({
      tokenId: '39883516E77864312AB4CE3A0BDAF1E4',
      contractAddress: '0xd5df4d260d7a0145f655bcbf3b398076f21016c7',
      name: 'Ark Of Panda',
      iconUrl:
        'https://bin.bnbstatic.com/images/web3-data/public/token/logos/849a8d47df8a49ff93f01f8e3241f990.png',
      decimals: 18,
      totalSupply: '2000000000',
      circulatingSupply: '300000000',
      listingCex: false,
      cexCoinName: '',
      onlineAirdrop: true,
      score: 101,
      listingTime: 1758283200000,
    }),
  },
  {
    // NEX on BSC, the token of the 2026 browser capture (fixtures/rest/capture-2026-05-21):
    // a 1e-9 tick and a 0.1 lot step, so those captured requests replay verbatim.
    alphaId: 'ALPHA_971',
    shortName: 'NEX',
    quoteAsset: 'USDT',
    mulPoint: 1,
    precision: { price: 9, quantity: 2, baseAsset: 2 },
    initialPrice: '0.000005583',
    rules: {
      minPrice: '0.000000001',
      maxPrice: '1000',
      tickSize: '0.000000001',
      stepSize: '0.10',
      minQty: '0.10',
      maxQty: '9999999999',
      maxNumOrders: 200,
      minNotional: '0.1',
      maxNotional: '1000000',
      multiplierDown: '0.20000',
      multiplierUp: '5',
    },
    ticker: tickerFields({
      tokenId: '0E1C6B3A1F2D4C5B8A9E7D6C5B4A3F2E',
      contractAddress: '0x365de036a1f7dccb621530d517133521debb2013',
      name: 'NEX',
      iconUrl: 'https://bin.bnbstatic.com/images/web3-data/public/token/logos/nex.png',
      decimals: 18,
      totalSupply: '100000000000',
      circulatingSupply: '60000000000',
      listingCex: false,
      cexCoinName: '',
      onlineAirdrop: false,
      score: 101,
      listingTime: 1779000000000,
    }),
  },
];

/** `ALPHA_22` + `USDT` → `ALPHA_22USDT`. */
export function symbolOf(listing: Pick<TokenListing, 'alphaId' | 'quoteAsset'>): string {
  return `${listing.alphaId}${listing.quoteAsset}`;
}

const FILTER_KEYS = [
  'minPrice',
  'maxPrice',
  'tickSize',
  'stepSize',
  'maxQty',
  'minQty',
  'limit',
  'minNotional',
  'maxNotional',
  'multiplierDown',
  'multiplierUp',
  'bidMultiplierUp',
  'askMultiplierUp',
  'bidMultiplierDown',
  'askMultiplierDown',
] as const;

function filter(filterType: string, set: Partial<Record<(typeof FILTER_KEYS)[number], unknown>>) {
  const out: Record<string, unknown> = { filterType };
  for (const key of FILTER_KEYS) out[key] = set[key] ?? null;
  return out;
}

/** One `data.symbols[]` item of get-exchange-info, in the captured shape. */
export function exchangeInfoSymbol(listing: TokenListing): Record<string, unknown> {
  const r = listing.rules;
  return {
    symbol: symbolOf(listing),
    status: 'TRADING',
    baseAsset: listing.alphaId,
    quoteAsset: listing.quoteAsset,
    pricePrecision: listing.precision?.price ?? 8,
    quantityPrecision: listing.precision?.quantity ?? 8,
    baseAssetPrecision: listing.precision?.baseAsset ?? 8,
    quotePrecision: 8,
    filters: [
      filter('PRICE_FILTER', { minPrice: r.minPrice, maxPrice: r.maxPrice, tickSize: r.tickSize }),
      filter('LOT_SIZE', { stepSize: r.stepSize, maxQty: r.maxQty, minQty: r.minQty }),
      filter('MAX_NUM_ORDERS', { limit: r.maxNumOrders }),
      filter('MIN_NOTIONAL', { minNotional: r.minNotional }),
      filter('MAX_NOTIONAL', { maxNotional: r.maxNotional }),
      filter('NOTIONAL', { minNotional: r.minNotional, maxNotional: r.maxNotional }),
      filter('PERCENT_PRICE', { multiplierDown: r.multiplierDown, multiplierUp: r.multiplierUp }),
      filter('PERCENT_PRICE_BY_SIDE', {
        bidMultiplierUp: r.multiplierUp,
        askMultiplierUp: r.multiplierUp,
        bidMultiplierDown: r.multiplierDown,
        askMultiplierDown: r.multiplierDown,
      }),
    ],
    orderTypes: ['LIMIT'],
  };
}
