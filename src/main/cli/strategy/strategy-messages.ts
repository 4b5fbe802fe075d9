import Big from 'big.js';
import { assertNever } from '../../../shared/assert-never.ts';
import {
  DEFAULT_STRATEGY_PARAMS,
  MAX_TARGET_POINTS,
  type LeftoverSale,
  type StrategyEvent,
  type StrategyPreparation,
  type StrategySummary,
} from '../../core/strategy/index.ts';
import { accountStopAdvice, isAccountStopCode } from '../../../shared/reasons/account-stop.ts';
import { describeStrategyReason } from '../../../shared/reasons/strategy-reason-text.ts';
import { defineMessages, type Lang } from '../i18n/lang.ts';
import { wearPhrase } from '../i18n/points-messages.ts';

export const errorCode = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
};

export const money = (v: string, dp = 4) => new Big(v).toFixed(dp);

/** A decimal as it is, every digit kept (fees are a few millionths of a USDT). */
export const exact = (v: string) => new Big(v).toFixed();

/**
 * A leftover sale's fee as charged: its USDT part, and each fee charged in another asset (BNB)
 * in that asset, said to be not valued, since `feeUsdt` leaves them out: "0.00025 BNB (not
 * valued in USDT)" alone read "0 USDT", as if the sale cost nothing.
 */
const leftoverFee = (lang: Lang, l: LeftoverSale) => {
  const usdt = `${exact(l.feeUsdt ?? '0')} USDT`;
  const others = (l.unvaluedFees ?? []).map((f) => `${exact(f.amount)} ${f.asset}`);
  if (others.length === 0) return usdt;
  const parts = l.feeUsdt !== null && new Big(l.feeUsdt).gt(0) ? [usdt, ...others] : others;
  return `${parts.join(' + ')}${lang === 'en' ? ' (not valued in USDT)' : '（未折算为 USDT）'}`;
};

/** Today's account figures at the start (user-score), when known. */
const todayOf = (p: StrategyPreparation) =>
  p.todayCountedUsdt === null || p.pointsToday === null
    ? null
    : { counted: money(p.todayCountedUsdt, 2), points: p.pointsToday };

/** Why a run ended, in `lang` ('' when the summary has no reason). */
const why = (lang: Lang, s: StrategySummary) =>
  s.reason === null ? '' : describeStrategyReason(lang, s.reason);

