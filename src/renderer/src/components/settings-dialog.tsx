import { useState } from 'react';
import type { HostKind, Settings } from '../../../shared/ipc/views-app.ts';
import type { IpcError } from '../../../shared/ipc/result.ts';
import { useApi } from '../shell/api-context.tsx';
import { useT } from '../i18n/i18n.tsx';
import { AlertsSettings } from './alerts-settings.tsx';
import { Dialog, ErrorBox, Spinner } from './ui.tsx';

/**
 * Settings apply as they are changed (no Save button to forget); each change is sent to main,
 * which stores it and fires `settingsChanged` for every window.
 */
export function SettingsDialog({
  settings,
  host,
  onClose,
}: {
  settings: Settings;
  host: HostKind;
  onClose: () => void;
}) {
  const t = useT();
  const api = useApi();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [saved, setSaved] = useState(false);

  const update = async (patch: Partial<Settings>) => {
    setSaving(true);
    setError(null);
    setSaved(false);
    const result = await api.updateSettings(patch);
    setSaving(false);
    if (result.ok) setSaved(true);
    else setError(result.error);
  };

  const check = (
    key: 'notifyOnFill' | 'notifyOnPartialFill' | 'notifyOnSessionFailure' | 'startMinimizedToTray',
    label: string,
    note?: string,
  ) => (
    <label className="check">
      <input
        type="checkbox"
        checked={settings[key]}
        onChange={(e) => void update({ [key]: e.target.checked })}
        data-testid={`setting-${key}`}
      />
      {label}
      {note && <span className="muted small"> {note}</span>}
    </label>
  );

  return (
    <Dialog title={t.settings} onClose={onClose} width={460} testId="settings-dialog">
      <fieldset>
        <legend>{t.notifications}</legend>
        {check('notifyOnFill', t.notifyOnFill)}
        {check('notifyOnPartialFill', t.notifyOnPartialFill)}
        {check('notifyOnSessionFailure', t.notifyOnSessionFailure)}
      </fieldset>
      <fieldset>
        <legend>{t.language}</legend>
        <select
          value={settings.language}
          onChange={(e) => void update({ language: e.target.value as Settings['language'] })}
          data-testid="setting-language"
        >
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </fieldset>
      <fieldset>
        <legend>{t.theme}</legend>
        <div className="seg" role="radiogroup">
          {(['system', 'light', 'dark'] as const).map((theme) => (
            <button
              key={theme}
              type="button"
              role="radio"
              aria-checked={settings.theme === theme}
              className={settings.theme === theme ? 'on' : ''}
              onClick={() => void update({ theme })}
              data-testid={`setting-theme-${theme}`}
            >
              {t.themeName[theme]}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.appName}</legend>
        {check(
          'startMinimizedToTray',
          t.startMinimizedToTray,
          host === 'browser' ? t.desktopOnly : undefined,
        )}
      </fieldset>
      <fieldset>
        <legend>{t.alerts.title}</legend>
        <AlertsSettings />
      </fieldset>
      <fieldset>
        <legend>{t.monitoring}</legend>
        <IntegerField
          value={settings.reconcileIntervalS}
          min={RECONCILE_INTERVAL_MIN_S}
          max={RECONCILE_INTERVAL_MAX_S}
          label={t.reconcileInterval}
          hint={t.reconcileIntervalHint}
          invalid={t.reconcileIntervalInvalid(RECONCILE_INTERVAL_MIN_S, RECONCILE_INTERVAL_MAX_S)}
          testId="setting-reconcileIntervalS"
          onCommit={(reconcileIntervalS) => void update({ reconcileIntervalS })}
        />
        <IntegerField
          value={settings.dailyPointsTarget}
          min={POINTS_TARGET_MIN}
          max={POINTS_TARGET_MAX}
          label={t.points.targetSetting}
          hint={t.points.targetSettingHint}
          invalid={t.points.targetSettingInvalid(POINTS_TARGET_MIN, POINTS_TARGET_MAX)}
          testId="setting-dailyPointsTarget"
          onCommit={(dailyPointsTarget) => void update({ dailyPointsTarget })}
        />
      </fieldset>
      <div className="dialog-actions">
        {saving && <Spinner />}
        {saved && !saving && <span className="ok-text small">{t.settingsSaved}</span>}
      </div>
      {error && <ErrorBox error={error} onDismiss={() => setError(null)} />}
    </Dialog>
  );
}

/** The limits `settingsPatchSchema` enforces; checked here too so a typo is said at once. */
const RECONCILE_INTERVAL_MIN_S = 10;
const RECONCILE_INTERVAL_MAX_S = 3600;
const POINTS_TARGET_MIN = 1;
const POINTS_TARGET_MAX = 40;

/** A whole number in `min..max`, or null. */
export function parseIntegerSetting(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

/**
 * A whole-number setting, edited as text and sent when the field is left (or Enter), so
 * typing "120" does not store "1" and "12" on the way.
 */
function IntegerField({
  value,
  min,
  max,
  label,
  hint,
  invalid,
  testId,
  onCommit,
}: {
  value: number;
  min: number;
  max: number;
  label: string;
  hint: string;
  invalid: string;
  testId: string;
  onCommit: (value: number) => void;
}) {
  const [draft, setDraft] = useState(String(value));
  // A change from elsewhere (another window) replaces the draft, adjusted during render.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(String(value));
  }
  const parsed = parseIntegerSetting(draft, min, max);
  const commit = () => {
    if (parsed !== null && parsed !== value) onCommit(parsed);
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        step={1}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        aria-invalid={parsed === null}
        data-testid={testId}
      />
      <span className={parsed === null ? 'warn small' : 'muted small'}>
        {parsed === null ? invalid : hint}
      </span>
    </label>
  );
}
