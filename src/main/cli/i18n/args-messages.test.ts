import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findEnglishSentence } from '../../../../test/fakes/english-sentence.ts';
import { argsProblemOf, describeArgsError } from './args-messages.ts';

const options = {
  json: { type: 'boolean' },
  port: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies NonNullable<ParseArgsConfig['options']>;

/** The error parseArgs throws for `args` (strict, no positionals), as a command sees it. */
function refusal(args: string[]): unknown {
  try {
    parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    return error;
  }
  throw new Error(`parseArgs accepted ${args.join(' ')}`);
}

describe("util.parseArgs' refusals, by code", () => {
  it.each([
    [['--nope'], { code: 'UNKNOWN_OPTION', option: '--nope' }],
    [['--port', '1', '-x'], { code: 'UNKNOWN_OPTION', option: '-x' }],
    [['--port'], { code: 'MISSING_VALUE', option: '--port' }],
    [['--port', '--json'], { code: 'MISSING_VALUE', option: '--port' }],
    [['--json=yes'], { code: 'TAKES_NO_VALUE', option: '--json' }],
    [['--port', '1', 'extra'], { code: 'UNEXPECTED_ARGUMENT', argument: 'extra' }],
  ])('%j', (args, problem) => {
    const error = refusal(args);
    expect((error as { code: string }).code).toMatch(/^ERR_PARSE_ARGS_/);
    expect(argsProblemOf(error, args, options)).toEqual(problem);
  });

  it('says each in Chinese with no English sentence, and in English', () => {
    for (const args of [['--nope'], ['--port'], ['--json=1'], ['x']]) {
      const error = refusal(args);
      const zh = describeArgsError('zh-CN', error, { args, options });
      expect(findEnglishSentence(zh), zh).toBeNull();
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(describeArgsError('en', error, { args, options })).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(describeArgsError('zh-CN', refusal(['--nope']), { args: ['--nope'], options })).toBe(
      '未知选项 --nope',
    );
  });

  it('an error that is not parseArgs’ is "invalid arguments"', () => {
    expect(describeArgsError('zh-CN', new Error('x'), { args: [], options })).toBe('参数无效');
  });
});
