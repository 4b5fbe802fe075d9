import { describeReason } from '../../../shared/reasons/reason-text.ts';
import { describeError } from './error-text.ts';
import { leftoverFeeText, type Messages } from './messages-en.ts';
import { accountStopAdvice, isAccountStopCode } from '../../../shared/reasons/account-stop.ts';
import { describeStrategyReason } from '../../../shared/reasons/strategy-reason-text.ts';

/** 简体中文界面文字。键与 messages-en.ts 完全一致（由 `Messages` 类型检查）。 */
export const zhCN: Messages = {
  appName: 'Alpha Monitor',
  reason: (reason) => describeReason('zh-CN', reason),
  errorText: (error) => describeError('zh-CN', error),
  loading: '加载中…',
  working: '处理中…',
  close: '关闭',
  cancel: '取消',
  save: '保存',
  retry: '重试',
  dismiss: '知道了',
  moreNotices: (kind, count: number, accounts: number) => {
    const what = {
      fills: '成交通知',
      'partial-fills': '部分成交通知',
      'session-failure': '会话问题',
      journal: '日志通知',
      'strategy-stopped': '策略停止',
    }[kind];
    return `另有 ${count} 条${what}，涉及 ${accounts} 个账户`;
  },
  moreNoticesHint: '总览和各账户的订单中可查看全部。',
  start: '开始',
  stop: '停止',
  remove: '删除',
  none: '—',
  yes: '是',
  no: '否',

  // 账户总览
  fleet: {
    open: '总览',
    title: '账户总览',
    back: '返回账户',
    totals: (accounts: number, live: number, open: number) =>
      `${accounts} 个账户，${live} 个在线，${open} 个挂单`,
    countedTotal: (usdt: string) => `今日计入 ${usdt} USDT`,
    pointsTotal: (points: number) => `交易量积分 ${points}`,
    searchPlaceholder: '按名称筛选',
    selected: (n: number) => `已选 ${n} 个`,
    selectAllShown: '选择显示的全部账户',
    selectAccount: (label: string) => `选择 ${label}`,
    startSelected: '启动所选',
    stopSelected: '停止所选',
    startAll: (n: number) => `全部启动（${n}）`,
    stopAll: (n: number) => `全部停止（${n}）`,
    allShownHint: '筛选后显示的全部账户',
    actionFailed: (n: number, message: string) => `${n} 个账户未能更改。${message}`,
    noAccounts: '还没有账户。请添加账户，或启动演示。',
    noMatch: '没有符合筛选条件的账户。',
    col: {
      account: '账户',
      state: '状态',
      volume: '今日计入（USDT）',
      points: '积分',
      wear: '今日磨损（USDT）',
      open: '挂单',
      lastFill: '最近成交',
      missed: '漏推',
      health: '会话',
    },
    volumeHint:
      '今日（UTC）计入交易量（买入成交额 × 代币倍数）：交易所上次读取的数字加上此后的成交。',
    source: {
      exchange: '交易所的数字（user-score）加上次读取后的成交',
      stream: '尚未从交易所读取：本应用今日看到的成交（倍数按 1）',
    },
    wearHint: '今日交易的成本：买入 − 卖出 + 手续费 − 仍持有的代币（按成交价）。正数为亏损。',
    missedHint:
      '实时推送漏掉、经 REST 补回的更新（本次会话）；⚠ N 个未找回：丢失的成交在交易所的成交记录中也没有的订单。',
    fillsNotRecovered: (n: number) => `⚠ ${n} 个未找回`,
    fillsNotRecoveredTip: (n: number) =>
      `${n} 个订单有一笔成交推送流丢失、交易所的成交记录中也没有（已查询 3 次）：此账户的计入交易量、手续费和磨损可能偏少（已成交总量正确）。账户的统计中显示为“成交未找回的订单”。`,
    fillsNotRecoveredTotal: (n: number) => `成交未找回的订单 ${n} 个`,
    bps: (bps: string) => `${bps} 基点`,
    side: { BUY: '买入', SELL: '卖出' },
    stateName: {
      live: '在线',
      connecting: '连接中',
      reconnecting: '重连中',
      stopped: '已停止',
      'session-expired': '会话已过期',
      'verification-needed': '需要验证',
      failed: '失败',
    },
    healthName: {
      ok: '正常',
      'at-risk': '有风险',
      expired: '已过期',
      'verification-required': '需验证',
      unreachable: '无法连接',
      unchecked: '未检查',
    },
    problem: (code: string) => FLEET_PROBLEMS_ZH[code] ?? code,
  },

  hostUnreachableTitle: '无法连接 Alpha Monitor',
  hostUnreachableBody:
    '窗口与应用的连接已断开。如果使用浏览器访问，请确认 `alpha-monitor serve` 仍在运行，然后刷新本页。',

  welcomeTitle: '实时查看你的币安 Alpha 订单',
  welcomeLead:
    'Alpha Monitor 订阅你的币安 Alpha 网页会话的订单推送：每一笔订单、成交和 OTO 子单都实时呈现，断线重连和缺口补齐自动完成。',
  tryDemo: '体验演示',
  tryDemoHint: '在本机运行一个模拟交易所，自动下单和成交，不会连接币安。',
  addAccount: '添加账户',
  addAccountHint: '登录 binance.com 后，复制任意请求的 “Copy as cURL” 粘贴即可。',
  startingDemo: '正在启动演示交易所…',
  welcomePrivacyNoKeychain:
    '本机没有钥匙串：在这里添加的会话只在本次运行期间保存在内存中（从不显示或记录）。',
  noKeychainTitle: '本机没有钥匙串：在这里添加的账户只在本次 serve 运行期间保留。',
  noKeychainHowToKeep: '如何保留账户',
  noKeychainAlternatives: [
    'npx alpha-monitor accounts add --to-file <路径> --from-curl - — 用粘贴的 cURL 写出私有凭据文件（权限 600）',
    'npx alpha-monitor serve --credentials-file <路径> — 每次启动都运行该账户（或设置 ALPHA_MONITOR_CREDENTIALS_FILE）',
    'gnome-keyring — 安装并解锁 Secret Service 后重启 serve：账户会保存在钥匙串中',
  ],
  welcomePrivacy: 'Cookie 和令牌保存在系统钥匙串中，从不显示或写入日志。',

  accounts: '账户',
  demoBadge: '演示',
  noAccounts: '还没有账户。',
  startMonitor: '开始监控',
  stopMonitor: '停止监控',
  removeAccount: '删除',
  confirmRemove: (label: string) => `删除“${label}”并清除已保存的会话？`,
  confirmRemoveKeeps: '它已记录的会话仍保留在“会话”中，直到你在那里删除。',
  verify: '验证',
  verifying: '验证中…',
  verifiedAt: (when: string) => `已于 ${when} 验证`,
  stopDemo: '停止演示',
  strategyRunningBadge: '策略',

  addAccountTitle: '添加币安 Alpha 账户',
  addAccountSteps:
    '1. 打开 binance.com 并登录。2. 打开开发者工具（F12）→ 网络。3. 右键任意发往 www.binance.com/bapi/… 的请求 → 复制 → 复制为 cURL (bash)。4. 粘贴到下方。',
  curlLabel: 'cURL 命令',
  curlPlaceholder: "curl 'https://www.binance.com/bapi/…' -H 'cookie: …' -H 'csrftoken: …' …",
  labelLabel: '名称（可选）',
  labelPlaceholder: '例如：主账户',
  advanced: '高级：其他交易所地址',
  restUrlLabel: 'REST 地址',
  wsUrlLabel: 'WebSocket 地址',
  addAndVerify: '添加并验证',
  addingAccount: '正在向交易所验证会话…',
  accountAdded: (label: string) => `已添加并验证“${label}”。`,
  warnings: '提示',
  pasteFoundHeaders: (names: string) => `找到的请求头：${names}`,
  pasteFoundCookies: (count: number, names: string) => `找到的 Cookie（${count} 个）：${names}`,
  pasteFoundNote: '这里只显示名称；值保存在钥匙串中。',
  reimport: '重新导入',
  reimportTitle: (label: string) => `为“${label}”导入新会话`,
  reimportSteps:
    '在 binance.com 登录（勾选“保持登录”），然后把任意 www.binance.com/bapi/ 请求复制为 cURL 并粘贴到这里。账户保留其 id、名称和历史；正在运行的监控会用新会话重新启动。',
  reimportSubmit: '重新导入并验证',
  reimported: (label: string) => `“${label}”已换上经过验证的新会话。`,
  sessionHealth: {
    ok: '会话正常',
    'at-risk': '会话有风险',
    expired: '会话已失效',
    'verification-required': '需要补充认证',
    unreachable: '未检查（无应答）',
    unchecked: '尚未检查',
  },
  sessionHealthReason: {
    SHORT_LIVED_COPY:
      '此副本复制时未勾选“保持登录”，可能只能维持几个小时。请勾选后重新登录并重新导入。',
    CSRF_MISMATCH:
      'csrftoken 与此副本的 cr00 Cookie 不匹配（过期或混合的副本）。请重新导入新的 cURL。',
    SESSION_EXPIRED:
      '币安已结束此会话（100002001）。您是否在浏览器中下过单？这会轮换令牌；请复制新的 cURL 并重新导入。',
    VERIFICATION_REQUIRED: '币安要求完成 Alpha 补充认证：请在币安 App 中完成。',
    REJECTED: '币安拒绝了此会话。请重新登录并重新导入新的 cURL。',
    UNREACHABLE: '上次检查时交易所没有应答；会话本身可能没问题。',
  },
  sessionCheckedAt: (time: string) => `检查于 ${time}`,

  connection: '连接',
  state: '状态',
  listenKey: 'Listen key',
  keyAge: '密钥时长',
  nextRefresh: '下次续期',
  reconnectAttempts: '重连次数',
  lastEvent: '最近事件',
  receiveLatency: '接收延迟',
  sessionStarted: '会话开始',
  timeline: '在线时段与中断',
  timelineEmpty: '尚未开始。',
  live: '在线',
  gap: '中断',
  gapCount: (n: number) => `${n} 次中断`,
  noRefreshStopped: '无（未在监控）',
  stoppedBanner: (when: string) =>
    `已于 ${when} 停止。当前显示：刚结束的会话，保持停止时的样子。它保存在“会话”中。`,
  stoppedNoSession: '未在监控此账户。点击“开始”进行监控；之前的会话在“会话”中。',
  openInSessions: '在“会话”中打开',
  showInspector: '统计与详情',
  hideInspector: '隐藏',
  inTime: (d: string) => `${d}后`,
  ago: (d: string) => `${d}前`,
  overdue: '即将进行',
  stateName: {
    idle: '未开始',
    connecting: '连接中',
    subscribing: '订阅中',
    live: '在线',
    reconnecting: '重连中',
    stopping: '停止中',
    stopped: '已停止',
    failed: '失败',
  },

  statusName: {
    NEW: '新订单',
    PENDING: '待触发',
    PARTIALLY_FILLED: '部分成交',
    FILLED: '已成交',
    CANCELED: '已撤销',
    EXPIRED: '已过期',
    EXPIRED_IN_MATCH: '过期（自成交）',
    REJECTED: '已拒绝',
    UNRECOGNIZED: '未识别的状态',
  },
  unrecognizedStatusTitle: (raw) =>
    `币安发送了状态 ${raw}，Alpha Monitor 不认识该状态。在对账核实之前，该订单保持为未结束。`,
  sideName: { BUY: '买入', SELL: '卖出' },

  statusDistribution: '订单状态分布',
  byUpdates: '按更新',
  byOrders: '按订单',
  fillsOverTime: '成交笔数与成交额',
  fillsAxis: '成交笔数',
  volumeAxis: (asset: string) => `成交额（${asset}）`,
  noFillsYet: '暂无成交。成交推送到达后会显示在这里。',
  noUpdatesYet: '暂无订单更新。',
  perBucket: (d: string) => `每 ${d}`,

  orders: '订单',
  ordersCount: (shown: string, total: string) => `${shown} / ${total}`,
  filterText: '搜索订单号、客户端 ID、交易对…',
  allStatuses: '全部状态',
  allSides: '全部方向',
  allSymbols: '全部交易对',
  strategyOnly: '策略订单',
  clearFilters: '清除筛选',
  colCreated: '创建时间',
  colUpdated: '更新时间',
  colSymbol: '交易对',
  colSide: '方向',
  colType: '类型',
  colStatus: '状态',
  colPrice: '价格',
  colQuantity: '数量',
  colExecuted: '已成交',
  colAvgPrice: '成交均价',
  colOrderId: '订单号',
  colOto: 'OTO',
  legWorking: '工作单',
  legPending: '待触发单',
  noOrders: '暂无订单。交易所推送后会立即显示。',
  noOrdersMatch: '没有符合筛选条件的订单。',
  placedByStrategy: '由策略下单',

  orderDetail: '订单详情',
  selectOrderHint: '选择一笔订单查看全部字段。',
  otoPeer: '另一条 OTO 子单',
  updates: '更新次数',
  firstSeen: '首次收到',
  lastReceived: '最近收到',
  source: '来源',
  sourceName: { stream: '推送', backfill: '补齐（断线后 REST 查询）' },

  tabStats: '统计',
  tabStrategy: '策略',
  tabDetail: '订单',

  statistics: '会话统计',
  statUpdatesReceived: '总订单更新数',
  statAccepted: '有效',
  statIgnored: '重复已忽略',
  statBackfilled: '断线后补齐',
  statOrders: '订单数',
  statFills: '成交笔数',
  statFilledVolume: '成交额',
  statFees: '手续费',
  statReconnects: '重连次数',
  statMalformed: '无法解析的消息',
  missedByStream: '推送遗漏',
  missedByStreamRecovered: (n: number) => `${n.toLocaleString('en-US')}（已通过 REST 补回）`,
  missedByStreamTip: '实时推送本应送达、却由 REST 核对发现的更新（已补回；每次都会更换推送连接）。',
  statusUnknownOrders: '状态未知',
  statusUnknownChip: '状态未知',
  statusUnknownReason: { NOT_OPEN_ON_EXCHANGE: '交易所上不是未完成订单' },
  statusUnknownLastKnown: (status: string) => `最后已知：${status}`,
  statusUnknownNote: (reason: string, since: string) =>
    `状态未知：${reason}（核对于 ${since}）。显示的是最后收到的状态；该订单的下一次更新会替换它。`,
  statusUnknownTip: '交易所上已不是未完成订单，历史记录和成交记录也无法说明其结果。',
  fillsNotRecovered: '成交未找回的订单',
  fillsNotRecoveredTip:
    '推送流丢失了其中一笔成交、交易所的成交记录中也没有的订单（已查询 3 次）。已成交总量正确，成交明细、手续费和磨损可能偏少。',
  statLiveTime: '在线时长',
  statUpdatesByStatus: '订单状态分布（按更新）',
  statOrdersByStatus: '订单状态分布（按订单）',

  exportUpdates: '导出更新 CSV',
  exportOrders: '导出订单 CSV',
  exporting: (rows: string) => `正在导出… ${rows} 行`,
  exportSaved: (rows: string, path: string) => `已保存 ${rows} 行到 ${path}`,
  exportDownloaded: (rows: string, file: string) => `已下载 ${file}（${rows} 行）`,
  exportCancelled: '已取消导出。',
  exportNoSession: '请先开始监控此账户：导出内容来自会话日志。',

  sessions: '会话记录',
  sessionsTitle: '历史会话',
  sessionsLead:
    '每次监控账户时，会话都会记录在本机。打开一条即可只读查看当时的订单、图表和统计，并可导出。',
  sessionsEmpty: '还没有会话。开始监控一个账户（或试用演示）后，会话会显示在这里。',
  sessionAccount: '账户',
  sessionStartedAt: '开始时间',
  sessionEnded: '结束时间',
  sessionDuration: '时长',
  sessionUpdates: '更新数',
  sessionOrders: '订单数',
  sessionStatus: '结束方式',
  sessionStatusName: { live: '正在运行', ended: '正常停止', interrupted: '意外中断' },
  sessionStatusHint: {
    live: '该会话仍在记录中；打开后显示截至现在的内容。',
    ended: '该会话已正常停止。',
    interrupted: '应用未正常关闭该会话（崩溃、强制退出或断电）。此前记录的内容都已保留。',
  },
  sessionOpen: '打开',
  sessionRunning: '仍在运行',
  stFieldName: '未命名标志',
  stFieldHint: '交易所的一个未命名字段：所见每帧均为 1；含义未公开。',
  sessionDelete: '删除',
  sessionDeleteTitle: '删除此会话？',
  sessionDeleteBody: (account: string, when: string) =>
    `将从本机删除 ${account} 于 ${when} 开始的会话：其日志（每条订单更新、统计）以及 Alpha Monitor 保存的由它导出的 CSV 文件。此操作无法撤销。`,
  sessionDeleteKeeps: '你另存或下载的副本保留在原处。',
  sessionDeleted: (n: number) => (n === 0 ? '会话已删除。' : `会话已删除，连同 ${n} 个导出文件。`),
  sessionLiveNoDelete: '仍在运行：请先停止该账户，再删除会话。',
  sessionInfo: '会话',
  sessionBackToLive: '返回实时',
  sessionReadOnlyBanner: (when: string) => `正在查看历史会话，${when} — 只读`,
  sessionTornTail: '该会话的最后一行在写入时被截断（应用意外停止）；此前记录的内容均已显示。',
  sessionSkipped: (n: number) => `已跳过会话文件中 ${n} 行无法读取的内容。`,
  readOnlyBadge: '只读',

  settings: '设置',
  notifications: '通知',
  notifyOnFill: '订单完全成交时',
  notifyOnPartialFill: '订单部分成交时',
  notifyOnSessionFailure: '会话失败时（登录过期、需要验证）',
  language: '语言',
  theme: '主题',
  themeName: { light: '浅色', dark: '深色', system: '跟随系统' },
  startMinimizedToTray: '启动时最小化到托盘',
  desktopOnly: '（桌面版）',
  settingsSaved: '设置已保存。',
  // Alerts to a phone (issue 12)
  alerts: {
    title: '手机提醒',
    intro:
      'Alpha Monitor 可以把提醒发送到 Webhook，或通过 Telegram 机器人发送。密钥保存在钥匙串中。',
    webhook: 'Webhook（JSON POST）',
    webhookUrl: 'Webhook 地址',
    webhookUrlInvalid: '须为 http:// 或 https:// 地址。',
    webhookSecret: '签名密钥（可选：X-Alpha-Monitor-Signature 请求头）',
    telegram: 'Telegram 机器人',
    telegramToken: '机器人令牌（来自 @BotFather）',
    telegramChat: '聊天 ID',
    telegramChatInvalid: '数字聊天 ID（群组以 - 开头）或 @频道名。',
    secretSet: '（已设置，保存在钥匙串中）',
    secretNotSet: '（未设置）',
    saveSecret: '保存到钥匙串',
    removeSecret: '删除',
    events: '以下情况发送提醒：',
    kind: {
      fill: '订单成交（一连串成交合为一条消息）',
      'strategy-finished': '策略运行完成',
      'strategy-paused': '策略运行提前停止',
      'wear-limit': '策略达到磨损或亏损上限',
      'session-expired': '会话过期',
      'verification-needed': '币安要求验证',
      'missed-updates': '推送漏掉了更新（已通过 REST 补回）',
      'account-down': '账户非实时状态超过下面的分钟数',
    },
    demoFills: '演示账户的成交也提醒',
    accountDownMinutes: '账户中断多少分钟后提醒',
    accountDownInvalid: '1 到 1440 之间的整数。',
    rateLimit: '每个账户每种事件每分钟最多一条消息；期间的其他事件合并到下一条。',
    sendTest: '发送测试',
    noChannel: '请先开启一个通道并填写地址或聊天 ID。',
    channelName: { webhook: 'Webhook', telegram: 'Telegram' },
    testSent: (channel: string, target: string) => `${channel}：测试消息已发送到 ${target}。`,
    testFailed: (channel: string, why: string) => `${channel}：未发送——${why}`,
    failure: {
      REFUSED: '接收方拒绝（请检查地址、机器人令牌或聊天 ID；该聊天是否已启动机器人？）。',
      HTTP_ERROR: '接收方出错，稍后可能恢复。',
      NETWORK: '无法连接接收方。',
      TIMEOUT: '接收方未及时响应。',
      WEBHOOK_URL_MISSING: '未设置 Webhook 地址。',
      TELEGRAM_CHAT_MISSING: '未设置聊天 ID。',
      TELEGRAM_TOKEN_MISSING: '钥匙串中没有机器人令牌。',
    },
  },
  monitoring: '监控',
  reconcileInterval: '通过 REST 核对订单的间隔（秒）',
  reconcileIntervalHint:
    '有未完成订单时，每个监控按此间隔与交易所核对订单（否则每 15 分钟一次）。修改后对之后启动的监控生效；正在运行的监控需重新启动才会使用新值。',
  reconcileIntervalInvalid: (min: number, max: number) => `请输入 ${min} 到 ${max} 之间的整数秒。`,

  strategy: '刷量策略',
  strategyLead: '循环下 OTO 订单（先买后卖），直到今日 Alpha 交易量或交易量积分达到目标。',
  token: '代币',
  chain: '链',
  targetVolume: '目标交易量（USDT）',
  targetKind: '目标',
  targetKindVolume: '交易量（USDT）',
  targetKindPoints: '今日交易量积分',
  targetPoints: '今日目标积分',
  amountPerTrade: '每笔金额（USDT）',
  intervalSec: '每笔间隔（秒）',
  buyOffsetPct: '买入价偏移（%）',
  sellOffsetPct: '卖出价偏移（%）',
  timeoutSec: '成交超时（秒）',
  maxLoss: '亏损上限（USDT）',
  maxWearBps: '磨损上限（bps）',
  maxMovePct: '价格波动上限（%）',
  noLimit: '不限',
  sellLeftovers: '结束时卖出本次运行剩余的代币（零头除外）',
  cancelPending: '结束时撤销未成交的卖单',
  dryRun: '模拟运行（不下单）',
  startStrategy: '启动策略',
  stopStrategy: '停止策略',
  stoppingStrategy: '正在停止：撤销我们的未成交订单…',
  liveRunWarning: '这会在此账户上用真实资金下单。',
  confirmLiveRun: (token: string, volume: string, amount: string) =>
    `在 ${token} 上下真实 OTO 订单，目标交易量 ${volume} USDT，每笔 ${amount} USDT？`,
  progressVolume: '交易量',
  progressTrades: '交易次数',
  progressFills: '成交笔数',
  progressFees: '手续费',
  progressWear: '磨损',
  progressPoints: '今日交易量积分',
  progressCostPerPoint: '每分成本',
  wearPhrase: (amount: string, bps: string) => `磨损 ${amount} USDT（${bps} bps）`,
  estimateLoading: '正在读取今日交易量…',
  estimateToday: (done: string, target: string, token: string, points: number | null) =>
    `今日 ${token} ${done} / ${target} USDT${points === null ? '' : ` · 交易量积分 ${points}`}`,
  estimatePlan: (trades: number, wear: string) => `约 ${trades} 笔，预计磨损 ${wear} USDT`,
  targetMetVolume: (done: string, target: string) => `今日目标已达到：${done} / ${target} USDT。`,
  targetMetPoints: (points: number, target: number) =>
    `今日目标已达到：交易量积分 ${points} / ${target}。`,
  targetMetFix: '启动也不会下单。请提高目标后再交易。',
  runState: {
    starting: '启动中',
    running: '运行中',
    stopping: '停止中',
    finished: '已完成',
    failed: '因错误停止',
  },
  leftovers: (l) => {
    switch (l.outcome) {
      case 'sold':
        return `剩余代币：已卖出 ${l.quantity}，得 ${l.quoteUsdt ?? '—'} USDT，手续费 ${leftoverFeeText(l, '（未折算为 USDT）')}（#${l.orderId ?? '—'}）。`;
      case 'unsold':
        if (l.code === 'SELL_CANCEL_UNCONFIRMED')
          return `剩余代币：${l.quantity} 的卖单（#${l.orderId ?? '—'}）未能及时成交，撤单也未得到确认：它可能仍在挂单中，请在币安查看当前委托。`;
        if (l.code === 'SELL_ENDED_UNSEEN')
          return `剩余代币：${l.quantity} 的卖单（#${l.orderId ?? '—'}）已不在当前委托中，但没有收到其结果的更新（可能已成交），请检查钱包。`;
        return l.quoteUsdt !== null
          ? `剩余代币：${l.quantity} 的卖单（#${l.orderId ?? '—'}）成交了 ${l.soldQuantity}，得 ${l.quoteUsdt} USDT，手续费 ${leftoverFeeText(l, '（未折算为 USDT）')}，其余未成交，已撤销；其余代币仍在钱包中。`
          : `剩余代币：${l.quantity} 的卖单（#${l.orderId ?? '—'}）未成交，已撤销；代币仍在钱包中。`;
      case 'dust':
        return `剩余代币：${l.quantity}，低于最小下单量（零头），未卖出。`;
      case 'none':
        return '剩余代币：无，本次运行没有留下需要卖出的代币。';
      case 'failed':
        return `剩余代币：未卖出（${l.code ?? '—'}）；请检查钱包。`;
    }
  },
  fieldProblem: (field: string, problem, range: string) => {
    switch (problem) {
      case 'required':
        return `${field}：请填写。`;
      case 'not-a-number':
        return `${field}必须是数字，例如 20 或 10.5。`;
      case 'negative':
        return `${field}不能为负数。`;
      case 'not-positive':
        return `${field}必须大于 0。`;
      case 'out-of-range':
        return `${field}必须在 ${range} 范围内。`;
      case 'not-whole':
        return `${field}必须是整数。`;
    }
  },
  strategyNeedsAccount: '请选择要运行策略的账户。',
  strategyRunError: (error) =>
    isAccountStopCode(error.code)
      ? accountStopAdvice('zh-CN', error.code)
      : `已停止：${describeStrategyReason('zh-CN', error.reason)}。`,
  strategyStatus: (status) => {
    switch (status.code) {
      case 'WAITING_FOR_STREAM':
        return '正在等待订单推送连接…';
      case 'PREPARING':
        return '正在解析代币并读取今日交易量…';
      case 'TRADE_PLACED':
        return `第 ${status.trade} 笔已下单。`;
      case 'TRADE_FAILED':
        return `第 ${status.trade} 笔失败：${describeStrategyReason('zh-CN', status.reason)}。`;
      case 'LEG_TIMEOUT':
        return `第 ${status.trade} 笔：${status.leg === 'working' ? '买单' : '卖单'}超时未成交。`;
      case 'TARGET_REACHED':
        return status.trades === 0 ? '今日目标已达到：没有下任何订单。' : '已达到目标。';
      case 'DRY_RUN':
        return '试运行：没有下任何订单。';
      case 'STOPPED':
        return '已停止。';
      case 'STOPPED_BEFORE_FIRST_ORDER':
        return '在第一笔订单之前已停止。';
      case 'FAILED':
        return '运行已提前停止。';
    }
  },

  errorTitle: '出现问题',
  whatToDo: '怎么办',
  errorHint: {
    HOST_TOKEN_MISSING:
      '此页面需要访问令牌。请在运行 `alpha-monitor serve` 的终端中打开它打印的完整地址（以 ?token=… 结尾）。',
    INVALID_ENDPOINT:
      '请使用 https:// 和 wss:// 地址；http:// 和 ws:// 仅限本机（127.0.0.1、localhost），例如模拟交易所。',
    INVALID_CREDENTIALS:
      '此会话的某个请求头或 Cookie 含有浏览器不会发送的字符（多因手动修改或重新排版粘贴内容）。请复制新的 cURL 命令并重新添加账户。',
    UNSENDABLE_CHARACTER:
      '粘贴的命令中，某个请求头或 Cookie 含有浏览器不会发送的字符。请用“复制为 cURL (bash)”重新复制，并原样粘贴。',
    SESSION_EXPIRED:
      '币安登录已过期（在浏览器中下单也会轮换令牌）。请在 binance.com 重新登录，复制新的 cURL 命令后重新添加（已有账户请用“重新导入”，历史记录会保留）。',
    VERIFICATION_REQUIRED: '币安要求补充认证。请在币安 App 或网站完成认证后重试。',
    RISK_CHALLENGE: '币安需要安全验证（2FA）。请先在 binance.com 手动下一笔订单，然后重试。',
    CURL_PARSE_ERROR:
      '在浏览器网络面板中右键发往 www.binance.com 的请求 → 复制 → 复制为 cURL (bash)，并完整粘贴。',
    EMPTY_INPUT: '请粘贴从浏览器复制的完整 cURL 命令。',
    NOT_CURL:
      '在浏览器网络面板中右键发往 www.binance.com 的请求 → 复制 → 复制为 cURL (bash)，并完整粘贴。',
    MALFORMED_CURL: '命令似乎不完整。请重新“复制为 cURL (bash)”并完整粘贴。',
    NOT_BINANCE_REQUEST:
      '请复制发往 www.binance.com/bapi/… 的请求（不是其他网站）。如需其他交易所地址，请展开“高级”。',
    NO_COOKIE: '请求中没有 Cookie：请确认已登录 binance.com，然后重新复制请求。',
    INCOMPLETE_CURL:
      '粘贴内容在 Cookie 之前被截断（最后一行以续行符结尾）。请重新复制完整命令并全部粘贴。',
    NO_CSRFTOKEN:
      '请复制登录状态下发往 www.binance.com/bapi/… 的请求：这类请求带有 csrftoken 请求头。',
    MISSING_SESSION_COOKIES: '缺少部分会话 Cookie。请重新登录 binance.com 后复制新的请求。',
    MISSING_SESSION_HEADERS:
      '请复制发往 www.binance.com/bapi/… 的请求（不是页面或图片）：它带有会话请求头。',
    CREDENTIALS_MISSING: '钥匙串中已没有保存的会话。请删除该账户后重新添加。',
    ACCOUNTS_FILE_WRITE_FAILED: '无法保存账户。请检查数据目录是否可写、磁盘是否已满。',
    RECONNECTING: '无需操作：Alpha Monitor 会自动重连，并补齐断线期间遗漏的更新。',
    NETWORK: '请检查网络连接（或交易所地址是否正确），然后重试。',
    TIMEOUT: '交易所未及时响应，请稍后重试。',
    DISCONNECTED: '与应用的连接已断开。请刷新页面或重启 Alpha Monitor。',
    DISK_FULL: '磁盘已满。请释放空间后重试；已记录的内容没有丢失。',
    INVALID_REQUEST: '请检查输入的内容。',
    SESSION_LIVE: '请先停止该账户（账户列表中的“停止”），再删除会话。',
    POINTS_NOT_RUNNING: '请先启动该账户（账户列表中的“启动”），然后再导出。',
    SESSION_NOT_FOUND: '会话文件已不存在（被删除或移动）。请返回列表选择其他会话。',
    ACCOUNT_NOT_FOUND: '该账户已被删除，请选择其他账户。',
    TOKEN_NOT_FOUND:
      '请按币安 Alpha 的写法检查代币符号和链（如 BSC 上的 KOGE、ALEO），然后修改字段。',
    TOKEN_AMBIGUOUS: '此链上有多个同名代币：请用链 id 指定（如 56）。',
    TOKEN_OFFLINE: '该代币已在币安 Alpha 下线：请换一个代币。',
    TOKEN_SELL_SUSPENDED: '该代币暂停卖出，挂单 SELL 无法下单：请换一个代币。',
    TOO_MANY_TRADES: '请降低目标或提高每笔金额。',
    FILTER_VIOLATION: '请调整每笔金额以符合上面提到的规则。',
    POINTS_UNAVAILABLE: '无法读取今日积分：请改用交易量目标，或一分钟后重试。',
    INSUFFICIENT_BALANCE: '请向资金账户充值 USDT 或调低每笔金额，然后重新启动。不会自动重试。',
    MAX_WEAR_TRADE: '更宽的偏移或更平稳的行情磨损更小；提高磨损上限即可继续。',
    MAX_WEAR_RUN: '更宽的偏移或更平稳的行情磨损更小；提高磨损上限即可继续。',
    PRICE_MOVED: '行情波动较快：请稍候，或提高价格波动上限后重新启动。',
    MAX_LOSS: '提高亏损上限即可继续。',
    TOO_MANY_FAILURES: '原因见上；连续失败 3 笔后策略停止。',
    default: '请重试。如果仍然出现，请重启 Alpha Monitor 并查看日志。',
  },
  copyCode: (code: string) => `错误代码 ${code}`,

  points: {
    title: 'Alpha 积分',
    notRunning: '启动监控后从交易所读取积分。',
    stopped: '监控已停止：显示最后读取的数字。',
    today: '今日',
    todayValue: (volume: number, balance: number, total: number) =>
      `交易量 ${volume} + 余额 ${balance} = ${total} 分`,
    target: (points: number) => `目标 ${points}`,
    targetReached: '已达成',
    targetToGo: (buy: string, token: string) => `还需在 ${token} 上买入 ${buy} USDT`,
    countedToGo: (counted: string) => `还需计入 ${counted} USDT`,
    counted: '计入交易量',
    sourceExchange: '（交易所）',
    sourceProjected: '（按今日成交推算）',
    difference: '差异',
    differenceValue: (diff: string, projected: string) =>
      `交易所数字与今日成交推算（${projected} USDT）相差 ${diff} USDT；以交易所数字为准`,
    nextPoint: (points: number) => `第 ${points} 分`,
    nextPointValue: (buy: string, token: string, mulPoint: number, threshold: string) =>
      `在 ${token}（mulPoint ${mulPoint}）上买入 ${buy} USDT · 计入 ${threshold} USDT 时达到`,
    wearToday: '今日磨损',
    costPerPoint: '每分成本（USDT）',
    window: '15 天',
    windowValue: (earned: number, spent: number, sum: number) =>
      `获得 ${earned} − 消耗 ${spent} = ${sum}`,
    dayEnds: '距 UTC 00:00',
    exportByDay: '按日导出积分',
    exportByDayHint: '每个 UTC 日一行：交易量、计入交易量、积分、磨损、每分成本',
    targetSetting: '每日目标（交易量积分）',
    targetSettingHint: '15 分交易量积分 = 计入 32,768 USDT（mulPoint 4 时买入 8,192 USDT）。',
    targetSettingInvalid: (min: number, max: number) => `请输入 ${min} 到 ${max} 的整数。`,
  },
};

/** 总览提示：账户为何不在线（按代码）。 */
const FLEET_PROBLEMS_ZH: Record<string, string> = {
  SESSION_EXPIRED: '会话已过期（100002001）。请重新复制 cURL 并导入。',
  VERIFICATION_REQUIRED: '币安要求验证。请在币安 App 中完成。',
  RISK_CHALLENGE: '币安要求下单时进行双重验证。',
  RECONNECTING: '正在自动重连。',
  SHORT_LIVED_COPY: '复制时未勾选“保持登录”：可能只能用几个小时。',
  CSRF_MISMATCH: 'csrftoken 与这些 Cookie 不匹配。',
  UNREACHABLE: '上次检查时交易所没有响应。',
  REJECTED: '上次检查被交易所拒绝。',
};
