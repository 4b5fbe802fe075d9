import { describe, expect, it } from 'vitest';
import { SecretStoreError } from '../../core/ports/secret-store.ts';
import { CliError } from '../common/cli-error.ts';
import { toCliError } from './open-account-store.ts';

const unavailable = (detail: string) =>
  new SecretStoreError('SECRET_STORE_UNAVAILABLE', detail, { cause: new Error(detail) });

describe('keychain failures in the CLI', () => {
  it('a running Secret Service without a login keyring is not called "no Secret Service"', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const error = toCliError(
        unavailable("Couldn't access platform storage: Secret Service: no result found"),
        lang,
      ) as CliError;
      expect(error).toBeInstanceOf(CliError);
      expect(error.message).toMatch(
        lang === 'en' ? /is running, but it has no default keyring/ : /正在运行，但没有/,
      );
      expect(error.message).not.toMatch(/has no Secret Service|没有 Secret Service/);
    }
  });

  it('no Secret Service at all says what to install, as the README does', () => {
    const error = toCliError(
      unavailable(
        'Platform failure: DBus error: The name org.freedesktop.secrets was not provided',
      ),
      'en',
    ) as CliError;
    expect(error.message).toMatch(/has no Secret Service/);
    expect(error.message).toContain('sudo apt install gnome-keyring dbus-x11');
  });
});
