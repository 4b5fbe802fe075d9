import type { SessionStateName } from '../domain/session-state.ts';
import type {
  FillPoint,
  MonitorSnapshot,
  OrderView,
  SessionStatsView,
  TimelineSegment,
} from './views-monitor.ts';
import { DEFAULT_DAILY_POINTS_TARGET } from './views-points.ts';
import type { IpcError } from './result.ts';
import type { StrategyReason } from '../reasons/strategy-reason.ts';

/** Which face of the app is running (the renderer may adapt wording, e.g. "download"). */
export type HostKind = 'electron' | 'browser';

export interface AppInfo {
  name: string;
  version: string;
  host: HostKind;
  /** No account has been added yet: the renderer shows the welcome screen. */
  firstRun: boolean;
  /** The embedded demo exchange is running. */
  demoRunning: boolean;
  /** `process.platform` of the main side, e.g. `linux`. */
  platform: string;
  /**
   * Where sessions added here are kept: `keychain` (they stay), or `memory` (no keychain on
   * this machine: they are forgotten when the host stops; the page says so in a banner).
   */
  accountStorage: AccountStorage;
  /** The account `serve --credentials-file` runs from that file (never stored), or null. */
  credentialsFileAccountId: string | null;
}

export type AccountStorage = 'keychain' | 'memory';

/** Where an account's exchange lives. */
export type AccountEnvironment = 'binance' | 'demo' | 'custom';

/** An account as the renderer sees it: names and status only, never a credential. */
export interface AccountView {
  id: string;
  label: string;
  /** The Binance user id when known (from verification), else null. */
  userId: string | null;
  environment: AccountEnvironment;
  addedAtMs: number;
  lastVerifiedAtMs: number | null;
  /** State of its monitor (`idle` when never started). */
  monitorState: SessionStateName;
  /** True while a monitor is running for it (any state but stopped/idle/failed). */
  running: boolean;
  /** True while a strategy run is active for it. */
  strategyRunning: boolean;
  /** What is known about the stored session before a call fails (paste check + light probe). */
  sessionHealth: SessionHealthView;
}

/**
 * How an account's session looks:
 * - `ok`: the last probe got an answer and the copy looked complete;
 * - `at-risk`: it works, but the copy is short-lived or inconsistent (see `reasons`);
 * - `expired`: the exchange answered `100002001` (re-import a fresh cURL);
 * - `verification-required`: finish the Alpha verification in the Binance app;
 * - `unreachable`: the last probe got no answer (says nothing about the session);
 * - `unchecked`: never probed yet (or an account without probing, e.g. the demo).
 */
export type SessionHealthStatus =
  'ok' | 'at-risk' | 'expired' | 'verification-required' | 'unreachable' | 'unchecked';

/**
 * Why, as codes (the renderer and CLI translate them):
 * - `SHORT_LIVED_COPY`: the long-term cookies are missing (copied without "stay signed in");
 * - `CSRF_MISMATCH`: `csrftoken` is not md5(cr00): a stale or mixed copy;
 * - `SESSION_EXPIRED`: `100002001`; likely an order placed in the browser rotated the tokens;
 * - `VERIFICATION_REQUIRED`, `REJECTED`, `UNREACHABLE`: the last probe's outcome.
 */
export type SessionHealthReason =
  | 'SHORT_LIVED_COPY'
  | 'CSRF_MISMATCH'
  | 'SESSION_EXPIRED'
  | 'VERIFICATION_REQUIRED'
  | 'REJECTED'
  | 'UNREACHABLE';

export interface SessionHealthView {
  status: SessionHealthStatus;
  reasons: SessionHealthReason[];
  /** When the session was last probed (epoch ms), or null. */
  checkedAtMs: number | null;
  /** When the next probe is due (epoch ms), or null when this account is not probed. */
  nextCheckAtMs: number | null;
}

/** What a pasted cURL carried: names only, never a value. */
export interface PasteFindings {
  headers: string[];
  cookies: string[];
}

/** Result of adding (or re-importing) an account from a pasted cURL command. */
export interface AddAccountResult {
  account: AccountView;
  /** The session headers and cookies found in the paste (names). */
  found: PasteFindings;
  /**
   * Things worth telling but not blocking (e.g. `MISSING_SESSION_COOKIES` with the cookie
   * names), as codes with params the renderer says; `message` is English, for logs.
   */
  warnings: IpcError[];
}

