import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { findEnglishSentence } from '../../../test/fakes/english-sentence.ts';
import { sampleFilledOrder } from '../../../test/fakes/order-updates.ts';
import { DEFAULT_SETTINGS, type NoticeView, type Settings } from '../../shared/ipc/views-app.ts';
import type { OrderUpdateView } from '../../shared/ipc/views-monitor.ts';
import { NotificationService } from './notification-service.ts';

function fill(orderId: string, verdict?: OrderUpdateView['verdict']): OrderUpdateView {
  const [, update] = sampleFilledOrder(orderId, Number(orderId) * 10, { symbol: 'ALPHA_175USDT' });
  return {
    update,
    source: 'stream',
    receivedAtMs: update.eventTimeMs,
    verdict: verdict ?? {
      outcome: 'applied',
      reason: 'moves-forward',
      counted: { base: update.lastFilledQty, quote: update.lastQuoteQty, fee: update.commission },
    },
    accepted: true,
  };
}

function setup() {
  const clock = new FakeClock();
  let settings: Settings = { ...DEFAULT_SETTINGS, notifyOnFill: true, language: 'en' };
  const notices: NoticeView[] = [];
  const service = new NotificationService(
    clock,
    () => settings,
    { notify: (notice) => notices.push(notice) },
    () => 'Main',
    1_000,
  );
  return {
    clock,
    notices,
    service,
    setLanguage: (language: Settings['language']) => (settings = { ...settings, language }),
  };
}

describe('fill notices say each fill once, as the order book counted it', () => {
  it('no notice for an update that counted nothing, nor for a late fill (a recovered one, whose order a notice covered)', async () => {
    const { clock, notices, service } = setup();
    service.onAcceptedUpdate('main', fill('1'));
    await clock.advance(1_000);
    expect(notices).toHaveLength(1);
    // The FILLED frame again after a backfill had counted its fill: counts nothing.
    service.onAcceptedUpdate(
      'main',
      fill('1', { outcome: 'late', reason: 'after-terminal', counted: null }),
    );
    // A fill of order 1 recovered into a hole after the order was filled: late, counted.
    service.onAcceptedUpdate('main', {
      ...fill('1', {
        outcome: 'late',
        reason: 'after-terminal',
        counted: { base: '1', quote: '1', fee: null },
      }),
    });
    await clock.advance(1_000);
    expect(notices).toHaveLength(1);
  });
});

describe('notifications follow the UI language', () => {
  it('a fill notice is in Chinese once the language setting is 简体中文', async () => {
    const { clock, notices, service, setLanguage } = setup();
    service.onAcceptedUpdate('main', fill('1'));
    await clock.advance(1_000);
    expect(notices.at(-1)).toMatchObject({ kind: 'fills', title: 'Order filled' });

    setLanguage('zh-CN');
    service.onAcceptedUpdate('main', fill('2'));
    service.onAcceptedUpdate('main', fill('3'));
    await clock.advance(1_000);
    expect(notices.at(-1)).toMatchObject({
      kind: 'fills',
      title: '2 个订单已成交',
      body: 'Main: ALPHA_175USDT',
    });
  });

  it('a session failure says its reason in the UI language, with no English sentence in zh-CN', () => {
    const { notices, service, setLanguage } = setup();
    setLanguage('zh-CN');
    service.onSessionFailure('main', {
      code: 'MAX_RECONNECTS',
      reason: {
        code: 'RECONNECT_GAVE_UP',
        attempts: 5,
        cause: { code: 'SOCKET_ERROR', detail: 'connect ECONNREFUSED 127.0.0.1:9' },
      },
    });
    service.onSessionFailure('main', {
      code: 'JOURNAL_WRITE_FAILED',
      reason: { code: 'JOURNAL_DISK_FULL', path: '/tmp/s.ndjson' },
    });
    service.onStrategyStopped('main', 'VERIFICATION_REQUIRED');
    expect(notices.map((n) => n.title)).toEqual([
      'Main：监控已停止',
      'Main：会话日志',
      'Main：策略已停止（VERIFICATION_REQUIRED）',
    ]);
    expect(notices[0]!.body).toBe(
      '重连 5 次后放弃（连接出错：“connect ECONNREFUSED 127.0.0.1:9”）',
    );
    for (const notice of notices) {
      expect(findEnglishSentence(notice.title + ' ' + notice.body)).toBeNull();
    }

    setLanguage('en');
    service.onStrategyStopped('main', 'VERIFICATION_REQUIRED');
    expect(notices.at(-1)!.title).toBe('Main: strategy stopped (VERIFICATION_REQUIRED)');
    expect(notices.at(-1)!.body).toContain('supplementary verification');
  });
});
