import { assertNever } from '../../../shared/assert-never.ts';
import type { StrategyEstimateState } from '../hooks/use-strategy-estimate.ts';
import { formatDecimal, roundDecimal } from '../format/decimal.ts';
import { useT } from '../i18n/i18n.tsx';
import { ErrorBox, Spinner } from './ui.tsx';

/**
 * What Start would do, said before it is pressed: today's volume and points, the trades and
 * expected wear, or that the target is already met (Start then places nothing). An estimate
 * that fails (unknown token, ...) is the one place its error is shown.
 */
export function StrategyEstimate({ state }: { state: StrategyEstimateState }) {
  const t = useT();
  switch (state.kind) {
    case 'idle':
      return null;
    case 'loading':
      return (
        <p className="muted small" data-testid="strategy-estimate" data-state="loading">
          <Spinner /> {t.estimateLoading}
        </p>
      );
    case 'error':
      return (
        <div data-testid="strategy-estimate" data-state="error">
          <ErrorBox error={state.error} />
        </div>
      );
    case 'ready': {
      const e = state.estimate;
      const usdt = (v: string) => formatDecimal(roundDecimal(v, 2));
      const today = t.estimateToday(
        usdt(e.doneUsdt),
        usdt(e.targetVolumeUsdt),
        e.tokenSymbol,
        e.pointsToday,
      );
      if (e.targetMet) {
        return (
          <div className="warning-box" data-testid="strategy-estimate" data-state="target-met">
            <strong>
              {e.targetPoints === null
                ? t.targetMetVolume(usdt(e.doneUsdt), usdt(e.targetVolumeUsdt))
                : t.targetMetPoints(e.pointsToday ?? 0, e.targetPoints)}
            </strong>
            <p className="small">{t.targetMetFix}</p>
          </div>
        );
      }
      return (
        <p
          className="small strategy-estimate"
          data-testid="strategy-estimate"
          data-state="ready"
          data-trades={e.tradesEstimated}
        >
          {today} · {t.estimatePlan(e.tradesEstimated, formatDecimal(e.expectedWearUsdt))}
        </p>
      );
    }
    default:
      return assertNever(state, 'estimate state');
  }
}
