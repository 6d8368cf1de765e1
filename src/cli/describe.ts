import type { Avatar, ProjectSummary } from '../shared/domain';
import { formatDate, table } from './output';

export const projectTable = (projects: ProjectSummary[]): string =>
  table(
    ['ID', 'NAME', 'AVATARS', 'CREATED'],
    projects.map((project) => [project.id, project.name, String(project.avatarCount), formatDate(project.createdAt)]),
  );

export const avatarTable = (avatars: Avatar[]): string =>
  table(
    ['ID', 'NAME', 'PROJECT', 'GENDER', 'AGE RANGE', 'SIZE'],
    avatars.map((avatar) => [
      avatar.id,
      avatar.name,
      avatar.projectId,
      avatar.attributes.gender ?? '-',
      avatar.attributes.ageRange ?? '-',
      `${avatar.image.width}×${avatar.image.height}`,
    ]),
  );

export const describeProject = (project: ProjectSummary): string =>
  [`${project.name}  (${project.id})`, project.description ?? '', `${project.avatarCount} avatar(s), created ${formatDate(project.createdAt)}`]
    .filter(Boolean)
    .join('\n');

export const describeAvatar = (avatar: Avatar): string => {
  const { persona, attributes } = avatar;
  const fields: [string, string | number | null][] = [
    ['id', avatar.id],
    ['project', avatar.projectId],
    ['source', avatar.sourceType],
    ['image', `${avatar.image.format} ${avatar.image.width}×${avatar.image.height}, ${avatar.image.byteSize} bytes`],
    ['persona name', persona.name],
    ['persona age', persona.age],
    ['personality', persona.personality.join(', ') || null],
    ['background', persona.background],
    ...Object.entries(attributes).map(([key, value]): [string, string | null] => [key, value]),
    ['used', `${avatar.usageCount} time(s), last ${formatDate(avatar.lastUsedAt)}`],
    ['created', formatDate(avatar.createdAt)],
  ];
  return [avatar.name, ...fields.filter(([, value]) => value !== null && value !== '').map(([key, value]) => `  ${key.padEnd(13)} ${value}`)].join('\n');
};
