import type { IpcError } from '../../shared/ipc/result.ts';
/**
 * What the application services need from the world, passed in by the two composition
 * roots: Electron main (src/main/index.ts + src/main/platform) and the browser host
 * (src/main/host). Engine modules are reached through narrow ports too, so the services are
 * tested in plain Node against fakes or the simulator.
 */
import type { Problem } from '../../shared/reasons/reason.ts';
import type { OrderUpdate, UpdateSource } from '../../shared/domain/order-update.ts';
import type { SessionStateName } from '../../shared/domain/session-state.ts';
import type { UpdateVerdict } from '../../shared/domain/update-verdict.ts';
import type { Event } from '../../shared/event/emitter.ts';
import type { AsyncDisposable } from '../../shared/lifecycle/disposable.ts';
import type {
  AccountEnvironment,
  ExportResult,
  NoticeView,
  PasteFindings,
  SessionHealthReason,
} from '../../shared/ipc/views-app.ts';
import type { OrderStatusUnknown } from '../../shared/ipc/views-monitor.ts';
import type { SessionCredentials } from '../core/credentials/session-credentials.ts';
import type { BookStatistics } from '../core/book/index.ts';

// ---- platform ports ---------------------------------------------------------------------

/** Where an export goes. Desktop: a native save dialog. Browser host: a download folder + URL. */
export interface ExportTarget {
  /**
   * Picks the destination for `suggestedName`; null when the user cancelled. `finish` turns
   * the written file into what the renderer is told (a saved path, or a download URL).
   */
  choose(
    suggestedName: string,
    /** The session exported, so that a target that keeps the files can delete them with it. */
    sessionId?: string,
  ): Promise<{ path: string; finish(rows: number): ExportResult } | null>;
  /**
   * Deletes the files exported from a deleted session and says how many; absent where the
   * files are the user's own (a save dialog put them where the user chose).
   */
  discardSession?(sessionId: string): Promise<number>;
}

/** Shows a notice to the user outside the renderer (OS notification); the host has none. */
export interface Notifier {
  show(notice: NoticeView, onClick: () => void): void;
}

// ---- engine ports -----------------------------------------------------------------------

/** One account's live session as the app sees it (the engine's AccountMonitor, adapted). */
export interface MonitorSession extends AsyncDisposable {
  start(): void;
  stop(): Promise<void>;
  readonly onDidChangeState: Event<MonitorStateChange>;
  /**
   * Every frame, listen key masked. One that `carriesUpdate` is journalled with its update
   * (one record), the others on their own.
   */
  readonly onDidReceiveFrame: Event<{ text: string; receivedAtMs: number; carriesUpdate: boolean }>;
  /**
   * Every update the engine produced, with its order book's verdict and the masked frame it
   * came from (null for a backfill). A `duplicate` is journalled (with its verdict) and counted
   * in statistics, never shown or notified.
   */
  readonly onDidReceiveOrderUpdate: Event<{
    update: OrderUpdate;
    source: UpdateSource;
    receivedAtMs: number;
    verdict: UpdateVerdict;
    frameText?: string | null;
  }>;
  /** A frame that could not be parsed (it is still journalled as a frame). */
  readonly onDidReceiveMalformedFrame: Event<{ receivedAtMs: number }>;
  /**
   * A REST reconciliation finished; `statusUnknown` lists orders it newly marked "status
   * unknown: not open on the exchange".
   */
  readonly onDidReconcile: Event<{
    missedByStream: number;
    statusUnknown: string[];
    fillsNotRecovered: string[];
  }>;
  /** The engine's reconciliation counts now (the marks clear as soon as an update moves an order). */
  reconcileStats(): ReconcileStats;
  /** The engine's "status unknown: not open on the exchange" mark of the order, or null. */
  statusUnknownOf(orderId: string): OrderStatusUnknown | null;
  /**
   * What the engine's order book knows of an order now (ADR 010: the one owner of order
   * state; the app keeps no copy), or null for an order it never saw.
   */
  orderOf(orderId: string): BookOrder | null;
  /** The engine's order book statistics now. */
  bookStatistics(): BookStatistics;
}

/**
 * One order as the engine's book holds it. An order that ended is kept small: its last update
 * is no longer in memory (`current` null; the journal is the record of it).
 */
