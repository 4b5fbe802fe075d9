import { useState } from 'react';
import type { IpcError } from '../../../shared/ipc/result.ts';
import type { AccountStorage, LanguageSetting } from '../../../shared/ipc/views-app.ts';
import { useApi } from '../shell/api-context.tsx';
import { useLang, useT } from '../i18n/i18n.tsx';
import { Button, ErrorBox, Spinner } from './ui.tsx';

/**
 * First run, no account: try the demo (an embedded simulated exchange with demo activity)
 * or add a real account from a pasted cURL command.
 */
export function WelcomeScreen({
  onAddAccount,
  onDemoStarted,
  accountStorage = 'keychain',
}: {
  onAddAccount: () => void;
  onDemoStarted: (accountId: string | null) => void;
  /** Without a keychain (a headless `serve`), it must not promise the keychain. */
  accountStorage?: AccountStorage;
}) {
  const t = useT();
  const lang = useLang();
  const api = useApi();
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const startDemo = async () => {
    setStarting(true);
    setError(null);
    const result = await api.startDemo({ activity: true });
    setStarting(false);
    if (result.ok) onDemoStarted(result.value.accountId);
    else setError(result.error);
  };

  // The first screen can be read in either language before anything else is set.
  const chooseLanguage = async (language: LanguageSetting) => {
    const result = await api.updateSettings({ language });
    if (!result.ok) setError(result.error);
  };

  return (
    <main className="welcome" data-testid="welcome">
      <div className="welcome-card">
        <label className="welcome-language small">
          {t.language}{' '}
          <select
            value={lang}
            onChange={(e) => void chooseLanguage(e.target.value as LanguageSetting)}
            data-testid="welcome-language"
          >
            <option value="en">English</option>
            <option value="zh-CN">简体中文</option>
          </select>
        </label>
        <div className="brand-mark" aria-hidden>
          <span />
          <span />
          <span />
        </div>
        <h1>{t.welcomeTitle}</h1>
        <p className="lead">{t.welcomeLead}</p>
        <div className="welcome-actions">
          <div className="welcome-option">
            <Button
              variant="primary"
              className="large"
              onClick={() => void startDemo()}
              busy={starting}
              data-testid="try-demo"
            >
              {t.tryDemo}
            </Button>
            <p className="muted small">{t.tryDemoHint}</p>
          </div>
          <div className="welcome-option">
            <Button
              className="large"
              onClick={onAddAccount}
              disabled={starting}
              data-testid="welcome-add-account"
            >
              {t.addAccount}
            </Button>
            <p className="muted small">{t.addAccountHint}</p>
          </div>
        </div>
        {starting && (
          <p className="progress-note" role="status">
            <Spinner /> {t.startingDemo}
          </p>
        )}
        {error && <ErrorBox error={error} onDismiss={() => setError(null)} />}
        <p className="muted small privacy">
          {accountStorage === 'memory' ? t.welcomePrivacyNoKeychain : t.welcomePrivacy}
        </p>
      </div>
    </main>
  );
}

/**
 * The browser host found no keychain (a server without a Secret Service): accounts added now
 * are forgotten when it stops. Shown on every screen, with the ways to keep one.
 */
export function NoKeychainBanner() {
  const t = useT();
  return (
    <details
      className="warning-box no-keychain-banner"
      role="alert"
      data-testid="no-keychain-banner"
    >
      {/* One line over every screen; the ways to keep an account open on a click. */}
      <summary>
        <strong>{t.noKeychainTitle}</strong> {t.noKeychainHowToKeep}
      </summary>
      <ul>
        {t.noKeychainAlternatives.map((line) => (
          <li key={line}>
            <code>{line.split(' — ')[0]}</code> — {line.split(' — ')[1]}
          </li>
        ))}
      </ul>
    </details>
  );
}
