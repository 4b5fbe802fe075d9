import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { Button, Dialog } from './ui.tsx';

/**
 * The app's own "are you sure?" (never the browser's native `confirm()`, which blocks the
 * page, cannot be translated or styled, and is suppressed in some embeddings): what will
 * happen, then Cancel (focused first, Escape also cancels) and the destructive action.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busy = false,
  onConfirm,
  onCancel,
  testId = 'confirm-dialog',
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}) {
  const t = useT();
  return (
    <Dialog title={title} onClose={onCancel} width={440} testId={testId}>
      <div className="confirm-text">{children}</div>
      <div className="dialog-actions">
        <Button onClick={onCancel} data-testid="confirm-cancel">
          {t.cancel}
        </Button>
        <Button variant="danger" busy={busy} onClick={onConfirm} data-testid="confirm-ok">
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
