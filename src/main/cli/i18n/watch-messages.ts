import { isLoopbackUrl } from '../../core/endpoints/exchange-endpoint.ts';
import { defineMessages, type Lang } from './lang.ts';
import { optionTable } from './option-table.ts';
import type { Reason } from '../../../shared/reasons/reason.ts';
import { describeReason } from '../../../shared/reasons/reason-text.ts';

/** Messages of `alpha-monitor watch` (the old test_order_ws_final.py console, in both languages). */
export const watchMessages = defineMessages({
  en: {
    summary: () => 'watch your orders live from the order-push stream',
    usage: () =>
      'Usage: npx alpha-monitor watch [--user <id> | --demo] [--duration <s>] [--journal <dir>] [options]\n\n' +
      optionTable([
        ['--duration <s>', 'stop after s seconds (0 or none: until Ctrl+C; at most a year)'],
        [
          '--journal <dir>',
          'keep the session journal in <dir>, as the app does (default: off);\nan update is printed only once it is written there',
        ],
        [
          '--webhook <url>',
          'post alerts to this webhook (session expired, fills, ...; README "Alerts")',
        ],
        [
          '--telegram-chat <id>',
          'send alerts to this Telegram chat (bot token from the keychain or env)',
        ],
        ['--alerts-config <path>', "alerts settings file (same format as the app's alerts.json)"],
      ]) +
      '\n\nExit codes: 0 done (duration over, Ctrl+C), 1 failed after being live (e.g. --max-reconnects\n' +
      'used up), 2 bad usage, 3 the exchange rejected the session, 4 never got live.\n',
    title: () => '🚀 Alpha Monitor: order push monitor',
    user: (id: string) => `User: ${id}`,
    source: (s: string) => `Credentials: ${s}`,
    stream: (url: string) => `Stream: ${url}`,
    duration: (s: number) =>
      s > 0 ? `Duration: ${s} s (Ctrl+C stops earlier)` : 'Duration: until Ctrl+C',
    connected: (attempts: number, key: string) =>
      `✅ Connected, subscribed (listen key ${key}); reconnects so far: ${attempts}`,
    reconnecting: (attempt: number, delayS: string, reason: string) =>
      `⚠️ Connection lost (${reason}); reconnect attempt ${attempt} in ${delayS} s`,
    notConnected: (attempt: number, delayS: string, reason: string) =>
      `⚠️ Could not connect (${reason}); attempt ${attempt + 1} in ${delayS} s`,
    connecting: () => '🔌 Connecting…',
    failed: (reason: string) => `❌ Stopped: ${reason}`,
    keyRefreshed: (key: string, changed: boolean) =>
      changed ? `🔑 New listen key ${key}, resubscribed` : `🔑 Listen key ${key} renewed`,
    reconciled: (n: number) => `🔁 Reconciled over REST after the gap: ${n} update(s) recovered`,
    reconciledAtStart: (n: number) =>
      `🔁 Started from the exchange's orders over REST: ${n} update(s) recovered`,
    missedByStream: (n: number) =>
      `⚠️ The stream missed ${n} update(s); recovered over REST. Replacing the stream (fresh listen key).`,
    statusUnknown: (orderId: string) =>
      `❓ Order ${orderId}: status unknown: not open on the exchange (neither open orders, history nor its fills say what became of it)`,
    fillsNotRecovered: (orderId: string) =>
      `⚠️ Order ${orderId}: a fill the stream lost is not listed by the exchange either (asked 3 times); its total filled is right, its fills, fees and wear may be short`,
    fillsNotRecoveredTotal: (n: number) =>
      `Orders with a lost fill the exchange does not list (fills, fees and wear may be short): ${n}`,
    reconcileFailed: (reason: string) => `⚠️ Reconciliation over REST failed: ${reason}`,
    updateTitle: (k: number, source: string) =>
      `📦 Order update #${k}${source === 'backfill' ? ' (recovered over REST)' : ''}`,
    late: () => '   (older than the current state: recorded, state unchanged)',
    missedTotals: (missed: number, unknown: number) =>
      `Missed by the stream (recovered over REST): ${missed}; orders with status unknown: ${unknown}`,
    orderId: () => 'Order ID',
    clientOrderId: () => 'Client order ID',
    symbol: () => 'Symbol',
    side: () => 'Side',
    type: () => 'Type',
    status: () => 'Status',
    statusName: (status: string) =>
      status === 'EXPIRED_IN_MATCH'
        ? 'EXPIRED_IN_MATCH (expired by self-trade prevention)'
        : status,
    unrecognizedStatus: (raw: string) =>
      `${raw} (a status Alpha Monitor does not know: the order stays open until reconciliation checks it)`,
    price: () => 'Price',
    quantity: () => 'Quantity',
    executed: () => 'Executed',
    fee: () => 'Fee',
    progress: (elapsed: number, total: number, updates: number) =>
      total > 0
        ? `⏱️ Running ${elapsed}/${total} s, ${updates} order update(s) received`
        : `⏱️ Running ${elapsed} s, ${updates} order update(s) received`,
    stopping: () => '⏹️ Stopping: unsubscribing and closing…',
    statsTitle: () => '📊 Statistics',
    totalUpdates: (n: number) => `Total order updates: ${n}`,
    connectionEvents: (n: number) => `Connection events: ${n}`,
    reconnects: (n: number) => `Reconnects: ${n}`,
    dropped: (dup: number, bad: number, other: number) =>
      `Duplicates dropped: ${dup}, malformed frames: ${bad}, other events: ${other}`,
    statusDistribution: () => 'Status distribution (updates by X):',
    ordersByStatus: (n: number) => `Orders (${n}) by current status:`,
    fills: (n: number) => `Fills: ${n}`,
    volume: (symbol: string, base: string, baseAsset: string, quote: string, quoteAsset: string) =>
      `Volume ${symbol}: ${base} ${baseAsset}, ${quote} ${quoteAsset}`,
    fees: (asset: string, amount: string) => `Fees ${asset}: ${amount}`,
    none: () => '(none)',
    neverLive: () =>
      '❌ Never got live within the duration. Run npx alpha-monitor check for a step-by-step diagnosis.',
    badDuration: (raw: string) =>
      `--duration needs a number of seconds ≥ 0 (0: until Ctrl+C), got "${raw}"`,
    durationTooLong: (raw: string, maxS: number) =>
      `--duration ${raw} is longer than a year (at most ${maxS} s); 0 or no --duration runs until Ctrl+C.`,
  },
  'zh-CN': {
    summary: () => '实时监控订单推送',
    usage: () =>
      '用法：npx alpha-monitor watch [--user <账户> | --demo] [--duration <秒>] [--journal <目录>] [选项]\n\n' +
      optionTable([
        ['--duration <秒>', '运行指定秒数后停止（0 或不填：直到 Ctrl+C；最长一年）'],
        [
          '--journal <目录>',
          '与桌面应用一样，在 <目录> 中保存会话日志（默认：不保存）；\n每条更新写入日志后才会显示',
        ],
        ['--webhook <地址>', '把提醒发送到此 Webhook（会话过期、成交等；见 README“Alerts”）'],
        ['--telegram-chat <ID>', '把提醒发送到此 Telegram 聊天（机器人令牌取自钥匙串或环境变量）'],
        ['--alerts-config <路径>', '提醒设置文件（格式与应用的 alerts.json 相同）'],
      ]) +
      '\n\n退出码：0 完成（时长已到、Ctrl+C），1 连接成功后失败（如 --max-reconnects 用完），\n' +
      '2 用法错误，3 交易所拒绝了会话，4 始终未能连接成功。\n',
    title: () => '🚀 Alpha Monitor：订单推送监控',
    user: (id: string) => `用户：${id}`,
    source: (s: string) => `凭据来源：${s}`,
    stream: (url: string) => `推送地址：${url}`,
    duration: (s: number) =>
      s > 0 ? `运行时长：${s} 秒（Ctrl+C 可提前停止）` : '运行时长：直到 Ctrl+C',
    connected: (attempts: number, key: string) =>
      `✅ WebSocket 连接已建立并已订阅（listenKey ${key}）；累计重连次数：${attempts}`,
    reconnecting: (attempt: number, delayS: string, reason: string) =>
      `⚠️ 连接断开（${reason}）；${delayS} 秒后第 ${attempt} 次重连`,
    notConnected: (attempt: number, delayS: string, reason: string) =>
      `⚠️ 无法连接（${reason}）；${delayS} 秒后进行第 ${attempt + 1} 次尝试`,
    connecting: () => '🔌 正在连接…',
    failed: (reason: string) => `❌ 已停止：${reason}`,
    keyRefreshed: (key: string, changed: boolean) =>
      changed ? `🔑 新的 listenKey ${key}，已重新订阅` : `🔑 listenKey ${key} 已续期`,
    reconciled: (n: number) => `🔁 断线期间已通过 REST 补齐：恢复 ${n} 条更新`,
    reconciledAtStart: (n: number) => `🔁 已通过 REST 从交易所订单开始：恢复 ${n} 条更新`,
    missedByStream: (n: number) =>
      `⚠️ 推送流漏掉了 ${n} 条更新，已通过 REST 补齐。正在更换推送流（新的 listenKey）。`,
    statusUnknown: (orderId: string) =>
      `❓ 订单 ${orderId}：状态未知：交易所中已不是未完成订单（未完成订单、历史订单和成交记录都无法说明其结果）`,
    fillsNotRecovered: (orderId: string) =>
      `⚠️ 订单 ${orderId}：推送流丢失的一笔成交，交易所的成交记录中也没有（已查询 3 次）；已成交总量正确，成交明细、手续费和磨损可能偏少`,
    fillsNotRecoveredTotal: (n: number) =>
      `丢失成交且交易所未列出的订单（成交明细、手续费和磨损可能偏少）：${n}`,
    reconcileFailed: (reason: string) => `⚠️ 通过 REST 核对订单失败：${reason}`,
    updateTitle: (k: number, source: string) =>
      `📦 订单更新 #${k}${source === 'backfill' ? '（通过 REST 补齐）' : ''}`,
    late: () => '   （早于当前状态：已记录，状态不变）',
    missedTotals: (missed: number, unknown: number) =>
      `推送流漏掉的更新（已通过 REST 补齐）：${missed}；状态未知的订单：${unknown}`,
    orderId: () => '订单 ID',
    clientOrderId: () => '客户端订单 ID',
    symbol: () => '交易对',
    side: () => '方向',
    type: () => '类型',
    status: () => '状态',
    statusName: (status: string) =>
      status === 'EXPIRED_IN_MATCH' ? 'EXPIRED_IN_MATCH（因自成交保护而过期）' : status,
    unrecognizedStatus: (raw: string) =>
      `${raw}（Alpha Monitor 不认识的状态：在对账核实之前，该订单保持为未结束）`,
    price: () => '价格',
    quantity: () => '数量',
    executed: () => '已成交',
    fee: () => '手续费',
    progress: (elapsed: number, total: number, updates: number) =>
      total > 0
        ? `⏱️ 已运行 ${elapsed}/${total} 秒，接收到 ${updates} 个订单更新`
        : `⏱️ 已运行 ${elapsed} 秒，接收到 ${updates} 个订单更新`,
    stopping: () => '⏹️ 正在停止：取消订阅并关闭连接…',
    statsTitle: () => '📊 统计信息',
    totalUpdates: (n: number) => `总订单更新数：${n}`,
    connectionEvents: (n: number) => `连接事件数：${n}`,
    reconnects: (n: number) => `重连次数：${n}`,
    dropped: (dup: number, bad: number, other: number) =>
      `丢弃的重复消息：${dup}，格式错误的消息：${bad}，其他事件：${other}`,
    statusDistribution: () => '订单状态分布（按 X 统计的更新数）：',
    ordersByStatus: (n: number) => `订单（${n} 个）当前状态：`,
    fills: (n: number) => `成交笔数：${n}`,
    volume: (symbol: string, base: string, baseAsset: string, quote: string, quoteAsset: string) =>
      `成交量 ${symbol}：${base} ${baseAsset}，${quote} ${quoteAsset}`,
    fees: (asset: string, amount: string) => `手续费 ${asset}：${amount}`,
    none: () => '（无）',
    neverLive: () => '❌ 在运行时长内未能连接成功。运行 npx alpha-monitor check 逐步诊断。',
    badDuration: (raw: string) => `--duration 需要一个 ≥ 0 的秒数（0：直到 Ctrl+C），收到“${raw}”`,
    durationTooLong: (raw: string, maxS: number) =>
      `--duration ${raw} 超过一年（最多 ${maxS} 秒）；0 或不填 --duration 则运行到按 Ctrl+C 为止。`,
  },
});

