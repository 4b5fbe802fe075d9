import { Readable } from 'node:stream';
import type { CliContext } from '../../src/main/cli/common/cli-context.ts';
import type { CliLogFile } from '../../src/main/cli/common/cli-log-file.ts';
import type { Lang } from '../../src/main/cli/i18n/lang.ts';

/** What a test may set on a memory context besides the language and environment. */
export interface MemoryCliContextOptions {
  cwd?: string;
  /** The command's input (default: empty). A terminal is a PassThrough with `isTTY: true`. */
  stdin?: NodeJS.ReadableStream;
  /** Sees each chunk written to stdout, as it is written. */
  onStdout?: (text: string) => void;
  /** Sees each chunk written to stderr, as it is written (e.g. to press Ctrl+C at a prompt). */
  onStderr?: (text: string) => void;
  /** The command's log file (e.g. `openCliLogFile` on a temporary data folder); default none. */
  logFile?: CliLogFile;
}

/** A CliContext that records output and lets a test fire Ctrl+C. */
export function createMemoryCliContext(
  lang: Lang = 'en',
  env: NodeJS.ProcessEnv = {},
  options: MemoryCliContextOptions = {},
) {
  const handlers = new Set<() => void>();
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    lang,
    env,
    cwd: options.cwd ?? process.cwd(),
    stdin: options.stdin ?? Readable.from([]),
    stdout: (text) => {
      stdout += text;
      options.onStdout?.(text);
    },
    stderr: (text) => {
      stderr += text;
      options.onStderr?.(text);
    },
    ...(options.logFile ? { logFile: options.logFile } : {}),
    onInterrupt(handler) {
      handlers.add(handler);
      return () => void handlers.delete(handler);
    },
  };
  return {
    context,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    interrupt: () => [...handlers].forEach((h) => h()),
  };
}
