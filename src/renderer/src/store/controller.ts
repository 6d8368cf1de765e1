import type { AppEvent } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/errors';
import { EVENT_NAMES } from '../../../shared/names';
import { describeError } from '../lib/errorText';
import { navigate } from '../lib/route';
import type { AppTransport } from '../transport';
import type { AppStore } from './createAppStore';
import { createGenerationsSync } from './generationsSync';
import { createPresetsSync, type PresetsSync } from './presetsSync';
import { createSettingsSync, type SettingsSync } from './settingsSync';

/** Loads snapshots and keeps them current from pushed events. Views only read the store. */
export interface AppController {
  start(): () => void;
  openProject(id: string): void;
  closeProject(): void;
  reloadProjects(): Promise<void>;
  /** A deletion or move this window is about to make: its event needs no "changed elsewhere" notice. */
  expectRemoval(id: string): void;
  /** True (once) if `id` went away because this window removed it. */
  takeExpectedRemoval(id: string): boolean;
  presets: PresetsSync;
  settings: SettingsSync;
}

interface Load {
  id: string | null;
  /** Events that arrived while the snapshot was in flight, replayed on top of it. */
  buffer: AppEvent[];
}

export const createController = (transport: AppTransport, store: AppStore): AppController => {
  let projectsLoad: Load | null = null;
  let openLoad: Load | null = null;
  const expectedRemovals = new Set<string>();
  const generations = createGenerationsSync(transport, store);
  const presets = createPresetsSync(transport, store);
  const settings = createSettingsSync(transport, store);
  const state = store.getState;

  const notifyFailure = (title: string, error: AppErrorShape): void => {
    state().pushToast({ tone: 'error', title, detail: describeError(error).detail });
  };

  const openProjectGone = (): void => {
    const { openProject, openProjectId } = state();
    if (!openProjectId) return;
    openLoad = null;
    state().projectClosed();
    navigate({ kind: 'projects' });
    if (expectedRemovals.delete(openProjectId)) return;
    state().pushToast({
      tone: 'info',
      title: openProject ? `“${openProject.name}” was deleted` : 'This project was deleted',
      detail: 'It was removed in another window or from the command line.',
    });
  };

  const applyToProjects = (event: AppEvent): void => {
    if (event.name === 'project.changed') state().upsertProject(event.payload.project);
    else if (event.name === 'project.deleted') state().removeProject(event.payload.id);
  };

  const applyToOpenProject = (event: AppEvent): void => {
    const { openProjectId, avatars } = state();
    if (!openProjectId) return;
    switch (event.name) {
      case 'project.changed':
        if (event.payload.project.id === openProjectId) state().setOpenProject(event.payload.project);
        return;
      case 'project.deleted':
        if (event.payload.id === openProjectId) openProjectGone();
        return;
      case 'avatar.changed': {
        const { avatar } = event.payload;
        if (avatar.projectId === openProjectId) state().upsertAvatar(avatar);
        else if (avatars.some((entry) => entry.id === avatar.id)) state().removeAvatar(avatar.id);
        return;
      }
      case 'avatar.deleted':
        state().removeAvatar(event.payload.id);
        return;
    }
  };

  const handle = (event: AppEvent): void => {
    projectsLoad?.buffer.push(event);
    openLoad?.buffer.push(event);
    applyToProjects(event);
    applyToOpenProject(event);
    generations.handle(event);
    presets.handle(event);
    settings.handle(event);
  };

  const reloadProjects = async (): Promise<void> => {
    const load: Load = { id: null, buffer: [] };
    projectsLoad = load;
    state().projectsLoading();
    const result = await transport.invoke('projects.list', {});
    if (projectsLoad !== load) return;
    projectsLoad = null;
    if (!result.ok) {
      const wasShowing = state().projectsState === 'ready';
      state().projectsFailed(result.error);
      if (wasShowing) notifyFailure('Could not refresh projects', result.error);
      return;
    }
    state().projectsLoaded(result.value);
    for (const event of load.buffer) applyToProjects(event);
  };

  const loadOpenProject = async (id: string): Promise<void> => {
    const load: Load = { id, buffer: [] };
    openLoad = load;
    const wasShowing = state().avatarsState === 'ready';
    const result = await transport.invoke('projects.get', { id });
    if (openLoad !== load || state().openProjectId !== id) return;
    openLoad = null;
    if (!result.ok) {
      // Deleted while our event stream was down: the same as hearing about it live.
      if (wasShowing && result.error.code === 'NOT_FOUND') return openProjectGone();
      state().projectOpenFailed(result.error);
      if (wasShowing) notifyFailure('Could not refresh this project', result.error);
      return;
    }
    state().projectOpened(result.value);
    for (const event of load.buffer) applyToOpenProject(event);
  };

  const resync = (): void => {
    void reloadProjects();
    void generations.load();
    void settings.load();
    presets.resync();
    const { openProjectId } = state();
    if (openProjectId) void loadOpenProject(openProjectId);
  };

  return {
    start() {
      const stops = EVENT_NAMES.map((name) => transport.on(name, (payload) => handle({ name, payload } as AppEvent)));
      stops.push(transport.onResync(resync));
      void reloadProjects();
      void generations.load();
      void settings.load();
      return () => stops.forEach((stop) => stop());
    },
    openProject(id) {
      const { openProjectId, avatarsState } = state();
      if (openProjectId === id && avatarsState !== 'error' && avatarsState !== 'idle') return;
      state().projectOpening(id);
      void loadOpenProject(id);
    },
    closeProject() {
      openLoad = null;
      if (state().openProjectId) state().projectClosed();
    },
    reloadProjects,
    expectRemoval(id) {
      expectedRemovals.add(id);
    },
    takeExpectedRemoval: (id) => expectedRemovals.delete(id),
    presets,
    settings,
  };
};
