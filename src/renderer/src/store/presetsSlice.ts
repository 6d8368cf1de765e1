import type { Preset } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { presetOrder } from '../lib/presetText';
import type { LoadState, SliceCreator } from './types';

export interface PresetsSlice {
  /** Built-in and user presets, in gallery order; loaded when first needed, then kept current by events. */
  presets: Preset[];
  presetsState: LoadState;
  presetsError: AppErrorShape | null;
  /** The project last opened in this window: where "Use preset" puts avatars unless told otherwise. */
  lastProjectId: string | null;
  presetsLoading(): void;
  presetsLoaded(presets: readonly Preset[]): void;
  presetsFailed(error: AppErrorShape): void;
  upsertPreset(preset: Preset): void;
  removePreset(id: string): void;
  setLastProjectId(id: string): void;
}

const LAST_PROJECT_KEY = 'avatar-creator.presets.lastProjectId';

const readLastProject = (): string | null => {
  try {
    return localStorage.getItem(LAST_PROJECT_KEY);
  } catch {
    return null;
  }
};

const saveLastProject = (id: string): void => {
  try {
    localStorage.setItem(LAST_PROJECT_KEY, id);
  } catch {
    // Storage refused: remembered for this window only.
  }
};

const upsertPresetIn = (list: readonly Preset[], preset: Preset): Preset[] => {
  const existing = list.find((entry) => entry.id === preset.id);
  // A copy older than the one held is ignored, so an event that raced a fresher snapshot cannot roll back.
  if (existing && existing.updatedAt > preset.updatedAt) return list as Preset[];
  return [...list.filter((entry) => entry.id !== preset.id), preset].sort(presetOrder);
};

export const createPresetsSlice: SliceCreator<PresetsSlice> = (set) => ({
  presets: [],
  presetsState: 'idle',
  presetsError: null,
  lastProjectId: readLastProject(),
  presetsLoading: () => set((state) => ({ presetsState: state.presetsState === 'ready' ? 'ready' : 'loading' })),
  presetsLoaded: (presets) => set({ presets: [...presets].sort(presetOrder), presetsState: 'ready', presetsError: null }),
  presetsFailed: (error) => set((state) => ({ presetsError: error, presetsState: state.presetsState === 'ready' ? 'ready' : 'error' })),
  upsertPreset: (preset) => set((state) => ({ presets: upsertPresetIn(state.presets, preset) })),
  removePreset: (id) => set((state) => (state.presets.some((preset) => preset.id === id) ? { presets: state.presets.filter((preset) => preset.id !== id) } : {})),
  setLastProjectId: (id) => {
    saveLastProject(id);
    set({ lastProjectId: id });
  },
});
