import { assertNever } from '../../../shared/assert-never.ts';
import { describeStrategyReason } from '../../../shared/reasons/strategy-reason-text.ts';
import type { StrategyEvent, StrategySummary } from '../../core/strategy/index.ts';
import type { CliContext } from '../common/cli-context.ts';
import { ExitCode } from '../common/cli-error.ts';
import { wearPhrase } from '../i18n/points-messages.ts';
import { exact, messages, money, percent, wearLine } from './strategy-messages.ts';

/**
 * Where a run's events go: one JSON line each with `--json`, else one sentence each in the
 * person's language. In the terminal a progress line that says nothing new is left out.
 */
export function createStrategyOutput(
  ctx: Pick<CliContext, 'stdout' | 'lang'>,
  options: { json: boolean; amountUsdt: string },
): (event: StrategyEvent) => void {
  if (options.json) return (event) => ctx.stdout(`${JSON.stringify(jsonOf(event))}\n`);
  const m = messages(ctx.lang);
  let lastLine = '';
  const out = (line: string) => {
    if (line === lastLine && line.startsWith('[')) return;
    lastLine = line;
    ctx.stdout(`${line}\n`);
  };
  return (event) => printEvent(event, options.amountUsdt, ctx.lang, m, out);
}

/**
 * An event as its `--json` line: the reason stays code + parameters (for scripts); a failed
 * trade and the summary also get `message`, the reason in English for humans and logs.
 */
export function jsonOf(event: StrategyEvent): StrategyEvent & { message?: string | null } {
  if (event.type === 'trade-failed')
    return { ...event, message: describeStrategyReason('en', event.reason) };
  if (event.type === 'summary')
    return {
      ...event,
      message: event.reason === null ? null : describeStrategyReason('en', event.reason),
    };
  return event;
}

function printEvent(
  event: StrategyEvent,
  amountUsdt: string,
  lang: CliContext['lang'],
  m: ReturnType<typeof messages>,
  out: (line: string) => void,
): void {
  switch (event.type) {
    case 'prepared':
      out(m.prepared(event, amountUsdt));
      return;
    case 'order-planned':
      out(m.planned(event.trade, event));
      return;
    case 'order-placed':
      out(m.placed(event));
      return;
    case 'leg-filled':
      out(m.filled(event));
      return;
    case 'leg-timeout':
      out(m.timeout(event));
      return;
    case 'order-canceled':
      out(m.canceled(event));
      return;
    case 'trade-failed':
      out(m.failed(event));
      return;
    case 'trade-wear':
      out(m.tradeWear(event.trade, wearPhrase(lang, event.wearUsdt, event.wearBps)));
      return;
    case 'progress':
      out(
        m.progress(
          money(event.doneUsdt, 2),
          money(event.targetVolumeUsdt, 2),
          percent(event.doneUsdt, event.targetVolumeUsdt),
          event.trades,
          event.fills,
          exact(event.feesUsdt),
          wearPhrase(lang, event.wearUsdt, event.wearBps),
        ),
      );
      return;
    case 'leftovers':
      out(m.leftovers(event));
      return;
    case 'summary': {
      out(m.outcome(event));
      out(m.summaryLine(event));
      if (!event.dryRun) out(wearLine(lang, event));
      const list = (legs: StrategySummary['openPendingOrders']) =>
        legs.map((l) => `#${l.orderId} (${l.symbol})`).join(', ');
      if (event.openPendingOrders.length > 0) out(m.openPending(list(event.openPendingOrders)));
      if (event.canceledPendingOrders.length > 0)
        out(m.canceledPending(list(event.canceledPendingOrders)));
      return;
    }
    default:
      assertNever(event, 'strategy event');
  }
}

/** The exit code of a finished run (README "Exit codes"). */
export function exitCodeFor(summary: StrategySummary): number {
  switch (summary.outcome) {
    case 'target-reached':
    case 'dry-run':
    case 'stopped':
      return ExitCode.ok;
    case 'auth-rejected':
      return ExitCode.credentialsRejected;
    case 'failed':
      return summary.reasonCode === 'INVALID_PARAMS' ||
        summary.reasonCode === 'TOKEN_NOT_FOUND' ||
        summary.reasonCode === 'TOKEN_AMBIGUOUS' ||
        summary.reasonCode === 'TOO_MANY_TRADES'
        ? ExitCode.usage
        : ExitCode.failure;
    case 'max-loss':
    case 'max-wear':
    case 'price-moved':
    case 'too-many-failures':
    case 'insufficient-balance':
      return ExitCode.failure;
    default:
      return assertNever(summary.outcome, 'strategy outcome');
  }
}
