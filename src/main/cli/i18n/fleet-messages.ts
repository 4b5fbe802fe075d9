import type { FleetSessionHealthStatus, FleetState } from '../../../shared/ipc/views-fleet.ts';
import { defineMessages } from './lang.ts';

const STATE_EN: Record<FleetState, string> = {
  live: 'live',
  connecting: 'connecting',
  reconnecting: 'reconnecting',
  stopped: 'stopped',
  'session-expired': 'session expired',
  'verification-needed': 'verification needed',
  failed: 'failed',
};
const STATE_ZH: Record<FleetState, string> = {
  live: '在线',
  connecting: '连接中',
  reconnecting: '重连中',
  stopped: '已停止',
  'session-expired': '会话已过期',
  'verification-needed': '需要验证',
  failed: '失败',
};
const HEALTH_EN: Record<FleetSessionHealthStatus, string> = {
  ok: 'ok',
  'at-risk': 'at risk',
  expired: 'expired',
  'verification-required': 'verify',
  unreachable: 'unreachable',
  unchecked: 'not checked',
};
const HEALTH_ZH: Record<FleetSessionHealthStatus, string> = {
  ok: '正常',
  'at-risk': '有风险',
  expired: '已过期',
  'verification-required': '需验证',
  unreachable: '无法连接',
  unchecked: '未检查',
};

