import Big from 'big.js';
import type { PointsSnapshot } from '../../core/points/index.ts';
import { costPerPointText, wearBpsText, wearUsdtText } from '../../../shared/points/wear-format.ts';
import { defineMessages, type Lang } from './lang.ts';

const usdt = (v: string, dp = 2) => new Big(v).toFixed(dp);

/** Hours and minutes (the time left until 00:00 UTC). */
export function hoursMinutes(ms: number): { h: number; min: number } {
  const totalMin = Math.floor(ms / 60_000);
  return { h: Math.floor(totalMin / 60), min: totalMin % 60 };
}

/**
 * The one way wear is said, everywhere: "wear 0.0149 USDT (4.9 bps)" / "磨损 0.0149 USDT（4.9 bps）".
 * Positive wear is money lost.
 */
export function wearPhrase(lang: Lang, wearUsdt: string, wearBps: string | null): string {
  return pointsMessages(lang).wear(wearUsdtText(wearUsdt), wearBpsText(wearBps));
}

/** The points command's text, in English and Simplified Chinese. */
export const pointsMessages = defineMessages({
  en: {
    summary: () => "today's Alpha points, the 15-day window, the next point and wear",
    usage:
      () => `Usage: npx alpha-monitor points [--demo | --user <id> | --credentials-file <path>] [--token <sym>] [--json]

Reads the account's Alpha points (user-score): today's counted volume (BUY quote × the token's
mulPoint) and points, balance points, the 15-day sum and what was spent, how many USDT of buys
the next point needs, the time left until 00:00 UTC (when the day's volume stops counting),
and today's wear from today's fills.

  --token <sym>   price the next point on this token (default: the highest live mulPoint)
  --csv <file>    also write the per-day summary (one row per UTC day of the window: volume,
                  counted volume, points, wear USDT and bps, cost per point) to <file>
  --json          one JSON object on stdout ({"type":"points", ...})`,
    csvWritten: (days: number, path: string) => `Wrote ${days} days to ${path}`,
    csvFailed: (code: string, reason: string) => `Could not write the CSV (${code}): ${reason}`,
    wear: (amount: string, b: string) => `wear ${amount} USDT (${b} bps)`,
    header: (account: string, date: string, h: number, min: number) =>
      `Points for ${account} · ${date} (UTC) · ${h} h ${min} min left until 00:00 UTC`,
    today: (vol: number, counted: string, bal: number, total: number) =>
      `Today: ${vol} volume points (counted volume ${counted} USDT) + ${bal} balance points = ${total}`,
    difference: (diff: string, projected: string) =>
      `The exchange's counted volume differs from today's fills (${projected} USDT) by ${diff} USDT; the exchange's figure is used.`,
    noTodayRow: () =>
      "The exchange lists no row for today yet: today's figure is projected from today's fills.",
    next: (buy: string, token: string, mulPoint: number, points: number, threshold: string) =>
      `Next point: ${buy} USDT of buys on ${token} at mulPoint ${mulPoint} (point ${points} at ${threshold} USDT counted)`,
    wearToday: (wear: string, perPoint: string | null) =>
      `Today: ${wear}${perPoint === null ? '' : ` · cost per point ${perPoint} USDT`}`,
    window: (earned: number, spent: number, sum: number) =>
      `15 days: ${earned} earned − ${spent} spent = ${sum} points`,
    day: (date: string, total: number, vol: number, bal: number, counted: string) =>
      `  ${date}  ${total} (${vol} volume + ${bal} balance)  counted ${counted} USDT`,
    spend: (date: string, points: number, bizType: string) =>
      `  spent ${points} on ${date} (${bizType})`,
    authRejected: (code: string, reason: string) => `The session was rejected (${code}): ${reason}`,
    failed: (code: string, reason: string) => `Could not read the points (${code}): ${reason}`,
  },
  'zh-CN': {
    summary: () => '今日 Alpha 积分、15 天窗口、下一分所需买入与磨损',
    usage:
      () => `用法：npx alpha-monitor points [--demo | --user <账户> | --credentials-file <路径>] [--token <代币>] [--json]

读取账户的 Alpha 积分（user-score）：今日计入交易量（买入金额 × 代币 mulPoint）与积分、余额积分、
15 天合计与已消耗积分、下一分还需买入多少 USDT、距 UTC 00:00（当日交易量截止）的剩余时间，
以及按今日成交计算的磨损。

  --token <代币>  按此代币计算下一分（默认：当前 mulPoint 最高的代币）
  --csv <文件>    同时把按日汇总（窗口内每个 UTC 日一行：交易量、计入交易量、积分、磨损 USDT
                  与 bps、每分成本）写入 <文件>
  --json          在标准输出打印一个 JSON 对象（{"type":"points", ...}）`,
    csvWritten: (days: number, path: string) => `已将 ${days} 天写入 ${path}`,
    csvFailed: (code: string, reason: string) => `无法写入 CSV（${code}）：${reason}`,
    wear: (amount: string, b: string) => `磨损 ${amount} USDT（${b} bps）`,
    header: (account: string, date: string, h: number, min: number) =>
      `${account} 的积分 · ${date}（UTC）· 距 UTC 00:00 还有 ${h} 小时 ${min} 分`,
    today: (vol: number, counted: string, bal: number, total: number) =>
      `今日：交易量积分 ${vol}（计入交易量 ${counted} USDT）+ 余额积分 ${bal} = ${total}`,
    difference: (diff: string, projected: string) =>
      `交易所的计入交易量与今日成交推算（${projected} USDT）相差 ${diff} USDT；以交易所数字为准。`,
    noTodayRow: () => '交易所尚未列出今日数据：今日数字按今日成交推算。',
    next: (buy: string, token: string, mulPoint: number, points: number, threshold: string) =>
      `下一分：在 ${token}（mulPoint ${mulPoint}）上买入 ${buy} USDT（计入 ${threshold} USDT 时达到 ${points} 分）`,
    wearToday: (wear: string, perPoint: string | null) =>
      `今日：${wear}${perPoint === null ? '' : ` · 每分成本 ${perPoint} USDT`}`,
    window: (earned: number, spent: number, sum: number) =>
      `15 天：获得 ${earned} − 消耗 ${spent} = ${sum} 分`,
    day: (date: string, total: number, vol: number, bal: number, counted: string) =>
      `  ${date}  ${total}（交易量 ${vol} + 余额 ${bal}）  计入 ${counted} USDT`,
    spend: (date: string, points: number, bizType: string) =>
      `  ${date} 消耗 ${points} 分（${bizType}）`,
    authRejected: (code: string, reason: string) => `会话被拒绝（${code}）：${reason}`,
    failed: (code: string, reason: string) => `无法读取积分（${code}）：${reason}`,
  },
});

