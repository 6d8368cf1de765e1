import { useId, type CSSProperties } from 'react';
import type { ProjectSummary } from '../../../../shared/domain';
import { Thumbnail } from '../../components/Thumbnail';
import { useTransport } from '../../hooks/appContext';
import { formatDate, plural } from '../../lib/format';
import { routeHash } from '../../lib/route';

/** A stable hue per project, so covers without an avatar are still told apart at a glance. */
const hueOf = (id: string): number => {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return hash;
};

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');

export const ProjectCard = ({ project }: { project: ProjectSummary }) => {
  const transport = useTransport();
  const nameId = useId();
  const descriptionId = useId();
  const metaId = useId();
  return (
    <li className="project-card-item">
      <a className="project-card" href={routeHash({ kind: 'project', projectId: project.id, avatarId: null })} data-testid="project-card" aria-labelledby={nameId} aria-describedby={`${descriptionId} ${metaId}`}>
        <span className="project-card__cover" style={{ '--cover-hue': hueOf(project.id) } as CSSProperties}>
          {project.coverAvatarId ? (
            <Thumbnail key={project.coverAvatarId} src={transport.imageUrl(project.coverAvatarId, 'thumb')} className="project-card__image" />
          ) : (
            <span className="project-card__initials" aria-hidden="true">
              {initials(project.name)}
            </span>
          )}
        </span>
        <span className="project-card__body">
          <span className="project-card__name" id={nameId}>{project.name}</span>
          <span id={descriptionId} className={`project-card__description${project.description ? '' : ' project-card__description--empty'}`}>
            {project.description ?? 'No description'}
          </span>
          <span id={metaId} className="project-card__meta">
            <span>{plural(project.avatarCount, 'avatar')}</span>
            <span aria-hidden="true">·</span>
            <span>Created {formatDate(project.createdAt)}</span>
          </span>
        </span>
      </a>
    </li>
  );
};
