import { defineMessages } from '../i18n/lang.ts';

export const alertsMessages = defineMessages({
  en: {
    summary: 'alert channels (webhook, Telegram): show, send a test, store secrets',
    usage:
      'Usage:\n' +
      '  npx alpha-monitor alerts [show] [--alerts-config <path>] [--json]\n' +
      '  npx alpha-monitor alerts test [--webhook <url>] [--telegram-chat <id>] [--alerts-config <path>] [--verbose]\n' +
      '  npx alpha-monitor alerts set-secret telegram-token|webhook-secret [--remove]   (the value on standard input)\n\n' +
      "Settings come from --alerts-config <path>, else the app's alerts.json in the data folder.\n" +
      "--webhook / --telegram-chat turn that channel on for this command (a group's negative id: --telegram-chat=-100123).\n" +
      '--verbose also prints the raw log lines (WARN …, with codes) on stderr; they are always in <data folder>/logs/cli.log.\n' +
      'Secrets: ALPHA_MONITOR_TELEGRAM_BOT_TOKEN / ALPHA_MONITOR_WEBHOOK_SECRET, else the keychain.\n' +
      'Exit codes: 0 every channel took the test; 1 a channel failed; 2 usage (no channel on, a bad option or file).\n',
    unknownSub: (sub: string) => `Unknown alerts command "${sub}".`,
    settingsFrom: (path: string, exists: boolean) =>
      `Alerts settings: ${path}${exists ? '' : ' (no file yet: defaults)'}`,
    on: 'on',
    off: 'off',
    set: 'set',
    notSet: 'not set',
    webhookLine: (state: string, target: string, secret: string) =>
      `  webhook:  ${state}  ${target}  signing secret: ${secret}`,
    telegramLine: (state: string, chat: string, token: string) =>
      `  telegram: ${state}  ${chat}  bot token: ${token}`,
    noUrl: '(no URL)',
    noChat: '(no chat id)',
    events: (list: string) => `  events:   ${list}`,
    extras: (demoFills: string, minutes: number) =>
      `  demo fills: ${demoFills}; account down after ${minutes} min`,
    rateLimit:
      '  rate limit: one message per event kind per account per minute; later ones merged into the next',
    noChannel:
      'No alert channel is on: pass --webhook <url> or --telegram-chat <id>, or turn one on in the app (Settings → Alerts).',
    testOk: (channel: string, target: string) => `${channel}: test sent to ${target}`,
    testFailed: (channel: string, code: string, message: string) =>
      `${channel}: not sent (${code}): ${message}`,
    /** A missing setting is worded here by its code; other reasons carry the receiver's answer. */
    reason: (code: string, message: string) =>
      ({
        WEBHOOK_URL_MISSING: 'no webhook URL is set: pass --webhook <url> or set one in the app.',
        TELEGRAM_CHAT_MISSING: 'no Telegram chat id is set: pass --telegram-chat <id>.',
        TELEGRAM_TOKEN_MISSING:
          'no Telegram bot token: set ALPHA_MONITOR_TELEGRAM_BOT_TOKEN for this command, ' +
          "or store it with: printf '%s' '<token>' | npx alpha-monitor alerts set-secret telegram-token",
      })[code] ?? message,
    badOption: (option: string, problem: string) => `${option}: ${problem}`,
    badSecretName: (name: string) =>
      `"${name}" is not an alert secret: use telegram-token or webhook-secret.`,
    secretPrompt: 'Paste the value, then press Enter and Ctrl+D:\n',
    secretEmpty: 'Nothing on standard input: no secret stored (use --remove to delete one).',
    secretStored: (name: string) => `${name} stored in the keychain.`,
    secretRemoved: (name: string, existed: boolean) =>
      existed ? `${name} removed from the keychain.` : `${name} was not in the keychain.`,
    noKeychain: (variable: string) =>
      `No keychain is reachable on this machine (no Secret Service on the D-Bus session bus), so the secret cannot be stored. Give it to each command in ${variable} instead.`,
    watchAlerts: (channels: string) => `Alerts: ${channels}`,
    watchUndelivered: (why: string) =>
      `Some alerts were still being delivered when watch ended; ${why}.`,
    watchDropped: (count: number, why: string) =>
      `${count === 1 ? '1 alert was' : `${count} alerts were`} not delivered; ${why}.`,
    whyInLog: (path: string) => `why is in ${path} (or run with --verbose)`,
    whyVerbose: 'run with --verbose to see why',
  },
  'zh-CN': {
    summary: '提醒通道（Webhook、Telegram）：查看、发送测试、保存密钥',
    usage:
      '用法：\n' +
      '  npx alpha-monitor alerts [show] [--alerts-config <路径>] [--json]\n' +
      '  npx alpha-monitor alerts test [--webhook <地址>] [--telegram-chat <ID>] [--alerts-config <路径>] [--verbose]\n' +
      '  npx alpha-monitor alerts set-secret telegram-token|webhook-secret [--remove]   （值从标准输入读取）\n\n' +
      '设置来自 --alerts-config <路径>，否则为数据文件夹中应用的 alerts.json。\n' +
      '--webhook / --telegram-chat 为本次命令开启该通道（群组的负数 ID：--telegram-chat=-100123）。\n' +
      '--verbose 同时在标准错误输出原始日志行（WARN …，含代码）；原始日志行总会写入 <数据文件夹>/logs/cli.log。\n' +
      '密钥：ALPHA_MONITOR_TELEGRAM_BOT_TOKEN / ALPHA_MONITOR_WEBHOOK_SECRET，否则取自钥匙串。\n' +
      '退出码：0 所有通道都收到测试；1 有通道失败；2 用法错误（没有开启的通道、选项或文件有误）。\n',
    unknownSub: (sub: string) => `未知的 alerts 子命令“${sub}”。`,
    settingsFrom: (path: string, exists: boolean) =>
      `提醒设置：${path}${exists ? '' : '（尚无文件：使用默认值）'}`,
    on: '开',
    off: '关',
    set: '已设置',
    notSet: '未设置',
    webhookLine: (state: string, target: string, secret: string) =>
      `  webhook：  ${state}  ${target}  签名密钥：${secret}`,
    telegramLine: (state: string, chat: string, token: string) =>
      `  telegram： ${state}  ${chat}  机器人令牌：${token}`,
    noUrl: '（无地址）',
    noChat: '（无聊天 ID）',
    events: (list: string) => `  事件：    ${list}`,
    extras: (demoFills: string, minutes: number) =>
      `  演示账户成交：${demoFills}；账户中断 ${minutes} 分钟后提醒`,
    rateLimit: '  频率限制：每个账户每种事件每分钟一条消息；之后的合并到下一条',
    noChannel:
      '没有开启的提醒通道：请传入 --webhook <地址> 或 --telegram-chat <ID>，或在应用中开启（设置 → 手机提醒）。',
    testOk: (channel: string, target: string) => `${channel}：测试消息已发送到 ${target}`,
    testFailed: (channel: string, code: string, message: string) =>
      `${channel}：未发送（${code}）：${message}`,
    reason: (code: string, message: string) =>
      ({
        WEBHOOK_URL_MISSING: '未设置 Webhook 地址：请传入 --webhook <地址>，或在应用中设置。',
        TELEGRAM_CHAT_MISSING: '未设置 Telegram 聊天 ID：请传入 --telegram-chat <ID>。',
        TELEGRAM_TOKEN_MISSING:
          '没有 Telegram 机器人令牌：请为本次命令设置 ALPHA_MONITOR_TELEGRAM_BOT_TOKEN，' +
          "或保存到钥匙串：printf '%s' '<令牌>' | npx alpha-monitor alerts set-secret telegram-token",
      })[code] ?? message,
    badOption: (option: string, problem: string) => `${option}：${problem}`,
    badSecretName: (name: string) =>
      `“${name}”不是提醒密钥：请使用 telegram-token 或 webhook-secret。`,
    secretPrompt: '粘贴密钥值，然后按回车和 Ctrl+D：\n',
    secretEmpty: '标准输入为空：未保存密钥（删除请用 --remove）。',
    secretStored: (name: string) => `${name} 已保存到钥匙串。`,
    secretRemoved: (name: string, existed: boolean) =>
      existed ? `${name} 已从钥匙串删除。` : `钥匙串中没有 ${name}。`,
    noKeychain: (variable: string) =>
      `本机无法访问钥匙串（D-Bus 会话总线上没有 Secret Service），无法保存该密钥。请改为在每次命令中通过 ${variable} 提供。`,
    watchAlerts: (channels: string) => `提醒：${channels}`,
    watchUndelivered: (why: string) => `watch 结束时仍有提醒正在发送；${why}。`,
    watchDropped: (count: number, why: string) => `有 ${count} 条提醒未能送达；${why}。`,
    whyInLog: (path: string) => `原因见 ${path}（或加上 --verbose 运行）`,
    whyVerbose: '加上 --verbose 运行可查看原因',
  },
});
