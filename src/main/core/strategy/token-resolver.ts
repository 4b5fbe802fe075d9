import Big from 'big.js';
import { StrategyError } from './strategy-error.ts';
import type { AggTickerItem } from './strategy-ports.ts';

/** A token the strategy can trade, resolved from aggTicker24 for this run. */
export interface ResolvedToken {
  /** Short symbol as users type it, e.g. `KOGE`. */
  tokenSymbol: string;
  chainName: string;
  chainId: string;
  /** e.g. `ALPHA_22`: the base asset of orders. */
  alphaId: string;
  /** e.g. `ALPHA_22USDT`: the trading symbol. */
  symbol: string;
  quoteAsset: string;
  /** Last price, decimal string. */
  price: string;
  /** Volume multiplier read now (it changes over time, so never cached across runs). */
  mulPoint: number;
  name?: string;
}

/** Quote asset of every Alpha order the strategy places (ALPHA-PROTOCOL.md §6 symbol rules). */
export const QUOTE_ASSET = 'USDT';

/** aggTicker24 gave the token a field we cannot use (no alphaId, no price above 0). */
const unusable = (token: string, field: 'alphaId' | 'price') =>
  new StrategyError({ code: 'UNEXPECTED_REPLY', path: 'aggTicker24', field: `${token}.${field}` });

/**
 * Finds `symbol` on `chain` in aggTicker24 items. The chain is matched by name (`BSC`) or id
 * (`56`), case-insensitively: the original matched the symbol only, so same-symbol tokens on
 * different chains were confused.
 */
export function resolveToken(
  items: readonly AggTickerItem[],
  query: { token: string; chain: string },
): ResolvedToken {
  const token = query.token.trim().toUpperCase();
  const chain = query.chain.trim().toUpperCase();
  const bySymbol = items.filter((item) => String(item.symbol).toUpperCase() === token);
  const matches = bySymbol.filter(
    (item) => String(item.chainName).toUpperCase() === chain || String(item.chainId) === chain,
  );
  if (matches.length === 0) {
    const chains = [...new Set(bySymbol.map((item) => item.chainName))];
    throw new StrategyError({
      code: 'TOKEN_NOT_FOUND',
      token,
      chain: query.chain,
      ...(chains.length > 0 ? { listedOn: chains.join(', ') } : {}),
    });
  }
  if (matches.length > 1) {
    const list = matches.map((m) => `${m.alphaId} (${m.name ?? '?'}, ${m.contractAddress ?? '?'})`);
    throw new StrategyError({
      code: 'TOKEN_AMBIGUOUS',
      token,
      chain: query.chain,
      count: matches.length,
      candidates: list.join('; '),
    });
  }
  const item = matches[0]!;
  if (item.offline === true) {
    throw new StrategyError({ code: 'TOKEN_OFFLINE', token, alphaId: String(item.alphaId) });
  }
  if (item.offsell === true) {
    throw new StrategyError({
      code: 'TOKEN_SELL_SUSPENDED',
      token,
      alphaId: String(item.alphaId),
    });
  }
  if (typeof item.alphaId !== 'string' || !/^ALPHA_\d+$/.test(item.alphaId)) {
    throw unusable(token, 'alphaId');
  }
  let price: Big;
  try {
    price = new Big(item.price);
  } catch {
    throw unusable(token, 'price');
  }
  if (price.lte(0)) throw unusable(token, 'price');
  const mulPoint = Number(item.mulPoint);
  return {
    tokenSymbol: token,
    chainName: item.chainName,
    chainId: String(item.chainId),
    alphaId: item.alphaId,
    symbol: `${item.alphaId}${QUOTE_ASSET}`,
    quoteAsset: QUOTE_ASSET,
    price: price.toFixed(),
    // A missing or odd multiplier counts as 1: it only changes how volume is read.
    mulPoint: Number.isInteger(mulPoint) && mulPoint >= 1 ? mulPoint : 1,
    name: item.name,
  };
}
