import type { OrderUpdate } from '../../../shared/domain/order-update.ts';

/** A balance line of `outboundAccountPosition` (a Spot event P handles; never captured on Alpha). */
export interface AccountBalance {
  asset: string;
  free: string;
  locked: string;
}

/** Events other than executionReport, typed when we recognise them. */
export type OtherEvent =
  /** `listenKey` is masked (`ff950c2e0d...`): the event is public. */
  | { type: 'listenKeyExpired'; eventTimeMs: number | null; listenKey: string | null }
  | { type: 'outboundAccountPosition'; eventTimeMs: number | null; balances: AccountBalance[] }
  | { type: 'balanceUpdate'; eventTimeMs: number | null; asset: string; delta: string }
  | { type: 'unknown'; eventType: string | null; data: unknown };

/** What one text frame from the order-push socket turned out to be. */
export type ParsedFrame =
  /** `{"result":null,"id":N}`: a request succeeded (SUBSCRIBE, UNSUBSCRIBE, ...). */
  | { kind: 'ack'; requestId: number | string | null; result: unknown }
  /** `{"error":{...},"id":N}`: a request failed. */
  | {
      kind: 'request-error';
      requestId: number | string | null;
      errorCode: string | null;
      errorMessage: string;
    }
  | { kind: 'order-update'; stream: string | null; update: OrderUpdate }
  | { kind: 'other-event'; stream: string | null; event: OtherEvent }
  | { kind: 'malformed'; reason: string };