/** Result of verifying an account's session against the exchange. */
export interface VerifyAccountResult {
  accountId: string;
  /** `valid`, or why not (`error`: its code and params, which the renderer says). */
  status: 'valid' | 'expired' | 'verification-required' | 'unreachable' | 'error';
  code: string | null;
  /** Why it is not valid; null when valid. */
  error: IpcError | null;
  userId: string | null;
  verifiedAtMs: number;
}

export interface DemoStatus {
  running: boolean;
  /** The demo account's id while running. */
  accountId: string | null;
  /** The demo exchange places/fills orders by itself. */
  activity: boolean;
}

/** One past (or current) session journal. */
export interface SessionSummary {
  sessionId: string;
  accountId: string;
  accountLabel: string;
  startedAtMs: number;
  /** When it ended (its last record); null while it still runs, or for an empty journal. */
  endedAtMs: number | null;
  /** True while this session is still being written. */
  live: boolean;
  /**
   * How it ended: `live` still running, `ended` stopped cleanly, `interrupted` no clean end
   * (the app crashed or was killed; everything journalled before is kept).
   */
  status: 'live' | 'ended' | 'interrupted';
  /** Order updates recorded (duplicates the exchange re-sent are not counted). */
  updateCount: number;
  /** Distinct orders, when the clean end recorded it; null otherwise. */
  orderCount: number | null;
  sizeBytes: number;
}

/** A session deleted: its id and how many exported files went with it. */
export interface SessionDeleted {
  sessionId: string;
  exportsDeleted: number;
}

/** A past session reopened read-only (replayed through the engine's parser and book). */
export interface SessionReplay {
  summary: SessionSummary;
  snapshot: MonitorSnapshot;
  /** True when the last line was torn (crash while writing); everything before it is kept. */
  tornTail: boolean;
  /** Lines that could not be read (neither JSON nor a known record). */
  skippedLines: number;
}

/** Outcome of an export: written to a path (desktop), offered as a download (browser), or cancelled. */
export type ExportResult =
  | { kind: 'saved'; path: string; rows: number }
  | { kind: 'download'; url: string; fileName: string; rows: number }
  | { kind: 'cancelled' };

/** Progress of a long export, for a progress bar. */
export interface ExportProgress {
  exportId: string;
  rows: number;
  done: boolean;
}

export type ThemeSetting = 'light' | 'dark' | 'system';
export type LanguageSetting = 'en' | 'zh-CN';

export interface Settings {
  notifyOnFill: boolean;
  notifyOnPartialFill: boolean;
  notifyOnSessionFailure: boolean;
  language: LanguageSetting;
  theme: ThemeSetting;
  startMinimizedToTray: boolean;
  /**
   * While any order is open, each monitor reconciles over REST this often, seconds (the CLI's
   * `--reconcile-interval`), integer 10..3600. Applies to monitors started after a change.
   */
  reconcileIntervalS: number;
  /** Daily target of volume points for the points card (1..40; 15 = 32,768 USDT counted). */
  dailyPointsTarget: number;
}

export const DEFAULT_SETTINGS: Settings = {
  notifyOnFill: true,
  notifyOnPartialFill: false,
  notifyOnSessionFailure: true,
  language: 'en',
  theme: 'system',
  startMinimizedToTray: false,
  reconcileIntervalS: 60,
  dailyPointsTarget: DEFAULT_DAILY_POINTS_TARGET,
};

/**
 * A volume strategy run as the panel asks for it over IPC (amounts in USDT, times in seconds);
 * the app maps it to the engine's StrategyParams (engineParamsOf).
 */
export interface StrategyRequest {
  accountId: string;
  token: string;
  chain: string;
  /** Today's volume target in traded USDT (ignored when `points` is set). */
  volumeUsdt: string;
  /** Today's volume points to reach instead of a volume (CLI `--points`). */
  points?: number;
  amountUsdt: string;
  intervalSec: number;
  buyOffsetPct?: string;
  sellOffsetPct?: string;
  timeoutSec?: number;
  maxLossUsdt?: string;
  /** Stop when a trade's wear, or the run's average, is above this (bps). */
  maxWearBps?: string;
  /** Stop when the price moved more than this % during a trade. */
  maxMovePct?: string;
  /** At the end, sell what the run left of the token (above dust). */
  sellLeftovers?: boolean;
  cancelPending: boolean;
  dryRun: boolean;
}

