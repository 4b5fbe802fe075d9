/**
 * The exchange's counters. Starting values are taken from the capture so ids look real:
 * orders 51481849, order lists 89863105, trades 798491, events 12501197286.
 */
export class IdSequences {
  private orderId = 51481849;
  private orderListId = 89863105;
  private tradeId = 798491;
  private pageId = 59177352869;
  private eventId = 12501197286;
  private lastEventTimeMs = 0;

  /** Order ids are consecutive, so an OTO's legs are N and N+1, as captured. */
  nextOrderId(): string {
    return String(this.orderId++);
  }

  peekOrderId(): string {
    return String(this.orderId);
  }

  nextOrderListId(): string {
    return String(this.orderListId++);
  }

  nextTradeId(): string {
    return String(this.tradeId++);
  }

  nextPageId(): string {
    return String(this.pageId++);
  }

  /** Per-event id: strictly increasing across everything pushed, to any user. */
  nextEventId(): number {
    return this.eventId++;
  }

  /**
   * The `E`/`T` pair for something happening now. `E` never goes backwards (the capture's
   * frames are ordered by both `E` and `id`), even if a clock is set back.
   */
  times(nowMs: number): { eventTimeMs: number; transactionTimeMs: number } {
    const eventTimeMs = Math.max(nowMs, this.lastEventTimeMs);
    this.lastEventTimeMs = eventTimeMs;
    return { eventTimeMs, transactionTimeMs: nowMs };
  }

  /** Records an `E` chosen elsewhere (activation = fill E + 1 ms). */
  noteEventTime(eventTimeMs: number): void {
    this.lastEventTimeMs = Math.max(this.lastEventTimeMs, eventTimeMs);
  }
}
