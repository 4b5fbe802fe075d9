import type { Lang } from '../i18n/lang.ts';
import type { Reason, ReasonCode, ReasonOf } from './reason.ts';

/** One sentence per code; `inner` renders a cause in the same language. */
type ReasonTexts = {
  [C in ReasonCode]: (reason: ReasonOf<C>, inner: (cause: Reason) => string) => string;
};

const ms = (timeoutMs: number | undefined, en: boolean) =>
  timeoutMs === undefined ? '' : en ? ` within ${timeoutMs} ms` : `在 ${timeoutMs} 毫秒内`;

const EN: ReasonTexts = {
  SOCKET_ERROR: (r) => `socket error: ${r.detail}`,
  SOCKET_CLOSED: (r) => `socket closed (code ${r.closeCode}${r.detail ? `, ${r.detail}` : ''})`,
  CLOSED_BEFORE_OPEN: (r) => `closed before open (code ${r.closeCode})`,
  CONNECT_TIMEOUT: (r) => `no connection within ${r.timeoutMs} ms`,
  PONG_TIMEOUT: (r) => `no pong within ${r.timeoutMs} ms (stalled connection)`,
  PING_FAILED: () => 'ping failed',
  ACK_TIMEOUT: (r) => `no ack for ${r.method} within ${r.timeoutMs} ms`,
  SOCKET_NOT_OPEN: () => 'socket is not open',
  SEND_FAILED: (r) => `send failed: ${r.detail}`,
  REQUEST_REJECTED: (r) => `server rejected the request: ${r.detail}`,
  DISPOSED: () => 'disposed',
  LISTEN_KEY_FAILED: (r, inner) => `listen key: ${inner(r.cause)}`,
  LISTEN_KEY_AFTER_EXPIRY_FAILED: (r, inner) => `listen key after expiry: ${inner(r.cause)}`,
  SUBSCRIBE_FAILED: (r, inner) => `subscribe: ${inner(r.cause)}`,
  RESUBSCRIBE_FAILED: (r, inner) => `resubscribe: ${inner(r.cause)}`,
  RECONNECT_GAVE_UP: (r, inner) =>
    `gave up after ${r.attempts} reconnect attempts (${inner(r.cause)})`,
  SESSION_EXPIRED: () =>
    'The Binance session has expired (100002001). Log in again and re-import the session.',
  VERIFICATION_REQUIRED: () =>
    'Binance requires supplementary verification. Complete it in the Binance app, then retry.',
  RISK_CHALLENGE: () =>
    'Binance asks for a risk challenge (2FA) before this order; confirm it in the Binance app or web page.',
  BUSINESS_ERROR: (r) =>
    r.apiCode === undefined
      ? 'Binance rejected the request'
      : `Binance rejected the request (${r.apiCode}${r.apiMessage ? `: ${r.apiMessage}` : ''})`,
  HTTP_ERROR: (r) =>
    `HTTP ${r.httpStatus ?? 'error'}${r.path === undefined ? '' : ` from ${r.path}`}`,
  TIMEOUT: (r) => `No answer from ${r.path ?? 'the exchange'}${ms(r.timeoutMs, true)}`,
  NETWORK: (r) =>
    `Cannot reach ${r.baseUrl ?? 'the exchange'}${r.detail === undefined ? '' : ` (${r.detail})`}`,
  ABORTED: (r) => `Request to ${r.path ?? 'the exchange'} was cancelled`,
  BAD_RESPONSE: (r) => `Unexpected reply from ${r.path ?? 'the exchange'} (not the Alpha envelope)`,
  UNEXPECTED_REPLY: (r) =>
    `The reply from ${r.path ?? 'the exchange'} does not have the expected shape${r.field === undefined ? '' : ` (${r.field})`}`,
  INVALID_CREDENTIALS: (r) =>
    `${r.header === undefined ? 'A header or cookie of the session' : `The ${r.header} header`} has a character browsers never send (it was probably changed by a chat app or an editor). Copy the request as cURL from the browser again and re-import it.`,
  JOURNAL_DISK_FULL: (r) =>
    `The disk is full: the session journal ${r.path} cannot grow. Monitoring goes on; new updates wait in memory and are written (and shown) as soon as there is space again.`,
  JOURNAL_WRITE_FAILED: (r) =>
    `Cannot write the session journal ${r.path}${r.errorCode === undefined ? '' : ` (${r.errorCode})`}. Monitoring goes on; new updates wait in memory and are written (and shown) once writing works again.`,
  JOURNAL_WRITE_RECOVERED: (r) =>
    `The session journal can be written again: ${r.updates} update(s) that waited are saved and shown.`,
  JOURNAL_UNWRITTEN_SAVED: (r) =>
    `${r.updates} update(s) could not be written to the session journal (${r.path}); they are saved in ${r.savedTo}.`,
  JOURNAL_UNWRITTEN_LOST: (r) =>
    `${r.updates} update(s) could not be written to the session journal (${r.path}) nor to an emergency file${r.errorCode === undefined ? '' : ` (${r.errorCode})`}; they are lost.`,
  UNEXPECTED: (r) => `unexpected error: ${r.detail}`,
};

/** Text from outside (an OS error, the server's message), quoted inside a Chinese sentence. */
const q = (text: string) => `“${text}”`;

