/**
 * From what was sent and what the page showed to the figures the UI bench prints: fps as a
 * fraction of idle, push → screen as a multiple of the idle frame time, the share never shown.
 */

/** One update the bench sent: the order, the filled quantity it carried, when it left. */
export interface SentUpdate {
  orderId: string;
  qty: number;
  sentMs: number;
}

/** What one load did, in absolute terms. */
export interface LoadMeasurement {
  /** Updates per second asked for, and the rate achieved over the sending window. */
  rate: number;
  achievedRate: number;
  sent: number;
  /** Frames per second of each whole second while sending. */
  fpsPerSecond: number[];
  /** push → first shown (that state or a newer one), ms, of the updates shown within the limit. */
  latenciesMs: number[];
  /** Updates not shown within `limitMs` of their send. */
  neverShown: number;
  /** Last send → the last update of every order on screen, ms; null if that never happened. */
  settleMs: number | null;
  /** What the page's WebSockets received from the load's start until all was shown (or the limit). */
  pageMessages?: number;
  pageChars?: number;
  /** The page had not shown this load's new orders 2 minutes after they were sent. */
  startedBehind?: boolean;
}

/** A load's figures relative to the same run's idle page. */
export interface LoadFigures {
  fpsMedian: number;
  fpsWorst: number;
  p50Frames: number;
  p99Frames: number;
  neverShownFraction: number;
  settleMs: number | null;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/**
 * Matches sends to the page's records. `shown` per order holds [qty, ms] in the order the page
 * saw them (quantities only grow), so an update counts as shown at the first record of its
 * order with at least its quantity.
 */
export function measureLoad(input: {
  rate: number;
  sent: readonly SentUpdate[];
  shown: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
  fps: ReadonlyArray<readonly [number, number]>;
  limitMs: number;
}): LoadMeasurement {
  const { sent, shown, limitMs } = input;
  const firstMs = sent[0]?.sentMs ?? 0;
  const lastMs = sent.at(-1)?.sentMs ?? 0;
  const latenciesMs: number[] = [];
  let neverShown = 0;
  const lastShownByOrder = new Map<string, number | null>();
  for (const update of sent) {
    const shownMs = shown.get(update.orderId)?.find(([qty]) => qty >= update.qty)?.[1];
    const latency = shownMs === undefined ? Infinity : Math.max(0, shownMs - update.sentMs);
    if (latency > limitMs) neverShown++;
    else latenciesMs.push(latency);
    lastShownByOrder.set(update.orderId, latency > limitMs ? null : shownMs!);
  }
  latenciesMs.sort((a, b) => a - b);
  const finals = [...lastShownByOrder.values()];
  const settleMs = finals.some((ms) => ms === null)
    ? null
    : Math.max(0, ...finals.map((ms) => ms! - lastMs));
  const fpsPerSecond = input.fps
    .filter(([startMs]) => startMs >= firstMs && startMs + 1000 <= lastMs + 1)
    .map(([, frames]) => frames);
  const windowS = Math.max(0.001, (lastMs - firstMs) / 1000);
  return {
    rate: input.rate,
    achievedRate: sent.length > 1 ? (sent.length - 1) / windowS : sent.length,
    sent: sent.length,
    fpsPerSecond,
    latenciesMs,
    neverShown,
    settleMs,
  };
}

/** Frames per second of the idle page: the median of its whole seconds. */
export function idleFps(fps: ReadonlyArray<readonly [number, number]>): number {
  return median(fps.map(([, frames]) => frames));
}

export function relativeFigures(m: LoadMeasurement, idle: number): LoadFigures {
  const frameMs = 1000 / idle;
  return {
    fpsMedian: median(m.fpsPerSecond) / idle,
    fpsWorst: Math.min(...m.fpsPerSecond) / idle,
    p50Frames: quantile(m.latenciesMs, 0.5) / frameMs,
    p99Frames: quantile(m.latenciesMs, 0.99) / frameMs,
    neverShownFraction: m.sent === 0 ? 0 : m.neverShown / m.sent,
    settleMs: m.settleMs,
  };
}
