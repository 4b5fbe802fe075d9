import { describe, expect, it } from 'vitest';
import type { NoticeView } from '../../../shared/ipc/views-app.ts';
import {
  EMPTY_NOTICE_STACK,
  MAX_VISIBLE_NOTICES,
  addNotice,
  dismissNotice,
  dismissOverflow,
  type NoticeStack,
} from './notice-stack.ts';

function notice(id: string, accountId: string, kind: NoticeView['kind'] = 'fills'): NoticeView {
  return { id, kind, title: `title ${id}`, body: 'body', accountId, orderId: null, atMs: 0 };
}

function addAll(notices: NoticeView[], stack: NoticeStack = EMPTY_NOTICE_STACK): NoticeStack {
  return notices.reduce((s, n) => addNotice(s, n), stack);
}

describe('notice stack', () => {
  it('shows the first few notices as they come', () => {
    const stack = addAll([notice('a', '1'), notice('b', '2')]);
    expect(stack.visible.map((n) => n.id)).toEqual(['a', 'b']);
    expect(stack.overflow).toEqual([]);
  });

  it('50 accounts filling at once: a few notices shown, the rest counted per kind with their accounts', () => {
    const fills = Array.from({ length: 50 }, (_, i) => notice(`f${i}`, `acc${i % 7}`));
    const stack = addAll([...fills, notice('s1', 'acc9', 'session-failure')]);
    expect(stack.visible).toHaveLength(MAX_VISIBLE_NOTICES);
    expect(stack.visible.map((n) => n.id)).toEqual(['f0', 'f1', 'f2']);
    expect(stack.overflow).toEqual([
      {
        kind: 'fills',
        noticeIds: fills.slice(MAX_VISIBLE_NOTICES).map((n) => n.id),
        accountIds: ['acc3', 'acc4', 'acc5', 'acc6', 'acc0', 'acc1', 'acc2'],
      },
      { kind: 'session-failure', noticeIds: ['s1'], accountIds: ['acc9'] },
    ]);
  });

  it('a notice sent again under its id replaces the shown one, or counts once in the counter', () => {
    let stack = addAll([notice('a', '1'), notice('b', '1'), notice('c', '1'), notice('d', '2')]);
    stack = addNotice(stack, { ...notice('b', '1'), title: '2 fills' });
    expect(stack.visible.map((n) => n.title)).toEqual(['title a', '2 fills', 'title c']);
    stack = addNotice(stack, notice('d', '2'));
    expect(stack.overflow).toEqual([{ kind: 'fills', noticeIds: ['d'], accountIds: ['2'] }]);
  });

  it('after a dismissal the next notice is shown again; a counter goes when dismissed', () => {
    let stack = addAll([notice('a', '1'), notice('b', '1'), notice('c', '1'), notice('d', '2')]);
    stack = dismissNotice(stack, 'a');
    stack = addNotice(stack, notice('e', '3'));
    expect(stack.visible.map((n) => n.id)).toEqual(['b', 'c', 'e']);
    expect(stack.overflow).toHaveLength(1);
    stack = dismissOverflow(stack, 'fills');
    expect(stack.overflow).toEqual([]);
  });
});
