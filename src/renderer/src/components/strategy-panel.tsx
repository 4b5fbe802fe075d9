import { useState } from 'react';
import Big from 'big.js';
import type { AccountView, StrategyProgressView } from '../../../shared/ipc/views-app.ts';
import type { IpcError } from '../../../shared/ipc/result.ts';
import { useApi } from '../app/api-context.tsx';
import { useT } from '../i18n/i18n.tsx';
import { formatDecimal, roundDecimal } from '../format/decimal.ts';
import { Button, ErrorBox, Panel, Spinner } from './ui.tsx';

const DECIMAL_RE = /^\d+(\.\d+)?$/;

interface Form {
  token: string;
  chain: string;
  volumeUsdt: string;
  amountUsdt: string;
  intervalSec: string;
  buyOffsetPct: string;
  sellOffsetPct: string;
  timeoutSec: string;
  maxLossUsdt: string;
  cancelPending: boolean;
  dryRun: boolean;
}

/** Defaults as the original script was run (`--token KOGE --chain BSC --volume 20 --amount 10 --interval 5`). */
const DEFAULT_FORM: Form = {
  token: 'KOGE',
  chain: 'BSC',
  volumeUsdt: '20',
  amountUsdt: '10',
  intervalSec: '5',
  buyOffsetPct: '',
  sellOffsetPct: '',
  timeoutSec: '',
  maxLossUsdt: '',
  cancelPending: false,
  dryRun: false,
};

function isActive(p: StrategyProgressView | null): boolean {
  return p !== null && (p.state === 'starting' || p.state === 'running' || p.state === 'stopping');
}

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

/**
 * The volume strategy for one account: its parameters, start/stop, and live progress
 * (volume done of target, trades, fills, fees, realised cost). The orders it places are
 * highlighted in the orders table by the caller, from `progress.placedOrderIds`.
 */
export function StrategyPanel({
  account,
  progress,
}: {
  account: AccountView;
  progress: StrategyProgressView | null;
}) {
  const t = useT();
  const api = useApi();
  const [form, setForm] = useState<Form>(DEFAULT_FORM);
  const [busy, setBusy] = useState<'start' | 'stop' | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const active = isActive(progress);
  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const validate = (): IpcError | null => {
    const required: [string, string][] = [
      [form.volumeUsdt, t.targetVolume],
      [form.amountUsdt, t.amountPerTrade],
      [form.intervalSec, t.intervalSec],
    ];
    const optional: [string, string][] = [
      [form.buyOffsetPct, t.buyOffsetPct],
      [form.sellOffsetPct, t.sellOffsetPct],
      [form.timeoutSec, t.timeoutSec],
      [form.maxLossUsdt, t.maxLoss],
    ];
    for (const [value, name] of required) {
      if (!DECIMAL_RE.test(value.trim()))
        return { code: 'INVALID_REQUEST', message: t.invalidDecimal(name) };
    }
    for (const [value, name] of optional) {
      if (value.trim() !== '' && !DECIMAL_RE.test(value.trim()))
        return { code: 'INVALID_REQUEST', message: t.invalidDecimal(name) };
    }
    return null;
  };

  const start = async (confirmed: boolean) => {
    const invalid = validate();
    if (invalid) {
      setError(invalid);
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
    const opt = (v: string) => (v.trim() === '' ? undefined : v.trim());
    const timeout = opt(form.timeoutSec);
    const result = await api.startStrategy({
      accountId: account.id,
      token: form.token.trim(),
      chain: form.chain.trim(),
      volumeUsdt: form.volumeUsdt.trim(),
      amountUsdt: form.amountUsdt.trim(),
      intervalSec: Number(form.intervalSec),
      buyOffsetPct: opt(form.buyOffsetPct),
      sellOffsetPct: opt(form.sellOffsetPct),
      timeoutSec: timeout === undefined ? undefined : Number(timeout),
      maxLossUsdt: opt(form.maxLossUsdt),
      cancelPending: form.cancelPending,
      dryRun: form.dryRun,
    });
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

  const field = (key: keyof Form, label: string, width: 'narrow' | 'wide' = 'narrow') => (
    <label className={`field ${width}`}>
      <span>{label}</span>
      <input
        value={form[key] as string}
        onChange={(e) => set(key, e.target.value as never)}
        disabled={active}
        inputMode={key === 'token' || key === 'chain' ? 'text' : 'decimal'}
        data-testid={`strategy-${key}`}
      />
    </label>
  );

  return (
    <Panel title={t.strategy} testId="strategy-panel">
      <p className="muted small">{t.strategyLead}</p>
      <div className="strategy-form">
        {field('token', t.token)}
        {field('chain', t.chain)}
        {field('volumeUsdt', t.targetVolume)}
        {field('amountUsdt', t.amountPerTrade)}
        {field('intervalSec', t.intervalSec)}
        {field('timeoutSec', t.timeoutSec)}
        {field('buyOffsetPct', t.buyOffsetPct)}
        {field('sellOffsetPct', t.sellOffsetPct)}
        {field('maxLossUsdt', t.maxLoss)}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={form.cancelPending}
          disabled={active}
          onChange={(e) => set('cancelPending', e.target.checked)}
        />
        {t.cancelPending}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={form.dryRun}
          disabled={active}
          onChange={(e) => set('dryRun', e.target.checked)}
          data-testid="strategy-dry-run"
        />
        {t.dryRun}
      </label>
      {confirming && (
        <div className="warning-box" role="alertdialog" data-testid="strategy-confirm">
          <strong>{t.liveRunWarning}</strong>
          <p>{t.confirmLiveRun(form.token, form.volumeUsdt, form.amountUsdt)}</p>
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
}

function StrategyProgress({ progress: p }: { progress: StrategyProgressView }) {
  const t = useT();
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
          {formatDecimal(roundDecimal(p.doneVolumeUsdt, 2))} / {formatDecimal(p.targetVolumeUsdt)}{' '}
          USDT
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
          <dd className="tabular">{formatDecimal(roundDecimal(p.feesUsdt, 4))}</dd>
        </div>
        <div>
          <dt>{t.progressCost}</dt>
          <dd className="tabular">{formatDecimal(roundDecimal(p.costUsdt, 4))}</dd>
        </div>
      </dl>
      {p.message && (
        <p className="muted small progress-message" data-testid="strategy-message">
          {p.message}
        </p>
      )}
      {p.error && <ErrorBox error={p.error} />}
    </div>
  );
}
