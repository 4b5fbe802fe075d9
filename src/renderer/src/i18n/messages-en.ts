import type { Reason } from '../../../shared/reasons/reason.ts';
import { describeReason } from '../../../shared/reasons/reason-text.ts';
import { describeError, type CodedError, type ErrorHints } from './error-text.ts';
import type { FleetSessionHealthStatus, FleetState } from '../../../shared/ipc/views-fleet.ts';
import type {
  SessionHealthReason,
  SessionHealthStatus,
  StrategyLeftoversView,
} from '../../../shared/ipc/views-app.ts';
import type { FieldProblem } from '../components/strategy-form.ts';
import { accountStopAdvice, isAccountStopCode } from '../../../shared/reasons/account-stop.ts';
import { describeStrategyReason } from '../../../shared/reasons/strategy-reason-text.ts';
import type { StrategyRunError, StrategyStatus } from '../../../shared/ipc/views-app.ts';
import type { OrderStatus } from '../../../shared/domain/order-update.ts';
import { isZeroDecimal } from '../format/decimal.ts';
/**
 * A leftover sale's fee as charged: its USDT part, and each fee charged in another asset (BNB)
 * in that asset, said to be not valued (`feeUsdt` leaves them out, so alone it read "0 USDT").
 * `notValued` is the language's "(not valued in USDT)".
 */
export function leftoverFeeText(l: StrategyLeftoversView, notValued: string): string {
  const usdt = `${l.feeUsdt ?? '0'} USDT`;
  const others = (l.unvaluedFees ?? []).map((f) => `${f.amount} ${f.asset}`);
  if (others.length === 0) return usdt;
  const parts = l.feeUsdt !== null && !isZeroDecimal(l.feeUsdt) ? [usdt, ...others] : others;
  return `${parts.join(' + ')}${notValued}`;
}

/**
 * English UI text. `messages-zh-cn.ts` must have exactly the same keys and signatures (the
 * `Messages` type enforces it), so a missing translation is a compile error.
 */
