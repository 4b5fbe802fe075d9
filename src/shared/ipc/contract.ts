/**
 * The one IPC contract between main (Electron main or the browser host) and the renderer.
 *
 * - `REQUESTS`: renderer → main, each returns `Promise<IpcResult<Value>>`. Every payload
 *   crosses as `unknown` and is parsed by the channel's zod schema before a handler sees it.
 * - `EVENTS`: main → renderer pushes.
 *
 * `createApi(transport)` (create-api.ts) turns this into one method per request channel and
 * one `onX(listener)` per event. Secrets never cross: every value type here is a "view"
 * (masked listen key, status, decimal strings), never a credential.
 */
import { z } from 'zod';
import { ALERT_SECRET_NAMES, alertSettingsPatchSchema } from '../alerts/alert-settings.ts';
import { isDecimalString } from '../domain/decimal-string.ts';
import { MAX_TARGET_POINTS } from '../strategy/strategy-defaults.ts';
import type { AlertSettingsView, AlertTestResultView } from '../alerts/alert-views.ts';
import type {
  AddAccountResult,
  AccountView,
  AppInfo,
  DemoStatus,
  ExportProgress,
  ExportResult,
  NoticeView,
  OpenOrderRequest,
  SessionDeleted,
  SessionReplay,
  SessionSummary,
  Settings,
  StrategyEstimateView,
  StrategyProgressView,
  VerifyAccountResult,
} from './views-app.ts';
import type { ConnectionView, MonitorSnapshot, OrderUpdatesBatch } from './views-monitor.ts';
import type { PointsView } from './views-points.ts';
import type { FleetActionResult, FleetSnapshot, FleetUpdate } from './views-fleet.ts';

/** A request channel: its payload schema, and (type only) what it returns. */
export interface RequestDef<S extends z.ZodType, R> {
  readonly payload: S;
  /** Phantom: never read at run time; carries the result type. */
  readonly result?: R;
}

/** An event: (type only) what it carries. */
export interface EventDef<P> {
  /** Phantom: never read at run time. */
  readonly payload?: P;
}

function request<R>() {
  return <S extends z.ZodType>(payload: S): RequestDef<S, R> => ({ payload });
}
function event<P>(): EventDef<P> {
  return {};
}

/** For channels without a payload. Electron may turn `undefined` into `null`; both pass. */
const none = z.union([z.undefined(), z.null()]);
const id = z.string().min(1).max(200);
const accountRef = z.object({ accountId: id }).strict();
const sessionRef = z.object({ sessionId: id }).strict();
/** A non-negative decimal as a string, e.g. "20" or "10.5" (never a float). */
const decimal = z.string().refine((v) => isDecimalString(v), 'a decimal number like 20 or 10.5');
/** A percentage that may be negative (an offset below the price). */
const signedDecimal = z
  .string()
  .refine((v) => isDecimalString(v, { signed: true }), 'a decimal number like 0.5 or -5');

export const settingsPatchSchema = z
  .object({
    notifyOnFill: z.boolean(),
    notifyOnPartialFill: z.boolean(),
    notifyOnSessionFailure: z.boolean(),
    language: z.enum(['en', 'zh-CN']),
    theme: z.enum(['light', 'dark', 'system']),
    startMinimizedToTray: z.boolean(),
    reconcileIntervalS: z.number().int().min(10).max(3600),
    dailyPointsTarget: z.number().int().min(1).max(MAX_TARGET_POINTS),
  })
  .partial()
  .strict();

/** A `StrategyRequest` (views-app.ts) as the renderer sends it to start or estimate a run. */
export const strategyRequestSchema = z
  .object({
    accountId: id,
    token: z.string().min(1).max(40),
    chain: z.string().min(1).max(40),
    volumeUsdt: decimal,
    amountUsdt: decimal,
    intervalSec: z.number().min(0).max(3600),
    buyOffsetPct: signedDecimal.optional(),
    sellOffsetPct: signedDecimal.optional(),
    timeoutSec: z.number().min(1).max(3600).optional(),
    maxLossUsdt: decimal.optional(),
    points: z.number().int().min(1).max(MAX_TARGET_POINTS).optional(),
    maxWearBps: decimal.optional(),
    maxMovePct: decimal.optional(),
    sellLeftovers: z.boolean().optional(),
    cancelPending: z.boolean(),
    dryRun: z.boolean(),
  })
  .strict();

