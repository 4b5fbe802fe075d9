import type { Lang } from './lang.ts';

/** Where a command's credentials came from (ResolvedConnection.source). */
export type CredentialSource = 'demo' | 'file' | 'env' | 'keychain';

const SOURCE_LABELS: Record<Lang, Record<CredentialSource, string>> = {
  en: { demo: 'demo', file: 'file', env: 'env', keychain: 'keychain' },
  'zh-CN': {
    demo: '演示模拟器',
    file: '凭据文件',
    env: '环境变量 ALPHA_MONITOR_CREDENTIALS_FILE',
    keychain: '系统钥匙串',
  },
};

/** The credential source as a user reads it. */
export function credentialSourceLabel(lang: Lang, source: CredentialSource): string {
  return SOURCE_LABELS[lang][source];
}

type Rule = [
  pattern: RegExp,
  zh: (match: RegExpExecArray, inner: (text: string) => string) => string,
];

/**
 * The engine's reasons (stream/, rest/) are English text built from a few templates; these
 * rules put them into Chinese, translating nested reasons too. Text from outside (the
 * operating system's socket errors, the server's own messages) is kept as it came.
 */
const ZH_RULES: Rule[] = [
  [
    /^gave up after (\d+) reconnect attempts \((.*)\)$/s,
    (m, t) => `重连 ${m[1]} 次后放弃（${t(m[2]!)}）`,
  ],
  [/^listen key after expiry: (.*)$/s, (m, t) => `listenKey 过期后重新获取失败：${t(m[1]!)}`],
  [/^listen key: (.*)$/s, (m, t) => `获取 listenKey 失败：${t(m[1]!)}`],
  [/^resubscribe: (.*)$/s, (m, t) => `重新订阅失败：${t(m[1]!)}`],
  [/^subscribe: (.*)$/s, (m, t) => `订阅失败：${t(m[1]!)}`],
  [/^send failed: (.*)$/s, (m) => `发送失败：${m[1]}`],
  [/^socket error: (.*)$/s, (m) => `连接出错：${m[1]}`],
  [
    /^socket closed \(code (\d+)(?:, (.*))?\)$/s,
    (m) => `连接关闭，代码 ${m[1]}${m[2] ? `，${m[2]}` : ''}`,
  ],
  [/^closed before open \(code (\d+)\)$/, (m) => `连接建立前即被关闭，代码 ${m[1]}`],
  [/^connect timeout$/, () => '连接超时'],
  [/^no connection within (\d+) ms$/, (m) => `${m[1]} 毫秒内未能建立连接`],
  [
    /^no pong within (\d+) ms \(stalled connection\)$/,
    (m) => `${m[1]} 毫秒内未收到 pong（连接停滞）`,
  ],
  [/^ping failed$/, () => 'ping 发送失败'],
  [/^no ack for (\S+) within (\d+) ms$/, (m) => `${m[2]} 毫秒内未收到 ${m[1]} 的确认`],
  [/^socket is not open$/, () => '连接未打开'],
  [/^server rejected the request: (.*)$/s, (m) => `服务器拒绝了请求：${m[1]}`],
  [/^disposed$/, () => '连接已释放'],
  [/^No answer from (\S+) within (\d+) ms$/, (m) => `${m[1]} 在 ${m[2]} 毫秒内没有响应`],
  [/^Cannot reach (\S+) \((.*)\)$/s, (m) => `无法连接 ${m[1]}（${m[2]}）`],
  [/^HTTP (\d+) from (\S+)$/, (m) => `${m[2]} 返回 HTTP ${m[1]}`],
  [/^Request to (\S+) was cancelled$/, (m) => `对 ${m[1]} 的请求已取消`],
  [
    /^Unexpected reply from (\S+) \(not the Alpha envelope\)$/,
    (m) => `${m[1]} 的响应无法识别（不是 Alpha 响应格式）`,
  ],
  [/^The listen-key reply holds no usable key$/, () => 'listenKey 响应中没有可用的 key'],
  [/^Binance rejected the request \((.*)\)$/s, (m) => `币安拒绝了请求（${m[1]}）`],
  [
    /^The Binance session has expired \(100002001\)\./,
    () => '币安会话已失效（100002001）。请重新登录并重新导入会话。',
  ],
  [
    /^Binance requires supplementary verification/,
    () => '币安要求补充认证。请在币安 App 中完成认证后重试。',
  ],
];

/** A disconnect or failure reason from the engine, in the user's language. */
export function describeReason(lang: Lang, reason: string): string {
  if (lang === 'en') return reason;
  for (const [pattern, zh] of ZH_RULES) {
    const match = pattern.exec(reason);
    if (match) return zh(match, (inner) => describeReason(lang, inner));
  }
  return reason;
}
