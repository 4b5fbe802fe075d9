import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from './lang.ts';

/** What was wrong with the command line, found from the arguments themselves (not Node's prose). */
export type ArgsProblem =
  | { code: 'UNKNOWN_OPTION'; option: string }
  | { code: 'MISSING_VALUE'; option: string }
  | { code: 'TAKES_NO_VALUE'; option: string }
  | { code: 'UNEXPECTED_ARGUMENT'; argument: string }
  | { code: 'INVALID_ARGUMENTS' };

const TEXTS: Record<
  Lang,
  { [C in ArgsProblem['code']]: (problem: Extract<ArgsProblem, { code: C }>) => string }
> = {
  en: {
    UNKNOWN_OPTION: (p) => `Unknown option ${p.option}`,
    MISSING_VALUE: (p) => `${p.option} needs a value (e.g. ${p.option} <value>)`,
    TAKES_NO_VALUE: (p) => `${p.option} takes no value`,
    UNEXPECTED_ARGUMENT: (p) => `Unexpected argument "${p.argument}"`,
    INVALID_ARGUMENTS: () => 'Invalid arguments',
  },
  'zh-CN': {
    UNKNOWN_OPTION: (p) => `未知选项 ${p.option}`,
    MISSING_VALUE: (p) => `${p.option} 需要一个值（例如 ${p.option} <值>）`,
    TAKES_NO_VALUE: (p) => `${p.option} 不接受值`,
    UNEXPECTED_ARGUMENT: (p) => `多余的参数“${p.argument}”`,
    INVALID_ARGUMENTS: () => '参数无效',
  },
};

/** Node's codes for the errors util.parseArgs throws (its `error.code`). */
const NODE_CODES = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: 'UNKNOWN_OPTION',
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: 'INVALID_OPTION_VALUE',
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: 'UNEXPECTED_POSITIONAL',
} as const;

type Options = NonNullable<ParseArgsConfig['options']>;

/** The long name of `--name` / `-n`, or null when the command has no such option. */
function optionName(token: string, options: Options): string | null {
  if (token.startsWith('--')) {
    const name = token.slice(2).split('=')[0]!;
    return Object.hasOwn(options, name) ? name : null;
  }
  const short = token.slice(1, 2);
  const entry = Object.entries(options).find(([, o]) => o.short === short);
  return entry ? entry[0] : null;
}

/**
 * Finds what util.parseArgs refused, by its `code` and the arguments, the way parseArgs reads
 * them: `--` ends the options, a string option takes the next argument (or `=value`).
 */
export function argsProblemOf(
  error: unknown,
  args: readonly string[],
  options: Options,
): ArgsProblem {
  const code = (error as { code?: string } | null)?.code;
  const kind =
    code !== undefined && Object.hasOwn(NODE_CODES, code)
      ? NODE_CODES[code as keyof typeof NODE_CODES]
      : null;
  if (kind === null) return { code: 'INVALID_ARGUMENTS' };
  for (let i = 0; i < args.length; i++) {
    const token = args[i]!;
    if (token === '--') {
      const rest = args[i + 1];
      return kind === 'UNEXPECTED_POSITIONAL' && rest !== undefined
        ? { code: 'UNEXPECTED_ARGUMENT', argument: rest }
        : { code: 'INVALID_ARGUMENTS' };
    }
    if (!token.startsWith('-') || token === '-') {
      if (kind === 'UNEXPECTED_POSITIONAL') return { code: 'UNEXPECTED_ARGUMENT', argument: token };
      continue;
    }
    const name = optionName(token, options);
    const shown = token.split('=')[0]!;
    if (name === null) {
      if (kind === 'UNKNOWN_OPTION') return { code: 'UNKNOWN_OPTION', option: shown };
      continue;
    }
    const flag = `--${name}`;
    const inline = token.startsWith('--') && token.includes('=');
    if (options[name]!.type === 'boolean') {
      if (inline && kind === 'INVALID_OPTION_VALUE')
        return { code: 'TAKES_NO_VALUE', option: flag };
      continue;
    }
    if (inline) continue;
    const value = args[i + 1];
    if (value === undefined || (value.startsWith('-') && value !== '-')) {
      if (kind === 'INVALID_OPTION_VALUE') return { code: 'MISSING_VALUE', option: flag };
      continue;
    }
    i++;
  }
  return { code: 'INVALID_ARGUMENTS' };
}

/** What util.parseArgs refused, in the user's language (never Node's English message). */
export function describeArgsError(
  lang: Lang,
  error: unknown,
  config: { args: readonly string[]; options: Options },
): string {
  const problem = argsProblemOf(error, config.args, config.options);
  const text = TEXTS[lang][problem.code] as (problem: ArgsProblem) => string;
  return text(problem);
}

/** util.parseArgs refused the command line; the message is already in the user's language. */
export class ArgsError extends Error {
  constructor(
    readonly problem: ArgsProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ArgsError';
  }
}

/**
 * util.parseArgs, with its refusals turned into an ArgsError whose message is in `lang`
 * (callers keep printing `error.message`, now translated).
 */
export function parseCliArgs<T extends ParseArgsConfig>(
  lang: Lang,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    const args = config.args ?? [];
    const options = config.options ?? {};
    const problem = argsProblemOf(error, args, options);
    throw new ArgsError(problem, describeArgsError(lang, error, { args, options }));
  }
}
