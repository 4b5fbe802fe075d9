import { describe, expect, it } from 'vitest';
import { createMemoryCliContext } from '../../../test/fakes/memory-cli-context.ts';
import { COMMANDS } from './commands/index.ts';
import { displayWidth } from './i18n/option-table.ts';
import { main } from './main.ts';

/** Issue 14: help texts say what a command takes and how it exits, aligned in both languages. */

// strategy's help belongs to its own work (its prompt and validation).
const COMMAND_NAMES = Object.keys(COMMANDS).filter((name) => name !== 'strategy');

async function help(args: string[], lang: 'en' | 'zh-CN') {
  const io = createMemoryCliContext(lang);
  const code = await main([...args, '--help', '--lang', lang], io.context);
  return { code, text: io.stdout };
}

/** The display column where each option row's description starts, per block of rows. */
function descriptionColumns(text: string): number[][] {
  const blocks: number[][] = [];
  let current: number[] = [];
  for (const line of text.split('\n')) {
    const row = /^( {2}--\S+(?: \S+)?\s{2,})\S/.exec(line);
    if (row) current.push(displayWidth(row[1]!));
    else if (!/^ {6,}\S/.test(line) && current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

describe('help texts', () => {
  it.each(COMMAND_NAMES.flatMap((name) => [[name, 'en'] as const, [name, 'zh-CN'] as const]))(
    '%s --help (%s): exit 0, option descriptions line up on screen',
    async (name, lang) => {
      const { code, text } = await help([name], lang);
      expect(code).toBe(0);
      for (const block of descriptionColumns(text)) expect(new Set(block).size, text).toBe(1);
    },
  );

  it.each([[[]], ...COMMAND_NAMES.map((name) => [[name]])])(
    'zh-CN %j --help: full-width colons after Chinese, placeholders in Chinese',
    async (args) => {
      const { text } = await help(args, 'zh-CN');
      expect(text).not.toMatch(/[\u4e00-\u9fff）]:/);
      expect(text).not.toMatch(/<(id|s|n|file|path|url|base|dir|name|command|options)>/);
    },
  );

  it.each(['watch', 'check', 'listen-key'])('%s --help lists its exit codes', async (name) => {
    expect((await help([name], 'en')).text).toMatch(/Exit codes: 0 .*2 bad usage/s);
    expect((await help([name], 'zh-CN')).text).toMatch(/退出码：0 .*2 用法错误/s);
  });

  it('listen-key lists only the options it uses', async () => {
    const { text } = await help(['listen-key'], 'en');
    for (const ignored of [
      '--ws-url',
      '--renew-interval',
      '--ping-interval',
      '--reconcile-interval',
      '--max-reconnects',
    ])
      expect(text).not.toContain(ignored);
    expect(text).toContain('--rest-url');
  });
});