const ZH: ReasonTexts = {
  SOCKET_ERROR: (r) => `连接出错：${q(r.detail)}`,
  SOCKET_CLOSED: (r) => `连接关闭，代码 ${r.closeCode}${r.detail ? `，${q(r.detail)}` : ''}`,
  CLOSED_BEFORE_OPEN: (r) => `连接建立前即被关闭，代码 ${r.closeCode}`,
  CONNECT_TIMEOUT: (r) => `${r.timeoutMs} 毫秒内未能建立连接`,
  PONG_TIMEOUT: (r) => `${r.timeoutMs} 毫秒内未收到 pong（连接停滞）`,
  PING_FAILED: () => 'ping 发送失败',
  ACK_TIMEOUT: (r) => `${r.timeoutMs} 毫秒内未收到 ${r.method} 的确认`,
  SOCKET_NOT_OPEN: () => '连接未打开',
  SEND_FAILED: (r) => `发送失败：${q(r.detail)}`,
  REQUEST_REJECTED: (r) => `服务器拒绝了请求：${q(r.detail)}`,
  DISPOSED: () => '连接已释放',
  LISTEN_KEY_FAILED: (r, inner) => `获取 listenKey 失败：${inner(r.cause)}`,
  LISTEN_KEY_AFTER_EXPIRY_FAILED: (r, inner) => `listenKey 过期后重新获取失败：${inner(r.cause)}`,
  SUBSCRIBE_FAILED: (r, inner) => `订阅失败：${inner(r.cause)}`,
  RESUBSCRIBE_FAILED: (r, inner) => `重新订阅失败：${inner(r.cause)}`,
  RECONNECT_GAVE_UP: (r, inner) => `重连 ${r.attempts} 次后放弃（${inner(r.cause)}）`,
  SESSION_EXPIRED: () => '币安会话已失效（100002001）。请重新登录并重新导入会话。',
  VERIFICATION_REQUIRED: () => '币安要求补充认证。请在币安 App 中完成认证后重试。',
  RISK_CHALLENGE: () => '币安要求在下单前完成风险验证（双重验证）；请在币安 App 或网页上确认。',
  BUSINESS_ERROR: (r) =>
    r.apiCode === undefined
      ? '币安拒绝了请求'
      : `币安拒绝了请求（${r.apiCode}${r.apiMessage ? `：${q(r.apiMessage)}` : ''}）`,
  HTTP_ERROR: (r) =>
    `${r.path === undefined ? '服务器' : r.path} 返回 HTTP ${r.httpStatus ?? '错误'}`,
  TIMEOUT: (r) => `${r.path ?? '交易所'} ${ms(r.timeoutMs, false)}没有响应`,
  NETWORK: (r) =>
    `无法连接 ${r.baseUrl ?? '交易所'}${r.detail === undefined ? '' : `（${q(r.detail)}）`}`,
  ABORTED: (r) => `对 ${r.path ?? '交易所'} 的请求已取消`,
  BAD_RESPONSE: (r) => `${r.path ?? '交易所'} 的响应无法识别（不是 Alpha 响应格式）`,
  UNEXPECTED_REPLY: (r) =>
    `${r.path ?? '交易所'} 的响应格式与预期不符${r.field === undefined ? '' : `（字段 ${r.field}）`}`,
  INVALID_CREDENTIALS: (r) =>
    `${r.header === undefined ? '会话的某个请求头或 cookie' : `请求头 ${r.header}`} 含有浏览器从不发送的字符（可能被聊天软件或编辑器改动过）。请从浏览器重新复制 cURL 请求并重新导入。`,
  JOURNAL_DISK_FULL: (r) =>
    `磁盘已满：会话日志 ${r.path} 无法继续写入。监控仍在进行；新的更新暂存在内存中，有空间后立即写入并显示。`,
  JOURNAL_WRITE_FAILED: (r) =>
    `无法写入会话日志 ${r.path}${r.errorCode === undefined ? '' : `（${r.errorCode}）`}。监控仍在进行；新的更新暂存在内存中，恢复写入后立即写入并显示。`,
  JOURNAL_WRITE_RECOVERED: (r) => `会话日志恢复写入：等待中的 ${r.updates} 条更新已保存并显示。`,
  JOURNAL_UNWRITTEN_SAVED: (r) =>
    `有 ${r.updates} 条更新未能写入会话日志（${r.path}），已另存到 ${r.savedTo}。`,
  JOURNAL_UNWRITTEN_LOST: (r) =>
    `有 ${r.updates} 条更新既未能写入会话日志（${r.path}），也未能写入应急文件${r.errorCode === undefined ? '' : `（${r.errorCode}）`}，已丢失。`,
  UNEXPECTED: (r) => `意外错误：${q(r.detail)}`,
};

const TEXTS: Record<Lang, ReasonTexts> = { en: EN, 'zh-CN': ZH };

/** A reason as a sentence in `lang` (causes included). */
export function describeReason(lang: Lang, reason: Reason): string {
  const text = TEXTS[lang][reason.code] as (
    reason: Reason,
    inner: (cause: Reason) => string,
  ) => string;
  return text(reason, (cause) => describeReason(lang, cause));
}
