import { useEffect, useState } from 'react';
import type { NoticeView } from '../../../shared/ipc/views-app.ts';
import { useApi } from '../app/api-context.tsx';
import { useT } from '../i18n/i18n.tsx';

/** How long a notice stays on screen unless hovered or dismissed. */
const NOTICE_VISIBLE_MS = 8000;
const MAX_NOTICES = 4;

/**
 * In-app notices (grouped fills, session failures). The desktop shows them as OS
 * notifications too; in the browser host these are the only notification. Clicking one
 * opens its order.
 */
export function Notices({
  onOpenOrder,
}: {
  onOpenOrder: (accountId: string, orderId: string) => void;
}) {
  const t = useT();
  const api = useApi();
  const [notices, setNotices] = useState<NoticeView[]>([]);
  useEffect(
    () =>
      api.onNotice((notice) => {
        setNotices((prev) =>
          [...prev.filter((n) => n.id !== notice.id), notice].slice(-MAX_NOTICES),
        );
        setTimeout(
          () => setNotices((prev) => prev.filter((n) => n.id !== notice.id)),
          NOTICE_VISIBLE_MS,
        );
      }),
    [api],
  );
  if (notices.length === 0) return null;
  return (
    <div className="notices" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice kind-${n.kind}`}
          role="status"
          onClick={() => {
            if (n.orderId) onOpenOrder(n.accountId, n.orderId);
            setNotices((prev) => prev.filter((x) => x.id !== n.id));
          }}
        >
          <strong>{n.title}</strong>
          <span>{n.body}</span>
          <button
            type="button"
            className="icon-btn"
            aria-label={t.dismiss}
            onClick={(e) => {
              e.stopPropagation();
              setNotices((prev) => prev.filter((x) => x.id !== n.id));
            }}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
