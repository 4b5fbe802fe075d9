import { assertNever } from '../../../shared/assert-never.ts';
import type { LanguageSetting } from '../../../shared/ipc/views-app.ts';
import type { AlertEvent, AlertEventOf, AlertGroup } from './alert-event.ts';

/** At most this many events are spelled out in one merged message; the rest are counted. */
export const MAX_LISTED_EVENTS = 10;

interface Lines {
  /** Between a title and its list. */
  colon: string;
  test(): string;
  fills(n: number, account: string): string;
  fillItem(e: AlertEventOf<'fill'>): string;
  strategyFinished(n: number, account: string): string;
  strategyFinishedItem(e: AlertEventOf<'strategy-finished'>): string;
  strategyPaused(n: number, account: string): string;
  strategyPausedItem(e: AlertEventOf<'strategy-paused'>): string;
  wearLimit(n: number, account: string): string;
  wearLimitItem(e: AlertEventOf<'wear-limit'>): string;
  sessionExpired(account: string): string;
  verificationNeeded(account: string): string;
  missedUpdates(missed: number, times: number, account: string): string;
  accountDown(account: string, e: AlertEventOf<'account-down'>): string;
  more(n: number): string;
  dropped(n: number): string;
}

/** `100.00000000` → `100`, `0.20000000` → `0.2`: the exchange pads to 8 places. */
export function plainDecimal(text: string): string {
  return /^-?\d+\.\d+$/.test(text) ? text.replace(/\.?0+$/, '') : text;
}

const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));

const EN: Lines = {
  colon: ': ',
  test: () => 'Alpha Monitor test alert: this channel works.',
  fills: (n, a) => (n === 1 ? `Fill on ${a}` : `${n} fills on ${a}`),
  fillItem: (e) =>
    `${e.side} ${plainDecimal(e.quantity)} ${e.symbol} @ ${plainDecimal(e.price)}${e.status === 'FILLED' ? '' : ' (partial)'}`,
  strategyFinished: (n, a) =>
    n === 1 ? `Strategy finished on ${a}` : `${n} strategy runs finished on ${a}`,
  strategyFinishedItem: (e) =>
    `${e.outcome}: ${e.doneVolumeUsdt} of ${e.targetVolumeUsdt} USDT, ${e.trades} trades`,
  strategyPaused: (n, a) =>
    n === 1 ? `Strategy stopped early on ${a}` : `${n} strategy runs stopped early on ${a}`,
  strategyPausedItem: (e) =>
    `${e.reasonCode}: ${e.doneVolumeUsdt} of ${e.targetVolumeUsdt} USDT done`,
  wearLimit: (n, a) => (n === 1 ? `Wear limit hit on ${a}` : `Wear limit hit ${n} times on ${a}`),
  wearLimitItem: (e) =>
    `${e.reasonCode}: strategy stopped at ${e.doneVolumeUsdt} of ${e.targetVolumeUsdt} USDT, wear ${e.wearUsdt} USDT${e.wearBps === null ? '' : ` (${e.wearBps} bps)`}`,
  sessionExpired: (a) =>
    `Session expired on ${a}: monitoring stopped. Copy a fresh cURL from the browser and re-import the account.`,
  verificationNeeded: (a) =>
    `Verification needed on ${a}: Binance asks for a security check. Complete it in the browser, then restart the account.`,
  missedUpdates: (m, t, a) =>
    `${m} update(s) the stream missed on ${a} were recovered over REST${t > 1 ? ` (${t} times)` : ''}`,
  accountDown: (a, e) => `${a} has not been live for ${minutes(e.downForMs)} min (now ${e.state})`,
  more: (n) => `… and ${n} more`,
  dropped: (n) => `(${n} earlier alert(s) could not be delivered and were dropped)`,
};

