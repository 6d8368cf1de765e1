import type { ProjectSummary } from '../../../../shared/domain';
import { LIMITS } from '../../../../shared/vocabulary';
import { Icon } from '../../components/Icon';
import { InlineText } from '../../components/InlineText';
import { useActions, useTransport } from '../../hooks/appContext';
import { formatDate, plural } from '../../lib/format';
import { ProjectSyncToggle } from '../sync/ProjectSyncToggle';

interface ProjectHeaderProps {
  project: ProjectSummary;
  onUpload(): void;
  onGenerate(): void;
  /** Pick an image file, then make new avatars from it with an instruction. */
  onFromImage(): void;
  onDelete(): void;
}

export const ProjectHeader = ({ project, onUpload, onGenerate, onFromImage, onDelete }: ProjectHeaderProps) => {
  const transport = useTransport();
  const { setOpenProject, upsertProject } = useActions();

  const update = async (change: { name?: string; description?: string }) => {
    const result = await transport.invoke('projects.update', { id: project.id, ...change });
    if (!result.ok) return result.error;
    setOpenProject(result.value);
    upsertProject(result.value);
    return null;
  };

  return (
    <header className="project-header">
      <div className="project-header__text">
        <InlineText
          variant="title"
          value={project.name}
          label="Project name"
          editLabel="Rename project"
          placeholder="Project name"
          maxLength={LIMITS.projectName}
          onSave={(name) => update({ name })}
        />
        <InlineText
          variant="body"
          multiline
          value={project.description ?? ''}
          label="Project description"
          editLabel="Edit description"
          placeholder="Add a description"
          maxLength={LIMITS.projectDescription}
          onSave={(description) => update({ description })}
        />
        <p className="project-header__meta">
          {plural(project.avatarCount, 'avatar')} · Created {formatDate(project.createdAt)}
        </p>
        <ProjectSyncToggle projectId={project.id} />
      </div>
      <div className="project-header__actions">
        <button type="button" className="btn btn--danger-ghost" onClick={onDelete}>
          <Icon name="trash" size={16} />
          Delete project
        </button>
        <button type="button" className="btn btn--secondary" onClick={onUpload}>
          <Icon name="upload" size={16} />
          Upload
        </button>
        <button type="button" className="btn btn--secondary" onClick={onFromImage} data-testid="from-image-button" title="Make new avatars from an image file and an instruction">
          <Icon name="image" size={16} />
          From an image…
        </button>
        <button type="button" className="btn btn--primary" onClick={onGenerate} data-testid="generate-button">
          <Icon name="sparkles" size={16} />
          Generate
        </button>
      </div>
    </header>
  );
};