/** The text report of a snapshot, line by line. */
export function pointsReport(lang: Lang, s: PointsSnapshot): string[] {
  const m = pointsMessages(lang);
  const { h, min } = hoursMinutes(s.msUntilDayEnd);
  const lines = [
    m.header(s.accountId, s.date, h, min),
    m.today(
      s.today.volumePoints,
      usdt(s.today.countedVolumeUsdt),
      s.today.balancePoints,
      s.today.totalPoints,
    ),
  ];
  if (s.today.exchangeCountedVolumeUsdt === null) lines.push(m.noTodayRow());
  else if (s.today.differenceUsdt !== null && !new Big(s.today.differenceUsdt).eq(0))
    lines.push(
      m.difference(usdt(s.today.differenceUsdt), usdt(s.today.projectedCountedVolumeUsdt)),
    );
  if (s.nextPoint)
    lines.push(
      m.next(
        new Big(s.nextPoint.buyUsdt).toFixed(2, Big.roundUp),
        s.nextPoint.token,
        s.nextPoint.mulPoint,
        s.nextPoint.points,
        s.nextPoint.thresholdUsdt,
      ),
    );
  lines.push(
    m.wearToday(
      wearPhrase(lang, s.wearToday.wearUsdt, s.wearToday.wearBps),
      costPerPointText(s.wearToday.costPerPoint),
    ),
  );
  lines.push(m.window(s.window.earnedPoints, s.window.spentPoints, s.window.sumPoints));
  for (const d of s.window.days)
    lines.push(
      m.day(d.date, d.totalPoints, d.volumePoints, d.balancePoints, usdt(d.countedVolumeUsdt)),
    );
  for (const x of s.window.spends)
    lines.push(m.spend(new Date(x.timeMs).toISOString().slice(0, 10), x.points, x.bizType));
  return lines;
}
