import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { useAppStore, useController } from '../../hooks/appContext';
import { describeError } from '../../lib/errorText';
import { routeHash, type SettingsSection } from '../../lib/route';
import { AppearanceSection } from './AppearanceSection';
import { CreditsSection } from './CreditsSection';
import { GenerationSection } from './GenerationSection';
import { LibrarySection } from './LibrarySection';
import { sectionElementId } from './SettingsCard';
import { TokenSection } from './TokenSection';
import { SyncSection } from '../sync/SyncSection';
import './SettingsView.css';

const NAV: readonly { section: SettingsSection; label: string }[] = [
  { section: 'generation', label: 'Generation' },
  { section: 'token', label: 'Hugging Face token' },
  { section: 'credits', label: 'Credits' },
  { section: 'appearance', label: 'Appearance' },
  { section: 'library', label: 'Library' },
  { section: 'sync', label: 'Lumiku sync' },
];

/** Brings the linked section into view (and gives it focus, so the keyboard starts there). */
const useScrollToSection = (section: SettingsSection | null, ready: boolean): void => {
  useEffect(() => {
    if (!section || !ready) return;
    const frame = requestAnimationFrame(() => {
      const element = document.getElementById(sectionElementId(section));
      element?.scrollIntoView({ block: 'start' });
      element?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [ready, section]);
};

/** Everything the user can set, section by section; live while open, whoever changes what. */
export const SettingsView = ({ section }: { section: SettingsSection | null }) => {
  const controller = useController();
  const state = useAppStore((app) => app.settingsState);
  const error = useAppStore((app) => app.settingsError);
  const ready = useAppStore((app) => app.settings !== null);
  useScrollToSection(section, ready);

  return (
    <div className="settings-view" data-testid="settings-view">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">Settings</h1>
          <p className="page-header__subtitle">Shared by the desktop app, the web bridge and the command line.</p>
        </div>
      </header>
      {ready ? (
        <div className="settings-layout">
          <nav className="settings-nav" aria-label="Settings sections">
            <ul>
              {NAV.map((entry) => (
                <li key={entry.section}>
                  <a className="settings-nav__link" href={routeHash({ kind: 'settings', section: entry.section })} aria-current={section === entry.section ? 'true' : undefined}>
                    {entry.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="settings-sections">
            <GenerationSection />
            <TokenSection />
            <CreditsSection />
            <AppearanceSection />
            <LibrarySection />
            <SyncSection />
          </div>
        </div>
      ) : state === 'error' && error ? (
        <EmptyState
          icon="alert"
          tone="error"
          title="The settings could not be loaded"
          action={
            <button type="button" className="btn btn--secondary" onClick={() => void controller.settings.load()}>
              Try again
            </button>
          }
        >
          {describeError(error).title}. {describeError(error).detail}
        </EmptyState>
      ) : (
        <div className="settings-card settings-card--skeleton" aria-busy="true" aria-label="Loading settings" />
      )}
    </div>
  );
};
