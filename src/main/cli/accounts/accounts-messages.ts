import type {
  CurlImportErrorCode,
  LegacyRowProblemCode,
  VerificationOutcome,
} from '../../core/accounts/index.ts';
import type { InvalidEndpointError } from '../../core/endpoints/exchange-endpoint.ts';
import { defineMessages } from '../i18n/lang.ts';

type EndpointRefusal = InvalidEndpointError['reason'];

/** Every message of `alpha-monitor accounts`, in English and Simplified Chinese. */
export const accountsMessages = defineMessages({
  en: {
    summary:
      'store Binance sessions in the OS keychain: add (from "Copy as cURL"), list, verify, remove, import',
    usage: (service: string) =>
      'Usage:\n' +
      '  npx alpha-monitor accounts add --user <id> [--name <name>] --from-curl <file|-> [--replace] [--no-verify] [--demo | --rest-url <url> [--ws-url <url>]]\n' +
      '  npx alpha-monitor accounts add --to-file <path> --from-curl <file|-> [--replace] [--no-verify] [--demo | --rest-url <url> [--ws-url <url>]]\n' +
      '  npx alpha-monitor accounts list [--json]\n' +
      '  npx alpha-monitor accounts verify [--user <id>] [--demo | --rest-url <url>]   (every account without --user)\n' +
      '  npx alpha-monitor accounts remove --user <id>\n' +
      '  npx alpha-monitor accounts prune   (delete keychain entries that no account lists)\n' +
      '  npx alpha-monitor accounts import --from <file> [--replace] [--no-verify] [--demo | --rest-url <url> [--ws-url <url>]]\n\n' +
      '--replace re-imports a fresh session into an existing account (same id, name, history and remembered\n' +
      '--rest-url, unless a new one is given).\n' +
      'import refuses ids that exist; with --replace it gives them the sessions of the export. Its --rest-url is\n' +
      'remembered for every account it imports, as with add.\n' +
      '--to-file writes a credentials file (mode 600) for watch/serve --credentials-file instead of the keychain.\n' +
      'In the browser, log in to www.binance.com, open DevTools > Network, right-click any request to\n' +
      'www.binance.com/bapi/... and choose Copy > Copy as cURL (bash or cmd). Save it to a file, or pass - and paste it.\n' +
      `Sessions go to the OS keychain (service "${service}"); only names and dates go to accounts.json.\n\n` +
      'Exit codes: 0 done, the sessions work (or --no-verify); 1 keychain unavailable, exchange not reachable\n' +
      '(session stored, unverified) or import rows skipped; 2 bad usage; 3 the exchange rejected a session\n' +
      "(add, verify; import: any row's, the other rows are imported all the same).\n",
    missingOption: (name: string) => `Missing --${name}.`,
    unknownSub: (name: string) => `Unknown subcommand "${name}".`,
    badOptions: (why: string) => `${why}`,
    pastePrompt: 'Paste the "Copy as cURL" command, then press Ctrl+D (Windows: Ctrl+Z, Enter):\n',
    fileNotFound: (path: string) => `Cannot read ${path}: file not found or not readable.`,
    curlError: (code: CurlImportErrorCode, detail: string | undefined) =>
      ({
        EMPTY_INPUT: 'Nothing to import: the input is empty.',
        NOT_CURL:
          'This is not a cURL command. In DevTools > Network, right-click a request and choose Copy > Copy as cURL ' +
          '(bash or cmd; not PowerShell or fetch).',
        MALFORMED_CURL:
          'The cURL command is cut off or mangled (an unclosed quote). Copy it again, whole.',
        NOT_BINANCE_REQUEST:
          `This is not a request to https://www.binance.com/bapi/...${detail ? ` (it goes to ${detail})` : ''}. ` +
          'Copy one of the www.binance.com/bapi/ requests the Alpha page makes.',
        NO_COOKIE:
          'The request carries no cookies: it was copied while logged out. Log in first, then copy again.',
        INCOMPLETE_CURL:
          'The pasted command is cut off before its cookies (its last line ends with a line continuation). ' +
          'Copy the whole command again and paste all of it.',
        NO_CSRFTOKEN:
          'The request has no csrftoken header. Copy a www.binance.com/bapi/... request made while logged in ' +
          '(e.g. get-listen-key or get-user-base-info).',
        UNSENDABLE_CHARACTER:
          `The ${detail === 'cookie' ? 'cookie header' : `${detail ?? 'a'} header`} has a character browsers never send ` +
          '(a chat app or an editor changed the paste). Copy the request as cURL from the browser again.',
      })[code],
    imported: (kind: string, url: string) => `Read a ${kind} cURL command for ${url}`,
    keptHeaders: (list: string) => `  headers found: ${list} (values not shown)`,
    keptCookies: (count: number, names: string) => `  cookies found (${count}): ${names}`,
    droppedHeaders: (names: string) => `  headers dropped: ${names}`,
    missingCookies: (names: string) =>
      `Warning: the long-term session cookies ${names} are missing: this copy was made without "stay signed in" ` +
      'and may last only hours (Alpha needs r30t too). Log in with "stay signed in" ticked and copy again.',
    csrfMismatch:
      "Warning: the csrftoken header is not the one of this copy's cr00 cookie (it should be its MD5): a stale or mixed copy. " +
      'Copy a fresh cURL from the logged-in page.',
    missingHeaders: (names: string) =>
      `Warning: the headers ${names} are missing; the exchange may reject the session. Copy a www.binance.com/bapi/ request.`,
    verifying: (url: string) => `Verifying the session with ${url} ...`,
    demoSimulator:
      'Using the built-in simulator (--demo): it only knows its own demo sessions, so a real one shows as expired there.',
    outcome: (outcome: VerificationOutcome) =>
      ({
        OK: 'OK: the session works',
        SESSION_EXPIRED: 'session expired',
        VERIFICATION_REQUIRED: 'verification required',
        REJECTED: 'rejected by the exchange',
        UNREACHABLE: 'exchange not reachable',
      })[outcome],
    explain: (outcome: VerificationOutcome) =>
      ({
        OK: '',
        SESSION_EXPIRED:
          'Binance says this login is no longer valid (code 100002001). Log in again at www.binance.com in the browser, ' +
          'copy a fresh cURL and re-import it: npx alpha-monitor accounts add --user <id> --replace --from-curl <file|->. ' +
          'Did you place an order in the browser? That rotates the tokens and ends this copy; logging in elsewhere does too.',
        VERIFICATION_REQUIRED:
          'Binance wants the Alpha supplementary verification (补充认证) first. Open the Binance app, finish the ' +
          'verification it asks for, then run accounts verify again.',
        REJECTED:
          'The exchange refused the session (risk control or an unknown error). Log in again in the browser and copy a fresh cURL.',
        UNREACHABLE:
          'Could not reach the exchange (network, timeout or a server error). This says nothing about the session; try again later.',
      })[outcome],
    listenKey: (masked: string) => `  listen key: ${masked}`,
    detail: (text: string) => `  (${text})`,
    saved: (id: string, name: string, replaced: boolean) =>
      `${replaced ? 'Replaced the session of' : 'Saved'} account ${id} (${name}) in the keychain.`,
    notSaved: 'The session was not saved. Use --no-verify to store it anyway.',
    notVerified: 'Not verified (--no-verify).',
    savedUnverified: (id: string) =>
      `Saved, but not verified: run npx alpha-monitor accounts verify --user ${id} later.`,
    noAccounts:
      'No accounts yet. Add one with: npx alpha-monitor accounts add --user <id> --from-curl <file|->',
    /** Column titles, separated by |. */
    header: 'ID|NAME|ADDED|LAST VERIFIED|RESULT',
    never: 'never',
    notChecked: '-',
    removed: (id: string) => `Removed account ${id} (keychain entry and metadata).`,
    exists: (id: string) =>
      `An account "${id}" already exists; nothing was changed. To give it a fresh session (keeping its history): ` +
      `npx alpha-monitor accounts add --user ${id} --replace --from-curl <file|->`,
    replaceNotFound: (id: string) =>
      `No account "${id}" to re-import into. Leave out --replace to add it as a new account.`,
    orphans: (ids: string) =>
      `Keychain entries that no account lists (left by an add that did not finish): ${ids}. ` +
      'Remove them with: npx alpha-monitor accounts prune',
    pruned: (ids: string) => `Deleted keychain entries no account listed: ${ids}.`,
    nothingToPrune: 'No orphaned keychain entries: every entry belongs to a listed account.',
    toFileWritten: (path: string, urls: string) =>
      `Wrote ${path} (mode 600). Use it with: npx alpha-monitor watch --credentials-file ${path}${urls} ` +
      `(or serve --credentials-file ${path}${urls}, or ALPHA_MONITOR_CREDENTIALS_FILE=${path}).` +
      (urls ? ' The file holds the session only: pass the same URLs each time.' : ''),
    toFileExists: (path: string) =>
      `${path} already exists; nothing was written. Add --replace to overwrite it.`,
    toFileWithUser: '--to-file writes a file instead of the keychain: leave out --user and --name.',
    demoWithUrls: '--demo and --rest-url/--ws-url cannot be used together.',
    badRestUrl: (url: string, reason: EndpointRefusal) =>
      `--rest-url ${url}: ` +
      {
        'not-a-url': 'not a URL.',
        scheme: 'it must start with https:// (or http:// to this machine, for a simulator).',
        'plain-to-remote':
          'plain http:// is allowed only to this machine (127.0.0.1, localhost); use https://.',
        'credentials-in-url': 'it must not contain a user name or password.',
      }[reason],
    notFound: (id: string) =>
      `No account "${id}". See the list with: npx alpha-monitor accounts list`,
    verifyLine: (id: string, name: string, text: string) => `${id} (${name}): ${text}`,
    legacyNotJson: (path: string) =>
      `${path} is not JSON. Expected an export of rows {id, name, headers, cookies}.`,
    legacyNotExport: (path: string) =>
      `${path} is not an export: expected a JSON array of rows {id, name, headers, cookies}.`,
    legacyProblem: (index: number, id: string | undefined, code: LegacyRowProblemCode) =>
      `Skipped row ${index + 1}${id ? ` (id ${id})` : ''}: ` +
      {
        BAD_ID: 'no usable id (1-64 letters, digits, ".", "_", "-")',
        BAD_HEADERS: 'headers are not a JSON object',
        BAD_COOKIES: 'cookies are neither "k=v; ..." nor an object',
        NO_COOKIE: 'no cookies',
        NO_CSRFTOKEN: 'no csrftoken header',
        DUPLICATE_ID: 'the id appears twice; the first row was used',
        UNSENDABLE_CHARACTER:
          'a header or cookie has a character browsers never send; export the session again',
      }[code],
    legacyImported: (id: string, name: string, status: string, replaced: boolean) =>
      `${replaced ? 'Replaced the session of' : 'Imported'} ${id} (${name}): ${status}`,
    legacyExists: (ids: string, path: string) =>
      `Accounts with the ids ${ids} already exist; nothing was imported. To give them the sessions ` +
      `of this export (keeping their history): npx alpha-monitor accounts import --from ${path} --replace`,
    legacySummary: (saved: number, skipped: number) => `${saved} imported, ${skipped} skipped.`,
    legacyFailed: (rows: string) =>
      `Sessions that did not pass verification (stored all the same): ${rows}.`,
  },
  'zh-CN': {
    summary: '在系统钥匙串中保存币安会话：add（来自“复制为 cURL”）、list、verify、remove、import',
    usage: (service: string) =>
      '用法：\n' +
      '  npx alpha-monitor accounts add --user <账户> [--name <名称>] --from-curl <文件|-> [--replace] [--no-verify] [--demo | --rest-url <地址> [--ws-url <地址>]]\n' +
      '  npx alpha-monitor accounts add --to-file <路径> --from-curl <文件|-> [--replace] [--no-verify] [--demo | --rest-url <地址> [--ws-url <地址>]]\n' +
      '  npx alpha-monitor accounts list [--json]\n' +
      '  npx alpha-monitor accounts verify [--user <账户>] [--demo | --rest-url <地址>]   （不带 --user 时验证全部账户）\n' +
      '  npx alpha-monitor accounts remove --user <账户>\n' +
      '  npx alpha-monitor accounts prune   （删除没有账户对应的钥匙串条目）\n' +
      '  npx alpha-monitor accounts import --from <文件> [--replace] [--no-verify] [--demo | --rest-url <地址> [--ws-url <地址>]]\n\n' +
      '--replace 为已有账户重新导入新会话（保留 id、名称、历史和记住的 --rest-url，除非给出新的）。\n' +
      'import 遇到已有的 id 会拒绝；加上 --replace 则为这些账户换上导出中的会话。与 add 一样，import 的\n' +
      '--rest-url 会为它导入的每个账户记住。\n' +
      '--to-file 不写入钥匙串，而是写出凭据文件（权限 600），供 watch/serve --credentials-file 使用。\n' +
      '在浏览器中登录 www.binance.com，打开开发者工具 > 网络，右键任意 www.binance.com/bapi/... 请求，\n' +
      '选择“复制 > 复制为 cURL（bash 或 cmd）”。保存到文件，或传入 - 后直接粘贴。\n' +
      `会话保存在系统钥匙串（服务名 "${service}"）；accounts.json 只保存名称和时间。\n\n` +
      '退出码：0 完成，会话可用（或 --no-verify）；1 钥匙串不可用、无法连接交易所（会话已保存但未验证）\n' +
      '或 import 有行被跳过；2 用法错误；3 交易所拒绝了会话（add、verify；import：任意一行，其余行照常导入）。\n',
    missingOption: (name: string) => `缺少 --${name}。`,
    unknownSub: (name: string) => `未知子命令“${name}”。`,
    badOptions: (why: string) => `${why}`,
    pastePrompt: '请粘贴“复制为 cURL”的命令，然后按 Ctrl+D（Windows：Ctrl+Z 回车）：\n',
    fileNotFound: (path: string) => `无法读取 ${path}：文件不存在或不可读。`,
    curlError: (code: CurlImportErrorCode, detail: string | undefined) =>
      ({
        EMPTY_INPUT: '没有可导入的内容：输入为空。',
        NOT_CURL:
          '这不是 cURL 命令。请在开发者工具 > 网络中右键请求，选择“复制 > 复制为 cURL”（bash 或 cmd，不要 PowerShell 或 fetch）。',
        MALFORMED_CURL: 'cURL 命令不完整或已损坏（有未闭合的引号）。请重新完整复制。',
        NOT_BINANCE_REQUEST:
          `这不是发往 https://www.binance.com/bapi/... 的请求${detail ? `（它发往 ${detail}）` : ''}。` +
          '请复制 Alpha 页面发出的 www.binance.com/bapi/ 请求。',
        NO_COOKIE: '该请求没有 Cookie：复制时未登录。请先登录，再重新复制。',
        INCOMPLETE_CURL:
          '粘贴的命令在 Cookie 之前被截断（最后一行以续行符结尾）。请重新复制完整命令并全部粘贴。',
        NO_CSRFTOKEN:
          '该请求没有 csrftoken 请求头。请复制登录状态下的 www.binance.com/bapi/... 请求（例如 get-listen-key 或 get-user-base-info）。',
        UNSENDABLE_CHARACTER: `${detail === 'cookie' ? 'Cookie 请求头' : `${detail ?? ''} 请求头`}含有浏览器从不发送的字符（粘贴内容被聊天软件或编辑器改动过）。请从浏览器重新“复制为 cURL”。`,
      })[code],
    imported: (kind: string, url: string) => `已读取 ${kind} cURL 命令：${url}`,
    keptHeaders: (list: string) => `  找到的请求头：${list}（不显示值）`,
    keptCookies: (count: number, names: string) => `  找到的 Cookie（${count} 个）：${names}`,
    droppedHeaders: (names: string) => `  丢弃的请求头：${names}`,
    missingCookies: (names: string) =>
      `警告：缺少长期会话 Cookie ${names}：此副本复制时未勾选“保持登录”，可能只能维持几个小时（Alpha 还需要 r30t）。请勾选“保持登录”后重新登录并复制。`,
    csrfMismatch:
      '警告：csrftoken 请求头与此副本的 cr00 Cookie 不符（应为其 MD5）：这是过期或混合的副本。请从登录状态的页面重新复制 cURL。',
    missingHeaders: (names: string) =>
      `警告：缺少请求头 ${names}；交易所可能拒绝该会话。请复制 www.binance.com/bapi/ 请求。`,
    verifying: (url: string) => `正在向 ${url} 验证会话……`,
    demoSimulator:
      '正在使用内置模拟器（--demo）：它只认识自己的演示会话，真实会话在这里会显示为已失效。',
    outcome: (outcome: VerificationOutcome) =>
      ({
        OK: '正常：会话可用',
        SESSION_EXPIRED: '会话已失效',
        VERIFICATION_REQUIRED: '需要补充认证',
        REJECTED: '被交易所拒绝',
        UNREACHABLE: '无法连接交易所',
      })[outcome],
    explain: (outcome: VerificationOutcome) =>
      ({
        OK: '',
        SESSION_EXPIRED:
          '币安表示此登录已失效（代码 100002001）。请在浏览器中重新登录 www.binance.com，复制新的 cURL 并重新导入：' +
          'npx alpha-monitor accounts add --user <账户> --replace --from-curl <文件|->。您是否在浏览器中下过单？这会轮换令牌并使此副本失效；在别处登录也会。',
        VERIFICATION_REQUIRED:
          '币安要求先完成 Alpha 补充认证。请打开币安 App 完成认证，然后再次运行 accounts verify。',
        REJECTED: '交易所拒绝了该会话（风控或未知错误）。请在浏览器中重新登录并复制新的 cURL。',
        UNREACHABLE: '无法连接交易所（网络、超时或服务器错误）。这与会话本身无关，请稍后重试。',
      })[outcome],
    listenKey: (masked: string) => `  listen key：${masked}`,
    detail: (text: string) => `  （${text}）`,
    saved: (id: string, name: string, replaced: boolean) =>
      `${replaced ? '已替换账户' : '已保存账户'} ${id}（${name}）的会话到钥匙串。`,
    notSaved: '会话未保存。如仍要保存，请使用 --no-verify。',
    notVerified: '未验证（--no-verify）。',
    savedUnverified: (id: string) =>
      `已保存但未验证：稍后运行 npx alpha-monitor accounts verify --user ${id}。`,
    noAccounts:
      '还没有账户。添加：npx alpha-monitor accounts add --user <账户> --from-curl <文件|->',
    header: 'ID|名称|添加时间|上次验证|结果',
    never: '从未',
    notChecked: '-',
    removed: (id: string) => `已删除账户 ${id}（钥匙串条目和元数据）。`,
    exists: (id: string) =>
      `账户“${id}”已存在，未做任何更改。如要为它换上新会话（保留历史）：` +
      `npx alpha-monitor accounts add --user ${id} --replace --from-curl <文件|->`,
    replaceNotFound: (id: string) =>
      `没有可重新导入的账户“${id}”。去掉 --replace 即可作为新账户添加。`,
    orphans: (ids: string) =>
      `钥匙串中有不属于任何账户的条目（某次添加未完成时遗留）：${ids}。删除：npx alpha-monitor accounts prune`,
    pruned: (ids: string) => `已删除不属于任何账户的钥匙串条目：${ids}。`,
    nothingToPrune: '没有孤立的钥匙串条目：每个条目都属于已列出的账户。',
    toFileWritten: (path: string, urls: string) =>
      `已写入 ${path}（权限 600）。用法：npx alpha-monitor watch --credentials-file ${path}${urls}` +
      `（或 serve --credentials-file ${path}${urls}，或 ALPHA_MONITOR_CREDENTIALS_FILE=${path}）。` +
      (urls ? '该文件只保存会话：每次都请传入相同的地址。' : ''),
    toFileExists: (path: string) => `${path} 已存在，未写入。加上 --replace 可覆盖。`,
    toFileWithUser: '--to-file 写出文件而不是钥匙串：请去掉 --user 和 --name。',
    demoWithUrls: '--demo 与 --rest-url/--ws-url 不能同时使用。',
    badRestUrl: (url: string, reason: EndpointRefusal) =>
      `--rest-url ${url}：` +
      {
        'not-a-url': '不是网址。',
        scheme: '必须以 https:// 开头（或 http:// 指向本机，用于模拟器）。',
        'plain-to-remote': '明文 http:// 只允许指向本机（127.0.0.1、localhost）；请使用 https://。',
        'credentials-in-url': '不得包含用户名或密码。',
      }[reason],
    notFound: (id: string) => `没有账户“${id}”。查看账户列表：npx alpha-monitor accounts list`,
    verifyLine: (id: string, name: string, text: string) => `${id}（${name}）：${text}`,
    legacyNotJson: (path: string) =>
      `${path} 不是 JSON。应为 {id, name, headers, cookies} 行的导出。`,
    legacyNotExport: (path: string) =>
      `${path} 不是导出文件：应为 {id, name, headers, cookies} 行组成的 JSON 数组。`,
    legacyProblem: (index: number, id: string | undefined, code: LegacyRowProblemCode) =>
      `已跳过第 ${index + 1} 行${id ? `（id ${id}）` : ''}：` +
      {
        BAD_ID: '没有可用的 id（1-64 个字母、数字、“.”、“_”、“-”）',
        BAD_HEADERS: 'headers 不是 JSON 对象',
        BAD_COOKIES: 'cookies 既不是 "k=v; ..." 也不是对象',
        NO_COOKIE: '没有 Cookie',
        NO_CSRFTOKEN: '没有 csrftoken 请求头',
        DUPLICATE_ID: 'id 重复；已使用第一行',
        UNSENDABLE_CHARACTER: '请求头或 Cookie 含有浏览器从不发送的字符；请重新导出该会话',
      }[code],
    legacyImported: (id: string, name: string, status: string, replaced: boolean) =>
      `${replaced ? '已替换会话' : '已导入'} ${id}（${name}）：${status}`,
    legacyExists: (ids: string, path: string) =>
      `已有 id 为 ${ids} 的账户；未导入任何内容。如要为它们换上此导出中的会话（保留历史）：` +
      `npx alpha-monitor accounts import --from ${path} --replace`,
    legacySummary: (saved: number, skipped: number) => `导入 ${saved} 个，跳过 ${skipped} 个。`,
    legacyFailed: (rows: string) => `未通过验证的会话（仍已保存）：${rows}。`,
  },
});