const ZH: Lines = {
  colon: '：',
  test: () => 'Alpha Monitor 测试提醒：此通道可用。',
  fills: (n, a) => (n === 1 ? `${a} 有成交` : `${a} 有 ${n} 笔成交`),
  fillItem: (e) =>
    `${e.side === 'BUY' ? '买入' : e.side === 'SELL' ? '卖出' : e.side} ${plainDecimal(e.quantity)} ${e.symbol} @ ${plainDecimal(e.price)}${e.status === 'FILLED' ? '' : '（部分成交）'}`,
  strategyFinished: (n, a) => (n === 1 ? `${a} 的策略已完成` : `${a} 有 ${n} 次策略运行已完成`),
  strategyFinishedItem: (e) =>
    `${e.outcome}：已完成 ${e.doneVolumeUsdt} / ${e.targetVolumeUsdt} USDT，${e.trades} 笔交易`,
  strategyPaused: (n, a) => (n === 1 ? `${a} 的策略提前停止` : `${a} 有 ${n} 次策略运行提前停止`),
  strategyPausedItem: (e) =>
    `${e.reasonCode}：已完成 ${e.doneVolumeUsdt} / ${e.targetVolumeUsdt} USDT`,
  wearLimit: (n, a) => (n === 1 ? `${a} 达到磨损上限` : `${a} ${n} 次达到磨损上限`),
  wearLimitItem: (e) =>
    `${e.reasonCode}：策略已在 ${e.doneVolumeUsdt} / ${e.targetVolumeUsdt} USDT 处停止，磨损 ${e.wearUsdt} USDT${e.wearBps === null ? '' : `（${e.wearBps} bps）`}`,
  sessionExpired: (a) =>
    `${a} 的会话已过期：监控已停止。请从浏览器复制新的 cURL 并重新导入该账户。`,
  verificationNeeded: (a) =>
    `${a} 需要验证：币安要求安全验证。请在浏览器中完成验证后重新启动该账户。`,
  missedUpdates: (m, t, a) =>
    `${a} 的推送漏掉了 ${m} 条更新，已通过 REST 补回${t > 1 ? `（${t} 次）` : ''}`,
  accountDown: (a, e) => `${a} 已有 ${minutes(e.downForMs)} 分钟未处于实时状态（当前：${e.state}）`,
  more: (n) => `…… 另有 ${n} 条`,
  dropped: (n) => `（之前有 ${n} 条提醒无法送达，已丢弃）`,
};

export function alertLines(lang: LanguageSetting): Lines {
  return lang === 'zh-CN' ? ZH : EN;
}

/** `title: item; item; … and N more`. */
function listed<E extends AlertEvent>(
  l: Lines,
  title: string,
  events: E[],
  item: (e: E) => string,
): string {
  const shown = events.slice(0, MAX_LISTED_EVENTS).map(item);
  const rest = events.length - shown.length;
  return `${title}${l.colon}${shown.join('; ')}${rest > 0 ? ` ${l.more(rest)}` : ''}`;
}

/** The text of one message (one group of events of one kind and account). */
export function formatAlertText(
  group: AlertGroup,
  lang: LanguageSetting,
  accountLabel: string,
  droppedBefore = 0,
): string {
  const l = alertLines(lang);
  const main = formatGroup(group, l, accountLabel);
  return droppedBefore > 0 ? `${main}\n${l.dropped(droppedBefore)}` : main;
}

function formatGroup(group: AlertGroup, l: Lines, a: string): string {
  const n = group.events.length;
  const of = <K extends AlertEvent['kind']>(kind: K) =>
    group.events.filter((e): e is AlertEventOf<K> => e.kind === kind);
  switch (group.kind) {
    case 'test':
      return l.test();
    case 'fill':
      return listed(l, l.fills(n, a), of('fill'), l.fillItem);
    case 'strategy-finished':
      return listed(l, l.strategyFinished(n, a), of('strategy-finished'), l.strategyFinishedItem);
    case 'strategy-paused':
      return listed(l, l.strategyPaused(n, a), of('strategy-paused'), l.strategyPausedItem);
    case 'wear-limit':
      return listed(l, l.wearLimit(n, a), of('wear-limit'), l.wearLimitItem);
    case 'session-expired':
      return l.sessionExpired(a);
    case 'verification-needed':
      return l.verificationNeeded(a);
    case 'missed-updates': {
      const events = of('missed-updates');
      return l.missedUpdates(
        events.reduce((sum, e) => sum + e.missed, 0),
        events.length,
        a,
      );
    }
    case 'account-down': {
      // Merged: the latest says for how long it has been down now.
      const events = of('account-down');
      return l.accountDown(a, events[events.length - 1]!);
    }
    default:
      return assertNever(group.kind);
  }
}
