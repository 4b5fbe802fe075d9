import { Fragment, memo } from 'react';
import {
  receivedExecutionType,
  receivedStatus,
  type OrderUpdate,
} from '../../../shared/domain/order-update.ts';
import type { OrderView } from '../../../shared/ipc/views-monitor.ts';
import { useT } from '../i18n/i18n.tsx';
import { formatDateTime, formatClockMs } from '../format/time.ts';
import { StatusBadge, StatusUnknownChip, statusLabel } from './ui.tsx';

/** Every field of the order's last update, with its wire key, in the order of the protocol doc. */
const FIELDS: { key: keyof OrderUpdate; wire: string; kind?: 'time' }[] = [
  { key: 'orderId', wire: 'i' },
  { key: 'clientOrderId', wire: 'c' },
  { key: 'symbol', wire: 's' },
  { key: 'baseAsset', wire: 'ba' },
  { key: 'quoteAsset', wire: 'qa' },
  { key: 'side', wire: 'S' },
  { key: 'orderType', wire: 'o' },
  { key: 'originalOrderType', wire: 'ot' },
  { key: 'timeInForce', wire: 'f' },
  { key: 'executionType', wire: 'x' },
  { key: 'status', wire: 'X' },
  { key: 'price', wire: 'p' },
  { key: 'quantity', wire: 'q' },
  { key: 'stopPrice', wire: 'P' },
  { key: 'avgPrice', wire: 'ap' },
  { key: 'lastFilledQty', wire: 'l' },
  { key: 'cumulativeFilledQty', wire: 'z' },
  { key: 'lastFilledPrice', wire: 'L' },
  { key: 'lastQuoteQty', wire: 'Y' },
  { key: 'cumulativeQuoteQty', wire: 'Z' },
  { key: 'quoteOrderQty', wire: 'Q' },
  { key: 'commission', wire: 'n' },
  { key: 'commissionAsset', wire: 'N' },
  { key: 'tradeId', wire: 't' },
  { key: 'isMaker', wire: 'm' },
  { key: 'orderListId', wire: 'il' },
  { key: 'contingencyType', wire: 'ct' },
  { key: 'contingencyPosition', wire: 'cp' },
  { key: 'st', wire: 'st' },
  { key: 'eventId', wire: 'id' },
  { key: 'eventTimeMs', wire: 'E', kind: 'time' },
  { key: 'transactionTimeMs', wire: 'T', kind: 'time' },
  { key: 'updateTimeMs', wire: 'u', kind: 'time' },
  { key: 'orderCreationTimeMs', wire: 'O', kind: 'time' },
];

/** A field as the exchange sent it (`X`/`x` we do not know are kept raw beside `UNRECOGNIZED`). */
function received(u: OrderUpdate, key: keyof OrderUpdate): unknown {
  if (key === 'status') return receivedStatus(u);
  if (key === 'executionType') return receivedExecutionType(u);
  return u[key];
}

function show(value: unknown, kind: 'time' | undefined): string {
  if (value === null || value === undefined) return '—';
  if (kind === 'time' && typeof value === 'number')
    return `${formatDateTime(value)}.${String(value % 1000).padStart(3, '0')} (${value})`;
  return String(value);
}

/** A number (or a date, a time) never breaks across lines; long ids and names may. */
const UNBREAKABLE = /^[(]?[-+]?[\d.,:-]*\d[\d.,:]*[)]?$/;

/** The value's words, each number kept on one line. */
function Unbroken({ text }: { text: string }) {
  return (
    <>
      {text.split(' ').map((word, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <span className={UNBREAKABLE.test(word) ? 'nowrap' : undefined}>{word}</span>
        </Fragment>
      ))}
    </>
  );
}

/**
 * Row detail: every field, exactly as received, plus where and when it came from. Memoised:
 * the monitor renders per batch, the detail when its order (replaced on change) does.
 */
export const OrderDetail = memo(function OrderDetail({
  order,
  peer,
  onSelect,
  placedByStrategy,
}: {
  order: OrderView | null;
  peer: OrderView | null;
  onSelect: (orderId: string) => void;
  placedByStrategy: boolean;
}) {
  const t = useT();
  if (!order) return <p className="hint">{t.selectOrderHint}</p>;
  const u = order.last;
  return (
    <div className="order-detail" data-testid="order-detail" data-order-id={u.orderId}>
      <div className="detail-head">
        <span className={`side-${u.side.toLowerCase()} strong`}>{t.sideName[u.side]}</span>
        <span className="strong">{u.symbol}</span>
        <StatusBadge status={u.status} rawStatus={u.rawStatus} />
        {order.statusUnknown && (
          <StatusUnknownChip mark={order.statusUnknown} lastKnown={u.status} />
        )}
        {placedByStrategy && <span className="tag">{t.placedByStrategy}</span>}
      </div>
      {order.statusUnknown && (
        <p className="warn small" data-testid="status-unknown-note">
          {t.statusUnknownNote(
            t.statusUnknownReason[order.statusUnknown.code],
            formatClockMs(order.statusUnknown.sinceMs),
          )}
        </p>
      )}
      <dl className="detail-meta">
        <div>
          <dt>{t.updates}</dt>
          <dd className="tabular">{order.updateCount}</dd>
        </div>
        <div>
          <dt>{t.firstSeen}</dt>
          <dd className="tabular">{formatClockMs(order.firstSeenAtMs)}</dd>
        </div>
        <div>
          <dt>{t.lastReceived}</dt>
          <dd className="tabular">{formatClockMs(order.lastReceivedAtMs)}</dd>
        </div>
        <div>
          <dt>{t.source}</dt>
          <dd>{t.sourceName[order.lastSource]}</dd>
        </div>
      </dl>
      {peer && (
        <button
          type="button"
          className="peer-link"
          onClick={() => onSelect(peer.last.orderId)}
          data-testid="oto-peer"
        >
          {t.otoPeer}: {peer.last.side} {peer.last.orderId} · {statusLabel(t, peer.last)}
        </button>
      )}
      <table className="fields">
        <tbody>
          {FIELDS.map((f) => (
            <tr key={f.key}>
              <th>
                <code>{f.wire}</code>{' '}
                {f.key === 'st' ? <span title={t.stFieldHint}>{t.stFieldName}</span> : f.key}
              </th>
              <td className="tabular" data-field={f.key}>
                <Unbroken text={show(received(u, f.key), f.kind)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
