import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMemoryCliContext } from '../../../test/fakes/memory-cli-context.ts';
import { accountsMessages } from './accounts/accounts-messages.ts';
import { COMMANDS } from './commands/index.ts';
import { fleetMessages } from './i18n/fleet-messages.ts';
import { watchMessages } from './i18n/watch-messages.ts';
import { main } from './main.ts';
import { messages as strategyMessages } from './strategy/strategy-messages.ts';

/**
 * The CLI is run as `npx alpha-monitor …` (README): a bare `alpha-monitor` is not on the PATH,
 * so a message that tells the user to run one says `npx alpha-monitor …`, in both languages.
 */

const MAIN = fileURLToPath(new URL('../', import.meta.url));
const COMMAND_NAMES = Object.keys(COMMANDS).join('|');
/** `alpha-monitor <command>` (or `<command>`, `--help`) not preceded by `npx `. */
const BARE = new RegExp(`(?<![\\w./@-])(?<!npx )alpha-monitor (?:${COMMAND_NAMES}|<|--)`);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('commands in messages are npx alpha-monitor …', () => {
  it('no message of the CLI or the engine says a bare alpha-monitor <command>', () => {
    const bare = ['cli', 'core'].flatMap((dir) =>
      sourceFiles(join(MAIN, dir)).flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => ({ line, where: `${relative(MAIN, file)}:${index + 1}` }))
          // Comments name the program; only text meant for the user counts.
          .filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line) && BARE.test(line))
          .map(({ where, line }) => `${where}: ${line.trim()}`),
      ),
    );
    expect(bare).toEqual([]);
  });

  it.each(['en', 'zh-CN'] as const)('the messages the walk-through met (%s)', async (lang) => {
    const accounts = accountsMessages(lang);
    expect(accounts.exists('1')).toContain('npx alpha-monitor accounts add --user 1 --replace');
    expect(accounts.savedUnverified('1')).toContain('npx alpha-monitor accounts verify --user 1');
    expect(fleetMessages(lang).noAccounts()).toContain('npx alpha-monitor accounts add');
    expect(fleetMessages(lang).noAccounts()).toContain('npx alpha-monitor fleet --demo');
    expect(watchMessages(lang).neverLive()).toContain('npx alpha-monitor check');
    expect(strategyMessages(lang).usage('x')).toContain('npx alpha-monitor strategy --help');

    const io = createMemoryCliContext(lang);
    expect(await main(['no-such-command', '--lang', lang], io.context)).toBe(2);
    expect(io.stderr).toContain('npx alpha-monitor --help');
  });
});
