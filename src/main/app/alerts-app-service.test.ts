import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../test/fakes/fake-clock.ts';
import { MemorySecretStore } from '../../../test/fakes/memory-secret-store.ts';
import { REQUESTS } from '../../shared/ipc/contract.ts';
import { nullLogger } from '../core/ports/logger.ts';
import { AlertsAppService } from './alerts-app-service.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function open(dataDir: string, secrets: MemorySecretStore) {
  const service = new AlertsAppService({
    dataDir,
    clock: new FakeClock(),
    logger: nullLogger,
    secrets,
    language: () => 'en',
    accountLabel: (id) => id,
    isDemoAccount: () => false,
  });
  await service.load();
  return service;
}

async function setup() {
  dir = await mkdtemp(join(tmpdir(), 'am-alerts-app-'));
  const secrets = new MemorySecretStore();
  return { service: await open(dir, secrets), secrets, dir };
}

describe('AlertsAppService', () => {
  it('keeps settings in alerts.json (mode 600) and secrets only in the keychain; views say "set", never the value', async () => {
    const { service, secrets, dir } = await setup();
    const changes: unknown[] = [];
    service.onDidChange((view) => changes.push(view));
    await service.update({ telegram: { enabled: true, chatId: '4242' }, events: { fill: false } });
    const view = await service.setSecret('telegramBotToken', '  1:token-value  ');
    expect(view.secrets).toEqual({ telegramBotToken: true, webhookSecret: false });
    expect(secrets.entries.get('telegramBotToken')).toBe('1:token-value');
    const file = await readFile(join(dir, 'alerts.json'), 'utf8');
    expect(JSON.parse(file)).toMatchObject({
      telegram: { enabled: true, chatId: '4242' },
      events: { fill: false, 'session-expired': true },
    });
    expect(file).not.toContain('token-value');
    expect((await stat(join(dir, 'alerts.json'))).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(changes)).not.toContain('token-value');
    expect(changes).toHaveLength(2);
    // A reopened app reads the same settings.
    const again = await open(dir, secrets);
    expect((await again.view()).settings.telegram.chatId).toBe('4242');
    expect((await service.setSecret('telegramBotToken', null)).secrets.telegramBotToken).toBe(
      false,
    );
  });

  it('the contract refuses a bad URL, chat id or minutes before the service sees them', () => {
    const parse = (p: unknown) => REQUESTS.updateAlertSettings.payload.safeParse(p).success;
    expect(parse({ webhook: { url: 'https://example.com/hook' } })).toBe(true);
    expect(parse({ webhook: { url: 'file:///etc/passwd' } })).toBe(false);
    expect(parse({ telegram: { chatId: '12; rm -rf' } })).toBe(false);
    expect(parse({ accountDownMinutes: 0 })).toBe(false);
    expect(parse({ events: { unknown: true } })).toBe(false);
    expect(REQUESTS.setAlertSecret.payload.safeParse({ name: 'other', value: 'x' }).success).toBe(
      false,
    );
  });
});