/** Every request channel. The key is both the channel name and the API method name. */
export const REQUESTS = {
  // --- app -----------------------------------------------------------------------------
  /** Version, host kind, first run (no accounts yet) and whether the demo runs. */
  getAppInfo: request<AppInfo>()(none),

  // --- accounts ------------------------------------------------------------------------
  /** Every stored account with its monitor state. */
  listAccounts: request<AccountView[]>()(none),
  /**
   * Adds an account from a browser "Copy as cURL" command: parses it, verifies the session
   * against the exchange, and stores the credentials in the secret store. Fails with the
   * accounts module's codes (e.g. `CURL_PARSE_ERROR`, `SESSION_EXPIRED`,
   * `VERIFICATION_REQUIRED`) and a plain-language message. `restUrl`/`wsUrl` point the account
   * at another exchange (the simulator in tests and demos).
   */
  addAccountFromCurl: request<AddAccountResult>()(
    z
      .object({
        curl: z.string().min(1).max(200_000),
        label: z.string().max(80).optional(),
        restUrl: z.url().optional(),
        wsUrl: z.url().optional(),
      })
      .strict(),
  ),
  /**
   * Re-import in place: a fresh cURL for an existing account (after its session expired, e.g.
   * an order placed in the browser rotated the tokens). Verified first; the id, label and
   * history stay, and a running monitor restarts on the new session.
   */
  reimportAccountFromCurl: request<AddAccountResult>()(
    z.object({ accountId: id, curl: z.string().min(1).max(200_000) }).strict(),
  ),
  /** Checks the stored session against the exchange; never throws for an expired session. */
  verifyAccount: request<VerifyAccountResult>()(accountRef),
  /** Stops its monitor and strategy, then deletes the account and its secrets. */
  removeAccount: request<null>()(accountRef),

  // --- monitors ------------------------------------------------------------------------
  /** Starts watching the account's orders (opens a new session journal). */
  startMonitor: request<ConnectionView>()(accountRef),
  /** Stops watching; the journal is closed and stays listed in sessions. */
  stopMonitor: request<ConnectionView>()(accountRef),
  /** Connection, orders, fills and statistics of one account, for the initial draw. */
  getMonitorSnapshot: request<MonitorSnapshot>()(accountRef),
  /** Connection state of every account (cheap; for the accounts list and the tray). */
  listConnections: request<ConnectionView[]>()(none),

  // --- fleet (issue 12) ----------------------------------------------------------------
  /** Every account's fleet row (state, today's volume/points/wear, open orders, ...). */
  getFleet: request<FleetSnapshot>()(none),
  /** Starts the monitors of these accounts (running ones are left alone). */
  startMonitors: request<FleetActionResult>()(
    z.object({ accountIds: z.array(id).min(1).max(1000) }).strict(),
  ),
  /** Stops these accounts' monitors (and their strategies). */
  stopMonitors: request<FleetActionResult>()(
    z.object({ accountIds: z.array(id).min(1).max(1000) }).strict(),
  ),

  // --- demo ----------------------------------------------------------------------------
  /**
   * Starts the embedded simulator, adds the demo account (or `accounts` of them), starts demo
   * activity and their monitors.
   */
  startDemo: request<DemoStatus>()(
    z
      .object({
        activity: z.boolean().optional(),
        /** Simulated accounts (default 1): the demo account plus `Demo 2` … `Demo N`. */
        accounts: z.number().int().min(1).max(500).optional(),
      })
      .strict()
      .optional(),
  ),
  /** Stops the demo monitor, the activity and the simulator; removes the demo account. */
  stopDemo: request<DemoStatus>()(none),
  getDemoStatus: request<DemoStatus>()(none),

  // --- sessions (journals) -------------------------------------------------------------
  /** Past and current session journals, newest first. */
  listSessions: request<SessionSummary[]>()(
    z.object({ accountId: id.optional() }).strict().optional(),
  ),
  /** Reopens one session read-only by replaying its journal. */
  openSession: request<SessionReplay>()(sessionRef),
  /**
   * Deletes a past session: its journal, and its exports where the app keeps them (the
   * browser host's; files saved through the desktop's save dialog stay where the user put
   * them). A running session is refused with `SESSION_LIVE`.
   */
  deleteSession: request<SessionDeleted>()(sessionRef),

  // --- export --------------------------------------------------------------------------
  /**
   * One CSV row per order update of a session (columns in README.md ("CSV export")).
   * Desktop: native save dialog, then streams to disk. Browser: written on the host and
   * offered at an authenticated download URL. Progress arrives as `exportProgress`.
   */
  exportUpdatesCsv: request<ExportResult>()(sessionRef),
  /** One CSV row per order in its last state. */
  exportOrdersCsv: request<ExportResult>()(sessionRef),

  // --- points and wear (issue 11) ------------------------------------------------------
  /**
   * One account's Alpha points and today's wear (the points card). Read from the exchange's
   * user-score while its monitor runs (every minute, fills projected in between); `stopped`
   * with the last figures otherwise. Later changes arrive as `pointsChanged`.
   */
  getPoints: request<PointsView>()(accountRef),
  /** Every account's points view the app holds (running monitors and stopped ones). */
  listPoints: request<PointsView[]>()(none),
  /** Reads user-score now; resolves after the read, with the view (`failed` says why). */
  refreshPoints: request<PointsView>()(accountRef),
  /**
   * One CSV row per UTC day of the 15-day window (volume, counted volume, points, wear USDT,
   * wear bps, cost per point; columns in README.md ("Points and wear")). The account's monitor
   * must run. Delivered like the session exports.
   */
  exportDailySummaryCsv: request<ExportResult>()(accountRef),

  // --- settings ------------------------------------------------------------------------
  getSettings: request<Settings>()(none),
  /** Changes some settings; returns them all. Also fires `settingsChanged`. */
  updateSettings: request<Settings>()(settingsPatchSchema),

  // --- strategy (issue 6) --------------------------------------------------------------
  /** Starts a volume strategy run on an account (its monitor is started if needed). */
  startStrategy: request<StrategyProgressView>()(strategyRequestSchema),
  /**
   * What a run with these parameters would do now (token, today's volume and points, trades,
   * expected wear, target already met); places nothing. Fails with the strategy's codes
   * (`TOKEN_NOT_FOUND`, `INVALID_PARAMS`, `TOO_MANY_TRADES`, ...).
   */
  estimateStrategy: request<StrategyEstimateView>()(strategyRequestSchema),
  /** Asks the run to stop (cancels our open working orders first); resolves once stopped. */
  stopStrategy: request<StrategyProgressView | null>()(accountRef),
  /** The current or last run of an account, or null. */
  getStrategyProgress: request<StrategyProgressView | null>()(accountRef),

  // --- alerts (issue 12) ---------------------------------------------------------------
  /** Alerts settings (`<data folder>/alerts.json`) and which secrets are in the keychain. */
  getAlertSettings: request<AlertSettingsView>()(none),
  /** Changes some alerts settings (nested objects merge); also fires `alertSettingsChanged`. */
  updateAlertSettings: request<AlertSettingsView>()(alertSettingsPatchSchema),
  /**
   * Stores the Telegram bot token or the webhook signing secret in the keychain (null or empty
   * removes it). The value goes one way: no channel ever returns it.
   */
  setAlertSecret: request<AlertSettingsView>()(
    z.object({ name: z.enum(ALERT_SECRET_NAMES), value: z.string().max(500).nullable() }).strict(),
  ),
  /** Sends a test message through every enabled channel now; says how each went. */
  sendTestAlert: request<AlertTestResultView[]>()(none),
} as const;

