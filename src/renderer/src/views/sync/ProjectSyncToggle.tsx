import { useId } from 'react';
import { FormProblem } from '../../components/FormProblem';
import { Spinner } from '../../components/Spinner';
import { useTransport } from '../../hooks/appContext';
import { describeError } from '../../lib/errorText';
import { routeHash } from '../../lib/route';
import { useSyncView } from './syncStore';
import { isSignedIn, projectSyncText } from './syncText';
import { useSyncCommand } from './useSyncCommand';
import './SyncWidgets.css';

/** "Sync to Lumiku" for one project, with where its sync stands; a way to sign in when signed out. */
export const ProjectSyncToggle = ({ projectId }: { projectId: string }) => {
  const transport = useTransport();
  const status = useSyncView((view) => view.status);
  const { running, failure, run } = useSyncCommand();
  const id = useId();
  if (status === null) return null;
  if (!isSignedIn(status))
    return (
      <a className="project-sync project-sync--link" href={routeHash({ kind: 'settings', section: 'sync' })} data-testid="project-sync-setup">
        Set up Lumiku sync
      </a>
    );
  const enabled = status.projectIds.includes(projectId);
  const text = projectSyncText(status, projectId);
  return (
    <div className="project-sync" data-testid="project-sync" data-enabled={enabled}>
      <label className="check project-sync__toggle" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={enabled}
          disabled={running !== null}
          aria-describedby={`${id}-state`}
          onChange={(event) => void run('toggle', () => transport.invoke('sync.setProject', { projectId, enabled: event.target.checked }))}
          data-testid="project-sync-toggle"
        />
        <span>Sync to Lumiku</span>
      </label>
      <span id={`${id}-state`} className="project-sync__state" data-testid="project-sync-state" role="status">
        {running ? <Spinner /> : text}
      </span>
      <FormProblem problem={failure ? describeError(failure) : null} />
    </div>
  );
};
