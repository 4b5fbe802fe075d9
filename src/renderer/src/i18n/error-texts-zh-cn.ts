import type { ErrorTexts } from './error-text.ts';
import { osErrorWords } from '../../../shared/reasons/os-error-text.ts';

/** Text from outside (a host name, a file's problem), quoted inside a Chinese sentence. */
const q = (text: string) => `“${text}”`;

const headerPart = (detail: string | undefined) =>
  detail === undefined
    ? '会话的某个请求头或 cookie'
    : detail === 'cookie'
      ? 'cookie 请求头'
      : detail === 'a header name'
        ? '某个请求头名称'
        : `请求头 ${detail}`;

/** 应用错误代码的简体中文句子（说明发生了什么；“怎么办”由提示给出）。 */
export const ERROR_TEXTS_ZH_CN: ErrorTexts = {
  INVALID_REQUEST: (p) =>
    p.channel === undefined ? '有一个值无效。' : `应用拒绝了请求 ${p.channel}：有一个值无效。`,
  UNKNOWN_CHANNEL: (p) => `应用不认识请求 ${p.channel}（版本较旧？）。`,
  FORBIDDEN: () => '请求被拒绝：它不是来自 Alpha Monitor 窗口。',
  DISCONNECTED: () => '与 Alpha Monitor 的连接已断开，正在重试…',
  INTERNAL: () => 'Alpha Monitor 内部出错，详情见其日志。',
  STARTING: () => 'Alpha Monitor 仍在启动，请稍后再试。',
  SHUTTING_DOWN: () => 'Alpha Monitor 正在退出。',
  HOST_TOKEN_MISSING: () => '打开此页面时没有带上访问令牌。',
  INVALID_ACCOUNT_ID: () => '该账户 ID 无效。',
  ACCOUNT_NOT_FOUND: (p) =>
    p.accountId === undefined ? '该账户已不存在。' : `没有账户 ${q(p.accountId)}。`,
  CREDENTIALS_MISSING: () => '该账户保存的会话已从钥匙串中消失。',
  CREDENTIALS_CORRUPT: () => '无法读取该账户保存的会话。',
  ACCOUNTS_FILE_CORRUPT: () => '无法读取账户列表；文件未被改动。',
  ACCOUNTS_FILE_WRITE_FAILED: () => '账户列表保存失败；原文件完好。',
  ACCOUNT_EXISTS: () => '已有使用该 ID 的账户。',
  ACCOUNTS_LOCKED: () => '另一个 Alpha Monitor 正占用账户列表，请稍后再试。',
  NOT_REIMPORTABLE: () => '演示账户无需重新导入。',
  REJECTED: () => '币安拒绝了此会话（风控或未知错误）。',
  UNREACHABLE: () => '交易所没有响应；会话本身可能仍然有效。',
  INVALID_ENDPOINT: (p) => {
    const what = p.kind === 'rest' ? 'REST 地址' : '推送地址';
    switch (p.reason) {
      case 'not-a-url':
        return `${what}不是有效的网址。`;
      case 'credentials-in-url':
        return `${what}中不能包含用户名或密码。`;
      case 'scheme':
        return `${what}必须以 ${p.kind === 'rest' ? 'https://' : 'wss://'} 开头。`;
      case 'plain-to-remote':
        return `${what}只有连接本机时才能使用 ${p.kind === 'rest' ? 'http://' : 'ws://'}。`;
    }
  },
  CURL_PARSE_ERROR: () => '请先粘贴 cURL 命令。',
  EMPTY_INPUT: () => '粘贴的内容为空。',
  NOT_CURL: () => '这不是 cURL 命令。',
  MALFORMED_CURL: () => 'cURL 命令不完整或已损坏。',
  NOT_BINANCE_REQUEST: (p) =>
    p.detail === undefined
      ? '这不是发往币安的请求。'
      : `这不是发往币安的请求（它发往 ${p.detail}）。`,
  NO_COOKIE: () => '该请求没有 cookie：它是从未登录的页面复制的。',
  INCOMPLETE_CURL: () => '粘贴的命令在 cookie 之前就断了。',
  NO_CSRFTOKEN: () => '该请求没有 csrftoken 请求头。',
  UNSENDABLE_CHARACTER: (p) => `${headerPart(p.detail)}含有浏览器从不发送的字符。`,
  MISSING_SESSION_COOKIES: (p) =>
    `缺少长期 cookie ${p.names}：复制时未勾选“保持登录”，会话可能只能维持几个小时。请勾选“保持登录”重新登录后再复制。`,
  MISSING_SESSION_HEADERS: (p) => `缺少部分会话请求头（${p.names}）：下单可能会被拒绝。`,
  CSRF_MISMATCH: () =>
    'csrftoken 请求头与这份复制中的 cr00 cookie 不匹配（复制已过期或混用）：请从已登录的页面重新复制 cURL。',
  SECRET_STORE_UNAVAILABLE: () => '没有可用于保存会话的钥匙串。',
  SECRET_STORE_FAILED: () => '钥匙串拒绝了此操作（已锁定或被拒绝）。',
  DISK_FULL: (p) => (p.path === undefined ? '磁盘已满。' : `磁盘已满：${p.path} 未能保存。`),
  FILE_WRITE_FAILED: (p) =>
    `无法保存 ${p.path}${p.osCode === undefined ? '' : `（${[osErrorWords('zh-CN', p.osCode), p.osCode].filter(Boolean).join('，')}）`}；原文件未改动。`,
  ALERT_SETTINGS_INVALID: (p) => `提醒设置文件 ${p.path} 无效。`,
  EXPORT_FAILED: () => '导出文件未能写入。',
  ENOSPC: () => '磁盘已满：文件未能写入。',
  NOT_A_DECIMAL: (p) => `不是十进制数字：${q(p.text)}。`,
  SESSION_LIVE: () => '该会话仍在运行。',
  SESSION_NOT_FOUND: () => '该会话已不存在。',
  STREAM_NOT_LIVE: (p) =>
    p.ending === 'timed-out'
      ? `订单推送未能${p.timeoutMs === undefined ? '' : `在 ${p.timeoutMs} 毫秒内`}建立。`
      : '订单推送在建立之前就停止了。',
  STOPPED: () => '在订单推送建立之前已停止。',
  POINTS_NOT_RUNNING: () => '该账户的监控未运行：未读取积分。',
  POINTS_READ_FAILED: () => '积分读取失败。',
  REFUSED: () => '渠道拒绝了消息（网址、令牌或聊天有误）。',
  WEBHOOK_URL_MISSING: () => '未设置 Webhook 网址。',
  TELEGRAM_CHAT_MISSING: () => '未设置 Telegram 聊天。',
  TELEGRAM_TOKEN_MISSING: () => '未设置 Telegram 机器人令牌。',
  AUTH_REJECTED: () => '币安拒绝了该会话。',
  STRATEGY_ALREADY_RUNNING: () => '该账户已有策略在运行。',
  STRATEGY_FAILED: () => '策略无法继续。',
};

/** 任何表都不认识的代码（较新的主进程、操作系统错误）。 */
export const unknownErrorZhCn = (code: string) => {
  const words = osErrorWords('zh-CN', code);
  return words === undefined ? `操作失败（${code}）。` : `操作失败：${words}（${code}）。`;
};
