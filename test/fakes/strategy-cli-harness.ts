import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/main/cli/main.ts';
import type { Lang } from '../../src/shared/i18n/lang.ts';
import { AlphaRestClient } from '../../src/main/core/rest/index.ts';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/main/sim/index.ts';
import { createMemoryCliContext } from './memory-cli-context.ts';

/** What one in-process `alpha-monitor strategy` run printed, with its NDJSON events. */
export interface StrategyCliResult {
  code: number;
  stdout: string;
  stderr: string;
  events: Array<Record<string, unknown> & { type: string }>;
}

/** NDJSON lines of `text` (the `--json` output), parsed. */
export function parseNdjson(text: string): StrategyCliResult['events'] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as StrategyCliResult['events'][number]);
}

/**
 * A simulator on port 0 with its demo account's credentials in a temporary file, and
 * `alpha-monitor strategy` run in-process against it. Dispose after each test.
 */
export class StrategyCliHarness {
  private constructor(
    readonly sim: Simulator,
    readonly dir: string,
    readonly credentialsFile: string,
  ) {}

  static async start(options: SimulatorOptions = {}): Promise<StrategyCliHarness> {
    const sim = await startSimulator({ fillDelayMs: 20, ...options });
    const dir = mkdtempSync(join(tmpdir(), 'strategy-cli-'));
    const credentialsFile = join(dir, 'demo.json');
    writeFileSync(credentialsFile, JSON.stringify(sim.demoAccount.credentials), { mode: 0o600 });
    return new StrategyCliHarness(sim, dir, credentialsFile);
  }

  /** The options that point the CLI at this simulator's demo account. */
  connection(): string[] {
    return [
      ...['--rest-url', this.sim.restUrl, '--ws-url', this.sim.wsUrl],
      ...['--credentials-file', this.credentialsFile],
    ];
  }

  /** A REST client of the demo account, to check what the exchange holds. */
  rest(): AlphaRestClient {
    return new AlphaRestClient({
      baseUrl: this.sim.restUrl,
      credentials: this.sim.demoAccount.credentials,
    });
  }

  /**
   * Runs `alpha-monitor strategy ...args`; `onStdout` sees each chunk as it is written; with
   * `typed`, stdin is a terminal where the person types it at the prompt; `lang` is `--lang`.
   */
  async run(
    args: string[],
    onStdout?: (text: string) => void,
    typed?: string,
    lang: Lang = 'en',
  ): Promise<StrategyCliResult> {
    const stdin = new PassThrough();
    if (typed !== undefined) {
      Object.assign(stdin, { isTTY: true });
      stdin.write(typed);
    }
    const io = createMemoryCliContext(lang, {}, { cwd: this.dir, stdin, onStdout });
    const code = await main(['strategy', ...args, '--lang', lang], io.context);
    const { stdout, stderr } = io;
    return { code, stdout, stderr, events: parseNdjson(stdout) };
  }

  async dispose(): Promise<void> {
    await this.sim.dispose();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** `'--token KOGE --chain BSC'` → argv words. */
export const words = (line: string): string[] => line.split(' ');
export const ofType = (c: StrategyCliResult, type: string) =>
  c.events.filter((e) => e.type === type);
export const summaryOf = (c: StrategyCliResult) => c.events.at(-1)!;
