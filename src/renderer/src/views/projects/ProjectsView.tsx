import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { useAppStore, useController } from '../../hooks/appContext';
import { describeError } from '../../lib/errorText';
import { plural } from '../../lib/format';
import { navigate } from '../../lib/route';
import { NewProjectModal } from '../../modals/NewProjectModal';
import { ProjectCard } from './ProjectCard';
import './ProjectsView.css';

const SKELETONS = [0, 1, 2, 3];

export const ProjectsView = () => {
  const controller = useController();
  const projects = useAppStore((state) => state.projects);
  const loadState = useAppStore((state) => state.projectsState);
  const error = useAppStore((state) => state.projectsError);
  const [creating, setCreating] = useState(false);

  const content = () => {
    if (loadState === 'error' && error) {
      const text = describeError(error);
      return (
        <EmptyState
          icon="alert"
          tone="error"
          title="Your projects could not be loaded"
          action={
            <button type="button" className="btn btn--secondary" onClick={() => void controller.reloadProjects()}>
              Try again
            </button>
          }
        >
          {text.title}. {text.detail}
        </EmptyState>
      );
    }
    if (loadState !== 'ready') {
      return (
        <ul className="project-grid" aria-busy="true" aria-label="Loading projects">
          {SKELETONS.map((key) => (
            <li key={key} className="project-card project-card--skeleton" />
          ))}
        </ul>
      );
    }
    if (projects.length === 0) {
      return (
        <EmptyState
          icon="folder"
          title="No projects yet"
          action={
            <button type="button" className="btn btn--primary btn--large" onClick={() => setCreating(true)}>
              <Icon name="plus" size={16} />
              Create your first project
            </button>
          }
        >
          Projects keep related avatars together — a campaign, a game, a client. Start one, then drop images into it.
        </EmptyState>
      );
    }
    return (
      <ul className="project-grid" aria-label="Projects">
        {projects.map((project) => (
          <ProjectCard key={project.id} project={project} />
        ))}
      </ul>
    );
  };

  return (
    <div className="projects-view">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">Projects</h1>
          <p className="page-header__subtitle">
            {loadState === 'ready' && projects.length > 0
              ? `${plural(projects.length, 'project')} · ${plural(
                  projects.reduce((sum, project) => sum + project.avatarCount, 0),
                  'avatar',
                )}`
              : 'Your avatar library, organised by project.'}
          </p>
        </div>
        <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
          <Icon name="plus" size={16} />
          New project
        </button>
      </header>
      {content()}
      {creating && (
        <NewProjectModal
          onClose={() => setCreating(false)}
          onCreated={(project) => {
            setCreating(false);
            navigate({ kind: 'project', projectId: project.id, avatarId: null });
          }}
        />
      )}
    </div>
  );
};