/** What a run would do if started now (shown before Start). */
export interface StrategyEstimateView {
  tokenSymbol: string;
  mulPoint: number;
  /** Target in traded USDT of the token (derived from `points` when given). */
  targetVolumeUsdt: string;
  /** Counted volume of the token today, USDT. */
  doneUsdt: string;
  tradesEstimated: number;
  /** Expected wear of the run: the offsets plus fees on what it buys, USDT. */
  expectedWearUsdt: string;
  /** Today's volume already meets the target: Start would place nothing. */
  targetMet: boolean;
  targetPoints: number | null;
  /** Today's volume points of the account (all tokens); null when unknown. */
  pointsToday: number | null;
}

export type StrategyRunState = 'starting' | 'running' | 'stopping' | 'finished' | 'failed';

export interface StrategyProgressView {
  accountId: string;
  runId: string;
  state: StrategyRunState;
  targetVolumeUsdt: string;
  doneVolumeUsdt: string;
  trades: number;
  fills: number;
  feesUsdt: string;
  costUsdt: string;
  /** Wear of the run from its fills, USDT; positive = money lost. */
  wearUsdt: string;
  /** Wear in bps of counted volume; null before a BUY filled. */
  wearBps: string | null;
  /** Today's volume points of the account; null when unknown. */
  points: number | null;
  /** Wear ÷ points gained, USDT; null without a gained point. */
  costPerPoint: string | null;
  /** The run's points target, or null for a volume target. */
  targetPoints: number | null;
  /** Order ids the strategy placed in this run (highlighted in the orders table). */
  placedOrderIds: string[];
  /** Latest line of progress, as a code the renderer says. */
  status: StrategyStatus;
  /** Why a failed run ended: its code, the reason the renderer says, and English for logs. */
  error: StrategyRunError | null;
  /** What "sell leftovers" did at the end; null (or absent) when not asked for or not run. */
  leftovers?: StrategyLeftoversView | null;
}

/** The latest line of a run, as a code with its parameters (said by the renderer). */
export type StrategyStatus =
  | { code: 'WAITING_FOR_STREAM' }
  | { code: 'PREPARING' }
  | { code: 'TRADE_PLACED'; trade: number }
  | { code: 'TRADE_FAILED'; trade: number; reason: StrategyReason }
  | { code: 'LEG_TIMEOUT'; trade: number; leg: 'working' | 'pending' }
  /** `trades` 0: the target was already met, nothing was placed. */
  | { code: 'TARGET_REACHED'; trades: number }
  | { code: 'DRY_RUN' }
  | { code: 'STOPPED' }
  | { code: 'STOPPED_BEFORE_FIRST_ORDER' }
  /** The run failed: its `error` says why. */
  | { code: 'FAILED' };

/**
 * Why a run failed: the stable `code` (MAX_WEAR_TRADE, VERIFICATION_REQUIRED, STREAM_NOT_LIVE,
 * …), the `reason` with its parameters, and `message`, the reason in English for logs.
 */
export interface StrategyRunError {
  code: string;
  reason: StrategyReason;
  message: string;
}

/** What a run's "sell leftovers" did at the end (the engine's `LeftoverSale`). */
export interface StrategyLeftoversView {
  /** `sold`; `unsold` (its SELL did not fill and was cancelled); `dust`; `none`; `failed`. */
  outcome: 'sold' | 'unsold' | 'dust' | 'none' | 'failed';
  /** `sold`: the quantity sold; otherwise the token quantity found (or offered), base asset. */
  quantity: string;
  /** USDT received for what sold (for `unsold`, the part that filled before the cancel), else null. */
  quoteUsdt: string | null;
  /** Base quantity that sold ('0' when none). */
  soldQuantity: string;
  /** The fee of what sold, USDT; null when none sold. Fees in another asset are not in it. */
  feeUsdt: string | null;
  /**
   * Fees of what sold charged in an asset that is neither the token nor USDT (e.g. BNB), each
   * in its own asset, not valued in USDT (so not in `feeUsdt`). Absent when there are none.
   */
  unvaluedFees?: Array<{ asset: string; amount: string }>;
  orderId: string | null;
  code: string | null;
}

/** A notice shown by the desktop (OS notification) or the browser host (in-app toast). */
export interface NoticeView {
  id: string;
  /** `journal`: the session journal cannot be written, works again, or kept updates elsewhere. */
  kind: 'fills' | 'partial-fills' | 'session-failure' | 'journal' | 'strategy-stopped';
  title: string;
  body: string;
  accountId: string;
  /** The order to open when clicked (the first of a group), or null. */
  orderId: string | null;
  atMs: number;
}

/** Ask the renderer to show an order (a notice was clicked). */
export interface OpenOrderRequest {
  accountId: string;
  orderId: string;
}

export type { FillPoint, MonitorSnapshot, OrderView, SessionStatsView, TimelineSegment };
