import type { InvalidEndpointError } from '../../core/endpoints/exchange-endpoint.ts';
import { defineMessages } from './lang.ts';
import { optionTable, type OptionRow } from './option-table.ts';

type EndpointReason = InvalidEndpointError['reason'];

/** Rows of the connection options, keyed by option name so a command lists only its own. */
type Rows = Record<string, OptionRow>;

const EN_ROWS: Rows = {
  demo: ['--demo', 'use the built-in simulated exchange (demo account, demo orders)'],
  user: ['--user <id>', 'the stored account to use'],
  'credentials-file': [
    '--credentials-file <path>',
    'session JSON {"headers":{...},"cookies":"k=v; ..."} (chmod 600)',
  ],
  'rest-url': ['--rest-url <base>', 'REST base URL (default https://www.binance.com)'],
  'ws-url': [
    '--ws-url <url>',
    'order-push WebSocket (default wss://nbstream.binance.com/w3w/stream);\nneeded with a --rest-url of another host (derived for this machine)',
  ],
  'renew-interval': ['--renew-interval <s>', 'listen-key re-POST period in seconds (default 1800)'],
  'ping-interval': ['--ping-interval <s>', 'client ping period in seconds (default 20)'],
  'reconcile-interval': [
    '--reconcile-interval <s>',
    'check orders over REST this often while any is open (default 60;\n15 min with none open); a difference means the stream missed updates',
  ],
  'max-reconnects': ['--max-reconnects <n>', 'give up after n reconnect attempts (default: never)'],
  json: ['--json', 'machine-readable NDJSON on stdout'],
  verbose: [
    '--verbose',
    'also print the raw log lines (WARN …, with codes) on stderr;\nwithout it only the friendly lines are shown\n(the raw lines are always in <data folder>/logs/cli.log)',
  ],
  lang: ['--lang en|zh|zh-CN', 'language (default from the locale)'],
  help: ['--help', 'this help'],
};

const ZH_ROWS: Rows = {
  demo: ['--demo', '使用内置模拟交易所（演示账户、演示订单）'],
  user: ['--user <账户>', '使用已保存的账户'],
  'credentials-file': [
    '--credentials-file <路径>',
    '会话 JSON {"headers":{...},"cookies":"k=v; ..."}（chmod 600）',
  ],
  'rest-url': ['--rest-url <地址>', 'REST 基础地址（默认 https://www.binance.com）'],
  'ws-url': [
    '--ws-url <地址>',
    '订单推送 WebSocket（默认 wss://nbstream.binance.com/w3w/stream）；\n--rest-url 指向其他主机时必须同时给出（本机地址会自动推导）',
  ],
  'renew-interval': ['--renew-interval <秒>', 'listenKey 重新获取周期，单位秒（默认 1800）'],
  'ping-interval': ['--ping-interval <秒>', '客户端 ping 周期，单位秒（默认 20）'],
  'reconcile-interval': [
    '--reconcile-interval <秒>',
    '有未完成订单时通过 REST 核对订单的周期（默认 60；\n无未完成订单时 15 分钟）；发现差异说明推送流漏掉了更新',
  ],
  'max-reconnects': ['--max-reconnects <次数>', '重连达到该次数后放弃（默认：永不放弃）'],
  json: ['--json', '在标准输出打印机器可读的 NDJSON'],
  verbose: [
    '--verbose',
    '同时在标准错误输出原始日志行（WARN …，含代码）；\n不加时只显示易读的提示\n（原始日志行总会写入 <数据文件夹>/logs/cli.log）',
  ],
  lang: ['--lang en|zh|zh-CN', '语言（默认取自系统区域设置）'],
  help: ['--help', '显示帮助'],
};

/**
 * The rows of `only` (default: all, `--verbose` included: only the commands that take every
 * option log), `--lang` and `--help` always included.
 */
