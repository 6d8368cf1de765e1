import { createStore, type StoreApi } from 'zustand/vanilla';
import { createGenerationsSlice } from './generationsSlice';
import { createOpenProjectSlice } from './openProjectSlice';
import { createPresetsSlice } from './presetsSlice';
import { createProjectsSlice } from './projectsSlice';
import { createSettingsSlice } from './settingsSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';

export type AppStore = StoreApi<AppState>;

export const createAppStore = (): AppStore =>
  createStore<AppState>()((...args) => ({
    ...createProjectsSlice(...args),
    ...createOpenProjectSlice(...args),
    ...createGenerationsSlice(...args),
    ...createUiSlice(...args),
    ...createPresetsSlice(...args),
    ...createSettingsSlice(...args),
  }));
