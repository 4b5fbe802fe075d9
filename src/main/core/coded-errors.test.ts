import { describe, expect, it } from 'vitest';
import { CodedError, isCodedError } from '../../shared/errors/coded-error.ts';
import { IpcServiceError } from '../../shared/ipc/result.ts';
import { AccountError } from './accounts/account-errors.ts';
import { CurlImportError } from './accounts/curl-import.ts';
import { LegacyExportError } from './accounts/legacy-import.ts';
import { AlertSettingsFileError } from './alerts/alert-settings-file.ts';
import { AlertDeliveryError } from './alerts/delivery-queue.ts';
import { InvalidEndpointError } from './endpoints/exchange-endpoint.ts';
import { ExportError } from './export/csv-export.ts';
import { SecretStoreError } from './ports/secret-store.ts';
import { AlphaApiError } from './rest/alpha-api-error.ts';
import { StrategyError } from './strategy/strategy-error.ts';

describe('every layer raises errors on the one coded base', () => {
  it.each([
    [
      new AlphaApiError('HTTP_ERROR', 'x', { path: '/p', httpStatus: 502 }),
      'HTTP_ERROR',
      { path: '/p', httpStatus: 502 },
    ],
    [
      new AccountError('ACCOUNT_NOT_FOUND', 'x', { accountId: 'main' }),
      'ACCOUNT_NOT_FOUND',
      { accountId: 'main' },
    ],
    [
      new CurlImportError('NOT_BINANCE_REQUEST', 'x', 'example.com'),
      'NOT_BINANCE_REQUEST',
      { detail: 'example.com' },
    ],
    [new LegacyExportError('NOT_JSON', 'x'), 'NOT_JSON', {}],
    [
      new AlertSettingsFileError('/a.json', 'telegram.chatId'),
      'ALERT_SETTINGS_INVALID',
      { path: '/a.json', problem: 'telegram.chatId' },
    ],
    [new AlertDeliveryError('TELEGRAM_TOKEN_MISSING', 'x', false), 'TELEGRAM_TOKEN_MISSING', {}],
    [new ExportError('ENOSPC', 'x'), 'ENOSPC', {}],
    [
      new InvalidEndpointError('rest', 'http://user:pw@example.com', 'credentials-in-url'),
      'INVALID_ENDPOINT',
      { kind: 'rest', reason: 'credentials-in-url' },
    ],
    [new SecretStoreError('SECRET_STORE_FAILED', 'x'), 'SECRET_STORE_FAILED', {}],
    [
      new StrategyError({ code: 'TOKEN_NOT_FOUND', token: 'KOGE', chain: 'BSC' }),
      'TOKEN_NOT_FOUND',
      { token: 'KOGE', chain: 'BSC' },
    ],
    [
      new IpcServiceError('DISK_FULL', 'x', { path: '/d/a.json' }),
      'DISK_FULL',
      { path: '/d/a.json' },
    ],
  ] as const)('%s', (error, code, params) => {
    expect(error).toBeInstanceOf(CodedError);
    expect(isCodedError(error)).toBe(true);
    expect(error.code).toBe(code);
    expect(error.params).toEqual(params);
    expect(error.name).not.toBe('CodedError');
  });

  it('keeps what callers already read (account id, retryable)', () => {
    expect(new AccountError('ACCOUNT_EXISTS', 'x', { accountId: 'a' }).accountId).toBe('a');
    expect(new AlertDeliveryError('TELEGRAM_TOKEN_MISSING', 'x', true, 5).retryAfterMs).toBe(5);
  });
});
