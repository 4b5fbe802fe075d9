import { useEffect, useRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import type { OrderStatus } from '../../../shared/domain/order-update.ts';
import type { SessionStateName } from '../../../shared/domain/session-state.ts';
import type { OrderStatusUnknown } from '../../../shared/ipc/views-monitor.ts';
import { assertNever } from '../../../shared/assert-never.ts';
import { hintOf, type CodedError } from '../i18n/error-text.ts';
import { useT } from '../i18n/i18n.tsx';
import type { Messages } from '../i18n/messages-en.ts';

/** A button that shows a spinner and blocks double clicks while its action runs. */
export function Button({
  busy = false,
  variant = 'default',
  children,
  disabled,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  busy?: boolean;
  variant?: 'default' | 'primary' | 'danger' | 'ghost';
}) {
  return (
    <button
      type="button"
      {...rest}
      className={`btn btn-${variant} ${rest.className ?? ''}`}
      disabled={disabled || busy}
      aria-busy={busy}
    >
      {busy && <Spinner />}
      {children}
    </button>
  );
}

export function Spinner({ label }: { label?: string }) {
  return <span className="spinner" role="progressbar" aria-label={label ?? 'working'} />;
}

/** `orderStatus` → CSS class suffix, e.g. `PARTIALLY_FILLED` → `partially-filled`. */
export function statusClass(status: OrderStatus): string {
  return status.toLowerCase().replace(/_/g, '-');
}

/**
 * An order's status as a label: a status Alpha Monitor does not know shows the value Binance
 * sent (`rawStatus`), not a made-up name.
 */
export function statusLabel(
  t: Messages,
  update: { status: OrderStatus; rawStatus?: string | undefined },
): string {
  return update.status === 'UNRECOGNIZED' && update.rawStatus !== undefined
    ? update.rawStatus
    : t.statusName[update.status];
}

export function StatusBadge({ status, rawStatus }: { status: OrderStatus; rawStatus?: string }) {
  const t = useT();
  const unrecognized = status === 'UNRECOGNIZED' && rawStatus !== undefined;
  return (
    <span
      className={`status-badge st-${statusClass(status)}`}
      data-status={status}
      data-raw-status={unrecognized ? rawStatus : undefined}
      title={unrecognized ? t.unrecognizedStatusTitle(rawStatus) : undefined}
    >
      {statusLabel(t, { status, rawStatus })}
    </span>
  );
}

/**
 * The engine could not place the order on the exchange ("status unknown: not open on the
 * exchange"): shown instead of, or beside, its last known status, the reason as a tooltip.
 */
export function StatusUnknownChip({
  mark,
  lastKnown,
}: {
  mark: OrderStatusUnknown;
  lastKnown: OrderStatus;
}) {
  const t = useT();
  return (
    <span
      className="tag tag-warn"
      title={`${t.statusUnknownReason[mark.code]} · ${t.statusUnknownLastKnown(t.statusName[lastKnown])}`}
      data-testid="status-unknown"
      data-code={mark.code}
    >
      {t.statusUnknownChip}
    </span>
  );
}

/** Groups session states into the four colours the tray uses too. */
export function stateTone(
  state: SessionStateName,
): 'live' | 'connecting' | 'reconnecting' | 'failed' | 'stopped' {
  switch (state) {
    case 'live':
      return 'live';
    case 'connecting':
    case 'subscribing':
      return 'connecting';
    case 'reconnecting':
    case 'stopping':
      return 'reconnecting';
    case 'failed':
      return 'failed';
    case 'idle':
    case 'stopped':
      return 'stopped';
    default:
      return assertNever(state, 'session state');
  }
}

export function StatePill({ state }: { state: SessionStateName }) {
  const t = useT();
  return (
    <span
      className={`state-pill tone-${stateTone(state)}`}
      data-state={state}
      data-testid="state-pill"
    >
      <span className="state-dot" />
      {t.stateName[state]}
    </span>
  );
}

/**
 * An error as a user reads it: what happened, then what to do, both said from its code and
 * params in the UI's language (its English `message` is for logs and is never shown).
 */
export function ErrorBox({
  error,
  text,
  onDismiss,
  tone = 'error',
}: {
  error: CodedError;
  /** The sentence when the caller has it already (a connection's translated reason). */
  text?: string;
  onDismiss?: () => void;
  /** `warning` for trouble the app is already handling by itself (e.g. reconnecting). */
  tone?: 'error' | 'warning';
}) {
  const t = useT();
  const hint = hintOf(t.errorHint, error.code);
  return (
    <div
      className={`error-box tone-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-code={error.code}
    >
      <div className="error-main">
        <strong>{text ?? t.errorText(error)}</strong>
        <span className="error-hint">
          {t.whatToDo}: {hint}
        </span>
        <span className="error-code">{t.copyCode(error.code)}</span>
      </div>
      {onDismiss && (
        <button type="button" className="icon-btn" onClick={onDismiss} aria-label={t.dismiss}>
          ×
        </button>
      )}
    </div>
  );
}

/** A modal dialog; Escape and the backdrop close it. */
export function Dialog({
  title,
  onClose,
  children,
  width = 560,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  width?: number;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    ref.current?.querySelector<HTMLElement>('textarea, input, select, button')?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="dialog"
        role="dialog"
        aria-label={title}
        style={{ width }}
        ref={ref}
        data-testid={testId}
      >
        <div className="dialog-head">
          <h2>{title}</h2>
          <button type="button" className="icon-btn" onClick={onClose} aria-label="close">
            ×
          </button>
        </div>
        <div className="dialog-body">{children}</div>
      </div>
    </div>
  );
}

/** A titled panel section. */
export function Panel({
  title,
  actions,
  children,
  className,
  testId,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section className={`panel ${className ?? ''}`} data-testid={testId}>
      <header className="panel-head">
        <h3>{title}</h3>
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

/** A label / value row in a key-value list. */
export function KV({
  label,
  children,
  testId,
}: {
  label: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="kv">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
