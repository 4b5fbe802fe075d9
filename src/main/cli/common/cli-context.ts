import type { Lang } from '../i18n/lang.ts';
import type { CliLogFile } from './cli-log-file.ts';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliContext {
  readonly lang: Lang;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly stdin: NodeJS.ReadableStream;
  /** Standard output is a terminal (tables may redraw in place). Absent = not a terminal. */
  readonly stdoutIsTTY?: boolean;
  /** Writes to standard output (no newline added). */
  stdout(text: string): void;
  /** Writes to standard error (no newline added). */
  stderr(text: string): void;
  /** Where every raw log line also goes (`<data folder>/logs/cli.log`). Absent = none (tests). */
  readonly logFile?: CliLogFile;
  /**
   * Registers a handler for Ctrl+C / SIGTERM. The first signal calls every handler; a second
   * one, or a first one while no handler is registered, exits at once. Returns a function that
   * removes the handler.
   */
  onInterrupt(handler: () => void): () => void;
}

/** One `alpha-monitor <name>` command. */
export interface CliCommand {
  readonly name: string;
  /** One line for `alpha-monitor --help`. */
  readonly summary: Record<Lang, string>;
  /** Parses its own arguments and returns the exit code. */
  run(argv: string[], context: CliContext): Promise<number>;
}
