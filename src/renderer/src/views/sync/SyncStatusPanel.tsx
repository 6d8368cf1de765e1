import { useState, type ReactNode } from 'react';
import type { SyncStatus } from '../../../../shared/sync';
import { FormProblem } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useTransport } from '../../hooks/appContext';
import { describeError } from '../../lib/errorText';
import { formatDateTime } from '../../lib/format';
import { formatRelative } from '../../lib/relativeTime';
import { ConfirmDialog } from '../../modals/ConfirmDialog';
import { initialProgress, pendingUsageText, syncActions, syncChipText, syncTone, type SyncTone } from './syncText';
import { useSyncStore } from './syncStore';
import { useSyncCommand } from './useSyncCommand';

/** Sync's tones in the shared chip's words. */
const CHIP_TONE = { ok: 'success', busy: 'info', warn: 'warning', error: 'danger', muted: 'neutral' } as const satisfies Record<SyncTone, string>;

/** The first sync's bar: how many avatars went up, and an estimate that respects the rate limits. */
const InitialProgressBar = ({ status }: { status: SyncStatus }) => {
  const progress = initialProgress(status.initial, status.paused);
  if (!progress) return null;
  return (
    <div className="sync-progress" data-testid="sync-initial">
      <p className="sync-progress__text">First sync: {progress.text}</p>
      <span className="progress sync-progress__bar" role="progressbar" aria-label="First sync" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress.percent} aria-valuetext={progress.text}>
        <span className="progress__fill" style={{ width: `${progress.percent}%` }} />
      </span>
    </div>
  );
};

const Fact = ({ label, children, testId }: { label: string; children: ReactNode; testId: string }) => (
  <div className="sync-facts__item">
    <dt>{label}</dt>
    <dd data-testid={testId}>{children}</dd>
  </div>
);

/** Signed in: who, where sync stands, its counts, and Pause / Resume / Sync now / Sign out. */
export const SyncStatusPanel = ({ status }: { status: SyncStatus }) => {
  const transport = useTransport();
  const sync = useSyncStore();
  const { running, failure, run } = useSyncCommand();
  const [confirming, setConfirming] = useState(false);
  const actions = syncActions(status);
  const usage = pendingUsageText(status);
  const reason = status.pauseReason && status.state !== 'auth_required' ? describeError(status.pauseReason) : null;

  return (
    <div className="sync-status" data-testid="sync-status" data-state={status.state}>
      <div className="sync-status__head">
        <p className="sync-status__line">
          <span className={`status-chip status-chip--${CHIP_TONE[syncTone(status.state)]}`} data-testid="sync-chip" role="status">
            {status.state === 'syncing' && <Spinner />}
            {syncChipText(status)}
          </span>
          {status.account && (
            <span className="sync-status__account" data-testid="sync-account">
              Signed in as <strong>{status.account.name ?? status.account.email}</strong>
              {status.account.name && ` (${status.account.email})`} on {status.serverUrl}
            </span>
          )}
        </p>
        <div className="sync-status__actions">
          {actions.now && (
            <button type="button" className="btn btn--secondary" onClick={() => void run('now', () => transport.invoke('sync.now', {}))} disabled={running !== null}>
              {running === 'now' ? <Spinner /> : <Icon name="retry" size={16} />}
              Sync now
            </button>
          )}
          {actions.pause && (
            <button type="button" className="btn btn--secondary" onClick={() => void run('pause', () => transport.invoke('sync.pause', {}))} disabled={running !== null}>
              <Icon name="pause" size={16} />
              Pause
            </button>
          )}
          {actions.resume && (
            <button type="button" className="btn btn--primary" onClick={() => void run('resume', () => transport.invoke('sync.resume', {}))} disabled={running !== null}>
              <Icon name="play" size={16} />
              Resume
            </button>
          )}
          <button type="button" className="btn btn--danger-ghost" onClick={() => setConfirming(true)} disabled={running !== null}>
            Sign out
          </button>
        </div>
      </div>
      {reason && (
        <p className="note note--warning" data-testid="sync-pause-reason">
          <Icon name="alert" size={16} />
          <span>
            <strong>{reason.title}.</strong> {reason.detail}
            {status.state === 'out_of_credits' && status.creditBalance !== null && ` Your Lumiku balance is ${status.creditBalance} credits.`}
          </span>
        </p>
      )}
      <dl className="sync-facts">
        <Fact label="Last sync" testId="sync-last">
          {status.lastSyncAt === null ? 'Never' : <time dateTime={new Date(status.lastSyncAt).toISOString()} title={formatDateTime(status.lastSyncAt)}>{formatRelative(status.lastSyncAt)}</time>}
        </Fact>
        <Fact label="Queued" testId="sync-queued">
          {status.queued.toLocaleString()}
        </Fact>
        <Fact label="Pending usage" testId="sync-pending-usage">
          {status.pendingUsage.toLocaleString()}
        </Fact>
        <Fact label="Errors" testId="sync-errors">
          {status.errors.toLocaleString()}
        </Fact>
        <Fact label="Conflicts" testId="sync-conflicts">
          {status.conflicts.toLocaleString()}
        </Fact>
        {status.creditBalance !== null && (
          <Fact label="Lumiku balance" testId="sync-balance">
            {status.creditBalance.toLocaleString()} credits
          </Fact>
        )}
      </dl>
      <InitialProgressBar status={status} />
      {usage && (
        <p className={`note ${status.serverAcceptsUsage === false ? 'note--info' : ''}`} data-testid="sync-usage-note">
          <Icon name="info" size={16} />
          <span>{usage}</span>
        </p>
      )}
      <FormProblem problem={failure ? describeError(failure) : null} />
      {confirming && (
        <ConfirmDialog
          title="Sign out of Lumiku?"
          confirmLabel="Sign out"
          onConfirm={async () => {
            const result = await transport.invoke('sync.logout', {});
            if (!result.ok) return result.error;
            sync.apply(result.value);
            return null;
          }}
          onClose={() => setConfirming(false)}
        >
          The session is forgotten on this computer. Nothing is deleted here or on Lumiku; {status.queued > 0 ? `${status.queued.toLocaleString()} queued changes wait until you sign in again.` : 'sign in again to carry on syncing.'}
        </ConfirmDialog>
      )}
    </div>
  );
};