/** Messages shared by commands that report a rejected session (exit code 3). */
export const authMessages = defineMessages({
  en: {
    sessionExpired: () =>
      '❌ Binance rejected the session (login expired, 100002001). Log in on binance.com, copy a fresh request as cURL and run: npx alpha-monitor accounts add --user <id> --from-curl <file>',
    verificationRequired: () =>
      '❌ Binance requires supplementary verification (补充认证). Complete it in the Binance app (Alpha), then try again.',
    simulatorSessionExpired: (restUrl: string) =>
      `❌ The simulator at ${restUrl} does not accept this session (100002001): it was restarted with new demo credentials, or the session was invalidated through its control API. Start it with --write-credentials <file> and pass the same file to --credentials-file: a restarted simulator keeps the credentials in that file.`,
    simulatorSessionRejected: (restUrl: string) =>
      `The simulator at ${restUrl} does not accept this session (100002001).`,
    simulatorRejected: (restUrl: string, detail: string) =>
      `The simulator at ${restUrl} rejected the request (${detail})`,
  },
  'zh-CN': {
    sessionExpired: () =>
      '❌ 币安拒绝了会话（登录状态已失效，100002001）。请在 binance.com 重新登录，复制新的 cURL 请求后运行：npx alpha-monitor accounts add --user <id> --from-curl <文件>',
    verificationRequired: () => '❌ 币安要求补充认证。请在币安 App（Alpha）中完成认证后重试。',
    simulatorSessionExpired: (restUrl: string) =>
      `❌ ${restUrl} 上的模拟器不接受此会话（100002001）：它已用新的演示凭据重新启动，或会话已通过其控制接口作废。请用 --write-credentials <文件> 启动它，并把同一文件传给 --credentials-file：重新启动的模拟器会沿用该文件中的凭据。`,
    simulatorSessionRejected: (restUrl: string) =>
      `${restUrl} 上的模拟器不接受此会话（100002001）。`,
    simulatorRejected: (restUrl: string, detail: string) =>
      `${restUrl} 上的模拟器拒绝了请求（${detail}）`,
  },
});

