import { parseCliArgs } from '../i18n/args-messages.ts';
import { readFile } from 'node:fs/promises';
import type { CliCommand, CliContext } from '../common/cli-context.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import { accountsMessages } from '../accounts/accounts-messages.ts';
import {
  runAdd,
  runImport,
  runList,
  runPrune,
  runRemove,
  runVerify,
  type AccountsOptions,
} from '../accounts/accounts-actions.ts';
import { openAccountStore, toCliError } from '../accounts/open-account-store.ts';
import { keychainServiceFromEnv } from '../../core/accounts/index.ts';
import { PasteInterruptedError, readPaste } from '../accounts/read-paste.ts';
import {
  checkExchangeEndpoint,
  InvalidEndpointError,
} from '../../core/endpoints/exchange-endpoint.ts';

const OPTIONS = {
  user: { type: 'string' },
  name: { type: 'string' },
  'from-curl': { type: 'string' },
  from: { type: 'string' },
  'no-verify': { type: 'boolean' },
  demo: { type: 'boolean' },
  'rest-url': { type: 'string' },
  'ws-url': { type: 'string' },
  json: { type: 'boolean' },
  replace: { type: 'boolean' },
  'to-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `alpha-monitor accounts add|list|verify|remove|import`: see README.md ("Accounts"). */
export const command: CliCommand = {
  name: 'accounts',
  summary: { en: accountsMessages('en').summary, 'zh-CN': accountsMessages('zh-CN').summary },
  async run(argv: string[], ctx: CliContext): Promise<number> {
    const m = accountsMessages(ctx.lang);
    // The service actually used (ALPHA_MONITOR_KEYCHAIN_SERVICE changes it).
    const usage = m.usage(keychainServiceFromEnv(ctx.env));
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
      ctx.stdout(usage);
      return sub === undefined ? ExitCode.usage : ExitCode.ok;
    }
    let values: AccountsOptions & { help?: boolean };
    try {
      values = parseCliArgs(ctx.lang, {
        args: rest,
        options: OPTIONS,
        strict: true,
        allowPositionals: false,
      }).values;
    } catch (error) {
      throw new CliError(`${(error as Error).message}\n\n${usage}`, ExitCode.usage);
    }
    if (values.help) {
      ctx.stdout(usage);
      return ExitCode.ok;
    }
    if (values.demo && (values['rest-url'] || values['ws-url'])) {
      throw new CliError(m.demoWithUrls, ExitCode.usage);
    }
    if (values['rest-url'] !== undefined) {
      // A session goes only to https://, or in the clear to this machine (a simulator).
      try {
        checkExchangeEndpoint('rest', values['rest-url']);
      } catch (error) {
        if (!(error instanceof InvalidEndpointError)) throw error;
        throw new CliError(m.badRestUrl(values['rest-url'], error.reason), ExitCode.usage);
      }
    }
    const store = openAccountStore(ctx.env);
    try {
      switch (sub) {
        case 'add':
          return await runAdd(store, values, ctx, readInput);
        case 'list':
          return await runList(store, values, ctx);
        case 'verify':
          return await runVerify(store, values, ctx);
        case 'remove':
          return await runRemove(store, values, ctx);
        case 'prune':
          return await runPrune(store, ctx);
        case 'import':
          return await runImport(store, values, ctx, readInput);
        default:
          throw new CliError(`${m.unknownSub(sub)}\n\n${usage}`, ExitCode.usage);
      }
    } catch (error) {
      throw toCliError(error, ctx.lang);
    }
  },
};

/** A file, or standard input for `-` (read without echo when a person is pasting). */
async function readInput(path: string, ctx: CliContext): Promise<string> {
  if (path === '-') {
    // From a terminal the paste is read without echo: the cookies never reach the scrollback.
    try {
      return await readPaste(ctx.stdin, ctx.stderr, ctx.lang);
    } catch (error) {
      if (error instanceof PasteInterruptedError)
        throw new CliError(
          ctx.lang === 'zh-CN' ? '已中断。' : 'Interrupted.',
          ExitCode.interrupted,
        );
      throw error;
    }
  }
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new CliError(accountsMessages(ctx.lang).fileNotFound(path), ExitCode.usage);
  }
}
