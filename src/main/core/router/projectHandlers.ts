import type { ProjectService } from '../projects/projectService';
import type { HandlerGroup } from './router';

export const projectHandlers = (
  projects: ProjectService,
): HandlerGroup<'projects.list' | 'projects.create' | 'projects.get' | 'projects.update' | 'projects.delete'> => ({
  'projects.list': () => projects.list(),
  'projects.create': (args) => projects.create(args),
  'projects.get': ({ id }) => projects.get(id),
  'projects.update': (args) => projects.update(args),
  'projects.delete': ({ id }) => projects.delete(id),
});
