import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { readJournal } from '../journal/journal-reader.ts';
import { JournalVerdicts } from '../journal/journal-verdicts.ts';
import { csvLine } from './csv-format.ts';
import type { DailySummaryRow } from '../points/daily-summary.ts';
import { OrderWear } from './order-wear.ts';
import {
  DAILY_SUMMARY_COLUMNS,
  ORDER_COLUMNS,
  UPDATE_COLUMNS,
  headerLine,
  rowFields,
  type OrderRow,
} from './csv-columns.ts';
import { CodedError } from '../../../shared/errors/coded-error.ts';

export interface ExportOptions {
  /** The session journal to read. */
  journalPath: string;
  /** Where the CSV goes. Written to `<path>.partial` first, renamed when complete. */
  outPath: string;
  /** Called every `progressEveryRows` rows and at the end. */
  onProgress?: (rows: number) => void;
  progressEveryRows?: number;
}

export interface OrdersExportOptions extends ExportOptions {
  /**
   * alphaId → the token's mulPoint, for the counted-volume columns (the live value at export);
   * without it those columns stay empty and wear has no bps.
   */
  mulPoints?: Readonly<Record<string, number>> | null;
}

/** An export failure with a stable code (`EXPORT_FAILED`, or Node's, e.g. `ENOSPC`). */
export class ExportError extends CodedError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = 'ExportError';
  }
}

/**
 * One row per accepted order update (the engine's verdict, as journalled, says which), streamed
 * from the journal to disk: memory stays flat however long the session (only the current line
 * is held; a journal older than verdicts is run through the book, which keeps its orders), and
 * the writer's backpressure is honoured. Returns the number of data rows.
 */
export async function exportUpdatesCsv(options: ExportOptions): Promise<number> {
  return writeCsv(options, async (write) => {
    await write(csvLine(headerLine(UPDATE_COLUMNS)));
    let rows = 0;
    const verdicts = new JournalVerdicts();
    const { records } = readJournal(options.journalPath);
    for await (const record of records) {
      if (record.k !== 'update' || verdicts.of(record).outcome === 'duplicate') continue;
      await write(
        csvLine(
          rowFields(UPDATE_COLUMNS, {
            update: record.update,
            receivedAtMs: record.atMs,
            source: record.source,
          }),
        ),
      );
      rows++;
      if (rows % (options.progressEveryRows ?? 5000) === 0) options.onProgress?.(rows);
    }
    return rows;
  });
}

/**
 * One row per order in the state the engine's verdicts gave it (the window's state). Memory
 * grows with the number of orders (one small object each), not with the number of updates.
 */
export async function exportOrdersCsv(options: OrdersExportOptions): Promise<number> {
  const orders = new Map<string, OrderRow>();
  const wear = new OrderWear(options.mulPoints ?? null);
  const verdicts = new JournalVerdicts();
  const { records } = readJournal(options.journalPath);
  for await (const record of records) {
    if (record.k !== 'update') continue;
    const verdict = verdicts.of(record);
    const outcome = verdict.outcome;
    if (outcome === 'duplicate') continue;
    wear.add(record.update, verdict.counted);
    const existing = orders.get(record.update.orderId);
    if (existing) {
      // A late update is counted but never moves the order's state backwards.
      if (outcome === 'applied') existing.last = record.update;
      existing.updateCount++;
      existing.lastReceivedAtMs = record.atMs;
    } else {
      orders.set(record.update.orderId, {
        last: record.update,
        updateCount: 1,
        firstReceivedAtMs: record.atMs,
        lastReceivedAtMs: record.atMs,
      });
    }
  }
  return writeCsv(options, async (write) => {
    await write(csvLine(headerLine(ORDER_COLUMNS)));
    let rows = 0;
    const sorted = [...orders.values()].sort(
      (a, b) => a.last.orderCreationTimeMs - b.last.orderCreationTimeMs,
    );
    const columns = wear.columns(sorted.map((r) => r.last));
    for (const row of sorted) row.points = columns.get(row.last.orderId);
    for (const row of sorted) {
      await write(csvLine(rowFields(ORDER_COLUMNS, row)));
      rows++;
      if (rows % (options.progressEveryRows ?? 5000) === 0) options.onProgress?.(rows);
    }
    return rows;
  });
}

/** The per-day points and wear summary (rows from the points service), one row per UTC day. */
export async function exportDailySummaryCsv(
  options: Pick<ExportOptions, 'outPath' | 'onProgress'> & { rows: readonly DailySummaryRow[] },
): Promise<number> {
  return writeCsv(options, async (write) => {
    await write(csvLine(headerLine(DAILY_SUMMARY_COLUMNS)));
    for (const row of options.rows) await write(csvLine(rowFields(DAILY_SUMMARY_COLUMNS, row)));
    return options.rows.length;
  });
}

async function writeCsv(
  options: Pick<ExportOptions, 'outPath' | 'onProgress'>,
  body: (write: (text: string) => Promise<void>) => Promise<number>,
): Promise<number> {
  const partialPath = `${options.outPath}.partial`;
  const out = createWriteStream(partialPath, { encoding: 'utf8', mode: 0o600 });
  let streamError: Error | undefined;
  out.on('error', (error) => {
    streamError = error;
  });
  const write = async (text: string) => {
    if (streamError) throw streamError;
    if (!out.write(text)) {
      await Promise.race([once(out, 'drain'), once(out, 'error')]);
      if (streamError) throw streamError;
    }
  };
  try {
    const rows = await body(write);
    if (streamError) throw streamError;
    out.end();
    // `finished` also settles for a stream that already failed (unlike waiting for 'finish').
    await finished(out);
    await rename(partialPath, options.outPath);
    options.onProgress?.(rows);
    return rows;
  } catch (error) {
    out.destroy();
    await rm(partialPath, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? 'EXPORT_FAILED';
    const message =
      code === 'ENOSPC'
        ? `The disk is full: ${options.outPath} was not written. Free some space and export again; the session is untouched.`
        : `Could not export to ${options.outPath}: ${(error as Error).message}`;
    throw new ExportError(code, message);
  }
}
