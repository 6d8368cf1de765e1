import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import type { SettingsPatch, Theme } from '../../../../shared/settings';
import { FormProblem } from '../../components/FormProblem';
import { useActions, useAppStore, useTransport } from '../../hooks/appContext';
import { describeError } from '../../lib/errorText';
import { systemNotices, type SystemNotices } from '../../lib/notices';
import { THEME_CHOICES, applyTheme } from '../../lib/theme';
import { ChoiceCards } from './ChoiceCards';
import { SettingsCard } from './SettingsCard';

const NOTICE_TEXT: Record<SystemNotices, string> = {
  granted: 'Shown as a system notification when the window is in the background.',
  ask: 'The browser asks once whether this page may show system notifications; until then a notice waits in the app.',
  blocked: 'This browser blocks notifications from this page, so a notice waits in the app for when you come back.',
  unavailable: 'Shown in the app when you come back to the window.',
};

/** Theme and notifications: each change is saved at once and applies live. */
export const AppearanceSection = () => {
  const transport = useTransport();
  const { settingsLoaded } = useActions();
  const settings = useAppStore((state) => state.settings);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [notices, setNotices] = useState<SystemNotices>(() => systemNotices(transport.shell));
  if (!settings) return null;

  const save = async (patch: SettingsPatch): Promise<boolean> => {
    setFailure(null);
    const result = await transport.invoke('settings.update', patch);
    if (!result.ok) {
      setFailure(result.error);
      return false;
    }
    settingsLoaded(result.value);
    return true;
  };

  const chooseTheme = async (theme: Theme) => {
    const before = settings.theme;
    applyTheme(theme);
    if (!(await save({ theme }))) applyTheme(before);
  };

  const toggleNotifications = async (on: boolean) => {
    // Asked from the click itself, the one moment a browser lets a page ask.
    if (on && notices === 'ask') void Notification.requestPermission().then(() => setNotices(systemNotices(transport.shell)));
    await save({ notifications: on });
  };

  return (
    <SettingsCard section="appearance" title="Appearance and notifications">
      <div className="settings-form">
        <FormProblem problem={failure ? describeError(failure) : null} />
        <ChoiceCards<Theme> legend="Theme" value={settings.theme} choices={THEME_CHOICES.map((choice) => ({ id: choice.id, label: choice.label, detail: choice.detail }))} onChange={(theme) => void chooseTheme(theme)} />
        <div className="settings-toggle">
          <label className="check">
            <input type="checkbox" checked={settings.notifications} onChange={(event) => void toggleNotifications(event.target.checked)} />
            <span>Tell me when avatars are ready</span>
          </label>
          <p className="field__hint">{settings.notifications ? NOTICE_TEXT[notices] : 'Off: the tray still shows each job as it finishes.'}</p>
        </div>
      </div>
    </SettingsCard>
  );
};
