import { useEffect, useRef, useState } from 'react';
import { useApi } from '../shell/api-context.tsx';
import { useT } from '../i18n/i18n.tsx';
import {
  EMPTY_NOTICE_STACK,
  addNotice,
  dismissNotice,
  dismissOverflow,
  type NoticeKind,
  type NoticeStack,
} from '../model/notice-stack.ts';

/** How long a notice (or a counter, since its last addition) stays unless dismissed. */
const NOTICE_VISIBLE_MS = 8000;

/**
 * In-app notices (grouped fills, session failures). The desktop shows them as OS
 * notifications too; in the browser host these are the only notification. Clicking one
 * opens its order. A few are shown at once; the ones that come while the screen is full are
 * counted per kind ("12 more fill notices on 7 accounts"), see `notice-stack.ts`.
 */
export function Notices({
  onOpenOrder,
}: {
  onOpenOrder: (accountId: string, orderId: string) => void;
}) {
  const t = useT();
  const api = useApi();
  const [stack, setStack] = useState<NoticeStack>(EMPTY_NOTICE_STACK);
  // One timer per counter, started again on each notice merged into it.
  const overflowTimers = useRef(new Map<NoticeKind, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const timers = overflowTimers.current;
    const unsubscribe = api.onNotice((notice) => {
      setStack((prev) => addNotice(prev, notice));
      // Shown: it goes after a while. Counted: the counter goes a while after its last one.
      setTimeout(() => setStack((s) => dismissNotice(s, notice.id)), NOTICE_VISIBLE_MS);
      clearTimeout(timers.get(notice.kind));
      timers.set(
        notice.kind,
        setTimeout(() => setStack((s) => dismissOverflow(s, notice.kind)), NOTICE_VISIBLE_MS),
      );
    });
    return () => {
      unsubscribe();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    };
  }, [api]);
  if (stack.visible.length === 0 && stack.overflow.length === 0) return null;
  const dismissButton = (onDismiss: () => void) => (
    <button
      type="button"
      className="icon-btn"
      aria-label={t.dismiss}
      onClick={(e) => {
        e.stopPropagation();
        onDismiss();
      }}
    >
      ×
    </button>
  );
  return (
    <div className="notices" aria-live="polite" data-testid="notices">
      {stack.visible.map((n) => (
        <div
          key={n.id}
          className={`notice kind-${n.kind}`}
          role="status"
          data-testid="notice"
          onClick={() => {
            if (n.orderId) onOpenOrder(n.accountId, n.orderId);
            setStack((s) => dismissNotice(s, n.id));
          }}
        >
          <strong>{n.title}</strong>
          <span>{n.body}</span>
          {dismissButton(() => setStack((s) => dismissNotice(s, n.id)))}
        </div>
      ))}
      {stack.overflow.map((o) => (
        <div
          key={`more-${o.kind}`}
          className={`notice kind-${o.kind}`}
          role="status"
          data-testid="notice-more"
          data-count={o.noticeIds.length}
        >
          <strong>{t.moreNotices(o.kind, o.noticeIds.length, o.accountIds.length)}</strong>
          <span>{t.moreNoticesHint}</span>
          {dismissButton(() => setStack((s) => dismissOverflow(s, o.kind)))}
        </div>
      ))}
    </div>
  );
}
