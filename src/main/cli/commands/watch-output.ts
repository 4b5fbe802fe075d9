import type { Reason } from '../../../shared/reasons/reason.ts';
import { assertNever } from '../../../shared/assert-never.ts';
import type {
  MonitorStatistics,
  MonitorOrderUpdate,
  ReconcileEvent,
} from '../../core/monitor/index.ts';
import { receivedExecutionType, receivedStatus } from '../../../shared/domain/order-update.ts';
import type { SessionState } from '../../core/stream/index.ts';
import type { Lang } from '../i18n/lang.ts';
import { credentialSourceLabel, type CredentialSource } from '../i18n/session-messages.ts';
import { describeReasonAt, watchMessages } from '../i18n/watch-messages.ts';

const RULE = '='.repeat(60);
const THIN = '-'.repeat(60);

/** What `watch` prints, as human text or NDJSON. */
export interface WatchOutput {
  banner(info: {
    accountId: string;
    source: CredentialSource;
    wsUrl: string;
    durationS: number;
  }): void;
  state(state: SessionState, info: { maskedKey: string | null; reconnects: number }): void;
  update(event: MonitorOrderUpdate, index: number): void;
  listenKey(maskedKey: string, changed: boolean): void;
  reconciled(event: ReconcileEvent): void;
  progress(elapsedS: number, durationS: number, updates: number): void;
  stopping(): void;
  summary(stats: MonitorStatistics): void;
}

/** The `--json` summary line: exactly these keys (issue 3). */
export function summaryLine(stats: MonitorStatistics): Record<string, unknown> {
  return {
    type: 'summary',
    updates: stats.updates,
    orders: stats.orders,
    byStatus: stats.byStatus,
    ordersByStatus: stats.ordersByStatus,
    duplicates: stats.duplicates,
    malformed: stats.malformed,
    otherEvents: stats.otherEvents,
    reconnects: stats.reconnects,
    listenKeyRefreshes: stats.listenKeyRefreshes,
    connectionEvents: stats.connectionEvents,
    backfilled: stats.backfilled,
    missedByStream: stats.missedByStream,
    statusUnknown: stats.statusUnknown,
    fillsNotRecovered: stats.fillsNotRecovered,
    reconcileErrors: stats.reconcileErrors,
  };
}

/**
 * One `--json` order line: the order's fields as the update gives them (decimal strings), so
 * `watch --json > session.ndjson` is a usable record, plus the book's verdict. A `late` update
 * (older than the order's state, e.g. a NEW printed after FILLED) says so, and so does a
 * `duplicate` (they are not printed: accepted updates only, as before).
 */
export function orderLine(event: MonitorOrderUpdate): Record<string, unknown> {
  const { update, source, outcome } = event;
  return {
    type: 'order',
    orderId: update.orderId,
    symbol: update.symbol,
    side: update.side,
    orderType: update.orderType,
    // As received: a status or execution type we do not know is printed as Binance sent it.
    status: receivedStatus(update),
    executionType: receivedExecutionType(update),
    price: update.price,
    quantity: update.quantity,
    executedQty: update.cumulativeFilledQty,
    lastFilledQty: update.lastFilledQty,
    avgPrice: update.avgPrice,
    cumulativeQuoteQty: update.cumulativeQuoteQty,
    fee: update.commission,
    feeAsset: update.commissionAsset,
    orderListId: update.orderListId,
    leg: update.contingencyPosition,
    eventTimeMs: update.eventTimeMs,
    eventId: update.eventId,
    source,
    ...(outcome === 'late' ? { late: true } : {}),
    ...(outcome === 'duplicate' ? { duplicate: true } : {}),
  };
}

/** NDJSON: a line per state change, per accepted update, and the summary last. */
export function createJsonOutput(write: (text: string) => void): WatchOutput {
  const line = (value: unknown) => write(JSON.stringify(value) + '\n');
  return {
    banner() {},
    state(state) {
      line({
        type: 'state',
        state: state.name,
        ...('reason' in state ? { reason: state.reason } : {}),
        ...(state.name === 'failed' ? { code: state.code } : {}),
      });
    },
    update(event) {
      if (event.accepted) line(orderLine(event));
    },
    listenKey() {},
    reconciled(event) {
      if (event.error !== undefined) {
        line({ type: 'reconcile', trigger: event.trigger, error: event.error });
        return;
      }
      line({
        type: 'reconcile',
        trigger: event.trigger,
        backfilled: event.backfilled,
        missedByStream: event.missedByStream,
      });
      if (event.missedByStream > 0)
        line({ type: 'notice', code: 'STREAM_MISSED_UPDATES', count: event.missedByStream });
      for (const orderId of event.statusUnknown)
        line({ type: 'order-status-unknown', orderId, code: 'NOT_OPEN_ON_EXCHANGE' });
      for (const orderId of event.fillsNotRecovered)
        line({ type: 'notice', code: 'FILL_NOT_RECOVERED', orderId });
    },
    progress() {},
    stopping() {},
    summary(stats) {
      line(summaryLine(stats));
    },
  };
}

