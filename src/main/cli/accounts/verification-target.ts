import { DEFAULT_REST_URL } from '../../core/rest/index.ts';
import type { CliContext } from '../common/cli-context.ts';
import { accountsMessages } from './accounts-messages.ts';

/** Where verifications go: the real exchange, a `--rest-url`, or an embedded simulator (`--demo`). */
export interface VerificationTarget {
  restUrl: string;
  dispose(): Promise<void>;
}

/** Opens the target; the caller disposes it (stops the embedded simulator). */
export async function openVerificationTarget(
  options: { demo?: boolean; restUrl?: string },
  ctx: CliContext,
): Promise<VerificationTarget> {
  if (options.demo) {
    // Loaded only for --demo: the simulator is a large module.
    const { startSimulator } = await import('../../sim/index.ts');
    const sim = await startSimulator();
    ctx.stderr(`${accountsMessages(ctx.lang).demoSimulator}\n`);
    return { restUrl: sim.restUrl, dispose: () => sim.dispose() };
  }
  return { restUrl: options.restUrl ?? DEFAULT_REST_URL, dispose: async () => {} };
}
