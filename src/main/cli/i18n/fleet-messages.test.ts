import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretStoreError } from '../../core/ports/secret-store.ts';
import { toCliError } from '../accounts/open-account-store.ts';
import { fleetMessages } from './fleet-messages.ts';

/** The apt command a message tells users to run, e.g. `sudo apt install gnome-keyring dbus-x11`. */
const aptCommand = (text: string) => /sudo apt install [a-z0-9 .+-]+[a-z0-9]/.exec(text)?.[0];

describe('fleet without a keychain', () => {
  it('names the packages the README and accounts add name (gnome-keyring dbus-x11), en and zh-CN', () => {
    const readme = readFileSync(resolve(import.meta.dirname, '../../../../README.md'), 'utf8');
    const readmeCommand = aptCommand(readme.slice(readme.indexOf('### Linux: what to install')));
    expect(readmeCommand).toBe('sudo apt install gnome-keyring dbus-x11');
    for (const lang of ['en', 'zh-CN'] as const) {
      const accountsAdd = toCliError(
        new SecretStoreError('SECRET_STORE_UNAVAILABLE', 'no Secret Service'),
        lang,
      ) as Error;
      expect(aptCommand(accountsAdd.message)).toBe(readmeCommand);
      expect(aptCommand(fleetMessages(lang).noKeychain())).toBe(readmeCommand);
    }
  });
});