export const en = {
  appName: 'Alpha Monitor',
  /** An engine reason (code + parameters, src/shared/reasons) as a sentence. */
  reason: (reason: Reason) => describeReason('en', reason),
  /** An app error (code + params, src/shared/ipc/error-codes.ts) as a sentence. */
  errorText: (error: CodedError) => describeError('en', error),
  loading: 'Loading…',
  working: 'Working…',
  close: 'Close',
  cancel: 'Cancel',
  save: 'Save',
  retry: 'Retry',
  dismiss: 'Dismiss',
  moreNotices: (
    kind: 'fills' | 'partial-fills' | 'session-failure' | 'journal' | 'strategy-stopped',
    count: number,
    accounts: number,
  ) => {
    const what = {
      fills: count === 1 ? 'fill notice' : 'fill notices',
      'partial-fills': count === 1 ? 'partial-fill notice' : 'partial-fill notices',
      'session-failure': count === 1 ? 'session problem' : 'session problems',
      journal: count === 1 ? 'journal notice' : 'journal notices',
      'strategy-stopped': count === 1 ? 'strategy stop' : 'strategy stops',
    }[kind];
    return `${count} more ${what} on ${accounts} ${accounts === 1 ? 'account' : 'accounts'}`;
  },
  moreNoticesHint: 'Fleet and each account’s orders show them all.',
  start: 'Start',
  stop: 'Stop',
  remove: 'Remove',
  none: '—',
  yes: 'yes',
  no: 'no',

  // Fleet (every account on one screen)
  fleet: {
    open: 'Fleet',
    title: 'Fleet',
    back: 'Back to the account',
    totals: (accounts: number, live: number, open: number) =>
      `${accounts} ${accounts === 1 ? 'account' : 'accounts'}, ${live} live, ${open} open ${open === 1 ? 'order' : 'orders'}`,
    countedTotal: (usdt: string) => `counted today ${usdt} USDT`,
    pointsTotal: (points: number) => `${points} volume points`,
    searchPlaceholder: 'Filter by name',
    selected: (n: number) => `${n} selected`,
    selectAllShown: 'Select every account shown',
    selectAccount: (label: string) => `Select ${label}`,
    startSelected: 'Start selected',
    stopSelected: 'Stop selected',
    startAll: (n: number) => `Start all (${n})`,
    stopAll: (n: number) => `Stop all (${n})`,
    allShownHint: 'Every account the filter shows',
    actionFailed: (n: number, message: string) =>
      `${n} ${n === 1 ? 'account' : 'accounts'} could not be changed. ${message}`,
    noAccounts: 'No accounts yet. Add one, or start the demo.',
    noMatch: 'No account matches the filter.',
    col: {
      account: 'Account',
      state: 'State',
      volume: 'Counted today (USDT)',
      points: 'Points',
      wear: 'Wear today (USDT)',
      open: 'Open',
      lastFill: 'Last fill',
      missed: 'Missed',
      health: 'Session',
    },
    volumeHint:
      "Today's (UTC) counted volume (BUY volume × the token's multiplier): the exchange's figure plus fills since its last read.",
    source: {
      exchange: "The exchange's figure (user-score) plus fills since its last read",
      stream: 'Not read from the exchange yet: the fills this app saw today (multiplier 1)',
    } as Record<'exchange' | 'stream', string>,
    wearHint:
      "What today's trading cost: bought − sold + fees − tokens still held (at the fill price). Positive = lost.",
    missedHint:
      'Updates the live stream missed that were recovered over REST (this session); ⚠ N not recovered: orders with a lost fill the exchange does not list either.',
    fillsNotRecovered: (n: number) => `⚠ ${n} not recovered`,
    fillsNotRecoveredTip: (n: number) =>
      `${n} ${n === 1 ? 'order' : 'orders'} with a fill the stream lost that the exchange does not list either (asked three times): this account's counted volume, fees and wear may be short (its total filled is right). Its statistics show them as "Orders with fills not recovered".`,
    fillsNotRecoveredTotal: (n: number) =>
      `${n} ${n === 1 ? 'order' : 'orders'} with fills not recovered`,
    bps: (bps: string) => `${bps} bps`,
    side: { BUY: 'Buy', SELL: 'Sell' } as Record<'BUY' | 'SELL', string>,
    stateName: {
      live: 'Live',
      connecting: 'Connecting',
      reconnecting: 'Reconnecting',
      stopped: 'Stopped',
      'session-expired': 'Session expired',
      'verification-needed': 'Verification needed',
      failed: 'Failed',
    } as Record<FleetState, string>,
    healthName: {
      ok: 'OK',
      'at-risk': 'At risk',
      expired: 'Expired',
      'verification-required': 'Verify',
      unreachable: 'Unreachable',
      unchecked: 'Not checked',
    } as Record<FleetSessionHealthStatus, string>,
    problem: (code: string) => FLEET_PROBLEMS_EN[code] ?? code,
  },

  // Host connection
  hostUnreachableTitle: 'Cannot reach Alpha Monitor',
  hostUnreachableBody:
    'The window lost its connection to the app. If you use the browser host, check that `alpha-monitor serve` is still running, then reload this page.',

  // Welcome
  welcomeTitle: 'Watch your Binance Alpha orders live',
  welcomeLead:
    'Alpha Monitor follows the order-push stream of your Binance Alpha web session: every order, fill and OTO leg as it happens, with reconnects and gap backfill handled for you.',
  tryDemo: 'Try the demo',
  tryDemoHint:
    'A simulated exchange on this computer places and fills orders. Nothing touches Binance.',
  addAccount: 'Add account',
  addAccountHint: 'Paste a “Copy as cURL” of any request from binance.com while you are logged in.',
  startingDemo: 'Starting the demo exchange…',
  welcomePrivacy: 'Cookies and tokens stay in your system keychain and are never shown or logged.',
  welcomePrivacyNoKeychain:
    'This machine has no keychain: sessions you add here are kept in memory for this run only (never shown or logged).',
  noKeychainTitle:
    'No keychain on this machine: accounts added here are kept only while this serve runs.',
  noKeychainHowToKeep: 'How to keep one',
  noKeychainAlternatives: [
    'npx alpha-monitor accounts add --to-file <path> --from-curl - — writes a private credentials file (mode 600) from a pasted cURL',
    'npx alpha-monitor serve --credentials-file <path> — runs that account on every start (or set ALPHA_MONITOR_CREDENTIALS_FILE)',
    'gnome-keyring — install and unlock a Secret Service, then restart serve: accounts stay in the keychain',
  ],

  // Accounts
  accounts: 'Accounts',
  demoBadge: 'demo',
  noAccounts: 'No accounts yet.',
  startMonitor: 'Start watching',
  stopMonitor: 'Stop watching',
  removeAccount: 'Remove',
  confirmRemove: (label: string) => `Remove “${label}” and delete its stored session?`,
  confirmRemoveKeeps: 'Its recorded sessions stay in Sessions until you delete them there.',
  verify: 'Verify',
  verifying: 'Verifying…',
  verifiedAt: (when: string) => `Verified ${when}`,
  stopDemo: 'Stop demo',
  strategyRunningBadge: 'strategy',

  // Add account dialog
  addAccountTitle: 'Add a Binance Alpha account',
  addAccountSteps:
    '1. Open binance.com and log in. 2. Open the developer tools (F12) → Network. 3. Right-click any request to www.binance.com/bapi/… → Copy → Copy as cURL (bash). 4. Paste it below.',
  curlLabel: 'cURL command',
  curlPlaceholder: "curl 'https://www.binance.com/bapi/…' -H 'cookie: …' -H 'csrftoken: …' …",
  labelLabel: 'Name (optional)',
  labelPlaceholder: 'e.g. Main account',
  advanced: 'Advanced: another exchange address',
  restUrlLabel: 'REST URL',
  wsUrlLabel: 'WebSocket URL',
  addAndVerify: 'Add and verify',
  addingAccount: 'Checking the session with the exchange…',
  accountAdded: (label: string) => `“${label}” added and verified.`,
  warnings: 'Worth knowing',
  pasteFoundHeaders: (names: string) => `Headers found: ${names}`,
  pasteFoundCookies: (count: number, names: string) => `Cookies found (${count}): ${names}`,
  pasteFoundNote: 'Only the names are shown; the values stay in the keychain.',
  reimport: 'Re-import',
  reimportTitle: (label: string) => `Fresh session for “${label}”`,
  reimportSteps:
    'Log in on binance.com (tick “stay signed in”), then copy any www.binance.com/bapi/ request as cURL and paste it here. The account keeps its id, name and history; a running monitor restarts on the new session.',
  reimportSubmit: 'Re-import and verify',
  reimported: (label: string) => `“${label}” has a fresh, verified session.`,
  sessionHealth: {
    ok: 'session ok',
    'at-risk': 'session at risk',
    expired: 'session expired',
    'verification-required': 'verification needed',
    unreachable: 'not checked (no answer)',
    unchecked: 'not checked yet',
  } as Record<SessionHealthStatus, string>,
  sessionHealthReason: {
    SHORT_LIVED_COPY:
      'This copy was made without “stay signed in” and may last only hours. Log in with it ticked and re-import.',
    CSRF_MISMATCH:
      'The csrftoken does not belong to this copy’s cr00 cookie (a stale or mixed copy). Re-import a fresh cURL.',
    SESSION_EXPIRED:
      'Binance ended this session (100002001). Did you place an order in the browser? That rotates the tokens; copy a fresh cURL and re-import.',
    VERIFICATION_REQUIRED:
      'Binance asks for the Alpha supplementary verification: finish it in the Binance app.',
    REJECTED: 'Binance refused this session. Log in again and re-import a fresh cURL.',
    UNREACHABLE: 'The last check got no answer from the exchange; the session itself may be fine.',
  } as Record<SessionHealthReason, string>,
  sessionCheckedAt: (time: string) => `checked ${time}`,

  // Connection
  connection: 'Connection',
  state: 'State',
  listenKey: 'Listen key',
  keyAge: 'Key age',
  nextRefresh: 'Next refresh',
  reconnectAttempts: 'Reconnect attempts',
  lastEvent: 'Last event',
  receiveLatency: 'Receive latency',
  sessionStarted: 'Session started',
  timeline: 'Live periods and gaps',
  timelineEmpty: 'Not started yet.',
  live: 'live',
  gap: 'gap',
  gapCount: (n: number) => (n === 1 ? '1 gap' : `${n} gaps`),
  noRefreshStopped: 'none (not watching)',
  stoppedBanner: (when: string) =>
    `Stopped at ${when}. Shown: the session that just ended, as it was when it stopped. It is kept in Sessions.`,
  stoppedNoSession:
    'Not watching this account. Press Start to watch it; its earlier sessions are in Sessions.',
  openInSessions: 'Open in Sessions',
  showInspector: 'Statistics & detail',
  hideInspector: 'Hide',
  inTime: (d: string) => `in ${d}`,
  ago: (d: string) => `${d} ago`,
  overdue: 'due now',
  stateName: {
    idle: 'Not started',
    connecting: 'Connecting',
    subscribing: 'Subscribing',
    live: 'Live',
    reconnecting: 'Reconnecting',
    stopping: 'Stopping',
    stopped: 'Stopped',
    failed: 'Failed',
  },

  // Statuses
  statusName: {
    NEW: 'New',
    PENDING: 'Pending',
    PARTIALLY_FILLED: 'Partially filled',
    FILLED: 'Filled',
    CANCELED: 'Canceled',
    EXPIRED: 'Expired',
    EXPIRED_IN_MATCH: 'Expired (STP)',
    REJECTED: 'Rejected',
    UNRECOGNIZED: 'Unrecognized',
  } satisfies Record<OrderStatus, string>,
  /** The badge's hover text for a status Alpha Monitor does not know (the raw value is shown). */
  unrecognizedStatusTitle: (raw: string) =>
    `Binance sent status ${raw}, which Alpha Monitor does not know. The order is kept open until reconciliation checks it.`,
  sideName: { BUY: 'Buy', SELL: 'Sell' },

  // Charts
  statusDistribution: 'Status distribution',
  byUpdates: 'By updates',
  byOrders: 'By orders',
  fillsOverTime: 'Fills and filled volume',
  fillsAxis: 'Fills',
  volumeAxis: (asset: string) => `Volume (${asset})`,
  noFillsYet: 'No fills yet. Fills appear here as they stream in.',
  noUpdatesYet: 'No order updates yet.',
  perBucket: (d: string) => `per ${d}`,

  // Orders table
  orders: 'Orders',
  ordersCount: (shown: string, total: string) => `${shown} of ${total}`,
  filterText: 'Search order id, client id, symbol…',
  allStatuses: 'All statuses',
  allSides: 'All sides',
  allSymbols: 'All symbols',
  strategyOnly: 'Strategy orders',
  clearFilters: 'Clear filters',
  colCreated: 'Created',
  colUpdated: 'Updated',
  colSymbol: 'Symbol',
  colSide: 'Side',
  colType: 'Type',
  colStatus: 'Status',
  colPrice: 'Price',
  colQuantity: 'Quantity',
  colExecuted: 'Executed',
  colAvgPrice: 'Avg price',
  colOrderId: 'Order id',
  colOto: 'OTO',
  legWorking: 'working',
  legPending: 'pending',
  noOrders: 'No orders yet. They appear here the moment the exchange pushes them.',
  noOrdersMatch: 'No orders match these filters.',
  placedByStrategy: 'Placed by the strategy',

  // Order detail
  orderDetail: 'Order detail',
  selectOrderHint: 'Select an order to see every field.',
  otoPeer: 'Other OTO leg',
  updates: 'Updates',
  firstSeen: 'First seen',
  lastReceived: 'Last received',
  source: 'Source',
  sourceName: { stream: 'stream', backfill: 'backfill (REST after a gap)' },

  // Inspector tabs
  tabStats: 'Statistics',
  tabStrategy: 'Strategy',
  tabDetail: 'Order',

  // Statistics
  statistics: 'Session statistics',
  statUpdatesReceived: 'Order updates received',
  statAccepted: 'accepted',
  statIgnored: 'duplicates ignored',
  statBackfilled: 'backfilled after gaps',
  statOrders: 'Orders',
  statFills: 'Fills',
  statFilledVolume: 'Filled volume',
  statFees: 'Fees',
  statReconnects: 'Reconnects',
  statMalformed: 'Malformed frames',
  missedByStream: 'Missed by stream',
  missedByStreamRecovered: (n: number) => `${n.toLocaleString('en-US')} (recovered over REST)`,
  missedByStreamTip:
    'Updates the live stream should have delivered that a check over REST found instead (recovered; the stream was replaced each time).',
  statusUnknownOrders: 'Status unknown',
  statusUnknownChip: 'status unknown',
  statusUnknownReason: { NOT_OPEN_ON_EXCHANGE: 'not open on the exchange' },
  statusUnknownLastKnown: (status: string) => `last known: ${status}`,
  statusUnknownNote: (reason: string, since: string) =>
    `Status unknown: ${reason} (checked at ${since}). The status shown is the last one received; the next update of this order replaces it.`,
  statusUnknownTip:
    'Not open on the exchange, and neither its history nor its fills say how it ended.',
  fillsNotRecovered: 'Orders with fills not recovered',
  fillsNotRecoveredTip:
    'Orders with a fill the stream lost that the exchange does not list either (asked three times). Their total filled is right; their fills, fees and wear may be short.',
  statLiveTime: 'Time live',
  statUpdatesByStatus: 'Updates by status',
  statOrdersByStatus: 'Orders by status',

  // Export
  exportUpdates: 'Export updates CSV',
  exportOrders: 'Export orders CSV',
  exporting: (rows: string) => `Exporting… ${rows} rows`,
  exportSaved: (rows: string, path: string) => `Saved ${rows} rows to ${path}`,
  exportDownloaded: (rows: string, file: string) => `Downloaded ${file} (${rows} rows)`,
  exportCancelled: 'Export cancelled.',
  exportNoSession: 'Start watching this account first: exports are made from a session journal.',

  // Past sessions
  sessions: 'Sessions',
  sessionsTitle: 'Past sessions',
  sessionsLead:
    'Every time an account is watched, its session is recorded on this computer. Open one to see its orders, charts and statistics as they were, read only, and export them.',
  sessionsEmpty:
    'No sessions yet. Start watching an account (or try the demo); its session appears here.',
  sessionAccount: 'Account',
  sessionStartedAt: 'Started',
  sessionEnded: 'Ended',
  sessionDuration: 'Duration',
  sessionUpdates: 'Updates',
  sessionOrders: 'Orders',
  sessionStatus: 'How it ended',
  sessionStatusName: { live: 'running now', ended: 'stopped cleanly', interrupted: 'cut off' },
  sessionStatusHint: {
    live: 'This session is still being recorded; opening it shows it as of now.',
    ended: 'The session was stopped normally.',
    interrupted:
      'The app stopped without closing this session (a crash, a forced quit or a power loss). Everything recorded until then is kept.',
  },
  sessionOpen: 'Open',
  sessionRunning: 'still running',
  stFieldName: 'unnamed flag',
  stFieldHint:
    'An unnamed field of the exchange: 1 on every frame seen; its meaning is undocumented.',
  sessionDelete: 'Delete',
  sessionDeleteTitle: 'Delete this session?',
  sessionDeleteBody: (account: string, when: string) =>
    `The session of ${account} started ${when} is deleted from this computer: its journal (every order update, the statistics) and the CSV files exported from it that Alpha Monitor keeps. This cannot be undone.`,
  sessionDeleteKeeps: 'Copies you saved or downloaded stay where you put them.',
  sessionDeleted: (n: number) =>
    n === 0
      ? 'Session deleted.'
      : `Session deleted, with ${n === 1 ? '1 exported file' : `${n} exported files`}.`,
  sessionLiveNoDelete: 'Still running: stop the account first, then delete the session.',
  sessionInfo: 'Session',
  sessionBackToLive: 'Back to live',
  sessionReadOnlyBanner: (when: string) => `Viewing a past session, ${when} — read only`,
  sessionTornTail:
    'The last line of this session was cut off mid-write (the app stopped abruptly); everything recorded before it is shown.',
  sessionSkipped: (n: number) => `${n} unreadable line(s) of the session file were skipped.`,
  readOnlyBadge: 'read only',

  // Settings
  settings: 'Settings',
  notifications: 'Notifications',
  notifyOnFill: 'When an order fills',
  notifyOnPartialFill: 'When an order partially fills',
  notifyOnSessionFailure: 'When a session fails (expired, verification needed)',
  language: 'Language',
  theme: 'Theme',
  themeName: { light: 'Light', dark: 'Dark', system: 'Follow system' },
  startMinimizedToTray: 'Start minimized to the tray',
  desktopOnly: '(desktop app)',
  settingsSaved: 'Settings saved.',
  // Alerts to a phone (issue 12)
  alerts: {
    title: 'Alerts to your phone',
    intro:
      'Alpha Monitor can post alerts to a webhook and send them through a Telegram bot. Secrets stay in the keychain.',
    webhook: 'Webhook (JSON POST)',
    webhookUrl: 'Webhook URL',
    webhookUrlInvalid: 'An http:// or https:// URL.',
    webhookSecret: 'Signing secret (optional: X-Alpha-Monitor-Signature header)',
    telegram: 'Telegram bot',
    telegramToken: 'Bot token (from @BotFather)',
    telegramChat: 'Chat id',
    telegramChatInvalid: 'A numeric chat id (groups start with -) or @channelname.',
    secretSet: '(set, in the keychain)',
    secretNotSet: '(not set)',
    saveSecret: 'Save to keychain',
    removeSecret: 'Remove',
    events: 'Send an alert when:',
    kind: {
      fill: 'an order fills (a burst is one message)',
      'strategy-finished': 'a strategy run finishes',
      'strategy-paused': 'a strategy run stops early',
      'wear-limit': 'a strategy hits its wear or loss limit',
      'session-expired': 'a session expires',
      'verification-needed': 'Binance asks for verification',
      'missed-updates': 'the stream missed updates (recovered over REST)',
      'account-down': 'an account is not live for longer than the minutes below',
    },
    demoFills: 'Fill alerts for the demo account too',
    accountDownMinutes: 'Account down after (minutes)',
    accountDownInvalid: 'A whole number from 1 to 1440.',
    rateLimit:
      'At most one message per kind of event per account per minute; what comes in between is merged into the next one.',
    sendTest: 'Send test',
    noChannel: 'Turn on a channel with its URL or chat id first.',
    channelName: { webhook: 'Webhook', telegram: 'Telegram' },
    testSent: (channel: string, target: string) => `${channel}: test sent to ${target}.`,
    testFailed: (channel: string, why: string) => `${channel}: not sent — ${why}`,
    failure: {
      REFUSED:
        'the receiver refused it (check the URL, bot token or chat id; has the chat started the bot?).',
      HTTP_ERROR: 'the receiver had an error; it may work later.',
      NETWORK: 'cannot connect to the receiver.',
      TIMEOUT: 'the receiver did not answer in time.',
      WEBHOOK_URL_MISSING: 'no webhook URL is set.',
      TELEGRAM_CHAT_MISSING: 'no chat id is set.',
      TELEGRAM_TOKEN_MISSING: 'no bot token is in the keychain.',
    } as Record<string, string>,
  },
  monitoring: 'Monitoring',
  reconcileInterval: 'Check orders over REST every (seconds)',
  reconcileIntervalHint:
    'While an order is open, each monitor compares its orders with the exchange this often (every 15 min otherwise). Applies to monitors started after the change; restart a running one to use it.',
  reconcileIntervalInvalid: (min: number, max: number) =>
    `A whole number of seconds from ${min} to ${max}.`,

  // Strategy
  strategy: 'Volume strategy',
  strategyLead:
    'Places OTO orders (buy, then sell) until today’s Alpha volume, or volume points, reach the target.',
  token: 'Token',
  chain: 'Chain',
  targetVolume: 'Target volume (USDT)',
  targetKind: 'Target',
  targetKindVolume: 'Volume (USDT)',
  targetKindPoints: 'Volume points today',
  targetPoints: 'Target points today',
  amountPerTrade: 'Amount per trade (USDT)',
  intervalSec: 'Pause between trades (s)',
  buyOffsetPct: 'Buy offset (%)',
  sellOffsetPct: 'Sell offset (%)',
  timeoutSec: 'Fill timeout (s)',
  maxLoss: 'Stop at loss (USDT)',
  maxWearBps: 'Stop at wear (bps)',
  maxMovePct: 'Stop at price move (%)',
  noLimit: 'no limit',
  sellLeftovers: 'Sell the tokens a run leaves at the end (above dust)',
  cancelPending: 'Cancel a pending sell left open at the end',
  dryRun: 'Dry run (place nothing)',
  startStrategy: 'Start strategy',
  stopStrategy: 'Stop strategy',
  stoppingStrategy: 'Stopping: cancelling our open orders…',
  liveRunWarning: 'This places real orders with real money on this account.',
  confirmLiveRun: (token: string, volume: string, amount: string) =>
    `Place real OTO orders on ${token} for ${volume} USDT of volume, ${amount} USDT per trade?`,
  progressVolume: 'Volume',
  progressTrades: 'Trades',
  progressFills: 'Fills',
  progressFees: 'Fees',
  progressWear: 'Wear',
  progressPoints: 'Volume points today',
  progressCostPerPoint: 'Cost per point',
  wearPhrase: (amount: string, bps: string) => `wear ${amount} USDT (${bps} bps)`,
  estimateLoading: 'Reading today’s volume…',
  estimateToday: (done: string, target: string, token: string, points: number | null) =>
    `Today ${done} of ${target} USDT on ${token}${points === null ? '' : ` · ${points} volume points`}`,
  estimatePlan: (trades: number, wear: string) =>
    `about ${trades} trade(s), expected wear ${wear} USDT`,
  targetMetVolume: (done: string, target: string) =>
    `Target already met today: ${done} of ${target} USDT.`,
  targetMetPoints: (points: number, target: number) =>
    `Target already met today: ${points} of ${target} volume points.`,
  targetMetFix: 'Start would place nothing. Raise the target to trade.',
  runState: {
    starting: 'Starting',
    running: 'Running',
    stopping: 'Stopping',
    finished: 'Finished',
    failed: 'Stopped with an error',
  },
  leftovers: (l: StrategyLeftoversView) => {
    switch (l.outcome) {
      case 'sold':
        return `Leftovers: sold ${l.quantity} for ${l.quoteUsdt ?? '—'} USDT, fee ${leftoverFeeText(l, ' (not valued in USDT)')} (#${l.orderId ?? '—'}).`;
      case 'unsold':
        if (l.code === 'SELL_CANCEL_UNCONFIRMED')
          return `Leftovers: the SELL of ${l.quantity} (#${l.orderId ?? '—'}) did not fill in time and its cancel was not confirmed: it may still be open; check the open orders on Binance.`;
        if (l.code === 'SELL_ENDED_UNSEEN')
          return `Leftovers: the SELL of ${l.quantity} (#${l.orderId ?? '—'}) is no longer open, but no update said how it ended (it may have filled); check the wallet.`;
        return l.quoteUsdt !== null
          ? `Leftovers: the SELL of ${l.quantity} (#${l.orderId ?? '—'}) sold ${l.soldQuantity} for ${l.quoteUsdt} USDT, fee ${leftoverFeeText(l, ' (not valued in USDT)')}, then did not fill and was cancelled; the rest is still in the wallet.`
          : `Leftovers: the SELL of ${l.quantity} (#${l.orderId ?? '—'}) did not fill and was cancelled; the tokens are still in the wallet.`;
      case 'dust':
        return `Leftovers: ${l.quantity} left, below the minimum order (dust): not sold.`;
      case 'none':
        return 'Leftovers: none, the run left no tokens to sell.';
      case 'failed':
        return `Leftovers: not sold (${l.code ?? '—'}); check the wallet.`;
    }
  },
  fieldProblem: (field: string, problem: FieldProblem, range: string) => {
    switch (problem) {
      case 'required':
        return `${field}: enter a value.`;
      case 'not-a-number':
        return `${field} must be a number like 20 or 10.5.`;
      case 'negative':
        return `${field} must not be negative.`;
      case 'not-positive':
        return `${field} must be above 0.`;
      case 'out-of-range':
        return `${field} must be in ${range}.`;
      case 'not-whole':
        return `${field} must be a whole number.`;
    }
  },
  strategyNeedsAccount: 'Select an account to run the strategy on.',
  /** Why a run failed: what to do after an account stop, else its reason. */
  strategyRunError: (error: StrategyRunError) =>
    isAccountStopCode(error.code)
      ? accountStopAdvice('en', error.code)
      : `Stopped: ${describeStrategyReason('en', error.reason)}.`,
  strategyStatus: (status: StrategyStatus) => {
    switch (status.code) {
      case 'WAITING_FOR_STREAM':
        return 'Waiting for the order stream to be live…';
      case 'PREPARING':
        return 'Resolving the token and reading today’s volume…';
      case 'TRADE_PLACED':
        return `Trade ${status.trade} placed.`;
      case 'TRADE_FAILED':
        return `Trade ${status.trade} failed: ${describeStrategyReason('en', status.reason)}.`;
      case 'LEG_TIMEOUT':
        return `Trade ${status.trade}: the ${status.leg === 'working' ? 'buy' : 'sell'} did not fill in time.`;
      case 'TARGET_REACHED':
        return status.trades === 0
          ? 'Target already met today: nothing was placed.'
          : 'Target reached.';
      case 'DRY_RUN':
        return 'Dry run: no order was placed.';
      case 'STOPPED':
        return 'Stopped.';
      case 'STOPPED_BEFORE_FIRST_ORDER':
        return 'Stopped before the first order.';
      case 'FAILED':
        return 'The run stopped early.';
    }
  },

  // Errors: what happened is the message; what to do depends on the code.
  errorTitle: 'Something went wrong',
  whatToDo: 'What to do',
  errorHint: {
    HOST_TOKEN_MISSING:
      'This page needs the access token. In the terminal where `alpha-monitor serve` runs, open the full address it printed (it ends in ?token=…).',
    INVALID_ENDPOINT:
      'Use https:// and wss:// addresses, or http:// and ws:// to this machine only (127.0.0.1, localhost), for example a simulator.',
    INVALID_CREDENTIALS:
      'A header or cookie of this session holds a character browsers never send (often from a retyped or reformatted paste). Copy a fresh cURL command and add the account again.',
    UNSENDABLE_CHARACTER:
      'The pasted command holds a character browsers never send in a header or cookie. Copy it again with Copy as cURL (bash) and paste it unchanged.',
    SESSION_EXPIRED:
      'Your Binance login has expired (an order placed in the browser also rotates the tokens). Log in on binance.com again, copy a fresh cURL command and add it again (on an existing account: Re-import, which keeps its history).',
    VERIFICATION_REQUIRED:
      'Binance asks for supplementary verification. Complete it in the Binance app or website, then try again.',
    RISK_CHALLENGE:
      'Binance wants a security check (2FA). Place one order on binance.com by hand, then try again.',
    CURL_PARSE_ERROR:
      'In the browser’s Network tab, right-click a request to www.binance.com → Copy → Copy as cURL (bash), and paste all of it.',
    EMPTY_INPUT: 'Paste the whole cURL command copied from the browser.',
    NOT_CURL:
      'In the browser’s Network tab, right-click a request to www.binance.com → Copy → Copy as cURL (bash), and paste all of it.',
    MALFORMED_CURL:
      'The command looks cut off. Copy it again with Copy as cURL (bash) and paste all of it.',
    NOT_BINANCE_REQUEST:
      'Copy a request that goes to www.binance.com/bapi/… (not another site). To use another exchange address, open “Advanced”.',
    NO_COOKIE:
      'The request has no cookies: make sure you are logged in on binance.com, then copy a request again.',
    INCOMPLETE_CURL:
      'The paste stops before the cookies (its last line ends with a line continuation). Copy the whole command again and paste all of it.',
    NO_CSRFTOKEN:
      'Copy a request to www.binance.com/bapi/… made while logged in: those carry the csrftoken header.',
    MISSING_SESSION_COOKIES:
      'Log in on binance.com again, then copy a fresh request: some session cookies are missing.',
    MISSING_SESSION_HEADERS:
      'Copy a request to www.binance.com/bapi/… (not a page or image): it carries the session headers.',
    CREDENTIALS_MISSING:
      'The stored session is gone from the keychain. Remove the account and add it again.',
    ACCOUNTS_FILE_WRITE_FAILED:
      'Alpha Monitor could not save the account. Check that its data folder is writable and the disk is not full.',
    RECONNECTING:
      'Nothing: Alpha Monitor reconnects by itself and fetches whatever it missed meanwhile.',
    NETWORK:
      'Check your internet connection (or that the exchange address is right), then try again.',
    TIMEOUT: 'The exchange did not answer in time. Try again in a moment.',
    DISCONNECTED: 'The connection to the app was lost. Reload the page or restart Alpha Monitor.',
    DISK_FULL:
      'The disk is full. Free some space, then try again; nothing recorded so far was lost.',
    INVALID_REQUEST: 'Check the values you entered.',
    SESSION_LIVE: 'Stop the account first (Stop in the accounts list), then delete the session.',
    POINTS_NOT_RUNNING: 'Start the account (Start in the accounts list), then export again.',
    SESSION_NOT_FOUND:
      'The session file is gone (deleted or moved). Go back to the list and pick another session.',
    ACCOUNT_NOT_FOUND: 'The account was removed. Pick another account.',
    TOKEN_NOT_FOUND:
      'Check the token symbol and chain as Binance Alpha lists them (e.g. KOGE on BSC, ALEO on BSC), then change the fields.',
    TOKEN_AMBIGUOUS:
      'Several tokens share this symbol on this chain: pick the chain by its id (e.g. 56).',
    TOKEN_OFFLINE: 'The token is offline on Binance Alpha: pick another token.',
    TOKEN_SELL_SUSPENDED:
      'Selling this token is suspended, so the pending SELL could not be placed: pick another token.',
    TOO_MANY_TRADES: 'Lower the target or raise the amount per trade.',
    FILTER_VIOLATION: 'Change the amount per trade to fit the rule named above.',
    POINTS_UNAVAILABLE:
      'Today’s points could not be read: use a volume target, or try again in a minute.',
    INSUFFICIENT_BALANCE:
      'Add USDT to the funding wallet or lower the amount per trade, then start again. Nothing was retried.',
    MAX_WEAR_TRADE: 'Wider offsets or a calmer market wear less; raise the wear limit to go on.',
    MAX_WEAR_RUN: 'Wider offsets or a calmer market wear less; raise the wear limit to go on.',
    PRICE_MOVED: 'The market moves fast: wait, or raise the price-move limit, then start again.',
    MAX_LOSS: 'Raise the loss limit to go on.',
    TOO_MANY_FAILURES: 'See the reason above; the run stops after 3 failed trades in a row.',
    default: 'Try again. If it keeps happening, restart Alpha Monitor and check its log.',
  } satisfies ErrorHints as ErrorHints,
  copyCode: (code: string) => `Error code ${code}`,

  // Alpha points and wear (the points card, the per-day export, the target setting)
  points: {
    title: 'Alpha points',
    notRunning: 'Start the monitor to read the points from the exchange.',
    stopped: 'Monitor stopped: the last figures read.',
    today: 'Today',
    todayValue: (volume: number, balance: number, total: number) =>
      `${volume} volume + ${balance} balance = ${total} points`,
    target: (points: number) => `Target ${points}`,
    targetReached: 'reached',
    targetToGo: (buy: string, token: string) => `${buy} USDT of buys on ${token} to go`,
    countedToGo: (counted: string) => `${counted} USDT counted to go`,
    counted: 'Counted volume',
    sourceExchange: '(exchange)',
    sourceProjected: '(projected from today’s fills)',
    difference: 'Difference',
    differenceValue: (diff: string, projected: string) =>
      `the exchange’s figure differs from today’s fills (${projected} USDT) by ${diff} USDT; the exchange’s is used`,
    nextPoint: (points: number) => `Point ${points}`,
    nextPointValue: (buy: string, token: string, mulPoint: number, threshold: string) =>
      `${buy} USDT of buys on ${token} (mulPoint ${mulPoint}) · at ${threshold} USDT counted`,
    wearToday: 'Wear today',
    costPerPoint: 'Cost per point (USDT)',
    window: '15 days',
    windowValue: (earned: number, spent: number, sum: number) =>
      `${earned} earned − ${spent} spent = ${sum}`,
    dayEnds: 'Until 00:00 UTC',
    exportByDay: 'Export points by day',
    exportByDayHint: 'One row per UTC day: volume, counted volume, points, wear, cost per point',
    targetSetting: 'Daily target (volume points)',
    targetSettingHint: '15 volume points = 32,768 USDT counted (8,192 USDT of buys at mulPoint 4).',
    targetSettingInvalid: (min: number, max: number) => `A whole number from ${min} to ${max}.`,
  },
};

/** The shape every language table has. */
export type Messages = typeof en;

/** Fleet tooltips: why an account is not live, by code. */
const FLEET_PROBLEMS_EN: Record<string, string> = {
  SESSION_EXPIRED: 'The session expired (100002001). Copy a fresh cURL and re-import it.',
  VERIFICATION_REQUIRED: 'Binance asks for a verification. Finish it in the Binance app.',
  RISK_CHALLENGE: 'Binance asks for a 2FA check on orders.',
  RECONNECTING: 'Reconnecting by itself.',
  SHORT_LIVED_COPY: 'Copied without “stay signed in”: may last only hours.',
  CSRF_MISMATCH: 'The csrftoken does not belong to these cookies.',
  UNREACHABLE: 'The exchange did not answer the last check.',
  REJECTED: 'The exchange refused the last check.',
};
