import { useState } from 'react';
import {
  ALERT_KINDS,
  type AlertSecretName,
  type AlertSettingsPatch,
} from '../../../shared/alerts/alert-settings.ts';
import type { AlertSettingsView, AlertTestResultView } from '../../../shared/alerts/alert-views.ts';
import type { IpcError } from '../../../shared/ipc/result.ts';
import { useApi } from '../shell/api-context.tsx';
import { useLiveValue } from '../hooks/use-live-feed.ts';
import { useT } from '../i18n/i18n.tsx';
import { Button, ErrorBox, Spinner } from './ui.tsx';

/**
 * Alerts to a phone: a webhook and a Telegram bot, which events, and "Send test". Secrets are
 * typed here and go to main once; the page only ever learns whether one is set.
 */
export function AlertsSettings() {
  const t = useT().alerts;
  const api = useApi();
  const live = useLiveValue<AlertSettingsView>(
    () => api.getAlertSettings(),
    (set) => api.onAlertSettingsChanged(set),
    [api],
  );
  const [error, setError] = useState<IpcError | null>(null);
  const [testing, setTesting] = useState(false);
  const [results, setResults] = useState<AlertTestResultView[] | null>(null);
  const view = live.value;
  if (!view) return live.error ? <ErrorBox error={live.error} /> : <Spinner />;
  const { settings, secrets } = view;

  const update = async (patch: AlertSettingsPatch) => {
    setError(null);
    const result = await api.updateAlertSettings(patch);
    if (!result.ok) setError(result.error);
  };
  const setSecret = async (name: AlertSecretName, value: string | null) => {
    setError(null);
    const result = await api.setAlertSecret({ name, value });
    if (!result.ok) setError(result.error);
    return result.ok;
  };
  const sendTest = async () => {
    setTesting(true);
    setResults(null);
    setError(null);
    const result = await api.sendTestAlert();
    setTesting(false);
    if (result.ok) setResults(result.value);
    else setError(result.error);
  };
  const anyChannel =
    (settings.webhook.enabled && settings.webhook.url !== null) ||
    (settings.telegram.enabled && settings.telegram.chatId !== null);

  return (
    <div data-testid="alerts-settings">
      <p className="muted small">{t.intro}</p>
      <Check
        label={t.webhook}
        checked={settings.webhook.enabled}
        onChange={(enabled) => void update({ webhook: { enabled } })}
        testId="alerts-webhook-enabled"
      />
      <TextSetting
        label={t.webhookUrl}
        value={settings.webhook.url ?? ''}
        placeholder="https://example.com/alpha-hook"
        valid={(text) => text === '' || /^https?:\/\/\S+$/i.test(text)}
        invalidHint={t.webhookUrlInvalid}
        onCommit={(text) => void update({ webhook: { url: text === '' ? null : text } })}
        testId="alerts-webhook-url"
      />
      <SecretSetting
        label={t.webhookSecret}
        isSet={secrets.webhookSecret}
        onSave={(value) => setSecret('webhookSecret', value)}
        testId="alerts-webhook-secret"
      />
      <Check
        label={t.telegram}
        checked={settings.telegram.enabled}
        onChange={(enabled) => void update({ telegram: { enabled } })}
        testId="alerts-telegram-enabled"
      />
      <SecretSetting
        label={t.telegramToken}
        isSet={secrets.telegramBotToken}
        onSave={(value) => setSecret('telegramBotToken', value)}
        testId="alerts-telegram-token"
      />
      <TextSetting
        label={t.telegramChat}
        value={settings.telegram.chatId ?? ''}
        placeholder="123456789"
        valid={(text) => text === '' || /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,64})$/.test(text)}
        invalidHint={t.telegramChatInvalid}
        onCommit={(text) => void update({ telegram: { chatId: text === '' ? null : text } })}
        testId="alerts-telegram-chat"
      />
      <div className="muted small">{t.events}</div>
      {ALERT_KINDS.map((kind) => (
        <Check
          key={kind}
          label={t.kind[kind]}
          checked={settings.events[kind]}
          onChange={(on) => void update({ events: { [kind]: on } })}
          testId={`alerts-event-${kind}`}
        />
      ))}
      <Check
        label={t.demoFills}
        checked={settings.demoFills}
        onChange={(demoFills) => void update({ demoFills })}
        testId="alerts-demo-fills"
      />
      <TextSetting
        label={t.accountDownMinutes}
        value={String(settings.accountDownMinutes)}
        valid={(text) => /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 1440}
        invalidHint={t.accountDownInvalid}
        onCommit={(text) => void update({ accountDownMinutes: Number(text) })}
        testId="alerts-account-down-minutes"
      />
      <p className="muted small">{t.rateLimit}</p>
      <div className="dialog-actions">
        <Button
          onClick={() => void sendTest()}
          busy={testing}
          disabled={!anyChannel}
          data-testid="alerts-send-test"
        >
          {t.sendTest}
        </Button>
        {!anyChannel && <span className="muted small">{t.noChannel}</span>}
      </div>
      {results && <TestResults results={results} />}
      {error && <ErrorBox error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}

