import Big from 'big.js';
import type { StrategyProgressView } from '../../../shared/ipc/views-app.ts';
import { wearBpsText, wearUsdtText } from '../../../shared/points/wear-format.ts';
import { useT } from '../i18n/i18n.tsx';
import { formatDecimal, roundDecimal } from '../format/decimal.ts';
import { ErrorBox, Spinner } from './ui.tsx';

/** Done of target as a percentage for the bar (display only), capped at 100. */
function percentDone(p: StrategyProgressView): number {
  try {
    const target = new Big(p.targetVolumeUsdt);
    if (target.lte(0)) return 0;
    const pct = new Big(p.doneVolumeUsdt).div(target).times(100);
    return Math.min(100, Number(pct.toFixed(1)));
  } catch {
    return 0;
  }
}

/** Wear as everywhere: "wear 0.0149 USDT (4.9 bps)", positive = money lost. */
export function useWearText(): (wearUsdt: string, wearBps: string | null) => string {
  const t = useT();
  return (wearUsdt, wearBps) => t.wearPhrase(wearUsdtText(wearUsdt), wearBpsText(wearBps));
}

/** Live figures of a run: volume of target, trades, fills, fees, wear, points. */
export function StrategyProgress({ progress: p }: { progress: StrategyProgressView }) {
  const t = useT();
  const wear = useWearText();
  const pct = percentDone(p);
  return (
    <div
      className={`strategy-progress run-${p.state}`}
      data-testid="strategy-progress"
      data-state={p.state}
      data-done={p.doneVolumeUsdt}
      data-target={p.targetVolumeUsdt}
    >
      <div className="progress-head">
        <span className="strong">{t.runState[p.state]}</span>
        {(p.state === 'starting' || p.state === 'running') && <Spinner />}
        {p.state === 'stopping' && <span className="muted small">{t.stoppingStrategy}</span>}
      </div>
      <div className="progress-line">
        <span>{t.progressVolume}</span>
        <span className="tabular" data-testid="strategy-volume">
          {formatDecimal(roundDecimal(p.doneVolumeUsdt, 2))} /{' '}
          {formatDecimal(roundDecimal(p.targetVolumeUsdt, 2))} USDT
        </span>
      </div>
      <div
        className="progress-bar"
        role="progressbar"
        aria-valuenow={pct}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <span style={{ width: `${pct}%` }} />
      </div>
      <dl className="progress-grid">
        <div>
          <dt>{t.progressTrades}</dt>
          <dd className="tabular" data-testid="strategy-trades">
            {p.trades}
          </dd>
        </div>
        <div>
          <dt>{t.progressFills}</dt>
          <dd className="tabular">{p.fills}</dd>
        </div>
        <div>
          <dt>{t.progressFees}</dt>
          <dd className="tabular">{formatDecimal(roundDecimal(p.feesUsdt, 4))} USDT</dd>
        </div>
        <div>
          <dt>{t.progressWear}</dt>
          <dd className="tabular" data-testid="strategy-wear">
            {wear(p.wearUsdt, p.wearBps)}
          </dd>
        </div>
        <div>
          <dt>{t.progressPoints}</dt>
          <dd className="tabular" data-testid="strategy-points">
            {p.points === null ? t.none : p.points}
            {p.targetPoints === null ? '' : ` / ${p.targetPoints}`}
          </dd>
        </div>
        <div>
          <dt>{t.progressCostPerPoint}</dt>
          <dd className="tabular">
            {p.costPerPoint === null
              ? t.none
              : `${formatDecimal(roundDecimal(p.costPerPoint, 4))} USDT`}
          </dd>
        </div>
      </dl>
      {/* A failed run says its reason once, in the error box. */}
      {!p.error && (
        <p
          className="muted small progress-message"
          data-testid="strategy-message"
          data-code={p.status.code}
        >
          {t.strategyStatus(p.status)}
        </p>
      )}
      {p.leftovers && (
        <p
          className="muted small"
          data-testid="strategy-leftovers"
          data-outcome={p.leftovers.outcome}
        >
          {t.leftovers(p.leftovers)}
        </p>
      )}
      {p.error && <ErrorBox error={{ code: p.error.code }} text={t.strategyRunError(p.error)} />}
    </div>
  );
}
