import { Readable } from 'node:stream';
import type { CliContext } from '../../src/main/cli/common/cli-context.ts';
import type { Lang } from '../../src/main/cli/i18n/lang.ts';

/** A CliContext that records output and lets a test fire Ctrl+C. */
export function createMemoryCliContext(lang: Lang = 'en', env: NodeJS.ProcessEnv = {}) {
  const handlers = new Set<() => void>();
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    lang,
    env,
    cwd: process.cwd(),
    stdin: Readable.from([]),
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
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
