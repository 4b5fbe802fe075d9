import type { NoticeView } from '../../../shared/ipc/views-app.ts';

/** Notices shown one by one; later ones wait in a counter per kind. */
export const MAX_VISIBLE_NOTICES = 3;

export type NoticeKind = NoticeView['kind'];

/** Notices of one kind that came while the screen was full: one toast with a counter. */
export interface NoticeOverflow {
  kind: NoticeKind;
  /** Distinct notice ids merged (a notice sent again under its id counts once). */
  noticeIds: string[];
  /** Distinct accounts they are about, in the order they came. */
  accountIds: string[];
}

/** What the notice area shows: a few notices, then at most one counter per kind. */
export interface NoticeStack {
  visible: NoticeView[];
  overflow: NoticeOverflow[];
}

export const EMPTY_NOTICE_STACK: NoticeStack = { visible: [], overflow: [] };

/**
 * A notice arrives. Sent again under its id, it replaces the shown one in place. Otherwise it
 * is shown while fewer than `maxVisible` are; beyond that it is merged into its kind's counter
 * ("12 more fill notices on 7 accounts"), so 50 accounts filling at once cannot flood the page.
 */
export function addNotice(
  stack: NoticeStack,
  notice: NoticeView,
  maxVisible: number = MAX_VISIBLE_NOTICES,
): NoticeStack {
  if (stack.visible.some((n) => n.id === notice.id)) {
    return { ...stack, visible: stack.visible.map((n) => (n.id === notice.id ? notice : n)) };
  }
  if (stack.visible.length < maxVisible) {
    return { ...stack, visible: [...stack.visible, notice] };
  }
  const current = stack.overflow.find((o) => o.kind === notice.kind);
  const merged: NoticeOverflow = {
    kind: notice.kind,
    noticeIds: addUnique(current?.noticeIds ?? [], notice.id),
    accountIds: addUnique(current?.accountIds ?? [], notice.accountId),
  };
  return {
    ...stack,
    overflow: current
      ? stack.overflow.map((o) => (o.kind === notice.kind ? merged : o))
      : [...stack.overflow, merged],
  };
}

/** A shown notice is dismissed (clicked, closed, or timed out). */
export function dismissNotice(stack: NoticeStack, id: string): NoticeStack {
  return { ...stack, visible: stack.visible.filter((n) => n.id !== id) };
}

/** A kind's counter is dismissed (closed, or timed out). */
export function dismissOverflow(stack: NoticeStack, kind: NoticeKind): NoticeStack {
  return { ...stack, overflow: stack.overflow.filter((o) => o.kind !== kind) };
}

function addUnique(list: string[], value: string): string[] {
  return list.includes(value) ? list : [...list, value];
}