function Check(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
        data-testid={props.testId}
      />
      {props.label}
    </label>
  );
}

function TestResults({ results }: { results: AlertTestResultView[] }) {
  const all = useT();
  const t = all.alerts;
  return (
    <ul className="small" data-testid="alerts-test-results">
      {results.map((r) => (
        <li
          key={r.channel}
          className={r.ok ? 'ok-text' : 'warn'}
          data-testid={`alerts-test-${r.channel}`}
        >
          {r.ok
            ? t.testSent(t.channelName[r.channel], r.target ?? '')
            : t.testFailed(
                t.channelName[r.channel],
                t.failure[r.code ?? ''] ?? all.errorText({ code: r.code ?? 'INTERNAL' }),
              )}
        </li>
      ))}
    </ul>
  );
}

/** A text field sent when left (or Enter), and only when valid and changed. */
function TextSetting(props: {
  label: string;
  value: string;
  placeholder?: string;
  valid: (text: string) => boolean;
  invalidHint: string;
  onCommit: (text: string) => void;
  testId: string;
}) {
  const [draft, setDraft] = useState(props.value);
  const [shown, setShown] = useState(props.value);
  if (shown !== props.value) {
    setShown(props.value);
    setDraft(props.value);
  }
  const text = draft.trim();
  const ok = props.valid(text);
  const commit = () => {
    if (ok && text !== props.value) props.onCommit(text);
  };
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        value={draft}
        placeholder={props.placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        aria-invalid={!ok}
        data-testid={props.testId}
      />
      {!ok && <span className="warn small">{props.invalidHint}</span>}
    </label>
  );
}

/** A write-only secret: typed, saved to the keychain, then shown only as "set". */
function SecretSetting(props: {
  label: string;
  isSet: boolean;
  onSave: (value: string | null) => Promise<boolean>;
  testId: string;
}) {
  const t = useT().alerts;
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async (value: string | null) => {
    setBusy(true);
    if (await props.onSave(value)) setDraft('');
    setBusy(false);
  };
  return (
    <label className="field">
      <span>
        {props.label}{' '}
        <span className="muted small" data-testid={`${props.testId}-status`}>
          {props.isSet ? t.secretSet : t.secretNotSet}
        </span>
      </span>
      <input
        type="password"
        autoComplete="off"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        data-testid={props.testId}
      />
      <span>
        <Button
          onClick={() => void save(draft)}
          busy={busy}
          disabled={draft.trim() === ''}
          data-testid={`${props.testId}-save`}
        >
          {t.saveSecret}
        </Button>
        {props.isSet && (
          <Button
            variant="ghost"
            onClick={() => void save(null)}
            data-testid={`${props.testId}-remove`}
          >
            {t.removeSecret}
          </Button>
        )}
      </span>
    </label>
  );
}