function connectionHelp(title: string, rows: Rows, only?: readonly string[]): string {
  const names = only ? [...only, 'lang', 'help'] : Object.keys(rows);
  return `${title}\n${optionTable(
    Object.keys(rows)
      .filter((n) => names.includes(n))
      .map((n) => rows[n]!),
  )}`;
}

/** Messages of the shared connection options (watch, check, listen-key, strategy). */
export const connectionMessages = defineMessages({
  en: {
    commonOptions: (only?: readonly string[]) =>
      connectionHelp('Connection options:', EN_ROWS, only),
    badNumber: (option: string, value: string) =>
      `${option} needs a positive number, got "${value}"`,
    badInteger: (option: string, value: string) =>
      `${option} needs a whole number ≥ 0, got "${value}"`,
    badArgs: (message: string) => `${message}. Run with --help for the options.`,
    demoAndCredentials: () =>
      '--demo uses the simulator’s demo account; drop --credentials-file/--user or --demo.',
    badEndpoint: (kind: 'rest' | 'ws', url: string, reason: EndpointReason) => {
      const option = kind === 'rest' ? '--rest-url' : '--ws-url';
      const secure = kind === 'rest' ? 'https://' : 'wss://';
      const plain = kind === 'rest' ? 'http://' : 'ws://';
      const why = {
        'not-a-url': `it is not a URL (e.g. ${kind === 'rest' ? 'https://www.binance.com' : 'wss://nbstream.binance.com/w3w/stream'})`,
        scheme: `it must start with ${secure} (or ${plain} to this machine)`,
        'plain-to-remote': `plain ${plain} is allowed only to this machine (127.0.0.1, localhost); use ${secure}`,
        'credentials-in-url': 'it must not contain a user name or password',
      }[reason];
      return `${option} "${url}": ${why}.`;
    },
    endpointAlone: (restGiven: boolean, url: string) =>
      restGiven
        ? `--rest-url ${url} without --ws-url would send the stream to the real exchange. Give --ws-url too (for a simulator on this machine it is derived).`
        : `--ws-url ${url} without --rest-url would ask the real exchange for the listen key. Give --rest-url too (for a simulator on this machine it is derived).`,
  },
  'zh-CN': {
    commonOptions: (only?: readonly string[]) => connectionHelp('连接选项：', ZH_ROWS, only),
    badNumber: (option: string, value: string) => `${option} 需要一个正数，收到“${value}”`,
    badInteger: (option: string, value: string) => `${option} 需要一个 ≥ 0 的整数，收到“${value}”`,
    badArgs: (message: string) => `${message}。使用 --help 查看选项。`,
    demoAndCredentials: () =>
      '--demo 使用模拟器的演示账户；请去掉 --credentials-file/--user 或 --demo。',
    badEndpoint: (kind: 'rest' | 'ws', url: string, reason: EndpointReason) => {
      const option = kind === 'rest' ? '--rest-url' : '--ws-url';
      const secure = kind === 'rest' ? 'https://' : 'wss://';
      const plain = kind === 'rest' ? 'http://' : 'ws://';
      const why = {
        'not-a-url': `这不是一个 URL（例如 ${kind === 'rest' ? 'https://www.binance.com' : 'wss://nbstream.binance.com/w3w/stream'}）`,
        scheme: `必须以 ${secure} 开头（连接本机时可用 ${plain}）`,
        'plain-to-remote': `明文 ${plain} 只允许连接本机（127.0.0.1、localhost）；请使用 ${secure}`,
        'credentials-in-url': '其中不能包含用户名或密码',
      }[reason];
      return `${option}“${url}”：${why}。`;
    },
    endpointAlone: (restGiven: boolean, url: string) =>
      restGiven
        ? `只给了 --rest-url ${url} 而没有 --ws-url，推送流会连到真实交易所。请同时给出 --ws-url（本机上的模拟器会自动推导）。`
        : `只给了 --ws-url ${url} 而没有 --rest-url，会向真实交易所申请 listenKey。请同时给出 --rest-url（本机上的模拟器会自动推导）。`,
  },
});
