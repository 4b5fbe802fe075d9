import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsService } from '../src/main/app/settings-service.ts';
import { logUnexpectedErrors } from '../src/main/core/logging/unexpected-error-log.ts';
import { createStreamLogger, nullLogger } from '../src/main/core/ports/logger.ts';

describe('a listener that throws is logged with the emitter that called it', () => {
  const undo: Array<() => void> = [];
  afterEach(() => undo.splice(0).forEach((u) => u()));

  it('names the component: settings-service.change', async () => {
    const lines: string[] = [];
    undo.push(
      logUnexpectedErrors(
        createStreamLogger({ write: (line) => lines.push(line) }).child({ component: 'main' }),
      ),
    );
    const dir = mkdtempSync(join(tmpdir(), 'named-emitters-'));
    undo.push(() => rmSync(dir, { recursive: true, force: true }));
    const settings = new SettingsService(dir, nullLogger);
    settings.onDidChange(() => {
      throw new Error('a broken settings listener');
    });

    await settings.update({ theme: 'dark' });

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ ERROR \[settings-service\.change\] unexpected error /);
    expect(lines[0]).toContain('a broken settings listener');
  });
});
