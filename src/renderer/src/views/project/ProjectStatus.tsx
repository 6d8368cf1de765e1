import { EmptyState } from '../../components/EmptyState';
import { Spinner } from '../../components/Spinner';
import { useAppStore, useController } from '../../hooks/appContext';
import { describeError } from '../../lib/errorText';

/** What shows before a project's snapshot is in: loading, missing, or failed to load. */
export const ProjectStatus = ({ projectId }: { projectId: string }) => {
  const controller = useController();
  const state = useAppStore((store) => store.avatarsState);
  const error = useAppStore((store) => store.avatarsError);

  if (state !== 'error' || !error) {
    return (
      <div className="project-view__loading">
        <Spinner label="Loading project" />
      </div>
    );
  }
  if (error.code === 'NOT_FOUND') {
    return (
      <EmptyState icon="folder" title="This project does not exist" action={<a className="btn btn--secondary" href="#/">Back to projects</a>}>
        It may have been deleted. Your other projects are still there.
      </EmptyState>
    );
  }
  const text = describeError(error);
  return (
    <EmptyState
      icon="alert"
      tone="error"
      title="This project could not be opened"
      action={
        <button type="button" className="btn btn--secondary" onClick={() => controller.openProject(projectId)}>
          Try again
        </button>
      }
    >
      {text.title}. {text.detail}
    </EmptyState>
  );
};
