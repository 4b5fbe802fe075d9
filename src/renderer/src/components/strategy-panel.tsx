import { memo, useMemo, useState } from 'react';
import type { AccountView, StrategyProgressView } from '../../../shared/ipc/views-app.ts';
import type { IpcError } from '../../../shared/ipc/result.ts';
import { useApi } from '../shell/api-context.tsx';
import { useStrategyEstimate } from '../hooks/use-strategy-estimate.ts';
import { useT } from '../i18n/i18n.tsx';
import {
  DEFAULT_STRATEGY_FORM,
  strategyRequestOf,
  validateStrategyForm,
  type StrategyForm,
  type StrategyTextField,
} from './strategy-form.ts';
import { StrategyEstimate } from './strategy-estimate.tsx';
import { StrategyProgress } from './strategy-progress.tsx';
import { Button, ErrorBox, Panel } from './ui.tsx';

function isActive(p: StrategyProgressView | null): boolean {
  return p !== null && (p.state === 'starting' || p.state === 'running' || p.state === 'stopping');
}

/**
 * The volume strategy for one account: its parameters (every field shows its default), an
 * estimate before Start (trades, expected wear, or that the target is already met), start/stop,
 * and live progress. The orders it places are highlighted in the orders table by the caller,
 * from `progress.placedOrderIds`. Memoised: the monitor renders per batch, the panel when
 * its account or progress changes.
 */
export const StrategyPanel = memo(function StrategyPanel({
  account,
  progress,
}: {
  account: AccountView;
  progress: StrategyProgressView | null;
}) {
  const t = useT();
  const api = useApi();
  const [form, setForm] = useState<StrategyForm>(DEFAULT_STRATEGY_FORM);
  const [busy, setBusy] = useState<'start' | 'stop' | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const active = isActive(progress);
  const set = <K extends keyof StrategyForm>(key: K, value: StrategyForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const invalid = validateStrategyForm(form);
  const labels: Record<StrategyTextField, string> = {
    token: t.token,
    chain: t.chain,
    volumeUsdt: t.targetVolume,
    points: t.targetPoints,
    amountUsdt: t.amountPerTrade,
    intervalSec: t.intervalSec,
    buyOffsetPct: t.buyOffsetPct,
    sellOffsetPct: t.sellOffsetPct,
    timeoutSec: t.timeoutSec,
    maxLossUsdt: t.maxLoss,
    maxWearBps: t.maxWearBps,
    maxMovePct: t.maxMovePct,
  };
  const formError: IpcError | null = invalid
    ? {
        code: 'INVALID_REQUEST',
        params: {},
        message: t.fieldProblem(labels[invalid.field], invalid.problem, invalid.range ?? ''),
      }
    : null;
  const params = useMemo(
    () => (invalid || active ? null : strategyRequestOf(form, account.id)),
    [invalid, active, form, account.id],
  );
  // Asked again when a run ends: what it did changes what is left to do.
  const estimate = useStrategyEstimate(
    api,
    params,
    `${progress?.runId ?? ''}:${progress?.state ?? ''}`,
  );
  const targetMet = estimate.kind === 'ready' && estimate.estimate.targetMet;

  const start = async (confirmed: boolean) => {
    if (formError || !params) {
      setError(formError);
      return;
    }
    // A run on a real account places real orders: ask once, showing what it will do.
    if (account.environment !== 'demo' && !form.dryRun && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    setBusy('start');
    setError(null);
    const result = await api.startStrategy(params);
    setBusy(null);
    if (!result.ok) setError(result.error);
  };

  const stop = async () => {
    setBusy('stop');
    setError(null);
    const result = await api.stopStrategy({ accountId: account.id });
    setBusy(null);
    if (!result.ok) setError(result.error);
  };

  const field = (key: StrategyTextField, placeholder?: string) => (
    <label className="field narrow">
      <span>{labels[key]}</span>
      <input
        value={form[key]}
        placeholder={placeholder}
        onChange={(e) => set(key, e.target.value)}
        disabled={active}
        inputMode={key === 'token' || key === 'chain' ? 'text' : 'decimal'}
        aria-invalid={invalid?.field === key}
        data-testid={`strategy-${key}`}
      />
    </label>
  );
  const check = (key: 'cancelPending' | 'sellLeftovers' | 'dryRun', label: string) => (
    <label className="check">
      <input
        type="checkbox"
        checked={form[key]}
        disabled={active}
        onChange={(e) => set(key, e.target.checked)}
        data-testid={`strategy-${key}`}
      />
      {label}
    </label>
  );

  return (
    <Panel title={t.strategy} testId="strategy-panel">
      <p className="muted small">{t.strategyLead}</p>
      <div className="strategy-form">
        {field('token')}
        {field('chain')}
        <label className="field narrow">
          <span>{t.targetKind}</span>
          <select
            value={form.targetKind}
            disabled={active}
            onChange={(e) => set('targetKind', e.target.value as StrategyForm['targetKind'])}
            data-testid="strategy-targetKind"
          >
            <option value="volume">{t.targetKindVolume}</option>
            <option value="points">{t.targetKindPoints}</option>
          </select>
        </label>
        {form.targetKind === 'volume' ? field('volumeUsdt') : field('points')}
        {field('amountUsdt')}
        {field('intervalSec')}
        {field('timeoutSec')}
        {field('buyOffsetPct')}
        {field('sellOffsetPct')}
        {field('maxLossUsdt', t.noLimit)}
        {field('maxWearBps', t.noLimit)}
        {field('maxMovePct', t.noLimit)}
      </div>
      {check('cancelPending', t.cancelPending)}
      {check('sellLeftovers', t.sellLeftovers)}
      {check('dryRun', t.dryRun)}
      {!active && formError && <p className="field-error small">{formError.message}</p>}
      {!active && <StrategyEstimate state={estimate} />}
      {confirming && (
        <div className="warning-box" role="alertdialog" data-testid="strategy-confirm">
          <strong>{t.liveRunWarning}</strong>
          <p>
            {t.confirmLiveRun(
              form.token,
              estimate.kind === 'ready' ? estimate.estimate.targetVolumeUsdt : form.volumeUsdt,
              form.amountUsdt,
            )}
          </p>
          <div className="dialog-actions">
            <Button onClick={() => setConfirming(false)}>{t.cancel}</Button>
            <Button
              variant="danger"
              onClick={() => void start(true)}
              data-testid="strategy-confirm-yes"
            >
              {t.startStrategy}
            </Button>
          </div>
        </div>
      )}
      <div className="strategy-actions">
        {active ? (
          <Button
            variant="danger"
            onClick={() => void stop()}
            busy={busy === 'stop' || progress?.state === 'stopping'}
            data-testid="strategy-stop"
          >
            {t.stopStrategy}
          </Button>
        ) : (
          <Button
            variant="primary"
            onClick={() => void start(false)}
            busy={busy === 'start'}
            disabled={targetMet || formError !== null || estimate.kind === 'error'}
            data-testid="strategy-start"
          >
            {t.startStrategy}
          </Button>
        )}
      </div>
      {error && <ErrorBox error={error} onDismiss={() => setError(null)} />}
      {progress && <StrategyProgress progress={progress} />}
    </Panel>
  );
});
