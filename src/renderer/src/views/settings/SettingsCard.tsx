import type { ReactNode } from 'react';
import { Spinner } from '../../components/Spinner';
import type { SettingsSection } from '../../lib/route';

export const sectionElementId = (section: SettingsSection): string => `settings-${section}`;

interface SettingsCardProps {
  section: SettingsSection;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

/** One section of the Settings page: a titled card that a link (`#/settings/<section>`) scrolls to. */
export const SettingsCard = ({ section, title, description, children }: SettingsCardProps) => {
  const id = sectionElementId(section);
  return (
    <section id={id} className="settings-card" aria-labelledby={`${id}-title`} data-testid={id} tabIndex={-1}>
      <header className="settings-card__header">
        <h2 id={`${id}-title`} className="settings-card__title">
          {title}
        </h2>
        {description && <p className="settings-card__description">{description}</p>}
      </header>
      {children}
    </section>
  );
};

interface SaveBarProps {
  label: string;
  dirty: boolean;
  busy: boolean;
  saved: boolean;
  onDiscard(): void;
}

/** Save (a submit button) and Discard for a section's form, and a word on where it stands. */
export const SaveBar = ({ label, dirty, busy, saved, onDiscard }: SaveBarProps) => (
  <div className="settings-card__footer">
    <p className="settings-card__status" role="status">
      {saved ? 'Saved.' : dirty ? 'Unsaved changes.' : ''}
    </p>
    {dirty && (
      <button type="button" className="btn btn--quiet" onClick={onDiscard} disabled={busy}>
        Discard changes
      </button>
    )}
    <button type="submit" className="btn btn--primary" disabled={busy || !dirty}>
      {busy && <Spinner />}
      {busy ? 'Saving…' : label}
    </button>
  </div>
);
