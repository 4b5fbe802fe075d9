import { useState } from 'react';
import type { AccountView, AddAccountResult } from '../../../shared/ipc/views-app.ts';
import type { IpcError } from '../../../shared/ipc/result.ts';
import { useApi } from '../shell/api-context.tsx';
import { useT } from '../i18n/i18n.tsx';
import { Button, Dialog, ErrorBox, Spinner } from './ui.tsx';

/**
 * Add an account by pasting a "Copy as cURL" command. The host parses it, verifies the
 * session with the exchange and stores the secrets; the dialog only ever holds the pasted
 * text, and clears it once the account is stored. With `reimport`, the paste becomes a fresh
 * session for that account (same id, label and history). Afterwards it says which headers
 * and cookies the paste carried (names only) and what is worth knowing.
 */
export function AddAccountDialog({
  onClose,
  onAdded,
  reimport,
}: {
  onClose: () => void;
  onAdded: (result: AddAccountResult) => void;
  reimport?: AccountView;
}) {
  const t = useT();
  const api = useApi();
  const [curl, setCurl] = useState('');
  const [label, setLabel] = useState('');
  const [showAdvanced, setShowAdvanced] = useState(false);
  const [restUrl, setRestUrl] = useState('');
  const [wsUrl, setWsUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [added, setAdded] = useState<AddAccountResult | null>(null);

  const submit = async () => {
    if (curl.trim() === '') {
      setError({ code: 'CURL_PARSE_ERROR', params: {}, message: 'The paste box is empty.' });
      return;
    }
    setBusy(true);
    setError(null);
    const result = reimport
      ? await api.reimportAccountFromCurl({ accountId: reimport.id, curl })
      : await api.addAccountFromCurl({
          curl,
          label: label.trim() === '' ? undefined : label.trim(),
          restUrl: restUrl.trim() === '' ? undefined : restUrl.trim(),
          wsUrl: wsUrl.trim() === '' ? undefined : wsUrl.trim(),
        });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setCurl('');
    // What the paste carried (and any warnings) is shown before moving on; the account is stored.
    setAdded(result.value);
  };

  const title = reimport ? t.reimportTitle(reimport.label) : t.addAccountTitle;
  if (added) {
    return (
      <Dialog title={title} onClose={() => onAdded(added)} testId="add-account-dialog">
        <p className="ok-text" data-testid="account-added">
          {reimport ? t.reimported(added.account.label) : t.accountAdded(added.account.label)}
        </p>
        <div className="muted small" data-testid="paste-found">
          <p>{t.pasteFoundHeaders(added.found.headers.join(', '))}</p>
          <p>{t.pasteFoundCookies(added.found.cookies.length, added.found.cookies.join(', '))}</p>
          <p>{t.pasteFoundNote}</p>
        </div>
        {added.warnings.length > 0 && (
          <div className="warning-box" role="note" data-testid="account-warnings">
            <strong>{t.warnings}</strong>
            <ul>
              {added.warnings.map((w, i) => (
                <li key={i} data-code={w.code}>
                  {t.errorText(w)}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="dialog-actions">
          <Button variant="primary" onClick={() => onAdded(added)} data-testid="account-added-ok">
            {t.close}
          </Button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={title} onClose={onClose} width={640} testId="add-account-dialog">
      <p className="steps">{reimport ? t.reimportSteps : t.addAccountSteps}</p>
      <label className="field">
        <span>{t.curlLabel}</span>
        <textarea
          value={curl}
          onChange={(e) => {
            setCurl(e.target.value);
            // The last error was about the previous paste.
            setError(null);
          }}
          className="secret-paste"
          placeholder={t.curlPlaceholder}
          rows={7}
          spellCheck={false}
          autoComplete="off"
          data-testid="curl-input"
        />
      </label>
      {!reimport && (
        <label className="field">
          <span>{t.labelLabel}</span>
          <input
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            placeholder={t.labelPlaceholder}
            maxLength={80}
            data-testid="label-input"
          />
        </label>
      )}
      {!reimport && (
        <button
          type="button"
          className="link-btn"
          onClick={() => setShowAdvanced((v) => !v)}
          data-testid="advanced-toggle"
        >
          {showAdvanced ? '▾' : '▸'} {t.advanced}
        </button>
      )}
      {!reimport && showAdvanced && (
        <div className="field-row">
          <label className="field">
            <span>{t.restUrlLabel}</span>
            <input
              value={restUrl}
              onChange={(e) => setRestUrl(e.target.value)}
              placeholder="https://www.binance.com"
              data-testid="rest-url-input"
            />
          </label>
          <label className="field">
            <span>{t.wsUrlLabel}</span>
            <input
              value={wsUrl}
              onChange={(e) => setWsUrl(e.target.value)}
              placeholder="wss://nbstream.binance.com/w3w/stream"
              data-testid="ws-url-input"
            />
          </label>
        </div>
      )}
      {error && <ErrorBox error={error} onDismiss={() => setError(null)} />}
      <div className="dialog-actions">
        {busy && (
          <span className="muted small progress-note" role="status">
            <Spinner /> {t.addingAccount}
          </span>
        )}
        <Button onClick={onClose} disabled={busy}>
          {t.cancel}
        </Button>
        <Button
          variant="primary"
          onClick={() => void submit()}
          busy={busy}
          data-testid="add-account-submit"
        >
          {reimport ? t.reimportSubmit : t.addAndVerify}
        </Button>
      </div>
    </Dialog>
  );
}
