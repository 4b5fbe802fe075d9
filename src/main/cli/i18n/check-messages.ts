import { defineMessages } from './lang.ts';

/** Messages of `alpha-monitor check` and `alpha-monitor listen-key`. */
export const checkMessages = defineMessages({
  en: {
    checkSummary: () =>
      'check credentials, listen key and the order-push subscription step by step',
    checkUsage: () =>
      'Usage: npx alpha-monitor check [--user <id> | --demo] [options]\n\n' +
      'Exit codes: 0 all checks passed, 1 the exchange was not reachable, 2 bad usage,\n' +
      '3 the exchange rejected the session, 4 could not connect or subscribe to the stream.\n',
    keySummary: () => 'get a listen key (shown masked)',
    keyUsage: () =>
      'Usage: npx alpha-monitor listen-key [--user <id> | --demo] [options]\n\n' +
      'Exit codes: 0 a listen key was issued, 1 the exchange was not reachable, 2 bad usage,\n' +
      '3 the exchange rejected the session.\n',
    credentialsOk: (account: string, source: string) =>
      `✅ Credentials: account ${account} (from ${source})`,
    credentialsBad: (reason: string) => `❌ Credentials: ${reason}`,
    keyOk: (key: string) => `✅ Listen key: ${key}`,
    keyBad: (reason: string) => `❌ Listen key: ${reason}`,
    keyFixNetwork: (url: string) =>
      `   What to do: check the network and --rest-url (${url}); a proxy or firewall may block it.`,
    keyFixOther: () =>
      '   What to do: run again later; if it persists, re-import the session from a fresh browser login.',
    connectOk: (url: string) => `✅ Connected: ${url}`,
    connectBad: (url: string, reason: string) => `❌ Connect to ${url}: ${reason}`,
    connectFix: () =>
      '   What to do: check --ws-url and that WebSocket traffic (wss, port 443) is allowed.',
    subscribeOk: () => '✅ Subscribed: SUBSCRIBE acknowledged',
    subscribeBad: (reason: string) => `❌ Subscribe: ${reason}`,
    subscribeFix: () =>
      '   What to do: the server did not confirm the subscription; get a fresh session and try again.',
    unsubscribeOk: () => '✅ Unsubscribed and closed cleanly',
    unsubscribeBad: (reason: string) =>
      `❌ Unsubscribe: ${reason} (harmless: the connection was closed anyway)`,
    allGood: () => 'All checks passed: npx alpha-monitor watch will receive your order updates.',
  },
  'zh-CN': {
    checkSummary: () => '逐步检查凭据、listenKey 和订单推送订阅',
    checkUsage: () =>
      '用法：npx alpha-monitor check [--user <账户> | --demo] [选项]\n\n' +
      '退出码：0 全部检查通过，1 无法连接交易所，2 用法错误，3 交易所拒绝了会话，\n' +
      '4 无法连接或订阅推送流。\n',
    keySummary: () => '获取 listenKey（脱敏显示）',
    keyUsage: () =>
      '用法：npx alpha-monitor listen-key [--user <账户> | --demo] [选项]\n\n' +
      '退出码：0 已获得 listenKey，1 无法连接交易所，2 用法错误，3 交易所拒绝了会话。\n',
    credentialsOk: (account: string, source: string) =>
      `✅ 凭据：账户 ${account}（来源 ${source}）`,
    credentialsBad: (reason: string) => `❌ 凭据：${reason}`,
    keyOk: (key: string) => `✅ listenKey：${key}`,
    keyBad: (reason: string) => `❌ listenKey：${reason}`,
    keyFixNetwork: (url: string) =>
      `   处理办法：检查网络和 --rest-url（${url}）；代理或防火墙可能拦截了请求。`,
    keyFixOther: () => '   处理办法：稍后重试；若仍失败，请从浏览器重新登录并重新导入会话。',
    connectOk: (url: string) => `✅ 已连接：${url}`,
    connectBad: (url: string, reason: string) => `❌ 连接 ${url} 失败：${reason}`,
    connectFix: () => '   处理办法：检查 --ws-url，并确认允许 WebSocket（wss，443 端口）流量。',
    subscribeOk: () => '✅ 已订阅：SUBSCRIBE 已确认',
    subscribeBad: (reason: string) => `❌ 订阅失败：${reason}`,
    subscribeFix: () => '   处理办法：服务器未确认订阅；请获取新的会话后重试。',
    unsubscribeOk: () => '✅ 已取消订阅并正常关闭',
    unsubscribeBad: (reason: string) => `❌ 取消订阅：${reason}（无影响：连接已关闭）`,
    allGood: () => '全部检查通过：npx alpha-monitor watch 可以收到你的订单更新。',
  },
});