export interface BookOrder {
  current: OrderUpdate | null;
  /** Accepted updates (late ones included). */
  updateCount: number;
  firstSeenAtMs: number;
  lastReceivedAtMs: number;
  lastSource: UpdateSource;
  /** The other leg of its OTO pair, or null. */
  otoPeerOrderId: string | null;
}

/** What reconciliation adds to the statistics, as the engine counts it. */
export interface ReconcileStats {
  missedByStream: number;
  statusUnknown: number;
  /** Orders with a fill the stream lost that the exchange does not list either. */
  fillsNotRecovered: number;
}

/** A state change with what the connection panel shows. */
export interface MonitorStateChange {
  state: SessionStateName;
  atMs: number;
  /** Why it failed / is reconnecting. */
  problem?: Problem | null;
  /**
   * The listen key, already masked by the engine. The app never holds the full key: the
   * engine masks it in every frame it hands over (maskFrameText), so the journal needs no
   * redaction of its own and there is no secret here to leak to the renderer.
   */
  maskedListenKey?: string | null;
  listenKeyObtainedAtMs?: number | null;
  nextListenKeyRefreshAtMs?: number | null;
  /** The reconnect attempt number while reconnecting. */
  reconnectAttempt?: number;
}

/** Where and as whom an account connects. Credentials never leave main. */
export interface AccountConnection {
  accountId: string;
  credentials: SessionCredentials;
  restUrl: string;
  wsUrl: string;
}

/** How a monitor runs, from the settings at the moment it starts (a later change waits for the next start). */
export interface MonitorRunOptions {
  /** While any order is open, reconcile over REST this often. */
  reconcileIntervalMs: number;
}

export type MonitorFactory = (
  connection: AccountConnection,
  options: MonitorRunOptions,
) => MonitorSession;

/**
 * A stored account as the app lists it, without its secrets (the engine's accounts.json
 * entry is core's AccountRecord); with its monitor's state it becomes an AccountView.
 */
export interface AccountSummary {
  id: string;
  label: string;
  userId: string | null;
  environment: AccountEnvironment;
  addedAtMs: number;
  lastVerifiedAtMs: number | null;
  /** What the paste check found wrong with the stored copy (short-lived, csrftoken mismatch). */
  copyWarnings?: SessionHealthReason[];
}

/** The accounts module (AccountStore + cURL import + verification), adapted. */
export interface AccountsPort {
  list(): Promise<AccountSummary[]>;
  /** Parses, verifies and stores; throws coded errors with plain-language messages. */
  addFromCurl(input: { curl: string; label?: string; restUrl?: string; wsUrl?: string }): Promise<{
    account: AccountSummary;
    warnings: IpcError[];
    found: PasteFindings;
  }>;
  /**
   * Re-import in place: a fresh cURL for an existing account (after `100002001`). Verified
   * against the account's own exchange first; the id, label and history stay.
   */
  reimportFromCurl(input: { accountId: string; curl: string }): Promise<{
    account: AccountSummary;
    warnings: IpcError[];
    found: PasteFindings;
  }>;
  /** Adds an account whose credentials are already known (the demo account). */
  addDirect(input: {
    id: string;
    label: string;
    environment: AccountEnvironment;
    connection: AccountConnection;
  }): Promise<AccountSummary>;
  /** Throws a coded error (`SESSION_EXPIRED`, ...) when the session is not valid. */
  verify(accountId: string): Promise<{ userId: string | null }>;
  remove(accountId: string): Promise<void>;
  /** Throws `ACCOUNT_NOT_FOUND`. */
  connection(accountId: string): Promise<AccountConnection>;
}

/** The embedded demo exchange (the simulator) while it runs. */
export interface DemoExchange extends AsyncDisposable {
  readonly restUrl: string;
  readonly wsUrl: string;
  readonly credentials: SessionCredentials;
  /**
   * Another simulated account on the same exchange (a demo fleet): its session. While the
   * activity runs, a new account trades by itself too.
   */
  addAccount(): SessionCredentials;
  /** Every demo account places and fills orders by itself. */
  startActivity(): void;
  stopActivity(): void;
}
export type DemoExchangeFactory = () => Promise<DemoExchange>;
