import type { StrategyRun } from '../../core/strategy/index.ts';
import type { CliContext } from '../common/cli-context.ts';
import { CliError, ExitCode } from '../common/cli-error.ts';
import { messages } from './strategy-messages.ts';

/** Reads one line from stdin (for the confirmation); null when `cancelled` settles first. */
export function readLine(
  stdin: NodeJS.ReadableStream,
  cancelled: Promise<void>,
): Promise<string | null> {
  return new Promise((resolve) => {
    let text = '';
    let settled = false;
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      const nl = text.indexOf('\n');
      if (nl >= 0) finish(text.slice(0, nl).trim());
    };
    const onEnd = () => finish(text.trim());
    const finish = (line: string | null) => {
      if (settled) return;
      settled = true;
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.pause();
      resolve(line);
    };
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.resume();
    void cancelled.then(() => finish(null));
  });
}

/**
 * Before real trading: prepares the run, shows what it will do and asks for exactly "yes" on
 * a terminal. 'go' to start; 'stop' when the person declined or cancelled (Ctrl+C settles
 * `cancelled`) or when the target is already met (nothing to place): the command then ends
 * with exit code 0. A preparation failure is left to start(), which reports it as the outcome.
 * Without a terminal it refuses (use --yes).
 */
export async function confirmLiveRun(
  strategy: Pick<StrategyRun, 'prepare'>,
  ctx: Pick<CliContext, 'stdin' | 'stderr' | 'lang'>,
  options: { amountUsdt: string; cancelled: Promise<void>; say: (line: string) => void },
): Promise<'go' | 'stop'> {
  const m = messages(ctx.lang);
  const { say, cancelled } = options;
  const prep = await Promise.race([
    strategy.prepare().catch(() => null),
    cancelled.then((): 'cancelled' => 'cancelled'),
  ]);
  if (prep === 'cancelled') {
    say(m.cancelled);
    return 'stop';
  }
  if (prep === null) return 'go';
  if (prep.targetMet) {
    // Nothing to confirm: the run would place nothing.
    say(m.targetMet(prep));
    return 'stop';
  }
  if (!(ctx.stdin as { isTTY?: boolean }).isTTY) throw new CliError(m.noTty, ExitCode.usage);
  ctx.stderr(m.confirm(prep, options.amountUsdt));
  const answer = await readLine(ctx.stdin, cancelled);
  if (answer === null) {
    ctx.stderr('\n');
    say(m.cancelled);
    return 'stop';
  }
  // Exactly "yes": a stray "y" must not start real trading.
  if (answer !== 'yes') {
    say(m.declined);
    return 'stop';
  }
  return 'go';
}