/**
 * What to do about an expired session: log in on binance.com again, or, for a simulator on
 * this machine, keep its demo credentials across restarts.
 */
export function sessionExpiredMessage(lang: Lang, restUrl: string): string {
  const auth = authMessages(lang);
  return isLoopbackUrl(restUrl) ? auth.simulatorSessionExpired(restUrl) : auth.sessionExpired();
}

/**
 * A disconnect or failure reason for the status line, in the user's language. The engine says
 * "Binance" for whatever answered; a simulator on this machine (loopback rest URL) is named
 * as such, as the final message does (`sessionExpiredMessage`).
 */
export function describeReasonAt(lang: Lang, reason: Reason, restUrl: string | null): string {
  if (restUrl !== null && isLoopbackUrl(restUrl)) {
    const auth = authMessages(lang);
    if (reason.code === 'SESSION_EXPIRED') return auth.simulatorSessionRejected(restUrl);
    if (reason.code === 'BUSINESS_ERROR') {
      const detail = [reason.apiCode, reason.apiMessage].filter(Boolean).join(': ');
      return auth.simulatorRejected(restUrl, detail);
    }
  }
  return describeReason(lang, reason);
}

/** Messages of `watch --journal <dir>` (stderr, so that `--json` output stays clean). */
export const watchJournalMessages = defineMessages({
  en: {
    dirMissing: () => '--journal needs a folder, e.g. --journal ~/alpha-sessions',
    journalAt: (path: string) => `📝 Session journal: ${path}`,
    diskFull: (path: string) =>
      `⚠️ The disk is full: the session journal ${path} cannot grow. Monitoring goes on; updates wait in memory and are printed once written. Free some space.`,
    writeFailed: (path: string, code: string) =>
      `⚠️ Cannot write the session journal ${path} (${code}). Monitoring goes on; updates wait in memory and are printed once written.`,
    recovered: (n: number) =>
      `✅ The session journal can be written again: ${n} waiting update(s) written.`,
    unwrittenSaved: (n: number, path: string) =>
      `⚠️ ${n} update(s) could not be written to the session journal; they are saved in ${path}.`,
    unwrittenLost: (n: number, code: string) =>
      `❌ ${n} update(s) could not be written to the session journal nor to an emergency file (${code}); they are lost.`,
  },
  'zh-CN': {
    dirMissing: () => '--journal 需要一个目录，例如 --journal ~/alpha-sessions',
    journalAt: (path: string) => `📝 会话日志：${path}`,
    diskFull: (path: string) =>
      `⚠️ 磁盘已满：会话日志 ${path} 无法继续写入。监控仍在进行；更新暂存在内存中，写入后才会显示。请释放磁盘空间。`,
    writeFailed: (path: string, code: string) =>
      `⚠️ 无法写入会话日志 ${path}（${code}）。监控仍在进行；更新暂存在内存中，写入后才会显示。`,
    recovered: (n: number) => `✅ 会话日志恢复写入：已写入等待中的 ${n} 条更新。`,
    unwrittenSaved: (n: number, path: string) =>
      `⚠️ 有 ${n} 条更新未能写入会话日志，已另存到 ${path}。`,
    unwrittenLost: (n: number, code: string) =>
      `❌ 有 ${n} 条更新既未能写入会话日志，也未能写入应急文件（${code}），已丢失。`,
  },
});
