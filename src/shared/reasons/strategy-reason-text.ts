import type { Lang } from '../i18n/lang.ts';
import { describeReason } from './reason-text.ts';
import {
  isOwnStrategyReason,
  type FilterProblem,
  type OwnStrategyReasonCode,
  type StrategyReason,
  type StrategyReasonOf,
} from './strategy-reason.ts';

/** Renders a nested reason (a cause, the last failure) in the same language. */
interface Inner {
  (reason: StrategyReason): string;
}

/** One sentence per code, in one language; a `Record` so a missing one does not compile. */
type StrategyReasonTexts = {
  [C in OwnStrategyReasonCode]: (reason: StrategyReasonOf<C>, inner: Inner) => string;
};

/** The texts of one language besides the reasons: the parts sentences are built of. */
interface Language {
  reasons: StrategyReasonTexts;
  filter: (problem: FilterProblem) => string;
  /** How the filter problems of one order are joined. */
  join: string;
}

const EN_LEG = { buy: 'buy', sell: 'sell' } as const;

const EN: Language = {
  join: '; ',
  filter: (p) => {
    switch (p.rule) {
      case 'PRICE_ZERO':
        return p.leg === 'buy'
          ? `buy price ${p.price} is not above 0`
          : `sell price ${p.price} rounds down to 0 at tick ${p.tickSize ?? '?'}`;
      case 'PRICE_BELOW_MIN':
        return `${EN_LEG[p.leg]} price ${p.price} is below the minimum price ${p.limit}`;
      case 'PRICE_ABOVE_MAX':
        return `${EN_LEG[p.leg]} price ${p.price} is above the maximum price ${p.limit}`;
      case 'QUANTITY_ZERO':
        return `quantity rounds down to 0 at lot step ${p.stepSize ?? '?'}`;
      case 'QUANTITY_BELOW_MIN':
        return `quantity ${p.quantity} is below the minimum quantity ${p.limit}`;
      case 'QUANTITY_ABOVE_MAX':
        return `quantity ${p.quantity} is above the maximum quantity ${p.limit}`;
      case 'NOTIONAL_BELOW_MIN':
        return `order value ${p.notionalUsdt} USDT is below the minimum notional ${p.limit}`;
      case 'NOTIONAL_ABOVE_MAX':
        return `order value ${p.notionalUsdt} USDT is above the maximum notional ${p.limit}`;
      case 'PRICE_ABOVE_MARKET':
        return `buy price is more than ${p.multiplier}× the market price`;
      case 'PRICE_BELOW_MARKET':
        return `buy price is less than ${p.multiplier}× the market price`;
    }
  },
  reasons: {
    MAX_WEAR_TRADE: (r) =>
      `trade ${r.trade} wore ${r.wearBps} bps, above the limit of ${r.maxWearBps} bps`,
    MAX_WEAR_RUN: (r) =>
      `the run's average wear ${r.wearBps} bps is above the limit of ${r.maxWearBps} bps`,
    PRICE_MOVED: (r) =>
      `the price moved ${r.movedPct} % during trade ${r.trade} (${r.before} → ${r.after}), more than the limit of ${r.maxMovePct} %`,
    MAX_LOSS: (r) => `realised cost ${r.costUsdt} USDT reached the limit of ${r.maxLossUsdt} USDT`,
    TOO_MANY_FAILURES: (r, inner) => `${r.failures} failed trades in a row; last: ${inner(r.last)}`,
    STREAM_STOPPED: (r, inner) => `the order stream stopped: ${inner(r.cause)}`,
    STREAM_FAILED_BEFORE_START: (r, inner) =>
      `The order stream failed before the first order${r.cause ? `: ${inner(r.cause)}` : ''}`,
    PLACE_FAILED: (r, inner) => `placing the order failed: ${inner(r.cause)}`,
    WORKING_TIMEOUT: (r) => `the buy ${r.orderId} did not fill in time and was cancelled`,
    CANCEL_UNCONFIRMED: (r) =>
      `the buy ${r.orderId} did not fill and its cancel could not be confirmed`,
    WORKING_ENDED: (r) => `the buy ${r.orderId} ended ${r.status}`,
    PENDING_ENDED: (r) => `the sell ${r.orderId} ended ${r.status}`,
    TOKEN_NOT_FOUND: (r) =>
      r.listedOn === undefined
        ? `No Alpha token with symbol ${r.token} in the token list`
        : `No ${r.token} on chain ${r.chain}; it is listed on: ${r.listedOn}`,
    TOKEN_AMBIGUOUS: (r) => `${r.count} tokens named ${r.token} on ${r.chain}: ${r.candidates}`,
    TOKEN_OFFLINE: (r) => `${r.token} (${r.alphaId}) is offline on Binance Alpha`,
    TOKEN_SELL_SUSPENDED: (r) =>
      `${r.token} (${r.alphaId}) has selling suspended (offsell): the pending SELL could not run`,
    SYMBOL_NOT_TRADING: (r) =>
      r.status === undefined
        ? `${r.symbol} is not in the exchange info`
        : `${r.symbol} is ${r.status}, not TRADING`,
    FILTER_VIOLATION: (r) =>
      `Order not sent (${r.symbol}, ${r.amountUsdt} USDT at ${r.price}): ${r.problems ? r.problems.map(EN.filter).join(EN.join) : 'it breaks a rule of the exchange'}`,
    INVALID_PARAMS: (r) => {
      switch (r.problem) {
        case 'not-a-number':
          return `--${r.param} must be a number, got "${r.value}"`;
        case 'negative':
          return `--${r.param} must not be negative, got ${r.value}`;
        case 'not-positive':
          return `--${r.param} must be above 0, got ${r.value}`;
        case 'out-of-range':
          return `--${r.param} must be in ${r.range ?? '?'}, got ${r.value}`;
        case 'not-whole':
          return `--${r.param} must be a whole number, got ${r.value}`;
      }
    },
    TOO_MANY_TRADES: (r) =>
      `the target needs about ${r.trades} trades of ${r.amountUsdt} USDT, more than the ${r.maxTrades} one run may place; lower the target or raise the amount`,
    POINTS_UNAVAILABLE: () =>
      "today's points (user-score) could not be read, so a points target cannot be sized",
  },
};

