import { memo } from 'react';
import type { PointsView } from '../../../shared/ipc/views-points.ts';
import { costPerPointText } from '../../../shared/points/wear-format.ts';
import { useApi } from '../shell/api-context.tsx';
import { useLiveValue } from '../hooks/use-live-feed.ts';
import { useNow } from '../hooks/use-now.ts';
import { formatDecimal, isZeroDecimal, roundDecimal } from '../format/decimal.ts';
import { formatDuration } from '../format/time.ts';
import { useT } from '../i18n/i18n.tsx';
import { useWearText } from './strategy-progress.tsx';
import { ErrorBox, KV, Panel } from './ui.tsx';

const DAY_MS = 86_400_000;
const usdt = (value: string) => formatDecimal(roundDecimal(value, 2));

/** One account's Alpha points as main reads them, kept current by `pointsChanged`. */
export function usePoints(accountId: string): { view: PointsView | null } {
  const api = useApi();
  const { value } = useLiveValue(
    () => api.getPoints({ accountId }),
    (set) =>
      api.onPointsChanged((view) => {
        if (view.accountId === accountId) set(view);
      }),
    [api, accountId],
  );
  // A view of the previously selected account is never shown for this one.
  return { view: value !== null && value.accountId === accountId ? value : null };
}

/**
 * The points card: today's volume and balance points, progress to the daily target (a
 * setting) with the buys still needed, the next point and what it takes, today's wear and cost
 * per point, the 15-day sum, and the time left until 00:00 UTC (when today's volume stops
 * counting). Figures come from the exchange's user-score; between reads, today's fills are
 * added with the token's live mulPoint. Memoized: the sidebar re-renders with every batch the
 * monitor draws, and the card changes only with its own figures and clock.
 */
export const PointsCard = memo(function PointsCard({ accountId }: { accountId: string }) {
  const t = useT();
  const nowMs = useNow(1000);
  const wearText = useWearText();
  const { view } = usePoints(accountId);
  const s = view?.snapshot ?? null;
  const state = view?.state ?? 'loading';
  return (
    <Panel title={t.points.title} testId="points-card" className={`points-card state-${state}`}>
      {view?.problem && <ErrorBox error={view.problem} tone="warning" />}
      {!s ? (
        <p className="hint">{state === 'stopped' ? t.points.notRunning : t.loading}</p>
      ) : (
        <>
          {state === 'stopped' && <p className="hint small">{t.points.stopped}</p>}
          <dl
            className="kv-list"
            data-testid="points-figures"
            data-volume-points={s.today.volumePoints}
            data-counted-volume={s.today.countedVolumeUsdt}
            data-date={s.date}
          >
            <KV label={t.points.today} testId="points-today">
              {t.points.todayValue(
                s.today.volumePoints,
                s.today.balancePoints,
                s.today.totalPoints,
              )}
            </KV>
            {view?.target && (
              <KV label={t.points.target(view.target.points)} testId="points-target">
                <progress
                  max={view.target.points}
                  value={Math.min(s.today.volumePoints, view.target.points)}
                />{' '}
                {view.target.reached
                  ? t.points.targetReached
                  : view.target.buyUsdt !== null && s.nextPoint
                    ? t.points.targetToGo(usdt(view.target.buyUsdt), s.nextPoint.token)
                    : t.points.countedToGo(usdt(view.target.countedNeededUsdt))}
              </KV>
            )}
            <KV label={t.points.counted} testId="points-counted">
              {usdt(s.today.countedVolumeUsdt)} USDT
              <span className="muted small">
                {' '}
                {s.today.exchangeCountedVolumeUsdt === null
                  ? t.points.sourceProjected
                  : t.points.sourceExchange}
              </span>
            </KV>
            {s.today.differenceUsdt !== null && !isZeroDecimal(s.today.differenceUsdt) && (
              <KV label={t.points.difference} testId="points-difference">
                <span className="warn">
                  {t.points.differenceValue(
                    usdt(s.today.differenceUsdt),
                    usdt(s.today.projectedCountedVolumeUsdt),
                  )}
                </span>
              </KV>
            )}
            {s.nextPoint && (
              <KV label={t.points.nextPoint(s.nextPoint.points)} testId="points-next">
                {t.points.nextPointValue(
                  formatDecimal(roundDecimal(s.nextPoint.buyUsdt, 2)),
                  s.nextPoint.token,
                  s.nextPoint.mulPoint,
                  formatDecimal(s.nextPoint.thresholdUsdt),
                )}
              </KV>
            )}
            <KV label={t.points.wearToday} testId="points-wear">
              {wearText(s.wearToday.wearUsdt, s.wearToday.wearBps)}
            </KV>
            <KV label={t.points.costPerPoint} testId="points-cost-per-point">
              {costPerPointText(s.wearToday.costPerPoint) ?? t.none}
            </KV>
            <KV label={t.points.window} testId="points-window">
              {t.points.windowValue(
                s.window.earnedPoints,
                s.window.spentPoints,
                s.window.sumPoints,
              )}
            </KV>
            <KV label={t.points.dayEnds} testId="points-day-ends">
              {formatDuration(Math.max(0, Math.floor(s.asOfMs / DAY_MS) * DAY_MS + DAY_MS - nowMs))}
            </KV>
          </dl>
        </>
      )}
    </Panel>
  );
});