/** The old script's console: banner, an "order update #k" block per update, progress, statistics. */
export function createHumanOutput(
  write: (text: string) => void,
  lang: Lang,
  /** The REST endpoint watched: a simulator on this machine is named as such in reasons. */
  restUrl: string | null = null,
): WatchOutput {
  const m = watchMessages(lang);
  const reasonOf = (reason: Reason) => describeReasonAt(lang, reason, restUrl);
  const out = (text: string) => write(text + '\n');
  const field = (label: string, value: string) => out(`   ${label}: ${value}`);
  // The statistics count volume per symbol; the updates say which assets a symbol trades.
  const assetsBySymbol = new Map<string, { base: string; quote: string }>();
  // Until the first time it is live, a failed attempt is a connection never made, not one lost.
  let everLive = false;
  return {
    banner({ accountId, source, wsUrl, durationS }) {
      out(RULE);
      out(m.title());
      out(RULE);
      out(m.user(accountId));
      out(m.source(credentialSourceLabel(lang, source)));
      out(m.stream(wsUrl));
      out(m.duration(durationS));
      out(THIN);
    },
    state(state, { maskedKey, reconnects }) {
      switch (state.name) {
        case 'connecting':
          if (state.attempt === 0) out(m.connecting());
          return;
        case 'live':
          everLive = true;
          out(m.connected(reconnects, maskedKey ?? '...'));
          return;
        case 'reconnecting':
          out(
            (everLive ? m.reconnecting : m.notConnected)(
              state.attempt,
              (state.delayMs / 1000).toFixed(1),
              reasonOf(state.reason),
            ),
          );
          return;
        case 'failed':
          out(m.failed(reasonOf(state.reason)));
          return;
        case 'idle':
        case 'subscribing':
        case 'stopping':
        case 'stopped':
          return;
      }
    },
    update({ update, source, accepted, outcome }, index) {
      if (!accepted) return;
      if (update.baseAsset && update.quoteAsset)
        assetsBySymbol.set(update.symbol, { base: update.baseAsset, quote: update.quoteAsset });
      out('');
      out(m.updateTitle(index, source));
      field(m.orderId(), update.orderId);
      field(m.clientOrderId(), update.clientOrderId || '-');
      field(m.symbol(), update.symbol);
      field(m.side(), update.side);
      field(m.type(), update.orderType);
      field(
        m.status(),
        update.status === 'UNRECOGNIZED'
          ? m.unrecognizedStatus(receivedStatus(update))
          : m.statusName(update.status),
      );
      field(m.price(), update.price);
      field(m.quantity(), update.quantity);
      field(m.executed(), update.cumulativeFilledQty);
      if (update.commission !== null)
        field(m.fee(), `${update.commission} ${update.commissionAsset ?? ''}`.trim());
      if (outcome === 'late') out(m.late());
    },
    listenKey(maskedKey, changed) {
      out(m.keyRefreshed(maskedKey, changed));
    },
    reconciled(event) {
      if (event.error !== undefined) {
        out(m.reconcileFailed(reasonOf(event.error)));
        return;
      }
      switch (event.trigger) {
        case 'start':
          if (event.backfilled > 0) out(m.reconciledAtStart(event.backfilled));
          break;
        case 'gap':
          out(m.reconciled(event.backfilled));
          break;
        case 'clock':
          if (event.missedByStream > 0) out(m.missedByStream(event.missedByStream));
          break;
        default:
          assertNever(event.trigger, 'reconcile trigger');
      }
      for (const orderId of event.statusUnknown) out(m.statusUnknown(orderId));
      for (const orderId of event.fillsNotRecovered) out(m.fillsNotRecovered(orderId));
    },
    progress(elapsedS, durationS, updates) {
      out(m.progress(elapsedS, durationS, updates));
    },
    stopping() {
      out(m.stopping());
    },
    summary(stats) {
      out('');
      out(RULE);
      out(m.statsTitle());
      out(RULE);
      out(m.totalUpdates(stats.updates));
      out(m.connectionEvents(stats.connectionEvents));
      out(m.reconnects(stats.reconnects));
      out(m.dropped(stats.duplicates, stats.malformed, stats.otherEvents));
      out(m.missedTotals(stats.missedByStream, stats.statusUnknown));
      if (stats.fillsNotRecovered > 0) out(m.fillsNotRecoveredTotal(stats.fillsNotRecovered));
      out(m.statusDistribution());
      list(stats.byStatus);
      out(m.ordersByStatus(stats.orders));
      list(stats.ordersByStatus);
      out(m.fills(stats.fills));
      for (const [symbol, v] of Object.entries(stats.volumeBySymbol)) {
        const assets = assetsBySymbol.get(symbol) ?? assetsOf(symbol);
        out('   ' + m.volume(symbol, v.base, assets.base, v.quote, assets.quote));
      }
      for (const [asset, amount] of Object.entries(stats.feesByAsset))
        out('   ' + m.fees(asset, amount));
      out(RULE);
    },
  };

  function list(counts: Record<string, number>): void {
    const entries = Object.entries(counts);
    if (entries.length === 0) out(`   ${m.none()}`);
    for (const [name, n] of entries) out(`   ${name}: ${n}`);
  }
}

const QUOTE_ASSETS = ['USDT', 'USDC', 'FDUSD', 'BUSD', 'BNB'];

/** Splits a symbol such as ALPHA_22USDT when no update named its assets ("?" if unknown). */
function assetsOf(symbol: string): { base: string; quote: string } {
  const quote = QUOTE_ASSETS.find((q) => symbol.endsWith(q) && symbol.length > q.length);
  return quote ? { base: symbol.slice(0, -quote.length), quote } : { base: '?', quote: '?' };
}