/** Text from outside (a token's name, a chain list), quoted inside a Chinese sentence. */
const q = (text: string) => `“${text}”`;
const ZH_LEG = { buy: '买单', sell: '卖单' } as const;

const ZH: Language = {
  join: '；',
  filter: (p) => {
    switch (p.rule) {
      case 'PRICE_ZERO':
        return p.leg === 'buy'
          ? `买单价格 ${p.price} 不大于 0`
          : `卖单价格 ${p.price} 按价格步长 ${p.tickSize ?? '?'} 向下取整后为 0`;
      case 'PRICE_BELOW_MIN':
        return `${ZH_LEG[p.leg]}价格 ${p.price} 低于最低价格 ${p.limit}`;
      case 'PRICE_ABOVE_MAX':
        return `${ZH_LEG[p.leg]}价格 ${p.price} 高于最高价格 ${p.limit}`;
      case 'QUANTITY_ZERO':
        return `数量按数量步长 ${p.stepSize ?? '?'} 向下取整后为 0`;
      case 'QUANTITY_BELOW_MIN':
        return `数量 ${p.quantity} 低于最小数量 ${p.limit}`;
      case 'QUANTITY_ABOVE_MAX':
        return `数量 ${p.quantity} 高于最大数量 ${p.limit}`;
      case 'NOTIONAL_BELOW_MIN':
        return `订单金额 ${p.notionalUsdt} USDT 低于最小下单额 ${p.limit}`;
      case 'NOTIONAL_ABOVE_MAX':
        return `订单金额 ${p.notionalUsdt} USDT 高于最大下单额 ${p.limit}`;
      case 'PRICE_ABOVE_MARKET':
        return `买单价格高于现价的 ${p.multiplier} 倍`;
      case 'PRICE_BELOW_MARKET':
        return `买单价格低于现价的 ${p.multiplier} 倍`;
    }
  },
  reasons: {
    MAX_WEAR_TRADE: (r) => `第 ${r.trade} 笔磨损 ${r.wearBps} bps，超过上限 ${r.maxWearBps} bps`,
    MAX_WEAR_RUN: (r) => `本次运行平均磨损 ${r.wearBps} bps，超过上限 ${r.maxWearBps} bps`,
    PRICE_MOVED: (r) =>
      `第 ${r.trade} 笔期间价格变动 ${r.movedPct} %（${r.before} → ${r.after}），超过上限 ${r.maxMovePct} %`,
    MAX_LOSS: (r) => `已实现成本 ${r.costUsdt} USDT 达到上限 ${r.maxLossUsdt} USDT`,
    TOO_MANY_FAILURES: (r, inner) => `连续 ${r.failures} 笔交易失败；最后一次：${inner(r.last)}`,
    STREAM_STOPPED: (r, inner) => `订单推送已停止：${inner(r.cause)}`,
    STREAM_FAILED_BEFORE_START: (r, inner) =>
      `第一笔订单之前订单推送已失败${r.cause ? `：${inner(r.cause)}` : ''}`,
    PLACE_FAILED: (r, inner) => `下单失败：${inner(r.cause)}`,
    WORKING_TIMEOUT: (r) => `买单 ${r.orderId} 超时未成交，已撤销`,
    CANCEL_UNCONFIRMED: (r) => `买单 ${r.orderId} 未成交，且无法确认已撤销`,
    WORKING_ENDED: (r) => `买单 ${r.orderId} 以 ${r.status} 结束`,
    PENDING_ENDED: (r) => `卖单 ${r.orderId} 以 ${r.status} 结束`,
    TOKEN_NOT_FOUND: (r) =>
      r.listedOn === undefined
        ? `代币列表中没有符号为 ${r.token} 的 Alpha 代币`
        : `链 ${r.chain} 上没有 ${r.token}；它在这些链上：${q(r.listedOn)}`,
    TOKEN_AMBIGUOUS: (r) =>
      `${r.chain} 上有 ${r.count} 个名为 ${r.token} 的代币：${q(r.candidates)}`,
    TOKEN_OFFLINE: (r) => `${r.token}（${r.alphaId}）已在币安 Alpha 下线`,
    TOKEN_SELL_SUSPENDED: (r) =>
      `${r.token}（${r.alphaId}）已暂停卖出（offsell）：挂单 SELL 无法执行`,
    SYMBOL_NOT_TRADING: (r) =>
      r.status === undefined
        ? `交易对 ${r.symbol} 不在交易规则（exchange info）中`
        : `交易对 ${r.symbol} 的状态为 ${r.status}，不可交易`,
    FILTER_VIOLATION: (r) =>
      `订单未发送（${r.symbol}，${r.amountUsdt} USDT，价格 ${r.price}）：${r.problems ? r.problems.map(ZH.filter).join(ZH.join) : '违反交易所的下单规则'}`,
    INVALID_PARAMS: (r) => {
      switch (r.problem) {
        case 'not-a-number':
          return `--${r.param} 必须是数字，实际为 "${r.value}"`;
        case 'negative':
          return `--${r.param} 不能为负数，实际为 ${r.value}`;
        case 'not-positive':
          return `--${r.param} 必须大于 0，实际为 ${r.value}`;
        case 'out-of-range':
          return `--${r.param} 必须在 ${r.range ?? '?'} 范围内，实际为 ${r.value}`;
        case 'not-whole':
          return `--${r.param} 必须是整数，实际为 ${r.value}`;
      }
    },
    TOO_MANY_TRADES: (r) =>
      `目标约需 ${r.trades} 笔、每笔 ${r.amountUsdt} USDT，超过单次运行最多 ${r.maxTrades} 笔；请降低目标或提高每笔金额`,
    POINTS_UNAVAILABLE: () => '无法读取今日积分（user-score），因此无法按积分目标计算交易量',
  },
};

const LANGUAGES: Record<Lang, Language> = { en: EN, 'zh-CN': ZH };

/** A strategy reason as a clause in `lang` (nested reasons included). */
export function describeStrategyReason(lang: Lang, reason: StrategyReason): string {
  if (!isOwnStrategyReason(reason)) return describeReason(lang, reason);
  const text = LANGUAGES[lang].reasons[reason.code] as (
    reason: StrategyReason,
    inner: Inner,
  ) => string;
  return text(reason, (inner) => describeStrategyReason(lang, inner));
}
