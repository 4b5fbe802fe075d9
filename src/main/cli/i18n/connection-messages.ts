import { defineMessages } from './lang.ts';

/** Messages of the shared connection options (watch, check, listen-key, strategy). */
export const connectionMessages = defineMessages({
  en: {
    commonOptions: () =>
      [
        'Connection options:',
        '  --demo                    use the built-in simulated exchange (demo account, demo orders)',
        '  --user <id>               the stored account to use',
        '  --credentials-file <path> session JSON {"headers":{...},"cookies":"k=v; ..."} (chmod 600)',
        '  --rest-url <base>         REST base URL (default https://www.binance.com)',
        '  --ws-url <url>            order-push WebSocket (default wss://nbstream.binance.com/w3w/stream)',
        '  --renew-interval <s>      listen-key re-POST period in seconds (default 1800)',
        '  --ping-interval <s>       client ping period in seconds (default 20)',
        '  --reconcile-interval <s>  check orders over REST this often while any is open (default 60;',
        '                            15 min with none open); a difference means the stream missed updates',
        '  --max-reconnects <n>      give up after n reconnect attempts (default: never)',
        '  --json                    machine-readable NDJSON on stdout',
        '  --lang en|zh-CN           language (default from the locale)',
        '  --help                    this help',
      ].join('\n'),
    badNumber: (option: string, value: string) =>
      `${option} needs a positive number, got "${value}"`,
    badInteger: (option: string, value: string) =>
      `${option} needs a whole number ≥ 0, got "${value}"`,
    badArgs: (message: string) => `${message}. Run with --help for the options.`,
    demoAndCredentials: () =>
      '--demo uses the simulator’s demo account; drop --credentials-file/--user or --demo.',
  },
  'zh-CN': {
    commonOptions: () =>
      [
        '连接选项：',
        '  --demo                    使用内置模拟交易所（演示账户、演示订单）',
        '  --user <id>               使用已保存的账户',
        '  --credentials-file <路径> 会话 JSON {"headers":{...},"cookies":"k=v; ..."}（chmod 600）',
        '  --rest-url <地址>         REST 基础地址（默认 https://www.binance.com）',
        '  --ws-url <地址>           订单推送 WebSocket（默认 wss://nbstream.binance.com/w3w/stream）',
        '  --renew-interval <秒>     listenKey 重新获取周期，单位秒（默认 1800）',
        '  --ping-interval <秒>      客户端 ping 周期，单位秒（默认 20）',
        '  --reconcile-interval <秒> 有未完成订单时通过 REST 核对订单的周期（默认 60；',
        '                            无未完成订单时 15 分钟）；发现差异说明推送流漏掉了更新',
        '  --max-reconnects <n>      重连 n 次后放弃（默认：永不放弃）',
        '  --json                    在标准输出打印机器可读的 NDJSON',
        '  --lang en|zh-CN           语言（默认取自系统区域设置）',
        '  --help                    显示帮助',
      ].join('\n'),
    badNumber: (option: string, value: string) => `${option} 需要一个正数，收到“${value}”`,
    badInteger: (option: string, value: string) => `${option} 需要一个 ≥ 0 的整数，收到“${value}”`,
    badArgs: (message: string) => `${message}。使用 --help 查看选项。`,
    demoAndCredentials: () =>
      '--demo 使用模拟器的演示账户；请去掉 --credentials-file/--user 或 --demo。',
  },
});
