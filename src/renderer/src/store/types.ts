import type { StateCreator } from 'zustand/vanilla';
import type { GenerationsSlice } from './generationsSlice';
import type { OpenProjectSlice } from './openProjectSlice';
import type { PresetsSlice } from './presetsSlice';
import type { ProjectsSlice } from './projectsSlice';
import type { SettingsSlice } from './settingsSlice';
import type { UiSlice } from './uiSlice';

export const LOAD_STATES = ['idle', 'loading', 'ready', 'error'] as const;
export type LoadState = (typeof LOAD_STATES)[number];

export type AppState = ProjectsSlice & OpenProjectSlice & GenerationsSlice & UiSlice & PresetsSlice & SettingsSlice;
export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>;
