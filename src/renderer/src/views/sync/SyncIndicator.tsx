import type { SyncState } from '../../../../shared/sync';
import { Icon, type IconName } from '../../components/Icon';
import { routeHash } from '../../lib/route';
import { useSyncView } from './syncStore';
import { isSignedIn, syncSummary, syncTone } from './syncText';
import './SyncWidgets.css';

const ICONS: Record<SyncState, IconName> = {
  signed_out: 'info',
  idle: 'check',
  syncing: 'retry',
  paused: 'pause',
  offline: 'wifiOff',
  auth_required: 'alert',
  out_of_credits: 'alert',
};

/** The top bar's sync state while signed in; a link to Settings → Lumiku sync. */
export const SyncIndicator = () => {
  const status = useSyncView((view) => view.status);
  if (!isSignedIn(status)) return null;
  const summary = syncSummary(status);
  const issues = status.errors + status.conflicts;
  return (
    <a
      className={`sync-indicator sync-indicator--${syncTone(status.state)}`}
      href={routeHash({ kind: 'settings', section: 'sync' })}
      aria-label={`Lumiku sync: ${summary}`}
      title={summary}
      data-testid="sync-indicator"
      data-state={status.state}
    >
      <span className={status.state === 'syncing' ? 'sync-indicator__spin' : undefined}>
        <Icon name={ICONS[status.state]} size={16} />
      </span>
      {issues > 0 && (
        <span className="sync-indicator__badge" aria-hidden="true">
          {issues > 99 ? '99+' : issues}
        </span>
      )}
    </a>
  );
};
