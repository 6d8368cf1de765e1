import { describeError } from '../../lib/errorText';
import { SettingsCard } from '../settings/SettingsCard';
import { SyncIssues } from './SyncIssues';
import { SyncLoginForm } from './SyncLoginForm';
import { SyncStatusPanel } from './SyncStatusPanel';
import { useSyncView } from './syncStore';
import './Sync.css';

const DESCRIPTION = 'Keeps the projects you choose, their avatars and how they were used in your Lumiku account. Turn it on per project, from the project’s header.';

/** Settings → Lumiku sync: sign in, where sync stands, and what it stopped on; live through sync.changed. */
export const SyncSection = () => {
  const status = useSyncView((view) => view.status);
  const error = useSyncView((view) => view.error);
  return (
    <SettingsCard section="sync" title="Lumiku sync" description={DESCRIPTION}>
      {status === null ? (
        <p className="settings-card__empty" data-testid="sync-unavailable">
          {error ? `Sync is not available: ${describeError(error).detail}` : 'Reading the sync status…'}
        </p>
      ) : status.state === 'signed_out' ? (
        <SyncLoginForm status={status} />
      ) : (
        <>
          {status.state === 'auth_required' && (
            <div className="sync-again" data-testid="sync-auth-required">
              <p className="note note--warning" role="alert">
                <span>
                  <strong>Your Lumiku session has expired.</strong> Sync is paused until you sign in again; nothing queued is lost.
                </span>
              </p>
              <SyncLoginForm status={status} again />
            </div>
          )}
          <SyncStatusPanel status={status} />
          <SyncIssues status={status} />
        </>
      )}
    </SettingsCard>
  );
};