/** Every event main pushes. `createApi` exposes each as `on<Name>(listener)`. */
export const EVENTS = {
  /** Coalesced order updates of one account (≤ ~60 per second per account). */
  orderUpdates: event<OrderUpdatesBatch>(),
  /** One account's connection changed (state, key refresh, reconnect attempt, timeline). */
  connectionChanged: event<ConnectionView>(),
  /** The account list or an account's status changed. */
  accountsChanged: event<AccountView[]>(),
  /**
   * The fleet rows that changed (one event for every account, at most every
   * `FLEET_THROTTLE_MS`), and accounts that are gone.
   */
  fleetChanged: event<FleetUpdate>(),
  demoChanged: event<DemoStatus>(),
  settingsChanged: event<Settings>(),
  /** Alerts settings or their secrets changed (secrets as set / not set only). */
  alertSettingsChanged: event<AlertSettingsView>(),
  strategyProgress: event<StrategyProgressView>(),
  /** One account's points or wear changed (a read, a fill, a failure, a new target, a stop). */
  pointsChanged: event<PointsView>(),
  exportProgress: event<ExportProgress>(),
  /**
   * A notice (grouped fills, session failure). The desktop also shows it as an OS
   * notification; the browser host relies on the renderer to show it.
   */
  notice: event<NoticeView>(),
  /** A notice was clicked: show this order. */
  openOrder: event<OpenOrderRequest>(),
} as const;

export type Requests = typeof REQUESTS;
export type Events = typeof EVENTS;
export type RequestChannel = keyof Requests;
export type EventName = keyof Events;

/** What a handler receives (after parsing). */
export type RequestPayload<K extends RequestChannel> = z.output<Requests[K]['payload']>;
/** What a caller passes. */
export type RequestInput<K extends RequestChannel> = z.input<Requests[K]['payload']>;
/** What a request resolves to on success. */
export type RequestResult<K extends RequestChannel> = Exclude<Requests[K]['result'], undefined>;
export type EventPayload<K extends EventName> = Exclude<Events[K]['payload'], undefined>;

export const REQUEST_CHANNELS = Object.keys(REQUESTS) as RequestChannel[];
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

export function isRequestChannel(name: unknown): name is RequestChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(REQUESTS, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(EVENTS, name);
}
