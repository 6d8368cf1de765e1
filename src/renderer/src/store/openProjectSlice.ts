import type { Avatar, ProjectDetail, ProjectSummary } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { newestFirst, removeById, upsertOrdered } from '../lib/order';
import type { LoadState, SliceCreator } from './types';

export interface OpenProjectSlice {
  openProjectId: string | null;
  openProject: ProjectSummary | null;
  avatars: Avatar[];
  avatarsState: LoadState;
  avatarsError: AppErrorShape | null;
  projectOpening(id: string): void;
  projectOpened(detail: ProjectDetail): void;
  projectOpenFailed(error: AppErrorShape): void;
  projectClosed(): void;
  setOpenProject(project: ProjectSummary): void;
  upsertAvatar(avatar: Avatar): void;
  removeAvatar(id: string): void;
}

export const createOpenProjectSlice: SliceCreator<OpenProjectSlice> = (set) => ({
  openProjectId: null,
  openProject: null,
  avatars: [],
  avatarsState: 'idle',
  avatarsError: null,
  projectOpening: (id) =>
    set((state) =>
      state.openProjectId === id
        ? { avatarsState: state.avatarsState === 'ready' ? 'ready' : 'loading' }
        : { openProjectId: id, openProject: null, avatars: [], avatarsState: 'loading', avatarsError: null },
    ),
  projectOpened: ({ project, avatars }) =>
    set({ openProject: project, avatars: [...avatars].sort(newestFirst), avatarsState: 'ready', avatarsError: null }),
  projectOpenFailed: (error) =>
    set((state) => ({ avatarsError: error, avatarsState: state.avatarsState === 'ready' && error.code !== 'NOT_FOUND' ? 'ready' : 'error' })),
  projectClosed: () => set({ openProjectId: null, openProject: null, avatars: [], avatarsState: 'idle', avatarsError: null }),
  setOpenProject: (project) =>
    set((state) => (state.openProject && state.openProject.updatedAt > project.updatedAt ? {} : { openProject: project })),
  upsertAvatar: (avatar) => set((state) => ({ avatars: upsertOrdered(state.avatars, avatar) })),
  removeAvatar: (id) => set((state) => ({ avatars: removeById(state.avatars, id) })),
});
