import { memo, useEffect, useState } from 'react';
import type { ExportProgress, ExportResult } from '../../../shared/ipc/views-app.ts';
import type { IpcError, IpcResult } from '../../../shared/ipc/result.ts';
import { useApi } from '../shell/api-context.tsx';
import { useT } from '../i18n/i18n.tsx';
import { assertNever } from '../../../shared/assert-never.ts';
import { Button, ErrorBox } from './ui.tsx';

type Kind = 'updates' | 'orders' | 'points-by-day';

/** Starts a browser download of a file the host prepared (browser host only). */
function download(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * Export buttons for the current session, and (live accounts) the per-day points and wear
 * summary of the account. Desktop: a native save dialog, then the CSV is streamed to disk.
 * Browser host: the host writes it and the page downloads it. Rows written so far are shown
 * while it runs; the outcome (or the error and what to do) after. Memoised (it sits above the
 * orders table, which renders per batch).
 */
export const ExportBar = memo(function ExportBar({
  sessionId,
  pointsAccountId = null,
}: {
  sessionId: string | null;
  /** The account whose per-day summary the third button exports; null hides it. */
  pointsAccountId?: string | null;
}) {
  const t = useT();
  const api = useApi();
  const [running, setRunning] = useState<Kind | null>(null);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  useEffect(() => api.onExportProgress((p) => setProgress(p)), [api]);

  const request = (kind: Kind): Promise<IpcResult<ExportResult>> | null => {
    if (kind === 'points-by-day')
      return pointsAccountId === null
        ? null
        : api.exportDailySummaryCsv({ accountId: pointsAccountId });
    if (sessionId === null) return null;
    return kind === 'updates'
      ? api.exportUpdatesCsv({ sessionId })
      : api.exportOrdersCsv({ sessionId });
  };

  const run = async (kind: Kind) => {
    const pending = request(kind);
    if (pending === null) return;
    setRunning(kind);
    setProgress(null);
    setMessage(null);
    setError(null);
    const result = await pending;
    setRunning(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const r = result.value;
    switch (r.kind) {
      case 'saved':
        setMessage(t.exportSaved(r.rows.toLocaleString('en-US'), r.path));
        break;
      case 'download':
        download(r.url, r.fileName);
        setMessage(t.exportDownloaded(r.rows.toLocaleString('en-US'), r.fileName));
        break;
      case 'cancelled':
        setMessage(t.exportCancelled);
        break;
      default:
        assertNever(r, 'export result');
    }
  };

  return (
    <div className="export-bar" data-testid="export-bar">
      <Button
        onClick={() => void run('updates')}
        busy={running === 'updates'}
        disabled={sessionId === null || running !== null}
        data-testid="export-updates"
        title={sessionId === null ? t.exportNoSession : undefined}
      >
        {t.exportUpdates}
      </Button>
      <Button
        onClick={() => void run('orders')}
        busy={running === 'orders'}
        disabled={sessionId === null || running !== null}
        data-testid="export-orders"
        title={sessionId === null ? t.exportNoSession : undefined}
      >
        {t.exportOrders}
      </Button>
      {pointsAccountId !== null && (
        <Button
          onClick={() => void run('points-by-day')}
          busy={running === 'points-by-day'}
          disabled={running !== null}
          data-testid="export-points-by-day"
          title={t.points.exportByDayHint}
        >
          {t.points.exportByDay}
        </Button>
      )}
      {running !== null && (
        <span className="muted small" role="status">
          {t.exporting((progress?.rows ?? 0).toLocaleString('en-US'))}
        </span>
      )}
      {message && (
        <span className="muted small ok-text" role="status" data-testid="export-message">
          {message}
        </span>
      )}
      {error && <ErrorBox error={error} onDismiss={() => setError(null)} />}
    </div>
  );
});