/** `alpha-monitor fleet`: help, the table's words, errors. */
export const fleetMessages = defineMessages({
  en: {
    summary: () => 'every account at once: state, volume and points today, wear, open orders',
    help: () =>
      'Usage: npx alpha-monitor fleet [--json] [--once] [--demo [--accounts N]] [--verbose]\n\n' +
      'Starts a monitor for every configured account and shows one table of them all:\n' +
      "state, today's counted volume (UTC: the exchange's, plus fills since), volume points, wear,\n" +
      'open orders, last fill, updates missed by the stream, session health. Beside the\n' +
      'missed updates, "(2 not recovered)": orders with a fill the stream lost that the\n' +
      "exchange does not list either (that account's volume, fees and wear may be short).\n" +
      'On a terminal the table refreshes in place; otherwise a snapshot is appended when\n' +
      'something changed, at most every 10 s. Ctrl+C stops every monitor and exits.\n\n' +
      '  --json            one JSON line per changed account ({"atMs", "row"}), first one per account\n' +
      '  --once            print once every account has connected (or 60 s passed), then exit\n' +
      '  --demo            the embedded simulator instead of your accounts (nothing touches Binance)\n' +
      '  --accounts N      with --demo: N simulated accounts trading by themselves (1-500, default 5)\n' +
      '  --verbose         also print the raw log lines (WARN …, with codes) on stderr\n' +
      '                    (they are always in <data folder>/logs/cli.log)\n\n' +
      'Exit codes: 0 stopped (Ctrl+C / SIGTERM), or --once with every account live;\n' +
      '1 no accounts configured, or the keychain could not be read; 2 bad options;\n' +
      '4 --once and some account is not live.\n',
    noAccounts: () =>
      'No accounts are configured. Add one with: npx alpha-monitor accounts add  (or try: npx alpha-monitor fleet --demo)',
    noKeychain: () =>
      'No keychain on this machine (no Secret Service): the accounts stored in it cannot be read. ' +
      'Install and unlock gnome-keyring (Debian/Ubuntu: sudo apt install gnome-keyring dbus-x11), or try: npx alpha-monitor fleet --demo\n',
    startFailed: (n: number, first: string) =>
      `${n} ${n === 1 ? 'account' : 'accounts'} could not be started: ${first}`,
    /** `notRecovered`: orders with fills not recovered over every account (named only when > 0). */
    header: (
      n: number,
      live: number,
      counted: string,
      points: number,
      notRecovered: number,
      time: string,
    ) =>
      `${n} ${n === 1 ? 'account' : 'accounts'}, ${live} live · counted today ${counted} USDT · ${points} volume points · ` +
      (notRecovered > 0
        ? `${notRecovered} ${notRecovered === 1 ? 'order' : 'orders'} with fills not recovered · `
        : '') +
      `${time} UTC`,
    columns: () => 'ACCOUNT|STATE|COUNTED USDT|PTS|WEAR USDT|OPEN|LAST FILL (UTC)|MISSED|SESSION',
    /** Beside the open orders: orders shown as "status unknown: not open on the exchange". */
    statusUnknown: (n: number) => `+${n} status unknown`,
    /**
     * Beside the missed updates: orders with a fill the stream lost that the exchange does not
     * list either (their fills, fees and wear may be short). Follows the count directly.
     */
    fillsNotRecovered: (n: number) => ` (${n} not recovered)`,
    buy: () => 'buy',
    sell: () => 'sell',
    state: (state: FleetState) => STATE_EN[state],
    health: (status: FleetSessionHealthStatus) => HEALTH_EN[status],
    stopping: () => 'Stopping every monitor…\n',
  },
  'zh-CN': {
    summary: () => '一次查看全部账户：状态、今日交易量与积分、磨损、挂单',
    help: () =>
      '用法：npx alpha-monitor fleet [--json] [--once] [--demo [--accounts N]] [--verbose]\n\n' +
      '为每个已配置的账户启动监控，并用一张表显示全部账户：状态、今日计入交易量\n' +
      '（UTC：交易所的数字加此后的成交）、交易量积分、磨损、挂单、最近成交、实时推送漏掉的更新、\n' +
      '会话状况。漏推旁的“（2 个未找回）”：推送流丢失、交易所的成交记录中也没有的成交所属的\n' +
      '订单数（该账户的交易量、手续费和磨损可能偏少）。\n' +
      '在终端中表格原地刷新；否则有变化时追加一份快照，最多每 10 秒一次。\n' +
      '按 Ctrl+C 停止全部监控并退出。\n\n' +
      '  --json            每个有变化的账户一行 JSON（{"atMs", "row"}），开始时每个账户一行\n' +
      '  --once            所有账户连上后（或 60 秒后）输出一次并退出\n' +
      '  --demo            使用内置模拟交易所，而不是你的账户（不会访问币安）\n' +
      '  --accounts N      与 --demo 一起：N 个自行交易的模拟账户（1-500，默认 5）\n' +
      '  --verbose         同时在标准错误输出原始日志行（WARN …，含代码）\n' +
      '                    （原始日志行总会写入 <数据文件夹>/logs/cli.log）\n\n' +
      '退出码：0 已停止（Ctrl+C / SIGTERM），或 --once 时全部账户在线；\n' +
      '1 没有已配置的账户，或无法读取钥匙串；2 选项有误；4 --once 时有账户不在线。\n',
    noAccounts: () =>
      '没有已配置的账户。请用 npx alpha-monitor accounts add 添加（或试试：npx alpha-monitor fleet --demo）',
    noKeychain: () =>
      '本机没有钥匙串（没有 Secret Service）：无法读取其中保存的账户。' +
      '请安装并解锁 gnome-keyring（Debian/Ubuntu：sudo apt install gnome-keyring dbus-x11），或试试：npx alpha-monitor fleet --demo\n',
    startFailed: (n: number, first: string) => `${n} 个账户未能启动：${first}`,
    header: (
      n: number,
      live: number,
      counted: string,
      points: number,
      notRecovered: number,
      time: string,
    ) =>
      `${n} 个账户，${live} 个在线 · 今日计入 ${counted} USDT · 交易量积分 ${points} · ` +
      (notRecovered > 0 ? `成交未找回的订单 ${notRecovered} 个 · ` : '') +
      `${time} UTC`,
    columns: () => '账户|状态|计入 USDT|积分|磨损 USDT|挂单|最近成交（UTC）|漏推|会话',
    statusUnknown: (n: number) => `+${n} 状态未知`,
    fillsNotRecovered: (n: number) => `（${n} 个未找回）`,
    buy: () => '买',
    sell: () => '卖',
    state: (state: FleetState) => STATE_ZH[state],
    health: (status: FleetSessionHealthStatus) => HEALTH_ZH[status],
    stopping: () => '正在停止全部监控…\n',
  },
});
export type FleetMessages = ReturnType<typeof fleetMessages>;
