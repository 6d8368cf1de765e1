import type { ProjectSummary } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { newestFirst, removeById, upsertOrdered } from '../lib/order';
import type { LoadState, SliceCreator } from './types';

export interface ProjectsSlice {
  projects: ProjectSummary[];
  projectsState: LoadState;
  projectsError: AppErrorShape | null;
  projectsLoading(): void;
  projectsLoaded(projects: ProjectSummary[]): void;
  projectsFailed(error: AppErrorShape): void;
  upsertProject(project: ProjectSummary): void;
  removeProject(id: string): void;
}

export const createProjectsSlice: SliceCreator<ProjectsSlice> = (set) => ({
  projects: [],
  projectsState: 'idle',
  projectsError: null,
  // A reload keeps what is shown; only the very first load shows a loading state.
  projectsLoading: () => set((state) => ({ projectsState: state.projectsState === 'ready' ? 'ready' : 'loading' })),
  projectsLoaded: (projects) => set({ projects: [...projects].sort(newestFirst), projectsState: 'ready', projectsError: null }),
  projectsFailed: (error) => set((state) => ({ projectsError: error, projectsState: state.projectsState === 'ready' ? 'ready' : 'error' })),
  upsertProject: (project) => set((state) => ({ projects: upsertOrdered(state.projects, project) })),
  removeProject: (id) => set((state) => ({ projects: removeById(state.projects, id) })),
});
