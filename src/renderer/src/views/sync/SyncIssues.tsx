import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/errors';
import type { SyncIssue, SyncStatus } from '../../../../shared/sync';
import { FormProblem } from '../../components/FormProblem';
import { Icon } from '../../components/Icon';
import { useTransport } from '../../hooks/appContext';
import { useRefreshOnEvents } from '../../hooks/useRefreshOnEvents';
import { describeError } from '../../lib/errorText';
import { formatDateTime } from '../../lib/format';
import { issueTitle } from './syncText';
import { useSyncCommand } from './useSyncCommand';

type Resolution = 'keep_mine' | 'take_theirs' | 'retry' | 'discard';

const CHOICES: Record<SyncIssue['kind'], readonly { resolution: Resolution; label: string; primary?: boolean }[]> = {
  conflict: [
    { resolution: 'keep_mine', label: 'Keep mine', primary: true },
    { resolution: 'take_theirs', label: 'Take theirs' },
  ],
  error: [
    { resolution: 'retry', label: 'Retry', primary: true },
    { resolution: 'discard', label: 'Discard' },
  ],
};

const IssueItem = ({ issue, busy, onResolve }: { issue: SyncIssue; busy: boolean; onResolve(resolution: Resolution): void }) => {
  const titleId = `sync-issue-${issue.id}`;
  return (
    <li className={`sync-issue sync-issue--${issue.kind}`} aria-labelledby={titleId} data-testid="sync-issue" data-kind={issue.kind} data-entity={issue.entityId}>
      <div className="sync-issue__text">
        <p id={titleId} className="sync-issue__title">
          <Icon name={issue.kind === 'conflict' ? 'move' : 'alert'} size={16} />
          {issueTitle(issue)}
        </p>
        <p className="sync-issue__message" data-testid="sync-issue-message">
          {issue.message}
        </p>
        {issue.kind === 'conflict' && (
          <p className="sync-issue__when">
            Changed here {issue.localUpdatedAt === null ? '(unknown)' : formatDateTime(issue.localUpdatedAt)}, on Lumiku {issue.remoteUpdatedAt === null ? '(unknown)' : formatDateTime(issue.remoteUpdatedAt)}.
          </p>
        )}
      </div>
      <div className="sync-issue__actions">
        {CHOICES[issue.kind].map((choice) => (
          <button key={choice.resolution} type="button" className={`btn ${choice.primary ? 'btn--secondary' : 'btn--quiet'}`} disabled={busy} onClick={() => onResolve(choice.resolution)} aria-describedby={titleId}>
            {choice.label}
          </button>
        ))}
      </div>
    </li>
  );
};

/** What sync stopped on: each refusal with the server's own message, each conflict with Keep mine / Take theirs. */
export const SyncIssues = ({ status }: { status: SyncStatus }) => {
  const transport = useTransport();
  const { running, failure, run } = useSyncCommand();
  const [issues, setIssues] = useState<SyncIssue[] | null>(null);
  const [loadError, setLoadError] = useState<AppErrorShape | null>(null);
  const key = `${status.errors}/${status.conflicts}/${status.lastSyncAt ?? 0}`;

  const load = useCallback(async () => {
    const result = await transport.invoke('sync.issues', {});
    if (result.ok) {
      setIssues(result.value);
      setLoadError(null);
    } else setLoadError(result.error);
  }, [transport]);

  // The counts change with each sync.changed that matters; the list follows them.
  useEffect(() => void load(), [load, key]);
  useRefreshOnEvents([], () => void load());

  const resolve = async (issue: SyncIssue, resolution: Resolution) => {
    const done = await run(`${issue.id}`, () => transport.invoke('sync.resolve', { issueId: issue.id, resolution }));
    if (done) setIssues((list) => list?.filter((each) => each.id !== issue.id) ?? null);
    void load();
  };

  if (loadError) return <FormProblem problem={{ ...describeError(loadError), title: 'The sync issues could not be read' }} />;
  if (!issues || issues.length === 0) return null;
  return (
    <section className="sync-issues" aria-labelledby="sync-issues-title" data-testid="sync-issues">
      <h3 id="sync-issues-title" className="sync-issues__title">
        Needs your attention ({issues.length})
      </h3>
      <FormProblem problem={failure ? describeError(failure) : null} />
      <ul className="sync-issues__list">
        {issues.map((issue) => (
          <IssueItem key={issue.id} issue={issue} busy={running !== null} onResolve={(resolution) => void resolve(issue, resolution)} />
        ))}
      </ul>
    </section>
  );
};