/** The strategy command's text, in English and Simplified Chinese. */
export const messages = defineMessages({
  en: {
    summary: 'place OTO orders toward a daily volume target (see --help)',
    help: (
      rule: string,
    ) => `Usage: npx alpha-monitor strategy --token <sym> --chain <chain> (--volume <usdt> | --points <n>) [--amount <usdt>]
         [--interval <s>] [--buy-offset <pct>] [--sell-offset <pct>] [--timeout <s>]
         [--volume-rule mulPoint|raw] [--max-loss <usdt>] [--max-wear-bps <bps>] [--max-move-pct <pct>]
         [--max-failures <n>] [--cancel-pending] [--sell-leftovers] [--dry-run] [--yes] [--json]
         [--demo | --user <id> | --credentials-file <path>] [--rest-url <url> --ws-url <url>]

Each trade is one OTO order: a working BUY at price × (1 + buy offset) and a pending SELL at
price × (1 − sell offset), so every trade loses about the two offsets plus fees. The run
re-reads today's volume before each trade and stops at the target.

  --token, --chain     token symbol and chain (name or id), e.g. --token KOGE --chain BSC
  --volume <usdt>      today's volume target, in USDT actually traded
  --points <n>         instead of --volume: today's volume points to reach (1..${MAX_TARGET_POINTS}, all tokens, as
                       user-score counts them); the volume needed is 2^n − today's counted volume,
                       divided by the token's live mulPoint
  --amount <usdt>      USDT per OTO buy (default 10). The buy fills at the price, so a trade adds
                       about amount / (1 + buy offset) of volume. The last trade buys only what the
                       target still needs (plus the symbol's minimum order as headroom for a price
                       dip), never less than that minimum
  --interval <s>       pause between trades (default ${DEFAULT_STRATEGY_PARAMS.intervalMs / 1000})
  --buy-offset <pct>   working BUY above the price (default ${DEFAULT_STRATEGY_PARAMS.buyOffsetPct}; below: --buy-offset=-5)
  --sell-offset <pct>  pending SELL below the price (default ${DEFAULT_STRATEGY_PARAMS.sellOffsetPct})
  --timeout <s>        how long each leg may take to fill (default ${DEFAULT_STRATEGY_PARAMS.legTimeoutMs / 1000});
                       an unfilled buy is then cancelled
  --volume-rule <r>    how user-volume is read (default ${rule}). Unconfirmed whether Binance's
                       figure includes the token's mulPoint: "mulPoint" divides it by mulPoint
                       (the safe side: if wrong, you trade more, never stop short), "raw" takes it
                       as is. Same result for tokens with mulPoint 1 (KOGE).
  --max-loss <usdt>    stop once the realised loss (spread + fees) reaches this
  --max-wear-bps <bps> stop when a trade's wear, or the run's average, is above this (bps of
                       counted volume)
  --max-move-pct <pct> stop when the price moved more than this during a trade
  --max-failures <n>   stop after n failed trades in a row (default ${DEFAULT_STRATEGY_PARAMS.maxConsecutiveFailures})
  --cancel-pending     cancel pending SELLs still open at the end (otherwise they are listed)
  --sell-leftovers     at the end, sell the token's free balance above the minimum order (a SELL at
                       price × (1 − sell offset), cancelled after --timeout); dust is left
  --dry-run            print the orders it would place; place none
  --yes                do not ask for confirmation (a run against a real exchange asks)
  --json               NDJSON events on stdout, ending with {"type":"summary",...}
  --demo               run against a built-in simulator (no credentials, no real money)
  --user <id>          the keychain account to use (see npx alpha-monitor accounts)
  --credentials-file, --rest-url, --ws-url, --renew-interval, --ping-interval, --max-reconnects
                       as for watch (credentials: --credentials-file, then
                       $ALPHA_MONITOR_CREDENTIALS_FILE, then the keychain)

Verification (补充认证), a risk challenge (2FA) or an insufficient balance (481020) stops the run
at once, never retried, with what to do.

Exit codes: 0 target reached (or already met), dry run, or stopped with Ctrl+C; 1 the run failed,
stopped on a limit (--max-loss, --max-wear-bps, --max-move-pct, --max-failures) or on an
insufficient balance; 2 usage; 3 session rejected or verification needed (act in the Binance app).
`,
    usage: (text: string) => `${text}\nRun npx alpha-monitor strategy --help for the options.`,
    connecting: (where: string) => `Connecting to ${where}...`,
    demo: 'demo simulator',
    prepared: (p: StrategyPreparation, amount: string) => {
      const today = todayOf(p);
      return (
        `Token ${p.token.tokenSymbol} on ${p.token.chainName} = ${p.token.alphaId} (${p.token.symbol}), price ${p.token.price}, mulPoint ${p.token.mulPoint}\n` +
        (today
          ? `Today: ${today.points} volume points (counted volume ${today.counted} USDT, all tokens)${p.targetPoints === null ? '' : `; target ${p.targetPoints} points`}\n`
          : '') +
        `Volume today ${p.doneUsdt} of ${p.targetVolumeUsdt} USDT (user-volume reports ${p.volume.reported}); ` +
        (p.targetMet
          ? 'target already met today: nothing to trade'
          : `about ${p.tradesEstimated} trade(s) of ${amount} USDT, expected wear ${p.estimatedCostUsdt} USDT`)
      );
    },
    targetMet: (p: StrategyPreparation) =>
      p.targetPoints === null
        ? `Target already met today: ${p.doneUsdt} of ${p.targetVolumeUsdt} USDT. Nothing to trade, nothing was placed.`
        : `Target already met today: ${p.pointsToday} of ${p.targetPoints} volume points. Nothing to trade, nothing was placed.`,
    planned: (n: number, e: Extract<StrategyEvent, { type: 'order-planned' }>) =>
      `[dry run] trade ${n}: OTO BUY ${e.plan.quantity} @ ${e.plan.buyPrice} (pays ${e.plan.paymentAmount} USDT), then SELL @ ${e.plan.sellPrice}\n  ${JSON.stringify(e.plan.wireBody)}`,
    placed: (e: Extract<StrategyEvent, { type: 'order-placed' }>) =>
      `trade ${e.trade}: placed OTO BUY ${e.plan.quantity} @ ${e.plan.buyPrice} (#${e.workingOrderId}), SELL @ ${e.plan.sellPrice} (#${e.pendingOrderId})`,
    filled: (e: Extract<StrategyEvent, { type: 'leg-filled' }>) =>
      `trade ${e.trade}: ${e.leg === 'working' ? 'BUY' : 'SELL'} #${e.orderId} filled ${e.quantity} for ${e.quoteUsdt} USDT (fee ${money(e.feeUsdt, 8)} USDT)`,
    timeout: (e: Extract<StrategyEvent, { type: 'leg-timeout' }>) =>
      `trade ${e.trade}: ${e.leg === 'working' ? 'BUY' : 'SELL'} #${e.orderId} did not fill in time`,
    canceled: (e: Extract<StrategyEvent, { type: 'order-canceled' }>) =>
      `trade ${e.trade}: order #${e.orderId} cancelled (confirmed by ${e.confirmedBy === 'stream' ? 'the order stream' : 'open orders'})`,
    failed: (e: Extract<StrategyEvent, { type: 'trade-failed' }>) =>
      `trade ${e.trade} failed: ${describeStrategyReason('en', e.reason)}`,
    progress: (
      done: string,
      target: string,
      pct: string,
      trades: number,
      fills: number,
      fees: string,
      wear: string,
    ) =>
      `[volume ${done}/${target} USDT ${pct}%] trades ${trades} · fills ${fills} · fees ${fees} USDT · ${wear}`,
    confirm: (p: StrategyPreparation, amount: string) => {
      const today = todayOf(p);
      return (
        `Today so far: volume ${p.doneUsdt} USDT on ${p.token.tokenSymbol}` +
        (today ? `, ${today.points} volume points (counted ${today.counted} USDT)` : '') +
        '.\n' +
        `About to trade REAL funds: ${p.token.tokenSymbol} (${p.token.symbol}), ${amount} USDT per trade, ` +
        `about ${p.tradesEstimated} trade(s) toward ${p.targetVolumeUsdt} USDT` +
        (p.targetPoints === null ? '' : ` (${p.targetPoints} points)`) +
        `, expected wear ${p.estimatedCostUsdt} USDT.\n` +
        `Type "yes" to go on: `
      );
    },
    declined: 'Not confirmed: nothing was placed.',
    cancelled: 'Cancelled: nothing was placed.',
    noTty:
      'This run would place real orders and needs confirmation, but standard input is not a terminal. Pass --yes to confirm, or --dry-run to see the orders first.',
    stopping:
      'Stopping: cancelling our open working order, then printing the summary (Ctrl+C again quits at once)...',
    streamNotLive:
      'The order stream did not come up; the strategy waits for fills on it, so nothing was placed.',
    authRejected: (code: string, reason: string) =>
      `The session was rejected (${code}): ${reason}. Log in again (or finish the verification in the Binance app), then update the credentials. Nothing was placed.`,
    outcome: (s: StrategySummary) => {
      switch (s.outcome) {
        case 'target-reached':
          return 'Target reached.';
        case 'dry-run':
          return 'Dry run: no order was placed.';
        case 'stopped':
          return 'Stopped.';
        case 'max-loss':
        case 'max-wear':
        case 'price-moved':
        case 'too-many-failures':
          return `Stopped: ${why('en', s)}.`;
        case 'auth-rejected':
          return s.reasonCode !== null && isAccountStopCode(s.reasonCode)
            ? `Stopped at once, not retried: ${accountStopAdvice('en', s.reasonCode, 'cli')}`
            : `Stopped: the session was rejected (${s.reasonCode}): ${why('en', s)}`;
        case 'insufficient-balance':
          return `Stopped at once, not retried: ${accountStopAdvice('en', 'INSUFFICIENT_BALANCE', 'cli')}`;
        case 'failed':
          return `Failed (${s.reasonCode}): ${why('en', s)}`;
        default:
          return assertNever(s.outcome, 'strategy outcome');
      }
    },
    summaryLine: (s: StrategySummary) =>
      `Summary: ${s.trades} trade(s), ${s.fills} fill(s), volume ${money(s.volume, 2)} of ${money(s.targetVolumeUsdt, 2)} USDT, fees ${exact(s.fees)} USDT`,
    leftovers: (l: LeftoverSale) => {
      switch (l.outcome) {
        case 'sold':
          return `Leftovers: sold ${l.quantity} for ${l.quoteUsdt} USDT, fee ${leftoverFee('en', l)} (#${l.orderId}).`;
        case 'unsold':
          if (l.code === 'SELL_CANCEL_UNCONFIRMED')
            return `Leftovers: the SELL of ${l.quantity} (#${l.orderId}) did not fill in time and its cancel was not confirmed: it may still be open; check the open orders on Binance.`;
          if (l.code === 'SELL_ENDED_UNSEEN')
            return `Leftovers: the SELL of ${l.quantity} (#${l.orderId}) is no longer open, but no update said how it ended (it may have filled); check the wallet.`;
          return new Big(l.soldQuantity).gt(0)
            ? `Leftovers: the SELL of ${l.quantity} (#${l.orderId}) sold ${l.soldQuantity} for ${l.quoteUsdt} USDT, fee ${leftoverFee('en', l)}, then did not fill (${l.code}) and was cancelled; the rest is still in the wallet.`
            : `Leftovers: the SELL of ${l.quantity} (#${l.orderId}) did not fill (${l.code}) and was cancelled; the tokens are still in the wallet.`;
        case 'dust':
          return `Leftovers: ${l.quantity} left, below the minimum order (dust): not sold.`;
        case 'none':
          return 'Leftovers: none.';
        case 'failed':
          return `Leftovers: not sold (${l.code}); check the wallet.`;
        default:
          return assertNever(l.outcome, 'leftover outcome');
      }
    },
    tokenRequired: '--token is required (e.g. --token KOGE)',
    chainRequired: '--chain is required (e.g. --chain BSC)',
    badRule: (rules: string) => `--volume-rule must be one of ${rules}`,
    targetRequired: '--volume <usdt> or --points <n> is required (e.g. --volume 20)',
    targetTwice: '--volume and --points are alternatives: give one of them',
    openPending: (list: string) =>
      `Pending SELL orders still open (cancel them, or rerun with --cancel-pending): ${list}`,
    canceledPending: (list: string) => `Pending SELL orders cancelled: ${list}`,
    tradeWear: (trade: number, wear: string) => `trade ${trade}: ${wear}`,
    wearLine: (wear: string, counted: string, points: string, perPoint: string) =>
      `Counted volume ${counted} USDT · ${wear} · ${points}${perPoint}`,
    points: (points: number, gained: number | null) =>
      `volume points today ${points}${gained === null ? '' : ` (+${gained} from this run)`}`,
    pointsUnknown: 'volume points today unknown',
    perPoint: (v: string) => ` · cost per point ${v} USDT`,
  },
  'zh-CN': {
    summary: '下 OTO 单刷每日交易量目标（见 --help）',
    help: (
      rule: string,
    ) => `用法：npx alpha-monitor strategy --token <代币> --chain <链> (--volume <USDT> | --points <n>) [--amount <USDT>]
         [--interval <秒>] [--buy-offset <%>] [--sell-offset <%>] [--timeout <秒>]
         [--volume-rule mulPoint|raw] [--max-loss <USDT>] [--max-wear-bps <bps>] [--max-move-pct <%>]
         [--max-failures <n>] [--cancel-pending] [--sell-leftovers] [--dry-run] [--yes] [--json]
         [--demo | --user <id> | --credentials-file <路径>] [--rest-url <url> --ws-url <url>]

每笔交易是一个 OTO 订单：工作单 BUY 价格 = 现价 × (1 + 买入偏移)，挂单 SELL 价格 = 现价 × (1 − 卖出偏移)，
因此每笔约损失两个偏移之和加手续费。每笔交易前重新读取今日交易量，达到目标即停止。

  --token, --chain     代币符号和链（名称或 id），如 --token KOGE --chain BSC
  --volume <USDT>      今日交易量目标（实际成交的 USDT）
  --points <n>         代替 --volume：今日要达到的交易量积分（1..${MAX_TARGET_POINTS}，所有代币，按 user-score 计算）；
                       所需交易量 = 2^n − 今日计入交易量，再除以代币当前的 mulPoint
  --amount <USDT>      每笔 OTO 买入的 USDT（默认 10）。买单按现价成交，每笔约增加 amount / (1 + 买入偏移)
                       的交易量。最后一笔只买目标还差的部分（另加该交易对的最小下单额，防价格小幅下跌），
                       不少于最小下单额
  --interval <秒>      两笔交易之间的间隔（默认 ${DEFAULT_STRATEGY_PARAMS.intervalMs / 1000}）
  --buy-offset <%>     买单高于现价的百分比（默认 ${DEFAULT_STRATEGY_PARAMS.buyOffsetPct}；低于现价：--buy-offset=-5）
  --sell-offset <%>    卖单低于现价的百分比（默认 ${DEFAULT_STRATEGY_PARAMS.sellOffsetPct}）
  --timeout <秒>       每条腿等待成交的时长（默认 ${DEFAULT_STRATEGY_PARAMS.legTimeoutMs / 1000}），超时未成交的买单会被撤销
  --volume-rule <规则> 如何读取 user-volume（默认 ${rule}）。币安的数字是否已含 mulPoint 倍数尚未确认：
                       "mulPoint" 除以 mulPoint（保守：若判断错误只会多交易，不会提前停止），"raw" 原样使用。
                       mulPoint 为 1 的代币（如 KOGE）两者相同。
  --max-loss <USDT>    已实现亏损（价差 + 手续费）达到此值即停止
  --max-wear-bps <bps> 单笔磨损或本次平均磨损超过此值（计入交易量的 bps）即停止
  --max-move-pct <%>   一笔交易期间价格变动超过此百分比即停止
  --max-failures <n>   连续失败 n 笔后停止（默认 ${DEFAULT_STRATEGY_PARAMS.maxConsecutiveFailures}）
  --cancel-pending     结束时撤销仍未成交的挂单 SELL（否则仅列出）
  --sell-leftovers     结束时卖出该代币高于最小下单额的可用余额（卖价 = 现价 × (1 − 卖出偏移)，
                       --timeout 后未成交则撤销）；零头保留
  --dry-run            只打印将要下的订单，不下单
  --yes                不询问确认（连接真实交易所时会询问）
  --json               在标准输出逐行输出 NDJSON 事件，最后一行为 {"type":"summary",...}
  --demo               使用内置模拟交易所（无需凭证，不涉及真实资金）
  --user <id>          使用的钥匙串账户（见 npx alpha-monitor accounts）
  --credentials-file, --rest-url, --ws-url, --renew-interval, --ping-interval, --max-reconnects
                       与 watch 相同（凭证顺序：--credentials-file、
                       $ALPHA_MONITOR_CREDENTIALS_FILE、钥匙串）

补充认证、风控验证（2FA）或余额不足（481020）会立即停止，不会重试，并说明该怎么做。

退出码：0 达到目标（或已达到）、试运行或按 Ctrl+C 停止；1 运行失败、因限制（--max-loss、--max-wear-bps、
--max-move-pct、--max-failures）或余额不足停止；2 用法错误；3 会话被拒绝或需要验证（请在币安 App 中处理）。
`,
    usage: (text: string) => `${text}\n运行 npx alpha-monitor strategy --help 查看选项。`,
    connecting: (where: string) => `正在连接 ${where}...`,
    demo: '演示模拟器',
    prepared: (p: StrategyPreparation, amount: string) => {
      const today = todayOf(p);
      return (
        `代币 ${p.token.tokenSymbol}（${p.token.chainName}）= ${p.token.alphaId}（${p.token.symbol}），价格 ${p.token.price}，mulPoint ${p.token.mulPoint}\n` +
        (today
          ? `今日：交易量积分 ${today.points}（计入交易量 ${today.counted} USDT，所有代币）${p.targetPoints === null ? '' : `；目标 ${p.targetPoints} 分`}\n`
          : '') +
        `今日交易量 ${p.doneUsdt} / ${p.targetVolumeUsdt} USDT（user-volume 显示 ${p.volume.reported}）；` +
        (p.targetMet
          ? '今日目标已达到：无需交易'
          : `约需 ${p.tradesEstimated} 笔、每笔 ${amount} USDT，预计磨损 ${p.estimatedCostUsdt} USDT`)
      );
    },
    targetMet: (p: StrategyPreparation) =>
      p.targetPoints === null
        ? `今日目标已达到：${p.doneUsdt} / ${p.targetVolumeUsdt} USDT。无需交易，没有下任何订单。`
        : `今日目标已达到：交易量积分 ${p.pointsToday} / ${p.targetPoints}。无需交易，没有下任何订单。`,
    planned: (n: number, e: Extract<StrategyEvent, { type: 'order-planned' }>) =>
      `[试运行] 第 ${n} 笔：OTO 买入 ${e.plan.quantity} @ ${e.plan.buyPrice}（支付 ${e.plan.paymentAmount} USDT），随后卖出 @ ${e.plan.sellPrice}\n  ${JSON.stringify(e.plan.wireBody)}`,
    placed: (e: Extract<StrategyEvent, { type: 'order-placed' }>) =>
      `第 ${e.trade} 笔：已下 OTO 买入 ${e.plan.quantity} @ ${e.plan.buyPrice}（#${e.workingOrderId}），卖出 @ ${e.plan.sellPrice}（#${e.pendingOrderId}）`,
    filled: (e: Extract<StrategyEvent, { type: 'leg-filled' }>) =>
      `第 ${e.trade} 笔：${e.leg === 'working' ? '买单' : '卖单'} #${e.orderId} 成交 ${e.quantity}，金额 ${e.quoteUsdt} USDT（手续费 ${money(e.feeUsdt, 8)} USDT）`,
    timeout: (e: Extract<StrategyEvent, { type: 'leg-timeout' }>) =>
      `第 ${e.trade} 笔：${e.leg === 'working' ? '买单' : '卖单'} #${e.orderId} 超时未成交`,
    canceled: (e: Extract<StrategyEvent, { type: 'order-canceled' }>) =>
      `第 ${e.trade} 笔：订单 #${e.orderId} 已撤销（由${e.confirmedBy === 'stream' ? '订单推送' : '当前委托查询'}确认）`,
    failed: (e: Extract<StrategyEvent, { type: 'trade-failed' }>) =>
      `第 ${e.trade} 笔失败：${describeStrategyReason('zh-CN', e.reason)}`,
    progress: (
      done: string,
      target: string,
      pct: string,
      trades: number,
      fills: number,
      fees: string,
      wear: string,
    ) =>
      `[交易量 ${done}/${target} USDT ${pct}%] 交易 ${trades} · 成交 ${fills} · 手续费 ${fees} USDT · ${wear}`,
    confirm: (p: StrategyPreparation, amount: string) => {
      const today = todayOf(p);
      return (
        `今日已完成：${p.token.tokenSymbol} 交易量 ${p.doneUsdt} USDT` +
        (today ? `，交易量积分 ${today.points}（计入 ${today.counted} USDT）` : '') +
        '。\n' +
        `即将使用真实资金交易：${p.token.tokenSymbol}（${p.token.symbol}），每笔 ${amount} USDT，` +
        `约 ${p.tradesEstimated} 笔，目标 ${p.targetVolumeUsdt} USDT` +
        (p.targetPoints === null ? '' : `（${p.targetPoints} 分）`) +
        `，预计磨损 ${p.estimatedCostUsdt} USDT。\n` +
        `输入 "yes" 继续：`
      );
    },
    declined: '未确认：没有下任何订单。',
    cancelled: '已取消：没有下任何订单。',
    noTty:
      '此次运行会下真实订单，需要确认，但标准输入不是终端。请加 --yes 确认，或先用 --dry-run 查看订单。',
    stopping: '正在停止：先撤销我们未成交的买单，然后打印汇总（再按一次 Ctrl+C 立即退出）...',
    streamNotLive: '订单推送未能连接；策略依靠推送确认成交，因此没有下单。',
    authRejected: (code: string, reason: string) =>
      `会话被拒绝（${code}）：${reason}。请重新登录（或在币安 App 中完成验证），然后更新凭证。没有下任何订单。`,
    outcome: (s: StrategySummary) => {
      switch (s.outcome) {
        case 'target-reached':
          return '已达到目标。';
        case 'dry-run':
          return '试运行：没有下任何订单。';
        case 'stopped':
          return '已停止。';
        case 'max-loss':
        case 'max-wear':
        case 'price-moved':
        case 'too-many-failures':
          return `已停止：${why('zh-CN', s)}。`;
        case 'auth-rejected':
          return s.reasonCode !== null && isAccountStopCode(s.reasonCode)
            ? `已立即停止，不会重试：${accountStopAdvice('zh-CN', s.reasonCode, 'cli')}`
            : `已停止：会话被拒绝（${s.reasonCode}）：${why('zh-CN', s)}`;
        case 'insufficient-balance':
          return `已立即停止，不会重试：${accountStopAdvice('zh-CN', 'INSUFFICIENT_BALANCE', 'cli')}`;
        case 'failed':
          return `失败（${s.reasonCode}）：${why('zh-CN', s)}`;
        default:
          return assertNever(s.outcome, 'strategy outcome');
      }
    },
    summaryLine: (s: StrategySummary) =>
      `汇总：${s.trades} 笔交易，${s.fills} 次成交，交易量 ${money(s.volume, 2)} / ${money(s.targetVolumeUsdt, 2)} USDT，手续费 ${exact(s.fees)} USDT`,
    leftovers: (l: LeftoverSale) => {
      switch (l.outcome) {
        case 'sold':
          return `剩余代币：已卖出 ${l.quantity}，得 ${l.quoteUsdt} USDT，手续费 ${leftoverFee('zh-CN', l)}（#${l.orderId}）。`;
        case 'unsold':
          if (l.code === 'SELL_CANCEL_UNCONFIRMED')
            return `剩余代币：卖出 ${l.quantity} 的订单（#${l.orderId}）未能及时成交，撤单也未得到确认：它可能仍在挂单中，请在币安查看当前委托。`;
          if (l.code === 'SELL_ENDED_UNSEEN')
            return `剩余代币：卖出 ${l.quantity} 的订单（#${l.orderId}）已不在当前委托中，但没有收到其结果的更新（可能已成交），请检查钱包。`;
          return new Big(l.soldQuantity).gt(0)
            ? `剩余代币：卖出 ${l.quantity} 的订单（#${l.orderId}）成交了 ${l.soldQuantity}，得 ${l.quoteUsdt} USDT，手续费 ${leftoverFee('zh-CN', l)}，其余未成交（${l.code}），已撤销；其余代币仍在钱包中。`
            : `剩余代币：卖出 ${l.quantity} 的订单（#${l.orderId}）未成交（${l.code}），已撤销；代币仍在钱包中。`;
        case 'dust':
          return `剩余代币：${l.quantity}，低于最小下单额（零头），未卖出。`;
        case 'none':
          return '剩余代币：无。';
        case 'failed':
          return `剩余代币：未能卖出（${l.code}），请检查钱包。`;
        default:
          return assertNever(l.outcome, 'leftover outcome');
      }
    },
    tokenRequired: '必须指定 --token（如 --token KOGE）',
    chainRequired: '必须指定 --chain（如 --chain BSC）',
    badRule: (rules: string) => `--volume-rule 必须是以下之一：${rules}`,
    targetRequired: '必须指定 --volume <USDT> 或 --points <n>（如 --volume 20）',
    targetTwice: '--volume 与 --points 只能二选一',
    openPending: (list: string) =>
      `仍未成交的挂单 SELL（请手动撤销，或加 --cancel-pending 重新运行）：${list}`,
    canceledPending: (list: string) => `已撤销的挂单 SELL：${list}`,
    tradeWear: (trade: number, wear: string) => `第 ${trade} 笔：${wear}`,
    wearLine: (wear: string, counted: string, points: string, perPoint: string) =>
      `计入交易量 ${counted} USDT · ${wear} · ${points}${perPoint}`,
    points: (points: number, gained: number | null) =>
      `今日交易量积分 ${points}${gained === null ? '' : `（本次运行 +${gained}）`}`,
    pointsUnknown: '今日交易量积分未知',
    perPoint: (v: string) => ` · 每分成本 ${v} USDT`,
  },
});

/** Share of the target done, as a whole percentage, capped at 100. */
export function percent(done: string, target: string): string {
  const t = new Big(target);
  if (t.lte(0)) return '100';
  const p = new Big(done).div(t).times(100);
  // Rounded down: 19.91 of 20 must not read as "100%" while a trade is still needed.
  return (p.gt(100) ? new Big(100) : p).toFixed(0, Big.roundDown);
}

/** The wear and points line of a summary: "Counted volume … · wear 0.0149 USDT (4.9 bps) · …". */
export function wearLine(lang: Lang, s: StrategySummary): string {
  const m = messages(lang);
  return m.wearLine(
    wearPhrase(lang, s.wearUsdt, s.wearBps),
    new Big(s.countedVolumeUsdt).toFixed(2),
    s.points === null ? m.pointsUnknown : m.points(s.points, s.pointsGained),
    s.costPerPoint === null ? '' : m.perPoint(new Big(s.costPerPoint).toFixed(4)),
  );
}
